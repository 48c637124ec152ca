import { availableParallelism } from 'node:os';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const pkg = JSON.parse(readFileSync(new URL('package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * The files that take longest, longest first: they drive npm and a registry, LibreOffice, Chromium, a
 * terminal, Java. Started before the rest, so that none is left running alone at the end while the other
 * workers have nothing to do. vitest orders files by the last run's times when it has them; on a fresh
 * clone it has none and goes by file size, which put the registry test, the longest, 23rd of 109.
 */
const LONGEST = ['test/ci/workflow.e2e.test.ts', 'test/progress/spreadsheet.test.ts', 'test/speed/cache.test.ts', 'test/report/browser.test.ts', 'test/scaffold/interactive.e2e.test.ts', 'test/report/docx.test.ts', 'test/report/pdf.test.ts', 'test/report/nu-checker.test.ts', 'test/report/languages.e2e.test.ts'];

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => {
      const at = LONGEST.findIndex((name) => file.moduleId.replaceAll('\\', '/').endsWith(`/${name}`));
      return at === -1 ? LONGEST.length : at;
    };
    // Stable: the rest keep vitest's order (failed last time first, then the last run's times).
    return sorted.map((file, at) => ({ file, at })).sort((a, b) => rank(a.file) - rank(b.file) || a.at - b.at).map(({ file }) => file);
  }
}

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
    // As many files at once as there are cores. Each worker imports and compiles lamd and its libraries
    // and keeps its own heap: on this project's two-core machine a third worker cost 12 s more CPU over
    // four alternating runs (167 s against 155 s on average) and gained nothing back from the files that
    // wait on other processes (94.5 s against 91 s of wall time). At most 4: a large runner would start
    // many browsers at once.
    maxWorkers: Math.min(availableParallelism(), 4),
    // End-to-end tests spawn the built binary; give slow CI machines room without hiding hangs.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    sequence: { sequencer: LongestFirst },
    reporters: ['default', ['json', { outputFile: '.vitest/results.json' }]],
  },
});
