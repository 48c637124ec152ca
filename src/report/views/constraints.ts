// Contextual constraints (elections, crises) seen against the programme's phase calendar: one that
// falls inside a phase is flagged, because an election mid-programme brings new priorities and staff
// turnover (publication 4.6).
import { firstDay, isCalendarDate, lastDay } from '../../check/dates.js';
import type { ProfileDocument } from '../../types/generated/index.js';
import { md, opt, type Md } from '../markdown.js';
import type { Phase } from '../model.js';
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

/** The phases of the calendar whose dates a span meets, in order. */
export function phasesMet(ctx: ViewContext, span: Span): Phase[] {
  const calendar = ctx.model.workspace.calendar ?? {};
  return PHASES_IN_ORDER.filter((phase) => {
    const p = calendar[phase];
    if (!p?.start || !isCalendarDate(p.start)) return false;
    const start = firstDay(p.start);
    const end = p.end && isCalendarDate(p.end) ? lastDay(p.end) : '9999-12-31';
    return span.start <= end && start <= span.end;
  });
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
