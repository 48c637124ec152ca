// Where lamd writes a file before renaming it into place: beside it, so that the rename stays on one
// file system and is atomic; hidden, and named by the process, so that concurrent runs never share one.
import { basename, dirname, join } from 'node:path';

export function temporaryBeside(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
}
