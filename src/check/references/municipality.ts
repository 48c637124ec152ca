// references/municipality: every municipality a document names is one of lamd.yaml's municipalities.
import type { RuleModule } from '../rule-module.js';
import { obj, objects, str, strings, type Obj } from '../values.js';
import { missing, References } from './resolve.js';

export const rule: RuleModule = {
  meta: { id: 'references/municipality', severity: 'error', adjustable: true },
  check(context) {
    const r = new References(context, 'municipalities', rule.meta.id, (id, guess) => missing('references/municipality.missing', { id, guess }));
    for (const doc of context.documents) {
      const v: Obj = doc.value;
      switch (doc.kind) {
        case 'workspace':
          // Another lamd.yaml (named on the command line from elsewhere) is checked alone, not merged in.
          if (doc !== context.index.workspace) break;
          for (const [partner, p] of objects(v.partners, '/partners')) r.refs(doc, partner.supports, p, 'supports');
          break;
        case 'profile':
        case 'roadmap':
        case 'progress':
          r.ref(doc, str(v.municipality), '/municipality');
          break;
        case 'practice':
          r.ref(doc, str(v.municipality), '/municipality');
          for (const [b, p] of objects(obj(v.capitalization)?.borrowed_by, '/capitalization/borrowed_by')) r.ref(doc, str(b.municipality), `${p}/municipality`);
          // `<municipality>/<challenge>`: an unknown municipality here; an unknown challenge is references/challenge's.
          for (const [challenge, p] of strings(v.answers_challenges, '/answers_challenges')) {
            const [municipality] = challenge.split('/');
            if (municipality && !context.index.municipalities.has(municipality)) r.ref(doc, municipality, p);
          }
          break;
        case 'stakeholders':
          for (const [s, p] of objects(v.stakeholders, '/stakeholders')) r.ref(doc, str(s.municipality), `${p}/municipality`);
          break;
        case 'activity':
          r.refs(doc, v.municipalities, '/municipalities');
          break;
      }
    }
    return r.findings;
  },
};
