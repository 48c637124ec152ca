// `lamd validate --cache` on a Node without zlib.crc32 (before 20.15 and 22.2): its caches are checked
// by SHA-256, and a cache a newer Node checked by CRC-32 is no cache for it, set aside without a note.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { validateWithCache } from '../../src/check/cache.js';
import { sha256 } from '../../src/check/cache-file.js';
import { tempDir } from '../helpers/lamd.js';
import { writeNetwork } from './network.js';

vi.mock('node:zlib', async (original) => ({ ...(await original<typeof import('node:zlib')>()), crc32: undefined }));

const TODAY = '2026-06-30';

describe('lamd validate --cache without zlib.crc32', () => {
  it('checks its cache by SHA-256, and sets aside one checked by a CRC-32 it cannot compute, saying nothing', async () => {
    const dir = tempDir();
    writeNetwork(dir, 6);
    const file = join(dir, '.lamd/cache/validate.json');
    const first = await validateWithCache({ cwd: dir, paths: [] }, { today: TODAY });
    expect(first.cacheNotes).toEqual([]);
    const written = readFileSync(file, 'latin1');
    const newline = written.indexOf('\n');
    expect(written.slice(0, newline)).toBe(sha256(Buffer.from(written.slice(newline + 1), 'latin1')));
    // The same header under a CRC-32's sum, as a newer Node writes it: this Node cannot check it.
    writeFileSync(file, `${'crc32:0badf00d'.padEnd(43, '.')}\n${written.slice(newline + 1)}`, 'latin1');
    await new Promise((done) => setTimeout(done, 100));
    const again = await validateWithCache({ cwd: dir, paths: [] }, { today: TODAY });
    expect(again.cacheNotes).toEqual([]);
    expect(again.reused).toBe(0);
  });
});
