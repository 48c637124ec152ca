// Whether a file is a report `lamd validate -o` wrote before: such a file is replaced by the next run
// (a CI job or an editor task writes the same file every time), any other file only with --force.

/** How much of each end of a file is read to tell: every format's mark sits in its first or last lines. */
export const OWN_OUTPUT_PROBE_BYTES = 1024;

/**
 * Whether `head` and `tail` (the first and last OWN_OUTPUT_PROBE_BYTES of a file, decoded) are those
 * of a report of lamd's: json and sarif name lamd as their tool at the top, junit carries lamd's
 * comment under its declaration, pretty and github end with lamd's line (the version, then ` · `).
 */
export function isOwnOutput(head: string, tail: string): boolean {
  if (head.length === 0) return true;
  return JSON_REPORT.test(head) || SARIF_REPORT.test(head) || JUNIT_REPORT.test(head) || TEXT_REPORT.test(tail);
}

const JSON_REPORT = /^\{\s*"formatVersion": \d+,\s*"language": "[^"]*",\s*"tool": \{\s*"name": "lamd",/;
const SARIF_REPORT = /^\{\s*"\$schema": "[^"]*sarif[^"]*",\s*"version": "2\.1\.0",\s*"runs": \[\s*\{\s*"tool": \{\s*"driver": \{\s*"name": "lamd",/;
const JUNIT_REPORT = /^<\?xml [^>]*\?>\r?\n<!-- lamd \d[^ ]* \u00b7 /;
const TEXT_REPORT = /(?:^|\n)lamd \d[^ \n]* \u00b7 [^\n]*\n?$/;
