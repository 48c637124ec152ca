// The programme calendar as a programme manager follows it: the network's phases, each municipality's
// own pace where it differs (4.6: the municipalities did not proceed at the same pace), its milestones,
// and the time each road map has between its approval and the final event (4.6, 4.7: a lengthy
// engagement left little time for implementation). Shared by the progress and final reports.
import { firstDay, isCalendarDate, lastDay } from '../../calendar/dates.js';
import { addDays, datedPhases, daysBetween, monthsAndDays, PHASES, type PhaseDates } from '../../calendar/phases.js';
import type { RoadmapDocument } from '../../types/generated/index.js';
import { md, opt, type Md } from '../markdown.js';
import type { MunicipalityEntry } from '../model.js';
import { inScope, localName, scopedMunicipalities, type ViewContext } from './context.js';
import { roadmapsInScope } from './roadmap.js';

export interface CalendarView {
  /** "Programme period: …" (lamd.yaml `programme.period`), when recorded. */
  period: Md | undefined;
  /** The phases the programme is in on the report's day, when any. */
  today: Md | undefined;
  phases: { phase: Md; period: Md; length: Md }[];
  /** Municipalities with a calendar of their own, phase by phase against the network's. */
  own: { name: Md; note: Md | undefined; rows: { phase: Md; own: Md; network: Md; compared: Md }[] }[];
  milestones: { name: Md; rows: { title: Md; phase: Md; due: Md; reached: Md; state: Md }[] }[];
  /** One row per road map in scope: approval, final event, the time between and the time left. */
  implementation: { municipality: Md; roadmap: Md; approved: Md; finalEvent: Md; between: Md; left: Md }[];
  /** The day the time left is counted from, when some road map has a final event to count to. */
  asOf: Md | undefined;
}

type MilestoneState = 'done' | 'done-late' | 'overdue' | 'upcoming' | 'no-due';

function milestoneState(due: string | undefined, done: string | undefined, today: string): MilestoneState {
  const dueDay = due && isCalendarDate(due) ? lastDay(due) : undefined;
  if (done !== undefined) return dueDay && isCalendarDate(done) && firstDay(done) > dueDay ? 'done-late' : 'done';
  if (!dueDay) return 'no-due';
  return dueDay < today ? 'overdue' : 'upcoming';
}

/** A span of time in months and days, written for the language ("9 months, 15 days"). */
function duration(ctx: ViewContext, from: string, to: string): Md | undefined {
  const span = monthsAndDays(from, to);
  return span ? ctx.m.duration(span.months, span.days) : undefined;
}

/** How a municipality's own phase ends compared with the network's. */
function compared(ctx: ViewContext, own: PhaseDates, network: PhaseDates | undefined): Md {
  const { m } = ctx;
  if (!own.end) return m.notRecorded;
  if (!network?.end) return m.text('phrase.network_no_end');
  const days = daysBetween(network.end, own.end);
  if (days === 0) return m.text('phrase.ends_same_day');
  return days > 0 ? m.text('phrase.ends_days_later', { days }) : m.text('phrase.ends_days_earlier', { days: -days });
}

/**
 * When the final event is for a municipality: the first final-event activity it takes part in (or
 * one naming no municipality), else the final phase of its own calendar, else the network's.
 */
export function finalEventDate(ctx: ViewContext, municipality: MunicipalityEntry | undefined): string | undefined {
  const slug = municipality?.slug;
  const events = ctx.model.activities
    .flatMap((a) => (a.type === 'final-event' && a.date && isCalendarDate(a.date) && (!a.municipalities?.length || (slug !== undefined && a.municipalities.includes(slug))) ? [a.date] : []))
    .sort((a, b) => firstDay(a).localeCompare(firstDay(b)));
  if (events[0]) return events[0];
  return datedPhases(ctx.model.workspace.calendar, municipality?.calendar).find((p) => p.phase === 'final')?.rawStart;
}

function implementationRow(ctx: ViewContext, r: RoadmapDocument): CalendarView['implementation'][number] & { counted: boolean } {
  const { m } = ctx;
  const entry = ctx.model.municipalities.find((mu) => mu.slug === r.municipality);
  const adoption = r.adoption;
  const approvedOn = adoption?.status === 'approved' && adoption.date && isCalendarDate(adoption.date) ? adoption.date : undefined;
  const finalOn = finalEventDate(ctx, entry);
  const approved = approvedOn
    ? m.date(approvedOn)!
    : adoption?.status === 'approved'
      ? m.text('phrase.approved_undated')
      : adoption
        ? m.label('adoption', adoption.status)!
        : m.notRecorded;
  const finalDay = finalOn ? firstDay(finalOn) : undefined;
  const approvalDay = approvedOn ? lastDay(approvedOn) : undefined;
  let between: Md = md('–');
  if (approvalDay && finalDay) between = duration(ctx, approvalDay, finalDay) ?? m.text('phrase.approved_after_final');
  let left: Md = md('–');
  if (finalDay && finalDay <= ctx.today) left = m.text('phrase.date_passed');
  else if (finalDay) left = duration(ctx, approvalDay && approvalDay > ctx.today ? approvalDay : ctx.today, finalDay) ?? md('–');
  return {
    municipality: localName(ctx, entry?.name, r.municipality),
    roadmap: md(r.title),
    approved,
    finalEvent: m.orNotRecorded(m.date(finalOn)),
    between,
    left,
    counted: finalDay !== undefined && finalDay > ctx.today,
  };
}

export function calendarView(ctx: ViewContext): CalendarView {
  const { m, model } = ctx;
  const network = datedPhases(model.workspace.calendar);
  const byPhase = new Map(network.map((p) => [p.phase, p]));
  const programmePeriod = m.period(model.workspace.programme.period);
  const implementation = roadmapsInScope(ctx)
    .filter((r) => inScope(ctx, r.municipality))
    .map((r) => implementationRow(ctx, r));
  // A phase without an end runs until a later phase starts, or the programme ends, whichever is known.
  const programmeEnd = model.workspace.programme.period?.end;
  const openUntil = programmeEnd && isCalendarDate(programmeEnd) ? lastDay(programmeEnd) : undefined;
  const current = network.filter((p, i) => {
    if (!p.start || p.start > ctx.today) return false;
    if (p.end) return ctx.today <= p.end;
    const laterStarted = network.slice(i + 1).some((q) => q.start !== undefined && q.start <= ctx.today);
    return !laterStarted && (openUntil === undefined || ctx.today <= openUntil);
  });
  return {
    period: programmePeriod ? m.text('phrase.programme_period', { period: programmePeriod }) : undefined,
    today: current.length ? m.text('phrase.calendar_today', { date: m.date(ctx.today)!, phases: m.list(current.map((p) => m.text(`label.phase_name.${p.phase}`)))! }) : undefined,
    phases: PHASES.map((phase) => {
      const p = byPhase.get(phase);
      return {
        phase: m.text(`label.phase_name.${phase}`),
        period: m.orNotRecorded(m.period({ start: p?.rawStart, end: p?.rawEnd })),
        length: p?.start && p.end ? (duration(ctx, p.start, addDays(p.end, 1)) ?? md('–')) : md('–'),
      };
    }),
    own: scopedMunicipalities(ctx)
      .filter((mu) => mu.calendar && datedPhases(undefined, mu.calendar).length > 0)
      .map((mu) => ({
        name: localName(ctx, mu.name, mu.slug),
        note: opt(mu.calendar?.note),
        rows: datedPhases(undefined, mu.calendar).map((own) => {
          const net = byPhase.get(own.phase);
          return {
            phase: m.text(`label.phase_name.${own.phase}`),
            own: m.orNotRecorded(m.period({ start: own.rawStart, end: own.rawEnd })),
            network: m.orNotRecorded(m.period({ start: net?.rawStart, end: net?.rawEnd })),
            compared: compared(ctx, own, net),
          };
        }),
      })),
    milestones: scopedMunicipalities(ctx)
      .filter((mu) => (mu.milestones ?? []).length > 0)
      .map((mu) => ({
        name: localName(ctx, mu.name, mu.slug),
        rows: (mu.milestones ?? []).map((x) => ({
          title: md(x.title),
          phase: x.phase ? m.text(`label.phase_name.${x.phase}`) : md('–'),
          due: m.date(x.due) ?? md('–'),
          reached: m.date(x.done) ?? md('–'),
          state: m.text(`label.milestone_state.${milestoneState(x.due, x.done, ctx.today)}`),
        })),
      })),
    implementation: implementation.map(({ counted: _, ...row }) => row),
    asOf: implementation.some((r) => r.counted) ? m.text('phrase.time_left_as_of', { date: m.date(ctx.today)! }) : undefined,
  };
}
