// Dates must exist in the calendar and nothing may end before it starts. Partial dates (YYYY-MM,
// YYYY) stand for their whole span: a start counts from its first day, an end until its last.
import { firstDay, isCalendarDate, lastDay, schemaDateShape } from '../calendar/dates.js';
import type { LoadedDocument } from '../workspace/load.js';
import { describeAt } from './describe.js';
import { t } from '../i18n/messages.js';
import type { Finding } from './finding.js';

/** The keys whose string values are dates: checked in the calendar (checkDateValue). */
export const DATE_KEYS: ReadonlySet<string> = new Set(['start', 'end', 'date', 'end_date', 'as_of', 'adopted', 'joined', 'accessed']);
/** The date keys `order` compares, as bits: a mapping is compared only when it holds both of a pair as strings. */
const START = 1;
const END = 2;
const DATE = 4;
const END_DATE = 8;
const START_END = START | END;
const DATE_END_DATE = DATE | END_DATE;

export function spanBit(key: string): number {
  return key === 'start' ? START : key === 'end' ? END : key === 'date' ? DATE : key === 'end_date' ? END_DATE : 0;
}

/**
 * The date checks of one string value of a mapping, at the pointer `at` gives (built only for a
 * finding); whether the value has a date's shape (four to eight digits and dashes, no more).
 */
export function checkDateValue(doc: LoadedDocument, key: string, value: string, at: (key: string) => string, findings: Finding[]): boolean {
  // Shapes the schema rejects (month 13) are its to report; this catches 30 February.
  if (!schemaDateShape(value)) return false;
  if (!isCalendarDate(value)) findings.push({ doc, pointer: at(key), ruleId: 'dates/valid', message: t('dates/valid.not-a-day', { date: value }) });
  return true;
}

/**
 * The order checks of a mapping once its values were read: `spans` holds the spanBit of each date key
 * it has as a string. A mapping is compared only when it holds both keys of a pair.
 */
export function checkDateOrder(doc: LoadedDocument, record: Record<string, unknown>, spans: number, at: () => string, findings: Finding[]): void {
  if ((spans & START_END) === START_END) order(doc, record, at, 'start', 'end', findings);
  if ((spans & DATE_END_DATE) === DATE_END_DATE) order(doc, record, at, 'date', 'end_date', findings);
}

function order(doc: LoadedDocument, record: Record<string, unknown>, at: () => string, startKey: string, endKey: string, findings: Finding[]): void {
  const start = record[startKey];
  const end = record[endKey];
  if (typeof start !== 'string' || typeof end !== 'string' || !isCalendarDate(start) || !isCalendarDate(end)) return;
  if (lastDay(end) >= firstDay(start)) return;
  const pointer = at();
  const key = pointer.slice(pointer.lastIndexOf('/') + 1);
  // A period or planned span is named through what holds it: "road map `x`: its period ends…".
  const span = key === 'period' || key === 'planned' || key === 'preparatory' || key === 'profile' || key === 'capitalization' || key === 'roadmap' || key === 'final';
  const message = span
    ? t('dates/order.span-ends-before-start', { place: describeAt(doc, pointer.slice(0, pointer.lastIndexOf('/'))), span: key, end, start })
    : t('dates/order.ends-before-start', { place: describeAt(doc, pointer), end, start });
  findings.push({ doc, pointer: `${pointer}/${endKey}`, ruleId: 'dates/order', message });
}
