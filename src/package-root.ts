// Finds files shipped with lamd (schemas, data, templates) whether it runs bundled from dist/ or
// from src/ under the tests.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'lamd') return (root = dir);
    const parent = dirname(dir);
    if (parent === dir) throw new Error('lamd cannot find its own installation folder (package.json named "lamd").');
    dir = parent;
  }
}

export function packageFile(...parts: string[]): string {
  return join(packageRoot(), ...parts);
}
