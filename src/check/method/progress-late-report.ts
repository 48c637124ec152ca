// A road map that says how often it reports gets a progress report that often, with a grace period
// for writing it (5.1.2: monitoring at every stage of implementation).
import { firstDay, isCalendarDate, lastDay } from '../../calendar/dates.js';
import { selector, t } from '../../i18n/messages.js';
import type { Finding } from '../finding.js';
import { addDays, addMonths, periodRange } from '../../calendar/periods.js';
import { progressByRoadmap, REPORTING_MONTHS } from '../progress.js';
import { obj, str } from '../values.js';
import { documentsOf, type MethodRule } from './rule.js';

/** Days allowed after a reporting period ends for its report to be written. */
export const GRACE_DAYS = 60;

export const rule: MethodRule = {
  meta: {
    id: 'progress/late-report',
    severity: 'warning',
    summaryValues: { days: GRACE_DAYS },
    adjustable: true,
    section: '5.1.2',
  },
  check(context) {
    const findings: Finding[] = [];
    const history = progressByRoadmap(context.documents);
    for (const doc of documentsOf(context, 'roadmap')) {
      const reporting = str(obj(doc.value.monitoring)?.reporting);
      const months = reporting ? REPORTING_MONTHS[reporting] : undefined;
      const period = obj(doc.value.period);
      const start = str(period?.start);
      if (!months || !start || !isCalendarDate(start)) continue;
      const end = str(period?.end);
      const roadmapEnd = end && isCalendarDate(end) ? lastDay(end) : undefined;
      const reports = history.get(str(doc.value.id) ?? '') ?? [];
      const latest = reports.length ? reports[reports.length - 1]!.value.period as string : undefined;
      // The last day covered so far: the latest report's period, or the day before the road map starts.
      const covered = latest ? periodRange(latest)!.end : addDays(firstDay(start), -1);
      if (roadmapEnd !== undefined && covered >= roadmapEnd) continue;
      const nextEnd = addMonths(addDays(covered, 1), months);
      const due = addDays(addDays(nextEnd, -1), GRACE_DAYS);
      if (due >= context.today) continue;
      findings.push({
        doc,
        pointer: '/monitoring/reporting',
        ruleId: rule.meta.id,
        message: t(latest ? 'progress/late-report.next' : 'progress/late-report.first', {
          reporting: selector(reporting ?? ''),
          latest: latest ?? '',
          start: start ?? '',
          due,
          file: `municipalities/${str(doc.value.municipality) ?? '<slug>'}/progress/${str(doc.value.id) ?? '<id>'}-<period>.yaml`,
        }),
      });
    }
    return findings;
  },
};
