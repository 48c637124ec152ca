// Shared documents name organisations and roles, never personal contact data: the files travel
// through repositories, CI logs and public reports.
import type { MethodRule } from './rule.js';
import { CONTACT_DATA_RULE } from '../contact-data.js';
import { walkStrings } from '../string-walk.js';

export const rule: MethodRule = {
  meta: {
    id: CONTACT_DATA_RULE,
    severity: 'error',
    adjustable: true,
    section: '4.4',
  },
  // The strings are read in the walk the date checks make over the same documents (string-walk.ts),
  // which the check gives in the context; a rule run on its own walks them itself.
  check: (context) => (context.strings ?? walkStrings(context.documents)).contactData,
};
