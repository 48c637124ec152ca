// A worker thread of `lamd validate`'s parallel check (see parallel.ts): loads lamd's bundle as the
// process did (through the code cache of `validate` runs) and checks one share of the road maps.
import { fileURLToPath } from 'node:url';
import { loadBundle } from '../compile-cache.js';
import type * as Bundle from '../cli/bundle.js';

await loadBundle<typeof Bundle>(fileURLToPath(new URL('./main.cjs', import.meta.url)), { purpose: 'validate' }).exports.checkShareInWorker();
