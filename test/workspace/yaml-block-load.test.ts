// How load.ts keeps what the readers give it: the documents the block reader read are kept as they
// are (their strings are their own, see yaml-block-memory.test.ts), those js-yaml read are copied so
// that their strings let go of the file's text.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadWorkspace } from '../../src/workspace/load.js';
import { WORKSPACE_YAML, writeWorkspace } from '../helpers/workspace.js';

/** Stakeholders with a flow mapping over two lines: js-yaml reads it, the block reader steps aside. */
const STAKEHOLDERS_OVER_TWO_LINES = `kind: stakeholders
schema_version: 1
stakeholders:
  - { id: welfare, name: Welfare Area,
      type: municipal-department, level: local }
`;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('loading what the readers read', () => {
  it('copies the documents js-yaml read, and only those', async () => {
    const root = writeWorkspace({ 'lamd.yaml': WORKSPACE_YAML, 'stakeholders.yaml': STAKEHOLDERS_OVER_TWO_LINES });
    const clone = vi.spyOn(globalThis, 'structuredClone');
    const load = await loadWorkspace({ cwd: root });
    expect(load.diagnostics).toEqual([]);
    const byKind = Object.fromEntries(load.documents.map((d) => [d.kind, d]));
    expect(byKind.stakeholders!.value).toEqual({
      kind: 'stakeholders',
      schema_version: 1,
      stakeholders: [{ id: 'welfare', name: 'Welfare Area', type: 'municipal-department', level: 'local' }],
    });
    expect(byKind.workspace!.value.municipalities).toHaveLength(2);
    // One copy, of the stakeholders js-yaml read; the workspace file the block reader read is not copied.
    expect(clone).toHaveBeenCalledTimes(1);
    expect(clone.mock.calls[0]![0]).toEqual(byKind.stakeholders!.value);
    expect(clone.mock.results[0]!.value).toBe(byKind.stakeholders!.value);
  });
});
