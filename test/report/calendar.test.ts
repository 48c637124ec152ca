// The programme calendar in the progress and final reports (issue 16): the network's phases, each
// municipality's own pace and milestones, and the time between road-map approval and the final event
// (publication 4.6, 4.7), computed on the report's day and written with Intl for each language.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { messagesFor } from '../../src/report/index.js';
import { calendarView } from '../../src/report/views/calendar.js';
import type { ReportModel } from '../../src/report/model.js';
import { loadValid, markdownTables, render, REPO, type LoadedWorkspace } from './helpers.js';

const ILLUSTRATIVE = join(REPO, 'examples/illustrative-monitoring');
let ws: LoadedWorkspace;
beforeAll(async () => {
  ws = await loadValid(ILLUSTRATIVE);
});

const view = (today: string, lang = 'en', focus?: string, model: ReportModel = ws.model) =>
  calendarView({ model, m: messagesFor(ws.sources, lang), today, focus });

describe('the programme calendar', () => {
  it('counts the time from each road map\'s approval to the final event, and the time left on the day', () => {
    expect(view('2026-09-01').implementation.map((r) => [r.municipality, r.approved, r.finalEvent, r.between, r.left])).toEqual([
      ['Valmare', '20 June 2025', '15 September 2026', '14 months, 26 days', '14 days'],
      ['Bahra', '25 June 2025', '15 September 2026', '14 months, 21 days', '14 days'],
    ]);
    expect(view('2026-09-01').asOf).toMatch(/^Time left is counted from 1 September 2026\./);
    expect(view('2026-10-01').implementation.map((r) => r.left)).toEqual(['date passed', 'date passed']);
    expect(view('2026-10-01').asOf).toBeUndefined();
  });

  it('writes durations with the language\'s unit names and list pattern', () => {
    expect(view('2026-09-01', 'fr').implementation[0]!.between).toMatch(/^14\smois et 26\sjours$/);
    expect(view('2026-09-01', 'it').implementation[0]!.between).toBe('14 mesi e 26 giorni');
    expect(view('2026-09-01', 'sq').implementation[0]!.left).toBe('14 ditë');
    expect(view('2026-09-01', 'ar').implementation[0]!.between).toContain('شهرًا');
  });

  it('marks each milestone reached, reached late, overdue or to come on the report\'s day', () => {
    const bahra = (today: string) => view(today).milestones.find((x) => x.name === 'Bahra')!.rows.map((r) => r.state);
    expect(bahra('2026-09-01')).toEqual(['Reached late', 'Reached', 'To come']);
    expect(bahra('2026-12-15')).toEqual(['Reached late', 'Reached', 'Overdue']);
  });

  it('sets a municipality\'s own phases against the network\'s, and names the phases the programme is in', () => {
    expect(view('2025-03-15').own).toEqual([
      { name: 'Bahra', note: 'The internal consultation waited for the new head of the social affairs department.', rows: [{ phase: 'Phase 2: capitalization', own: 'March 2025 – May 2025', network: 'February 2025 – May 2025', compared: 'ends the same day' }] },
    ]);
    const later = structuredClone(ws.model);
    later.municipalities.find((m) => m.slug === 'bahra')!.calendar = { capitalization: { start: '2025-03', end: '2025-07-15' } };
    expect(view('2025-03-15', 'en', undefined, later).own[0]!.rows[0]!.compared).toBe('ends 45 days later');
    expect(view('2025-03-15').today).toBe('On 15 March 2025, the programme is in: Phase 2: capitalization.');
    expect(view('2026-07-15').today).toBeUndefined();
  });

  it('keeps to the one municipality a report is about', () => {
    const bahra = view('2026-09-01', 'en', 'bahra');
    expect(bahra.implementation.map((r) => r.municipality)).toEqual(['Bahra']);
    expect(bahra.milestones.map((x) => x.name)).toEqual(['Bahra']);
    expect(bahra.phases).toHaveLength(5);
  });

  it('is printed in the progress and final reports, its tables intact', () => {
    for (const phase of ['progress', 'final'] as const) {
      const { markdown } = render(ws, phase, 'en');
      expect(markdown).toContain('## Programme calendar and milestones');
      const table = markdownTables(markdown).find((t) => t[0]![2] === 'Road map approved')!;
      expect(table.slice(2).map((row) => row[4])).toEqual(['14 months, 26 days', '14 months, 21 days']);
    }
  });
});
