// Dates must exist in the calendar and nothing may end before it starts. Partial dates (YYYY-MM,
// YYYY) stand for their whole span: a start counts from its first day, an end until its last.
import type { LoadedDocument } from '../workspace/load.js';
import { pointerSegment } from '../diagnostics.js';
import { describeAt } from './describe.js';
import type { Finding } from './finding.js';

const DATE = /^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$/;
const SCHEMA_DATE = /^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$/;
const DATE_KEYS = new Set(['start', 'end', 'date', 'end_date', 'as_of', 'adopted', 'joined', 'accessed']);

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whether a YYYY[-MM[-DD]] string names a real day (or month, or year). */
export function isCalendarDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const month = m[2] ? Number(m[2]) : 1;
  const day = m[3] ? Number(m[3]) : 1;
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(m[1]), month);
}

/** First day of a (partial) date, as YYYY-MM-DD. */
export function firstDay(value: string): string {
  const m = DATE.exec(value)!;
  return `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}`;
}

/** Last day of a (partial) date, as YYYY-MM-DD. */
export function lastDay(value: string): string {
  const m = DATE.exec(value)!;
  const month = m[2] ?? '12';
  return `${m[1]}-${month}-${m[3] ?? String(daysInMonth(Number(m[1]), Number(month))).padStart(2, '0')}`;
}

export function checkDates(documents: readonly LoadedDocument[]): Finding[] {
  const findings: Finding[] = [];
  for (const doc of documents) {
    const stack: Array<[unknown, string]> = [[doc.value, '']];
    while (stack.length) {
      const [node, pointer] = stack.pop()!;
      if (Array.isArray(node)) {
        node.forEach((item, i) => stack.push([item, `${pointer}/${i}`]));
        continue;
      }
      if (node === null || typeof node !== 'object') continue;
      const record = node as Record<string, unknown>;
      for (const [key, value] of Object.entries(record)) {
        const p = `${pointer}/${pointerSegment(key)}`;
        // Shapes the schema rejects (month 13) are its to report; this catches 30 February.
        if (typeof value === 'string' && DATE_KEYS.has(key) && SCHEMA_DATE.test(value) && !isCalendarDate(value)) {
          findings.push({ doc, pointer: p, ruleId: 'dates/valid', message: `${value} is not a day of the calendar; check the month and the day.` });
        } else if (value !== null && typeof value === 'object') {
          stack.push([value, p]);
        }
      }
      order(doc, record, pointer, 'start', 'end', findings);
      order(doc, record, pointer, 'date', 'end_date', findings);
    }
  }
  return findings;
}

function order(doc: LoadedDocument, record: Record<string, unknown>, pointer: string, startKey: string, endKey: string, findings: Finding[]): void {
  const start = record[startKey];
  const end = record[endKey];
  if (typeof start !== 'string' || typeof end !== 'string' || !isCalendarDate(start) || !isCalendarDate(end)) return;
  if (lastDay(end) >= firstDay(start)) return;
  const key = pointer.slice(pointer.lastIndexOf('/') + 1);
  // A period or planned span is named through what holds it: "road map `x`: its period ends…".
  const message =
    key === 'period' || key === 'planned' || key === 'preparatory' || key === 'profile' || key === 'capitalization' || key === 'roadmap' || key === 'final'
      ? `${capitalize(describeAt(doc, pointer.slice(0, pointer.lastIndexOf('/'))))}: its ${key === 'period' ? 'period' : key === 'planned' ? 'planned period' : `${key} phase`} ends ${end}, before it starts ${start}.`
      : `${capitalize(describeAt(doc, pointer))} ends ${end}, before it starts ${start}.`;
  findings.push({ doc, pointer: `${pointer}/${endKey}`, ruleId: 'dates/order', message });
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
