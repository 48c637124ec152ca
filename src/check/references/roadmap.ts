// references/roadmap: a progress report's road map has a road map document, of the same municipality.
import type { RuleModule } from '../rule-module.js';
import { t } from '../../i18n/messages.js';
import { str } from '../values.js';
import { missing, References } from './resolve.js';

export const rule: RuleModule = {
  meta: { id: 'references/roadmap', severity: 'error', adjustable: true },
  check(context) {
    const r = new References(context, 'roadmaps', rule.meta.id, (id, guess) => missing('references/roadmap.missing', { id, guess }));
    for (const doc of context.documents) {
      if (doc.kind !== 'progress') continue;
      const roadmapId = str(doc.value.roadmap);
      r.ref(doc, roadmapId, '/roadmap');
      const owner = str((roadmapId !== undefined ? context.index.roadmaps.get(roadmapId)?.value : undefined)?.municipality);
      const municipality = str(doc.value.municipality);
      if (municipality !== undefined && owner !== undefined && municipality !== owner) {
        r.findings.push({ doc, pointer: '/municipality', ruleId: rule.meta.id, message: t('references/roadmap.other-municipality', { roadmap: roadmapId!, owner, municipality: municipality! }) });
      }
    }
    return r.findings;
  },
};
