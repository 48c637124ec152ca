#!/usr/bin/env node
// The lamd command. The code lives in dist/, built by `npm run build`.
import('../dist/lamd.js').catch((error) => {
  // dist/lamd.js missing, or the bundle it loads (dist/main.cjs).
  const missing = error && ((error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist')) || (error.code === 'ENOENT' && String(error.path).endsWith('main.cjs')));
  if (missing) {
    process.stderr.write('lamd: the program is not built yet. Run `npm run build` in the lamd folder first.\n');
  } else {
    process.stderr.write(`lamd: could not start: ${error && error.message}\n`);
  }
  process.exit(2);
});
