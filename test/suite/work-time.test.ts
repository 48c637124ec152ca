// The suite's time bounds on in-process work (test/helpers/work-time.ts) count lamd's work, not waiting.
import { setTimeout as sleep } from 'node:timers/promises';
import { expect, it } from 'vitest';
import { describeWorkTime, timeWork, timeWorkSync } from '../helpers/work-time.js';

it('counts a busy loop and not a wait, where the system tells the thread’s CPU time', async () => {
  const busy = timeWorkSync(() => {
    const until = performance.now() + 150;
    let spins = 0;
    while (performance.now() < until) spins++;
    return spins;
  });
  expect(busy.result).toBeGreaterThan(0);
  const waiting = await timeWork(() => sleep(300));
  expect(waiting.time.wallMs).toBeGreaterThanOrEqual(290);
  if (process.platform !== 'linux') return;
  expect(busy.time.measured).toBe('thread cpu');
  // Ticks of 10 ms, and a core the suite's other workers may take a share of.
  expect(busy.time.cpuMs).toBeGreaterThanOrEqual(20);
  // Milliseconds, not ticks or microseconds: no more CPU than wall time, give or take a tick each end.
  expect(busy.time.cpuMs).toBeLessThanOrEqual(busy.time.wallMs + 20);
  expect(waiting.time.cpuMs, describeWorkTime(waiting.time)).toBeLessThan(150);
  expect(describeWorkTime(waiting.time)).toMatch(/^took \d+ ms of CPU \(\d+ ms of wall time\)$/);
});
