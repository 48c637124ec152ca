// references/partner: a municipality's local partner is one of lamd.yaml's implementing partners.
import type { RuleModule } from '../rule-module.js';
import { objects, str } from '../values.js';
import { missing, References } from './resolve.js';

export const rule: RuleModule = {
  meta: { id: 'references/partner', severity: 'error', adjustable: true },
  check(context) {
    const r = new References(context, 'partners', rule.meta.id, (id, guess) => missing('references/partner.missing', { id, guess }));
    const workspace = context.index.workspace;
    if (workspace) for (const [m, p] of objects(workspace.value.municipalities, '/municipalities')) r.ref(workspace, str(m.local_partner), `${p}/local_partner`);
    return r.findings;
  },
};
