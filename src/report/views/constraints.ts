// Contextual constraints (elections, crises) seen against the programme's phase calendar: one that
// falls inside a phase is flagged, because an election mid-programme brings new priorities and staff
// turnover (publication 4.6).
import { firstDay, isCalendarDate, lastDay } from '../../calendar/dates.js';
import type { ProfileDocument } from '../../types/generated/index.js';
import { md, opt, type Md } from '../markdown.js';
import type { CalendarPhase as Phase } from '../model.js';
import type { ViewContext } from './context.js';

export const PHASES_IN_ORDER: readonly Phase[] = ['preparatory', 'profile', 'capitalization', 'roadmap', 'final'];

export interface ConstraintView {
  type: Md;
  title: Md;
  when: Md;
  description: Md | undefined;
  /** Set when the constraint falls inside the programme calendar: which phases it meets. */
  flag: Md | undefined;
  election: boolean;
}

interface Span {
  start: string;
  end: string;
}

function spanOf(date: string | undefined, period: { start?: string; end?: string } | undefined): Span | undefined {
  if (date && isCalendarDate(date)) return { start: firstDay(date), end: lastDay(date) };
  if (period?.start && isCalendarDate(period.start)) {
    return { start: firstDay(period.start), end: period.end && isCalendarDate(period.end) ? lastDay(period.end) : '9999-12-31' };
  }
  return undefined;
}

function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/**
 * The known bounds of each phase of the calendar, in order. A phase recorded without an end runs
 * until the day before the next phase starts; the last one, until the calendar's last recorded end
 * (or, if none is later, the period its start names). Nothing runs to an unknown end of time.
 */
export function phaseSpans(ctx: ViewContext): { phase: Phase; span: Span }[] {
  const calendar = ctx.model.workspace.calendar ?? {};
  const starts = PHASES_IN_ORDER.map((phase) => {
    const start = calendar[phase]?.start;
    return start && isCalendarDate(start) ? firstDay(start) : undefined;
  });
  const ends = PHASES_IN_ORDER.map((phase) => {
    const end = calendar[phase]?.end;
    return end && isCalendarDate(end) ? lastDay(end) : undefined;
  });
  const lastKnown = [...ends, ...starts].filter((d): d is string => d !== undefined).sort().at(-1);
  const out: { phase: Phase; span: Span }[] = [];
  PHASES_IN_ORDER.forEach((phase, i) => {
    const start = starts[i];
    if (start === undefined) return;
    let end = ends[i];
    if (end === undefined) {
      const next = starts.slice(i + 1).find((d) => d !== undefined);
      if (next !== undefined) end = next > start ? dayBefore(next) : start;
      else end = lastKnown !== undefined && lastKnown > start ? lastKnown : lastDay(calendar[phase]!.start!);
    }
    out.push({ phase, span: { start, end } });
  });
  return out;
}

/** The phases of the calendar whose (known) dates a span meets, in order. */
export function phasesMet(ctx: ViewContext, span: Span): Phase[] {
  return phaseSpans(ctx)
    .filter(({ span: p }) => span.start <= p.end && p.start <= span.end)
    .map(({ phase }) => phase);
}

export function constraintViews(ctx: ViewContext, profile: ProfileDocument | undefined): ConstraintView[] {
  const { m } = ctx;
  return (profile?.constraints ?? []).map((c) => {
    const view: ConstraintView = {
      type: m.label('constraint', c.type)!,
      title: md(c.title),
      when: m.orNotRecorded(c.date ? m.date(c.date) : m.period(c.period)),
      description: opt(c.description),
      flag: undefined,
      election: c.type === 'election',
    };
    const span = spanOf(c.date, c.period);
    const met = span ? phasesMet(ctx, span) : [];
    if (met.length > 0) {
      const phases = m.list(met.map((p) => m.text(`label.phase.${p}`)))!;
      view.flag = m.text(c.type === 'election' ? 'phrase.election_in_calendar' : 'phrase.constraint_in_calendar', { phases });
    }
    return view;
  });
}
