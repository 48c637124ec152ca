// An indicator that counts people is reported for women and men, so the road map shows whom it
// reaches (5.1.2: an approach inclusive of those it serves; donors' results frameworks ask the same).
import type { Finding } from '../finding.js';
import { t } from '../../i18n/messages.js';
import { countsPeople, roadmapIndicators } from '../progress.js';
import { obj, objects, str } from '../values.js';
import { documentsOf, type MethodRule } from './rule.js';

export const rule: MethodRule = {
  meta: {
    id: 'progress/sex-breakdown',
    severity: 'warning',
    adjustable: true,
    section: '5.1.2',
  },
  check(context) {
    const findings: Finding[] = [];
    for (const doc of documentsOf(context, 'progress')) {
      const roadmap = context.index.roadmaps.get(str(doc.value.roadmap) ?? '')?.value;
      if (!roadmap) continue;
      const units = new Map<string, unknown>();
      for (const [indicator] of roadmapIndicators(roadmap)) if (typeof indicator.id === 'string') units.set(indicator.id, indicator.unit);
      for (const [entry, pointer] of objects(doc.value.indicators, '/indicators')) {
        const id = str(entry.indicator);
        if (id === undefined || typeof entry.actual !== 'number' || !countsPeople(units.get(id))) continue;
        const bySex = obj(entry.by_sex);
        if (bySex && typeof bySex.women === 'number' && typeof bySex.men === 'number') continue;
        findings.push({
          doc,
          pointer: bySex ? `${pointer}/by_sex` : `${pointer}/actual`,
          ruleId: rule.meta.id,
          message: t('progress/sex-breakdown.missing', { indicator: id, unit: String(units.get(id)) }),
        });
      }
    }
    return findings;
  },
};
