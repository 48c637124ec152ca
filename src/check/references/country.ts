// references/country: every country code in lamd.yaml, a profile or the stakeholder registry is an ISO 3166-1 code.
import { isCountryCode } from '../../reference/countries.js';
import { t } from '../../i18n/messages.js';
import type { LoadedDocument } from '../../workspace/load.js';
import type { Finding } from '../finding.js';
import type { RuleModule } from '../rule-module.js';
import { obj, objects } from '../values.js';

export const rule: RuleModule = {
  meta: { id: 'references/country', severity: 'error', adjustable: true },
  check(context) {
    const findings: Finding[] = [];
    const country = (doc: LoadedDocument, code: unknown, pointer: string) => {
      // Two capital letters that name no country; any other shape is the schema's to refuse.
      if (typeof code === 'string' && /^[A-Z]{2}$/.test(code) && !isCountryCode(code)) {
        findings.push({ doc, pointer, ruleId: rule.meta.id, message: t('references/country.unknown', { code }) });
      }
    };
    for (const doc of context.documents) {
      const v = doc.value;
      if (doc.kind === 'workspace' && doc === context.index.workspace) {
        for (const [m, p] of objects(v.municipalities, '/municipalities')) country(doc, m.country, `${p}/country`);
        for (const [partner, p] of objects(v.partners, '/partners')) country(doc, partner.country, `${p}/country`);
        country(doc, obj(v.coordinator)?.country, '/coordinator/country');
      } else if (doc.kind === 'profile') {
        for (const [o, p] of objects(v.top_origins, '/top_origins')) country(doc, o.country, `${p}/country`);
      } else if (doc.kind === 'stakeholders') {
        for (const [s, p] of objects(v.stakeholders, '/stakeholders')) country(doc, s.country, `${p}/country`);
      }
    }
    return findings;
  },
};
