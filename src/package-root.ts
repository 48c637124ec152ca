// Finds files shipped with lamd (schemas, data, templates, its package.json) whether it runs bundled
// from dist/ or from src/ under the tests.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The fields of lamd's package.json that lamd itself reads: the one place its name and addresses live. */
export interface PackageManifest {
  name: string;
  version: string;
  homepage?: string;
  repository?: string | { type?: string; url?: string; directory?: string };
  bugs?: string | { url?: string; email?: string };
}

let root: string | undefined;
let manifest: PackageManifest | undefined;

/** lamd's package.json is the one whose `bin` provides `lamd`, whatever name it is published under. */
function isLamdManifest(value: unknown): value is PackageManifest {
  const bin = (value as { bin?: unknown } | null)?.bin;
  return typeof bin === 'object' && bin !== null && 'lamd' in bin;
}

export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (isLamdManifest(parsed)) {
        manifest = parsed;
        return (root = dir);
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('lamd cannot find its own installation folder (the package.json whose `bin` provides lamd).');
    dir = parent;
  }
}

export function packageFile(...parts: string[]): string {
  return join(packageRoot(), ...parts);
}

/** lamd's own package.json. */
export function packageManifest(): PackageManifest {
  packageRoot();
  return manifest!;
}
