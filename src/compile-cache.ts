// Loads lamd's bundle (dist/main.cjs) through V8's code cache: a run reuses the bytecode the first run
// of the same command compiled, instead of parsing and compiling the bundle's code again. Start-up is
// a third of a short run (one road map named, a warm --cache run), and most of it was compiling.
//
// What Node 22 does with module.enableCompileCache(), for Node 20 and a bundle: the cache lives in
// the user's own cache folder (never the workspace), one file per build, Node and command; V8 checks
// each file against the source and its own version and flags, and rejects a stale or damaged one, which
// is then made again. Caching is best effort: any failure to read or write it leaves the run as it was.
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, join, posix, win32 } from 'node:path';
import { Script } from 'node:vm';

export interface LoadedBundle<Exports> {
  exports: Exports;
  /** Writes the cache for the next run of the same command, when this run found none it could use. */
  save(): void;
  /** What happened to the cache: used, made anew (no file, or V8 refused it), or off. */
  cache: 'used' | 'new' | 'off';
}

export interface BundleOptions {
  /** What the run does (a command's name): runs of one command compile the same code. */
  purpose: string;
  /** The folder of the cache files; undefined turns the cache off. Default: compileCacheFolder(). */
  folder?: string | undefined;
}

declare const __LAMD_BUNDLE_ID__: string | undefined;
/**
 * The bundle's content hash, written into the entries by scripts/build.mjs. V8 checks a cache against
 * the source's length only, and npm gives every installed file the same time: without it, a release
 * whose bundle kept its size (a version number changed) would run the code cached from the last one.
 */
const BUNDLE_ID = typeof __LAMD_BUNDLE_ID__ === 'string' ? __LAMD_BUNDLE_ID__ : 'unbuilt';

/** Cache files start with this, then a name for the build. */
const PREFIX = 'lamd-';
/** Another build's cache files are removed when one is written and they are this old (another install may still use them). */
const SWEPT_AFTER_MS = 30 * 24 * 3600 * 1000;

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
  let build: string;
  try {
    const stat = fstatSync(fd);
    const bytes = Buffer.allocUnsafe(stat.size);
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, null);
      if (n === 0) break;
      read += n;
    }
    // The build makes the bundle pure ASCII (scripts/build.mjs checks), which latin-1 decodes fastest.
    source = bytes.toString('latin1', 0, read);
    // The size and time too, for a bundle changed after the build.
    build = `${BUNDLE_ID}-${stat.size.toString(36)}-${Math.trunc(stat.mtimeMs).toString(36)}`;
  } finally {
    closeSync(fd);
  }
  const folder = 'folder' in options ? options.folder : compileCacheFolder();
  const name = folder === undefined ? undefined : `${PREFIX}${build}-${process.version}-${process.arch}-${safe(options.purpose)}.v8`;
  const cacheFile = folder !== undefined && name !== undefined ? join(folder, name) : undefined;
  const cachedData = cacheFile !== undefined && ownFolder(folder!) ? readCache(cacheFile) : undefined;

  // CommonJS's own wrapper, so that the bundle runs as `require` would run it.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, ...(cachedData ? { cachedData } : {}) });
  const cache: LoadedBundle<Exports>['cache'] = cacheFile === undefined ? 'off' : cachedData && !script.cachedDataRejected ? 'used' : 'new';
  const module = { exports: {} as Exports };
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));

  let saved = false;
  return {
    exports: module.exports,
    cache,
    save() {
      if (cache !== 'new' || saved || cacheFile === undefined) return;
      saved = true;
      writeCache(cacheFile, script.createCachedData(), `${PREFIX}${build}-`);
    },
  };
}

/** A purpose as a file name's part: letters, digits and dashes. */
function safe(purpose: string): string {
  return purpose.replace(/[^a-z0-9-]/gi, '_').slice(0, 40) || '_';
}

function readCache(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Whether the cache folder is the user's own and no one else may write in it: compiled code is run
 * as it is read, so a folder others can write to (a shared XDG_CACHE_HOME) is not used.
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
 * Writes a cache file whole or not at all (a temporary file renamed: concurrent runs each write a
 * complete one), in a folder only the user can read, and sweeps other builds' old files.
 */
function writeCache(file: string, data: Buffer, buildPrefix: string): void {
  const folder = dirname(file);
  const temporary = join(folder, `.${basename(file)}.${process.pid}.tmp`);
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    if (!ownFolder(folder)) return;
    writeFileSync(temporary, data, { mode: 0o600 });
    renameSync(temporary, file);
    const now = Date.now();
    for (const other of readdirSync(folder)) {
      if (!other.startsWith(PREFIX) || other.startsWith(buildPrefix)) continue;
      const path = join(folder, other);
      if (now - statSync(path).mtimeMs > SWEPT_AFTER_MS) rmSync(path, { force: true });
    }
  } catch {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Nothing more to do: the cache is best effort.
    }
  }
}
