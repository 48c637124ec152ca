// The progress reports of one road map cover periods that do not overlap, so no value is counted
// twice and the trend reads period after period (3.2.1: monitoring).
import type { Finding } from '../finding.js';
import { periodRange, periodsOverlap } from '../../calendar/periods.js';
import { progressByRoadmap } from '../progress.js';
import { t } from '../../i18n/messages.js';
import type { MethodRule } from './rule.js';

export const rule: MethodRule = {
  meta: {
    id: 'progress/overlapping-periods',
    severity: 'error',
    adjustable: true,
    section: '3.2.1',
  },
  check(context) {
    const findings: Finding[] = [];
    for (const [roadmap, reports] of progressByRoadmap(context.documents)) {
      for (let i = 0; i < reports.length; i++) {
        for (let j = 0; j < i; j++) {
          const [a, b] = [reports[j]!, reports[i]!];
          const [pa, pb] = [a.value.period as string, b.value.period as string];
          if (pa === pb) continue; // the same period twice is ids/unique
          if (!periodsOverlap(periodRange(pa)!, periodRange(pb)!)) continue;
          findings.push({
            doc: b,
            pointer: '/period',
            ruleId: rule.meta.id,
            message: t('progress/overlapping-periods.overlap', { roadmap, period: pa, file: a.file, other: pb }),
          });
          break;
        }
      }
    }
    return findings;
  },
};
