// What lamd's bundle (dist/main.cjs, loaded through src/compile-cache.ts) gives its two entries: the
// command line for the lamd process (src/cli/entry.ts), and a parallel check's share for a worker
// thread (src/check/check-worker.ts).
// The command line is imported in run() alone, so that a worker thread, which loads the same bundle,
// never sets up commander, the catalogues or the terminal it does not use.

/** Runs lamd's command line in this process, on the real terminal: its exit code. */
export async function run(argv: readonly string[]): Promise<number> {
  // In place before the command line loads, so that a Ctrl-C at any moment ends the run with 130.
  const message: { interrupted?: () => string } = {};
  process.once('SIGINT', () => {
    if (message.interrupted) process.stderr.write(`\nlamd: ${message.interrupted()}\n`);
    process.exit(130);
  });
  const [{ helpLanguage, main }, { render, t }, { processIO }] = await Promise.all([import('./main.js'), import('../i18n/messages.js'), import('./io.js')]);
  // The language of the run, as main chose it from the arguments and the locale; worked out only on
  // a Ctrl-C, so start-up pays nothing for it.
  message.interrupted = () => render(helpLanguage(argv.slice(2), process.env), t('cli.interrupted-at-once'));
  return main(argv, processIO());
}

/** Whether this run's compiled code is worth keeping for its command's next run (see compiled-code.ts). */
export { keepsCompiledCode } from './compiled-code.js';

/** A parallel check's share, in a worker thread: the check's code loads only there and in `validate`. */
export async function checkShareInWorker(): Promise<void> {
  await (await import('../check/parallel-share.js')).checkShareInWorker();
}
