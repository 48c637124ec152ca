// `lamd validate` on a large workspace with worker threads: each worker reads, parses and checks its
// share of the road maps and sends back their results and a summary of each (id, slug, flags); the
// main thread reads every other document and checks it against those summaries. Documents never
// cross threads. The output is the serial run's, byte for byte.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { packageRoot } from '../package-root.js';
import { discoverWorkspace } from '../workspace/discover.js';
import { findWorkspaceRoot, requireWorkspaceAt } from '../workspace/find.js';
import { isRoadmapPath, loadDocumentFile, loadWorkspace, type LoadedDocument, type LoadOptions, type LoadResult } from '../workspace/load.js';
import { resolve } from 'node:path';
import { assemble, checkFiles, type CheckOptions, type CheckResult, type FileResult } from './index.js';
import { standIn, type Summary } from './stand-in.js';
import { LazySourceTexts } from '../workspace/texts.js';
import { today } from '../calendar/today.js';

/** Road maps from which the workers pay for their start (each loads lamd and reads the other documents). */
export const PARALLEL_FROM = 500;

/** What a worker says of each road map of its share once it has read it. */
export interface ReadRoadmap {
  path: string;
  /** Its length in bytes, by which a file's text is known to be the one checked (see texts.ts). */
  size: number;
  /** Whether its text was decoded (kept for positions and code frames even when it is no document). */
  decoded: boolean;
  /** The document's kind, or undefined when the file is no document (its results say why). */
  kind?: string;
  /** The top level in short scalars, for a road map js-yaml alone reads (else: parse it yourself). */
  summary?: Summary;
}

/** How every thread takes a road map another thread read. */
export type Placement = { path: string; name: string; size: number; decoded: boolean } & ({ as: 'summary'; summary: Summary } | { as: 'parse' } | { as: 'absent' });

export interface WorkerInput {
  cwd: string;
  root: string;
  mine: string[];
  check: CheckOptions;
}

export type WorkerMessage = { read: ReadRoadmap[] } | { results: Array<[string, FileResult]> } | { failed: string };

/**
 * How many worker threads check the road maps: `jobs` when given (1: none, the main thread checks
 * everything), else one per core when the workspace has PARALLEL_FROM road maps or more, and none on
 * one core. The main thread meanwhile reads and checks the other documents, a small share.
 */
export function threadsFor(jobs: number | undefined, roadmaps: number): number {
  if (jobs !== undefined) return Math.max(1, Math.floor(jobs));
  const cores = availableParallelism();
  return cores < 2 || roadmaps < PARALLEL_FROM ? 1 : Math.min(cores, 8);
}

/** Counts the road maps where they live (municipalities/<slug>/roadmaps/), without reading them. */
export function countRoadmaps(root: string): number {
  let count = 0;
  let municipalities: string[];
  try {
    municipalities = readdirSync(join(root, 'municipalities'));
  } catch {
    return 0;
  }
  for (const slug of municipalities) {
    try {
      count += readdirSync(join(root, 'municipalities', slug, 'roadmaps')).filter((f) => /\.ya?ml$/i.test(f)).length;
    } catch {
      // Not a folder, or no road maps.
    }
  }
  return count;
}

/** The worker's script, built beside lamd's bundle; undefined when running from the sources unbuilt. */
function workerScript(): string | undefined {
  const script = join(packageRoot(), 'dist', 'check-worker.js');
  return existsSync(script) ? script : undefined;
}

/**
 * Loads and checks the whole workspace with the main thread and workers (see threadsFor). Undefined
 * when it does not (one thread is enough, no workspace, named files, no worker script, a worker
 * failed): the caller then checks in one thread, which gives the same output.
 */
export async function validateInParallel(loadOptions: LoadOptions, checkOptions: CheckOptions, jobs?: number): Promise<{ load: LoadResult; result: CheckResult } | undefined> {
  const script = workerScript();
  if (!script || (loadOptions.paths ?? []).length > 0) return undefined;
  const cwd = resolve(loadOptions.cwd);
  const root = loadOptions.workspace !== undefined ? requireWorkspaceAt(resolve(cwd, loadOptions.workspace)) : findWorkspaceRoot(cwd);
  if (root === undefined) return undefined;
  const threads = threadsFor(jobs, countRoadmaps(root));
  if (threads < 2) return undefined;

  // The road maps are shared out first, so the workers start while this thread reads the rest.
  const paths = discoverWorkspace(root, (path) => path).files.map((f) => f.path).filter((path) => isRoadmapPath(path, root));
  if (paths.length === 0) return undefined;
  const workers = Math.min(threads, paths.length);
  const shares = Array.from({ length: workers }, (_, w) => paths.slice(Math.floor((w * paths.length) / workers), Math.floor(((w + 1) * paths.length) / workers)));
  // Every thread counts from the same day, even across midnight.
  const check: CheckOptions = { ...checkOptions, today: checkOptions.today ?? today() };
  const running = shares.map((mine) => new Worker(script, { workerData: { cwd, root, mine, check } satisfies WorkerInput }));

  // This thread reads every document but the road maps, which it lists in their place.
  const mine = new Set(paths);
  const placeholders = new Map<string, LoadedDocument>();
  try {
    const load = await loadWorkspace({
      ...loadOptions,
      before: ({ name, path }) => {
        if (!mine.has(path)) return undefined;
        const placeholder: LoadedDocument = { file: name, path, kind: 'roadmap', value: {} };
        placeholders.set(path, placeholder);
        return placeholder;
      },
    });
    // A road map that appeared since the walk is read by this thread, which is no less exact.
    for (const path of paths) if (!placeholders.has(path)) return undefined;
    const reads = await Promise.all(running.map((worker) => next(worker, 'read')));
    const placements = place(reads.flat(), placeholders);
    for (const worker of running) worker.postMessage({ placements });
    const results = Promise.all(running.map((worker) => next(worker, 'results')));

    // Meanwhile this thread checks the documents it read, and gives the run's notes.
    const settled = await placeAll(load, placeholders, placements);
    const checked = await checkFiles(load, { ...check, settled });
    const known = new Map<string, FileResult>();
    for (const [file, part] of (await results).flat()) known.set(file, part);
    // A worker's own results stand, except for a file at a road map's place that holds another kind
    // of document: the main thread checks that one with every road map in view.
    const reparsed = new Set(placements.filter((p) => p.as === 'parse').map((p) => p.name));
    for (const file of known.keys()) if (!reparsed.has(file)) checked.byFile.delete(file);
    for (const file of checked.byFile.keys()) known.delete(file);
    return { load, result: assemble(load, checked, known) };
  } catch {
    return undefined;
  } finally {
    for (const worker of running) void worker.terminate();
  }
}

/** How every thread takes each road map: from its summary, parsed again (not a plain road map), or absent. */
function place(read: readonly ReadRoadmap[], placeholders: ReadonlyMap<string, LoadedDocument>): Placement[] {
  return read.map(({ path, size, decoded, kind, summary }): Placement => {
    const name = placeholders.get(path)!.file;
    if (kind === undefined) return { path, name, size, decoded, as: 'absent' };
    if (kind === 'roadmap' && summary) return { path, name, size, decoded, as: 'summary', summary };
    return { path, name, size, decoded, as: 'parse' };
  });
}

/**
 * Puts each road map in its place among a thread's documents, in the order files were found (the
 * order ids are declared in). Returns the road maps the thread leaves to the others: only in the
 * index for it. `own` are the paths the thread read itself.
 */
export async function placeAll(load: LoadResult, placeholders: ReadonlyMap<string, LoadedDocument>, placements: readonly Placement[], own: ReadonlySet<string> = new Set()): Promise<Set<LoadedDocument>> {
  const byPlaceholder = new Map<LoadedDocument, LoadedDocument | undefined>();
  const settled = new Set<LoadedDocument>();
  for (const placement of placements) {
    if (own.has(placement.path)) continue;
    const placeholder = placeholders.get(placement.path);
    if (!placeholder) continue;
    let doc: LoadedDocument | undefined;
    if (placement.as === 'summary') doc = standIn(placement.name, placement.path, placement.summary, () => readFileSync(placement.path));
    else if (placement.as === 'parse') doc = await loadDocumentFile(placement.name, placement.path);
    else load.unloaded.push(placement.path);
    byPlaceholder.set(placeholder, doc);
    if (doc && doc.kind === 'roadmap') settled.add(doc);
    if (placement.decoded && load.texts instanceof LazySourceTexts) load.texts.add(placement.name, '', placement.path, placement.size);
  }
  load.documents = load.documents.flatMap((doc) => {
    if (!byPlaceholder.has(doc)) return [doc];
    const replaced = byPlaceholder.get(doc);
    return replaced ? [replaced] : [];
  });
  return settled;
}

/** The worker's next message of the kind expected; a failure or an exit rejects. */
function next<K extends 'read' | 'results'>(worker: Worker, kind: K): Promise<K extends 'read' ? ReadRoadmap[] : Array<[string, FileResult]>> {
  return new Promise((resolve_, reject) => {
    const onMessage = (message: WorkerMessage) => {
      cleanup();
      if ('failed' in message) reject(new Error(message.failed));
      else if (kind in message) resolve_((message as Record<string, unknown>)[kind] as never);
      else reject(new Error(`unexpected message from a worker`));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onExit = (code: number) => {
      cleanup();
      reject(new Error(`a worker exited with code ${code}`));
    };
    const cleanup = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
  });
}
