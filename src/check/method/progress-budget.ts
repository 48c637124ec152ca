// An action's budget holds together: spent within committed within allocated, in the road map's
// currency, so that execution can be read against the municipal budget (4.3).
import type { Finding } from '../finding.js';
import { t, type Text } from '../../i18n/messages.js';
import { obj, objects, str } from '../values.js';
import { documentsOf, type MethodRule } from './rule.js';

export const rule: MethodRule = {
  meta: {
    id: 'progress/budget',
    severity: 'error',
    adjustable: true,
    section: '4.3',
  },
  check(context) {
    const findings: Finding[] = [];
    for (const doc of documentsOf(context, 'progress')) {
      const roadmap = context.index.roadmaps.get(str(doc.value.roadmap) ?? '')?.value;
      const roadmapCurrency = str(obj(roadmap?.costing)?.currency);
      const currencies = new Map<string, string>();
      for (const [entry, pointer] of objects(doc.value.actions, '/actions')) {
        const budget = obj(entry.budget);
        if (!budget) continue;
        const action = str(entry.action) ?? '';
        const num = (k: string) => (typeof budget[k] === 'number' ? (budget[k] as number) : undefined);
        const [allocated, committed, spent] = [num('allocated'), num('committed'), num('spent')];
        const at = `${pointer}/budget`;
        const report = (key: string, message: Text) => findings.push({ doc, pointer: `${at}/${key}`, ruleId: rule.meta.id, message });
        if (spent !== undefined && committed !== undefined && spent > committed) report('spent', t('progress/budget.spent-over-committed', { action, spent: String(spent), committed: String(committed) }));
        if (committed !== undefined && allocated !== undefined && committed > allocated) report('committed', t('progress/budget.committed-over-allocated', { action, committed: String(committed), allocated: String(allocated) }));
        else if (committed === undefined && spent !== undefined && allocated !== undefined && spent > allocated) report('spent', t('progress/budget.spent-over-allocated', { action, spent: String(spent), allocated: String(allocated) }));
        const currency = str(budget.currency);
        const amounts = [allocated, committed, spent].some((n) => n !== undefined);
        if (amounts && currency === undefined) {
          findings.push({ doc, pointer: at, ruleId: rule.meta.id, message: t('progress/budget.no-currency', { action }) });
          continue;
        }
        if (currency === undefined) continue;
        if (roadmapCurrency !== undefined && currency !== roadmapCurrency) {
          report('currency', t('progress/budget.other-currency', { action, currency, roadmapCurrency }));
        } else if (roadmapCurrency === undefined) {
          const first = [...currencies.entries()].find(([c]) => c !== currency);
          if (first) report('currency', t('progress/budget.two-currencies', { action, currency, other: first[1], otherCurrency: first[0] }));
        }
        if (!currencies.has(currency)) currencies.set(currency, action);
      }
    }
    return findings;
  },
};
