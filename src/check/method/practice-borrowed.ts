// A practice marked as borrowed names the municipality that borrowed it, which is another member
// of the network (3.2.3, 5.1.1: practices identified, shared, validated, possibly borrowed).
import type { Finding } from '../finding.js';
import { t } from '../../i18n/messages.js';
import { arr, obj, objects, str } from '../values.js';
import { documentsOf, type MethodRule } from './rule.js';

export const rule: MethodRule = {
  meta: {
    id: 'practice/borrowed',
    severity: 'error',
    adjustable: true,
    section: '3.2.3',
  },
  check(context) {
    const findings: Finding[] = [];
    for (const doc of documentsOf(context, 'practice')) {
      const capitalization = obj(doc.value.capitalization);
      const owner = str(doc.value.municipality);
      const borrowers = arr(capitalization?.borrowed_by);
      if (capitalization?.stage === 'borrowed' && borrowers.length === 0) {
        findings.push({
          doc,
          pointer: '/capitalization/stage',
          ruleId: rule.meta.id,
          message: t('practice/borrowed.by-whom'),
        });
      }
      for (const [borrower, pointer] of objects(capitalization?.borrowed_by, '/capitalization/borrowed_by')) {
        if (owner && borrower.municipality === owner) {
          findings.push({ doc, pointer: `${pointer}/municipality`, ruleId: rule.meta.id, message: t('practice/borrowed.by-owner', { owner }) });
        }
      }
    }
    return findings;
  },
};
