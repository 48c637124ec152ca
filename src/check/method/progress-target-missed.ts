// An indicator whose target date has passed and whose latest value falls short of the target is
// reported, so the road map's results are reviewed, not assumed (4.3: objectives and results).
import { isCalendarDate, lastDay } from '../../calendar/dates.js';
import { t } from '../../i18n/messages.js';
import type { Finding } from '../finding.js';
import { numberOf, progressByRoadmap, readings, roadmapIndicators } from '../progress.js';
import { obj, str } from '../values.js';
import { documentsOf, type MethodRule } from './rule.js';

export const rule: MethodRule = {
  meta: {
    id: 'progress/target-missed',
    severity: 'warning',
    adjustable: true,
    section: '4.3',
  },
  check(context) {
    const findings: Finding[] = [];
    const history = progressByRoadmap(context.documents);
    for (const doc of documentsOf(context, 'roadmap')) {
      const reports = history.get(str(doc.value.id) ?? '') ?? [];
      for (const [indicator, pointer] of roadmapIndicators(doc.value)) {
        const target = numberOf(indicator.target);
        const due = str(obj(indicator.target)?.date);
        if (target === undefined || !due || !isCalendarDate(due) || lastDay(due) >= context.today) continue;
        const id = str(indicator.id);
        const measured = id !== undefined ? readings(reports, id).filter((r) => typeof r.value === 'number') : [];
        const latest = measured.length ? (measured[measured.length - 1]!.value as number) : numberOf(indicator.current);
        if (latest === undefined) continue; // never measured: progress/never-measured says so
        const baseline = numberOf(indicator.baseline);
        const decreasing = baseline !== undefined && target < baseline;
        if (decreasing ? latest <= target : latest >= target) continue;
        findings.push({
          doc,
          pointer: `${pointer}/target`,
          ruleId: rule.meta.id,
          message: t('progress/target-missed.missed', { indicator: id ?? str(indicator.name) ?? '', target: String(target), due, latest: String(latest) }),
        });
      }
    }
    return findings;
  },
};
