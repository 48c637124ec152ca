// Builds lamd: compiles the JSON Schemas to standalone validators (so no schema is compiled at
// start-up), then bundles the CLI with esbuild: two small process entries, and one CommonJS bundle of
// everything else, which the entries load through V8's code cache (src/compile-cache.ts).
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
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

// Everything else. CommonJS, because Node 20 gives a code cache to scripts (node:vm), not to ES
// modules; lazily loaded parts (a report's Word writer, say) stay in it, but are run only when needed.
await build({
  ...common,
  entryPoints: { main: 'src/cli/bundle.ts' },
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  // Loaded from node_modules when a command needs them: a native module (its binary comes from npm
  // per platform), and the large libraries of a few commands (Word, Excel, Markdown, country names,
  // the `yaml` package's syntax trees), which would otherwise make every run read a bundle twice the
  // size; transliterate.ts requires any-ascii itself (its CommonJS default export). Only lamd's own
  // dependencies: where npm puts a dependency's dependency is not lamd's to know.
  external: ['@resvg/resvg-js', 'docx', 'exceljs', 'jszip', 'marked', 'i18n-iso-countries', 'yaml'],
  define: { ...common.define, 'import.meta.url': '__lamdBundleUrl' },
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
writeFileSync(bundleUrl, ascii);

// The process's entry (`lamd --version` answers here, before the bundle loads) and the parallel
// check's worker thread: ES modules, as bin/lamd.js imports them.
await build({
  ...common,
  entryPoints: { lamd: 'src/cli/entry.ts', 'check-worker': 'src/check/check-worker.ts' },
  format: 'esm',
  // Which bundle the entries load: the name of its code cache (src/compile-cache.ts).
  define: { ...common.define, __LAMD_BUNDLE_ID__: JSON.stringify(createHash('sha256').update(ascii).digest('hex').slice(0, 16)) },
});

