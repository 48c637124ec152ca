// Finds the workspace a command works on: `-C <dir>`, or the nearest folder holding lamd.yaml.
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { WorkspaceError } from '../errors.js';
import { WORKSPACE_FILE } from './kinds.js';

/** The nearest ancestor of `start` (itself included) that holds lamd.yaml, if any. */
export function findWorkspaceRoot(start: string): string | undefined {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, WORKSPACE_FILE))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The folder given with -C, which must exist and hold lamd.yaml. */
export function requireWorkspaceAt(dir: string): string {
  const root = resolve(dir);
  let isDir = false;
  try {
    isDir = statSync(root).isDirectory();
  } catch {
    throw new WorkspaceError(`The workspace folder ${dir} does not exist.`);
  }
  if (!isDir) throw new WorkspaceError(`${dir} is a file, not a workspace folder.`);
  if (!existsSync(join(root, WORKSPACE_FILE))) {
    throw new WorkspaceError(`${dir} is not a lamd workspace: it has no ${WORKSPACE_FILE}. Run \`lamd init ${dir}\` to create one.`);
  }
  return root;
}
