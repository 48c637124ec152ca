// The indicators and actions of a progress report's road map, which references/indicator and
// references/action check the report's items against.
import type { LoadedDocument } from '../../workspace/load.js';
import type { Text } from '../../i18n/messages.js';
import type { Finding } from '../finding.js';
import type { RuleContext } from '../rule-module.js';
import { closest } from '../suggest.js';
import { objects, str, type Obj } from '../values.js';

/** The indicator ids and action ids a road map declares. */
export function roadmapItemIds(roadmap: Obj): { indicators: string[]; actions: string[] } {
  const indicators: string[] = [];
  for (const [o] of objects(roadmap.objectives, '')) for (const [i] of objects(o.indicators, '')) if (typeof i.id === 'string') indicators.push(i.id);
  const actions: string[] = [];
  for (const [a] of objects(roadmap.actions, '')) if (typeof a.id === 'string') actions.push(a.id);
  return { indicators, actions };
}

export type Item = 'indicator' | 'action';

/**
 * Every `kind` a progress report names (under `indicators:`/`actions:` and in its deviations) that its
 * road map does not declare. `message` words the finding, given the road map, the id, the closest
 * declared id and all declared ids. Reports whose road map is not found are references/roadmap's.
 */
export function unknownItems(context: RuleContext, kind: Item, message: (roadmap: string, id: string, guess: string | undefined, known: readonly string[]) => Text): Finding[] {
  const findings: Finding[] = [];
  for (const doc of context.documents) {
    if (doc.kind !== 'progress') continue;
    const roadmapId = str(doc.value.roadmap);
    const roadmap = roadmapId !== undefined ? context.index.roadmaps.get(roadmapId)?.value : undefined;
    if (!roadmap) continue;
    const known = roadmapItemIds(roadmap)[kind === 'indicator' ? 'indicators' : 'actions'];
    const check = (d: LoadedDocument, id: string | undefined, pointer: string) => {
      if (id === undefined || known.includes(id)) return;
      findings.push({ doc: d, pointer, ruleId: `references/${kind}`, message: message(roadmapId!, id, closest(id, known), known) });
    };
    const list = kind === 'indicator' ? 'indicators' : 'actions';
    // By its key under the root: `/${list}` would be a new string per road map (see objects).
    for (const [item, p] of objects(doc.value[list], '', list)) check(doc, str(item[kind]), `${p}/${kind}`);
    for (const [d, p] of objects(doc.value.deviations, '/deviations')) check(doc, str(d[kind]), `${p}/${kind}`);
  }
  return findings;
}

/** "`a`, `b`" */
export function listed(ids: readonly string[]): string {
  return ids.map((k) => `\`${k}\``).join(', ');
}
