// When an action is overdue: its end has passed, and it is still open. One test for the rule
// dates/overdue, the road-map report and its timeline.
import { isCalendarDate, lastDay } from './dates.js';

/** Statuses that close an action: it is no longer expected to end. */
export const CLOSED_STATUSES: ReadonlySet<string> = new Set(['done', 'cancelled']);

/**
 * Whether an action ending `end` (a date, possibly partial: it runs to its last day) with `status`
 * (none means planned) is overdue on `today` (YYYY-MM-DD).
 */
export function isOverdue(end: string | undefined, status: string | undefined, today: string): boolean {
  return end !== undefined && isCalendarDate(end) && !CLOSED_STATUSES.has(status ?? 'planned') && lastDay(end) < today;
}
