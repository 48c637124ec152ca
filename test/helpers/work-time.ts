// How long lamd worked on something run in-process: the CPU time of the thread that ran it, so that a
// time bound measures lamd's work, not the machine's. The suite shares two cores among its workers,
// Chromium and LibreOffice, and this virtual machine's host takes a share of its time that varies: on
// a wall clock, a loop in lamd and a machine busy elsewhere look the same. Each failure gives both
// times. (The fuzz bound's one failure, 529 s, was lamd's own: see test/workspace/warmed-up.test.ts.)
import { readFileSync } from 'node:fs';

export interface WorkTime {
  /** CPU milliseconds of this thread (wall milliseconds where the platform cannot tell). */
  cpuMs: number;
  /** Wall-clock milliseconds, for the failure message. */
  wallMs: number;
  /** Whether cpuMs is the thread's CPU time or, on a platform without it, the wall time. */
  measured: 'thread cpu' | 'wall';
}

type ThreadCpuUsage = () => { user: number; system: number };

/** This thread's CPU time in milliseconds, or undefined where neither Node nor the system tells it. */
function threadCpuMs(): number | undefined {
  // Node 23.9 and later, and 22.15 and later.
  const fromNode = (process as unknown as { threadCpuUsage?: ThreadCpuUsage }).threadCpuUsage;
  if (fromNode) {
    const usage = fromNode.call(process);
    return (usage.user + usage.system) / 1000;
  }
  try {
    // Linux: utime and stime, the 14th and 15th fields, in clock ticks of 10 ms (after the command
    // name, which may hold spaces, in parentheses).
    const stat = readFileSync('/proc/thread-self/stat', 'latin1');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/** Runs `work` and measures it; see WorkTime. Only for work done on this thread (no child process). */
export async function timeWork<T>(work: () => Promise<T>): Promise<{ result: T; time: WorkTime }> {
  const stop = startClock();
  const result = await work();
  return { result, time: stop() };
}

/** timeWork for synchronous work (an expect() inside it may throw: the test fails there, untimed). */
export function timeWorkSync<T>(work: () => T): { result: T; time: WorkTime } {
  const stop = startClock();
  const result = work();
  return { result, time: stop() };
}

function startClock(): () => WorkTime {
  const cpuBefore = threadCpuMs();
  const wallBefore = performance.now();
  return () => {
    const wallMs = performance.now() - wallBefore;
    const cpuAfter = threadCpuMs();
    return cpuBefore === undefined || cpuAfter === undefined ? { cpuMs: wallMs, wallMs, measured: 'wall' } : { cpuMs: cpuAfter - cpuBefore, wallMs, measured: 'thread cpu' };
  };
}

/** "took 1234 ms of CPU (5678 ms of wall time)", for a failure message. */
export function describeWorkTime(time: WorkTime): string {
  return time.measured === 'wall' ? `took ${Math.round(time.wallMs)} ms` : `took ${Math.round(time.cpuMs)} ms of CPU (${Math.round(time.wallMs)} ms of wall time)`;
}
