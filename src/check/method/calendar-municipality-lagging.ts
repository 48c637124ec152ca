// A municipality lagging the network (4.6: different starting points and paces; a lengthy engagement
// left little time at the end). Two signs: most of its peers have reached a phase's due milestones and
// it has not; or its own calendar ends a phase after the network's calendar does (or, where the
// network gives no end, after most of its peers). Information for the coordination, which can then
// plan support.
import { isCalendarDate, lastDay } from '../../calendar/dates.js';
import { daysBetween, datedPhases, PHASES } from '../../calendar/phases.js';
import { t } from '../../i18n/messages.js';
import type { Finding } from '../finding.js';
import { obj, objects, str, type Obj } from '../values.js';
import type { MethodRule } from './rule.js';

export const rule: MethodRule = {
  meta: {
    id: 'calendar/municipality-lagging',
    severity: 'info',
    adjustable: true,
    section: '4.6',
  },
  check(context) {
    const workspace = context.index.workspace;
    if (!workspace) return [];
    const entries = objects(workspace.value.municipalities, '/municipalities');
    const findings: Finding[] = [];
    for (const phase of PHASES) {
      // Per municipality: whether every due milestone of the phase is done (undefined: none is due).
      const state = entries.map(([m, pointer]) => {
        const due = objects(m.milestones, pointer, 'milestones').filter(([x]) => x.phase === phase && typeof x.due === 'string' && isCalendarDate(x.due) && lastDay(x.due) < context.today);
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
    findings.push(...ownCalendarsLagging(workspace.value, entries).map((f) => ({ doc: workspace, ruleId: rule.meta.id, ...f })));
    return findings;
  },
};

/** Municipalities whose own calendar ends a phase later than the network's calendar, or than most peers. */
function ownCalendarsLagging(value: Obj, entries: readonly [Obj, string][]): Omit<Finding, 'doc' | 'ruleId'>[] {
  const network = new Map(datedPhases(obj(value.calendar)).map((p) => [p.phase, p]));
  const out: Omit<Finding, 'doc' | 'ruleId'>[] = [];
  for (const phase of PHASES) {
    const ends = entries.flatMap(([m, pointer]) => {
      const own = datedPhases(obj(m.calendar)).find((p) => p.phase === phase);
      return own?.end ? [{ slug: str(m.slug) ?? '', pointer: `${pointer}/calendar/${phase}/end`, end: own.end, raw: own.rawEnd! }] : [];
    });
    const networkEnd = network.get(phase);
    for (const e of ends) {
      if (networkEnd?.end) {
        if (e.end <= networkEnd.end) continue;
        out.push({ pointer: e.pointer, message: t('calendar/municipality-lagging.later-than-network', { slug: e.slug, phase, end: e.raw, networkEnd: networkEnd.rawEnd!, days: daysBetween(networkEnd.end, e.end) }) });
        continue;
      }
      // No network end to measure against: the peers that record their own.
      const peers = ends.filter((p) => p !== e);
      const earlier = peers.filter((p) => p.end < e.end).length;
      if (peers.length === 0 || earlier * 2 <= peers.length) continue;
      out.push({ pointer: e.pointer, message: t('calendar/municipality-lagging.later-than-peers', { slug: e.slug, phase, end: e.raw, earlier, peers: peers.length }) });
    }
  }
  return out;
}
