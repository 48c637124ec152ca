// `lamd validate --cache`: keeps every file's results between runs, in the form the JSON output
// prints them. A file whose size, times and inode are as recorded keeps its recorded content hash
// without being read (as git's index does); a road map whose bytes and the facts of the rest of the
// workspace are unchanged is neither parsed nor checked; the other documents' results are kept under
// a key over everything they were drawn from. Keyed by lamd's build, the schema and SDG versions, the
// date and the language (see cache-file.ts for the files).
import { readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { UsageError } from '../errors.js';
import { t, type Text } from '../i18n/messages.js';
import { today } from '../calendar/today.js';
import { LAMD_VERSION, SCHEMA_VERSION, SDG_CODE_LIST_VERSION } from '../version.js';
import { workspaceRootFor } from '../workspace/find.js';
import { isRootWorkspaceFile } from '../workspace/kinds.js';
import { loadWorkspace, type LoadedDocument, type LoadOptions, type LoadResult } from '../workspace/load.js';
import type { LazySourceTexts, SourceTexts } from '../workspace/texts.js';
import { roadmapValueOf } from '../workspace/source.js';
import type { RuleDocs } from './rule-docs.js';
import type { CheckOptions, CheckResult, FileResult, SuppressedDiagnostic } from './index.js';
import type { Suppression } from './settings.js';
import { lazyRoadmap, packedScalar, packSummary, summarize, unpackSummary, type PackedSummary, type StandIn, type Summary } from './stand-in.js';
import { unreadableIds } from './workspace-index.js';
import { CACHE_FORMAT, CACHE_VERSION, NewTexts, readCacheFile, sha256, text, writeCacheFile, type CacheContents, type CacheHeader, type FileEntry, type PrintedResult, type RestEntry, type Segment } from './cache-file.js';
import { jsonFileFragment, jsonFiles, quoter, type PrintedFiles } from '../format/json.js';

/** Where the cache lives in a workspace (`lamd init` lists it in .gitignore). */
export const CACHE_FOLDER = join('.lamd', 'cache');
const CACHE_FILE = 'validate.json';
/** Results kept for this many sets of reported files (the whole workspace, and runs over named files). */
const RESTS_KEPT = 4;
/**
 * A file whose times are this close to the cache's writing (plus the run's own length) is read again
 * next time: it may have changed after it was read within one tick of the file system's clock (2 s on
 * FAT, a few milliseconds on ext4).
 */
const RACY_WINDOW_NS = 2_000_000_000n;

export interface CachedRun {
  root?: string;
  texts: SourceTexts;
  /** The files checked, as shown, sorted. */
  files: string[];
  /** The check's notes about the run, in the run's language. */
  notes: string[];
  /** About the cache itself: ignored, or turned off for this run. */
  cacheNotes: Text[];
  counts: { errors: number; warnings: number; infos: number };
  suppressions: Suppression[];
  /** Every file's entry of the JSON output, in `files` order. */
  printed(): PrintedFiles;
  /** The same as bytes (the kept entries as the blob holds them), the `,\n` between entries included: for a writer of bytes. */
  printedBytes?(): { parts: Uint8Array[]; filesWithProblems: number };
  /** The whole result, its kept diagnostics read back from what is printed (during the run when CacheOptions.diagnostics says so). */
  result(): CheckResult;
  /** How many road maps' results came from the cache, for tests and the curious. */
  reused: number;
  /** Whether the other documents' results came from the cache. */
  restReused: boolean;
  /** The files whose results were made in this run, sorted. */
  checked: string[];
  /**
   * Whether this was a usual warm run (a cache read and placed, the other documents' results kept,
   * road maps checked), whose compiled code is what the next warm run needs: a run that checked
   * everything compiles half as much again, which warm runs would read for nothing.
   */
  usualWarmRun: boolean;
}

export interface CacheOptions {
  /** A folder, or a file name ending in .json; relative to `cwd`. Default: <root>/.lamd/cache. */
  location?: string;
  /** Looks up a rule's page, for the printed entries (default: lamd's own rules). */
  rule?: (id: string) => RuleDocs;
  /** How close to the cache's writing a file's times make it read again next time (default RACY_WINDOW_NS; tests shorten it). */
  racyWindowNs?: bigint;
  /**
   * Whether `result()` will be called (any output but JSON's, or --quiet): the kept diagnostics are
   * then read back during the run, where a cache that does not read is set aside. Default: true.
   */
  diagnostics?: boolean;
}

/** A file that changed while the run read it: the run is done again without the cache. */
class ChangedDuringRun extends Error {}
/** A cache whose header checked out but whose texts do not read: it is ignored. */
class DamagedCache extends Error {}

/** Loads and checks with the cache: the whole run of `lamd validate --cache`. */
export async function validateWithCache(loadOptions: LoadOptions, checkOptions: CheckOptions, options: CacheOptions = {}): Promise<CachedRun> {
  const started = process.hrtime.bigint();
  const cwd = resolve(loadOptions.cwd);
  const cacheNotes: Text[] = [];
  const rule = options.rule ?? (await import('./rule-docs.js')).ruleLookup();
  const root = workspaceRootFor(cwd, loadOptions.workspace, loadOptions.paths, loadOptions.stdinFilename);
  const file = cacheFile(cwd, root, options.location);
  if (file === undefined || root === undefined || (loadOptions.paths ?? []).includes('-')) {
    if (file === undefined) cacheNotes.push(t('validate.cache-no-workspace'));
    return uncached(loadOptions, checkOptions, rule, cacheNotes);
  }
  // The day the date rules count from is part of what results rest on: without --today, it is
  // settled here, once, for the key and the checks alike (yesterday's overdue list is not today's).
  const dated: CheckOptions = { ...checkOptions, today: checkOptions.today ?? today() };
  const key = runKey(dated, relative(cwd, root));
  const read = readCacheFile(file, key);
  if ('damaged' in read) cacheNotes.push(t('validate.cache-ignored', { file: shown(file, cwd) }));
  const run: RunContext = { loadOptions, checkOptions: dated, rule, root, file, key, cwd, started, previous: 'contents' in read ? read.contents : undefined, cacheNotes, racyWindow: options.racyWindowNs ?? RACY_WINDOW_NS, diagnostics: options.diagnostics ?? true };
  for (;;) {
    try {
      const outcome = await cachedRun(run);
      outcome.usualWarmRun = run.previous !== undefined && outcome.restReused && outcome.checked.length > 0;
      return outcome;
    } catch (error) {
      // A cache whose checksum held but whose contents do not read: run once more without it.
      if (error instanceof DamagedCache && run.previous !== undefined) {
        cacheNotes.push(t('validate.cache-ignored', { file: shown(file, cwd) }));
        run.previous = undefined;
        continue;
      }
      // A file changed under the run: what it read may mix two versions, so it is all read again.
      if (error instanceof ChangedDuringRun) return uncached(loadOptions, dated, rule, cacheNotes);
      throw error;
    }
  }
}

/** One discovered file in this run. */
interface Item {
  name: string;
  path: string;
  /** Relative to the workspace root: the cache's key for it. */
  rel: string;
  /** `latest`: the later of its modification and change times, in milliseconds. */
  stat?: { key: string; size: number; latest: number };
  /** SHA-256 of its bytes, when known; null when it could not be read. */
  hash?: string | null;
  /** The previous run's entry, when there is one. */
  old?: FileEntry;
  /** Its bytes are those of `old` (by its stat, or read and hashed). */
  same?: boolean;
  /** The document the cache gave for it, when it did. */
  placed?: LoadedDocument;
  /** The document it is in this run. */
  doc?: LoadedDocument;
  /** A road map read fast, whose results are kept on its own. */
  roadmap?: boolean;
  /** Worked out once: a road map's summary, its key, its id. */
  summary?: Summary;
  packedSummary?: PackedSummary;
  summaryKey?: string;
  id?: string | null;
}

interface RunContext {
  loadOptions: LoadOptions;
  checkOptions: CheckOptions;
  rule: (id: string) => RuleDocs;
  root: string;
  file: string;
  /** The run's key (runKey), which the cache read had and the cache written has. */
  key: string;
  cwd: string;
  started: bigint;
  previous: CacheContents | undefined;
  cacheNotes: Text[];
  racyWindow: bigint;
  diagnostics: boolean;
}

/** A kept file's suppressions and suppressed findings when it has none (nearly all): one pair of lists, never added to. */
const NO_EXTRAS = Object.freeze({ suppressions: Object.freeze([]) as readonly Suppression[], suppressed: Object.freeze([]) as readonly SuppressedDiagnostic[] });

/** Where a file's results come from: checked in this run, or kept. */
type Outcome = { fresh: FileResult } | { kept: PrintedResult };

/** The steps of a cached run, each named for what it works out. */
async function cachedRun(run: RunContext): Promise<CachedRun> {
  const loaded = await loadWithCache(run);
  const plan = whatToCheck(run, loaded);
  const checked = await checkWhatChanged(run, loaded, plan);
  const outcomes = outcomesOf(loaded, plan, checked);
  const texts = new NewTexts(loaded.blob.length);
  const printed = printNow(run, loaded, outcomes, texts);
  // The kept texts are read back first: a cache that does not read is set aside before it is written again.
  const outcome = runOutcome(run, loaded, plan, checked, outcomes, printed);
  keepForNextRun(run, loaded, plan, checked, printed, texts);
  return outcome;
}

/** What loading with the cache gave. */
interface Loaded {
  load: LoadResult;
  items: Item[];
  byPath: Map<string, Item>;
  /** The previous run's blob (empty without one). */
  blob: Buffer;
  /** What discovery found on no file (a folder named like a document, a link out of the workspace). */
  discovery: Diagnostic[];
  /** What reading found in each file read now. */
  readNow: Map<string, Diagnostic[]>;
}

/**
 * Loads the workspace, every file whose bytes are as recorded placed from the cache: a road map as
 * a stand-in from its summary, any other document from its kept value.
 */
async function loadWithCache(run: RunContext): Promise<Loaded> {
  const { root, previous } = run;
  const blob = previous?.blob ?? Buffer.alloc(0);
  const oldFiles = previous?.header.files;
  const items: Item[] = [];
  const byPath = new Map<string, Item>();
  const restored: Diagnostic[] = [];
  const rootPrefix = root.endsWith(sep) ? root : root + sep;

  /** The document the cache holds for a file whose bytes are unchanged, when it holds one. */
  const place = (item: Item, bytes?: Uint8Array): LoadedDocument | undefined => {
    const doc = item.old?.doc;
    if (!doc) return undefined;
    if (doc.kind === 'roadmap' && doc.sm && doc.fast) {
      item.placed = lazyRoadmap(item.name, item.path, doc.sm, () => parseUnchanged(item, bytes));
      item.roadmap = true;
    } else if (doc.v) {
      item.placed = { file: item.name, path: item.path, kind: doc.kind, value: json(blob, doc.v) as Record<string, unknown>, readFast: doc.fast };
    } else return undefined;
    if (doc.read) restored.push(...(json(blob, doc.read) as Diagnostic[]));
    return item.placed;
  };

  const load = await loadWorkspace({
    ...run.loadOptions,
    before: ({ name, path }) => {
      const item: Item = { name, path, rel: path.startsWith(rootPrefix) ? path.slice(rootPrefix.length) : relative(root, path), stat: statOf(path) };
      items.push(item);
      byPath.set(path, item);
      const old = oldFiles?.get(item.rel);
      if (!old) return undefined;
      item.old = old;
      if (old.st === null || old.h === null || item.stat?.key !== old.st) return undefined;
      item.hash = old.h;
      item.same = true;
      return place(item);
    },
    reuse: ({ path, bytes }) => {
      const item = byPath.get(path);
      if (!item) return undefined;
      item.hash = sha256(bytes);
      item.same = item.old !== undefined && item.old.h === item.hash;
      return item.same ? place(item, bytes) : undefined;
    },
  });
  if (load.reported.size === 0) throw new UsageError(t('validate.nothing-to-check'));

  // What discovery found on no file, and what reading found in each file read now (before the kept findings are added back).
  const names = load.diagnostics.length > 0 ? new Set(items.map((i) => i.name)) : undefined;
  const discovery = names ? load.diagnostics.filter((d) => !names.has(d.file)) : [];
  const readNow = new Map<string, Diagnostic[]>();
  if (names) for (const d of load.diagnostics) if (names.has(d.file)) (readNow.get(d.file) ?? readNow.set(d.file, []).get(d.file)!).push(d);
  load.diagnostics.push(...restored);
  for (const doc of load.documents) {
    const item = doc.path !== undefined ? byPath.get(doc.path) : undefined;
    if (!item) continue;
    item.doc = doc;
    if (doc !== item.placed) item.roadmap = doc.kind === 'roadmap' && doc.readFast === true;
  }
  return { load, items, byPath, blob, discovery, readNow };
}

/** What the run checks again, and what it keeps. */
interface Plan {
  /** The fingerprint of the workspace beside its road maps (workspaceFacts), and whether the cache has it. */
  facts: string;
  sameFacts: boolean;
  /** For each road map id, the file that declares it first: an ids/unique finding goes on the others. */
  first: Map<string, string>;
  roadmaps: Item[];
  /** Road maps whose own results are kept. */
  valid: Set<Item>;
  /** Reported road maps checked again. */
  toCheck: Item[];
  /** The other reported files, whose results are kept or made together. */
  restReported: Set<string>;
  /** The key of their results, given the road maps their checks read whole. */
  restKey: (deep: readonly string[]) => string;
  /** Their kept results, when the key is unchanged. */
  rest: RestEntry | undefined;
}

function whatToCheck(run: RunContext, { load, items, byPath, discovery }: Loaded): Plan {
  const { previous } = run;
  const facts = workspaceFacts(load, (doc) => (doc.path !== undefined ? byPath.get(doc.path)?.hash : undefined) ?? null);
  // In the documents' order, which a run over named files need not load them in.
  const first = new Map<string, string>();
  for (const doc of load.documents) {
    if (doc.kind !== 'roadmap') continue;
    const item = doc.path !== undefined ? byPath.get(doc.path) : undefined;
    const id = item ? idOf(item) : typeof doc.value.id === 'string' ? doc.value.id : null;
    if (id !== null && !first.has(id)) first.set(id, doc.file);
  }
  const roadmaps = items.filter((i) => i.roadmap);
  const valid = new Set<Item>();
  const sameFacts = previous?.header.facts === facts;
  for (const item of roadmaps) {
    const own = item.same ? item.old?.own : undefined;
    if (own && sameFacts && (own.first ?? item.name) === firstOf(first, item)) valid.add(item);
  }
  const toCheck = roadmaps.filter((i) => !valid.has(i) && load.reported.has(i.name));
  const restReported = new Set(load.reported);
  for (const item of roadmaps) restReported.delete(item.name);

  // The key of the other files' results: their bytes, what discovery said, every road map's summary,
  // and (per entry) the bytes of the road maps their checks read whole.
  const base = createHash('sha256');
  base.update(JSON.stringify([facts, discovery, [...restReported].sort()]));
  // No file name holds a NUL: it ends each name and each value. A road map a run over named files
  // left out (no hash: see glance.ts leavesOut) shares no id with a named one, and is named as such.
  // Gathered as parts and joined once: a template per file made two thousand strings to flatten.
  const parts: string[] = [];
  for (const item of items) {
    if (item.roadmap) parts.push(item.name, '\0s', summaryKeyOf(item), '\0');
    else if (item.hash === undefined) parts.push(item.name, '\0left-out\0');
    else parts.push(item.name, '\0h', item.hash ?? '', '\0');
  }
  base.update(parts.join(''));
  // Each file's hash by name, made only for a kept entry whose checks read road maps whole (rare).
  let hashes: Map<string, string | null> | undefined;
  const hashOf = (name: string) => (hashes ??= new Map(items.map((item) => [item.name, item.hash ?? null]))).get(name) ?? null;
  const restKey = (deep: readonly string[]) => base.copy().update(JSON.stringify(deep.map((name) => [name, hashOf(name)]))).digest('base64url');
  const rest = previous?.header.rests.find((r) => r.key === restKey(r.deep));
  return { facts, sameFacts, first, roadmaps, valid, toCheck, restReported, restKey, rest };
}

/** Results made in this run. */
interface Checked {
  /** The other files', when their kept results did not apply. */
  rest?: { deep: string[]; notes: string[]; byFile: Map<string, FileResult> };
  /** The road maps checked again. */
  own: Map<string, FileResult>;
}

async function checkWhatChanged(run: RunContext, { load, items }: Loaded, plan: Plan): Promise<Checked> {
  // The texts of placed files, read again from disk if a finding needs them: the files checked now,
  // and every file when the output shows kept findings in their text (any format but JSON).
  const texts = load.texts as LazySourceTexts;
  const toCheck = new Set(plan.toCheck);
  for (const item of items) {
    if (item.placed && item.stat && (run.diagnostics || !item.roadmap || toCheck.has(item)) && !texts.has(item.name)) texts.add(item.name, '', item.path, item.stat.size);
  }
  const checked: Checked = { own: new Map() };
  if (plan.rest && plan.toCheck.length === 0) return checked;
  const { checkFiles } = await import('./index.js');
  const { roadmaps } = plan;
  if (!plan.rest) {
    // The other files alone, every road map settled behind a stand-in that notes being read whole.
    const trackers = new Map<LoadedDocument, StandIn>();
    for (const item of roadmaps) {
      const doc = item.doc!;
      trackers.set(doc, lazyRoadmap(doc.file, doc.path, packedSummaryOf(item), () => doc.value));
    }
    const reported = plan.restReported;
    const scoped: LoadResult = { ...load, documents: load.documents.map((d) => trackers.get(d) ?? d), reported, diagnostics: load.diagnostics.filter((d) => reported.has(d.file)) };
    const result = await checkFiles(scoped, { ...run.checkOptions, settled: new Set(trackers.values()) });
    const deep = roadmaps.filter((i) => trackers.get(i.doc!)!.materialized).map((i) => i.name);
    checked.rest = { deep, notes: result.notes, byFile: result.byFile };
  }
  if (plan.toCheck.length > 0) {
    const reported = new Set(plan.toCheck.map((i) => i.name));
    const settled = new Set(roadmaps.filter((i) => !reported.has(i.name)).map((i) => i.doc!));
    const scoped: LoadResult = { ...load, reported, diagnostics: load.diagnostics.filter((d) => reported.has(d.file)) };
    checked.own = (await checkFiles(scoped, { ...run.checkOptions, settled })).byFile;
  }
  return checked;
}

/** Every reported file's results, from this run or kept. */
function outcomesOf({ load }: Loaded, plan: Plan, checked: Checked): Map<string, Outcome> {
  const outcomes = new Map<string, Outcome>();
  for (const name of plan.restReported) {
    const fresh = checked.rest?.byFile.get(name);
    const kept = plan.rest?.files[name];
    if (fresh) outcomes.set(name, { fresh });
    else if (kept) outcomes.set(name, { kept });
    else throw new DamagedCache();
  }
  for (const item of plan.roadmaps) {
    if (!load.reported.has(item.name)) continue;
    const fresh = checked.own.get(item.name);
    if (fresh) outcomes.set(item.name, { fresh });
    else if (plan.valid.has(item)) outcomes.set(item.name, { kept: item.old!.own!.r });
    else throw new DamagedCache();
  }
  return outcomes;
}

/** The reported files' entries of the output: kept ones where they lie in the blob, new ones printed now. */
interface Printed {
  /** The files reported, as shown, sorted (the output's order). */
  files: string[];
  byFile: Map<string, PrintedResult>;
  /** The entries printed in this run, each with the `,\n` that follows it in the output. */
  pieces: Map<string, string>;
}

function printNow(run: RunContext, { load }: Loaded, outcomes: ReadonlyMap<string, Outcome>, texts: NewTexts): Printed {
  const files = [...load.reported].sort();
  const byFile = new Map<string, PrintedResult>();
  const pieces = new Map<string, string>();
  // One quoter for the run: its files' findings repeat a few messages, rule ids and links.
  const quote = quoter();
  for (const name of files) {
    const outcome = outcomes.get(name)!;
    if ('kept' in outcome) {
      byFile.set(name, outcome.kept);
      continue;
    }
    const { fresh } = outcome;
    const counts = countsOf(fresh.diagnostics);
    const [errors, warnings, infos] = counts;
    const piece = `${jsonFileFragment({ file: name, diagnostics: fresh.diagnostics, errors, warnings, infos }, run.rule, quote)},\n`;
    pieces.set(name, piece);
    const printed: PrintedResult = { j: texts.add(piece), c: counts };
    if (fresh.suppressions.length > 0 || fresh.suppressed.length > 0) printed.x = texts.add(JSON.stringify({ suppressions: fresh.suppressions, suppressed: fresh.suppressed }));
    byFile.set(name, printed);
  }
  return { files, byFile, pieces };
}

/**
 * The cache the next run reads: an entry for every file (the one kept, as the object it is, when
 * nothing in it changed), the other files' results, and the texts printed now appended to the blob.
 * A run that changed nothing writes nothing.
 */
function keepForNextRun(run: RunContext, { items, blob, readNow }: Loaded, plan: Plan, checked: Checked, printed: Printed, texts: NewTexts): void {
  const { previous } = run;
  const oldFiles = previous?.header.files;
  // A Map: an object keyed by two thousand paths would make each a property name (hashed, interned).
  const entries = new Map<string, FileEntry>();
  // Each entry written and its file's latest time, side by side.
  const written: FileEntry[] = [];
  const latest: number[] = [];
  const named = (run.loadOptions.paths ?? []).length > 0;
  // A run over named files keeps what it did not read; a run over the workspace forgets deleted files.
  if (named) {
    const seen = new Set(items.map((i) => i.rel));
    for (const path of oldFiles?.paths() ?? []) if (!seen.has(path)) entries.set(path, keptEntry(oldFiles!.get(path)!, plan.sameFacts));
  }
  for (const item of items) {
    if (!item.stat || item.hash === undefined) {
      // Not read in this run (a road map a run over named files left out): kept as it was.
      if (item.old && item.old.st === item.stat?.key) entries.set(item.rel, keptEntry(item.old, plan.sameFacts));
      continue;
    }
    const old = item.old;
    const doc = item.doc ? (item.same && item.placed && old?.doc ? old.doc : docEntry(item, readNow.get(item.name), texts)) : undefined;
    let r: PrintedResult | undefined;
    let first: string | undefined;
    if (item.roadmap) {
      r = printed.byFile.get(item.name) ?? (plan.valid.has(item) ? old!.own!.r : undefined);
      const firstFile = firstOf(plan.first, item);
      if (r && firstFile !== item.name) first = firstFile;
    }
    // The entry read, when nothing in it changed (most of them): no new one to make and compare.
    let entry: FileEntry;
    if (old !== undefined && old.st === item.stat.key && old.h === item.hash && old.doc === doc && old.own?.r === r && old.own?.first === first) entry = old;
    else {
      entry = { st: item.stat.key, h: item.hash };
      if (doc) entry.doc = doc;
      if (r) entry.own = first !== undefined ? { first, r } : { r };
    }
    entries.set(item.rel, entry);
    written.push(entry);
    latest.push(item.stat.latest);
  }
  const rests = [restNow(plan, checked, printed)];
  for (const r of previous?.header.rests ?? []) {
    if (rests.length >= RESTS_KEPT) break;
    if (r !== plan.rest && r.key !== rests[0]!.key) rests.push(r);
  }

  const unchanged =
    texts.length === 0 &&
    rests[0] === previous?.header.rests[0] &&
    items.every((i) => i.same && i.old!.st !== null && i.old!.st === i.stat?.key) &&
    (named || (oldFiles?.size ?? 0) === items.length);
  if (unchanged) return;
  const refused = writeCacheFile(run.file, {
    blob,
    blobFile: previous?.header.blob.file,
    chunks: previous?.header.blob.chunks ?? [],
    lines: oldFiles,
    texts,
    live: liveBytes(entries, rests),
    printedFirst: printed.files.map((name) => printed.byFile.get(name)!.j),
    header: (now) => {
      // Files changed within a tick of being read may change again unseen: read them next time.
      const racy = Number(now - (process.hrtime.bigint() - run.started) - run.racyWindow) / 1e6;
      for (let i = 0; i < written.length; i++) if (latest[i]! >= racy) written[i]!.st = null;
      return { format: CACHE_FORMAT, version: CACHE_VERSION, key: run.key, facts: plan.facts, files: entries, rests } satisfies Omit<CacheHeader, 'blob'>;
    },
  });
  if (refused) run.cacheNotes.push(t('validate.cache-off', { folder: shown(resolve(run.file, '..'), run.cwd), code: refused }));
}

/** The other files' results for the next run: made now, or the kept ones. */
function restNow(plan: Plan, checked: Checked, printed: Printed): RestEntry {
  if (!checked.rest) return plan.rest!;
  const files: Record<string, PrintedResult> = {};
  for (const name of plan.restReported) files[name] = printed.byFile.get(name)!;
  return { key: plan.restKey(checked.rest.deep), deep: checked.rest.deep, notes: checked.rest.notes, files };
}

/** A file's entry for a document read now. */
function docEntry(item: Item, read: Diagnostic[] | undefined, texts: NewTexts): FileEntry['doc'] {
  const doc = item.doc!;
  const value = item.roadmap ? undefined : exactJson(doc.value);
  return {
    kind: doc.kind,
    fast: doc.readFast === true,
    ...(doc.kind === 'roadmap' && !(item.roadmap && packedScalar(packedSummaryOf(item), 'id') === idOf(item)) ? { id: idOf(item) } : {}),
    ...(item.roadmap ? { sm: packedSummaryOf(item), sk: summaryKeyOf(item) } : {}),
    ...(value !== undefined ? { v: texts.add(value) } : {}),
    ...(read ? { read: texts.add(JSON.stringify(read)) } : {}),
  };
}

/** An entry of the old cache in the new one; its own results only when still valid. */
function keptEntry(entry: FileEntry, keepOwn: boolean): FileEntry {
  if (!entry.own || keepOwn) return entry;
  const { own: _, ...rest } = entry;
  return rest;
}

/**
 * How many bytes of the blob the header refers to (a text referred to twice counted once). Each file's
 * entry refers to texts of its own (its value, what reading it found, a road map's results); the other
 * files' results may be shared by several rests, and only those are counted through a set.
 */
function liveBytes(entries: ReadonlyMap<string, FileEntry>, rests: readonly RestEntry[]): number {
  let live = 0;
  for (const entry of entries.values()) {
    if (entry.doc?.v) live += entry.doc.v[1];
    if (entry.doc?.read) live += entry.doc.read[1];
    if (entry.own) live += entry.own.r.j[1] + (entry.own.r.x ? entry.own.r.x[1] : 0);
  }
  const seen = new Set<number>();
  const refer = (segment: Segment | undefined) => {
    if (segment && !seen.has(segment[0])) {
      seen.add(segment[0]);
      live += segment[1];
    }
  };
  for (const rest of rests) {
    for (const name in rest.files) {
      refer(rest.files[name]!.j);
      refer(rest.files[name]!.x);
    }
  }
  return live;
}

/** The run's results, in the order the output lists them. */
function runOutcome(run: RunContext, { load, blob }: Loaded, plan: Plan, checked: Checked, outcomes: ReadonlyMap<string, Outcome>, printed: Printed): CachedRun {
  const counts = { errors: 0, warnings: 0, infos: 0 };
  let filesWithProblems = 0;
  // By index: this runs once per file, mostly before the code is optimised, where destructuring walks an iterator.
  for (const { c } of printed.byFile.values()) {
    counts.errors += c[0];
    counts.warnings += c[1];
    counts.infos += c[2];
    if (c[0] + c[1] + c[2] > 0) filesWithProblems++;
  }
  const extras = (outcome: Outcome): { suppressions: readonly Suppression[]; suppressed: readonly SuppressedDiagnostic[] } =>
    'fresh' in outcome ? outcome.fresh : outcome.kept.x ? (json(blob, outcome.kept.x) as { suppressions: Suppression[]; suppressed: SuppressedDiagnostic[] }) : NO_EXTRAS;
  // Suppressions are listed in the order of the documents that declare them.
  const suppressions: Suppression[] = [];
  for (const doc of load.documents) {
    const outcome = outcomes.get(doc.file);
    if (outcome) suppressions.push(...extras(outcome).suppressions);
  }
  const notes = checked.rest ? checked.rest.notes : plan.rest!.notes;
  const readBack = (): CheckResult => {
    const diagnostics: Diagnostic[] = [];
    const suppressed: SuppressedDiagnostic[] = [];
    for (const [name, outcome] of outcomes) {
      diagnostics.push(...('fresh' in outcome ? outcome.fresh.diagnostics : diagnosticsOf(name, text(blob, outcome.kept.j).slice(0, -2))));
      suppressed.push(...extras(outcome).suppressed);
    }
    return { diagnostics: sortDiagnostics(diagnostics), files: printed.files, notes, suppressions, suppressed: sortDiagnostics(suppressed) };
  };
  // Read back here, where a cache that does not read is set aside, not when the output is written.
  let result = run.diagnostics ? readBack() : undefined;
  return {
    root: run.root,
    texts: load.texts,
    files: printed.files,
    notes,
    cacheNotes: run.cacheNotes,
    counts,
    suppressions,
    printed: () => ({ body: printedParts(printed, outcomes, (from, to) => blob.toString('utf8', from, to), (piece) => piece).join('').slice(0, -2), filesWithProblems }),
    printedBytes: () => {
      const parts = printedParts(printed, outcomes, (from, to) => blob.subarray(from, to), (piece) => Buffer.from(piece, 'utf8'));
      // Every entry carries the `,\n` after it; the last one is followed by the end of the list.
      if (parts.length > 0) parts[parts.length - 1] = parts.at(-1)!.subarray(0, -2);
      return { parts, filesWithProblems };
    },
    result: () => (result ??= readBack()),
    reused: plan.roadmaps.reduce((n, i) => (plan.valid.has(i) && load.reported.has(i.name) ? n + 1 : n), 0),
    restReused: plan.rest !== undefined,
    checked: [...printed.pieces.keys()].sort(),
    usualWarmRun: false,
  };
}

/**
 * The output's files in order, each entry with the `,\n` after it: stretches of kept entries that lie
 * one after the other in the blob are taken at once (`stretch`), entries printed now as they are (`piece`).
 */
function printedParts<T>(printed: Printed, outcomes: ReadonlyMap<string, Outcome>, stretch: (from: number, to: number) => T, piece: (text: string) => T): T[] {
  const parts: T[] = [];
  let from = -1;
  let to = -1;
  const flush = () => {
    if (from !== -1) parts.push(stretch(from, to));
    from = to = -1;
  };
  for (const name of printed.files) {
    const outcome = outcomes.get(name)!;
    if ('kept' in outcome) {
      const [at, length] = outcome.kept.j;
      if (at !== to) {
        flush();
        from = at;
      }
      to = at + length;
    } else {
      flush();
      parts.push(piece(printed.pieces.get(name)!));
    }
  }
  flush();
  return parts;
}

/** A road map's summary: kept with its entry while its bytes are the same, else read from it. */
function summaryOf(item: Item): Summary {
  return (item.summary ??= item.same && item.old?.doc?.sm ? unpackSummary(item.old.doc.sm) : summarize(item.doc!.value));
}

/** The same, packed as the cache and the stand-ins keep it: the kept one as it is, not unpacked and packed again. */
function packedSummaryOf(item: Item): PackedSummary {
  return (item.packedSummary ??= item.same && item.old?.doc?.sm ? item.old.doc.sm : packSummary(summaryOf(item)));
}

/** A road map's summary's key, kept with its entry while placed from it. */
function summaryKeyOf(item: Item): string {
  return (item.summaryKey ??= item.placed && item.old?.doc?.sk !== undefined ? item.old.doc.sk : sha256(JSON.stringify(summaryOf(item))).slice(0, 22));
}

/** A road map's id as the id index reads it. */
function idOf(item: Item): string | null {
  if (item.id !== undefined) return item.id;
  let id: unknown;
  if (item.placed && item.old?.doc) id = item.old.doc.id !== undefined ? item.old.doc.id : item.old.doc.sm ? packedScalar(item.old.doc.sm, 'id') : undefined;
  else id = item.doc?.value.id;
  return (item.id = typeof id === 'string' ? id : null);
}

/**
 * The file that declares a road map's id first; the road map itself when it has none (a road map
 * without an id shares nothing with one whose id is "").
 */
function firstOf(first: ReadonlyMap<string, string>, item: Item): string {
  const id = idOf(item);
  return (id !== null && first.get(id)) || item.name;
}

/** Parses a kept road map when a check reads past its summary; its bytes must still be the recorded ones. */
function parseUnchanged(item: Item, bytes: Uint8Array | undefined): Record<string, unknown> {
  let data = bytes;
  try {
    data ??= readFileSync(item.path);
  } catch {
    throw new ChangedDuringRun();
  }
  if (sha256(data) !== item.hash) throw new ChangedDuringRun();
  return roadmapValueOf(item.name, data);
}

/** A run without the cache, in the cached run's shape. */
async function uncached(loadOptions: LoadOptions, checkOptions: CheckOptions, rule: (id: string) => RuleDocs, cacheNotes: Text[]): Promise<CachedRun> {
  const load = await loadWorkspace(loadOptions);
  if (load.reported.size === 0) throw new UsageError(t('validate.nothing-to-check'));
  const { checkLoaded } = await import('./index.js');
  const result = await checkLoaded(load, checkOptions);
  const [errors, warnings, infos] = countsOf(result.diagnostics);
  return {
    ...(load.root !== undefined ? { root: load.root } : {}),
    texts: load.texts,
    files: result.files,
    notes: result.notes,
    cacheNotes,
    counts: { errors, warnings, infos },
    suppressions: result.suppressions,
    printed: () => jsonFiles(result.diagnostics, result.files, rule),
    result: () => result,
    reused: 0,
    restReused: false,
    checked: result.files,
    usualWarmRun: false,
  };
}

function countsOf(diagnostics: readonly Diagnostic[]): [number, number, number] {
  const counts: [number, number, number] = [0, 0, 0];
  for (const d of diagnostics) counts[d.severity === 'error' ? 0 : d.severity === 'warning' ? 1 : 2]++;
  return counts;
}

/** The diagnostics of a file's printed entry (everything a Diagnostic holds is printed). */
function diagnosticsOf(file: string, fragment: string): Diagnostic[] {
  let printed: { diagnostics: Array<Omit<Diagnostic, 'file'> & { helpUri?: string }> };
  try {
    printed = JSON.parse(fragment);
  } catch {
    throw new DamagedCache();
  }
  return printed.diagnostics.map(({ helpUri: _, ...d }) => ({ file, ...d }));
}

function json(blob: Buffer, segment: Segment): unknown {
  try {
    return JSON.parse(text(blob, segment));
  } catch {
    throw new DamagedCache();
  }
}

/**
 * A file's size, times and inode, as the cache records them; undefined when it cannot be looked at.
 * The times are milliseconds with a fraction: a double holds today's to about a quarter of a
 * microsecond, and two writes that close together fall within the racy window of the run that read
 * the first. (Without bigint: a warm run looks at every file, and each bigint stat makes 14 BigInts.)
 */
function statOf(path: string): Item['stat'] {
  try {
    const s = statSync(path);
    return { key: `${s.size}:${s.mtimeMs}:${s.ctimeMs}:${s.ino}`, size: s.size, latest: s.mtimeMs > s.ctimeMs ? s.mtimeMs : s.ctimeMs };
  } catch {
    return undefined;
  }
}

/**
 * The value's JSON when parsing it gives back exactly the value: plain objects and arrays, strings,
 * booleans, null and finite numbers other than -0. Anything else is read from its file again.
 */
function exactJson(value: unknown): string | undefined {
  const exact = (v: unknown): boolean => {
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
    if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0);
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) if (!(i in v) || !exact(v[i])) return false;
      return Object.keys(v).length === v.length;
    }
    if (typeof v !== 'object' || Object.getPrototypeOf(v) !== Object.prototype || Object.getOwnPropertySymbols(v).length > 0) return false;
    const names = Object.getOwnPropertyNames(v);
    if (names.length !== Object.keys(v).length) return false;
    return names.every((k) => exact((v as Record<string, unknown>)[k]));
  };
  return exact(value) ? JSON.stringify(value) : undefined;
}

/** The cache file: --cache-location (a folder, or a .json file), else <root>/.lamd/cache/validate.json. */
function cacheFile(cwd: string, root: string | undefined, location: string | undefined): string | undefined {
  if (location === undefined) return root === undefined ? undefined : join(root, CACHE_FOLDER, CACHE_FILE);
  const path = resolve(cwd, location);
  return /\.json$/i.test(path) ? path : join(path, CACHE_FILE);
}

/** Everything beside the files that decides a run's results; a cache made under another is not used. */
function runKey(options: CheckOptions, rootFromCwd: string): string {
  let build: string;
  try {
    // A development build keeps its version number: its own file's size and time tell builds apart.
    const stat = statSync(fileURLToPath(import.meta.url));
    build = `${stat.size}:${stat.mtimeMs}`;
  } catch {
    build = 'unknown';
  }
  // Files are named relative to the working directory in the results: seen from elsewhere, they read
  // otherwise. Kept messages were written by Intl: another Node (another ICU, CLDR) may write them otherwise.
  const intl = [process.versions.icu ?? null, process.versions.cldr ?? null];
  return sha256(JSON.stringify([CACHE_VERSION, LAMD_VERSION, build, SCHEMA_VERSION, SDG_CODE_LIST_VERSION, options.today ?? null, options.language ?? 'en', rootFromCwd, intl]));
}

/**
 * The facts of the workspace a road map's results may be drawn from, apart from its own file: every
 * document that is not a road map (lamd.yaml with its rule settings, the stakeholders, profiles,
 * practices, activities, progress reports), the ids files that could not be read would declare, and
 * whether lamd.yaml and stakeholders.yaml exist. A road map depends on other road maps only through a
 * shared id (see `first` in whatToCheck).
 */
function workspaceFacts(load: LoadResult, hashOf: (doc: LoadedDocument) => string | null): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify([load.root ?? null, load.hasStakeholdersFile]));
  const unreadable = unreadableIds(load.unloaded);
  hash.update(JSON.stringify([[...unreadable.practices].sort(), [...unreadable.activities].sort()]));
  hash.update(JSON.stringify(load.root !== undefined && load.unloaded.some((p) => isRootWorkspaceFile(p, load.root!))));
  for (const doc of load.documents) {
    if (doc.kind === 'roadmap') continue;
    hash.update(JSON.stringify([doc.file, doc.kind, hashOf(doc)]));
  }
  return hash.digest('base64url');
}

function shown(file: string, cwd: string): string {
  return relative(cwd, file) || basename(file);
}
