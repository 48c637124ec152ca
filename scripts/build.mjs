// Builds lamd: compiles the JSON Schemas to standalone validators (so no schema is compiled at
// start-up), then bundles the CLI with esbuild: two small entries (the process's, CommonJS, and the
// parallel check's worker, an ES module), one CommonJS bundle of everything else, which they load
// through V8's code cache (src/compile-cache.ts), and beside it the libraries only a few commands
// need, a bundle each, loaded on demand. What the bundles hold from others is listed, with each
// licence, in dist/THIRD-PARTY-NOTICES.txt.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { builtinModules } from 'node:module';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import semver from 'semver';
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
  // __LAMD_VENDORED__: the libraries below are in dist/vendor (src/vendored.ts).
  define: { __LAMD_VERSION__: JSON.stringify(pkg.version), __LAMD_VENDORED__: 'true' },
  metafile: true,
};

/**
 * The libraries only a few commands need (Word, Excel, country names, the `yaml` package's syntax
 * trees, init's prompts with their character sets, npm's package names, any-ascii's tables), each
 * bundled on its own into dist/vendor/ and required the first time a command needs it: in the main
 * bundle they would make every run read a bundle twice the size. Bundled rather than left in
 * node_modules, so that installing lamd fetches lamd and its one native module instead of some 260
 * packages (a hundred small polyfills came with exceljs alone), and so that Node 20 requires each as
 * CommonJS whatever the library ships. Each entry makes the library's exports module.exports, as
 * Node's own interop would (any-ascii's default export is the function itself).
 */
const VENDORED = {
  'any-ascii': "module.exports = require('any-ascii').default;",
  docx: "module.exports = require('docx');",
  exceljs: "module.exports = require('exceljs');",
  jszip: "module.exports = require('jszip');",
  'i18n-iso-countries': "module.exports = require('i18n-iso-countries');",
  yaml: "module.exports = require('yaml');",
  '@inquirer/prompts': "module.exports = require('@inquirer/prompts');",
  'npm-package-arg': "module.exports = require('npm-package-arg');",
};
/** A library's bundle, relative to dist/ (src/vendored.ts names it the same way). */
const vendorFile = (name) => `./vendor/${name.replace('/', '+')}.cjs`;
/** Left in node_modules: a native module, whose binary npm installs per platform. */
const NATIVE = ['@resvg/resvg-js'];

/** An import of a vendored library in lamd's own code becomes a require() of its bundle (a library's own imports are its business). */
const vendored = {
  name: 'vendored',
  setup(build) {
    build.onResolve({ filter: /^[@a-z]/ }, (args) => (Object.hasOwn(VENDORED, args.path) && !/[\\/]node_modules[\\/]/.test(args.importer) ? { path: vendorFile(args.path), external: true } : undefined));
  },
};

/** Dependencies of bundled libraries that the bundles leave out (and the notices with them). */
const LEFT_OUT = new Set(['unzipper']);

/** exceljs's streaming reader, which lamd never uses, and its unzipper: see unzipper-unused.cjs. */
const withoutUnzipper = {
  name: 'without-unzipper',
  setup(build) {
    build.onResolve({ filter: /^unzipper$/ }, (args) => (/[\\/]exceljs[\\/]/.test(args.importer) ? { path: fileURLToPath(new URL('unzipper-unused.cjs', import.meta.url)) } : undefined));
  },
};

/** commander's node:child_process, loaded when it spawns (never, in lamd): see lazy-child-process.cjs. */
const lazyChildProcessForCommander = {
  name: 'lazy-child-process-for-commander',
  setup(build) {
    build.onResolve({ filter: /^(node:)?child_process$/ }, (args) => (/[\\/]commander[\\/]/.test(args.importer) ? { path: fileURLToPath(new URL('lazy-child-process.cjs', import.meta.url)) } : undefined));
  },
};

const metafiles = [];
for (const [name, contents] of Object.entries(VENDORED)) {
  const made = await build({
    ...common,
    stdin: { contents, resolveDir: fileURLToPath(root), sourcefile: `${name}.cjs` },
    outfile: `dist/${vendorFile(name)}`,
    outdir: undefined,
    format: 'cjs',
    plugins: [withoutUnzipper],
  });
  metafiles.push(made.metafile);
}

// Everything else. CommonJS, because Node 20 gives a code cache to scripts (node:vm), not to ES
// modules; lamd's own lazily loaded parts (a report's writers, say) stay in it, run only when needed.
const main = await build({
  ...common,
  entryPoints: { main: 'src/cli/bundle.ts' },
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  external: NATIVE,
  // import() of a library becomes require(): the bundle runs as a script (node:vm), where a real
  // import() has no loader to call.
  supported: { 'dynamic-import': false },
  define: { ...common.define, 'import.meta.url': '__lamdBundleUrl' },
  plugins: [lazyChildProcessForCommander, vendored],
  banner: { js: "var __lamdBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
});
metafiles.push(main.metafile);

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
requireEachLibrary();

// The process's entry (`lamd --version` answers here, before the bundle loads): CommonJS, as bin/lamd.js
// requires it (an ES module would cost every run Node's ES module loader, ~4 ms).
const entry = await build({
  ...common,
  entryPoints: { lamd: 'src/cli/entry.ts' },
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  define: { ...common.define, 'import.meta.url': '__lamdEntryUrl' },
  // 'use strict' first: the banner comes before esbuild's own, which then no longer makes the file strict.
  banner: { js: "'use strict';\nvar __lamdEntryUrl = require('node:url').pathToFileURL(__filename).href;" },
});
metafiles.push(entry.metafile);

// The parallel check's worker thread: an ES module, as parallel.ts starts it. What it imports is bundled
// into it (an ES module would see a vendored bundle's exports only as a default export).
const worker = await build({
  ...common,
  entryPoints: { 'check-worker': 'src/check/check-worker.ts' },
  format: 'esm',
});
metafiles.push(worker.metafile);

// Nothing is left for run time to find by name but Node's own modules, the native module and lamd's own
// files (a package left out by mistake would be found in this checkout's node_modules, not in a user's).
const byName = metafiles.flatMap((meta) => Object.entries(meta.outputs).flatMap(([file, output]) => output.imports.filter((i) => i.external && !i.path.startsWith('node:') && !i.path.startsWith('./') && !builtinModules.includes(i.path) && !NATIVE.includes(i.path)).map((i) => `${file}: ${i.path}`)));
if (byName.length > 0) throw new Error(`the bundles require packages that an install of lamd does not hold:\n  ${byName.join('\n  ')}`);
const bundled = bundledPackages(metafiles);
checkEngines(bundled);
writeFileSync(new URL('dist/THIRD-PARTY-NOTICES.txt', root), thirdPartyNotices(bundled));

/**
 * Each vendored bundle, and the native module left in node_modules, can be required as CommonJS (not
 * through Node 20.19's require of ES modules), from dist/ as the main bundle requires them.
 */
function requireEachLibrary() {
  const files = Object.keys(VENDORED).map((name) => fileURLToPath(new URL(`dist/${vendorFile(name)}`, root)));
  const check = `for (const name of ${JSON.stringify([...files, ...NATIVE])}) require(name);`;
  let run = spawnSync(process.execPath, ['--no-experimental-require-module', '-e', check], { cwd: fileURLToPath(root), encoding: 'utf8' });
  // A Node that does not know the option cannot require an ES module anyway.
  if (run.status !== 0 && /bad option/.test(run.stderr)) run = spawnSync(process.execPath, ['-e', check], { cwd: fileURLToPath(root), encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`a library lamd's bundles require cannot be required as CommonJS:\n${run.stderr}`);
}

/**
 * The packages the bundles hold code of, by folder, each with its package.json. A package's
 * dependencies count too, found in node_modules as Node would find them: a library that ships a bundle
 * of its own (docx does) hides them from esbuild's list of inputs.
 */
function bundledPackages(metas) {
  const folders = new Map();
  const add = (folder) => {
    if (folders.has(folder)) return;
    const manifest = JSON.parse(readFileSync(new URL(`${folder}/package.json`, root), 'utf8'));
    folders.set(folder, manifest);
    for (const dependency of Object.keys(manifest.dependencies ?? {})) {
      if (LEFT_OUT.has(dependency)) continue;
      const found = dependencyFolder(folder, dependency);
      if (found !== undefined) add(found);
    }
  };
  for (const meta of metas) {
    for (const input of Object.keys(meta.inputs)) {
      const at = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input.replaceAll('\\', '/'));
      if (at) add(at[1]);
    }
  }
  return folders;
}

/**
 * Bundled, a library's `engines` is no longer read by npm, so lamd's own must hold each of theirs:
 * every Node that lamd's range admits must be one each bundled package says it runs on.
 */
function checkEngines(folders) {
  const ours = pkg.engines.node;
  const admits = (range) => {
    try {
      return semver.subset(ours, range);
    } catch {
      return false; // a range semver cannot read ("node >= 0.8"): looked at by hand, then pinned or recorded
    }
  };
  const narrower = [...folders.values()].filter((m) => typeof m.engines?.node === 'string' && !admits(m.engines.node));
  if (narrower.length > 0) {
    const list = narrower.map((m) => `  ${m.name}@${m.version}: engines.node ${JSON.stringify(m.engines.node)}`).join('\n');
    throw new Error(`lamd's engines say Node ${ours}, but these bundled packages do not run on every such Node (or say it in a range semver cannot read):\n${list}\nNarrow "engines" in package.json to what they admit, or pin them to releases that run on Node ${ours}.`);
  }
}

/**
 * Each bundled package with its version, licence and licence text: their licences (MIT and the like)
 * ask that the notice travel with the code.
 */
function thirdPartyNotices(folders) {
  const packages = [...folders].map(([folder, manifest]) => {
    const dir = new URL(`${folder}/`, root);
    const id = `${manifest.name}@${manifest.version}`;
    const files = readdirSync(dir);
    const licenceFile = files.find((f) => /^(?:licen[cs]e|copying)(?:[.-].*)?$/i.test(f));
    // Else the licence section of its README (binary's, say), with the licence package.json names.
    const readme = files.find((f) => /^readme(?:\..*)?$/i.test(f));
    const section = readme === undefined ? undefined : /^#*\s*licen[cs]e\s*\n(?:[=-]+\n)?([\s\S]*?)(?=\n#|\n\S[^\n]*\n[=-]{3,}|(?![\s\S]))/im.exec(readFileSync(new URL(readme, dir), 'utf8'))?.[1]?.trim();
    const text = licenceFile !== undefined ? readFileSync(new URL(licenceFile, dir), 'utf8').trim() : section ? `(From the package's ${readme}.)\n${section}` : undefined;
    if (typeof manifest.license !== 'string' && text === undefined) throw new Error(`${id} (${folder}) is bundled into lamd but names no licence: leave it out of the bundles, or record its licence here.`);
    return { id, license: typeof manifest.license === 'string' ? manifest.license : '(see its text below)', text: text ?? `(The package ships no licence text; its package.json names ${manifest.license}.)` };
  });
  // One entry per package and version, in a stable order.
  const unique = [...new Map(packages.map((p) => [p.id, p])).values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const head = `lamd ${pkg.version} ships, bundled into its dist/ files, code from these ${unique.length} packages:\n\n${unique.map((p) => `  ${p.id}  ${p.license}`).join('\n')}\n`;
  return `${head}${unique.map((p) => `\n${'-'.repeat(72)}\n${p.id}, ${p.license}\n\n${p.text}\n`).join('')}`;
}

/** Where Node finds `name` from the package in `folder`: its own node_modules, then each folder up. */
function dependencyFolder(folder, name) {
  for (let at = folder; ; ) {
    const candidate = `${at}/node_modules/${name}`;
    if (existsSync(new URL(`${candidate}/package.json`, root))) return candidate;
    const up = at.lastIndexOf('/node_modules/');
    if (up === -1) return existsSync(new URL(`node_modules/${name}/package.json`, root)) ? `node_modules/${name}` : undefined;
    at = at.slice(0, up);
  }
}
