// The phase 3 report: every road map with its SDG goal and targets (official titles), objectives and
// indicators, activities in the shape of the publication's Box 3 (activity | stakeholders involved),
// a timeline, progress by status and overdue actions; then a summary across the network.
import { lastDay } from '../../calendar/dates.js';
import { isOverdue } from '../../calendar/overdue.js';
import { findGoal, findTarget } from '../../reference/sdg.js';
import type { RoadmapDocument } from '../../types/generated/index.js';
import { joinMd, md, opt, strong, type Md } from '../markdown.js';
import { ACTION_STATUSES, buildTimeline, mermaidLines, type Timeline } from '../timeline.js';
import { institutionalisedIn, institutionalisedStatus, planPlaceMd, planSectionMd } from './plan-link.js';
import {
  activityTitle,
  baseView,
  daysBetween,
  endorsementViews,
  inScope,
  municipalityName,
  roadmapHeading,
  roadmapPlainTitle,
  sdgCodeListNote,
  sdgLanguage,
  sourceLines,
  stakeholderName,
  texts,
  type BaseView,
  type EndorsementView,
  type ViewContext,
} from './context.js';

type Measure = NonNullable<NonNullable<NonNullable<RoadmapDocument['objectives']>[number]['indicators']>[number]['baseline']>;

export interface RoadmapCard {
  /** The title with the municipality in front, unless the title already names it. */
  heading: Md;
  title: Md;
  municipality: Md;
  area: Md | undefined;
  period: Md;
  summary: Md[];
  sdg: { goal: Md; rationale: Md | undefined; note: Md | undefined; sources: Md | undefined; targets: { id: Md; title: Md; local: Md }[] };
  buildsOn: { title: Md; owner: Md; stage: Md; origin: Md }[];
  consultations: Md[];
  objectives: { title: Md; indicators: { name: Md; unit: Md; baseline: Md; target: Md; current: Md; verification: Md }[] }[];
  /** Box 3's shape: each action once, numbered, with what it did and who took part. */
  activities: { number: Md; activity: Md; stakeholders: Md }[];
  /** The same actions by number: who leads them, when, their status and outputs. */
  actions: { number: Md; objective: Md; lead: Md; period: Md; status: Md; outputs: Md; progress: Md }[];
  /** The gantt for renderers that draw Mermaid, then the same dates as a plain table for those that do not. */
  timeline: { lines: string[]; rows: { number: Md; start: Md; end: Md; status: Md }[]; undated: Md | undefined } | undefined;
  progress: { status: Md; count: Md }[];
  progressSummary: Md;
  overdue: { title: Md; end: Md; status: Md; days: Md }[];
  workingGroup: { name: Md; type: Md; involvement: Md; role: Md }[];
  endorsements: EndorsementView[];
  adoption: Md | undefined;
  institutionalisation: { instrument: Md; section: Md; type: Md; status: Md; description: Md | undefined }[];
  costing: { estimate: Md; funding: Md; sources: Md | undefined } | undefined;
  risks: { type: Md; description: Md; mitigation: Md }[];
  continuity: Md | undefined;
  monitoring: { arrangements: Md; responsible: Md; frequency: Md } | undefined;
  horizon: Md | undefined;
  sources: Md[];
}

export interface RoadmapView extends BaseView {
  today: Md;
  overdueOn: Md;
  noOverdue: Md;
  sdgSource: Md;
  summary: {
    rows: { municipality: Md; title: Md; goal: Md; actions: Md; done: Md; overdue: Md; adoption: Md }[];
    goals: { goal: Md; count: Md }[];
    shared: { name: Md; roadmaps: Md }[];
    totals: Md;
  };
  roadmaps: RoadmapCard[];
}

export interface RoadmapReport {
  view: RoadmapView;
  timelines: Timeline[];
}

function measure(ctx: ViewContext, value: Measure | undefined, unit: string | undefined): Md {
  const { m } = ctx;
  if (!value) return m.notRecorded;
  const number = typeof value.value === 'number' ? (unit === 'percent' ? m.percent(value.value) : m.number(value.value)) : md(value.value);
  const parts: Md[] = [number];
  if (value.date) parts.push(m.text('phrase.in_parentheses', { text: m.date(value.date)! }));
  if (value.note) parts.push(m.text('phrase.in_parentheses', { text: md(value.note) }));
  return joinMd(parts, ' ');
}

export function roadmapsInScope(ctx: ViewContext): RoadmapDocument[] {
  return ctx.model.roadmaps.filter((r) => inScope(ctx, r.municipality));
}

function goalLabel(ctx: ViewContext, goal: string): Md {
  const found = findGoal(goal, sdgLanguage(ctx));
  return found ? ctx.m.text('phrase.goal_with_title', { id: md(goal), title: md(found.title) }) : ctx.m.text('phrase.goal', { id: md(goal) });
}

function goalShort(ctx: ViewContext, goal: string): Md {
  const found = findGoal(goal, sdgLanguage(ctx));
  return found ? ctx.m.text('phrase.goal_with_title', { id: md(goal), title: md(found.short) }) : ctx.m.text('phrase.goal', { id: md(goal) });
}

/**
 * A road map's SDG as the report prints it: the goal, marked when the workspace's editors chose it
 * rather than the sources, or "not recorded" when the sources do not say which goal it is.
 */
export function sdgGoal(ctx: ViewContext, sdg: RoadmapDocument['sdg'], short = true): Md {
  if (sdg.not_recorded || sdg.goal === undefined) return short ? ctx.m.notRecorded : ctx.m.text('phrase.sdg_not_recorded');
  const goal = short ? goalShort(ctx, sdg.goal) : goalLabel(ctx, sdg.goal);
  return sdg.assigned_by === 'editor' ? ctx.m.text('phrase.sdg_by_editor', { goal }) : goal;
}

/** Where the network table reads a road map's adoption: its adoption, else where its content was institutionalised. */
function adoptionSummary(ctx: ViewContext, r: RoadmapDocument): Md {
  const { m } = ctx;
  const adoption = m.label('adoption', r.adoption?.status);
  if (adoption) return adoption;
  const entered = institutionalisedIn(r, ctx.model.progress.get(r.id) ?? [])
    .filter((i) => i.status)
    .map((i) => m.text('phrase.name_role', { name: planPlaceMd(i.link) ?? m.notRecorded, role: institutionalisedStatus(ctx, i)! }));
  return m.orNotRecorded(m.semicolons(entered));
}

function roadmapCard(ctx: ViewContext, r: RoadmapDocument, index: number, timelines: Timeline[]): RoadmapCard {
  const { m } = ctx;
  const actions = r.actions ?? [];
  const { timeline, undated } = buildTimeline(
    `t${index + 1}`,
    roadmapPlainTitle(ctx, r),
    actions.map((a, i) => ({ number: i + 1, title: a.title, group: r.objectives?.find((o) => o.id === a.objective)?.title ?? '', start: a.start, end: a.end, status: a.status })),
    ctx.today,
  );
  if (timeline.bars.length > 0) timelines.push(timeline);
  const progress = actionProgress(ctx, actions);

  // In the order of a road map's parts (3.2.4): its SDG, what it builds on, objectives and
  // indicators, actions and who takes part, then what anchors it beyond the programme.
  return {
    heading: roadmapHeading(ctx, r),
    title: md(r.title),
    municipality: municipalityName(ctx, r.municipality),
    period: m.orNotRecorded(m.period(r.period)),
    summary: m.paragraphs(r.summary),
    sdg: sdgLink(ctx, r),
    buildsOn: practicesBuiltOn(ctx, r),
    consultations: consultationsHeld(ctx, r),
    objectives: objectivesAndIndicators(ctx, r),
    activities: actions.map((a, i) => {
      const cell: Md[] = [strong(md(a.title))];
      if (a.description) cell.push(md(a.description));
      const names = (a.stakeholders ?? []).map((s) => stakeholderName(ctx, s.stakeholder));
      return { number: m.number(i + 1), activity: joinMd(cell, ' – '), stakeholders: m.orNotRecorded(m.semicolons(names)) };
    }),
    actions: actionRows(ctx, r),
    progress: progress.counts,
    progressSummary: progress.summary,
    overdue: overdueActions(ctx, actions),
    workingGroup: workingGroup(ctx, r),
    endorsements: endorsementViews(ctx, r.endorsements),
    // As the latest progress report records it, where one does: the status today, not the one planned.
    institutionalisation: institutionalisedIn(r, ctx.model.progress.get(r.id) ?? []).map((i) => ({
      instrument: m.orNotRecorded(opt(i.link.instrument)),
      section: m.orNotRecorded(planSectionMd(i.link)),
      type: m.orNotRecorded(m.label('instrument_type', i.link.type)),
      status: m.orNotRecorded(i.status ? joinMd([institutionalisedStatus(ctx, i)!, ...(i.date ? [m.date(i.date)!] : [])], ' – ') : undefined),
      description: opt(i.link.description),
    })),
    risks: (r.risks ?? []).map((k) => ({ type: m.label('risk', k.type)!, description: md(k.description), mitigation: m.orNotRecorded(k.mitigation ? md(k.mitigation) : undefined) })),
    sources: sourceLines(ctx, r.sources),
    area: opt(r.area_of_intervention),
    timeline: timeline.bars.length > 0 || undated.length > 0 ? timelineTable(ctx, actions, timeline, undated) : undefined,
    adoption: r.adoption ? joinMd([m.label('adoption', r.adoption.status)!, ...(r.adoption.date ? [m.date(r.adoption.date)!] : []), ...(r.adoption.by ? [md(r.adoption.by)] : [])], ' – ') : undefined,
    costing: r.costing && {
      estimate: m.orNotRecorded(r.costing.estimate !== undefined ? m.money(r.costing.estimate, r.costing.currency) : undefined),
      funding: m.orNotRecorded(m.label('funding', r.costing.funding)),
      sources: m.list(texts(r.costing.funding_sources)),
    },
    continuity: opt(r.continuity),
    monitoring: r.monitoring && {
      arrangements: m.orNotRecorded(opt(r.monitoring.arrangements)),
      responsible: m.orNotRecorded(opt(r.monitoring.responsible)),
      frequency: m.orNotRecorded(opt(r.monitoring.frequency)),
    },
    horizon: opt(r.horizon),
  };
}

type Action = NonNullable<RoadmapDocument['actions']>[number];

/** The one SDG goal the road map is linked to, its targets and their local wording. */
function sdgLink(ctx: ViewContext, r: RoadmapDocument): RoadmapCard['sdg'] {
  const { m } = ctx;
  const lang = sdgLanguage(ctx);
  return {
    goal: sdgGoal(ctx, r.sdg, false),
    rationale: opt(r.sdg.rationale),
    note: opt(r.sdg.note),
    sources: r.sdg.sources?.length ? m.semicolons(sourceLines(ctx, r.sdg.sources)) : undefined,
    targets: (r.sdg.targets ?? []).map((t) => ({
      id: m.token(t),
      title: m.orNotRecorded(findTarget(t, lang) ? md(findTarget(t, lang)!.title) : undefined),
      local: m.orNotRecorded(m.semicolons((r.sdg.local_targets ?? []).filter((l) => l.target === t).map((l) => md(l.text)))),
    })),
  };
}

/** The capitalized practices the road map builds on: its own municipality's or a peer's. */
function practicesBuiltOn(ctx: ViewContext, r: RoadmapDocument): RoadmapCard['buildsOn'] {
  const { m, model } = ctx;
  return (r.builds_on ?? []).map((id) => {
    const practice = model.practices.find((p) => p.id === id);
    return {
      title: md(practice?.title ?? id),
      owner: municipalityName(ctx, practice?.municipality),
      stage: m.orNotRecorded(m.label('stage', practice?.capitalization?.stage)),
      origin: practice && practice.municipality !== r.municipality ? m.text('phrase.peer_practice') : m.text('phrase.own_practice'),
    };
  });
}

/** The consultations behind the road map's priorities, with their dates. */
function consultationsHeld(ctx: ViewContext, r: RoadmapDocument): RoadmapCard['consultations'] {
  const { m, model } = ctx;
  return (r.consultations ?? []).map((id) => {
    const activity = model.activities.find((a) => a.id === id);
    const date = m.date(activity?.date);
    return date ? m.text('phrase.title_date', { title: activityTitle(ctx, id), date }) : activityTitle(ctx, id);
  });
}

/** Objectives and their indicators: baseline, target, current value and means of verification. */
function objectivesAndIndicators(ctx: ViewContext, r: RoadmapDocument): RoadmapCard['objectives'] {
  const { m } = ctx;
  return (r.objectives ?? []).map((o) => ({
    title: md(o.title),
    indicators: (o.indicators ?? []).map((i) => {
      const name: Md[] = [md(i.name)];
      if (i.proxy) name.push(m.text('phrase.proxy'));
      if (i.sdg_indicator) name.push(m.text('phrase.sdg_indicator', { id: md(i.sdg_indicator) }));
      return {
        name: joinMd(name, ' '),
        unit: m.orNotRecorded(i.unit ? md(i.unit) : undefined),
        baseline: measure(ctx, i.baseline, i.unit),
        target: measure(ctx, i.target, i.unit),
        current: measure(ctx, i.current, i.unit),
        verification: m.orNotRecorded(i.means_of_verification ? md(i.means_of_verification) : undefined),
      };
    }),
  }));
}

/** Each action: its objective, lead unit, dates, status (overdue marked), outputs and latest progress note. */
function actionRows(ctx: ViewContext, r: RoadmapDocument): RoadmapCard['actions'] {
  const { m, today } = ctx;
  const objectiveTitle = (id: string | undefined) => {
    const objective = r.objectives?.find((o) => o.id === id);
    return objective ? md(objective.title) : undefined;
  };
  return (r.actions ?? []).map((a, i) => {
    const outputs = [...texts(a.outputs), ...texts(a.expected_results).map((e) => m.text('phrase.expected', { text: e }))];
    const last = [...(a.progress ?? [])].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0)).at(-1);
    const status = m.label('action_status', a.status ?? 'planned')!;
    return {
      number: m.number(i + 1),
      objective: m.orNotRecorded(objectiveTitle(a.objective)),
      lead: m.orNotRecorded(a.lead_unit ? md(a.lead_unit) : undefined),
      period: m.orNotRecorded(m.period({ ...(a.start ? { start: a.start } : {}), ...(a.end ? { end: a.end } : {}) })),
      status: isOverdue(a.end, a.status, today) ? joinMd([status, m.text('phrase.overdue_flag')], ' ') : status,
      outputs: m.orNotRecorded(m.semicolons(outputs)),
      progress: m.orNotRecorded(last ? m.text('phrase.dated_note', { note: md(last.note), date: m.date(last.date)! }) : undefined),
    };
  });
}

/** How far implementation has come: actions counted by status, and the share done. */
function actionProgress(ctx: ViewContext, actions: readonly Action[]): { counts: RoadmapCard['progress']; summary: Md } {
  const { m } = ctx;
  const statusCounts = ACTION_STATUSES.map((s) => ({ s, n: actions.filter((a) => (a.status ?? 'planned') === s).length }));
  const done = statusCounts.find((c) => c.s === 'done')!.n;
  return {
    counts: statusCounts.filter((c) => c.n > 0).map((c) => ({ status: m.label('action_status', c.s)!, count: m.number(c.n) })),
    summary: actions.length === 0 ? m.text('phrase.no_actions') : m.text('phrase.progress_summary', { done, total: actions.length, percent: m.percent((done / actions.length) * 100) }),
  };
}

/** Actions past their end and still open on the report's day, with how many days late. */
function overdueActions(ctx: ViewContext, actions: readonly Action[]): RoadmapCard['overdue'] {
  const { m, today } = ctx;
  return actions
    .filter((a) => isOverdue(a.end, a.status, today))
    .map((a) => ({
      title: md(a.title),
      end: m.date(a.end)!,
      status: m.label('action_status', a.status ?? 'planned')!,
      days: m.number(daysBetween(lastDay(a.end!), today)),
    }));
}

/** The working group: who takes part, of which type, in design, implementation or both. */
function workingGroup(ctx: ViewContext, r: RoadmapDocument): RoadmapCard['workingGroup'] {
  const { m, model } = ctx;
  return (r.working_group ?? []).map((w) => {
    const s = model.stakeholders.get(w.stakeholder);
    return {
      name: stakeholderName(ctx, w.stakeholder),
      type: m.orNotRecorded(m.label('stakeholder_type', s?.type)),
      involvement: m.label('involvement', w.involvement)!,
      role: m.orNotRecorded(w.role ? md(w.role) : undefined),
    };
  });
}

/** The timeline's table: each dated action's dates as written (July 2020, not 1 July 2020) and status. */
function timelineTable(ctx: ViewContext, actions: readonly Action[], timeline: Timeline, undated: ReturnType<typeof buildTimeline>['undated']): NonNullable<RoadmapCard['timeline']> {
  const { m } = ctx;
  return {
    lines: timeline.bars.length > 0 ? mermaidLines(timeline, { section: (g) => g || m.raw('phrase.actions') }) : [],
    // The bars need days, readers do not.
    rows: timeline.bars.map((b) => ({
      number: m.number(b.number),
      start: m.date(actions[b.number - 1]?.start ?? b.start)!,
      end: m.date(actions[b.number - 1]?.end ?? b.end)!,
      status: b.overdue ? joinMd([m.label('action_status', b.status)!, m.text('phrase.overdue_flag')], ' ') : m.label('action_status', b.status)!,
    })),
    undated: undated.length > 0 ? m.text('phrase.undated_actions', { actions: m.list(undated.map((u) => m.number(u.number ?? 0)))! }) : undefined,
  };
}

export function roadmapReport(ctx: ViewContext): RoadmapReport {
  const { m, model, today } = ctx;
  const roadmaps = roadmapsInScope(ctx);
  const timelines: Timeline[] = [];
  const cards = roadmaps.map((r, i) => roadmapCard(ctx, r, i, timelines));

  // Goals the sources give and goals the editors chose are counted apart; "not recorded" last.
  const goalKey = (r: RoadmapDocument) => (r.sdg.not_recorded || r.sdg.goal === undefined ? 'none' : `${r.sdg.goal}${r.sdg.assigned_by === 'editor' ? '-editor' : ''}`);
  const goals = [...new Map(roadmaps.map((r) => [goalKey(r), r])).entries()].sort(([a], [b]) => (a === 'none' ? 1 : b === 'none' ? -1 : parseFloat(a) - parseFloat(b) || a.localeCompare(b)));
  const uses = new Map<string, Set<string>>();
  for (const r of roadmaps) {
    const ids = new Set([...(r.working_group ?? []).map((w) => w.stakeholder), ...(r.actions ?? []).flatMap((a) => (a.stakeholders ?? []).map((s) => s.stakeholder))]);
    for (const id of ids) {
      if (!uses.has(id)) uses.set(id, new Set());
      uses.get(id)!.add(r.id);
    }
  }
  const title = (id: string) => md(model.roadmaps.find((r) => r.id === id)?.title ?? id);
  const allActions = roadmaps.flatMap((r) => r.actions ?? []);

  const view: RoadmapView = {
    ...baseView(ctx, 'roadmap'),
    today: m.date(today)!,
    overdueOn: m.text('phrase.overdue_on', { date: m.date(today)! }),
    noOverdue: m.text('phrase.no_overdue', { date: m.date(today)! }),
    sdgSource: sdgCodeListNote(ctx),
    summary: {
      rows: roadmaps.map((r) => {
        const actions = r.actions ?? [];
        return {
          municipality: municipalityName(ctx, r.municipality),
          title: md(r.title),
          goal: sdgGoal(ctx, r.sdg),
          actions: m.number(actions.length),
          done: m.number(actions.filter((a) => a.status === 'done').length),
          overdue: m.number(actions.filter((a) => isOverdue(a.end, a.status, today)).length),
          adoption: adoptionSummary(ctx, r),
        };
      }),
      goals: goals.map(([key, r]) => ({ goal: sdgGoal(ctx, r.sdg), count: m.number(roadmaps.filter((other) => goalKey(other) === key).length) })),
      shared: [...uses]
        .filter(([, ids]) => ids.size > 1)
        .map(([id, ids]) => ({ name: stakeholderName(ctx, id), roadmaps: m.list([...ids].map(title))! })),
      totals: m.text('phrase.network_totals', {
        roadmaps: roadmaps.length,
        municipalities: new Set(roadmaps.map((r) => r.municipality)).size,
        actions: allActions.length,
        done: allActions.filter((a) => a.status === 'done').length,
        overdue: allActions.filter((a) => isOverdue(a.end, a.status, today)).length,
      }),
    },
    roadmaps: cards,
  };
  return { view, timelines };
}
