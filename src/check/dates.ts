// Dates must exist in the calendar and nothing may end before it starts. Partial dates (YYYY-MM,
// YYYY) stand for their whole span: a start counts from its first day, an end until its last.
import type { LoadedDocument } from '../workspace/load.js';
import { pointerSegment } from '../diagnostics.js';
import { describeAt } from './describe.js';
import type { Finding } from './finding.js';

const DATE_KEYS = new Set(['start', 'end', 'date', 'end_date', 'as_of', 'adopted', 'joined', 'accessed']);

// Dates are checked on every value of every document, so these read characters instead of running
// a regular expression and building a Date each time.

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  return month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : DAYS[month - 1]!;
}

function digits(value: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const c = value.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** YYYY, YYYY-MM or YYYY-MM-DD split into numbers (0 for a part not given), or undefined. */
function parts(value: string): [number, number, number] | undefined {
  const length = value.length;
  if (length !== 4 && length !== 7 && length !== 10) return undefined;
  const year = digits(value, 0, 4);
  if (year < 0) return undefined;
  if (length === 4) return [year, 0, 0];
  const month = value.charCodeAt(4) === 45 ? digits(value, 5, 2) : -1;
  if (month < 0) return undefined;
  if (length === 7) return [year, month, 0];
  const day = value.charCodeAt(7) === 45 ? digits(value, 8, 2) : -1;
  return day < 0 ? undefined : [year, month, day];
}

/** Whether a string has the shape the schema gives dates (months 01-12, days 01-31). */
function schemaDateShape(value: string): boolean {
  const p = parts(value);
  if (!p) return false;
  return (value.length === 4 || (p[1] >= 1 && p[1] <= 12)) && (value.length < 10 || (p[2] >= 1 && p[2] <= 31));
}

/** Whether a YYYY[-MM[-DD]] string names a real day (or month, or year). */
export function isCalendarDate(value: string): boolean {
  const p = parts(value);
  if (!p) return false;
  const month = value.length >= 7 ? p[1] : 1;
  const day = value.length === 10 ? p[2] : 1;
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(p[0], month);
}

/** First day of a (partial) date, as YYYY-MM-DD. */
export function firstDay(value: string): string {
  if (value.length === 10) return value;
  return value.length === 7 ? `${value}-01` : `${value}-01-01`;
}

/** Last day of a (partial) date, as YYYY-MM-DD. */
export function lastDay(value: string): string {
  if (value.length === 10) return value;
  const year = digits(value, 0, 4);
  const month = value.length === 7 ? digits(value, 5, 2) : 12;
  return `${value.slice(0, 4)}-${String(month).padStart(2, '0')}-${String(daysInMonth(year, month)).padStart(2, '0')}`;
}

export function checkDates(documents: readonly LoadedDocument[]): Finding[] {
  const findings: Finding[] = [];
  for (const doc of documents) {
    const stack: Array<[unknown, string]> = [[doc.value, '']];
    while (stack.length) {
      const [node, pointer] = stack.pop()!;
      if (Array.isArray(node)) {
        for (let i = 0; i < node.length; i++) {
          const item: unknown = node[i];
          if (item !== null && typeof item === 'object') stack.push([item, `${pointer}/${i}`]);
        }
        continue;
      }
      if (node === null || typeof node !== 'object') continue;
      const record = node as Record<string, unknown>;
      for (const key in record) {
        const value = record[key];
        // Shapes the schema rejects (month 13) are its to report; this catches 30 February.
        if (typeof value === 'string') {
          if (DATE_KEYS.has(key) && schemaDateShape(value) && !isCalendarDate(value)) {
            findings.push({ doc, pointer: `${pointer}/${pointerSegment(key)}`, ruleId: 'dates/valid', message: `${value} is not a day of the calendar; check the month and the day.` });
          }
        } else if (value !== null && typeof value === 'object') {
          stack.push([value, `${pointer}/${pointerSegment(key)}`]);
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
