// Every phase gets the time it needs: the pilot's lessons ask for an appropriate duration for each
// phase, from start to end, and time for the municipalities to reshape their policies (4.6, 4.7,
// 5.1.2). A workspace sets the shortest length it accepts per phase (calendar.minimum_days).
import { firstDay, isCalendarDate, lastDay } from '../../calendar/dates.js';
import { t } from '../../i18n/messages.js';
import type { Finding } from '../finding.js';
import { obj, str } from '../values.js';
import { PHASES } from './calendar-phase-order.js';
import type { MethodRule } from './rule.js';

export const rule: MethodRule = {
  meta: {
    id: 'calendar/phase-length',
    severity: 'warning',
    summary: 'Each phase lasts at least the minimum lamd.yaml sets for it (calendar.minimum_days).',
    adjustable: true,
    section: '4.7',
  },
  check(context) {
    const workspace = context.index.workspace;
    const calendar = obj(workspace?.value.calendar);
    const minimum = obj(calendar?.minimum_days);
    if (!workspace || !calendar || !minimum) return [];
    const findings: Finding[] = [];
    for (const phase of PHASES) {
      const days = minimum[phase];
      const period = obj(calendar[phase]);
      const start = str(period?.start);
      const end = str(period?.end);
      if (typeof days !== 'number' || !start || !end || !isCalendarDate(start) || !isCalendarDate(end)) continue;
      // Both ends count: a phase from 1 to 31 March lasts 31 days.
      const length = Math.round((Date.parse(`${lastDay(end)}T00:00:00Z`) - Date.parse(`${firstDay(start)}T00:00:00Z`)) / 86_400_000) + 1;
      if (length >= days || length <= 0) continue;
      findings.push({ doc: workspace, pointer: `/calendar/${phase}`, ruleId: rule.meta.id, message: t('calendar/phase-length.too-short', { phase, length, days }) });
    }
    return findings;
  },
};
