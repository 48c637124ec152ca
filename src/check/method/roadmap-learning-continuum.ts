// A road map builds on at least one capitalized practice: capitalization and road maps form one
// learning continuum (3.2.4, 5.1.2).
import type { Finding } from '../finding.js';
import { t } from '../../i18n/messages.js';
import { obj, str, strings } from '../values.js';
import { documentsOf, type MethodRule } from './rule.js';

const CAPITALIZED = new Set(['shared', 'validated', 'borrowed']);

export const rule: MethodRule = {
  meta: {
    id: 'roadmap/learning-continuum',
    severity: 'warning',
    adjustable: true,
    section: '5.1.2',
  },
  check(context) {
    const findings: Finding[] = [];
    for (const doc of documentsOf(context, 'roadmap')) {
      const listed = strings(doc.value.builds_on, '/builds_on');
      if (listed.length === 0) {
        findings.push({
          doc,
          pointer: '',
          ruleId: rule.meta.id,
          message: t('roadmap/learning-continuum.none'),
        });
        continue;
      }
      // Unknown ids are reported by references/practice; judge only the practices that exist.
      const known = listed.filter(([id]) => context.index.practices.has(id));
      if (known.length === 0) continue;
      const capitalized = known.some(([id]) => CAPITALIZED.has(str(obj(context.index.practices.get(id)!.value.capitalization)?.stage) ?? ''));
      if (!capitalized) {
        findings.push({
          doc,
          pointer: '/builds_on',
          ruleId: rule.meta.id,
          message: t('roadmap/learning-continuum.not-shared', { practices: known.map(([id]) => `\`${id}\``).join(', ') }),
        });
      }
    }
    return findings;
  },
};
