// Writes a plan of files, all or nothing: every file is first written into a staging folder beside
// its destination, then moved into place; a failure undoes what was moved. New files never replace
// an existing one; edited files (lamd.yaml, stakeholders.yaml) are replaced only if they still hold
// the text lamd read. Planning stays pure, so --dry-run, no-overwrite and atomic writes share this
// one mechanism: `checkPlan` says what would happen, `applyPlan` makes it happen.
import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, lstatSync, mkdirSync, readFileSync, renameSync, rmSync, rmdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { t } from '../i18n/messages.js';
import { UsageError, writeRefused } from '../errors.js';

export interface PlannedFile {
  /** Path relative to the root, with forward slashes. */
  path: string;
  content: string;
  /** For a file lamd edits: the text it read before editing. Absent for a file lamd creates. */
  replaces?: string;
}

/**
 * `new`: lamd creates the file. `same`: the file exists with exactly this content; nothing to do.
 * `exists`: another file (or folder) is in the way; lamd never replaces it. `edit`: lamd replaces a
 * file it has read and edited.
 */
export type FileState = 'new' | 'same' | 'exists' | 'edit';

export interface CheckedFile extends PlannedFile {
  state: FileState;
}

/** Where each file goes on disk. Refuses paths that would leave the root. */
function destination(root: string, path: string): string {
  if (isAbsolute(path) || path.split('/').some((part) => part === '..' || part === '')) {
    throw new Error(`lamd planned an unsafe path (${path}); this is a bug in lamd.`);
  }
  return join(root, ...path.split('/'));
}

/** What writing `files` under `root` would do to each file. Reads the disk; writes nothing. */
export function checkPlan(root: string, files: readonly PlannedFile[]): CheckedFile[] {
  return files.map((file) => {
    const target = destination(root, file.path);
    if (file.replaces !== undefined) {
      const current = readOrUndefined(target);
      if (current !== file.replaces) throw new UsageError(t('write.changed', { file: file.path }));
      return { ...file, state: file.content === file.replaces ? 'same' : 'edit' };
    }
    let stat;
    try {
      stat = lstatSync(target);
    } catch (error) {
      // ENOTDIR: a folder on the way is a file; the path is taken all the same.
      return { ...file, state: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'new' : 'exists' };
    }
    if (stat.isFile() && readOrUndefined(target) === file.content) return { ...file, state: 'same' };
    return { ...file, state: 'exists' };
  });
}

export interface ApplyOptions {
  /** Called once every file is staged, before the first is moved into place (lets tests interrupt there). */
  beforeCommit?: () => void;
}

/**
 * Writes the `new` and `edit` files of a checked plan under `root`, which may not exist yet (then
 * it is created with its parents). Returns the paths written. On any failure, or an exception from
 * `beforeCommit`, the disk is left as it was and the error is rethrown (file-system errors as a
 * UsageError saying what could not be written).
 */
export function applyPlan(root: string, files: readonly CheckedFile[], options: ApplyOptions = {}): string[] {
  const writes = files.filter((f) => f.state === 'new' || f.state === 'edit');
  if (writes.length === 0) return [];
  const absRoot = resolve(root);
  const rootExists = existsSync(absRoot);
  if (!rootExists && writes.some((f) => f.state === 'edit')) throw new Error('lamd planned to edit a file in a folder that does not exist; this is a bug in lamd.');

  const undo: Array<() => void> = [];
  let staging: string | undefined;
  try {
    // A new workspace is staged next to it and renamed into place in one step; files added to an
    // existing folder are staged inside it, so every move stays on the same file system.
    let stagingParent = absRoot;
    if (!rootExists) {
      stagingParent = dirname(absRoot);
      for (const dir of missingDirs(stagingParent)) {
        guard(() => mkdirSync(dir), dir);
        undo.push(() => rmdirSync(dir));
      }
    }
    staging = guard(() => makeStagingDir(join(stagingParent, rootExists ? '.lamd-staging-' : `.${basename(absRoot)}.lamd-staging-`)), stagingParent);
    for (const file of writes) {
      const staged = join(staging, ...file.path.split('/'));
      guard(() => mkdirSync(dirname(staged), { recursive: true }), rootExists ? absRoot : stagingParent);
      guard(() => writeFileSync(staged, file.content, { flag: 'wx' }), rootExists ? absRoot : stagingParent);
    }
    options.beforeCommit?.();

    if (!rootExists) {
      guard(() => renameSync(staging!, absRoot), stagingParent);
      staging = undefined;
    } else {
      for (const file of writes) commitOne(absRoot, staging, file, undo);
    }
  } catch (error) {
    if (staging) rmSync(staging, { recursive: true, force: true });
    staging = undefined;
    for (const step of undo.reverse()) {
      try {
        step();
      } catch {
        // Best effort: keep undoing the rest.
      }
    }
    throw error;
  } finally {
    if (staging) rmSync(staging, { recursive: true, force: true });
  }
  return writes.map((f) => f.path);
}

function commitOne(root: string, staging: string, file: CheckedFile, undo: Array<() => void>): void {
  const staged = join(staging, ...file.path.split('/'));
  const target = destination(root, file.path);
  for (const dir of missingDirs(dirname(target))) {
    guard(() => mkdirSync(dir), dir);
    undo.push(() => rmdirSync(dir));
  }
  if (file.state === 'edit') {
    if (readOrUndefined(target) !== file.replaces) throw new UsageError(t('write.changed-while-writing', { file: file.path }));
    const previous = file.replaces!;
    guard(() => renameSync(staged, target), dirname(target));
    undo.push(() => {
      const back = `${target}.lamd-restore`;
      writeFileSync(back, previous);
      renameSync(back, target);
    });
    return;
  }
  // A hard link creates the name only if it is free, so a file that appeared meanwhile is never replaced.
  try {
    linkSync(staged, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new UsageError(t('write.appeared', { file: file.path }));
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV' && code !== 'EMLINK') throw fsError(error, dirname(target));
    // File systems without hard links: check, then rename.
    if (existsSync(target)) throw new UsageError(t('write.appeared', { file: file.path }));
    guard(() => renameSync(staged, target), dirname(target));
  }
  undo.push(() => unlinkSync(target));
}

/** The folders to create, outermost first, for `dir` to exist. */
function missingDirs(dir: string): string[] {
  const missing: string[] = [];
  let current = resolve(dir);
  while (!existsSync(current)) {
    missing.unshift(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  return missing;
}

function readOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function guard<T>(action: () => T, where: string): T {
  try {
    return action();
  } catch (error) {
    throw fsError(error, where);
  }
}

/** A file-system failure as one sentence for the person, or the error itself when it is not one. */
export function fsError(error: unknown, where: string): Error {
  const refused = writeRefused(error, where, { inside: true, nothingWritten: true });
  return refused instanceof Error ? refused : new Error(String(refused));
}

/**
 * A new, uniquely named folder with the usual permissions. Not mkdtemp: its folders are private
 * (0700), and a new workspace is this folder renamed into place, which its team must be able to read.
 */
function makeStagingDir(prefix: string): string {
  for (;;) {
    const dir = `${prefix}${randomBytes(6).toString('hex')}`;
    try {
      mkdirSync(dir);
      return dir;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}
