// references/challenge: a challenge a practice answers is listed in that municipality's profile.
import type { Finding } from '../finding.js';
import { t } from '../../i18n/messages.js';
import { documentsOf, type RuleModule } from '../rule-module.js';
import { strings } from '../values.js';

export const rule: RuleModule = {
  meta: { id: 'references/challenge', severity: 'error', adjustable: true },
  check(context) {
    const findings: Finding[] = [];
    const { index } = context;
    if (!index.hasWorkspace) return findings;
    for (const doc of documentsOf(context, 'practice')) {
      for (const [challenge, pointer] of strings(doc.value.answers_challenges, '/answers_challenges')) {
        const [municipality] = challenge.split('/');
        // An unknown municipality is references/municipality's finding.
        if (!municipality || !index.municipalities.has(municipality) || index.challenges.has(challenge)) continue;
        findings.push({ doc, pointer, ruleId: rule.meta.id, message: t('references/challenge.missing', { municipality, challenge: challenge.slice(municipality.length + 1) }) });
      }
    }
    return findings;
  },
};
