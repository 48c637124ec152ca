// Road maps and activities happen inside or after the phase calendar of lamd.yaml, not before the
// phase they belong to (3.2, 4.7: the timeline is designed phase by phase). A municipality going at
// its own pace (4.6) is held to its own calendar: its road maps, and the activities it alone holds.
import { firstDay, isCalendarDate } from '../../calendar/dates.js';
import { datedPhases } from '../../calendar/phases.js';
import { selector, t } from '../../i18n/messages.js';
import type { Finding } from '../finding.js';
import { arr, obj, str } from '../values.js';
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
    const ownCalendar = (slug: string | undefined) => (slug === undefined ? undefined : obj(context.index.municipalities.get(slug)?.value.calendar));
    if (!calendar && ![...context.index.municipalities.values()].some((m) => obj(m.value.calendar))) return findings;
    // The phase's start as written, from the municipality's own calendar where it gives that phase;
    // each municipality's phases worked out once, not once per road map.
    const phasesOf = new Map<string | undefined, ReturnType<typeof datedPhases>>();
    const phaseStart = (phase: string, slug: string | undefined): string | undefined => {
      let phases = phasesOf.get(slug);
      if (!phases) phasesOf.set(slug, (phases = datedPhases(calendar, ownCalendar(slug))));
      return phases.find((p) => p.phase === phase && p.start !== undefined)?.rawStart;
    };
    const before = (date: string, phase: string, slug?: string) => {
      const start = phaseStart(phase, slug);
      return start && isCalendarDate(date) && firstDay(date) < firstDay(start) ? start : undefined;
    };
    for (const doc of documentsOf(context, 'roadmap')) {
      const start = str(obj(doc.value.period)?.start);
      const phase = start ? before(start, 'roadmap', str(doc.value.municipality)) : undefined;
      if (start && phase) {
        findings.push({ doc, pointer: '/period/start', ruleId: rule.meta.id, message: t('dates/calendar.roadmap-before-phase', { start, phaseStart: phase }) });
      }
    }
    for (const doc of documentsOf(context, 'activity')) {
      const type = str(doc.value.type);
      const date = str(doc.value.date);
      const phase = type ? PHASE_OF_ACTIVITY[type] : undefined;
      if (!date || !phase) continue;
      const held = arr(doc.value.municipalities).filter((s): s is string => typeof s === 'string');
      const start = before(date, phase, held.length === 1 ? held[0] : undefined);
      if (start) {
        findings.push({ doc, pointer: '/date', ruleId: rule.meta.id, message: t('dates/calendar.activity-before-phase', { type: selector(type!), date, phase, phaseStart: start }) });
      }
    }
    return findings;
  },
};
