// An action's budget holds together: spent within committed within allocated, in the road map's
// currency, so that execution can be read against the municipal budget (4.3).
import type { Finding } from '../finding.js';
import { obj, objects, str } from '../values.js';
import { documentsOf, type MethodRule } from './rule.js';

export const rule: MethodRule = {
  meta: {
    id: 'progress/budget',
    severity: 'error',
    summary: "An action's budget holds together: spent ≤ committed ≤ allocated, in one currency.",
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
        const report = (key: string, message: string) => findings.push({ doc, pointer: `${at}/${key}`, ruleId: rule.meta.id, message });
        if (spent !== undefined && committed !== undefined && spent > committed) report('spent', `Action \`${action}\`: spent (${spent}) is more than committed (${committed}). Money is committed before it is spent; correct the figures.`);
        if (committed !== undefined && allocated !== undefined && committed > allocated) report('committed', `Action \`${action}\`: committed (${committed}) is more than allocated (${allocated}). Record the extra allocation, or correct the figures.`);
        else if (committed === undefined && spent !== undefined && allocated !== undefined && spent > allocated) report('spent', `Action \`${action}\`: spent (${spent}) is more than allocated (${allocated}). Record the extra allocation, or correct the figures.`);
        const currency = str(budget.currency);
        const amounts = [allocated, committed, spent].some((n) => n !== undefined);
        if (amounts && currency === undefined) {
          findings.push({ doc, pointer: at, ruleId: rule.meta.id, message: `Action \`${action}\`: the budget gives amounts but no \`currency\` (EUR, ALL, TND, MAD).` });
          continue;
        }
        if (currency === undefined) continue;
        if (roadmapCurrency !== undefined && currency !== roadmapCurrency) {
          report('currency', `Action \`${action}\` is budgeted in ${currency}, but the road map's costing is in ${roadmapCurrency}. Convert the amounts, or correct the currency.`);
        } else if (roadmapCurrency === undefined) {
          const first = [...currencies.entries()].find(([c]) => c !== currency);
          if (first) report('currency', `Action \`${action}\` is budgeted in ${currency}, but action \`${first[1]}\` in ${first[0]}. Report one currency per road map.`);
        }
        if (!currencies.has(currency)) currencies.set(currency, action);
      }
    }
    return findings;
  },
};
