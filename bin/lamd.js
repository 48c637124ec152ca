#!/usr/bin/env node
// The lamd command. The code lives in dist/, built by `npm run build`. CommonJS (bin/package.json says
// so): an ES module here would cost every run Node's ES module loader (see src/cli/entry.ts).
'use strict';
let finished;
try {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS, as bin/package.json says
  ({ finished } = require('../dist/lamd.cjs'));
} catch (error) {
  finished = Promise.reject(error);
}
// Promise.resolve: a dist/lamd.cjs of another build, without `finished`, runs as it does, without a TypeError here.
Promise.resolve(finished).catch((error) => {
  // dist/lamd.cjs missing, or the bundle it loads (dist/main.cjs).
  const missing = error && ((error.code === 'MODULE_NOT_FOUND' && String(error.message).includes('lamd.cjs')) || (error.code === 'ENOENT' && String(error.path).endsWith('main.cjs')));
  if (missing) {
    process.stderr.write('lamd: the program is not built yet. Run `npm run build` in the lamd folder first.\n');
  } else {
    process.stderr.write(`lamd: could not start: ${error && error.message}\n`);
  }
  process.exit(2);
});
