// Shared documents name organisations and roles, never personal contact data: the files travel
// through repositories, CI logs and public reports.
import { pointerSegment } from '../../diagnostics.js';
import { t } from '../../i18n/messages.js';
import type { Finding } from '../finding.js';
import type { Obj } from '../values.js';
import type { MethodRule } from './rule.js';

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u;
// International numbers (+39 02 1234 5678, 0039…: nine digits at least, as every country code
// with a subscriber number has, so "+15 000 000 residents" is a figure), or a number after a phone keyword.
// National numbers are a trunk 0 and nine digits (0661234567, 06 61 23 45 67, 06.61.23.45.67), as in
// Morocco, France, Tunisia's neighbours and Albania's mobiles (06x): read only when nothing but
// separators joins the digits, so an id, a decimal or a figure such as 0.661 stays text.
const PHONE = /(?:^|[^\p{L}\p{N}])(?:\+|00)\d(?:[\s().-]*\d){8,}|(?:^|[^\p{L}\p{N}.,/-])0[1-9](?:[\s.-]?\d){8}(?![\p{N}\p{L}])|\b(?:tel|t\u00e9l|phone|telefono|cell|mobile|mob|fax)\.?\s*:?\s*\(?\d[\d\s().-]{5,}\d/iu;
// Cheap tests that every match of the patterns above passes, so the Unicode-aware patterns only
// run on the few strings that could hold contact data: an address needs an `@`, a number a run of
// at least seven digits and separators.
const MAY_BE_EMAIL = (text: string) => text.includes('@');
const MAY_BE_PHONE = /\d[\d\s().-]{5,}\d/;
const URL_KEYS = new Set(['url']);

/** What contact data a text holds, in words (`an e-mail address`), or undefined. */
export function contactDataIn(value: string): 'email' | 'phone' | undefined {
  return MAY_BE_EMAIL(value) && EMAIL.test(value) ? 'email' : MAY_BE_PHONE.test(value) && PHONE.test(value) ? 'phone' : undefined;
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
    for (const doc of context.documents) {
      // Pointers are built for containers only; a string's pointer only when it holds contact data.
      const stack: Array<[Obj | unknown[], string, string]> = [[doc.value, '', '']];
      while (stack.length) {
        const [node, pointer, key] = stack.pop()!;
        const visit = (value: unknown, segment: string | number, childKey: string) => {
          if (typeof value === 'string') {
            if (URL_KEYS.has(childKey)) return;
            const what = contactDataIn(value);
            if (what) {
              findings.push({
                doc,
                pointer: `${pointer}/${pointerSegment(segment)}`,
                ruleId: rule.meta.id,
                message: t('privacy/contact-data.found', { what }),
              });
            }
          } else if (value !== null && typeof value === 'object') {
            stack.push([value as Obj | unknown[], `${pointer}/${pointerSegment(segment)}`, childKey]);
          }
        };
        if (Array.isArray(node)) for (let i = 0; i < node.length; i++) visit(node[i], i, key);
        else for (const k in node) visit(node[k], k, k);
      }
    }
    return findings;
  },
};
