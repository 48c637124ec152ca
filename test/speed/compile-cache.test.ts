// The code cache lamd's process entry loads its bundle through (src/compile-cache.ts): made by a
// command's first run (a cached validate's first warm one), used by the next, made again when V8 refuses it or a long run outgrew it (until a few found it held their code), never
// read from a folder others can write to, off for a bundle that does not name its build or when
// asked; and, end to end, the built binary keeps one per command. (The libraries the bundle requires from
// dist/vendor are run from an installed package by test/ci/workflow.e2e.test.ts.)
import { createHash } from 'node:crypto';
import { appendFileSync, chmodSync, chownSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCacheFolder, loadBundle, type BundleOptions } from '../../src/compile-cache.js';
import { commandOf, COMMAND_NAMES, purposeOf } from '../../src/cli/command-names.js';
import { buildProgram } from '../../src/cli/main.js';
import { captureIO, FIXTURES, lamd, REPO, tempDir } from '../helpers/lamd.js';
import { roadmapPath, writeNetwork } from './network.js';

/** A small CommonJS bundle ending with its build line, as scripts/build.mjs writes one. */
function bundleIn(dir: string, code = "const { basename } = require('node:path');\nexports.twice = (n) => 2 * n;\nexports.file = basename(__filename);\nmodule.exports.self = this === module.exports;\n"): string {
  const file = join(dir, 'main.cjs');
  writeFileSync(file, `${code}\n//# lamd-build ${createHash('sha256').update(code).digest('hex').slice(0, 16)}\n`);
  return file;
}

/**
 * Loads a bundle as a new process would. V8 gives back what this process compiled from the same
 * source and file name, never reading a cache then: each load takes a copy at a new path, with the
 * bundle's time (the cache's name holds its build, size and time, not its path).
 */
let copies = 0;
function load<Exports>(file: string, options: BundleOptions) {
  const copy = `${file}.${++copies}.cjs`;
  copyFileSync(file, copy);
  const { atime, mtime } = statSync(file);
  utimesSync(copy, atime, mtime);
  return loadBundle<Exports>(copy, options);
}

const cacheFiles = (folder: string) => (existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith('.v8')) : []);

describe('loadBundle', () => {
  it('runs the bundle as require would, and keeps its code for the next run of the same purpose', () => {
    const dir = tempDir();
    const file = bundleIn(dir);
    const folder = join(dir, 'cache');
    const first = load<{ twice(n: number): number; file: string; self: boolean }>(file, { purpose: 'validate', folder });
    expect(first.exports.twice(21)).toBe(42);
    expect(first.exports.file).toMatch(/^main\.cjs\.\d+\.cjs$/);
    expect(first.exports.self).toBe(true);
    expect(first.cache).toBe('new');
    first.save();
    const [made] = cacheFiles(folder);
    expect(made).toMatch(/^lamd-[0-9a-f]{16}-.+-validate\.v8$/);
    // Only the user may read or write it (compiled code is run as read).
    if (process.platform !== 'win32') expect(statSync(folder).mode & 0o777).toBe(0o700);

    const second = load<{ twice(n: number): number }>(file, { purpose: 'validate', folder });
    expect(second.cache).toBe('used');
    expect(second.exports.twice(2)).toBe(4);
    const before = statSync(join(folder, made!)).mtimeMs;
    second.save();
    expect(statSync(join(folder, made!)).mtimeMs).toBe(before);
    // Another purpose has its own.
    expect(load(file, { purpose: 'report', folder }).cache).toBe('new');
  });

  it('makes the cache again when V8 refuses it, and names a new build anew even at the same size and time', () => {
    const dir = tempDir();
    const file = bundleIn(dir);
    const folder = join(dir, 'cache');
    load(file, { purpose: 'validate', folder }).save();
    const [made] = cacheFiles(folder);
    writeFileSync(join(folder, made!), 'not a code cache');
    const refused = load<{ twice(n: number): number }>(file, { purpose: 'validate', folder });
    expect(refused.cache).toBe('new');
    expect(refused.exports.twice(1)).toBe(2);
    refused.save();
    expect(readFileSync(join(folder, made!)).toString()).not.toBe('not a code cache');
    expect(load(file, { purpose: 'validate', folder }).cache).toBe('used');

    // Another build of the same length and time (as npm installs every file): another cache, which
    // V8, checking the length only, would have taken.
    const { atime, mtime } = statSync(file);
    const other = bundleIn(dir, "const { basename } = require('node:path');\nexports.twice = (n) => 3 * n;\nexports.file = basename(__filename);\nmodule.exports.self = this === module.exports;\n");
    utimesSync(other, atime, mtime);
    const rebuilt = load<{ twice(n: number): number }>(other, { purpose: 'validate', folder });
    expect(rebuilt.cache).toBe('new');
    expect(rebuilt.exports.twice(2)).toBe(6);
  });

  it('writes the cache again when asked after a run that compiled much more than it held', () => {
    const dir = tempDir();
    // Fifty functions, compiled only when called.
    const bodies = Array.from({ length: 50 }, (_, i) => `exports.f${i} = (n) => { let s = n; for (let j = 0; j < ${i + 2}; j++) s = (s * 31 + j) % 1000003; return s + ${i}; };`);
    const file = bundleIn(dir, `${bodies.join('\n')}\n`);
    const folder = join(dir, 'cache');
    const small = load<Record<string, (n: number) => number>>(file, { purpose: 'validate', folder });
    small.exports.f0!(1);
    small.save();
    const [made] = cacheFiles(folder);
    const smallSize = statSync(join(folder, made!)).size;

    // A short run leaves it; a long one that called everything writes it again, larger.
    const more = () => {
      const loaded = load<Record<string, (n: number) => number>>(file, { purpose: 'validate', folder });
      expect(loaded.cache).toBe('used');
      for (let i = 0; i < 50; i++) loaded.exports[`f${i}`]!(i);
      return loaded;
    };
    more().save();
    expect(statSync(join(folder, made!)).size).toBe(smallSize);
    more().save({ grown: true });
    expect(statSync(join(folder, made!)).size).toBeGreaterThan(1.25 * smallSize);
    // No more to gain: V8's code is left as it is, one more long run counted after it.
    const before = readFileSync(join(folder, made!));
    expect(before.at(-1)).toBe(0);
    more().save({ grown: true });
    const after = readFileSync(join(folder, made!));
    expect(after.subarray(0, -1)).toEqual(before.subarray(0, -1));
    expect(after.at(-1)).toBe(1);
  });

  it('looks whether a long run outgrew the cache in the first few runs, then in one of sixteen', () => {
    const dir = tempDir();
    const bodies = Array.from({ length: 50 }, (_, i) => `exports.f${i} = (n) => { let s = n; for (let j = 0; j < ${i + 2}; j++) s = (s * 31 + j) % 1000003; return s + ${i}; };`);
    const file = bundleIn(dir, `${bodies.join('\n')}\n`);
    const folder = join(dir, 'cache');
    const run = (calls: number) => {
      const loaded = load<Record<string, (n: number) => number>>(file, { purpose: 'validate', folder });
      for (let i = 0; i < calls; i++) loaded.exports[`f${i}`]!(i);
      loaded.save({ grown: true });
      return readFileSync(join(folder, cacheFiles(folder)[0]!));
    };
    const made = run(5);
    expect(made.at(-1)).toBe(0);
    // Three long runs of the same code each look, count themselves, and leave V8's code as it was.
    for (const runs of [1, 2, 3]) {
      const now = run(5);
      expect(now.at(-1)).toBe(runs);
      expect(now.subarray(0, -1)).toEqual(made.subarray(0, -1));
    }
    // Then a run that compiled ten times as much does not look: counted, nothing else written.
    expect(run(50)).toEqual(Buffer.concat([made.subarray(0, -1), Uint8Array.of(4)]));
    // Nor do the runs up to the sixteenth; that one looks, and writes the larger code, counted anew.
    const path = join(folder, cacheFiles(folder)[0]!);
    const fifteen = Buffer.concat([made.subarray(0, -1), Uint8Array.of(15)]);
    writeFileSync(path, fifteen);
    expect(run(50)).toEqual(Buffer.concat([made.subarray(0, -1), Uint8Array.of(16)]));
    const grown = run(50);
    expect(grown.length).toBeGreaterThan(1.25 * made.length);
    expect(grown.at(-1)).toBe(0);
    // The count wraps: 255 runs and one more count 0, after which runs look again.
    writeFileSync(path, Buffer.concat([grown.subarray(0, -1), Uint8Array.of(255)]));
    expect(run(50).at(-1)).toBe(0);
  });

  it('counts no run in a cache file another run wrote since this one read it', () => {
    const dir = tempDir();
    const file = bundleIn(dir);
    const folder = join(dir, 'cache');
    load<{ twice: (n: number) => number }>(file, { purpose: 'validate', folder }).save();
    const path = join(folder, cacheFiles(folder)[0]!);
    const written = readFileSync(path);
    const loaded = load<{ twice: (n: number) => number }>(file, { purpose: 'validate', folder });
    expect(loaded.cache).toBe('used');
    // The same bytes, renamed into place as a concurrent run writes them: another file.
    writeFileSync(`${path}.other`, written);
    renameSync(`${path}.other`, path);
    loaded.save({ grown: true });
    expect(readFileSync(path)).toEqual(written);
    // The file it read is counted.
    load<{ twice: (n: number) => number }>(file, { purpose: 'validate', folder }).save({ grown: true });
    expect(readFileSync(path).at(-1)).toBe(1);
  });

  it('makes the cache again from a file too short to hold one', () => {
    const dir = tempDir();
    const file = bundleIn(dir);
    const folder = join(dir, 'cache');
    const first = load<{ twice: (n: number) => number }>(file, { purpose: 'validate', folder });
    first.save();
    const [made] = cacheFiles(folder);
    for (const bytes of [Buffer.alloc(0), Uint8Array.of(0)]) {
      writeFileSync(join(folder, made!), bytes);
      const loaded = load<{ twice: (n: number) => number }>(file, { purpose: 'validate', folder });
      expect(loaded.cache).toBe('new');
      expect(loaded.exports.twice(4)).toBe(8);
      loaded.save();
      expect(statSync(join(folder, made!)).size).toBeGreaterThan(100);
    }
  });

  it('writes the union of two long runs that compiled different code, then leaves it', () => {
    const dir = tempDir();
    const bodies = Array.from({ length: 60 }, (_, i) => `exports.f${i} = (n) => { let s = n; for (let j = 0; j < ${i + 2}; j++) s = (s * 31 + j) % 1000003; return s + ${i}; };`);
    const file = bundleIn(dir, `${bodies.join('\n')}\n`);
    const folder = join(dir, 'cache');
    const run = (from: number, to: number) => {
      const loaded = load<Record<string, (n: number) => number>>(file, { purpose: 'validate', folder });
      for (let i = from; i < to; i++) loaded.exports[`f${i}`]!(i);
      loaded.save({ grown: true });
      const [made] = cacheFiles(folder);
      // V8's code, without the count of long runs after it.
      return readFileSync(join(folder, made!)).subarray(0, -1);
    };
    // A clean workspace's run, then one with findings that needs other code besides.
    const first = run(0, 40);
    const union = run(30, 60);
    expect(union.length).toBeGreaterThan(first.length);
    // Either run again finds all it compiles in the cache: its code is not written again.
    expect(run(0, 40)).toEqual(union);
    expect(run(30, 60)).toEqual(union);
  });

  it('writes nothing after a run whose bundle says its compiled code is not worth keeping', () => {
    const dir = tempDir();
    const folder = join(dir, 'cache');
    const file = bundleIn(dir, "let keep = false;\nexports.keepsCompiledCode = () => keep;\nexports.keep = () => { keep = true; };\n");
    const notKept = load<{ keep(): void }>(file, { purpose: 'validate-cache', folder });
    expect(notKept.cache).toBe('new');
    notKept.save();
    notKept.save({ grown: true });
    expect(cacheFiles(folder)).toEqual([]);
    const kept = load<{ keep(): void }>(file, { purpose: 'validate-cache', folder });
    expect(kept.cache).toBe('new');
    kept.exports.keep();
    kept.save();
    expect(cacheFiles(folder)).toHaveLength(1);
    expect(load(file, { purpose: 'validate-cache', folder }).cache).toBe('used');
  });

  it('is off without a folder, for a bundle that names no build, and in a folder others may write to', () => {
    const dir = tempDir();
    const file = bundleIn(dir);
    const off = load(file, { purpose: 'validate', folder: undefined });
    expect(off.cache).toBe('off');
    off.save();
    const unnamed = join(dir, 'unnamed.cjs');
    writeFileSync(unnamed, 'exports.twice = (n) => 2 * n;\n');
    const folder = join(dir, 'cache');
    expect(load(unnamed, { purpose: 'validate', folder }).cache).toBe('off');
    expect(existsSync(folder)).toBe(false);
    if (process.platform === 'win32') return;
    // A cache that would be used, planted in a folder anyone may write to: not read.
    load(file, { purpose: 'validate', folder }).save();
    chmodSync(folder, 0o777);
    const shared = load(file, { purpose: 'validate', folder });
    expect(shared.cache).toBe('off');
    chmodSync(folder, 0o700);
    expect(load(file, { purpose: 'validate', folder }).cache).toBe('used');
  });

  it("makes its folders below one of the user's own, and none in someone else's", () => {
    const dir = tempDir();
    const file = bundleIn(dir);
    const deep = join(dir, 'home', '.cache', 'lamd', 'compile-cache');
    const made = load(file, { purpose: 'validate', folder: deep });
    expect(made.cache).toBe('new');
    made.save();
    expect(cacheFiles(deep)).toHaveLength(1);
  });

  // Giving a folder to another user takes root (chown): CI and the test machine run as root; a
  // developer's run reports this one skipped rather than passing it unchecked.
  it.runIf(process.platform !== 'win32' && process.getuid?.() === 0)("makes no folder of root's in another user's home", () => {
    const dir = tempDir();
    const file = bundleIn(dir);
    const home = join(dir, 'ana');
    mkdirSync(home);
    chownSync(home, 4321, 4321);
    const theirs = load(file, { purpose: 'validate', folder: join(home, '.cache', 'lamd', 'compile-cache') });
    expect(theirs.cache).toBe('off');
    theirs.save();
    expect(readdirSync(home)).toEqual([]);
  });

  it('leaves the run as it was when the cache cannot be written', () => {
    const dir = tempDir();
    const file = bundleIn(dir);
    // A file where the folder's parent would be.
    const blocked = join(dir, 'blocked');
    writeFileSync(blocked, '');
    const loaded = load<{ twice(n: number): number }>(file, { purpose: 'validate', folder: join(blocked, 'cache') });
    expect(() => loaded.save()).not.toThrow();
    expect(loaded.exports.twice(3)).toBe(6);
  });
});

describe('compileCacheFolder', () => {
  it("is the user's cache folder, as each system names it, or off", () => {
    expect(compileCacheFolder({ XDG_CACHE_HOME: '/home/ana/.xdg' }, 'linux')).toBe(join('/home/ana/.xdg', 'lamd', 'compile-cache'));
    // Relative: not a cache folder by the XDG rules; then ~/.cache.
    expect(compileCacheFolder({ XDG_CACHE_HOME: 'cache' }, 'linux')).toMatch(/[\\/]\.cache[\\/]lamd[\\/]compile-cache$/);
    expect(compileCacheFolder({}, 'darwin')).toMatch(/[\\/]Library[\\/]Caches[\\/]lamd[\\/]compile-cache$/);
    expect(compileCacheFolder({ LOCALAPPDATA: 'C:\\Users\\ana\\AppData\\Local' }, 'win32')).toBe('C:\\Users\\ana\\AppData\\Local\\lamd\\compile-cache');
    expect(compileCacheFolder({}, 'win32')).toBeUndefined();
    // As for Node's own compile cache.
    expect(compileCacheFolder({ NODE_DISABLE_COMPILE_CACHE: '1', XDG_CACHE_HOME: '/home/ana/.xdg' }, 'linux')).toBeUndefined();
  });
});

describe('commandOf', () => {
  it("names the program's commands, and nothing else", () => {
    const program = buildProgram(captureIO(FIXTURES));
    expect([...COMMAND_NAMES].sort()).toEqual(program.commands.map((c) => c.name()).filter((name) => name !== 'help').sort());
    expect(commandOf(['-C', 'workspace', 'validate', 'report'])).toBe('validate');
    expect(commandOf(['--help'])).toBe('other');
    expect(commandOf(['-C', 'my dir'])).toBe('other');
    // Help, wherever it is asked, keeps its own cache.
    for (const args of [['--help'], ['validate', '-h'], ['help', 'validate'], ['-C', 'x', 'help']]) expect(purposeOf(args), args.join(' ')).toBe('help');
    expect(purposeOf(['validate', '-C', 'x'])).toBe('validate');
    // A cached run keeps its own: warm, it compiles a third less than a cold run.
    for (const args of [['validate', '--cache'], ['-C', 'x', 'validate', '--cache-location', 'c'], ['validate', '--cache-location=c', 'a.yaml']]) expect(purposeOf(args), args.join(' ')).toBe('validate-cache');
    expect(purposeOf(['validate', '--cache', '--help'])).toBe('help');
    expect(purposeOf(['report', '--cache'])).toBe('report');
  });
});

describe('the built binary', () => {
  it('keeps a code cache per command, named by its build, in the user cache folder after a run that went through, and uses it', () => {
    const home = tempDir();
    const env = { XDG_CACHE_HOME: home, NODE_DISABLE_COMPILE_CACHE: undefined };
    const folder = join(home, 'lamd', 'compile-cache');
    // A usage error (exit 2) compiles little: no cache from it.
    expect(lamd(['validate', '--no-such-option'], { env }).status).toBe(2);
    expect(cacheFiles(folder)).toEqual([]);
    const first = lamd(['rules'], { env });
    expect(first.status).toBe(0);
    const [made] = cacheFiles(folder);
    const bundle = readFileSync(join(REPO, 'dist/main.cjs'), 'latin1');
    const id = /\/\/# lamd-build ([0-9a-f]{16})\n$/.exec(bundle)![1]!;
    expect(id).toBe(createHash('sha256').update(bundle.slice(0, bundle.lastIndexOf('\n//# lamd-build'))).digest('hex').slice(0, 16));
    expect(made).toMatch(new RegExp(`^lamd-${id}-.+-${process.version.replace(/\./g, '\\.')}-${process.arch}-rules\\.v8$`));
    expect(made).toContain('-c1-');
    const before = readFileSync(join(folder, made!));
    // The next run reads it and, V8 having taken it, does not write its code again (a run slower than
    // half a second may count itself in the last byte); the output is the same.
    expect(lamd(['rules'], { env })).toEqual(first);
    expect(readFileSync(join(folder, made!)).subarray(0, -1)).toEqual(before.subarray(0, -1));
    expect(cacheFiles(folder)).toEqual([made]);
    // A command's help keeps its own, which the command's runs do not take.
    expect(lamd(['rules', '--help'], { env }).status).toBe(0);
    expect(cacheFiles(folder).map((f) => f.replace(/^.*-/, '')).sort()).toEqual(['help.v8', 'rules.v8']);
  });

  it('keeps the code of a warm `validate --cache` run, not of the run that filled the cache', () => {
    const home = tempDir();
    const env = { XDG_CACHE_HOME: home, NODE_DISABLE_COMPILE_CACHE: undefined };
    const folder = join(home, 'lamd', 'compile-cache');
    const workspace = join(tempDir(), 'ws');
    writeNetwork(workspace, 4);
    const run = () => lamd(['validate', '--format', 'json', '--today', '2026-06-30', '--cache'], { cwd: workspace, env });
    // The first run checks every document: the code of a cold run, not kept.
    expect(run().status).toBe(1);
    expect(cacheFiles(folder)).toEqual([]);
    // Nothing changed: nothing checked, nothing compiled for checking, nothing kept.
    expect(run().status).toBe(1);
    expect(cacheFiles(folder)).toEqual([]);
    // One road map changed: its check, and the rest of a warm run, are kept for the next.
    appendFileSync(join(workspace, roadmapPath(1)), '# edited\n');
    const warm = run();
    expect(warm.status).toBe(1);
    expect(cacheFiles(folder).map((f) => f.replace(/^.*-v\d+\.\d+\.\d+-[^-]+-/, ''))).toEqual(['validate-cache.v8']);
    // Another document changed: its run checks every kind of document again, and leaves the cache as it was.
    const [made] = cacheFiles(folder);
    const before = statSync(join(folder, made!)).mtimeMs;
    appendFileSync(join(workspace, 'lamd.yaml'), '# edited\n');
    expect(run().status).toBe(1);
    expect(statSync(join(folder, made!)).mtimeMs).toBe(before);
  });

  it('keeps nothing when the cache is turned off', () => {
    const home = tempDir();
    const env = { XDG_CACHE_HOME: home, NODE_DISABLE_COMPILE_CACHE: '1' };
    expect(lamd(['rules'], { env }).status).toBe(0);
    expect(readdirSync(home)).toEqual([]);
  });
});
