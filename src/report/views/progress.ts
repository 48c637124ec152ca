// The progress report: where each road map stands at the end of a reporting period (publication
// 3.2.1, 3.2.4, 4.3): indicators against baseline and target with their trend, actions by lead unit,
// budget execution per action and per plan reference, deviations, risks and next steps; then the
// network at a glance.
import { comparePeriods } from '../../calendar/periods.js';
import { INDICATOR_STATUSES, trackIndicator, type IndicatorStatus, type Reading, type Tracking } from '../../check/progress.js';
import type { Obj } from '../../check/values.js';
import type { ProgressDocument, RoadmapDocument } from '../../types/generated/index.js';
import { joinMd, md, opt, type Md } from '../markdown.js';
import type { Messages } from '../i18n.js';
import { baseView, municipalityName, roadmapHeading, sourceLines, texts, type BaseView, type ViewContext } from './context.js';
import { calendarView, type CalendarView } from './calendar.js';
import { latestInstitutionalisation, planPlace, planPlaceMd } from './plan-link.js';
import { roadmapsInScope } from './roadmap.js';

type ActionEntry = NonNullable<ProgressDocument['actions']>[number];
type Budget = NonNullable<ActionEntry['budget']>;

export interface IndicatorRow {
  objective: Md;
  name: Md;
  unit: Md;
  baseline: Md;
  target: Md;
  actual: Md;
  percent: Md;
  trend: Md;
  status: Md;
}

export interface BudgetRow {
  label: Md;
  allocated: Md;
  committed: Md;
  spent: Md;
  execution: Md;
}

export interface ProgressCard {
  heading: Md;
  /** The report read (the latest up to --period), or null when there is none. */
  report: { period: Md; stage: Md; by: Md; date: Md; institutionalisation: Md | undefined } | undefined;
  reports: { period: Md; stage: Md; by: Md; date: Md }[];
  indicators: IndicatorRow[];
  units: { unit: Md; actions: { title: Md; status: Md; percent: Md; note: Md }[] }[];
  budget: BudgetRow[];
  plans: BudgetRow[];
  deviations: { description: Md; reason: Md; about: Md }[];
  risks: { type: Md; description: Md; mitigation: Md }[];
  nextSteps: Md[];
  sources: Md[];
}

export interface ProgressView extends BaseView {
  asAt: Md;
  summary: {
    rows: { municipality: Md; roadmap: Md; period: Md; achieved: Md; onTrack: Md; offTrack: Md; notMeasurable: Md; noData: Md; actions: Md; spent: Md; institutionalisation: Md }[];
    statuses: { status: Md; count: Md }[];
  };
  roadmaps: ProgressCard[];
  /** The programme calendar, each municipality's pace and milestones, and the time left for implementation. */
  calendar: CalendarView;
}

/** The road map's progress reports up to the period asked for (all when none is). */
export function reportsUpTo(history: readonly ProgressDocument[], period: string | undefined): ProgressDocument[] {
  return period === undefined ? [...history] : history.filter((p) => comparePeriods(p.period, period) <= 0);
}

/** The latest entry of each action up to that period, and the latest budget given for it. */
export function latestActions(reports: readonly ProgressDocument[]): Map<string, { entry: ActionEntry; budget: Budget | undefined; period: string }> {
  const out = new Map<string, { entry: ActionEntry; budget: Budget | undefined; period: string }>();
  for (const report of reports) {
    for (const entry of report.actions ?? []) {
      const before = out.get(entry.action);
      out.set(entry.action, { entry: { ...before?.entry, ...entry }, budget: entry.budget ?? before?.budget, period: report.period });
    }
  }
  return out;
}

/** Every indicator of a road map with where it stands. */
export function trackRoadmap(r: RoadmapDocument, history: readonly ProgressDocument[], period: string | undefined): { indicator: NonNullable<NonNullable<RoadmapDocument['objectives']>[number]['indicators']>[number]; objective: string; tracking: Tracking }[] {
  const like = history.map((p) => ({ value: p as unknown as Obj }));
  return (r.objectives ?? []).flatMap((o) =>
    (o.indicators ?? []).map((indicator) => ({ indicator, objective: o.title, tracking: trackIndicator(indicator as unknown as Obj, r as unknown as Obj, like, period) })),
  );
}

function value(ctx: ViewContext, v: number | string | undefined, unit: string | undefined): Md | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'string') return md(v);
  return unit === 'percent' ? ctx.m.percent(v) : ctx.m.number(v);
}

function dated(ctx: ViewContext, measure: { value: number | string; date?: string } | undefined, unit: string | undefined): Md {
  const { m } = ctx;
  if (!measure) return m.notRecorded;
  const text = value(ctx, measure.value, unit)!;
  return measure.date ? joinMd([text, m.text('phrase.in_parentheses', { text: m.date(measure.date)! })], ' ') : text;
}

function trendOf(ctx: ViewContext, trend: readonly Reading[], unit: string | undefined): Md {
  if (trend.length === 0) return ctx.m.notRecorded;
  // `→` is no Markdown; each value is escaped on its own.
  return trend.map((r) => value(ctx, r.value, unit)!).join(' → ') as Md;
}

function money(ctx: ViewContext, amount: number | undefined, currency: string | undefined): Md {
  return amount === undefined ? md('–') : ctx.m.money(amount, currency);
}

function execution(ctx: ViewContext, spent: number | undefined, allocated: number | undefined): Md {
  return spent !== undefined && allocated ? ctx.m.percent(Math.round((spent / allocated) * 1000) / 10) : md('–');
}

interface Sums {
  allocated?: number;
  committed?: number;
  spent?: number;
}

function add(sums: Sums, budget: Budget): void {
  for (const key of ['allocated', 'committed', 'spent'] as const) {
    const n = budget[key];
    if (n !== undefined) sums[key] = (sums[key] ?? 0) + n;
  }
}

function progressCard(ctx: ViewContext, r: RoadmapDocument): ProgressCard {
  const { m } = ctx;
  const history = reportsUpTo(ctx.model.progress.get(r.id) ?? [], ctx.period);
  const current = history.at(-1);
  const institutionalisation = latestInstitutionalisation(history);
  const tracked = trackRoadmap(r, history, undefined);
  const latest = latestActions(history);

  const indicators = tracked.map(({ indicator, objective, tracking }) => ({
    objective: md(objective),
    name: md(indicator.name),
    unit: m.orNotRecorded(opt(indicator.unit)),
    baseline: dated(ctx, tracking.baseline, indicator.unit),
    target: dated(ctx, tracking.target, indicator.unit),
    actual: tracking.latest ? dated(ctx, { value: tracking.latest.value, ...(tracking.latest.date ? { date: tracking.latest.date } : {}) }, indicator.unit) : m.notRecorded,
    percent: tracking.percentOfTarget !== undefined ? m.percent(tracking.percentOfTarget) : md('–'),
    trend: trendOf(ctx, tracking.trend, indicator.unit),
    status: m.text(`label.indicator_status.${tracking.status}`),
  }));

  // Actions grouped by the unit that leads them, in the order the road map first names each unit.
  const units = new Map<string, ProgressCard['units'][number]['actions']>();
  for (const action of r.actions ?? []) {
    const entry = latest.get(action.id)?.entry;
    const unit = action.lead_unit ?? '';
    const list = units.get(unit) ?? [];
    list.push({
      title: md(action.title),
      status: m.label('action_status', entry?.status ?? action.status ?? 'planned')!,
      percent: entry?.percent_complete !== undefined ? m.percent(entry.percent_complete) : md('–'),
      note: entry?.note ? md(entry.note) : md('–'),
    });
    units.set(unit, list);
  }

  const budget: BudgetRow[] = [];
  const plans = new Map<string, { plan: Budget['plan'] | string | undefined; currency: string | undefined; sums: Sums }>();
  for (const action of r.actions ?? []) {
    const b = latest.get(action.id)?.budget;
    if (!b) continue;
    budget.push({ label: md(action.title), allocated: money(ctx, b.allocated, b.currency), committed: money(ctx, b.committed, b.currency), spent: money(ctx, b.spent, b.currency), execution: execution(ctx, b.spent, b.allocated) });
    // A plan given with fields and the same plan in words are one row.
    const key = `${planPlace(b.plan ?? b.plan_reference)}\u0000${b.currency ?? ''}`;
    const plan = plans.get(key) ?? { plan: b.plan ?? b.plan_reference, currency: b.currency, sums: {} };
    add(plan.sums, b);
    plans.set(key, plan);
  }

  const title = (id: string | undefined, kind: 'indicator' | 'action'): Md | undefined => {
    if (id === undefined) return undefined;
    if (kind === 'action') return md(r.actions?.find((a) => a.id === id)?.title ?? id);
    for (const o of r.objectives ?? []) for (const i of o.indicators ?? []) if (i.id === id) return md(i.name);
    return md(id);
  };

  return {
    heading: roadmapHeading(ctx, r),
    report: current
      ? {
          period: m.token(current.period),
          stage: m.text(`label.progress_stage.${current.stage}`),
          by: md(current.reported.by),
          date: m.date(current.reported.date)!,
          // The latest report that records one, as the network table shows: a report that leaves it out does not say it went back.
          institutionalisation: institutionalisation
            ? joinMd(
                [
                  m.text(`label.progress_institutionalisation.${institutionalisation.link.status}`),
                  // Where, and as of which report when an earlier one: one parenthesis, "(PAI 2026; as of the 2025-H2 report)".
                  ...parenthesised(m, [
                    ...(planPlaceMd(institutionalisation.link) ? [planPlaceMd(institutionalisation.link)!] : []),
                    ...(institutionalisation.period !== current.period ? [m.text('phrase.as_of_report', { period: m.token(institutionalisation.period) })] : []),
                  ]),
                ],
                ' ',
              )
            : undefined,
        }
      : undefined,
    reports: history.map((p) => ({ period: m.token(p.period), stage: m.text(`label.progress_stage.${p.stage}`), by: md(p.reported.by), date: m.date(p.reported.date)! })),
    indicators,
    units: [...units].map(([unit, actions]) => ({ unit: unit ? md(unit) : m.notRecorded, actions })),
    budget,
    plans: [...plans.values()].map((p) => ({
      label: planPlaceMd(p.plan) ?? m.notRecorded,
      allocated: money(ctx, p.sums.allocated, p.currency),
      committed: money(ctx, p.sums.committed, p.currency),
      spent: money(ctx, p.sums.spent, p.currency),
      execution: execution(ctx, p.sums.spent, p.sums.allocated),
    })),
    deviations: (current?.deviations ?? []).map((d) => ({
      description: md(d.description),
      reason: m.orNotRecorded(opt(d.reason)),
      about: m.orNotRecorded(m.semicolons([title(d.indicator, 'indicator'), title(d.action, 'action')].filter((x): x is Md => x !== undefined))),
    })),
    risks: (current?.risks ?? []).map((k) => ({ type: m.orNotRecorded(m.label('risk', k.type)), description: md(k.description), mitigation: m.orNotRecorded(opt(k.mitigation)) })),
    nextSteps: texts(current?.next_steps),
    sources: sourceLines(ctx, current?.sources),
  };
}

export function progressView(ctx: ViewContext): ProgressView {
  const { m } = ctx;
  const roadmaps = roadmapsInScope(ctx);
  const counts = new Map<IndicatorStatus, number>(INDICATOR_STATUSES.map((s) => [s, 0]));
  const rows = roadmaps.map((r) => {
    const history = reportsUpTo(ctx.model.progress.get(r.id) ?? [], ctx.period);
    const tracked = trackRoadmap(r, history, undefined);
    const n = (s: IndicatorStatus) => tracked.filter((t) => t.tracking.status === s).length;
    for (const s of INDICATOR_STATUSES) counts.set(s, counts.get(s)! + n(s));
    const latest = latestActions(history);
    const actions = r.actions ?? [];
    const done = actions.filter((a) => (latest.get(a.id)?.entry.status ?? a.status) === 'done').length;
    const byCurrency = new Map<string, Sums>();
    for (const a of actions) {
      const b = latest.get(a.id)?.budget;
      if (!b) continue;
      const sums = byCurrency.get(b.currency ?? '') ?? {};
      add(sums, b);
      byCurrency.set(b.currency ?? '', sums);
    }
    const current = history.at(-1);
    return {
      municipality: municipalityName(ctx, r.municipality),
      roadmap: md(r.title),
      period: current ? m.token(current.period) : m.text('phrase.no_progress_short'),
      achieved: m.number(n('achieved')),
      onTrack: m.number(n('on-track')),
      offTrack: m.number(n('off-track')),
      notMeasurable: m.number(n('not-measurable')),
      noData: m.number(n('no-data')),
      actions: m.text('phrase.done_of', { done, total: actions.length }),
      spent: byCurrency.size
        ? m.semicolons(
            [...byCurrency].map(([currency, s]) => m.text('phrase.spent_of', { spent: money(ctx, s.spent ?? 0, currency || undefined), allocated: money(ctx, s.allocated, currency || undefined) })),
          )
        : md('–'),
      institutionalisation: m.orNotRecorded(m.label('progress_institutionalisation', latestInstitutionalisation(history)?.link.status)),
    };
  });
  return {
    ...baseView(ctx, 'progress'),
    asAt: ctx.period !== undefined ? m.text('phrase.progress_as_at', { period: md(ctx.period) }) : m.text('phrase.progress_latest'),
    summary: { rows, statuses: INDICATOR_STATUSES.map((s) => ({ status: m.text(`label.indicator_status.${s}`), count: m.number(counts.get(s)!) })) },
    roadmaps: roadmaps.map((r) => progressCard(ctx, r)),
    calendar: calendarView(ctx),
  };
}

/** The parts in one parenthesis, set apart by the language's semicolon; nothing for no parts. */
function parenthesised(m: Messages, parts: readonly Md[]): Md[] {
  return parts.length === 0 ? [] : [m.text('phrase.in_parentheses', { text: m.semicolons(parts) })];
}
