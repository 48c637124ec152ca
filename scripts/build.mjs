// Builds lamd: compiles the JSON Schemas to standalone validators (so no schema is compiled at
// start-up), then bundles the CLI with esbuild: two small entries (the process's, CommonJS, and the
// parallel check's worker, an ES module), one CommonJS bundle of everything else, which they load
// through V8's code cache (src/compile-cache.ts), and any-ascii's tables beside it, loaded on demand.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileSchemas } from './compile-schemas.mjs';

const root = new URL('..', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));

compileSchemas();
// Without a clean folder, files of an earlier layout of the build would stay behind.
rmSync(new URL('dist', root), { recursive: true, force: true });

const common = {
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'linked',
  // ASCII only (escapes for the rest), so the entries may read the bundle as latin-1, the fastest decoding.
  charset: 'ascii',
  define: { __LAMD_VERSION__: JSON.stringify(pkg.version) },
};

// Left in node_modules, required when a command needs them: a native module (its binary comes from npm
// per platform), and the large libraries of a few commands (Word, Excel, country names, the `yaml`
// package's syntax trees, init's prompts with their character sets, npm's package names), which would
// otherwise make every run read a bundle twice the size. Only lamd's own dependencies (where npm puts
// a dependency's dependency is not lamd's to know), and only CommonJS ones: Node 20 before 20.19
// cannot require() an ES module (checked below).
const EXTERNAL = ['@resvg/resvg-js', 'docx', 'exceljs', 'jszip', 'i18n-iso-countries', 'yaml', '@inquirer/prompts', 'npm-package-arg'];

/** commander's node:child_process, loaded when it spawns (never, in lamd): see lazy-child-process.cjs. */
const lazyChildProcessForCommander = {
  name: 'lazy-child-process-for-commander',
  setup(build) {
    build.onResolve({ filter: /^(node:)?child_process$/ }, (args) => (/[\\/]commander[\\/]/.test(args.importer) ? { path: fileURLToPath(new URL('lazy-child-process.cjs', import.meta.url)) } : undefined));
  },
};

/**
 * any-ascii's tables (0.5 MB, a sixth of the bundle) in a file of their own beside it, required the first
 * time a name is transliterated (init, new, for a name not in Latin letters): every run reads the bundle
 * whole, ~1.4 ms a MB (read, decoded, compiled from its cache), and no other run needs them. An ES module
 * only, so not left in node_modules (see EXTERNAL).
 */
const anyAsciiApart = {
  name: 'any-ascii-apart',
  setup(build) {
    build.onResolve({ filter: /^any-ascii$/ }, () => ({ path: './any-ascii.cjs', external: true }));
  },
};
await build({
  ...common,
  // The function itself as module.exports: the bundle's require takes it as the default export (as Node's own interop would).
  stdin: { contents: "module.exports = require('any-ascii').default;", resolveDir: fileURLToPath(root), sourcefile: 'any-ascii.cjs' },
  outfile: 'dist/any-ascii.cjs',
  outdir: undefined,
  format: 'cjs',
});

// Everything else. CommonJS, because Node 20 gives a code cache to scripts (node:vm), not to ES
// modules; lamd's own lazily loaded parts (a report's writers, say) stay in it, run only when needed.
await build({
  ...common,
  entryPoints: { main: 'src/cli/bundle.ts' },
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  external: EXTERNAL,
  // import() of a package left in node_modules becomes require(): the bundle runs as a script
  // (node:vm), where a real import() has no loader to call.
  supported: { 'dynamic-import': false },
  define: { ...common.define, 'import.meta.url': '__lamdBundleUrl' },
  plugins: [lazyChildProcessForCommander, anyAsciiApart],
  banner: { js: "var __lamdBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
});

// esbuild escapes what is not ASCII in strings, templates and names, not in comments: escaped here,
// where it changes nothing, so that the entries may read the bundle as latin-1, the fastest decoding.
// Anything else beyond ASCII (a regular expression's character, say) is written \uXXXX in the source.
const bundleUrl = new URL('dist/main.cjs', root);
const text = readFileSync(bundleUrl, 'utf8');
// A comment line, or code without quotes, slashes or backticks before a `//`: the rest is a comment.
const inComment = (line) => /^\s*(?:\/\/|\/\*|\*)/.test(line) || /^[^'"`/]*\/\/[^\x80-\uffff]*$/.test(line.slice(0, line.search(/[^\x00-\x7f]/)));
const outside = text.split('\n').flatMap((line, i) => (/[^\x00-\x7f]/.test(line) && !inComment(line) ? [`  line ${i + 1}: ${line.trim().slice(0, 120)}`] : []));
if (outside.length > 0) throw new Error(`dist/main.cjs has characters beyond ASCII outside comments; write them \\uXXXX in the source:\n${outside.join('\n')}`);
const ascii = text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
if (/\bimport\(/.test(ascii.replace(/^\s*(?:\/\/|\/\*|\*).*$/gm, ''))) throw new Error('dist/main.cjs still holds an import(), which a script run through node:vm cannot make.');
// The last line names the build (src/compile-cache.ts reads it for the code cache's file name).
writeFileSync(bundleUrl, `${ascii}\n//# lamd-build ${createHash('sha256').update(ascii).digest('hex').slice(0, 16)}\n`);
requireEachExternal();

// The process's entry (`lamd --version` answers here, before the bundle loads): CommonJS, as bin/lamd.js
// requires it (an ES module would cost every run Node's ES module loader, ~4 ms).
await build({
  ...common,
  entryPoints: { lamd: 'src/cli/entry.ts' },
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  define: { ...common.define, 'import.meta.url': '__lamdEntryUrl' },
  // 'use strict' first: the banner comes before esbuild's own, which then no longer makes the file strict.
  banner: { js: "'use strict';\nvar __lamdEntryUrl = require('node:url').pathToFileURL(__filename).href;" },
});

// The parallel check's worker thread: an ES module, as parallel.ts starts it.
await build({
  ...common,
  entryPoints: { 'check-worker': 'src/check/check-worker.ts' },
  format: 'esm',
});

/** Each package left in node_modules can be required as CommonJS (not through Node 20.19's require of ES modules). */
function requireEachExternal() {
  const check = `for (const name of ${JSON.stringify(EXTERNAL)}) require(name);`;
  let run = spawnSync(process.execPath, ['--no-experimental-require-module', '-e', check], { cwd: fileURLToPath(root), encoding: 'utf8' });
  // A Node that does not know the option cannot require an ES module anyway.
  if (run.status !== 0 && /bad option/.test(run.stderr)) run = spawnSync(process.execPath, ['-e', check], { cwd: fileURLToPath(root), encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`a package scripts/build.mjs leaves in node_modules cannot be required as CommonJS:\n${run.stderr}`);
}

