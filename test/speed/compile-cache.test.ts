// The code cache lamd's process entry loads its bundle through (src/compile-cache.ts): made by a
// command's first run, used by the next, made again when V8 refuses it, never read from a folder
// others can write to, and off when asked; and, end to end, the built binary keeps one per command.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { compileCacheFolder, loadBundle } from '../../src/compile-cache.js';
import { commandOf, COMMAND_NAMES } from '../../src/cli/command-names.js';
import { buildProgram } from '../../src/cli/main.js';
import { captureIO, FIXTURES, lamd } from '../helpers/lamd.js';

// V8 keeps what a process compiled and gives it back when the same source is compiled again, never
// reading a code cache then: each load here must compile afresh, as each lamd process does.
beforeAll(() => setFlagsFromString('--no-compilation-cache'));
afterAll(() => setFlagsFromString('--compilation-cache'));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lamd-compile-cache-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A small CommonJS bundle: its exports say it ran as `require` runs a file. */
function bundleAt(name = 'main.cjs'): string {
  const file = join(dir, name);
  writeFileSync(file, "const { basename } = require('node:path');\nexports.twice = (n) => 2 * n;\nexports.file = basename(__filename);\nmodule.exports.self = this === module.exports;\n");
  return file;
}

const cacheFiles = (folder: string) => (existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith('.v8')) : []);

describe('loadBundle', () => {
  it('runs the bundle as require would, and keeps its code for the next run of the same purpose', () => {
    const file = bundleAt();
    const folder = join(dir, 'cache');
    const first = loadBundle<{ twice(n: number): number; file: string; self: boolean }>(file, { purpose: 'validate', folder });
    expect(first.exports.twice(21)).toBe(42);
    expect(first.exports.file).toBe('main.cjs');
    expect(first.exports.self).toBe(true);
    expect(first.cache).toBe('new');
    first.save();
    const [made] = cacheFiles(folder);
    expect(made).toMatch(/^lamd-.+-validate\.v8$/);
    // Only the user may read or write it (compiled code is run as read).
    if (process.platform !== 'win32') expect(statSync(folder).mode & 0o777).toBe(0o700);

    const second = loadBundle<{ twice(n: number): number }>(file, { purpose: 'validate', folder });
    expect(second.cache).toBe('used');
    expect(second.exports.twice(2)).toBe(4);
    const before = statSync(join(folder, made!)).mtimeMs;
    second.save();
    expect(statSync(join(folder, made!)).mtimeMs).toBe(before);
    // Another purpose has its own.
    expect(loadBundle(file, { purpose: 'report', folder }).cache).toBe('new');
  });

  it('makes the cache again when V8 refuses it, and for a changed bundle', () => {
    const file = bundleAt();
    const folder = join(dir, 'cache');
    loadBundle(file, { purpose: 'validate', folder }).save();
    const [made] = cacheFiles(folder);
    writeFileSync(join(folder, made!), 'not a code cache');
    const refused = loadBundle<{ twice(n: number): number }>(file, { purpose: 'validate', folder });
    expect(refused.cache).toBe('new');
    expect(refused.exports.twice(1)).toBe(2);
    refused.save();
    expect(readFileSync(join(folder, made!)).toString()).not.toBe('not a code cache');
    expect(loadBundle(file, { purpose: 'validate', folder }).cache).toBe('used');

    // A new build (another size) is another file; the one of the old build stays for a while (another
    // install of lamd may still use it).
    writeFileSync(file, 'exports.twice = (n) => n + n; // a later build\n');
    const rebuilt = loadBundle(file, { purpose: 'validate', folder });
    expect(rebuilt.cache).toBe('new');
    rebuilt.save();
    expect(cacheFiles(folder)).toHaveLength(2);
  });

  it('is off without a folder, and uses no folder others may write to', () => {
    const file = bundleAt();
    const off = loadBundle(file, { purpose: 'validate', folder: undefined });
    expect(off.cache).toBe('off');
    off.save();
    expect(readdirSync(dir)).toEqual(['main.cjs']);
    if (process.platform === 'win32') return;
    const shared = join(dir, 'shared');
    mkdirSync(shared);
    chmodSync(shared, 0o777);
    const loaded = loadBundle(file, { purpose: 'validate', folder: shared });
    loaded.save();
    expect(cacheFiles(shared)).toEqual([]);
  });

  it('leaves the run as it was when the cache cannot be written', () => {
    const file = bundleAt();
    // A file where the folder would be.
    const blocked = join(dir, 'blocked');
    writeFileSync(blocked, '');
    const loaded = loadBundle<{ twice(n: number): number }>(file, { purpose: 'validate', folder: join(blocked, 'cache') });
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
  });
});

describe('the built binary', () => {
  it('keeps a code cache per command in the user cache folder after a run that went through, and uses it', () => {
    const env = { XDG_CACHE_HOME: dir, NODE_DISABLE_COMPILE_CACHE: undefined };
    const folder = join(dir, 'lamd', 'compile-cache');
    // A usage error (exit 2) compiles little: no cache from it.
    expect(lamd(['validate', '--no-such-option'], { env }).status).toBe(2);
    expect(cacheFiles(folder)).toEqual([]);
    const first = lamd(['rules'], { env });
    expect(first.status).toBe(0);
    const [made] = cacheFiles(folder);
    expect(made).toMatch(/-rules\.v8$/);
    const before = statSync(join(folder, made!)).mtimeMs;
    // The next run reads it and, V8 having taken it, does not write it again; the output is the same.
    expect(lamd(['rules'], { env })).toEqual(first);
    expect(statSync(join(folder, made!)).mtimeMs).toBe(before);
    expect(cacheFiles(folder)).toEqual([made]);
    // A command's help keeps its own, which the command's runs do not take.
    expect(lamd(['rules', '--help'], { env }).status).toBe(0);
    expect(cacheFiles(folder).map((f) => f.replace(/^.*-/, '')).sort()).toEqual(['help.v8', 'rules.v8']);
  });

  it('keeps nothing when the cache is turned off', () => {
    const env = { XDG_CACHE_HOME: dir, NODE_DISABLE_COMPILE_CACHE: '1' };
    expect(lamd(['rules'], { env }).status).toBe(0);
    expect(readdirSync(dir)).toEqual([]);
  });
});
