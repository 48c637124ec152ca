// Objectives are measurable: each has at least one indicator with a baseline and a target, so the
// final event can report results, not intentions (5.1.1: state of the art, results).
import type { Finding } from '../finding.js';
import { t } from '../../i18n/messages.js';
import { arr, obj, objects, str } from '../values.js';
import { documentsOf, type MethodRule } from './rule.js';

export const rule: MethodRule = {
  meta: {
    id: 'roadmap/evidence',
    severity: 'warning',
    adjustable: true,
    section: '5.1.1',
  },
  check(context) {
    const findings: Finding[] = [];
    for (const doc of documentsOf(context, 'roadmap')) {
      if (arr(doc.value.objectives).length === 0) {
        findings.push({ doc, pointer: '', ruleId: rule.meta.id, message: t('roadmap/evidence.no-objectives') });
        continue;
      }
      for (const [objective, pointer] of objects(doc.value.objectives, '/objectives')) {
        const measured = objects(objective.indicators, pointer, 'indicators').some(([i]) => obj(i.baseline) && obj(i.target));
        if (measured) continue;
        findings.push({
          doc,
          pointer: arr(objective.indicators).length ? `${pointer}/indicators` : pointer,
          ruleId: rule.meta.id,
          message: t('roadmap/evidence.no-indicator', { objective: str(objective.id) ?? '' }),
        });
      }
    }
    return findings;
  },
};
