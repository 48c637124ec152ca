// Builds lamd: compiles the JSON Schemas to standalone validators (so no schema is compiled at
// start-up), then bundles the CLI with esbuild, one lazily loaded chunk per heavy command.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import { compileSchemas } from './compile-schemas.mjs';

const root = new URL('..', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));

compileSchemas();
// Chunk names carry content hashes: without a clean folder, every build would leave the last one's behind.
rmSync(new URL('dist', root), { recursive: true, force: true });

await build({
  // The parallel check's worker threads run a script of their own, sharing the chunks.
  entryPoints: { lamd: 'src/cli/entry.ts', 'check-worker': 'src/check/check-worker.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  // A native module (its binary comes from npm per platform): loaded from node_modules at run time.
  external: ['@resvg/resvg-js'],
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'linked',
  define: { __LAMD_VERSION__: JSON.stringify(pkg.version) },
  // Bundled CommonJS dependencies call require(); give them one inside ESM chunks.
  banner: { js: "import { createRequire as __lamdCreateRequire } from 'node:module'; const require = __lamdCreateRequire(import.meta.url);" },
});
