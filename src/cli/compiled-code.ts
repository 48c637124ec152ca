// Whether the code this run compiled is worth keeping in lamd's code cache for the next run of its
// command (src/compile-cache.ts asks the bundle, src/cli/bundle.ts answers from here): `validate
// --cache` says no after a run that was not a usual warm one (CachedRun.usualWarmRun), whose code
// the warm runs that follow would read for nothing (~7 ms of a 180 ms warm run on 2,000 road maps).
let keeps = true;

export function keepsCompiledCode(): boolean {
  return keeps;
}

export function setKeepsCompiledCode(keep: boolean): void {
  keeps = keep;
}
