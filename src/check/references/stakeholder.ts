// references/stakeholder: every stakeholder a practice, road map or activity names is in stakeholders.yaml.
import type { RuleModule } from '../rule-module.js';
import { t } from '../../i18n/messages.js';
import { objects, type Obj } from '../values.js';
import { missing, References } from './resolve.js';

export const rule: RuleModule = {
  meta: { id: 'references/stakeholder', severity: 'error', adjustable: true },
  check(context) {
    const noRegistry = !context.index.hasStakeholders;
    const r = new References(context, 'stakeholders', rule.meta.id, (id, guess) =>
      noRegistry
        ? t('references/stakeholder.no-registry', { id })
        : missing('references/stakeholder.missing', { id, guess }),
    );
    for (const doc of context.documents) {
      const v: Obj = doc.value;
      if (doc.kind === 'practice' || doc.kind === 'activity') r.participations(doc, v.stakeholders, '/stakeholders');
      else if (doc.kind === 'roadmap') {
        r.participations(doc, v.working_group, '/working_group');
        for (const [action, p] of objects(v.actions, '/actions')) r.participations(doc, action.stakeholders, p, 'stakeholders');
      }
    }
    return r.findings;
  },
};
