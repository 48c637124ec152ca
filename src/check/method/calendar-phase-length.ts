// Every phase gets the time it needs: the pilot's lessons ask for an appropriate duration for each
// phase, from start to end, and time for the municipalities to reshape their policies (4.6, 4.7,
// 5.1.2). A workspace sets the shortest length it accepts per phase (calendar.minimum_days); it holds
// for the network's calendar and for each municipality's own; a municipality whose calendar's note
// gives the reason is told as information.
import { datedPhases, lengthInDays } from '../../calendar/phases.js';
import { t } from '../../i18n/messages.js';
import type { Finding } from '../finding.js';
import { obj, objects, str } from '../values.js';
import type { MethodRule } from './rule.js';

export const rule: MethodRule = {
  meta: {
    id: 'calendar/phase-length',
    severity: 'warning',
    adjustable: true,
    section: '4.7',
  },
  check(context) {
    const workspace = context.index.workspace;
    const calendar = obj(workspace?.value.calendar);
    const minimum = obj(calendar?.minimum_days);
    if (!workspace || !calendar || !minimum) return [];
    const findings: Finding[] = [];
    const tooShort = (own: unknown) =>
      datedPhases(own).flatMap((p) => {
        const days = minimum[p.phase];
        if (typeof days !== 'number' || !p.start || !p.end) return [];
        const length = lengthInDays(p.start, p.end);
        return length >= days || length <= 0 ? [] : [{ phase: p.phase, length, days }];
      });
    for (const { phase, length, days } of tooShort(calendar)) {
      findings.push({ doc: workspace, pointer: `/calendar/${phase}`, ruleId: rule.meta.id, message: t('calendar/phase-length.too-short', { phase, length, days }) });
    }
    for (const [municipality, pointer] of objects(workspace.value.municipalities, '/municipalities')) {
      const own = obj(municipality.calendar);
      // A note on the municipality's calendar says why its pace differs (4.6): a shorter phase it
      // explains stays on record, as information, rather than failing a strict run.
      const noted = typeof own?.note === 'string' && own.note.trim() !== '';
      for (const { phase, length, days } of tooShort(own)) {
        findings.push({
          doc: workspace,
          pointer: `${pointer}/calendar/${phase}`,
          ruleId: rule.meta.id,
          message: t('calendar/phase-length.municipality-too-short', { slug: str(municipality.slug) ?? '', phase, length, days, noted: noted ? 'yes' : 'no' }),
          ...(noted ? { severity: 'info' as const } : {}),
        });
      }
    }
    return findings;
  },
};
