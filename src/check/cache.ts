// `lamd validate --cache`: keeps each road map's results, keyed by its bytes and by the facts of the
// rest of the workspace they were drawn from, so an unchanged road map is neither parsed nor checked
// again. Every other document is checked on every run: they are few, and road maps depend on them.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../diagnostics.js';
import { t, type Text } from '../i18n/messages.js';
import { LAMD_VERSION, SCHEMA_VERSION, SDG_CODE_LIST_VERSION } from '../version.js';
import { isRootWorkspaceFile } from '../workspace/kinds.js';
import { findWorkspaceRoot, requireWorkspaceAt } from '../workspace/find.js';
import { loadWorkspace, type LoadedDocument, type LoadOptions, type LoadResult } from '../workspace/load.js';
import { UsageError } from '../errors.js';
import { assemble, checkFiles, type CheckOptions, type CheckResult, type FileResult } from './index.js';
import { standIn, summarize, type StandIn, type Summary } from './stand-in.js';
import { unreadableIds } from './workspace-index.js';

/** Where the cache lives in a workspace (`lamd init` lists it in .gitignore). */
export const CACHE_FOLDER = join('.lamd', 'cache');
const CACHE_FILE = 'validate.json';
const FORMAT = 'lamd validate cache';
const FORMAT_VERSION = 1;

interface Entry {
  /** The file as shown in the results (they name it). */
  name: string;
  /** SHA-256 of the file's bytes. */
  hash: string;
  /** The road map's id, as the id index reads it. */
  id: string | null;
  summary: Summary;
  /** What reading the file found (duplicate keys, unsafe keys…), before any check. */
  read: Diagnostic[];
  /** The fingerprint of the other documents when the results were made (see workspaceFacts). */
  facts: string;
  /** The file that declared this road map's id first, when not the file itself (the id is used twice). */
  first?: string;
  result: FileResult;
}

interface CacheFile {
  format: typeof FORMAT;
  version: typeof FORMAT_VERSION;
  /** lamd's version and build, the schema and SDG versions, the date and the language. */
  key: string;
  /** By path relative to the workspace root. */
  files: Record<string, Entry>;
}

export interface CachedRun {
  load: LoadResult;
  result: CheckResult;
  /** About the cache itself: ignored, or turned off for this run. */
  notes: Text[];
  /** How many road maps came from the cache, for tests and the curious. */
  reused: number;
}

export interface CacheOptions {
  /** A folder, or a file name ending in .json; relative to `cwd`. Default: <root>/.lamd/cache. */
  location?: string;
}

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('base64url');

/** Loads and checks with the cache: the whole run of `lamd validate --cache`. */
export async function validateWithCache(loadOptions: LoadOptions, checkOptions: CheckOptions, options: CacheOptions = {}): Promise<CachedRun> {
  const cwd = resolve(loadOptions.cwd);
  const notes: Text[] = [];
  const root = loadOptions.workspace !== undefined ? requireWorkspaceAt(resolve(cwd, loadOptions.workspace)) : findWorkspaceRoot(cwd);
  const file = cacheFile(cwd, root, options.location);
  if (file === undefined || (loadOptions.paths ?? []).includes('-')) {
    if (file === undefined) notes.push(t('validate.cache-no-workspace'));
    const load = await loadWorkspace(loadOptions);
    if (load.reported.size === 0) throw new UsageError(t('validate.nothing-to-check'));
    return { load, result: assemble(load, await checkFiles(load, checkOptions), new Map()), notes, reused: 0 };
  }

  const key = runKey(checkOptions);
  const previous = readCache(file, key, cwd, notes);
  const hashes = new Map<string, string>();
  const standIns = new Map<LoadedDocument, Entry>();
  const rel = (path: string) => relative(root!, path);
  const load = await loadWorkspace({
    ...loadOptions,
    reuse: ({ name, path, bytes }) => {
      const hash = sha256(bytes);
      hashes.set(name, hash);
      const entry = previous.get(rel(path));
      if (entry && entry.hash === hash && entry.name === name) {
        const doc = standIn(name, path, entry.summary, () => bytes);
        standIns.set(doc, entry);
        return doc;
      }
      return undefined;
    },
  });

  if (load.reported.size === 0) throw new UsageError(t('validate.nothing-to-check'));
  const facts = workspaceFacts(load, hashes);
  const first = firstDeclarations(load.documents);
  const settled = new Set<LoadedDocument>();
  const known = new Map<string, FileResult>();
  for (const [doc, entry] of standIns) {
    if (entry.facts === facts && (entry.first ?? entry.name) === (first.get(entry.id ?? '') ?? entry.name)) {
      settled.add(doc);
      if (load.reported.has(doc.file)) known.set(doc.file, entry.result);
    } else {
      // Checked again: what reading it found is part of its results, as on a cold run.
      load.diagnostics.push(...entry.read);
      (doc as StandIn).materialize();
    }
  }
  const checked = await checkFiles(load, { ...checkOptions, settled });
  const result = assemble(load, checked, known);

  const next: Record<string, Entry> = {};
  let fresh = 0;
  // A run over named files keeps what it did not read; a run over the workspace forgets deleted files.
  if ((loadOptions.paths ?? []).length > 0) for (const [path, entry] of previous) if (!hashes.has(entry.name)) next[path] = entry;
  for (const doc of load.documents) {
    if (doc.kind !== 'roadmap' || doc.path === undefined) continue;
    const old = standIns.get(doc);
    if (old && settled.has(doc)) {
      next[rel(doc.path)] = old;
      continue;
    }
    const fileResult = checked.byFile.get(doc.file);
    const hash = hashes.get(doc.file);
    // Only what js-yaml alone reads as YAML does: the rest is read again on every run.
    if (!fileResult || hash === undefined || !(old || doc.readFast)) continue;
    const id = doc.value.id;
    fresh++;
    next[rel(doc.path)] = {
      name: doc.file,
      hash,
      id: typeof id === 'string' ? id : null,
      summary: summarize(doc.value),
      read: old ? old.read : load.diagnostics.filter((d) => d.file === doc.file),
      facts,
      ...firstUnlessItself(first.get(typeof id === 'string' ? id : ''), doc.file),
      result: fileResult,
    };
  }
  // Nothing new to keep: the file stays as it is (a run that changed nothing writes nothing).
  if (fresh > 0 || Object.keys(next).length !== previous.size) {
    const refused = writeCache(file, { format: FORMAT, version: FORMAT_VERSION, key, files: next }, cwd);
    if (refused) notes.push(refused);
  }
  return { load, result: { ...result, notes: [...result.notes] }, notes, reused: settled.size };
}

/** The cache file: --cache-location (a folder, or a .json file), else <root>/.lamd/cache/validate.json. */
function cacheFile(cwd: string, root: string | undefined, location: string | undefined): string | undefined {
  if (location === undefined) return root === undefined ? undefined : join(root, CACHE_FOLDER, CACHE_FILE);
  const path = resolve(cwd, location);
  return /\.json$/i.test(path) ? path : join(path, CACHE_FILE);
}

/** Everything beside the files that decides a run's results; a cache made under another is not used. */
function runKey(options: CheckOptions): string {
  let build: string;
  try {
    // A development build keeps its version number: its own file's size and time tell builds apart.
    const stat = statSync(fileURLToPath(import.meta.url));
    build = `${stat.size}:${stat.mtimeMs}`;
  } catch {
    build = 'unknown';
  }
  return sha256(JSON.stringify([FORMAT_VERSION, LAMD_VERSION, build, SCHEMA_VERSION, SDG_CODE_LIST_VERSION, options.today ?? null, options.language ?? 'en']));
}

/**
 * The facts of the workspace a road map's results may be drawn from, apart from its own file: every
 * document that is not a road map (lamd.yaml with its rule settings, the stakeholders, profiles,
 * practices, activities, progress reports), the ids files that could not be read would declare, and
 * whether lamd.yaml and stakeholders.yaml exist. A road map depends on other road maps only through a
 * shared id (see firstDeclarations).
 */
function workspaceFacts(load: LoadResult, hashes: ReadonlyMap<string, string>): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify([load.root ?? null, load.hasStakeholdersFile]));
  const unreadable = unreadableIds(load.unloaded);
  hash.update(JSON.stringify([[...unreadable.practices].sort(), [...unreadable.activities].sort()]));
  hash.update(JSON.stringify(load.root !== undefined && load.unloaded.some((p) => isRootWorkspaceFile(p, load.root!))));
  for (const doc of load.documents) {
    if (doc.kind === 'roadmap') continue;
    hash.update(JSON.stringify([doc.file, doc.kind, hashes.get(doc.file) ?? null]));
  }
  return hash.digest('hex');
}

function firstUnlessItself(first: string | undefined, file: string): { first?: string } {
  return first === undefined || first === file ? {} : { first };
}

/** For each road map id, the file that declares it first: an ids/unique finding goes on the others. */
function firstDeclarations(documents: readonly LoadedDocument[]): Map<string, string> {
  const first = new Map<string, string>();
  for (const doc of documents) {
    if (doc.kind !== 'roadmap') continue;
    const id = doc.value.id;
    if (typeof id === 'string' && !first.has(id)) first.set(id, doc.file);
  }
  return first;
}

/** The entries of a cache file made under the same key; a damaged or foreign file is said and ignored. */
function readCache(file: string, key: string, cwd: string, notes: Text[]): Map<string, Entry> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    // No cache yet (or no folder for one, which writing it will say): nothing to ignore.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') notes.push(t('validate.cache-ignored', { file: shown(file, cwd) }));
    return new Map();
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    notes.push(t('validate.cache-ignored', { file: shown(file, cwd) }));
    return new Map();
  }
  const cache = data as Partial<CacheFile> | null;
  if (!cache || typeof cache !== 'object' || cache.format !== FORMAT || typeof cache.key !== 'string' || !isRecord(cache.files)) {
    notes.push(t('validate.cache-ignored', { file: shown(file, cwd) }));
    return new Map();
  }
  // Made by another lamd, or for another date or language: nothing in it applies, and nothing is wrong.
  if (cache.version !== FORMAT_VERSION || cache.key !== key) return new Map();
  const entries = new Map<string, Entry>();
  for (const [path, entry] of Object.entries(cache.files)) {
    if (!isEntry(entry)) {
      notes.push(t('validate.cache-ignored', { file: shown(file, cwd) }));
      return new Map();
    }
    entries.set(path, entry);
  }
  return entries;
}

function shown(file: string, cwd: string): string {
  return relative(cwd, file) || basename(file);
}

/** Writes the cache atomically; the note to give when it cannot be written (caching is then off). */
function writeCache(file: string, cache: CacheFile, cwd: string): Text | undefined {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(tmp, JSON.stringify(cache));
    renameSync(tmp, file);
    return undefined;
  } catch (error) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // Nothing was written.
    }
    return t('validate.cache-off', { folder: shown(dirname(file), cwd), code: (error as NodeJS.ErrnoException).code ?? String(error) });
  }
}

// --- The shape of a cache entry, checked before anything in it is used. ---------------------------

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const SEVERITIES = new Set(['error', 'warning', 'info']);

function isPosition(v: unknown): boolean {
  return isRecord(v) && Number.isInteger(v.line) && Number.isInteger(v.column);
}

function isDiagnostic(v: unknown, file: string): boolean {
  if (!isRecord(v) || v.file !== file || !SEVERITIES.has(v.severity as string) || !isString(v.ruleId) || !isString(v.message)) return false;
  if (v.range !== undefined && !(isRecord(v.range) && isPosition(v.range.start) && isPosition(v.range.end))) return false;
  if (v.messageId !== undefined && !isString(v.messageId)) return false;
  if (v.pointer !== undefined && !isString(v.pointer)) return false;
  if (v.text !== undefined && !(isRecord(v.text) && isString(v.text.id))) return false;
  return true;
}

function isEntry(v: unknown): v is Entry {
  if (!isRecord(v) || !isString(v.name) || !isString(v.hash) || !isString(v.facts)) return false;
  if (!(v.id === null || isString(v.id)) || !(v.first === undefined || isString(v.first))) return false;
  const summary = v.summary;
  if (!isRecord(summary) || !Array.isArray(summary.other) || !summary.other.every(isString) || !isRecord(summary.scalars)) return false;
  if (!Object.values(summary.scalars).every((s) => s === null || ['string', 'number', 'boolean'].includes(typeof s))) return false;
  const name = v.name;
  if (!Array.isArray(v.read) || !v.read.every((d) => isDiagnostic(d, name))) return false;
  const result = v.result;
  if (!isRecord(result) || !Array.isArray(result.diagnostics) || !Array.isArray(result.suppressions) || !Array.isArray(result.suppressed)) return false;
  if (!result.diagnostics.every((d) => isDiagnostic(d, name))) return false;
  if (!result.suppressed.every((d) => isDiagnostic(d, name) && isString((d as Record<string, unknown>).justification))) return false;
  return result.suppressions.every((s) => isRecord(s) && s.file === name && isString(s.ruleId) && isString(s.reason) && Number.isInteger(s.silenced));
}
