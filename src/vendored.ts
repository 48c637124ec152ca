// Libraries required the first time they are needed, synchronously: from node_modules when lamd runs
// from its sources (the tests), from the bundle the build made of each beside lamd's (dist/vendor,
// scripts/build.mjs) when built. Imports of the same libraries need nothing of this: the build points
// them at the same bundles.
import { createRequire } from 'node:module';

/** Defined by scripts/build.mjs. */
declare const __LAMD_VENDORED__: boolean | undefined;

const vendored = typeof __LAMD_VENDORED__ === 'boolean' && __LAMD_VENDORED__;

/** Requires a library lamd vendors (scripts/build.mjs, VENDORED). */
export function requireVendored(name: 'yaml'): unknown {
  // The build's file name for a library (a scoped one's would have `+` for its `/`: none is required here).
  const library = vendored ? `./vendor/${name}.cjs` : name;
  return createRequire(import.meta.url)(library);
}
