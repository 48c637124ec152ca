// ids/unique inside a road map: indicator ids and action ids, which progress reports refer to.
import type { LoadedDocument } from '../workspace/load.js';
import { t } from '../i18n/messages.js';
import type { Finding } from './finding.js';
import { objects, str } from './values.js';

/** Indicator ids and action ids are unique in their road map: progress documents refer to them. */
export function checkRoadmapItemIds(documents: readonly LoadedDocument[]): Finding[] {
  const findings: Finding[] = [];
  for (const doc of documents) {
    if (doc.kind !== 'roadmap') continue;
    const check = (seen: Map<string, string>, noun: 'indicator' | 'action', id: string | undefined, pointer: string) => {
      if (id === undefined) return;
      if (seen.has(id)) findings.push({ doc, pointer, ruleId: 'ids/unique', message: t('ids/unique.in-roadmap', { item: noun, id, where: seen.get(id)! }) });
      else seen.set(id, pointer);
    };
    const indicators = new Map<string, string>();
    for (const [o, p] of objects(doc.value.objectives, '/objectives')) for (const [i, ip] of objects(o.indicators, p, 'indicators')) check(indicators, 'indicator', str(i.id), `${ip}/id`);
    const actions = new Map<string, string>();
    for (const [a, p] of objects(doc.value.actions, '/actions')) check(actions, 'action', str(a.id), `${p}/id`);
  }
  return findings;
}
