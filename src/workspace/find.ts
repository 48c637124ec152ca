// Finds the workspace a command works on: `-C <dir>`, or the nearest folder holding lamd.yaml.
import { existsSync, readFileSync, statSync } from 'node:fs';
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
  let isDir: boolean;
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

/** Why lamd.yaml cannot be read, in words for the person, by error code. */
const UNREADABLE: Readonly<Record<string, string>> = {
  EISDIR: 'is a folder, not a file',
  EACCES: 'cannot be read: permission denied',
  EPERM: 'cannot be read: permission denied',
  ELOOP: 'is a symbolic link that leads back to itself',
  ENOENT: 'is a symbolic link to nothing',
};

/**
 * The bytes of a workspace's lamd.yaml, for the commands that read it alone (`lamd rules`, `lamd new`).
 * A lamd.yaml that is a folder or cannot be read is the person's to fix: a WorkspaceError (exit 2),
 * never "a bug in lamd".
 */
export function readWorkspaceFile(root: string): Buffer {
  const file = join(root, WORKSPACE_FILE);
  try {
    return readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const why = UNREADABLE[code] ?? `cannot be read (${code || String(error)})`;
    throw new WorkspaceError(`${file} ${why}. A workspace's ${WORKSPACE_FILE} is the file that describes the programme; fix it, or pass -C <folder> to work on another workspace.`);
  }
}
