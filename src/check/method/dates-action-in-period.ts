// A road map's actions happen within the road map's own period (3.2.4: actions, roles, timing).
import { firstDay, isCalendarDate, lastDay } from '../../calendar/dates.js';
import { t } from '../../i18n/messages.js';
import type { Finding } from '../finding.js';
import { obj, objects, str } from '../values.js';
import { documentsOf, type MethodRule } from './rule.js';

export const rule: MethodRule = {
  meta: {
    id: 'dates/action-in-period',
    severity: 'warning',
    adjustable: true,
    section: '3.2.4',
  },
  check(context) {
    const findings: Finding[] = [];
    for (const doc of documentsOf(context, 'roadmap')) {
      const period = obj(doc.value.period);
      const start = str(period?.start);
      const end = str(period?.end);
      const from = start && isCalendarDate(start) ? firstDay(start) : undefined;
      const to = end && isCalendarDate(end) ? lastDay(end) : undefined;
      if (!from && !to) continue;
      for (const [action, pointer] of objects(doc.value.actions, '/actions')) {
        const name = str(action.id) ?? str(action.title) ?? '';
        const aStart = str(action.start);
        const aEnd = str(action.end);
        const startsAt = aStart && isCalendarDate(aStart) ? aStart : undefined;
        const endsAt = aEnd && isCalendarDate(aEnd) ? aEnd : undefined;
        // An action wholly outside the period is one finding, on the date that shows it.
        if (to && startsAt && firstDay(startsAt) > to) {
          findings.push({ doc, pointer: `${pointer}/start`, ruleId: rule.meta.id, message: t('dates/action-in-period.starts-after-end', { action: name, date: startsAt, end: end! }) });
          continue;
        }
        if (from && endsAt && lastDay(endsAt) < from) {
          findings.push({ doc, pointer: `${pointer}/end`, ruleId: rule.meta.id, message: t('dates/action-in-period.ends-before-start', { action: name, date: endsAt, start: start! }) });
          continue;
        }
        if (from && startsAt && lastDay(startsAt) < from) {
          findings.push({ doc, pointer: `${pointer}/start`, ruleId: rule.meta.id, message: t('dates/action-in-period.starts-before-start', { action: name, date: startsAt, start: start! }) });
        }
        if (to && endsAt && firstDay(endsAt) > to) {
          findings.push({ doc, pointer: `${pointer}/end`, ruleId: rule.meta.id, message: t('dates/action-in-period.ends-after-end', { action: name, date: endsAt, end: end! }) });
        }
      }
    }
    return findings;
  },
};
