// What lamd's bundle (dist/main.cjs, loaded through src/compile-cache.ts) gives its two entries: the
// command line for the lamd process (src/cli/entry.ts), and a parallel check's share for a worker
// thread (src/check/check-worker.ts).
// The command line is imported in run() alone, so that a worker thread, which loads the same bundle,
// never sets up commander, the catalogues or the terminal it does not use.

/** Runs lamd's command line in this process, on the real terminal: its exit code. */
export async function run(argv: readonly string[]): Promise<number> {
  const [{ helpLanguage, main }, { render, t }, { processIO }] = await Promise.all([import('./main.js'), import('../i18n/messages.js'), import('./io.js')]);
  process.once('SIGINT', () => {
    // The language of the run, as main chose it from the arguments and the locale; read only now, so
    // start-up pays nothing for it.
    process.stderr.write(`\nlamd: ${render(helpLanguage(argv.slice(2), process.env), t('cli.interrupted-at-once'))}\n`);
    process.exit(130);
  });
  return main(argv, processIO());
}

/** A parallel check's share, in a worker thread: the check's code loads only there and in `validate`. */
export async function checkShareInWorker(): Promise<void> {
  await (await import('../check/parallel-share.js')).checkShareInWorker();
}
