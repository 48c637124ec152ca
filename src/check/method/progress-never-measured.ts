// Once a road map is reported on, every indicator gets a value: an indicator nobody measures cannot
// show results (3.2.1: the partner guarantees monitoring and evaluation).
import type { Finding } from '../finding.js';
import { t } from '../../i18n/messages.js';
import { progressByRoadmap, readings, roadmapIndicators } from '../progress.js';
import { str } from '../values.js';
import { documentsOf, type MethodRule } from './rule.js';

export const rule: MethodRule = {
  meta: {
    id: 'progress/never-measured',
    severity: 'warning',
    adjustable: true,
    section: '3.2.1',
  },
  check(context) {
    const findings: Finding[] = [];
    const history = progressByRoadmap(context.documents);
    for (const doc of documentsOf(context, 'roadmap')) {
      const reports = history.get(str(doc.value.id) ?? '') ?? [];
      if (reports.length === 0) continue;
      for (const [indicator, pointer] of roadmapIndicators(doc.value)) {
        const id = str(indicator.id);
        if (id === undefined) {
          findings.push({ doc, pointer, ruleId: rule.meta.id, message: t('progress/never-measured.no-id', { name: str(indicator.name) ?? '' }) });
          continue;
        }
        // A latest value recorded on the road map itself (`current`) counts as a measurement.
        if (readings(reports, id).length > 0 || indicator.current !== undefined) continue;
        findings.push({
          doc,
          pointer: `${pointer}/id`,
          ruleId: rule.meta.id,
          message: t('progress/never-measured.never', { indicator: id, reports: reports.length, latest: String(reports[reports.length - 1]!.value.period) }),
        });
      }
    }
    return findings;
  },
};
