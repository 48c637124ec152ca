// The per-phase view models: pure functions of the workspace model, every string escaped Markdown.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildView, messagesFor, REPORT_PHASES } from '../../src/report/index.js';
import type { ReportModel } from '../../src/report/model.js';
import { plainData } from '../../src/report/plain-data.js';
import type { TemplateSources } from '../../src/report/template-files.js';
import { buildTimeline, mermaidLines } from '../../src/report/timeline.js';
import { capitalizationView } from '../../src/report/views/capitalization.js';
import { titleNamesMunicipality, type ViewContext } from '../../src/report/views/context.js';
import { finalView } from '../../src/report/views/final.js';
import { preparatoryView } from '../../src/report/views/preparatory.js';
import { profileView } from '../../src/report/views/profile.js';
import { isOverdue } from '../../src/calendar/overdue.js';
import { roadmapReport } from '../../src/report/views/roadmap.js';
import { INJECTION, LAS_PILOT, loadValid, render, REPO, TODAY, VALID, type LoadedWorkspace } from './helpers.js';

let valid: LoadedWorkspace;
let injection: LoadedWorkspace;
beforeAll(async () => {
  valid = await loadValid(VALID);
  injection = await loadValid(INJECTION);
});

function ctx(ws: { model: ReportModel; sources: TemplateSources }, lang = 'en', options: { today?: string; focus?: string } = {}): ViewContext {
  return { model: ws.model, m: messagesFor(ws.sources, lang), today: options.today ?? TODAY, focus: options.focus };
}

/** A deep copy of a model to change for one test. */
function variant(ws: LoadedWorkspace, change: (model: ReportModel) => void): LoadedWorkspace {
  const model = structuredClone(ws.model);
  change(model);
  return { model, sources: ws.sources };
}

/** Every string in a view, with where it is. */
function strings(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
  return [];
}

describe('preparatory view', () => {
  it('lists the network, the calendar and every municipality', () => {
    const view = preparatoryView(ctx(valid));
    expect(view.coordinator).toEqual({ name: 'International Organization for Migration (IOM)', country: 'Italy', role: undefined });
    expect(view.partners).toEqual([{ name: 'Partenaire de test', country: 'Tunisia', role: 'Accompanies Sfax through every phase', supports: 'Sfax' }]);
    expect(view.municipalities.map((m) => [m.name, m.languages, m.localPartner])).toEqual([
      ['Sfax', 'French and Arabic', 'Partenaire de test'],
      ['طنجة', 'French and Arabic', 'not recorded'],
    ]);
    expect(view.calendar.map((c) => [c.start, c.end])[0]).toEqual(['January 2022', 'March 2022']);
    expect(view.calendar).toHaveLength(5);
  });

  it('says "not recorded" under the programme heading when lamd.yaml says nothing of it beyond its name', () => {
    const section = (markdown: string, heading: string) => markdown.split(`\n## ${heading}\n`)[1]!.split('\n## ')[0]!.trim();
    const bare = variant(valid, (model) => {
      delete model.workspace.programme.description;
      delete model.workspace.programme.objectives;
      delete model.workspace.programme.funders;
    });
    expect(section(render(bare, 'preparatory', 'fr').markdown, 'Le programme')).toBe('non renseigné');
    expect(section(render(bare, 'preparatory', 'ar').markdown, 'البرنامج')).toBe('غير مسجل');
    expect(section(render(valid, 'preparatory', 'fr').markdown, 'Le programme')).not.toContain('non renseigné');
  });

  it('flags an election that falls inside the programme calendar, naming the phase', () => {
    const [sfax, tangier] = preparatoryView(ctx(valid)).startingPoints;
    expect(sfax!.constraints).toEqual([
      { type: 'Election', title: 'Municipal elections', when: '15 May 2023', description: undefined, flag: '⚠ Election during the programme: phase 3 (road maps).', election: true },
    ]);
    expect(sfax!.electionsInCalendar).toBe(true);
    expect(sfax!.triggeringFactors).toEqual([{ label: 'Change in migration patterns', description: 'More people in transit.' }]);
    expect(sfax!.endorsements[0]).toMatchObject({ type: 'Official letter', date: '1 February 2022', by: 'The mayor' });
    expect(tangier!.constraints).toEqual([]);
    expect(tangier!.endorsements[0]!.date).toBe('not recorded');
  });

  it('takes a phase without an end to run until the next phase starts, and the last one no further than the calendar goes', () => {
    const electionOn = (date: string, calendar: (model: ReportModel) => void) =>
      preparatoryView(
        ctx(
          variant(valid, (model) => {
            calendar(model);
            model.profiles.get('sfax')!.constraints![0]!.date = date;
          }),
        ),
      ).startingPoints[0]!.constraints[0]!.flag;
    const noFinalEnd = (model: ReportModel) => delete model.workspace.calendar!.final!.end;
    const noRoadmapEnd = (model: ReportModel) => delete model.workspace.calendar!.roadmap!.end;
    // Years after the final event: not during the programme, whatever the calendar leaves open.
    expect(electionOn('2027-05-15', noFinalEnd)).toBeUndefined();
    expect(electionOn('2027-05-15', noRoadmapEnd)).toBeUndefined();
    // The final phase, recorded as a start only, is that day.
    expect(electionOn('2024-01-15', noFinalEnd)).toBe('⚠ Election during the programme: final phase.');
    expect(electionOn('2024-01-16', noFinalEnd)).toBeUndefined();
    // Phase 3 without an end runs until the day before the final phase starts.
    expect(electionOn('2024-01-14', noRoadmapEnd)).toBe('⚠ Election during the programme: phase 3 (road maps).');
    expect(electionOn('2024-01-15', noRoadmapEnd)).toBe('⚠ Election during the programme: final phase.');
    // With no later phase and no later date in the calendar, the last phase is the period its start names.
    const openLast = (model: ReportModel) => {
      delete model.workspace.calendar!.final;
      model.workspace.calendar!.roadmap = { start: '2023-01' };
    };
    expect(electionOn('2023-01-31', openLast)).toBe('⚠ Election during the programme: phase 3 (road maps).');
    expect(electionOn('2023-02-01', openLast)).toBeUndefined();
  });

  it('does not flag an election outside the calendar', () => {
    const later = variant(valid, (model) => {
      model.profiles.get('sfax')!.constraints![0]!.date = '2026-05-15';
    });
    const [sfax] = preparatoryView(ctx(later)).startingPoints;
    expect(sfax!.constraints[0]!.flag).toBeUndefined();
    expect(sfax!.electionsInCalendar).toBe(false);
  });
});

describe('profile view', () => {
  it('puts the figures in rows, with "not recorded" and the reason where there is no figure', () => {
    const [sfax, tangier] = profileView(ctx(valid)).profiles;
    expect(sfax!.figures).toEqual([
      { label: 'Resident population', value: 'not recorded', asOf: 'not recorded', breakdown: '', note: 'No figure in the sources used for this test.' },
      { label: 'Foreign residents, share of the population', value: 'about 1.5%', asOf: '2021', breakdown: '', note: 'Test source' },
      { label: 'Foreign residents, number', value: 'not recorded', asOf: 'not recorded', breakdown: '', note: '' },
    ]);
    expect(sfax!.origins).toEqual([{ country: 'Côte d’Ivoire', share: '30%', asOf: 'not recorded' }]);
    expect(sfax!.mobility.map((m) => m.label)).toEqual(['Emigration', 'Transit']);
    expect(sfax!.framework[0]).toMatchObject({ title: 'Local development plan', type: 'Strategy', level: 'Local', when: 'adopted in June 2020' });
    expect(tangier!.hasProfile).toBe(true);
    expect(tangier!.figures.every((f) => f.value === 'not recorded')).toBe(true);
  });

  it('formats figures for the language, with breakdowns', () => {
    const withBreakdown = variant(valid, (model) => {
      model.profiles.get('sfax')!.population = { value: 330440, unit: 'persons', by_sex: { women: 168000, men: 162440 }, by_age: { '0-17': 80000 } };
    });
    const [sfax] = profileView(ctx(withBreakdown, 'it')).profiles;
    expect(sfax!.figures[0]).toMatchObject({ label: 'Popolazione residente', value: '330.440', breakdown: 'donne 168.000; uomini 162.440; età 0-17: 80.000' });
  });

  it('marks a municipality without a profile', () => {
    const without = variant(valid, (model) => model.profiles.delete('tangier'));
    const [, tangier] = profileView(ctx(without)).profiles;
    expect(tangier!.hasProfile).toBe(false);
  });
});

describe('capitalization view', () => {
  it('builds the municipality × cluster matrix from the practices', () => {
    const view = capitalizationView(ctx(valid));
    expect(view.matrix).toEqual({
      header: ['Access to services', 'Diaspora and co-development'],
      rows: [
        { name: 'Sfax', cells: ['1', '–'], total: '1' },
        { name: 'طنجة', cells: ['–', '1'], total: '1' },
      ],
      totals: ['1', '1'],
      total: '2',
    });
    expect(view.clusters.map((c) => [c.label, c.practices.map((p) => p.title)])).toEqual([
      ['Access to services', ['One-stop shop for migrants']],
      ['Diaspora and co-development', ['Diaspora desk']],
    ]);
  });

  it('lists stages, exchanges and borrowed practices', () => {
    const view = capitalizationView(ctx(valid));
    expect(view.stageSummary.map((s) => s.count)).toEqual(['1', '0', '0', '0', '1']);
    expect(view.stages[0]).toEqual({ title: 'One-stop shop for migrants', municipality: 'Sfax', stage: 'Borrowed by a peer', history: 'Shared with peers – 1 September 2022 – Peer exchange on one-stop shops' });
    expect(view.exchanges.map((e) => [e.title, e.municipalities, e.practices])).toEqual([['Peer exchange on one-stop shops', 'Sfax and طنجة', 'One-stop shop for migrants and Diaspora desk']]);
    expect(view.borrowed).toEqual([
      { practice: 'One-stop shop for migrants', from: 'Sfax', by: 'طنجة', date: 'not recorded', transfer: 'Peer exchange', differences: 'not recorded', feasibility: 'not recorded' },
    ]);
  });

  it('answers each stated challenge with the peers\' practices, and notes the municipality\'s own', () => {
    expect(capitalizationView(ctx(valid)).challenges).toEqual([
      {
        name: 'Sfax',
        items: [{ title: 'No local data on migrants', cluster: 'Data and research', description: undefined, answers: [], own: 'Also answered by its own practice: One-stop shop for migrants.' }],
      },
    ]);
    const [alpha] = capitalizationView(ctx(injection)).challenges;
    expect(alpha!.items[0]!.answers).toEqual([{ practice: 'Peer answer \\](javascript:alert(1))', owner: 'Beta \\`code\\` \\\\ backslash', stage: 'Shared with peers' }]);
  });

  it('with --municipality, keeps that municipality and the practices it borrowed', () => {
    const view = capitalizationView(ctx(valid, 'en', { focus: 'tangier' }));
    expect(view.matrix.rows.map((r) => r.name)).toEqual(['طنجة']);
    expect(view.clusters.flatMap((c) => c.practices.map((p) => p.title))).toEqual(['Diaspora desk']);
    expect(view.borrowed.map((b) => b.practice)).toEqual(['One-stop shop for migrants']);
    expect(view.scope).toBe('This report covers طنجة only.');
  });
});

describe('roadmap view', () => {
  it('gives the SDG goal and targets their official titles, in the report\'s language', () => {
    const [card] = roadmapReport(ctx(valid, 'it')).view.roadmaps;
    expect(card!.sdg.goal).toBe('Obiettivo 10: Ridurre la disuguaglianza all\'interno e tra i paesi');
    expect(card!.sdg.targets.map((t) => [t.id, t.title.slice(0, 40), t.local])).toEqual([
      ['10.2', 'Entro il 2030, dare potere e promuovere ', 'non registrato'],
      ['10.7', 'Facilitare una migrazione ordinata, sicu', 'Every migrant can reach the municipal desk.'],
    ]);
    // Albanian has no SDG titles: English ones are shown.
    const [sq] = roadmapReport(ctx(valid, 'sq')).view.roadmaps;
    expect(sq!.sdg.goal).toBe('Objektivi 10: Reduce inequality within and among countries');
  });

  it('fills the activities table like Box 3: the activity, then the names of the stakeholders involved', () => {
    const [card] = roadmapReport(ctx(valid)).view.roadmaps;
    expect(card!.activities).toEqual([{ number: '1', activity: '**Translated leaflets**', stakeholders: 'Association of the Sfax diaspora' }]);
    const [hostile] = roadmapReport(ctx(injection)).view.roadmaps;
    expect(hostile!.activities[0]!.stakeholders).toBe(
      "\\# Heading department; \\[Department\\](javascript:window.\\_\\_pwned=1); \\<script\\>alert('diaspora')\\</script\\> association; NGO \\| with \\| pipes",
    );
  });

  it('counts progress by status and lists overdue actions as of --today', () => {
    const late = variant(valid, (model) => {
      model.roadmaps[0]!.actions!.push({ id: 'late', title: 'Late action', start: '2023-01', end: '2023-03', status: 'in-progress' });
      model.roadmaps[0]!.actions!.push({ id: 'later', title: 'Not due yet', start: '2024-01-01', end: '2024-12-31' });
    });
    const { view } = roadmapReport(ctx(late, 'en', { today: '2024-06-01' }));
    const [card] = view.roadmaps;
    expect(card!.progress).toEqual([
      { status: 'Planned', count: '1' },
      { status: 'In progress', count: '1' },
      { status: 'Done', count: '1' },
    ]);
    expect(card!.progressSummary).toBe('Actions done: 1 of 3 (33.33%).');
    expect(card!.overdue).toEqual([{ title: 'Late action', end: 'March 2023', status: 'In progress', days: '428' }]);
    expect(card!.actions[1]!.status).toBe('In progress – overdue');
    expect(view.summary.rows[0]).toMatchObject({ actions: '3', done: '1', overdue: '1' });
    expect(view.overdueOn).toBe('Open actions past their end date on 1 June 2024:');
    // The day before the end, the action is not overdue yet.
    expect(roadmapReport(ctx(late, 'en', { today: '2023-03-31' })).view.roadmaps[0]!.overdue).toEqual([]);
  });

  it('writes the timeline as Mermaid lines, and keeps the bars for the HTML drawing', () => {
    const { view, timelines } = roadmapReport(ctx(valid));
    expect(view.roadmaps[0]!.timeline).toEqual({
      lines: [
        '%% lamd-timeline t1',
        'gantt',
        '    title Sfax – Inclusive municipal services',
        '    dateFormat YYYY-MM-DD',
        '    axisFormat %Y-%m',
        '    section Migrants reach municipal services',
        '    1. Translated leaflets :done, a1, 2023-05-01, 2023-09-30',
      ],
      rows: [{ number: '1', start: '1 May 2023', end: '30 September 2023', status: 'Done' }],
      undated: undefined,
    });
    expect(timelines.map((t) => [t.id, t.bars.length])).toEqual([['t1', 1]]);
  });

  it('summarises the network: goals and stakeholders shared by road maps', () => {
    const second = variant(valid, (model) => {
      model.roadmaps.push({ ...structuredClone(model.roadmaps[0]!), id: 'second', title: 'Second', municipality: 'tangier', sdg: { goal: '11' } });
    });
    const { summary } = roadmapReport(ctx(second)).view;
    expect(summary.goals).toEqual([
      { goal: 'Goal 10: Reduced inequalities', count: '1' },
      { goal: 'Goal 11: Sustainable cities and communities', count: '1' },
    ]);
    expect(summary.shared.map((s) => [s.name, s.roadmaps])).toContainEqual(['Association of the Sfax diaspora', 'Inclusive municipal services and Second']);
    expect(summary.totals).toBe("Road maps: 2, in 2 of the network's municipalities. Actions: 2 (2 done, 0 overdue).");
  });
});

describe('road map headings', () => {
  it('name the municipality before the title, unless the title already starts with it', () => {
    expect(titleNamesMunicipality('Milan: intersectoral governance', { name: 'Milano', slug: 'milan' })).toBe(true);
    expect(titleNamesMunicipality('Bologna: relaunching the PAL', { name: 'Bologna', slug: 'bologna' })).toBe(true);
    expect(titleNamesMunicipality('MILANO – governance', { name: 'Milano', slug: 'milan' })).toBe(true);
    expect(titleNamesMunicipality('Tangier for everyone', { name: 'طنجة', slug: 'tangier' })).toBe(true);
    expect(titleNamesMunicipality('Reggio Emilia: x', { name: 'Reggio nell\'Emilia', slug: 'reggio-emilia' })).toBe(true);
    expect(titleNamesMunicipality('Bolognese cooking classes', { name: 'Bologna', slug: 'bologna' })).toBe(false);
    expect(titleNamesMunicipality('Inclusive municipal services', { name: 'Sfax', slug: 'sfax' })).toBe(false);
    expect(titleNamesMunicipality('A plan for Sfax', { name: 'Sfax', slug: 'sfax' })).toBe(false);

    expect(roadmapReport(ctx(valid)).view.roadmaps[0]!.heading).toBe('Sfax: Inclusive municipal services');
    const named = variant(valid, (model) => {
      model.roadmaps[0]!.title = 'Sfax: inclusive municipal services';
      model.roadmaps[0]!.state_of_the_art = { ...model.roadmaps[0]!.state_of_the_art, lessons: ['Start the desk with the services that already exist.'] };
    });
    const { view, timelines } = roadmapReport(ctx(named));
    expect(view.roadmaps[0]!.heading).toBe('Sfax: inclusive municipal services');
    expect(timelines[0]!.title).toBe('Sfax: inclusive municipal services');
    expect(finalView(ctx(named)).roadmaps[0]!.heading).toBe('Sfax: inclusive municipal services');
    expect(finalView(ctx(named)).lenses.lessons[0]!.heading).toBe('Sfax: inclusive municipal services');
  });

  it('in the pilot example, never repeat the municipality ("Milano: Milan: …")', async () => {
    const pilot = await loadValid(LAS_PILOT);
    for (const phase of ['roadmap', 'final'] as const) {
      for (const lang of ['en', 'it']) {
        const headings = render(pilot, phase, lang).markdown.split('\n').filter((l) => /^#{1,6} /.test(l));
        expect(headings.filter((h) => /^#+ (Bologna|Milano|Tirana): (Bologna|Milan|Milano|Tirana)\b/.test(h)), `${phase}.${lang}`).toEqual([]);
        expect(headings.some((h) => /^#+ Milan: intersectoral governance/.test(h)), `${phase}.${lang}`).toBe(true);
      }
    }
  });
});

describe('codes in right-to-left reports', () => {
  it('isolate reporting periods and SDG targets, so an Arabic line shows 2026-H1, not H1-2026', async () => {
    const monitoring = await loadValid(join(REPO, 'examples/illustrative-monitoring'));
    const progress = render(monitoring, 'progress', 'ar').markdown;
    const periods = [...progress.matchAll(/.?\b20\d\d-H[12]\b.?/gu)].map((found) => found[0]);
    expect(periods.length).toBeGreaterThan(4);
    for (const period of periods) expect(period).toMatch(/^\u2068\d{4}-H[12]\u2069$/u);
    expect(progress).toContain('**فترة التقرير:** \u20682026-H1\u2069 · ');
    const roadmap = render(monitoring, 'roadmap', 'ar').markdown;
    expect(roadmap).toContain('| \u206810.c\u2069 |');
    // A left-to-right report has nothing to isolate them from.
    expect(render(monitoring, 'progress', 'fr').markdown).not.toContain('\u2068');
  });
});

describe('isOverdue and timelines', () => {
  it('counts an action overdue from the day after its (last possible) end', () => {
    expect(isOverdue('2023-03', 'planned', '2023-03-31')).toBe(false);
    expect(isOverdue('2023-03', 'planned', '2023-04-01')).toBe(true);
    expect(isOverdue('2023-03', 'done', '2024-01-01')).toBe(false);
    expect(isOverdue('2023-03', 'cancelled', '2024-01-01')).toBe(false);
    expect(isOverdue('2023-03', undefined, '2024-01-01')).toBe(true);
    expect(isOverdue(undefined, undefined, '2024-01-01')).toBe(false);
  });

  it('draws one-date actions as milestones and leaves undated ones out, each bar keeping its action\'s number', () => {
    const { timeline, undated } = buildTimeline('t9', 'T', [
      { title: 'Start only', group: 'G', start: '2023-02' },
      { title: 'No date', group: 'G' },
      { title: 'Late', group: 'G', start: '2023-01-01', end: '2023-01-31', status: 'planned' },
    ], '2023-06-01');
    expect(undated.map((u) => u.title)).toEqual(['No date']);
    expect(timeline.bars.map((b) => [b.label, b.start, b.end, b.milestone, b.overdue])).toEqual([
      ['Start only', '2023-02-01', '2023-02-01', true, false],
      ['Late', '2023-01-01', '2023-01-31', false, true],
    ]);
    expect(mermaidLines(timeline, { section: (g) => g }).slice(5)).toEqual(['    section G', '    1. Start only :milestone, a1, 2023-02-01, 0d', '    3. Late :crit, a3, 2023-01-01, 2023-01-31']);
  });

  // Mermaid's gantt lexer tries its keywords and a YYYY-MM-DD date at the start of every line,
  // case-insensitively, before it reads a task. These titles broke the chart, replaced its title or
  // lost their bar (checked by rendering with mermaid@11 in Chromium; see the road-map report notes).
  const HOSTILE_TITLES = [
    'Call the council to approve the plan',
    'click here to register',
    'Gantt chart training for staff',
    '2023-07-01 kickoff meeting',
    '2023-07-01',
    'Title deeds for informal settlers',
    'Section heads trained in intercultural skills',
    'Includes translation',
    'EXCLUDES weekends from the helpdesk rota',
    'dateFormat review',
    'axisFormat of the annual report',
    'tickInterval 1week plan',
    'todayMarker off switch',
    'inclusiveEndDates policy',
    'topAxis signage',
    'weekday monday drop-in',
    'weekend saturday school',
    'accTitle: hidden',
    'accDescr { hidden }',
    'accDescription of the desk',
    'href "https://example.org" leaflet',
    '%% not a comment',
    '%%{init: {}}%% directive',
    ':::: ',
    'ترجمة المنشورات',
  ];

  it('starts every gantt task line with the action\'s number, so no title is read as a keyword or a date', () => {
    const actions = HOSTILE_TITLES.map((title, i) => ({ title, group: i < 5 ? 'Call section: title' : 'Includes', start: '2023-01-01', ...(i % 4 === 0 ? {} : { end: '2023-06-30' }), status: i % 2 ? 'done' : 'planned' }));
    const { timeline } = buildTimeline('t1', 'Gantt 2023-07-01: title includes call', actions, '2023-03-01');
    const lines = mermaidLines(timeline, { section: (g) => g });
    expect(lines.slice(0, 5)).toEqual(['%% lamd-timeline t1', 'gantt', '    title Gantt 2023-07-01 title includes call', '    dateFormat YYYY-MM-DD', '    axisFormat %Y-%m']);
    const body = lines.slice(5);
    expect(body.filter((l) => l.startsWith('    section '))).toEqual(['    section Call section title', '    section Includes']);
    const tasks = body.filter((l) => !l.startsWith('    section '));
    expect(tasks).toHaveLength(HOSTILE_TITLES.length);
    tasks.forEach((line, i) => {
      // `<n>. <title without : ; # % …> :<tags>a<n>, <start>, <end or 0d>`: a number cannot start any
      // gantt keyword or a date, and the title holds nothing Mermaid reads as syntax.
      expect(line).toMatch(new RegExp(`^    ${i + 1}\\.(?: [^:;#%\\n]*[^\\s:;#%])? :(?:crit, )?(?:milestone, |done, |active, )?a${i + 1}, \\d{4}-\\d{2}-\\d{2}, (?:\\d{4}-\\d{2}-\\d{2}|0d)$`));
    });
    expect(tasks[0]).toBe('    1. Call the council to approve the plan :milestone, a1, 2023-01-01, 0d');
    expect(tasks[5]).toBe('    6. Title deeds for informal settlers :done, a6, 2023-01-01, 2023-06-30');
    expect(tasks[23]).toBe('    24. :done, a24, 2023-01-01, 2023-06-30');
  });
});

describe('final view', () => {
  it('gives each road map its state of the art, or says it is not recorded', () => {
    const view = finalView(ctx(valid));
    expect(view.roadmaps[0]).toMatchObject({ title: 'Inclusive municipal services', recorded: false, genesis: ['not recorded'], progress: '1 of 1 done, 0 overdue' });
    const [hostile] = finalView(ctx(injection)).roadmaps;
    expect(hostile).toMatchObject({ recorded: true, genesis: ['Genesis \\<script\\>alert(1)\\</script\\>'], development: ['Development \\| pipe'], lessons: ['\\<img src=x onerror=alert(1)\\> lesson'] });
  });

  it('compares the municipalities through the lenses', () => {
    const { lenses } = finalView(ctx(valid));
    expect(lenses.triggering.rows).toEqual([
      { name: 'Sfax', cells: ['✓', '–', '–', '–', '–', '–'] },
      { name: 'طنجة', cells: ['–', '–', '–', '–', '–', '–'] },
    ]);
    expect(lenses.stakeholders[0]).toEqual({ name: 'Sfax', members: '3', design: '3', implementation: '2', types: 'Municipal department: 2; Diaspora association: 1', migrantVoices: 'yes' });
    expect(lenses.stakeholders[1]!.migrantVoices).toBe('not recorded');
    expect(lenses.coordination[0]).toMatchObject({ leadUnit: 'Direction du développement économique', partner: 'Partenaire de test', workingGroups: 'Inclusive municipal services (members: 3)' });
    expect(lenses.challenges).toEqual([
      // One line per kind of challenge: the profile's constraint and the road map's risk of the same kind.
      { name: 'Sfax', items: ['**Election**: Municipal elections · Municipal elections in May 2023. (Mitigation: The working group includes technical staff who stay.)'] },
    ]);
    expect(lenses.context[0]).toMatchObject({ population: 'not recorded', foreignShare: 'about 1.5%', model: 'Not yet defined' });
  });
});

describe('every view', () => {
  for (const phase of REPORT_PHASES) {
    it(`${phase}: is plain data, all its strings single-line Markdown that cannot open markup`, () => {
      for (const ws of [valid, injection]) {
        for (const lang of ['en', 'it', 'ar']) {
          const { view } = buildView(ctx(ws, lang), phase);
          expect(plainData(view)).toEqual(JSON.parse(JSON.stringify(view, (_k, v: unknown) => (v === undefined ? null : v))));
          // Every offending string, found in one pass (the views hold thousands) and shown at once.
          const offending: string[] = [];
          for (const [path, text] of strings(view)) {
            const found = (why: string) => offending.push(`${lang} ${path} (${why}): ${JSON.stringify(text)}`);
            if (/[\n\r]/.test(text)) found('a line break');
            if (/\bundefined\b|\bnull\b|\[object Object\]|\bNaN\b/.test(text)) found('a missing value');
            if (path.includes('timeline.lines')) {
              if (/[`<>;#|]/.test(text)) found('markup in a timeline line');
              continue;
            }
            // Outside `<br>` and the http(s) links of sources, lamd's own markup, no unescaped character
            // that opens HTML, a link, a code span or a cell.
            const bare = text.replace(/<br>/g, '').replace(/(?<!\\)\[((?:\\.|[^\\\]])*)\]\(https?:\/\/[^\s()<>]*\)/g, '$1');
            if (/(?<!\\)(?:\\\\)*[<>[\]`|]/.test(bare)) found('unescaped markup');
          }
          expect(offending).toEqual([]);
        }
      }
    });
  }
});
