// Before the road maps, every municipality has both presented to its peers and listened to them: the
// capitalization is a two-way exchange among all the municipalities, and it feeds each road map
// (3.2.3, 4.3, 5.1.1). Information only: the records of an exchange are often incomplete.
import { firstDay, isCalendarDate } from '../../calendar/dates.js';
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
    const roadmapStartRaw = str(obj(obj(workspace.value.calendar)?.roadmap)?.start);
    const roadmapStart = roadmapStartRaw && isCalendarDate(roadmapStartRaw) ? firstDay(roadmapStartRaw) : undefined;
    const owners = new Map(documentsOf(context, 'practice').map((d) => [str(d.value.id) ?? '', str(d.value.municipality)]));
    // A road map still marked as lamd init's example is not the municipality's yet.
    const withRoadmap = new Set(documentsOf(context, 'roadmap').filter((d) => d.value.example !== true).map((d) => str(d.value.municipality)));
    const phaseReached = roadmapStart !== undefined && context.today >= roadmapStart;

    // Exchanges held before the road-map phase; an undated one may be, so it counts.
    const before = documentsOf(context, 'activity').filter((d) => {
      if (d.value.type !== 'peer-exchange') return false;
      const date = str(d.value.date);
      return !roadmapStart || !date || !isCalendarDate(date) || firstDay(date) < roadmapStart;
    });
    const attended = new Set(before.flatMap((d) => [...exchangeMunicipalities(d.value)]));
    const presented = new Set(before.flatMap((d) => [...exchangePresenters(d.value, (id) => owners.get(id))]));
    // A practice whose file lamd could not read has an owner nobody knows: its file has the error, and
    // a presenter may be missing only because of it.
    const ownerUnknown = before.some((d) => arr(d.value.practices).some((id) => typeof id === 'string' && context.index.unreadableIds.practices.has(id)));

    const findings: Finding[] = [];
    for (const [slug, declaration] of context.index.municipalities) {
      // Only where it matters: the municipality has a road map, or the road-map phase has begun.
      if (!withRoadmap.has(slug) && !phaseReached) continue;
      if ((presented.has(slug) || ownerUnknown) && attended.has(slug)) continue;
      findings.push({
        doc: workspace,
        pointer: declaration.pointer,
        ruleId: rule.meta.id,
        message: t(attended.has(slug) ? 'exchange/every-municipality.not-presented' : 'exchange/every-municipality.not-attended', { slug, before: roadmapStartRaw ?? 'none' }),
      });
    }
    return findings;
  },
};
