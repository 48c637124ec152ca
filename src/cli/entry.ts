// The lamd process: the real terminal, Ctrl-C, and the exit code (bin/lamd.js loads the bundle of this file).
// Nothing heavy is imported here: `lamd --version` answers before the command line, the catalogues
// and intl-messageformat load, so it costs little more than starting Node.
import { dropOutputToClosedPipes, processIO } from './io.js';
import { LAMD_VERSION } from '../version.js';

dropOutputToClosedPipes();
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  // Exactly what commander prints for the program's version option (main.ts), with exit code 0.
  process.stdout.write(`${LAMD_VERSION}\n`);
} else {
  const [{ helpLanguage, main }, { render, t }] = await Promise.all([import('./main.js'), import('../i18n/messages.js')]);
  process.once('SIGINT', () => {
    // The language of the run, as main chose it from the arguments and the locale; read only now, so
    // start-up pays nothing for it.
    process.stderr.write(`\nlamd: ${render(helpLanguage(process.argv.slice(2), process.env), t('cli.interrupted-at-once'))}\n`);
    process.exit(130);
  });
  process.exitCode = await main(process.argv, processIO());
}
