// Floor 1: the least any validator must do on a workspace: start Node, find the files, read
// every byte and decode it as UTF-8. Nothing can check the files faster than this in Node.
// Usage: node bench/floor-read.mjs <workspace>
import { readFileSync } from 'node:fs';
import { yamlFiles } from './files.mjs';

const files = yamlFiles(process.argv[2] ?? '.');
let chars = 0;
for (const file of files) chars += readFileSync(file, 'utf8').length; // decode too: lamd reads text
// Printing the total keeps the work observable (and the result checkable by hand).
console.log(`${files.length} files, ${chars} characters`);
