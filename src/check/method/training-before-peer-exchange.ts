// Training comes first: in the approach, municipalities are trained in the first phase, then accompanied
// through the capitalization and its peer exchanges (5.1.1; 3.2.2 then 3.2.3 in the pilot). A
// municipality whose first training is dated after its first peer exchange met its peers unprepared.
import { firstDay, isCalendarDate } from '../../calendar/dates.js';
import { t } from '../../i18n/messages.js';
import type { LoadedDocument } from '../../workspace/load.js';
import type { Finding } from '../finding.js';
import { str } from '../values.js';
import { exchangeMunicipalities } from './exchange-facts.js';
import { documentsOf, type MethodRule } from './rule.js';
import { trainingMunicipalities } from './training-facts.js';

/** The earliest dated activity of each municipality, with its document. */
function earliest(docs: readonly LoadedDocument[], municipalitiesOf: (doc: LoadedDocument) => Set<string>): Map<string, { date: string; raw: string; doc: LoadedDocument }> {
  const out = new Map<string, { date: string; raw: string; doc: LoadedDocument }>();
  for (const doc of docs) {
    const raw = str(doc.value.date);
    if (!raw || !isCalendarDate(raw)) continue;
    const date = firstDay(raw);
    for (const slug of municipalitiesOf(doc)) {
      const known = out.get(slug);
      if (!known || date < known.date) out.set(slug, { date, raw, doc });
    }
  }
  return out;
}

export const rule: MethodRule = {
  meta: {
    id: 'training/before-peer-exchange',
    severity: 'warning',
    adjustable: true,
    section: '5.1.1',
  },
  check(context) {
    const activities = documentsOf(context, 'activity').filter((d) => d.value.example !== true);
    const trainings = earliest(
      activities.filter((d) => d.value.type === 'training'),
      (d) => trainingMunicipalities(d.value),
    );
    const exchanges = earliest(
      activities.filter((d) => d.value.type === 'peer-exchange'),
      (d) => exchangeMunicipalities(d.value),
    );
    const findings: Finding[] = [];
    for (const [slug, exchange] of exchanges) {
      const training = trainings.get(slug);
      // No dated training for the municipality: nothing to compare (training/participants and the
      // profile report show what was recorded).
      if (!training || training.date <= exchange.date) continue;
      findings.push({
        doc: exchange.doc,
        pointer: '/date',
        ruleId: rule.meta.id,
        message: t('training/before-peer-exchange.after', { slug, exchange: exchange.raw, training: training.raw, file: training.doc.file }),
      });
    }
    return findings;
  },
};
