// The method's phase calendar read from lamd.yaml: the network's, and a municipality's own laid over it
// (4.6: the municipalities did not proceed at the same pace). Shared by the calendar rules and the
// reports; it reads values defensively, since rules run on documents that may have failed the schema.
import { firstDay, isCalendarDate, lastDay } from './dates.js';

export const PHASES = ['preparatory', 'profile', 'capitalization', 'roadmap', 'final'] as const;
export type PhaseName = (typeof PHASES)[number];

export interface PhaseDates {
  phase: PhaseName;
  /** First day of the start, as YYYY-MM-DD; undefined when not recorded (or not a date). */
  start: string | undefined;
  /** Last day of the end, as YYYY-MM-DD. */
  end: string | undefined;
  /** The dates as the document writes them. */
  rawStart: string | undefined;
  rawEnd: string | undefined;
  /** Whether the dates come from the municipality's own calendar rather than the network's. */
  own: boolean;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function datesOf(phase: PhaseName, period: Record<string, unknown> | undefined, own: boolean): PhaseDates {
  const rawStart = text(period?.start);
  const rawEnd = text(period?.end);
  return {
    phase,
    start: rawStart && isCalendarDate(rawStart) ? firstDay(rawStart) : undefined,
    end: rawEnd && isCalendarDate(rawEnd) ? lastDay(rawEnd) : undefined,
    rawStart,
    rawEnd,
    own,
  };
}

/**
 * The phases with a date, in the method's order. With `own` (a municipality's `calendar`), each phase
 * the municipality records replaces the network's; the others keep the network's dates.
 */
export function datedPhases(network: unknown, own?: unknown): PhaseDates[] {
  const base = record(network);
  const mine = record(own);
  return PHASES.map((phase) => {
    const period = record(mine?.[phase]);
    return period ? datesOf(phase, period, true) : datesOf(phase, record(base?.[phase]), false);
  }).filter((p) => p.start !== undefined || p.end !== undefined);
}

/** Whole days from one YYYY-MM-DD to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** A phase's length in days, both ends counted: 1 to 31 March lasts 31 days. */
export function lengthInDays(start: string, end: string): number {
  return daysBetween(start, end) + 1;
}

/**
 * The time from one YYYY-MM-DD to a later one in whole calendar months and the days left over
 * (31 January to 15 March: 1 month and 15 days); undefined when `to` is earlier.
 */
export function monthsAndDays(from: string, to: string): { months: number; days: number } | undefined {
  if (to < from) return undefined;
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  let months = (ty - fy) * 12 + (tm - fm);
  // Step back a month when the day of the month is not reached yet (the 31st counts as reached at a
  // shorter month's end).
  const lastOfTarget = Number(lastDay(to.slice(0, 7)).slice(8));
  if (td < fd && td < lastOfTarget) months -= 1;
  const anchor = addMonths(from, months);
  return { months, days: daysBetween(anchor, to) };
}

/** A YYYY-MM-DD moved by whole months, kept at the month's last day when the day does not exist. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const ym = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
  const last = Number(lastDay(ym).slice(8));
  return `${ym}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** A YYYY-MM-DD moved by whole days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
