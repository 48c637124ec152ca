// A worker thread of `lamd validate`'s parallel check (see parallel.ts): reads, parses and checks its
// share of the road maps, with every other document of the workspace, and sends back a summary of
// each road map and their results.
import { parentPort, workerData } from 'node:worker_threads';
import { isRoadmapPath, loadWorkspace, type LoadedDocument } from '../workspace/load.js';
import { checkFiles } from './index.js';
import { placeAll, type Placement, type ReadRoadmap, type WorkerInput, type WorkerMessage } from './parallel.js';
import { readsFast, summarize } from './stand-in.js';

async function work(port: NonNullable<typeof parentPort>): Promise<void> {
  const input = workerData as WorkerInput;
  const mine = new Set(input.mine);
  const placeholders = new Map<string, LoadedDocument>();
  const read = new Map<string, { size: number; fast: boolean }>();
  const names = new Map<string, string>();
  const load = await loadWorkspace({
    cwd: input.cwd,
    workspace: input.root,
    // The other workers' road maps: listed in their place, not read.
    before: ({ name, path }) => {
      if (mine.has(path) || !isRoadmapPath(path, input.root)) return undefined;
      const placeholder: LoadedDocument = { file: name, path, kind: 'roadmap', value: {} };
      placeholders.set(path, placeholder);
      return placeholder;
    },
    reuse: ({ name, path, bytes }) => {
      if (mine.has(path)) {
        read.set(path, { size: bytes.length, fast: readsFast(bytes) });
        names.set(path, name);
      }
      return undefined;
    },
  });
  const byPath = new Map(load.documents.filter((d) => d.path !== undefined && mine.has(d.path)).map((d) => [d.path!, d]));
  const said: ReadRoadmap[] = input.mine.map((path) => {
    const doc = byPath.get(path);
    const file = read.get(path);
    const name = doc?.file ?? names.get(path);
    const out: ReadRoadmap = { path, size: file?.size ?? 0, decoded: name !== undefined && load.texts.has(name) };
    if (doc) out.kind = doc.kind;
    if (doc && doc.kind === 'roadmap' && file?.fast) out.summary = summarize(doc.value);
    return out;
  });
  port.postMessage({ read: said } satisfies WorkerMessage);

  const placements = await new Promise<Placement[]>((resolve) => port.once('message', (message: { placements: Placement[] }) => resolve(message.placements)));
  const settled = await placeAll(load, placeholders, placements, mine);
  // Results for this worker's share only: the main thread reports every other document.
  load.reported = new Set(placements.filter((p) => mine.has(p.path)).map((p) => p.name));
  const checked = await checkFiles(load, { ...input.check, settled });
  port.postMessage({ results: [...checked.byFile] } satisfies WorkerMessage);
}

if (parentPort) {
  const port = parentPort;
  work(port).catch((error: unknown) => port.postMessage({ failed: String((error as Error)?.stack ?? error) } satisfies WorkerMessage));
}
