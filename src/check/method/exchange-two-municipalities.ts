// A peer exchange brings together at least two municipalities: it is the second, collective moment of
// capitalization, among peers (3.2.3, 5.1.1). One municipality alone is an internal consultation.
import { t } from '../../i18n/messages.js';
import type { Finding } from '../finding.js';
import { documentsOf, type MethodRule } from './rule.js';
import { exchangeMunicipalities } from './exchange-facts.js';

export const rule: MethodRule = {
  meta: {
    id: 'exchange/two-municipalities',
    severity: 'error',
    adjustable: true,
    section: '3.2.3',
  },
  check(context) {
    const findings: Finding[] = [];
    for (const doc of documentsOf(context, 'activity')) {
      if (doc.value.type !== 'peer-exchange') continue;
      const municipalities = [...exchangeMunicipalities(doc.value)];
      if (municipalities.length >= 2) continue;
      const pointer = doc.value.municipalities !== undefined ? '/municipalities' : '/type';
      // A network of one (lamd.yaml lists one municipality) cannot name its peers yet: worth knowing only.
      if (context.index.municipalities.size === 1 && municipalities.length === 1) {
        findings.push({
          doc,
          pointer,
          severity: 'info',
          ruleId: rule.meta.id,
          message: t('exchange/two-municipalities.network-of-one', { slug: municipalities[0]! }),
        });
        continue;
      }
      findings.push({
        doc,
        pointer,
        ruleId: rule.meta.id,
        message: municipalities.length === 1 ? t('exchange/two-municipalities.only-one', { slug: municipalities[0]! }) : t('exchange/two-municipalities.none'),
      });
    }
    return findings;
  },
};
