// The lamd process: the real terminal, Ctrl-C, and the exit code (bin/lamd.js loads the bundle of this file).
import { dropOutputToClosedPipes, processIO } from './io.js';
import { main } from './main.js';

dropOutputToClosedPipes();
process.once('SIGINT', () => {
  process.stderr.write('\nlamd: interrupted; nothing was changed.\n');
  process.exit(130);
});
process.exitCode = await main(process.argv, processIO());
