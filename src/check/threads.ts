// How many threads `lamd validate` checks with, decided without the parallel check's own code
// (parallel.ts, which loads worker_threads): a run on fewer than PARALLEL_CORES cores never loads it.
import { availableParallelism } from 'node:os';

/** Road maps from which the workers pay for their start (each loads lamd and reads the other documents). */
export const PARALLEL_FROM = 500;

/** Cores from which workers pay off: a one-thread check already keeps ~1.4 cores busy (V8 collects
 * garbage and compiles on threads of its own), so on two cores a worker only competes with them — there,
 * measured on 2,000 and 10,000 road maps, two threads took 10–15 % longer and 30 % more processor time. */
export const PARALLEL_CORES = 3;

/**
 * How many threads check, the main one included: `jobs` when given (1: the main thread alone), else
 * one per core but one (left to V8's own threads) when the machine has PARALLEL_CORES or more and the
 * workspace PARALLEL_FROM road maps or more; otherwise one.
 */
export function threadsFor(jobs: number | undefined, roadmaps: number, cores = availableParallelism()): number {
  if (jobs !== undefined) return Math.max(1, Math.floor(jobs));
  return cores < PARALLEL_CORES || roadmaps < PARALLEL_FROM ? 1 : Math.min(cores - 1, 8);
}

/** Whether threadsFor can give more than one, whatever the number of road maps: before they are counted. */
export function mayUseThreads(jobs: number | undefined, cores = availableParallelism()): boolean {
  return threadsFor(jobs, PARALLEL_FROM, cores) > 1;
}
