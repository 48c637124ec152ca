// Dates must exist in the calendar and nothing may end before it starts. Partial dates (YYYY-MM,
// YYYY) stand for their whole span: a start counts from its first day, an end until its last.
import { firstDay, isCalendarDate, lastDay, schemaDateShape } from '../calendar/dates.js';
import type { LoadedDocument } from '../workspace/load.js';
import { pointerSegment } from '../diagnostics.js';
import { describeAt } from './describe.js';
import { t } from '../i18n/messages.js';
import type { Finding } from './finding.js';

const DATE_KEYS = new Set(['start', 'end', 'date', 'end_date', 'as_of', 'adopted', 'joined', 'accessed']);

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
            findings.push({ doc, pointer: `${pointer}/${pointerSegment(key)}`, ruleId: 'dates/valid', message: t('dates/valid.not-a-day', { date: value }) });
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
  const span = key === 'period' || key === 'planned' || key === 'preparatory' || key === 'profile' || key === 'capitalization' || key === 'roadmap' || key === 'final';
  const message = span
    ? t('dates/order.span-ends-before-start', { place: describeAt(doc, pointer.slice(0, pointer.lastIndexOf('/'))), span: key, end, start })
    : t('dates/order.ends-before-start', { place: describeAt(doc, pointer), end, start });
  findings.push({ doc, pointer: `${pointer}/${endKey}`, ruleId: 'dates/order', message });
}
