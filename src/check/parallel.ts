// `lamd validate` on a large workspace with worker threads: each worker reads, parses and checks its
// share of the road maps and sends back their results and a summary of each (id, slug, flags); the
// main thread reads every other document and checks it against those summaries. Documents never
// cross threads. The output is the serial run's, byte for byte.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { packageRoot } from '../package-root.js';
import { discoverWorkspace } from '../workspace/discover.js';
import { workspaceRootFor } from '../workspace/find.js';
import { loadDocumentFile, roadmapPathTest, loadMore, type LoadedDocument, type LoadOptions, type LoadResult } from '../workspace/load.js';
import { resolve } from 'node:path';
import { assemble, checkFiles, type CheckOptions, type CheckResult, type FileResult } from './index.js';
import { checkShare, loadAllButRoadmaps, type ReadRoadmap, type ShareDone, type WorkerInput, type WorkerMessage } from './parallel-share.js';
import { standIn, type Summary } from './stand-in.js';
import { LazySourceTexts } from '../workspace/texts.js';
import { today } from '../calendar/today.js';
import { threadsFor } from './threads.js';

export { PARALLEL_CORES, PARALLEL_FROM, threadsFor } from './threads.js';

/** The main thread's share of the road maps, against a worker's: it also checks the other documents. */
const MAIN_SHARE = 0.8;

/** How the main thread takes a road map a worker read: from its summary, parsed again, or absent (no document). */
type Placement = { path: string; name: string; size: number; decoded: boolean; kind?: string } & ({ as: 'summary'; summary: Summary } | { as: 'parse' } | { as: 'absent' });

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
  const root = workspaceRootFor(cwd, loadOptions.workspace);
  if (root === undefined) return undefined;
  const threads = threadsFor(jobs, countRoadmaps(root));
  if (threads < 2) return undefined;

  // The road maps are shared out first, so the workers start while this thread reads the rest. This
  // thread checks a smaller share itself: it also checks the other documents and puts results together.
  const isRoadmap = roadmapPathTest(root);
  const paths = discoverWorkspace(root, (path) => path).files.map((f) => f.path).filter(isRoadmap);
  if (paths.length < threads) return undefined;
  const own = Math.floor((paths.length / threads) * MAIN_SHARE);
  const workers = threads - 1;
  const shares = Array.from({ length: workers }, (_, w) => paths.slice(own + Math.floor((w * (paths.length - own)) / workers), own + Math.floor(((w + 1) * (paths.length - own)) / workers)));
  // Every thread counts from the same day, even across midnight.
  const check: CheckOptions = { ...checkOptions, today: checkOptions.today ?? today() };
  const running = shares.map((mine) => new Worker(script, { workerData: { cwd, root, mine, check } satisfies WorkerInput }));
  // Listened to from the start: a worker may finish while this thread is busy, and an event that finds
  // no listener is lost (the run would then wait for nothing, and end with no output).
  const finishing = running.map((worker) => finished(worker));
  for (const promise of finishing) promise.catch(() => undefined);

  try {
    const { load, placeholders } = await loadAllButRoadmaps(loadOptions, root);
    // A road map that appeared since the walk: checked in one thread instead, which is no less exact.
    if (placeholders.size !== paths.length || paths.some((path) => !placeholders.has(path))) return undefined;
    const mine = await checkShare(load, placeholders, paths.slice(0, own), check);
    const done = [mine, ...(await Promise.all(finishing))];
    const placements = place(done.flatMap((d) => d.read), placeholders);
    const settled = await placeAll(load, placeholders, placements);
    // What this thread reports itself: a file at a road map's place holding another kind of document
    // (checked with every road map in view), and a road map whose id another file declared first, in
    // another worker's share maybe (checked against every road map's id). The workers' results stand
    // for the rest.
    const ownResults = new Set<string>();
    for (const p of placements) if (p.as === 'parse' && p.kind !== 'roadmap') ownResults.add(p.name);
    const first = new Map<string, string>();
    for (const doc of load.documents) {
      const id = doc.kind === 'roadmap' ? doc.value.id : undefined;
      if (typeof id === 'string' && !first.has(id)) first.set(id, doc.file);
    }
    const again: LoadedDocument[] = [];
    for (const doc of settled) {
      const id = doc.value.id;
      if (typeof id === 'string' && first.get(id) !== doc.file) again.push(doc);
    }
    await readAgain(load, again);
    for (const doc of again) {
      settled.delete(doc);
      ownResults.add(doc.file);
    }
    const checked = await checkFiles(load, { ...check, settled });
    const known = new Map<string, FileResult>();
    for (const [file, part] of done.flatMap((d) => d.results)) if (!ownResults.has(file)) known.set(file, part);
    for (const p of placements) if (!ownResults.has(p.name)) checked.byFile.delete(p.name);
    return { load, result: assemble(load, checked, known) };
  } catch {
    return undefined;
  } finally {
    for (const worker of running) void worker.terminate();
  }
}

/** How this thread takes each road map: from its summary, parsed again (no plain road map), or absent. */
function place(read: readonly ReadRoadmap[], placeholders: ReadonlyMap<string, LoadedDocument>): Placement[] {
  return read.map(({ path, size, decoded, kind, summary }): Placement => {
    const name = placeholders.get(path)!.file;
    const known = { path, name, size, decoded, ...(kind !== undefined ? { kind } : {}) };
    if (kind === undefined) return { ...known, as: 'absent' };
    if (kind === 'roadmap' && summary) return { ...known, as: 'summary', summary };
    return { ...known, as: 'parse' };
  });
}

/**
 * Puts each road map in its place among this thread's documents, in the order files were found (the
 * order ids are declared in). Returns the road maps whose results come from the workers: in the index
 * only, for this thread.
 */
async function placeAll(load: LoadResult, placeholders: ReadonlyMap<string, LoadedDocument>, placements: readonly Placement[]): Promise<Set<LoadedDocument>> {
  const byPlaceholder = new Map<LoadedDocument, LoadedDocument | undefined>();
  const settled = new Set<LoadedDocument>();
  const reread: LoadedDocument[] = [];
  for (const placement of placements) {
    const placeholder = placeholders.get(placement.path)!;
    let doc: LoadedDocument | undefined;
    if (placement.as === 'absent') load.unloaded.push(placement.path);
    else if (placement.kind !== 'roadmap') reread.push((doc = placeholder));
    else {
      // A road map: its results come from its worker; here it is known by its summary, or parsed
      // again when js-yaml alone does not read it (the rare text that takes the slow path).
      doc = placement.as === 'summary' ? standIn(placement.name, placement.path, placement.summary, () => readFileSync(placement.path)) : await loadDocumentFile(placement.name, placement.path);
      if (doc) settled.add(doc);
    }
    byPlaceholder.set(placeholder, doc);
    if (placement.decoded && load.texts instanceof LazySourceTexts) load.texts.add(placement.name, '', placement.path, placement.size);
  }
  load.documents = load.documents.flatMap((doc) => {
    if (!byPlaceholder.has(doc)) return [doc];
    const replaced = byPlaceholder.get(doc);
    return replaced ? [replaced] : [];
  });
  // Another kind of document where a road map goes: read here as the loader reads it, problems and all.
  await readAgain(load, reread);
  return settled;
}

/** Reads documents again in this thread, as the loader does (with what reading them finds), in their places. */
async function readAgain(load: LoadResult, docs: readonly LoadedDocument[]): Promise<void> {
  if (docs.length === 0) return;
  const scratch: LoadResult = { documents: [], reported: new Set(), diagnostics: [], texts: load.texts, unloaded: [], hasStakeholdersFile: load.hasStakeholdersFile };
  await loadMore(scratch, docs.map((d) => ({ name: d.file, path: d.path! })));
  const fresh = new Map(scratch.documents.map((d) => [d.file, d]));
  const stale = new Set(docs);
  load.documents = load.documents.flatMap((doc) => (!stale.has(doc) ? [doc] : fresh.has(doc.file) ? [fresh.get(doc.file)!] : []));
  load.diagnostics.push(...scratch.diagnostics);
  load.unloaded.push(...scratch.unloaded);
}

/** The worker's results; a failure or an early exit rejects. */
function finished(worker: Worker): Promise<ShareDone> {
  return new Promise((resolve_, reject) => {
    const cleanup = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onMessage = (message: WorkerMessage) => {
      cleanup();
      if ('failed' in message) reject(new Error(message.failed));
      else resolve_(message);
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onExit = (code: number) => {
      cleanup();
      reject(new Error(`a worker exited with code ${code}`));
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
  });
}
