// The lamd process: the real terminal, Ctrl-C, and the exit code (bin/lamd.js loads the bundle of this file).
import { render, t } from '../i18n/messages.js';
import { dropOutputToClosedPipes, processIO } from './io.js';
import { helpLanguage, main } from './main.js';

dropOutputToClosedPipes();
process.once('SIGINT', () => {
  // The language of the run, as main chose it from the arguments and the locale; read only now, so
  // start-up pays nothing for it.
  process.stderr.write(`\nlamd: ${render(helpLanguage(process.argv.slice(2), process.env), t('cli.interrupted-at-once'))}\n`);
  process.exit(130);
});
process.exitCode = await main(process.argv, processIO());
