// Whether the code this run compiled is worth keeping in lamd's code cache for the next run of its
// command (src/compile-cache.ts asks the bundle, src/cli/bundle.ts answers from here). A `validate
// --cache` run that found no cache to use, or changes in many files, parses and checks them all: it
// compiles half as much again as the warm runs that follow, which would then read that code for
// nothing (~7 ms of a 180 ms warm run on 2,000 road maps).
let kept = true;

export function keepCompiledCode(keep: boolean): void {
  kept = keep;
}

export function compiledCodeKept(): boolean {
  return kept;
}
