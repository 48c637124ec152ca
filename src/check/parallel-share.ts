// The parallel check's unit of work (see parallel.ts): a share of the road maps, read, parsed and
// checked a batch at a time beside the workspace's other documents. A worker thread runs one share,
// the main thread another; a batch's documents are let go before the next is read.
import { parentPort, workerData } from 'node:worker_threads';
import { loadMore, roadmapPathTest, loadWorkspace, type LoadedDocument, type LoadOptions, type LoadResult } from '../workspace/load.js';
import { checkFiles, type CheckOptions, type FileResult } from './index.js';
import { summarize, type Summary } from './stand-in.js';

/** What a thread says of each road map of its share once it has read it. */
export interface ReadRoadmap {
  path: string;
  /** Its length in bytes, by which a file's text is known to be the one checked (see texts.ts). */
  size: number;
  /** Whether its text was decoded (kept for positions and code frames even when it is no document). */
  decoded: boolean;
  /** The document's kind, or undefined when the file is no document (its results say why). */
  kind?: string;
  /** The top level in short scalars, for a road map js-yaml alone reads (else: parse it again). */
  summary?: Summary;
}

export interface ShareDone {
  read: ReadRoadmap[];
  results: Array<[string, FileResult]>;
}

/** What a worker thread is given (parallel.ts) and what it sends back. */
export interface WorkerInput {
  cwd: string;
  root: string;
  mine: string[];
  check: CheckOptions;
}

export type WorkerMessage = ShareDone | { failed: string };

/** Road maps parsed and checked together: enough to share the other documents' checks, few enough to hold. */
const BATCH = 1500;

/** Every document of the workspace but the road maps, which are listed in their place (`placeholders`, by path). */
export async function loadAllButRoadmaps(options: LoadOptions, root: string): Promise<{ load: LoadResult; placeholders: Map<string, LoadedDocument> }> {
  const placeholders = new Map<string, LoadedDocument>();
  const isRoadmap = roadmapPathTest(root);
  const load = await loadWorkspace({
    ...options,
    before: ({ name, path }) => {
      if (!isRoadmap(path)) return undefined;
      const placeholder: LoadedDocument = { file: name, path, kind: 'roadmap', value: {} };
      placeholders.set(path, placeholder);
      return placeholder;
    },
  });
  return { load, placeholders };
}

/**
 * Reads, parses and checks a share of the road maps (`mine`), a batch at a time, beside the other
 * documents of `base` (loadAllButRoadmaps): their results and a summary of each. `base` is not changed.
 */
export async function checkShare(base: LoadResult, placeholders: ReadonlyMap<string, LoadedDocument>, mine: readonly string[], check: CheckOptions): Promise<ShareDone> {
  const listed = new Set(placeholders.values());
  const read: ReadRoadmap[] = [];
  const results: Array<[string, FileResult]> = [];
  for (let start = 0; start < mine.length; start += BATCH) {
    const files = mine.slice(start, start + BATCH).map((path) => ({ name: placeholders.get(path)?.file ?? path, path }));
    const batch: LoadResult = { documents: [], reported: new Set(files.map((f) => f.name)), diagnostics: [], texts: base.texts, unloaded: [...base.unloaded], hasStakeholdersFile: base.hasStakeholdersFile };
    if (base.root !== undefined) batch.root = base.root;
    const bytes = new Map<string, number>();
    await loadMore(batch, files, ({ path, bytes: b }) => bytes.set(path, b.length));
    // In the workspace's order: the other documents, and this batch's road maps in their places.
    const loaded = new Map(batch.documents.map((d) => [d.path, d]));
    batch.documents = base.documents.flatMap((d) => (!listed.has(d) ? [d] : loaded.has(d.path) ? [loaded.get(d.path)!] : []));
    const checked = await checkFiles(batch, check);
    for (const file of files) {
      const doc = loaded.get(file.path);
      const out: ReadRoadmap = { path: file.path, size: bytes.get(file.path) ?? 0, decoded: base.texts.has(file.name) };
      if (doc) out.kind = doc.kind;
      if (doc && doc.kind === 'roadmap' && doc.readFast) out.summary = summarize(doc.value);
      read.push(out);
      const part = checked.byFile.get(file.name);
      if (part) results.push([file.name, part]);
    }
  }
  return { read, results };
}

/** A worker thread's part (check-worker.ts): its share, checked and sent back, or why it failed. */
export async function checkShareInWorker(): Promise<void> {
  const port = parentPort;
  if (!port) return;
  try {
    const input = workerData as WorkerInput;
    const { load, placeholders } = await loadAllButRoadmaps({ cwd: input.cwd, workspace: input.root }, input.root);
    port.postMessage((await checkShare(load, placeholders, input.mine, input.check)) satisfies WorkerMessage);
  } catch (error) {
    port.postMessage({ failed: String((error as Error)?.stack ?? error) } satisfies WorkerMessage);
  }
}
