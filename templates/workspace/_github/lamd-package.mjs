// Prints the npm package spec of the lamd that CI installs: the `lamd_package` line of lamd.yaml
// (a version on a registry such as lamd@1.2.0, a tarball URL, or a git URL). The workflow
// .github/workflows/lamd.yml runs it, so lamd.yaml stays the one place that says which lamd checks
// this workspace. Plain Node.js, no package: it runs before anything is installed.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

// What the workflow's log says when lamd.yaml cannot tell, in the workspace's language (lamd init writes them).
const UNREADABLE = "{{ciUnreadable}}";
const NO_PACKAGE = "{{ciNoPackage}}";

/** The value of a top-level `lamd_package:` line: plain, 'single-quoted' or "double-quoted", a comment allowed after it. */
export function lamdPackage(text) {
  const line = /^lamd_package:[ \t]*(.*?)[ \t]*\r?$/m.exec(text);
  if (!line) return undefined;
  const value = line[1];
  const double = /^"((?:[^"\\]|\\.)*)"[ \t]*(?:#.*)?$/.exec(value);
  if (double) return JSON.parse(`"${double[1]}"`);
  const single = /^'((?:[^']|'')*)'[ \t]*(?:#.*)?$/.exec(value);
  if (single) return single[1].replace(/''/g, "'");
  const plain = /^([^#'"\s](?:[^#]|(?<! )#)*?)[ \t]*(?:[ \t]#.*)?$/.exec(value);
  return plain ? plain[1] : undefined;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  let text;
  try {
    text = readFileSync('lamd.yaml', 'utf8');
  } catch (error) {
    process.stdout.write(`::error title=lamd::${UNREADABLE.replace('{code}', error.code ?? error.message)}\n`);
    process.exit(1);
  }
  const spec = lamdPackage(text);
  if (!spec) {
    process.stdout.write(`::error file=lamd.yaml,title=lamd::${NO_PACKAGE}\n`);
    process.exit(1);
  }
  process.stdout.write(`${spec}\n`);
}
