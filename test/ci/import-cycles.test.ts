// The house is one-way: no module imports, even for a type, a module that imports it back (madge --circular).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import madge from 'madge';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
/** The schema validators scripts/compile-schemas.mjs writes: 1.5 MB of code, which madge took seconds to parse. */
const GENERATED = join(ROOT, 'src/check/generated');
const GENERATED_PATH = /[\\/]src[\\/]check[\\/]generated[\\/]/;

describe('imports', () => {
  it('form no cycle in src/, type-only imports included', async () => {
    const graph = await madge(join(ROOT, 'src'), {
      fileExtensions: ['ts'],
      tsConfig: join(ROOT, 'tsconfig.json'),
      // A cycle through `import type` still ties two modules' designs together: count it.
      detectiveOptions: { ts: { skipTypeImports: false, skipAsyncImports: false }, es6: { skipTypeImports: false, skipAsyncImports: false } },
      // Not read: they import nothing of lamd's (checked below), so no cycle runs through them.
      dependencyFilter: (path: string) => !GENERATED_PATH.test(path),
    });
    expect(Object.keys(graph.obj()).length).toBeGreaterThan(100);
    expect(graph.circular()).toEqual([]);
  }, 60_000);

  it('from the generated validators reach no module of lamd, so no cycle can pass through them', () => {
    const generated = readdirSync(GENERATED).filter((f) => f.endsWith('.js'));
    expect(generated).toContain('validator-roadmap.js');
    // Any relative specifier (a module of src/) after `from`, `import(` or `require(`.
    const relative = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*)["'`]\.{1,2}\//;
    expect(generated.filter((f) => relative.test(readFileSync(join(GENERATED, f), 'utf8')))).toEqual([]);
    // The pattern does find such an import.
    expect(relative.test('const x = require("../report/index.js")')).toBe(true);
  });
});
