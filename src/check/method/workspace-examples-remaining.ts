// Documents written as examples (`example: true`, set by `lamd init`) announce themselves until they
// are replaced: otherwise an example practice or road map ends up, unnoticed, in real reports and
// network totals. Reports leave them out; this rule keeps them on the agenda.
import type { Finding } from '../finding.js';
import { t } from '../../i18n/messages.js';
import { objects, str } from '../values.js';
import type { MethodRule } from './rule.js';

const REPLACE: Record<string, string> = {
  practice: 'lamd new practice <id> --municipality <slug>',
  roadmap: 'lamd new roadmap <id> --municipality <slug> --sdg <goal>',
  activity: 'lamd new activity <id>',
  profile: 'lamd new municipality <slug>',
};

export const rule: MethodRule = {
  meta: {
    id: 'workspace/examples-remaining',
    severity: 'warning',
    adjustable: true,
    section: '3.2.3',
  },
  check(context) {
    const findings: Finding[] = [];
    for (const doc of context.documents) {
      if (doc.kind === 'stakeholders') {
        for (const [entry, pointer] of objects(doc.value.stakeholders, '/stakeholders')) {
          if (entry.example !== true) continue;
          findings.push({
            doc,
            pointer: `${pointer}/example`,
            target: 'key',
            ruleId: rule.meta.id,
            message: t('workspace/examples-remaining.stakeholder', { stakeholder: str(entry.id) ?? '' }),
          });
        }
        continue;
      }
      if (doc.value.example !== true) continue;
      findings.push({
        doc,
        pointer: '/example',
        target: 'key',
        ruleId: rule.meta.id,
        message: t('workspace/examples-remaining.document', { kind: doc.kind, command: REPLACE[doc.kind] ?? 'lamd new' }),
      });
    }
    return findings;
  },
};
