// A value reported for an indicator says where it can be checked: results a donor or a peer cannot
// verify are claims (3.2.1: monitoring and evaluation).
import type { Finding } from '../finding.js';
import { t } from '../../i18n/messages.js';
import { roadmapIndicators } from '../progress.js';
import { objects, str } from '../values.js';
import { documentsOf, type MethodRule } from './rule.js';

export const rule: MethodRule = {
  meta: {
    id: 'progress/verification',
    severity: 'warning',
    adjustable: true,
    section: '3.2.1',
  },
  check(context) {
    const findings: Finding[] = [];
    for (const doc of documentsOf(context, 'progress')) {
      const roadmap = context.index.roadmaps.get(str(doc.value.roadmap) ?? '')?.value;
      const verified = new Set<string>();
      const known = new Set<string>();
      for (const [indicator] of roadmap ? roadmapIndicators(roadmap) : []) {
        if (typeof indicator.id !== 'string') continue;
        known.add(indicator.id);
        if (str(indicator.means_of_verification)) verified.add(indicator.id);
      }
      for (const [entry, pointer] of objects(doc.value.indicators, '/indicators')) {
        const id = str(entry.indicator);
        // An indicator the road map does not have is references/indicator's to report.
        if (entry.actual === undefined || id === undefined || !known.has(id) || str(entry.means_of_verification) || verified.has(id)) continue;
        findings.push({
          doc,
          pointer: `${pointer}/actual`,
          ruleId: rule.meta.id,
          message: t('progress/verification.none', { indicator: id }),
        });
      }
    }
    return findings;
  },
};
