// Files written beside where they go under temporary names, then put in place together: a command
// that makes several files (`lamd report all`) writes each one as soon as it is made and keeps none
// in memory, yet leaves the old files untouched when a later one fails. Each file is put in place by
// a rename, so readers never see half a file (as writeFileAtomic).
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { writeRefused } from '../errors.js';
import { temporaryBeside } from '../temporary-file.js';

export class StagedFiles {
  private readonly staged: { tmp: string; path: string }[] = [];
  /** The first folder this made (mkdirSync's answer); null before the folder was asked for. */
  private made: string | undefined | null = null;
  private committed = 0;

  /** Files go into `dir` (made when the first is staged); paths are shown to the user relative to `cwd`. */
  constructor(
    private readonly dir: string,
    private readonly cwd: string,
  ) {}

  private shown(path: string): string {
    return relative(this.cwd, path) || path;
  }

  /** Writes `content` for the file `name`, under a temporary name until commit(). */
  stage(name: string, content: string | Uint8Array): void {
    if (this.made === null) {
      try {
        this.made = mkdirSync(this.dir, { recursive: true });
      } catch (error) {
        this.made = undefined;
        throw writeRefused(error, relative(this.cwd, this.dir) || '.');
      }
    }
    const path = join(this.dir, name);
    const tmp = temporaryBeside(path);
    // Listed before it is written: discard() then removes a half-written one too.
    this.staged.push({ tmp, path });
    try {
      writeFileSync(tmp, content);
    } catch (error) {
      throw writeRefused(error, this.shown(path));
    }
  }

  /** Puts the staged files in place in the order they were staged; `written` hears of each one, by its path as shown. */
  commit(written: (shown: string) => void): void {
    for (; this.committed < this.staged.length; this.committed++) {
      const { tmp, path } = this.staged[this.committed]!;
      try {
        renameSync(tmp, path);
      } catch (error) {
        throw writeRefused(error, this.shown(path));
      }
      written(this.shown(path));
    }
  }

  /** Removes every staged file not yet in place, and the folder when this made it and put nothing in it. */
  discard(): void {
    for (const { tmp } of this.staged.slice(this.committed)) {
      try {
        rmSync(tmp, { force: true });
      } catch {
        // Its folder went away or was never writable: nothing to remove.
      }
    }
    if (this.made && this.committed === 0) rmSync(this.made, { recursive: true, force: true });
  }
}
