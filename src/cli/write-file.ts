// Writes a file atomically: a temporary file beside it, then a rename, so readers never see half a
// file. A write the file system refuses is the user's to fix (a missing folder, no permission, a
// folder in the way), so it becomes a UsageError naming the path, never "a bug in lamd".
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UsageError } from '../errors.js';

export function writeFileAtomic(path: string, content: string, shown: string = path): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, path);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw writeError(error, shown);
  }
}

/** The message for a file system error met while writing `shown`; other errors pass unchanged. */
export function writeError(error: unknown, shown: string): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const why = code ? WHY[code] : undefined;
  return why ? new UsageError(`Cannot write ${shown}: ${why}.`) : error;
}

const WHY: Record<string, string> = {
  ENOENT: 'its folder does not exist',
  ENOTDIR: 'part of that path is a file, not a folder',
  EISDIR: 'a folder of that name is in the way',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  ENAMETOOLONG: 'the name is too long',
};
