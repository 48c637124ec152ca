// Floor 2: read every file and parse it with js-yaml, YAML 1.2 core schema (how lamd reads YAML:
// dates stay strings), keeping nothing but a count. This is what a validator costs before it
// checks anything: the target is that lamd stays close to this, not to its own past.
// js-yaml is lamd's own dependency, so this uses the project's copy; nothing is installed.
// Usage: node bench/floor-parse.mjs <workspace>
import { readFileSync } from 'node:fs';
import jsyaml from 'js-yaml';
import { yamlFiles } from './files.mjs';

const files = yamlFiles(process.argv[2] ?? '.');
let keys = 0;
let failed = 0;
for (const file of files) {
  try {
    const value = jsyaml.load(readFileSync(file, 'utf8'), { schema: jsyaml.CORE_SCHEMA, filename: file });
    if (value && typeof value === 'object') keys += Object.keys(value).length;
  } catch {
    failed++; // a broken file is counted, never fatal: the floor must cover the same files lamd does
  }
}
console.log(`${files.length} files, ${keys} top-level keys, ${failed} unparsable`);
