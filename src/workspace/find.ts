// Finds the workspace a command works on: `-C <dir>`, or the nearest folder holding lamd.yaml.
import { t } from '../i18n/messages.js';
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

/**
 * The workspace `lamd validate` checks: the folder given with -C; else the nearest one holding the
 * current folder; else, when files are named from outside any workspace, the one that holds them all
 * (as an editor or a hook names a file by its full path), so that their references are checked too.
 * Files of several workspaces, or of none, leave it undefined, and only the files themselves are checked.
 */
export function workspaceRootFor(cwd: string, workspace: string | undefined, paths: readonly string[] = [], stdinFilename?: string): string | undefined {
  if (workspace !== undefined) return requireWorkspaceAt(resolve(cwd, workspace));
  const here = findWorkspaceRoot(cwd);
  // Standard input counts as the file it stands for (--stdin-filename); a text of its own has no place.
  const named = paths.flatMap((p) => (p !== '-' ? [p] : stdinFilename !== undefined ? [stdinFilename] : []));
  if (here !== undefined || named.length === 0 || named.length < paths.length) return here;
  // A named file's own path is where the walk starts: lamd.yaml is not found "inside" a file.
  const roots = new Set(named.map((p) => findWorkspaceRoot(resolve(cwd, p))));
  const [only] = roots;
  return roots.size === 1 ? only : undefined;
}

/** The folder given with -C, which must exist and hold lamd.yaml. */
export function requireWorkspaceAt(dir: string): string {
  const root = resolve(dir);
  let isDir: boolean;
  try {
    isDir = statSync(root).isDirectory();
  } catch {
    throw new WorkspaceError(t('workspace.folder-missing', { dir }));
  }
  if (!isDir) throw new WorkspaceError(t('workspace.folder-is-file', { dir }));
  if (!existsSync(join(root, WORKSPACE_FILE))) {
    throw new WorkspaceError(t('workspace.not-a-workspace', { dir, file: WORKSPACE_FILE }));
  }
  return root;
}

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
    // Why, in words for the person, by error code (the catalogue's `workspace.file-unreadable` selects on it).
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new WorkspaceError(t('workspace.file-unreadable', { file, code: code || 'other', error: code || String(error), name: WORKSPACE_FILE }));
  }
}
