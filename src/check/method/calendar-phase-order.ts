// The phases follow one another: preparatory, training and profiles, capitalization, road maps, final
// event (3.2, 5.1.1). Only the overlap the method plans is allowed: training and information sessions
// alongside the capitalization (5.1.1). A reversed or tangled calendar misleads every date check.
// A municipality's own calendar (4.6) is read over the network's: its phases must fit the network's
// remaining ones too (its road-map phase cannot run past the network's final event unnoticed).
// Running into the network's next phase is its own pace, left to calendar/municipality-lagging.
import { datedPhases, PHASES, type PhaseDates } from '../../calendar/phases.js';
import { t } from '../../i18n/messages.js';
import type { Finding } from '../finding.js';
import type { LoadedDocument } from '../../workspace/load.js';
import { obj, objects, str } from '../values.js';
import type { MethodRule } from './rule.js';

export { PHASES };
/** Pairs of phases that may run side by side (5.1.1: training in parallel with the capitalization). */
const MAY_OVERLAP = new Set(['profile>capitalization']);

type Problem = 'starts-before' | 'ends-before' | 'overlaps';

/** Each dated phase against the nearest earlier phase that has dates: what is wrong, and where. */
function orderProblems(dated: readonly PhaseDates[]): { problem: Problem; before: PhaseDates; phase: PhaseDates; field: 'start' | 'end' }[] {
  const out: { problem: Problem; before: PhaseDates; phase: PhaseDates; field: 'start' | 'end' }[] = [];
  for (let i = 1; i < dated.length; i++) {
    const before = dated[i - 1]!;
    const phase = dated[i]!;
    const allowed = MAY_OVERLAP.has(`${before.phase}>${phase.phase}`);
    if (phase.start && before.start && phase.start < before.start) out.push({ problem: 'starts-before', before, phase, field: 'start' });
    else if (phase.end && before.end && phase.end < before.end && !allowed) out.push({ problem: 'ends-before', before, phase, field: 'end' });
    else if (phase.start && before.end && phase.start <= before.end && !allowed) out.push({ problem: 'overlaps', before, phase, field: 'start' });
  }
  return out;
}

export const rule: MethodRule = {
  meta: {
    id: 'calendar/phase-order',
    severity: 'error',
    adjustable: true,
    section: '5.1.1',
  },
  check(context) {
    const workspace = context.index.workspace;
    if (!workspace) return [];
    const network = obj(workspace.value.calendar);
    const findings: Finding[] = [];
    const push = (doc: LoadedDocument, pointer: string, problem: Problem | `municipality-${Problem}`, values: Record<string, string>) =>
      findings.push({ doc, pointer, ruleId: rule.meta.id, message: t(`calendar/phase-order.${problem}`, values), ...(problem.endsWith('overlaps') ? { severity: 'warning' as const } : {}) });
    for (const { problem, before, phase, field } of orderProblems(datedPhases(network))) {
      const date = field === 'start' ? phase.rawStart! : phase.rawEnd!;
      const earlierDate = problem === 'overlaps' ? before.rawEnd! : field === 'start' ? before.rawStart! : before.rawEnd!;
      push(workspace, `/calendar/${phase.phase}/${field}`, problem, { phase: phase.phase, date, earlier: before.phase, earlierDate });
    }
    for (const [municipality, pointer] of objects(workspace.value.municipalities, '/municipalities')) {
      const own = obj(municipality.calendar);
      if (!own) continue;
      const slug = str(municipality.slug) ?? '';
      // Only pairs that involve the municipality's own dates: the network's own pairs are reported above.
      for (const { problem, before, phase, field } of orderProblems(datedPhases(network, own))) {
        if (!phase.own && !before.own) continue;
        // Its own earlier phase running into the network's next one is the city going at its own pace
        // (4.6), which calendar/municipality-lagging reports; only an own phase that the network's
        // passes altogether (starts or ends before it) is out of order.
        if (problem === 'overlaps' && before.own && !phase.own) continue;
        const date = field === 'start' ? phase.rawStart! : phase.rawEnd!;
        const earlierDate = problem === 'overlaps' ? before.rawEnd! : field === 'start' ? before.rawStart! : before.rawEnd!;
        // Point at the municipality's own date: the later phase's when it is its own, else the earlier one's.
        const at = phase.own ? `${pointer}/calendar/${phase.phase}/${field}` : `${pointer}/calendar/${before.phase}/${problem === 'starts-before' ? 'start' : 'end'}`;
        push(workspace, at, `municipality-${problem}`, { slug, phase: phase.phase, date, earlier: before.phase, earlierDate });
      }
    }
    return findings;
  },
};
