// Shared documents name organisations and roles, never personal contact data: the files travel
// through repositories, CI logs and public reports.
import { pointerOf } from '../../diagnostics.js';
import { t } from '../../i18n/messages.js';
import type { Finding } from '../finding.js';
import type { Obj } from '../values.js';
import type { LoadedDocument } from '../../workspace/load.js';
import type { MethodRule } from './rule.js';

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u;
// International numbers (+39 02 1234 5678, 0039…: nine digits at least, as every country code
// with a subscriber number has, so "+15 000 000 residents" is a figure), or a number after a phone keyword.
// National numbers are a trunk 0 and nine digits (0661234567, 06 61 23 45 67, 06.61.23.45.67), as in
// Morocco, France, Tunisia's neighbours and Albania's mobiles (06x): read only when nothing but
// separators joins the digits, so an id, a decimal or a figure such as 0.661 stays text.
const PHONE = /(?:^|[^\p{L}\p{N}])(?:\+|00)\d(?:[\s().-]*\d){8,}|(?:^|[^\p{L}\p{N}.,/-])0[1-9](?:[\s.-]?\d){8}(?![\p{N}\p{L}])|\b(?:tel|t\u00e9l|phone|telefono|cell|mobile|mob|fax)\.?\s*:?\s*\(?\d[\d\s().-]{5,}\d/iu;
// Cheap tests that every match of the patterns above passes, so the Unicode-aware patterns only
// run on the few strings that could hold contact data: an address needs an `@`; a number a run of
// at least seven digits and separators, and then either nine digits (the international and
// national forms) or a phone keyword (what the third form starts with, in PHONE's own flags: a
// date, 2024-03-01, has eight digits and no keyword, and is no longer given to PHONE).
const MAY_BE_EMAIL = (text: string) => text.includes('@');
const MAY_BE_PHONE = /\d[\d\s().-]{5,}\d/;
const PHONE_KEYWORD = /t[e\u00e9]l|phone|cell|mob|fax/iu;
const PHONE_DIGITS = 9;
const URL_KEYS = new Set(['url']);

/** The patterns contactDataIn stands for, without its cheap tests (for the test that holds them equal). */
export const CONTACT_PATTERNS = { EMAIL, PHONE } as const;

/** What contact data a text holds, in words (`an e-mail address`), or undefined. */
export function contactDataIn(value: string): 'email' | 'phone' | undefined {
  if (MAY_BE_EMAIL(value) && EMAIL.test(value)) return 'email';
  return MAY_BE_PHONE.test(value) && (hasDigits(value, PHONE_DIGITS) || PHONE_KEYWORD.test(value)) && PHONE.test(value) ? 'phone' : undefined;
}

/** Whether `text` holds at least `count` ASCII digits (`\d` in a Unicode pattern). */
function hasDigits(text: string, count: number): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57 && --count === 0) return true;
  }
  return false;
}

export const rule: MethodRule = {
  meta: {
    id: 'privacy/contact-data',
    severity: 'error',
    adjustable: true,
    section: '4.4',
  },
  check(context) {
    const findings: Finding[] = [];
    // The keys and indices down to the value being read; a pointer is built only for a finding.
    const path: Array<string | number> = [];
    // Depth first, a container's own strings before its children, children last to first: the order
    // findings have always come in (it decides which are kept past MAX_PROBLEMS_PER_FILE).
    const visit = (doc: LoadedDocument, node: Obj | unknown[], key: string): void => {
      const isList = Array.isArray(node);
      const keys = isList ? undefined : Object.keys(node);
      // The values in a list of their own: looking each up by its key, in mappings of many shapes
      // (a megamorphic load), cost more than the rest of the walk.
      const values: unknown[] = isList ? node : Object.values(node);
      const length = values.length;
      let containers = 0;
      for (let i = 0; i < length; i++) {
        const childKey = isList ? key : keys![i]!;
        const value = values[i];
        if (typeof value === 'string') {
          if (URL_KEYS.has(childKey)) continue;
          const what = contactDataIn(value);
          if (what) {
            findings.push({ doc, pointer: pointerOf(path, isList ? i : childKey), ruleId: rule.meta.id, message: t('privacy/contact-data.found', { what }) });
          }
        } else if (value !== null && typeof value === 'object') {
          containers++;
        }
      }
      if (containers === 0) return;
      for (let i = length - 1; i >= 0; i--) {
        const childKey = isList ? key : keys![i]!;
        const value = values[i];
        if (value === null || typeof value !== 'object') continue;
        path.push(isList ? i : childKey);
        visit(doc, value as Obj | unknown[], childKey);
        path.pop();
      }
    };
    for (const doc of context.documents) visit(doc, doc.value, '');
    return findings;
  },
};
