// Participants of a training are counted by sex: donors and the network's reports ask for civil
// servants trained, women and men (4.3's common goal on staff skills; the progress reports ask the same
// of people counted). A group counted only as a total, or a training with only a total, says less.
import { t } from '../../i18n/messages.js';
import type { Finding } from '../finding.js';
import { obj } from '../values.js';
import type { MethodRule } from './rule.js';
import { participantGroups, trainingsOf } from './training-facts.js';

export const rule: MethodRule = {
  meta: {
    id: 'training/sex-breakdown',
    severity: 'warning',
    adjustable: true,
    section: '4.3',
  },
  check(context) {
    const findings: Finding[] = [];
    for (const doc of trainingsOf(context)) {
      const participants = obj(doc.value.participants);
      if (!participants || participants.not_recorded === true) continue;
      const groups = participantGroups(doc.value);
      if (groups.length === 0 && participants.total !== undefined) {
        findings.push({ doc, pointer: '/participants/total', ruleId: rule.meta.id, message: t('training/sex-breakdown.total-only') });
        continue;
      }
      for (const [group, pointer] of groups) {
        if (group.women !== undefined || group.men !== undefined) continue;
        findings.push({ doc, pointer, ruleId: rule.meta.id, message: t('training/sex-breakdown.group-total-only') });
      }
    }
    return findings;
  },
};
