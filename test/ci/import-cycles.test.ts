// The house is one-way: no module imports, even for a type, a module that imports it back (madge --circular).
import { join } from 'node:path';
import madge from 'madge';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

describe('imports', () => {
  it('form no cycle in src/, type-only imports included', async () => {
    const graph = await madge(join(ROOT, 'src'), {
      fileExtensions: ['ts'],
      tsConfig: join(ROOT, 'tsconfig.json'),
      // A cycle through `import type` still ties two modules' designs together: count it.
      detectiveOptions: { ts: { skipTypeImports: false, skipAsyncImports: false }, es6: { skipTypeImports: false, skipAsyncImports: false } },
    });
    expect(Object.keys(graph.obj()).length).toBeGreaterThan(100);
    expect(graph.circular()).toEqual([]);
  }, 60_000);
});
