// Progress documents in a workspace: reporting periods, and the references from a progress report to
// its road map, indicators and actions (the method rules have their cases in test/fixtures/rules/progress).
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLoaded } from '../../src/check/index.js';
import { addMonths, comparePeriods, periodRange, periodsOverlap } from '../../src/calendar/periods.js';
import { countsPeople, trackIndicator } from '../../src/check/progress.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { FIXTURES, tempDir } from '../helpers/lamd.js';

describe('reporting periods', () => {
  it('cover a year, a half-year or a quarter', () => {
    expect(periodRange('2024')).toEqual({ start: '2024-01-01', end: '2024-12-31' });
    expect(periodRange('2024-H1')).toEqual({ start: '2024-01-01', end: '2024-06-30' });
    expect(periodRange('2024-H2')).toEqual({ start: '2024-07-01', end: '2024-12-31' });
    expect(periodRange('2024-Q1')).toEqual({ start: '2024-01-01', end: '2024-03-31' });
    expect(periodRange('2024-Q3')).toEqual({ start: '2024-07-01', end: '2024-09-30' });
    expect(periodRange('2024-H3')).toBeUndefined();
    expect(periodRange('2024-06')).toBeUndefined();
  });

  it('overlap and order as a reader expects', () => {
    expect(periodsOverlap(periodRange('2024')!, periodRange('2024-Q3')!)).toBe(true);
    expect(periodsOverlap(periodRange('2024-H1')!, periodRange('2024-Q3')!)).toBe(false);
    expect(['2024', '2024-Q2', '2023-H2', '2024-H1'].sort(comparePeriods)).toEqual(['2023-H2', '2024-H1', '2024-Q2', '2024']);
  });

  it('add months to the last day of a shorter month', () => {
    expect(addMonths('2024-08-31', 6)).toBe('2025-02-28');
    expect(addMonths('2023-07-01', 6)).toBe('2024-01-01');
  });

  it('know a unit that counts people, in the report languages', () => {
    for (const unit of ['persons', 'staff trained', 'partecipanti', 'personnes formées', 'people reached', 'مشاركين']) expect(countsPeople(unit), unit).toBe(true);
    for (const unit of ['workshops', 'documents adopted', 'percent', undefined]) expect(countsPeople(unit), String(unit)).toBe(false);
  });
});

async function checkWith(files: Record<string, string>) {
  const root = tempDir();
  cpSync(join(FIXTURES, 'workspaces/valid'), root, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  const result = await checkLoaded(await loadWorkspace({ cwd: root }), { today: '2024-06-01' });
  return result.diagnostics.map((d) => `${d.file}:${d.range?.start.line} ${d.ruleId} ${d.message}`);
}

const REPORT = `kind: progress
schema_version: 1
roadmap: inclusive-services
municipality: sfax
period: 2024-Q1
stage: during
reported: { by: Social Services Department, date: 2024-04-10 }
`;

describe('indicator status', () => {
  const roadmap = { period: { start: '2025-01', end: '2027-12' } };
  const report = (actual: number | string) => [{ value: { period: '2026-H1', indicators: [{ indicator: 'plan', actual, date: '2026-06-30' }] } }];
  it('calls a state in words not yet reached, before the target date, not measurable rather than on track', () => {
    const indicator = { id: 'plan', baseline: { value: 'no plan' }, target: { value: 'plan adopted', date: '2027-12' } };
    expect(trackIndicator(indicator, roadmap, report('plan drafted')).status).toBe('not-measurable');
    expect(trackIndicator(indicator, roadmap, report('Plan adopted')).status).toBe('achieved');
    expect(trackIndicator({ ...indicator, target: { value: 'plan adopted', date: '2026-03' } }, roadmap, report('plan drafted')).status).toBe('off-track');
  });
});

describe('progress references', () => {
  it('accept a report on the road map, its indicators and actions', async () => {
    const text = `${REPORT}indicators:\n  - { indicator: people-served, actual: 410, by_sex: { women: 200, men: 210 } }\nactions:\n  - { action: leaflets, status: done }\n`;
    expect(await checkWith({ 'municipalities/sfax/progress/inclusive-services-2024-Q1.yaml': text })).toEqual([]);
  });

  it('point at an unknown road map, indicator or action, and at the wrong municipality', async () => {
    const text = REPORT.replace('roadmap: inclusive-services', 'roadmap: inclusive-service');
    const wrong = `${REPORT.replace('municipality: sfax', 'municipality: tangier')}indicators:\n  - { indicator: people-servd, actual: 1 }\nactions:\n  - { action: posters }\ndeviations:\n  - { description: Late, action: leaflet }\n`;
    const found = await checkWith({ 'municipalities/sfax/progress/a.yaml': text, 'municipalities/sfax/progress/b.yaml': wrong });
    expect(found.filter((f) => / references\//.test(f))).toEqual([
      'municipalities/sfax/progress/a.yaml:3 references/roadmap There is no road map `inclusive-service` among the road maps of the workspace (municipalities/<slug>/roadmaps/); did you mean `inclusive-services`?',
      'municipalities/sfax/progress/b.yaml:4 references/roadmap Road map `inclusive-services` belongs to `sfax`, not `tangier`. Write `municipality: sfax` and keep the file under municipalities/sfax/progress/.',
      'municipalities/sfax/progress/b.yaml:9 references/indicator Road map `inclusive-services` has no indicator `people-servd`; did you mean `people-served`?',
      'municipalities/sfax/progress/b.yaml:11 references/action Road map `inclusive-services` has no action `posters`. Its actions are: `leaflets`.',
      'municipalities/sfax/progress/b.yaml:13 references/action Road map `inclusive-services` has no action `leaflet`; did you mean `leaflets`?',
    ]);
  });

  it('allow one report per road map and period, and unique indicator and action ids in a road map', async () => {
    const found = await checkWith({
      'municipalities/sfax/progress/x.yaml': REPORT,
      'municipalities/sfax/progress/y.yaml': REPORT,
    });
    expect(found.filter((f) => f.includes('ids/unique'))).toEqual([
      'municipalities/sfax/progress/y.yaml:5 ids/unique Road map `inclusive-services` already has a progress report for 2024-Q1 in municipalities/sfax/progress/x.yaml; write one per road map and period.',
    ]);
  });

  it('reads a period written as a bare year as a number, and says to quote it', async () => {
    const found = await checkWith({ 'municipalities/sfax/progress/inclusive-services-2024.yaml': REPORT.replace('period: 2024-Q1', 'period: 2024') });
    expect(found.some((f) => f.includes('schema/type') && f.includes('"2024"'))).toBe(true);
  });

  it('dates/overdue dates its finding today and names the report it read by its period', async () => {
    const found = await checkWith({ 'municipalities/sfax/progress/inclusive-services-2023-H2.yaml': REPORT.replace('period: 2024-Q1', 'period: 2023-H2') + 'actions:\n  - { action: leaflets, status: postponed }\n' });
    expect(found.filter((f) => f.includes('dates/overdue'))).toEqual([
      expect.stringMatching(/dates\/overdue Action `leaflets` was due to end [\d-]+; as of 2024-06-01, it is postponed \(progress report 2023-H2\)\. Mark it done/),
    ]);
  });
});
