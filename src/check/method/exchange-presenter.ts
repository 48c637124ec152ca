// A practice is presented to peers by the municipality that runs it, through the unit in charge of
// that area (3.2.3: each workshop on a practice invited the administration's representative in
// charge of it). A presentation by another municipality usually means a wrong practice id or slug.
import { t } from '../../i18n/messages.js';
import type { Finding } from '../finding.js';
import { objects, str } from '../values.js';
import { documentsOf, type MethodRule } from './rule.js';

export const rule: MethodRule = {
  meta: {
    id: 'exchange/presenter',
    severity: 'error',
    adjustable: true,
    section: '3.2.3',
  },
  check(context) {
    const findings: Finding[] = [];
    const owners = new Map(documentsOf(context, 'practice').map((d) => [str(d.value.id), str(d.value.municipality)]));
    for (const doc of documentsOf(context, 'activity')) {
      for (const [presentation, pointer] of objects(doc.value.presentations, '/presentations')) {
        const practice = str(presentation.practice);
        const presenter = str(presentation.municipality);
        const owner = practice ? owners.get(practice) : undefined;
        if (!practice || !presenter || !owner || owner === presenter) continue;
        findings.push({
          doc,
          pointer: `${pointer}/municipality`,
          dependsOn: [`${pointer}/practice`],
          ruleId: rule.meta.id,
          message: t('exchange/presenter.not-owner', { practice, owner, presenter }),
        });
      }
    }
    return findings;
  },
};
