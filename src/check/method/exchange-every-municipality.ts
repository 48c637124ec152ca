// Before the road maps, every municipality has both presented to its peers and listened to them: the
// capitalization is a two-way exchange among all the municipalities, and it feeds each road map
// (3.2.3, 4.3, 5.1.1). Each municipality's road-map phase is its own where its calendar gives one (4.6).
// Information only: the records of an exchange are often incomplete.
import { firstDay, isCalendarDate } from '../../calendar/dates.js';
import { datedPhases } from '../../calendar/phases.js';
import { t } from '../../i18n/messages.js';
import type { Finding } from '../finding.js';
import { arr, obj, str } from '../values.js';
import { exchangeMunicipalities, exchangePresenters } from './exchange-facts.js';
import { documentsOf, type MethodRule } from './rule.js';

export const rule: MethodRule = {
  meta: {
    id: 'exchange/every-municipality',
    severity: 'info',
    adjustable: true,
    section: '5.1.1',
  },
  check(context) {
    const workspace = context.index.workspace;
    if (!workspace) return [];
    const network = obj(workspace.value.calendar);
    const owners = new Map(documentsOf(context, 'practice').map((d) => [str(d.value.id) ?? '', str(d.value.municipality)]));
    // A road map still marked as lamd init's example is not the municipality's yet.
    const withRoadmap = new Set(documentsOf(context, 'roadmap').filter((d) => d.value.example !== true).map((d) => str(d.value.municipality)));
    // Each exchange read once: its date, who took part, who presented, and whether a practice's owner is
    // unknown (its file could not be read: it has the error, and a presenter may be missing only because of it).
    const exchanges = documentsOf(context, 'activity')
      .filter((d) => d.value.type === 'peer-exchange')
      .map((d) => {
        const date = str(d.value.date);
        return {
          start: date && isCalendarDate(date) ? firstDay(date) : undefined,
          attended: exchangeMunicipalities(d.value),
          presented: exchangePresenters(d.value, (id) => owners.get(id)),
          ownerUnknown: arr(d.value.practices).some((id) => typeof id === 'string' && context.index.unreadableIds.practices.has(id)),
        };
      });

    const findings: Finding[] = [];
    for (const [slug, declaration] of context.index.municipalities) {
      // The road-map phase as this municipality runs it: its own calendar's where it records the phase
      // (4.6: the municipalities did not proceed at the same pace), else the network's.
      const roadmap = datedPhases(network, obj(declaration.value.calendar)).find((p) => p.phase === 'roadmap' && p.start !== undefined);
      const roadmapStart = roadmap?.start;
      // Only where it matters: the municipality has a road map, or its road-map phase has begun.
      if (!withRoadmap.has(slug) && !(roadmapStart !== undefined && context.today >= roadmapStart)) continue;
      // Exchanges held before its road-map phase; an undated one may be, so it counts.
      const before = exchanges.filter((e) => !roadmapStart || !e.start || e.start < roadmapStart);
      const attended = before.some((e) => e.attended.has(slug));
      const presented = before.some((e) => e.presented.has(slug));
      const ownerUnknown = before.some((e) => e.ownerUnknown);
      if ((presented || ownerUnknown) && attended) continue;
      findings.push({
        doc: workspace,
        pointer: declaration.pointer,
        ruleId: rule.meta.id,
        message: t(attended ? 'exchange/every-municipality.not-presented' : 'exchange/every-municipality.not-attended', { slug, before: roadmap?.rawStart ?? 'none' }),
      });
    }
    return findings;
  },
};
