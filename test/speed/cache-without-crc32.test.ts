// The cache's checksums on a Node without zlib.crc32 (before 20.15 and 22.2), given as null to the
// functions that make and check them (the suite shares modules between files: no module mocks): such a
// Node writes SHA-256 sums, checks them, and cannot check a CRC-32 a newer Node wrote, which it then
// takes for no cache at all (readCacheFile: `none`, without a note), not for damage.
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { agreement, checksum, sha256 } from '../../src/check/cache-file.js';

describe('the cache\'s checksums without zlib.crc32', () => {
  const bytes = Buffer.from('"lamd.yaml",{"st":null},\n');

  it('are SHA-256 sums, which it checks', () => {
    expect(checksum([bytes], null)).toBe(sha256(bytes));
    expect(agreement(sha256(bytes), bytes, null)).toBe('agrees');
    expect(agreement(sha256(Buffer.from('other')), bytes, null)).toBe('differs');
  });

  it('cannot check a CRC-32, which a Node with zlib.crc32 writes and checks', () => {
    const sum = checksum([bytes], crc32);
    expect(sum).toHaveLength(43);
    expect(sum.startsWith('crc32:')).toBe(true);
    expect(agreement(sum, bytes, crc32)).toBe('agrees');
    expect(agreement(sum, Buffer.from('other'), crc32)).toBe('differs');
    expect(agreement(sum, bytes, null)).toBe('unknown');
    // A Node with zlib.crc32 still checks a SHA-256 an older one wrote.
    expect(agreement(sha256(bytes), bytes, crc32)).toBe('agrees');
  });
});
