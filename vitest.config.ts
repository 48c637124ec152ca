import { availableParallelism } from 'node:os';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const pkg = JSON.parse(readFileSync(new URL('package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  // lamd run in-process from source reports the version the build would (scripts/build.mjs defines the same).
  define: { __LAMD_VERSION__: JSON.stringify(pkg.version) },
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/helpers/setup.ts'],
    // Worker threads, and test files sharing a worker's modules instead of importing lamd afresh each
    // (a third of the suite's CPU time). So a test must leave no global state behind: no process.chdir,
    // no lasting process.env change, no module mocks; temporary folders go through helpers' tempDir().
    pool: 'threads',
    isolate: false,
    // At least two files at once, even on two cores: much of the suite waits on other processes
    // (Chromium, the terminal tests' typing, the schema validator), and one worker would idle meanwhile.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // End-to-end tests spawn the built binary; give slow CI machines room without hiding hangs.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default', ['json', { outputFile: '.vitest/results.json' }]],
  },
});
