// Loads lamd's bundle (dist/main.cjs) through V8's code cache: a run reuses the bytecode the first run
// of the same command compiled, instead of parsing and compiling the bundle's code again. Start-up is
// a third of a short run (one road map named, a warm --cache run), and most of it was compiling.
//
// What Node 22 does with module.enableCompileCache(), for Node 20 and a bundle: the cache lives in
// the user's own cache folder (never the workspace), one file per build, Node and command; V8 checks
// each file against the source and its own version and flags, and rejects a stale or damaged one, which
// is then made again. Caching is best effort: any failure to read or write it leaves the run as it was.
// A cache file is V8's data and one byte of lamd's after it (see LONG_RUNS_LOOKING).
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join, posix, win32 } from 'node:path';
import { Script } from 'node:vm';
import { temporaryBeside } from './temporary-file.js';

export interface LoadedBundle<Exports> {
  exports: Exports;
  /**
   * Writes the cache for the next run of the same command when this run found none it could use;
   * with `grown`, also when this run compiled a good deal more than the cache it used held (a first
   * run over a small workspace kept little of what a large one compiles): the first long runs after
   * the cache was written look, then one in sixteen (see LONG_RUNS_LOOKING). Nothing is written when
   * the bundle exports `keepsCompiledCode()` and it says no: the run compiled what the command's
   * usual runs do not (see src/cli/compiled-code.ts).
   */
  save(options?: { grown?: boolean }): void;
  /** What happened to the cache: used, made anew (no file, or V8 refused it), or off. */
  cache: 'used' | 'new' | 'off';
}

export interface BundleOptions {
  /** What the run does (a command's name): runs of one command compile the same code. */
  purpose: string;
  /** The folder of the cache files; undefined turns the cache off. Default: compileCacheFolder(). */
  folder?: string | undefined;
}

/**
 * The bundle's last line, written by scripts/build.mjs: `//# lamd-build <id>`, the id (16 hex digits)
 * a hash of the bundle. V8 checks a cache against the source's length only, and npm gives every
 * installed file the same time: without it, a release whose bundle kept its size (a version number
 * changed) would run the code cached from the last one.
 */
export const BUILD_LINE = '//# lamd-build ';
/** CommonJS's own wrapper, so that the bundle runs as `require` would run it (part of what V8 compiles). */
const WRAPPER = ['(function (exports, require, module, __filename, __dirname) {', '\n})'] as const;
/** The wrapper's own hash (FNV-1a), in each cache file's name: a cache made with another is not used. */
const WRAPPER_ID = [...WRAPPER.join('')].reduce((hash, c) => Math.imul(hash ^ c.charCodeAt(0), 16777619) >>> 0, 2166136261).toString(36);

/** Cache files start with this, then a name for the build. */
const PREFIX = 'lamd-';
/** The layout of lamd's cache files (V8's data, then the count of LONG_RUNS_LOOKING), in their names. */
const LAYOUT = 'c1';
/** How much larger than the cache it used a run's code must be for `save({ grown: true })` to write it again. */
const GROWN = 1.25;
/**
 * Which long runs look whether they outgrew the cache (save's `grown`), counted since the cache file
 * was written, in the byte after V8's data: the first few, then one in LOOK_AGAIN_EVERY. Looking
 * serialises all the run's code (~17 ms of a 1.1 s run on 2,000 road maps) and, once the long runs
 * a user makes have been seen, finds nothing to write; one run in sixteen still catches another kind
 * of run (another workspace, another format) that compiles much more.
 */
const LONG_RUNS_LOOKING = 3;
const LOOK_AGAIN_EVERY = 16;

/** Whether the long run that follows `runs` long runs since the cache was written looks (see LONG_RUNS_LOOKING). */
function looksAgain(runs: number): boolean {
  return runs < LONG_RUNS_LOOKING || runs % LOOK_AGAIN_EVERY === 0;
}
/** Another build's cache files are removed when one is written and they are this old (another install may still use them). */
const SWEPT_AFTER_MS = 30 * 24 * 3600 * 1000;
/** A temporary file this old was left by a run that ended between writing and renaming it. */
const TEMPORARY_SWEPT_AFTER_MS = 3600 * 1000;

/**
 * The folder for code caches: under the user's cache folder (XDG_CACHE_HOME, ~/.cache, macOS's
 * ~/Library/Caches, Windows' LOCALAPPDATA); undefined when caching is off (NODE_DISABLE_COMPILE_CACHE,
 * as for Node's own compile cache) or there is no home to keep it in.
 */
export function compileCacheFolder(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | undefined {
  if (env.NODE_DISABLE_COMPILE_CACHE) return undefined;
  const path = platform === 'win32' ? win32 : posix;
  let base: string | undefined;
  if (platform === 'win32') base = env.LOCALAPPDATA;
  else if (env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME)) base = env.XDG_CACHE_HOME;
  else {
    let home: string;
    try {
      home = homedir();
    } catch {
      return undefined;
    }
    if (!home) return undefined;
    base = platform === 'darwin' ? path.join(home, 'Library', 'Caches') : path.join(home, '.cache');
  }
  return base && path.isAbsolute(base) ? path.join(base, 'lamd', 'compile-cache') : undefined;
}

/**
 * Runs a CommonJS bundle (as `require` would) and gives its exports, compiled from the code cache of
 * `purpose` when there is a usable one. Throws only what reading and running the bundle throws.
 */
export function loadBundle<Exports>(file: string, options: BundleOptions): LoadedBundle<Exports> {
  const fd = openSync(file, 'r');
  let source: string;
  let build: string | undefined;
  try {
    const stat = fstatSync(fd);
    // The build makes the bundle pure ASCII (scripts/build.mjs checks), which latin-1 decodes fastest.
    source = readFileSync(fd).toString('latin1');
    // The size and time too, for a bundle changed after the build (a bundle without its line has no cache).
    const line = source.lastIndexOf(BUILD_LINE);
    const id = line === -1 ? undefined : /^[0-9a-f]{16}/.exec(source.slice(line + BUILD_LINE.length))?.[0];
    build = id === undefined ? undefined : `${id}-${WRAPPER_ID}-${stat.size.toString(36)}-${Math.trunc(stat.mtimeMs).toString(36)}`;
  } finally {
    closeSync(fd);
  }
  const folder = build === undefined ? undefined : usableFolder('folder' in options ? options.folder : compileCacheFolder());
  // Everything that decides the compiled code: the build, Node (V8) and the machine.
  const prefix = `${PREFIX}${build}-${LAYOUT}-${process.version}-${process.arch}-`;
  const cacheFile = folder === undefined ? undefined : join(folder, `${prefix}${safe(options.purpose)}.v8`);
  const read = cacheFile === undefined ? undefined : readCache(cacheFile);
  // V8's data, then how many long runs there were since it was written (see LONG_RUNS_LOOKING).
  const cachedData = read && read.bytes.length > 1 ? read.bytes.subarray(0, read.bytes.length - 1) : undefined;
  const runs = cachedData ? read!.bytes[cachedData.length]! : 0;

  const script = new Script(`${WRAPPER[0]}${source}${WRAPPER[1]}`, { filename: file, ...(cachedData ? { cachedData } : {}) });
  const cache: LoadedBundle<Exports>['cache'] = cacheFile === undefined ? 'off' : cachedData && !script.cachedDataRejected ? 'used' : 'new';
  const module = { exports: {} as Exports };
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));

  let saved = false;
  return {
    exports: module.exports,
    cache,
    save({ grown = false } = {}) {
      if (saved || cacheFile === undefined || (cache !== 'new' && !grown)) return;
      const keeps = (module.exports as { keepsCompiledCode?: unknown }).keepsCompiledCode;
      if (typeof keeps === 'function' && keeps() === false) return;
      saved = true;
      if (cache === 'used' && !looksAgain(runs)) {
        countRun(cacheFile, read!.identity, runs);
        return;
      }
      const outcome = writeCache(cacheFile, prefix, () => {
        const data = script.createCachedData();
        return cache === 'new' || data.length > GROWN * cachedData!.length ? data : undefined;
      });
      if (outcome === 'held') countRun(cacheFile, read!.identity, runs);
    },
  };
}

/** A purpose as a file name's part: letters, digits and dashes. */
function safe(purpose: string): string {
  return purpose.replace(/[^a-z0-9-]/gi, '_').slice(0, 40) || '_';
}

/** A cache file's bytes, and what tells that file from one put in its place later (see countRun). */
function readCache(file: string): { bytes: Buffer; identity: FileIdentity } | undefined {
  try {
    const fd = openSync(file, 'r');
    try {
      const { ino, size } = fstatSync(fd);
      return { bytes: readFileSync(fd), identity: { ino, size } };
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
}

interface FileIdentity {
  ino: number;
  size: number;
}

/**
 * Whether a folder is the user's own and no one else may write in it: compiled code is run as it is
 * read, so a folder others can write to (a shared XDG_CACHE_HOME) is not used.
 */
function ownFolder(folder: string): boolean {
  try {
    const stat = statSync(folder);
    if (!stat.isDirectory()) return false;
    return process.getuid === undefined || (stat.uid === process.getuid() && (stat.mode & 0o022) === 0);
  } catch {
    return false;
  }
}

/**
 * The cache folder when lamd may use it: its own, or not made yet and below a folder that is the
 * user's (so that, run as root with a user's HOME, lamd makes no folder of root's in that home).
 */
function usableFolder(folder: string | undefined): string | undefined {
  if (folder === undefined) return undefined;
  let existing = folder;
  while (!existsSync(existing)) {
    const parent = dirname(existing);
    if (parent === existing) return undefined;
    existing = parent;
  }
  return ownFolder(existing) ? folder : undefined;
}

/**
 * Counts one more long run since the cache file was written (one that did not look, or looked and
 * found nothing to write), in its last byte, written in place (256 wraps to 0); a file another run
 * wrote meanwhile (renamed into place: another inode) is left alone. Two runs counting at once may
 * count one: at worst a look comes a run late.
 */
function countRun(file: string, read: FileIdentity, runs: number): void {
  try {
    const fd = openSync(file, 'r+');
    try {
      const { ino, size } = fstatSync(fd);
      if (ino === read.ino && size === read.size) writeSync(fd, Uint8Array.of((runs + 1) & 0xff), 0, 1, size - 1);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Best effort: the next long run counts from where this one found it.
  }
}

/**
 * Writes a cache file whole or not at all (a temporary file renamed: concurrent runs each write a
 * complete one), in a folder only the user can read; `data` is made only once the folder is sure,
 * and written with a count of no runs (see LONG_RUNS_LOOKING). Then sweeps what other builds,
 * Node versions and interrupted writes left long ago. `held`: `data` gave nothing to write.
 */
function writeCache(file: string, keep: string, data: () => Buffer | undefined): 'written' | 'held' | 'failed' {
  const folder = dirname(file);
  const temporary = temporaryBeside(file);
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    if (!ownFolder(folder)) return 'failed';
    const bytes = data();
    if (bytes === undefined) return 'held';
    writeFileSync(temporary, Buffer.concat([bytes, Uint8Array.of(0)]), { mode: 0o600 });
    renameSync(temporary, file);
  } catch {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Nothing more to do: the cache is best effort.
    }
    return 'failed';
  }
  try {
    sweep(folder, keep);
  } catch {
    // Another run's files: the next write sweeps again.
  }
  return 'written';
}

/** Removes the cache files of other builds, Node versions or machines, and temporary files, once old. */
function sweep(folder: string, keep: string): void {
  const now = Date.now();
  for (const other of readdirSync(folder)) {
    const ours = other.startsWith(PREFIX) || (other.startsWith(`.${PREFIX}`) && other.endsWith('.tmp'));
    if (!ours || other.startsWith(keep)) continue;
    const path = join(folder, other);
    // Another run may have removed it meanwhile.
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat && now - stat.mtimeMs > (other.endsWith('.tmp') ? TEMPORARY_SWEPT_AFTER_MS : SWEPT_AFTER_MS)) rmSync(path, { force: true });
  }
}
