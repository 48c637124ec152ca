// A municipality lagging the network: most of its peers have reached a phase's milestones and it has
// not, although they are due (4.6: different starting points and paces; a lengthy engagement left
// little time at the end). Information for the coordination, which can then plan support.
import { isCalendarDate, lastDay } from '../../calendar/dates.js';
import { t } from '../../i18n/messages.js';
import type { Finding } from '../finding.js';
import { objects, str } from '../values.js';
import { PHASES } from './calendar-phase-order.js';
import type { MethodRule } from './rule.js';

export const rule: MethodRule = {
  meta: {
    id: 'calendar/municipality-lagging',
    severity: 'info',
    summary: "A municipality has not reached a phase's due milestones that most of its peers have reached.",
    adjustable: true,
    section: '4.6',
  },
  check(context) {
    const workspace = context.index.workspace;
    if (!workspace) return [];
    const entries = [...objects(workspace.value.municipalities, '/municipalities')];
    const findings: Finding[] = [];
    for (const phase of PHASES) {
      // Per municipality: whether every due milestone of the phase is done (undefined: none is due).
      const state = entries.map(([m, pointer]) => {
        const due = [...objects(m.milestones, `${pointer}/milestones`)].filter(([x]) => x.phase === phase && typeof x.due === 'string' && isCalendarDate(x.due) && lastDay(x.due) < context.today);
        return { slug: str(m.slug) ?? '', pointer, reached: due.length === 0 ? undefined : due.every(([x]) => x.done !== undefined) };
      });
      const known = state.filter((s) => s.reached !== undefined);
      const ahead = known.filter((s) => s.reached).length;
      if (known.length < 2) continue;
      for (const s of known) {
        if (s.reached || ahead * 2 <= known.length - 1) continue;
        findings.push({ doc: workspace, pointer: `${s.pointer}/milestones`, ruleId: rule.meta.id, message: t('calendar/municipality-lagging.behind', { slug: s.slug, phase, ahead, peers: known.length - 1 }) });
      }
    }
    return findings;
  },
};
