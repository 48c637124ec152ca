// loadWorkspace reads every document file into one buffer, reused from file to file (ReadBuffer): each
// read must give exactly the file's bytes, whatever was read into the buffer before.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocumentFile, ReadBuffer } from '../../src/workspace/load.js';
import { tempDir } from '../helpers/lamd.js';

describe('reading document files into one buffer', () => {
  it('reads each file\'s bytes as readFileSync does, whatever the sizes read before it', () => {
    const dir = tempDir();
    // Empty, small, past the buffer's first size, then small again: the buffer grows and is reused.
    const sizes = [0, 10, 70 * 1024, 3, 200 * 1024, 64 * 1024, 1];
    const files = sizes.map((size, i) => {
      const path = join(dir, `f${i}.yaml`);
      writeFileSync(path, Buffer.alloc(size, 97 + i));
      return path;
    });
    const buffer = new ReadBuffer();
    for (const path of files) {
      const read = readDocumentFile(path, buffer);
      expect('bytes' in read && Buffer.from(read.bytes).equals(readFileSync(path)), path).toBe(true);
    }
  });
});
