// Road maps and activities happen inside or after the phase calendar of lamd.yaml, not before the
// phase they belong to (3.2, 4.7: the timeline is designed phase by phase).
import { firstDay, isCalendarDate } from '../../calendar/dates.js';
import { selector, t } from '../../i18n/messages.js';
import type { Finding } from '../finding.js';
import { obj, str } from '../values.js';
import { documentsOf, type MethodRule } from './rule.js';

const PHASE_OF_ACTIVITY: Record<string, string> = {
  training: 'profile',
  'internal-consultation': 'capitalization',
  'peer-exchange': 'capitalization',
  'final-event': 'final',
};


export const rule: MethodRule = {
  meta: {
    id: 'dates/calendar',
    severity: 'warning',
    adjustable: true,
    section: '4.7',
  },
  check(context) {
    const findings: Finding[] = [];
    const calendar = obj(context.index.workspace?.value.calendar);
    if (!calendar) return findings;
    const phaseStart = (phase: string): string | undefined => {
      const start = str(obj(calendar[phase])?.start);
      return start && isCalendarDate(start) ? start : undefined;
    };
    const before = (date: string, phase: string) => {
      const start = phaseStart(phase);
      return start && isCalendarDate(date) && firstDay(date) < firstDay(start) ? start : undefined;
    };
    for (const doc of documentsOf(context, 'roadmap')) {
      const start = str(obj(doc.value.period)?.start);
      const phase = start ? before(start, 'roadmap') : undefined;
      if (start && phase) {
        findings.push({ doc, pointer: '/period/start', ruleId: rule.meta.id, message: t('dates/calendar.roadmap-before-phase', { start, phaseStart: phase }) });
      }
    }
    for (const doc of documentsOf(context, 'activity')) {
      const type = str(doc.value.type);
      const date = str(doc.value.date);
      const phase = type ? PHASE_OF_ACTIVITY[type] : undefined;
      if (!date || !phase) continue;
      const start = before(date, phase);
      if (start) {
        findings.push({ doc, pointer: '/date', ruleId: rule.meta.id, message: t('dates/calendar.activity-before-phase', { type: selector(type!), date, phase, phaseStart: start }) });
      }
    }
    return findings;
  },
};
