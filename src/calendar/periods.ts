// Reporting periods (2024, 2024-H1, 2024-Q3): the days they cover, their order, and date arithmetic
// for what falls due after them.
import { lastDay } from './dates.js';

export const PERIOD_PATTERN = /^(\d{4})(?:-(H[12]|Q[1-4]))?$/;

export interface PeriodRange {
  /** First day, YYYY-MM-DD. */
  start: string;
  /** Last day, YYYY-MM-DD. */
  end: string;
}

/** The days a period id covers: `2024` the year, `2024-H1` January–June, `2024-Q3` July–September. */
export function periodRange(period: string): PeriodRange | undefined {
  const m = PERIOD_PATTERN.exec(period);
  if (!m) return undefined;
  const year = m[1]!;
  const part = m[2];
  let first = 1;
  let months = 12;
  if (part?.startsWith('H')) {
    first = part === 'H1' ? 1 : 7;
    months = 6;
  } else if (part?.startsWith('Q')) {
    first = (Number(part[1]) - 1) * 3 + 1;
    months = 3;
  }
  const last = first + months - 1;
  return { start: `${year}-${pad(first)}-01`, end: lastDay(`${year}-${pad(last)}`) };
}

export function isPeriod(value: unknown): value is string {
  return typeof value === 'string' && PERIOD_PATTERN.test(value);
}

export function periodsOverlap(a: PeriodRange, b: PeriodRange): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** Orders periods by their end, then by their start (a quarter after the half-year it closes). */
export function comparePeriods(a: string, b: string): number {
  const ra = periodRange(a);
  const rb = periodRange(b);
  if (!ra || !rb) return a < b ? -1 : a > b ? 1 : 0;
  return ra.end < rb.end ? -1 : ra.end > rb.end ? 1 : ra.start < rb.start ? -1 : ra.start > rb.start ? 1 : 0;
}

/** `date` plus `months` months (YYYY-MM-DD), clamped to the month's last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = Number(lastDay(`${year}-${pad(month)}`).slice(8));
  return `${year}-${pad(month)}-${pad(Math.min(d, last))}`;
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
