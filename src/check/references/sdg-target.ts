// references/sdg-target: every SDG target a practice or road map names exists in the official list.
import { isTarget } from '../../reference/sdg.js';
import { t } from '../../i18n/messages.js';
import type { LoadedDocument } from '../../workspace/load.js';
import type { Finding } from '../finding.js';
import type { RuleModule } from '../rule-module.js';
import { obj, objects, str, strings } from '../values.js';

/** Written like a target (goal.number or goal.letter); anything else is the schema's to refuse. */
const TARGET_SHAPE = /^(1[0-7]|[1-9])\.([0-9]{1,2}|[a-z])$/;

export const rule: RuleModule = {
  meta: { id: 'references/sdg-target', severity: 'error', adjustable: true },
  check(context) {
    const findings: Finding[] = [];
    const target = (doc: LoadedDocument, id: string, pointer: string) => {
      if (!TARGET_SHAPE.test(id) || isTarget(id)) return;
      const goal = id.split('.')[0];
      findings.push({ doc, pointer, ruleId: rule.meta.id, message: t('references/sdg-target.unknown', { id, goal: goal! }) });
    };
    for (const doc of context.documents) {
      if (doc.kind === 'practice') {
        for (const [id, p] of strings(doc.value.sdg_targets, '/sdg_targets')) target(doc, id, p);
      } else if (doc.kind === 'roadmap') {
        const sdg = obj(doc.value.sdg);
        for (const [id, p] of strings(sdg?.targets, '/sdg/targets')) target(doc, id, p);
        for (const [t, p] of objects(sdg?.local_targets, '/sdg/local_targets')) {
          const id = str(t.target);
          if (id) target(doc, id, `${p}/target`);
        }
      }
    }
    return findings;
  },
};
