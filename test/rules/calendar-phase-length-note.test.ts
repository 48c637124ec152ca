// calendar/phase-length on a municipality's own phase: shorter than the workspace's minimum is a
// warning, until the municipality's calendar says why in its note; then the finding stays, as
// information, so a deliberate choice no longer fails --strict and the reason is on record.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLoaded } from '../../src/check/index.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { FIXTURES, tempDir } from '../helpers/lamd.js';

async function phaseLength(fixture: string): Promise<string[]> {
  const root = tempDir();
  cpSync(join(FIXTURES, 'workspaces/valid'), root, { recursive: true });
  writeFileSync(join(root, 'lamd.yaml'), readFileSync(join(FIXTURES, 'rules/calendar', fixture), 'utf8'));
  const result = await checkLoaded(await loadWorkspace({ cwd: root }), { today: '2024-06-01' });
  return result.diagnostics.filter((d) => d.ruleId === 'calendar/phase-length').map((d) => `${d.severity} ${d.message}`);
}

describe('calendar/phase-length, a municipality’s own phase', () => {
  it('is a warning that asks for more time or the reason in the calendar’s note', async () => {
    expect(await phaseLength('municipality-too-short.yaml')).toEqual([
      "warning In `sfax`'s own calendar, phase 2 (capitalization) lasts 30 days, less than the 90 that lamd.yaml sets as the minimum (calendar.minimum_days). Give the municipality more time, or say in its calendar's `note` why it needs less (lamd then reports it as information).",
    ]);
  });

  it('is information once the municipality’s calendar gives a note', async () => {
    expect(await phaseLength('municipality-too-short-noted.yaml')).toEqual([
      "info In `sfax`'s own calendar, phase 2 (capitalization) lasts 30 days, less than the 90 that lamd.yaml sets as the minimum (calendar.minimum_days). Its calendar's `note` gives the reason: recorded as information.",
    ]);
  });
});
