// One walk over every value of the documents for the checks that read all their strings: dates
// (dates.ts: each date in the calendar, each span in order) and personal contact data (the
// privacy/contact-data rule). Each walked every document of the workspace on its own; one walk reads
// each mapping once, a tenth of a run's check time on 2,000 road maps.
import { pointerOf } from '../diagnostics.js';
import { t } from '../i18n/messages.js';
import type { LoadedDocument } from '../workspace/load.js';
import { CONTACT_DATA_RULE, contactDataIn, URL_KEYS } from './contact-data.js';
import { checkDateOrder, checkDateValue, DATE_KEYS, spanBit } from './dates.js';
import type { Finding } from './finding.js';

export interface StringFindings {
  /** dates/valid and dates/order. */
  dates: Finding[];
  /** privacy/contact-data. */
  contactData: Finding[];
}

/**
 * The date and contact-data findings of `documents`. Depth first, a container's own values before its
 * children, children last to first: the order in which both checks have always made their findings
 * (it decides which are kept past MAX_PROBLEMS_PER_FILE). checkFiles walks once and gives the result
 * to the rule in its context (RuleContext.strings).
 */
export function walkStrings(documents: readonly LoadedDocument[]): StringFindings {
  const dates: Finding[] = [];
  const contactData: Finding[] = [];
  // The keys and indices down to the value being read; a pointer is built only for a finding.
  const path: Array<string | number> = [];
  const at = (key?: string) => pointerOf(path, key);
  const contact = (doc: LoadedDocument, value: string, last: string | number) => {
    const what = contactDataIn(value);
    if (what) contactData.push({ doc, pointer: pointerOf(path, last), ruleId: CONTACT_DATA_RULE, message: t('privacy/contact-data.found', { what }) });
  };
  // `key`: the mapping key the node is under (a list's items are read as its key's values).
  const visit = (doc: LoadedDocument, node: object, key: string): void => {
    if (Array.isArray(node)) {
      const items: unknown[] = node;
      let containers = 0;
      const url = URL_KEYS.has(key);
      for (let i = 0; i < items.length; i++) {
        const item = items[i];
        if (typeof item === 'string') {
          if (!url) contact(doc, item, i);
        } else if (item !== null && typeof item === 'object') containers++;
      }
      if (containers === 0) return;
      for (let i = items.length - 1; i >= 0; i--) {
        const item = items[i];
        if (item === null || typeof item !== 'object') continue;
        path.push(i);
        visit(doc, item, key);
        path.pop();
      }
      return;
    }
    const record = node as Record<string, unknown>;
    // The keys and the values side by side: a document's mappings come in many shapes, and looking
    // each value up by its key (a megamorphic load) cost more than the rest of the walk.
    const keys = Object.keys(record);
    const values = Object.values(record);
    let spans = 0;
    let containers = 0;
    for (let i = 0; i < keys.length; i++) {
      const value = values[i];
      if (typeof value === 'string') {
        const k = keys[i]!;
        // A value in a date's shape holds no contact data (eight digits at most, no letter, no @):
        // the dates of a road map are most of its strings with digits.
        let isDate = false;
        if (DATE_KEYS.has(k)) {
          spans |= spanBit(k);
          isDate = checkDateValue(doc, k, value, at, dates);
        }
        if (!isDate && !URL_KEYS.has(k)) contact(doc, value, k);
      } else if (value !== null && typeof value === 'object') containers++;
    }
    if (spans !== 0) checkDateOrder(doc, record, spans, at, dates);
    if (containers === 0) return;
    for (let i = keys.length - 1; i >= 0; i--) {
      const value = values[i];
      if (value === null || typeof value !== 'object') continue;
      const k = keys[i]!;
      path.push(k);
      visit(doc, value, k);
      path.pop();
    }
  };
  for (const doc of documents) visit(doc, doc.value, '');
  return { dates, contactData };
}
