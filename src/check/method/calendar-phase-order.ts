// The phases follow one another: preparatory, training and profiles, capitalization, road maps, final
// event (3.2, 5.1.1). Only the overlap the method plans is allowed: training and information sessions
// alongside the capitalization (5.1.1). A reversed or tangled calendar misleads every date check.
import { firstDay, isCalendarDate, lastDay } from '../../calendar/dates.js';
import { t } from '../../i18n/messages.js';
import type { Finding } from '../finding.js';
import { obj, str } from '../values.js';
import type { MethodRule } from './rule.js';

export const PHASES = ['preparatory', 'profile', 'capitalization', 'roadmap', 'final'] as const;
/** Pairs of phases that may run side by side (5.1.1: training in parallel with the capitalization). */
const MAY_OVERLAP = new Set(['profile>capitalization']);

export const rule: MethodRule = {
  meta: {
    id: 'calendar/phase-order',
    severity: 'error',
    summary: 'The phases of the calendar follow the method\'s order, overlapping only where the method allows.',
    adjustable: true,
    section: '5.1.1',
  },
  check(context) {
    const workspace = context.index.workspace;
    const calendar = obj(workspace?.value.calendar);
    if (!workspace || !calendar) return [];
    const dated = PHASES.flatMap((phase) => {
      const period = obj(calendar[phase]);
      const start = str(period?.start);
      const end = str(period?.end);
      return [
        {
          phase,
          start: start && isCalendarDate(start) ? firstDay(start) : undefined,
          end: end && isCalendarDate(end) ? lastDay(end) : undefined,
          rawStart: start,
          rawEnd: end,
        },
      ];
    }).filter((p) => p.start !== undefined || p.end !== undefined);
    const findings: Finding[] = [];
    // Each phase against the nearest earlier phase that has dates.
    for (let i = 1; i < dated.length; i++) {
      const before = dated[i - 1]!;
      const phase = dated[i]!;
      if (phase.start && before.start && phase.start < before.start) {
        findings.push({ doc: workspace, pointer: `/calendar/${phase.phase}/start`, ruleId: rule.meta.id, message: t('calendar/phase-order.starts-before', { phase: phase.phase, date: phase.rawStart!, earlier: before.phase, earlierDate: before.rawStart! }) });
      } else if (phase.end && before.end && phase.end < before.end && !MAY_OVERLAP.has(`${before.phase}>${phase.phase}`)) {
        findings.push({ doc: workspace, pointer: `/calendar/${phase.phase}/end`, ruleId: rule.meta.id, message: t('calendar/phase-order.ends-before', { phase: phase.phase, date: phase.rawEnd!, earlier: before.phase, earlierDate: before.rawEnd! }) });
      } else if (phase.start && before.end && phase.start <= before.end && !MAY_OVERLAP.has(`${before.phase}>${phase.phase}`)) {
        findings.push({
          doc: workspace,
          pointer: `/calendar/${phase.phase}/start`,
          severity: 'warning',
          ruleId: rule.meta.id,
          message: t('calendar/phase-order.overlaps', { phase: phase.phase, date: phase.rawStart!, earlier: before.phase, earlierDate: before.rawEnd! }),
        });
      }
    }
    return findings;
  },
};
