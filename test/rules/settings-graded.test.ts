// A rule that grades its own findings (calendar/phase-order: an error for phases out of order, a
// warning for an overlap) still obeys lamd.yaml's `rules:`: `off` reports nothing (docs/rules/README.md),
// and a lower severity is the most any of its findings gets, so `info` never fails a --strict run.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLoaded } from '../../src/check/index.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { FIXTURES, tempDir } from '../helpers/lamd.js';

/** calendar/phase-order's findings on a calendar with one overlap (a warning) and one reversal (an error). */
async function phaseOrder(level?: string): Promise<string[]> {
  const root = tempDir();
  cpSync(join(FIXTURES, 'workspaces/valid'), root, { recursive: true });
  let text = readFileSync(join(FIXTURES, 'rules/calendar/roadmap-during-capitalization.yaml'), 'utf8').replace('  final: { start: 2024-01-15, end: 2024-01-16 }', '  final: { start: 2023-06-01, end: 2023-06-02 }');
  if (level) text = text.replace(/^rules:\n/m, `rules:\n  calendar/phase-order: ${level}\n`);
  writeFileSync(join(root, 'lamd.yaml'), text);
  const result = await checkLoaded(await loadWorkspace({ cwd: root }), { today: '2024-06-01' });
  return result.diagnostics.filter((d) => d.ruleId === 'calendar/phase-order').map((d) => `${d.range?.start.line} ${d.severity}`);
}

describe('a rule that grades its findings, under lamd.yaml’s rules:', () => {
  it('keeps its grades by default: the overlap a warning, the reversal an error', async () => {
    expect(await phaseOrder()).toEqual(['39 warning', '40 error']);
  });

  it('reports nothing when set to off', async () => {
    expect(await phaseOrder('off')).toEqual([]);
  });

  it('reports nothing above the severity it is set to', async () => {
    expect(await phaseOrder('info')).toEqual(['39 info', '40 info']);
    expect(await phaseOrder('warning')).toEqual(['39 warning', '40 warning']);
  });
});
