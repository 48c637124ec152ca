// The parallel check (worker threads) gives exactly the serial check's output: the built lamd on a
// generated network, forced to several threads and to one, in the formats that carry everything.
import { describe, expect, it } from 'vitest';
import { threadsFor } from '../../src/check/parallel.js';
import { mayUseThreads } from '../../src/check/threads.js';
import { lamd, tempDir } from '../helpers/lamd.js';
import { writeNetwork } from './network.js';

describe('lamd validate --jobs', () => {
  it('gives the same output with worker threads as in one thread', () => {
    const dir = tempDir();
    writeNetwork(dir);
    // JSON carries every field of every finding and pretty the code frames read from the texts; the
    // other formats are written from the same result (test/ci checks them against their readers).
    for (const format of ['json', 'pretty']) {
      const serial = lamd(['validate', '--format', format, '--today', '2026-06-30', '--jobs', '1'], { cwd: dir });
      const parallel = lamd(['validate', '--format', format, '--today', '2026-06-30', '--jobs', '3'], { cwd: dir });
      expect(serial.status, format).toBe(1);
      expect(parallel.stdout, format).toBe(serial.stdout);
      expect(parallel.stderr, format).toBe(serial.stderr);
      expect(parallel.status, format).toBe(serial.status);
    }
  });

  it('refuses a --jobs that is not a whole number of threads', () => {
    const result = lamd(['validate', '--jobs', 'two'], { cwd: tempDir() });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--jobs takes a whole number of threads, 1 or more, not `two`.');
  });

  it('keeps to one thread for a few files, on two cores, or when told', () => {
    expect(threadsFor(undefined, 10, 16)).toBe(1);
    expect(threadsFor(undefined, 100_000, 2)).toBe(1);
    expect(threadsFor(undefined, 100_000, 4)).toBe(3);
    expect(threadsFor(undefined, 100_000, 64)).toBe(8);
    expect(threadsFor(1, 100_000, 16)).toBe(1);
    expect(threadsFor(3, 10, 2)).toBe(3);
    // Before the road maps are counted: whether more than one thread is possible at all.
    expect([mayUseThreads(undefined, 2), mayUseThreads(undefined, 4), mayUseThreads(1, 16), mayUseThreads(2, 1)]).toEqual([false, true, false, true]);
  });
});
