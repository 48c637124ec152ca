// A practice recorded as shared, validated or borrowed was shared somewhere: in a peer exchange that
// names it, or one its capitalization history names (3.2.3, 5.1.1: practices are identified, then
// exchanged, validated and possibly borrowed among the municipalities).
import { t } from '../../i18n/messages.js';
import type { Finding } from '../finding.js';
import { obj, objects, str } from '../values.js';
import { documentsOf, type MethodRule } from './rule.js';
import { exchangePractices } from './exchange-facts.js';

const AMONG_PEERS = new Set(['shared', 'validated', 'borrowed']);

export const rule: MethodRule = {
  meta: {
    id: 'practice/exchange-behind-stage',
    severity: 'warning',
    adjustable: true,
    section: '3.2.3',
  },
  check(context) {
    const findings: Finding[] = [];
    const exchanges = documentsOf(context, 'activity').filter((d) => d.value.type === 'peer-exchange');
    const exchangeIds = new Set(exchanges.map((d) => str(d.value.id)).filter((id): id is string => id !== undefined));
    const discussed = new Set(exchanges.flatMap((d) => [...exchangePractices(d.value)]));
    for (const doc of documentsOf(context, 'practice')) {
      const capitalization = obj(doc.value.capitalization);
      const stage = str(capitalization?.stage);
      const id = str(doc.value.id);
      // lamd init's example practice illustrates the stages; workspace/examples-remaining speaks of it.
      if (doc.value.example === true || !stage || !AMONG_PEERS.has(stage) || !id || discussed.has(id)) continue;
      const history = objects(capitalization?.history, '/capitalization/history');
      if (history.some(([h]) => exchangeIds.has(str(h.activity) ?? ''))) continue;
      // An activity lamd could not read may be the exchange: its own file has the error.
      if (history.some(([h]) => context.index.unreadableIds.activities.has(str(h.activity) ?? ''))) continue;
      findings.push({
        doc,
        pointer: '/capitalization/stage',
        ruleId: rule.meta.id,
        message: t('practice/exchange-behind-stage.no-exchange', { stage }),
      });
    }
    return findings;
  },
};
