// A peer exchange brings together at least two municipalities: it is the second, collective moment of
// capitalization, among peers (3.2.3, 5.1.1). One municipality alone is an internal consultation.
import type { Finding } from '../finding.js';
import { documentsOf, type MethodRule } from './rule.js';
import { exchangeMunicipalities } from './exchange-facts.js';

export const rule: MethodRule = {
  meta: {
    id: 'exchange/two-municipalities',
    severity: 'error',
    summary: 'A peer exchange brings together at least two municipalities.',
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
          message: `This peer exchange names only \`${municipalities[0]!}\`, the one municipality of lamd.yaml. Add its peers to the network (\`lamd new municipality\`) and then to this exchange, so that the reports can show who took part.`,
        });
        continue;
      }
      findings.push({
        doc,
        pointer,
        ruleId: rule.meta.id,
        message:
          municipalities.length === 1
            ? `This peer exchange names only \`${municipalities[0]!}\`. A peer exchange is held among municipalities: add the others that took part under \`municipalities\` (or \`delegations\`), or make it an internal consultation.`
            : 'This peer exchange names no municipality. Add the municipalities that took part under `municipalities` (or `delegations`, with the units each sent).',
      });
    }
    return findings;
  },
};
