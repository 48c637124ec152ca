// More than one municipal department takes part in a road map's working group: mainstreaming is
// cross-sectoral by nature (4.4, 4.5).
import type { Finding } from '../finding.js';
import { t } from '../../i18n/messages.js';
import { objects, str } from '../values.js';
import { documentsOf, type MethodRule } from './rule.js';

export const rule: MethodRule = {
  meta: {
    id: 'roadmap/cross-sectoral',
    severity: 'warning',
    adjustable: true,
    section: '4.5',
  },
  check(context) {
    const findings: Finding[] = [];
    if (!context.index.checksStakeholders) return findings;
    for (const doc of documentsOf(context, 'roadmap')) {
      const departments = new Set<string>();
      for (const [member] of objects(doc.value.working_group, '/working_group')) {
        const id = str(member.stakeholder);
        if (id && context.index.stakeholders.get(id)?.value.type === 'municipal-department') departments.add(id);
      }
      if (departments.size >= 2) continue;
      findings.push({
        doc,
        pointer: doc.value.working_group === undefined ? '' : '/working_group',
        ruleId: rule.meta.id,
        message:
          departments.size === 1 ? t('roadmap/cross-sectoral.one-department', { department: [...departments][0]! }) : t('roadmap/cross-sectoral.no-department'),
      });
    }
    return findings;
  },
};
