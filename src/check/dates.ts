// Dates must exist in the calendar and nothing may end before it starts. Partial dates (YYYY-MM,
// YYYY) stand for their whole span: a start counts from its first day, an end until its last.
import { firstDay, isCalendarDate, lastDay, schemaDateShape } from '../calendar/dates.js';
import type { LoadedDocument } from '../workspace/load.js';
import { pointerOf } from '../diagnostics.js';
import { describeAt } from './describe.js';
import { t } from '../i18n/messages.js';
import type { Finding } from './finding.js';

const DATE_KEYS = new Set(['start', 'end', 'date', 'end_date', 'as_of', 'adopted', 'joined', 'accessed']);
/** The date keys `order` compares, as bits: a mapping is compared only when it holds both of a pair as strings. */
const START = 1;
const END = 2;
const DATE = 4;
const END_DATE = 8;
const START_END = START | END;
const DATE_END_DATE = DATE | END_DATE;

function spanBit(key: string): number {
  return key === 'start' ? START : key === 'end' ? END : key === 'date' ? DATE : key === 'end_date' ? END_DATE : 0;
}

export function checkDates(documents: readonly LoadedDocument[]): Finding[] {
  const findings: Finding[] = [];
  // Pointers are built only for what is found: the walk keeps the path as a list of keys.
  const path: Array<string | number> = [];
  const pointer = (key?: string) => pointerOf(path, key);
  // Depth first, a mapping's own values before its children, children last to first: the order in
  // which findings have always been made (it decides which are kept past MAX_PROBLEMS_PER_FILE).
  const visit = (doc: LoadedDocument, node: unknown): void => {
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) {
        const item: unknown = node[i];
        if (item !== null && typeof item === 'object') {
          path.push(i);
          visit(doc, item);
          path.pop();
        }
      }
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    // The keys and the values side by side: a document's mappings come in many shapes, and looking
    // each value up by its key (a megamorphic load) cost more than the rest of the walk.
    const keys = Object.keys(record);
    const values = Object.values(record);
    // One look at each value: dates checked, spans and children noticed, so that most mappings,
    // which hold neither, cost no more lookups.
    let spans = 0;
    let children = 0;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const value = values[i];
      if (typeof value === 'string') {
        // Shapes the schema rejects (month 13) are its to report; this catches 30 February.
        if (DATE_KEYS.has(key)) {
          spans |= spanBit(key);
          if (schemaDateShape(value) && !isCalendarDate(value)) {
            findings.push({ doc, pointer: pointer(key), ruleId: 'dates/valid', message: t('dates/valid.not-a-day', { date: value }) });
          }
        }
      } else if (value !== null && typeof value === 'object') {
        children++;
      }
    }
    if ((spans & START_END) === START_END) order(doc, record, pointer, 'start', 'end', findings);
    if ((spans & DATE_END_DATE) === DATE_END_DATE) order(doc, record, pointer, 'date', 'end_date', findings);
    if (children === 0) return;
    for (let k = keys.length - 1; k >= 0; k--) {
      const value = values[k];
      if (value !== null && typeof value === 'object') {
        path.push(keys[k]!);
        visit(doc, value);
        path.pop();
      }
    }
  };
  for (const doc of documents) visit(doc, doc.value);
  return findings;
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
