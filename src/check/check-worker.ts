// A worker thread of `lamd validate`'s parallel check (see parallel.ts): checks one share of the
// road maps (parallel-share.ts) and sends back their results and summaries.
import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerInput, WorkerMessage } from './parallel.js';
import { checkShare, loadAllButRoadmaps } from './parallel-share.js';

async function work(port: NonNullable<typeof parentPort>): Promise<void> {
  const input = workerData as WorkerInput;
  const { load, placeholders } = await loadAllButRoadmaps({ cwd: input.cwd, workspace: input.root }, input.root);
  port.postMessage((await checkShare(load, placeholders, input.mine, input.check)) satisfies WorkerMessage);
}

if (parentPort) {
  const port = parentPort;
  work(port).catch((error: unknown) => port.postMessage({ failed: String((error as Error)?.stack ?? error) } satisfies WorkerMessage));
}
