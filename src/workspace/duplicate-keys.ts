// Every duplicate key of a file, with its position. js-yaml stops at the first; the `yaml` package
// reports them all, and is loaded only for the rare file that has one.
import { parseDocument } from 'yaml';
import type { Diagnostic } from '../diagnostics.js';
import { keyAt, lineStarts, positionAt } from './source.js';
import { YAML_PACKAGE_OPTIONS } from './yaml-core.js';

export function duplicateKeyDiagnostics(file: string, text: string): Diagnostic[] {
  const doc = parseDocument(text, YAML_PACKAGE_OPTIONS);
  const starts = lineStarts(text);
  const out: Diagnostic[] = [];
  for (const error of doc.errors) {
    if (error.code !== 'DUPLICATE_KEY') continue;
    const from = error.pos[0];
    const key = keyAt(text, from);
    // The range covers the key as written (quotes included), up to its colon.
    const written = /^("[^"\n]*"|'[^'\n]*'|[^:#\n]+?)\s*:/.exec(text.slice(from, from + 1024))?.[1];
    const start = positionAt(starts, from);
    out.push({
      file,
      severity: 'error',
      ruleId: 'yaml/duplicate-key',
      message: `The key ${key ? `\`${key}\` ` : ''}appears twice in the same mapping; YAML forbids it, and lamd keeps only the last value. Keep one.`,
      range: { start, end: positionAt(starts, from + (written?.length ?? 1)) },
    });
  }
  return out;
}
