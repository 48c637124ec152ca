// references/objective: an action's objective is one of its own road map's objectives.
import type { Finding } from '../finding.js';
import { documentsOf, type RuleModule } from '../rule-module.js';
import { closest } from '../suggest.js';
import { objects, str } from '../values.js';
import { listed } from './roadmap-items.js';
import { missing } from './resolve.js';

export const rule: RuleModule = {
  meta: { id: 'references/objective', severity: 'error', adjustable: true },
  check(context) {
    const findings: Finding[] = [];
    for (const doc of documentsOf(context, 'roadmap')) {
      const objectives = new Set<string>();
      for (const [o] of objects(doc.value.objectives, '/objectives')) if (typeof o.id === 'string') objectives.add(o.id);
      for (const [action, p] of objects(doc.value.actions, '/actions')) {
        const objective = str(action.objective);
        if (objective === undefined || objectives.has(objective)) continue;
        findings.push({
          doc,
          pointer: `${p}/objective`,
          ruleId: rule.meta.id,
          message: missing(objectives.size ? 'references/objective.missing' : 'references/objective.none', { id: objective, guess: closest(objective, [...objectives]), known: listed([...objectives]) }),
        });
      }
    }
    return findings;
  },
};
