// A municipality's milestone whose due date has passed is marked done or given a new date, so the
// calendar keeps up with each municipality's own pace (4.6: the municipalities did not proceed at the
// same pace, and the project's timeline did not match theirs).
import { isCalendarDate, lastDay } from '../../calendar/dates.js';
import { t } from '../../i18n/messages.js';
import type { Finding } from '../finding.js';
import { objects, str } from '../values.js';
import type { MethodRule } from './rule.js';

export const rule: MethodRule = {
  meta: {
    id: 'calendar/milestone-overdue',
    severity: 'warning',
    adjustable: true,
    section: '4.6',
  },
  check(context) {
    const workspace = context.index.workspace;
    if (!workspace) return [];
    const findings: Finding[] = [];
    for (const [municipality, pointer] of objects(workspace.value.municipalities, '/municipalities')) {
      for (const [milestone, at] of objects(municipality.milestones, pointer, 'milestones')) {
        const due = str(milestone.due);
        if (!due || !isCalendarDate(due) || milestone.done !== undefined || lastDay(due) >= context.today) continue;
        findings.push({ doc: workspace, pointer: `${at}/due`, ruleId: rule.meta.id, message: t('calendar/milestone-overdue.overdue', { title: str(milestone.title) ?? '', slug: str(municipality.slug) ?? '', due, today: context.today }) });
      }
    }
    return findings;
  },
};
