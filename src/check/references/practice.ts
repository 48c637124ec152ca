// references/practice: every practice a profile, road map or activity names has a practice document.
import type { RuleModule } from '../rule-module.js';
import { objects, str, type Obj } from '../values.js';
import { missing, References } from './resolve.js';

export const rule: RuleModule = {
  meta: { id: 'references/practice', severity: 'error', adjustable: true },
  check(context) {
    const r = new References(context, 'practices', rule.meta.id, (id, guess) => missing('references/practice.missing', { id, guess }));
    for (const doc of context.documents) {
      const v: Obj = doc.value;
      if (doc.kind === 'profile') for (const [i, p] of objects(v.initiatives, '/initiatives')) r.ref(doc, str(i.practice), `${p}/practice`);
      else if (doc.kind === 'roadmap') r.refs(doc, v.builds_on, '/builds_on');
      else if (doc.kind === 'activity') r.refs(doc, v.practices, '/practices');
    }
    return r.findings;
  },
};
