// The lamd process: bin/lamd.js requires the build of this file (dist/lamd.cjs). It answers `lamd
// --version` at once, else runs the command line from lamd's bundle, compiled through V8's code cache
// (src/compile-cache.ts). CommonJS, as bin/lamd.js: an ES module entry costs every run Node's ES module
// loader (its set-up, an asynchronous read through fs/promises, a module compiled without a code
// cache): ~4 ms of a warm `validate --cache` run, a third of `lamd --version` above `node -e 0`.
import { fileURLToPath } from 'node:url';
import { dropOutputToClosedPipes } from './io.js';
import { LAMD_VERSION } from '../version.js';
import { loadBundle } from '../compile-cache.js';
import { purposeOf } from './command-names.js';
import type * as Bundle from './bundle.js';

/** A run this long (ns) may write its command's code cache again when it outgrew it (see save). */
const LONG_RUN_NS = 500_000_000n;

/** The run, for bin/lamd.js, which says why when it could not start (the bundle missing, say). */
export const finished: Promise<void> = start();

async function start(): Promise<void> {
  dropOutputToClosedPipes();
  const args = process.argv.slice(2);
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
    // Exactly what commander prints for the program's version option (main.ts), with exit 0.
    process.stdout.write(`${LAMD_VERSION}\n`);
    return;
  }
  const bundle = loadBundle<typeof Bundle>(fileURLToPath(new URL('./main.cjs', import.meta.url)), { purpose: purposeOf(args) });
  // process.hrtime, not performance.now(): the first use of `performance` loads Node's perf_hooks (ten
  // modules, ~1 ms of every run).
  const started = process.hrtime.bigint();
  process.exitCode = await bundle.exports.run(process.argv);
  // The code a command compiled, kept for its next run: only after a run that did the command's work
  // (exit 0, or 1 for documents with problems), which compiled what such runs compile. A long run
  // may also look whether it compiled much more than the cache held (the first few after the cache
  // was written, then one in sixteen: see src/compile-cache.ts).
  if (process.exitCode === 0 || process.exitCode === 1) bundle.save({ grown: process.hrtime.bigint() - started > LONG_RUN_NS });
  // Then out at once, when the output is with the system and nothing else is under way: what a natural
  // exit waits for is V8 tidying a heap about to be given back (a marking begun late in a warm --cache
  // run took ~10 ms). Output still queued (a pipe its reader is slow to empty), or anything a command
  // left running (a stream, a timer, a child process: each command awaits its work, but one that did
  // not must not be cut short), is left to the natural exit.
  if (process.stdout.writableLength === 0 && process.stderr.writableLength === 0 && onlyStandardStreams()) process.exit();
}

/** Whether the event loop holds nothing but the standard streams (their pipes or terminals). */
function onlyStandardStreams(): boolean {
  return process.getActiveResourcesInfo().every((resource) => resource === 'PipeWrap' || resource === 'TTYWrap');
}
