// Shared documents name organisations and roles, never personal contact data: the files travel
// through repositories, CI logs and public reports.
import type { MethodRule } from './rule.js';
import { walkStrings } from '../string-walk.js';

export const rule: MethodRule = {
  meta: {
    id: 'privacy/contact-data',
    severity: 'error',
    adjustable: true,
    section: '4.4',
  },
  // The strings are read in the walk the date checks make over the same documents (string-walk.ts).
  check: (context) => walkStrings(context.documents).contactData,
};
