// Actions whose end has passed but that are not marked done are reported, so monitoring keeps up
// (3.2.4, 5.1.2: monitoring of road maps). "Today" is settable with --today for reproducible CI.
import { isOverdue } from '../../calendar/overdue.js';
import { selector, t } from '../../i18n/messages.js';
import type { Finding } from '../finding.js';
import { latestActionStatus, progressByRoadmap } from '../progress.js';
import { objects, str } from '../values.js';
import { documentsOf, type MethodRule } from './rule.js';

export const rule: MethodRule = {
  meta: {
    id: 'dates/overdue',
    severity: 'warning',
    adjustable: true,
    section: '5.1.2',
  },
  check(context) {
    const findings: Finding[] = [];
    const history = progressByRoadmap(context.documents);
    for (const doc of documentsOf(context, 'roadmap')) {
      const reports = history.get(str(doc.value.id) ?? '') ?? [];
      for (const [action, pointer] of objects(doc.value.actions, '/actions')) {
        const end = str(action.end);
        // The latest progress report that mentions the action knows better than the road map.
        const latest = latestActionStatus(reports, action);
        const status = latest.status ?? 'planned';
        if (!isOverdue(end, status, context.today)) continue;
        // `as of` puts today's date on the finding, not on the report, which has its own period.
        const period = latest.period ?? '';
        findings.push({
          doc,
          pointer: `${pointer}/${action.status === undefined ? 'end' : 'status'}`,
          ruleId: rule.meta.id,
          message: t(period ? 'dates/overdue.overdue-reported' : 'dates/overdue.overdue', { action: str(action.id) ?? '', end: end ?? '', today: context.today, status: selector(status), period }),
        });
      }
    }
    return findings;
  },
};
