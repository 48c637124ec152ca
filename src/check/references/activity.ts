// references/activity: every activity a practice's history or a road map's consultations name has an activity document.
import type { RuleModule } from '../rule-module.js';
import { obj, objects, str, type Obj } from '../values.js';
import { missing, References } from './resolve.js';

export const rule: RuleModule = {
  meta: { id: 'references/activity', severity: 'error', adjustable: true },
  check(context) {
    const r = new References(context, 'activities', rule.meta.id, (id, guess) => missing('references/activity.missing', { id, guess }));
    for (const doc of context.documents) {
      const v: Obj = doc.value;
      if (doc.kind === 'practice') for (const [h, p] of objects(obj(v.capitalization)?.history, '/capitalization/history')) r.ref(doc, str(h.activity), `${p}/activity`);
      else if (doc.kind === 'roadmap') r.refs(doc, v.consultations, '/consultations');
    }
    return r.findings;
  },
};
