// A monitored road map that runs on after the programme gets a report from after the programme (or an
// ex-post review): support ends, the priorities continue (3.2.4).
import { isCalendarDate, lastDay } from '../../calendar/dates.js';
import { t } from '../../i18n/messages.js';
import type { Finding } from '../finding.js';
import { addMonths } from '../../calendar/periods.js';
import { programmeEnd, progressByRoadmap } from '../progress.js';
import { obj, str } from '../values.js';
import { documentsOf, type MethodRule } from './rule.js';

/** Months after the programme's end by which an after-programme report is expected (ex-post reviews come 6–12 months after). */
export const AFTER_MONTHS = 6;

export const rule: MethodRule = {
  meta: {
    id: 'progress/after-programme',
    severity: 'warning',
    summaryValues: { months: AFTER_MONTHS },
    adjustable: true,
    section: '3.2.4',
  },
  check(context) {
    const findings: Finding[] = [];
    const end = programmeEnd(context.index.workspace);
    if (!end || addMonths(end, AFTER_MONTHS) >= context.today) return findings;
    const history = progressByRoadmap(context.documents);
    for (const doc of documentsOf(context, 'roadmap')) {
      const reports = history.get(str(doc.value.id) ?? '') ?? [];
      const monitored = reports.length > 0 || str(obj(doc.value.monitoring)?.reporting) !== undefined;
      const roadmapEnd = str(obj(doc.value.period)?.end);
      if (!monitored || !roadmapEnd || !isCalendarDate(roadmapEnd) || lastDay(roadmapEnd) <= end) continue;
      if (reports.some((r) => r.value.stage === 'after' || r.value.stage === 'ex-post')) continue;
      findings.push({
        doc,
        pointer: '/period/end',
        ruleId: rule.meta.id,
        message: t('progress/after-programme.none', { roadmapEnd, end }),
      });
    }
    return findings;
  },
};
