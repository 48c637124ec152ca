// Option values several commands share (--today, --period), checked once with one wording.
import { isDay } from '../calendar/dates.js';
import { isPeriod } from '../calendar/periods.js';
import { UsageError } from '../errors.js';
import { t } from '../i18n/messages.js';

/** Refuses a --today that is not a calendar day written YYYY-MM-DD. */
export function checkTodayOption(today: string | undefined): void {
  if (today !== undefined && !isDay(today)) {
    throw new UsageError(t('option.today', { today }));
  }
}

/** Refuses a --period that is not a reporting period (a year, a half-year or a quarter). */
export function checkPeriodOption(period: string | undefined): void {
  if (period !== undefined && !isPeriod(period)) {
    throw new UsageError(t('option.period', { period }));
  }
}
