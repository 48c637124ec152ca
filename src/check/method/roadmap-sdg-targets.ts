// A road map names the targets of its goal it works towards, not only the goal (3.2.4, 5.1.1).
import type { Finding } from '../finding.js';
import { t } from '../../i18n/messages.js';
import { arr, obj } from '../values.js';
import { documentsOf, type MethodRule } from './rule.js';

export const rule: MethodRule = {
  meta: {
    id: 'roadmap/sdg-targets',
    severity: 'warning',
    adjustable: true,
    section: '3.2.4',
  },
  check(context) {
    const findings: Finding[] = [];
    for (const doc of documentsOf(context, 'roadmap')) {
      const sdg = obj(doc.value.sdg);
      // A goal the sources do not give has no targets to name either (roadmap/single-sdg speaks of it).
      if (!sdg || sdg.not_recorded === true || sdg.goal === undefined || arr(sdg.targets).length > 0) continue;
      findings.push({
        doc,
        pointer: '/sdg',
        ruleId: rule.meta.id,
        message: t('roadmap/sdg-targets.none', { goal: String(sdg.goal ?? '') }),
      });
    }
    return findings;
  },
};
