// Writes a file atomically: a temporary file beside it, then a rename, so readers never see half a
// file. A write the file system refuses is the user's to fix (a missing folder, no permission, a
// folder in the way), so it becomes a UsageError naming the path, never "a bug in lamd".
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { writeRefused } from '../errors.js';
import { temporaryBeside } from '../temporary-file.js';

export function writeFileAtomic(path: string, content: string | Uint8Array, shown: string = path): void {
  const tmp = temporaryBeside(path);
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, path);
  } catch (error) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // The temporary file could not be made either (its folder is missing or a file): nothing to remove.
    }
    throw writeRefused(error, shown);
  }
}
