// Reports say what the sources say (issue 16): a figure's qualifier, an SDG the editors chose or that
// is not recorded, and the programme's own results, coordination and lessons in the final report.
import { beforeAll, describe, expect, it } from 'vitest';
import { messagesFor } from '../../src/report/index.js';
import type { ReportModel } from '../../src/report/model.js';
import type { TemplateSources } from '../../src/report/template-files.js';
import { countView, qualified, type ViewContext } from '../../src/report/views/context.js';
import { finalView } from '../../src/report/views/final.js';
import { profileView } from '../../src/report/views/profile.js';
import { roadmapReport } from '../../src/report/views/roadmap.js';
import { LAS_PILOT, loadValid, render, TODAY, VALID, type LoadedWorkspace } from './helpers.js';

let valid: LoadedWorkspace;
let pilot: LoadedWorkspace;
beforeAll(async () => {
  valid = await loadValid(VALID);
  pilot = await loadValid(LAS_PILOT);
});

function ctx(ws: { model: ReportModel; sources: TemplateSources }, lang = 'en'): ViewContext {
  return { model: ws.model, m: messagesFor(ws.sources, lang), today: TODAY, focus: undefined };
}

function variant(ws: LoadedWorkspace, change: (model: ReportModel) => void): LoadedWorkspace {
  const model = structuredClone(ws.model);
  change(model);
  return { model, sources: ws.sources };
}

describe('figure qualifiers', () => {
  it('print the bound the source gives, in every report language', () => {
    const expected: Record<string, string> = { en: 'more than 15%', it: 'più di 15%', fr: 'plus de 15\u00a0%', sq: 'më shumë se 15%', ar: 'أكثر من' };
    for (const [lang, text] of Object.entries(expected)) {
      const c = ctx(valid, lang);
      expect(qualified(c, c.m.percent(15), 'more-than')).toContain(text);
    }
    const c = ctx(valid);
    expect(qualified(c, c.m.number(10), 'at-least')).toBe('at least 10');
    expect(qualified(c, c.m.number(10), 'exactly')).toBe('10');
    expect(qualified(c, c.m.number(10), undefined, true)).toBe('about 10');
    expect(countView(c, { value: 10, qualifier: 'more-than' })).toBe('more than 10');
    expect(countView(c, { not_recorded: true })).toBe('not recorded');
    expect(countView(c, 4)).toBe('4');
  });

  it('are printed in the pilot: Bologna had more than 15 % third-country nationals (Box 2), never "about"', () => {
    const bologna = profileView(ctx(pilot)).profiles.find((p) => p.name === 'Bologna')!;
    const share = bologna.figures.find((f) => f.label.startsWith('Foreign residents, share'))!;
    expect(share.value).toBe('more than 15%');
    expect(render(pilot, 'profile', 'en').markdown).not.toContain('about 15%');
  });
});

describe('SDG goals', () => {
  it('mark a goal the editors chose, and say when the sources give none', () => {
    const chosen = variant(valid, (model) => {
      model.roadmaps[0]!.sdg = { ...model.roadmaps[0]!.sdg, assigned_by: 'editor' };
    });
    const { view } = roadmapReport(ctx(chosen));
    expect(view.roadmaps[0]!.sdg.goal).toMatch(/^Goal 10: .* \(chosen by the editors of this workspace, not stated by the sources\)$/);
    expect(view.summary.rows[0]!.goal).toContain('chosen by the editors');

    const none = variant(valid, (model) => {
      model.roadmaps[0]!.sdg = { not_recorded: true, note: 'The sources do not say.' };
    });
    const report = roadmapReport(ctx(none)).view;
    expect(report.roadmaps[0]!.sdg.goal).toBe('Not recorded: the sources do not say which SDG');
    expect(report.summary.rows[0]!.goal).toBe('not recorded');
    expect(report.summary.goals).toEqual([{ goal: 'not recorded', count: '1' }]);
  });

  it('in the pilot, print no goal at all: the publication names none', () => {
    const markdown = render(pilot, 'roadmap', 'en').markdown;
    expect(markdown).not.toMatch(/\bGoal \d+\b/);
    expect(markdown.match(/Not recorded: the sources do not say which SDG/g)).toHaveLength(3);
    expect(render(pilot, 'final', 'en').markdown).not.toMatch(/\bGoal \d+\b/);
  });

  it('in the network table, read adoption from the institutionalisation when no adoption is recorded', () => {
    const rows = roadmapReport(ctx(pilot)).view.summary.rows;
    expect(rows.map((r) => r.adoption)).toEqual([
      'Local Action Plan (PAL) (included)',
      'Programmatic document for the International Relations and Social Policies departments (included)',
      'not recorded',
    ]);
  });

  it('count an action whose status the sources do not give as not recorded, not as done', () => {
    const markdown = render(pilot, 'roadmap', 'en').markdown;
    expect(markdown).toContain('Actions: 13 (12 done, 0 overdue)');
  });
});

describe('the final report, at the programme level', () => {
  it("carries the pilot's common goals and results (4.3), coordination by level (4.5) and lessons (4.7)", () => {
    const { lenses } = finalView(ctx(pilot));
    expect(lenses.programme.filter((r) => r.type === 'Common goal')).toHaveLength(2);
    expect(lenses.programme.some((r) => r.type === 'Unexpected result' && r.municipalities === 'Tirana')).toBe(true);
    expect(lenses.coordinationLevels.map((l) => l.level)).toEqual([
      'Coordination between the municipalities',
      'Coordination within each municipality',
      'Coordination with external stakeholders',
    ]);
    expect(lenses.programmeLessons.map((l) => l.theme)).toEqual(['The approach', 'Time and calendar', 'Contextual analysis and feasibility', 'Soft factors', 'Coordination', 'Who takes part']);
    expect(lenses.programmeLessons.every((l) => l.sources?.includes('4.7') || l.sources?.includes('5.1.2'))).toBe(true);
    const markdown = render(pilot, 'final', 'en').markdown;
    expect(markdown).not.toContain('No lesson recorded');
    expect(markdown).toContain('#### Lessons for the programme');
  });

  it('says once that no lesson is recorded when neither the programme nor a road map records one', () => {
    const markdown = render(valid, 'final', 'en').markdown;
    expect(markdown.match(/No lesson recorded\./g)).toHaveLength(1);
    expect(finalView(ctx(valid)).lenses.noLessons).toBe(true);
  });
});
