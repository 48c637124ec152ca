// A training records who took part, as counts (never names): the programme's third objective is the
// municipalities' capacity, the network's common goal in 4.3 is civil servants' skills, and donors ask
// how many were trained (3.1, 3.2.2, 4.3, 5.1.1).
import { t } from '../../i18n/messages.js';
import type { Finding } from '../finding.js';
import { obj } from '../values.js';
import type { MethodRule } from './rule.js';
import { trainingsOf } from './training-facts.js';

export const rule: MethodRule = {
  meta: {
    id: 'training/participants',
    severity: 'warning',
    adjustable: true,
    section: '3.2.2',
  },
  check(context) {
    const findings: Finding[] = [];
    for (const doc of trainingsOf(context)) {
      const participants = obj(doc.value.participants);
      if (!participants) {
        findings.push({ doc, pointer: '/type', ruleId: rule.meta.id, message: t('training/participants.missing') });
      } else if (participants.not_recorded === true) {
        // The record says the sources give none: worth knowing, no more.
        findings.push({ doc, pointer: '/participants/not_recorded', severity: 'info', ruleId: rule.meta.id, message: t('training/participants.not-recorded') });
      }
    }
    return findings;
  },
};
