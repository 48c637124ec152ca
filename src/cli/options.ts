// Option values several commands share (--today, --period), checked once with one wording.
import { isDay } from '../calendar/dates.js';
import { isPeriod } from '../calendar/periods.js';
import { UsageError } from '../errors.js';

/** Refuses a --today that is not a calendar day written YYYY-MM-DD. */
export function checkTodayOption(today: string | undefined): void {
  if (today !== undefined && !isDay(today)) {
    throw new UsageError(`--today ${today} is not a date; write it YYYY-MM-DD.`);
  }
}

/** Refuses a --period that is not a reporting period (a year, a half-year or a quarter). */
export function checkPeriodOption(period: string | undefined): void {
  if (period !== undefined && !isPeriod(period)) {
    throw new UsageError(`--period ${period} is not a reporting period. Write a year (2025), a half-year (2025-H1, 2025-H2) or a quarter (2025-Q1 to 2025-Q4).`);
  }
}
