// Shared documents name organisations and roles, never personal contact data: the files travel
// through repositories, CI logs and public reports.
import { pointerSegment } from '../../diagnostics.js';
import type { Finding } from '../finding.js';
import type { MethodRule } from './rule.js';

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u;
// International numbers (+39 02 1234 5678, 0039…: nine digits at least, as every country code
// with a subscriber number has, so "+15 000 000 residents" is a figure), or a number after a phone keyword.
const PHONE = /(?:^|[^\p{L}\p{N}])(?:\+|00)\d(?:[\s().-]*\d){8,}|\b(?:tel|tél|phone|telefono|cell|mobile|mob|fax)\.?\s*:?\s*\(?\d[\d\s().-]{5,}\d/iu;
// Cheap tests that every match of the patterns above passes, so the Unicode-aware patterns only
// run on the few strings that could hold contact data: an address needs an `@`, a number a run of
// at least seven digits and separators.
const MAY_BE_EMAIL = (text: string) => text.includes('@');
const MAY_BE_PHONE = /\d[\d\s().-]{5,}\d/;
const URL_KEYS = new Set(['url']);

export const rule: MethodRule = {
  meta: {
    id: 'privacy/contact-data',
    severity: 'error',
    summary: 'No e-mail addresses or phone numbers in the documents.',
    adjustable: true,
    section: '4.4',
  },
  check(context) {
    const findings: Finding[] = [];
    for (const doc of context.documents) {
      const stack: Array<[unknown, string, string]> = [[doc.value, '', '']];
      while (stack.length) {
        const [node, pointer, key] = stack.pop()!;
        if (typeof node === 'string') {
          if (URL_KEYS.has(key)) continue;
          const what = MAY_BE_EMAIL(node) && EMAIL.test(node) ? 'an e-mail address' : MAY_BE_PHONE.test(node) && PHONE.test(node) ? 'a phone number' : undefined;
          if (what) {
            findings.push({
              doc,
              pointer,
              ruleId: rule.meta.id,
              message: `This text contains ${what}. lamd documents are shared in repositories and reports: name the organisation or the role instead of a person's contact details.`,
            });
          }
        } else if (Array.isArray(node)) {
          node.forEach((v, i) => stack.push([v, `${pointer}/${i}`, key]));
        } else if (node !== null && typeof node === 'object') {
          for (const [k, v] of Object.entries(node)) stack.push([v, `${pointer}/${pointerSegment(k)}`, k]);
        }
      }
    }
    return findings;
  },
};
