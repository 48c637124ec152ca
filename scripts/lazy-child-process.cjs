// node:child_process for commander, in lamd's bundle (scripts/build.mjs): commander requires it when
// it loads, to run a subcommand's own executable, which lamd never does. Loading it (with the network
// and stream modules it pulls in) cost every run a millisecond or two; this loads it on first use.
'use strict';
let loaded;
module.exports = {
  spawn(...args) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS stand-in, loading the real module late is its purpose
    loaded ??= require('node:child_process');
    return loaded.spawn(...args);
  },
};
