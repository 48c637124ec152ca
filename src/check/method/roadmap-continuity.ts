// A road map whose actions span a local election recorded in the municipality's profile says how
// continuity is kept: elections bring new priorities and staff turnover (4.6).
import { firstDay, isCalendarDate, lastDay } from '../dates.js';
import type { Finding } from '../finding.js';
import { objects, str } from '../values.js';
import { documentsOf, type MethodRule } from './rule.js';

export const rule: MethodRule = {
  meta: {
    id: 'roadmap/continuity',
    severity: 'warning',
    summary: 'A road map whose actions span a local election says how continuity is kept.',
    adjustable: true,
    section: '4.6',
  },
  check(context) {
    const findings: Finding[] = [];
    for (const doc of documentsOf(context, 'roadmap')) {
      const municipality = str(doc.value.municipality);
      const profile = municipality ? context.index.profiles.get(municipality) : undefined;
      if (!profile) continue;
      const elections = [...objects(profile.value.constraints, '/constraints')]
        .map(([c]) => c)
        .filter((c) => c.type === 'election' && typeof c.date === 'string' && isCalendarDate(c.date));
      if (elections.length === 0) continue;
      const continuity = str(doc.value.continuity);
      const mitigated = [...objects(doc.value.risks, '/risks')].some(([r]) => r.type === 'election' && typeof r.mitigation === 'string');
      if (continuity || mitigated) continue;
      for (const election of elections) {
        const day = election.date as string;
        // Spanning includes the first and the last day: an election on either still falls inside.
        const spanning = [...objects(doc.value.actions, '/actions')].find(([a]) => {
          const start = str(a.start);
          const end = str(a.end);
          return start && end && isCalendarDate(start) && isCalendarDate(end) && firstDay(start) <= firstDay(day) && lastDay(day) <= lastDay(end);
        });
        if (!spanning) continue;
        findings.push({
          doc,
          pointer: spanning[1],
          ruleId: rule.meta.id,
          message: `Action \`${str(spanning[0].id) ?? ''}\` spans the ${str(election.title) ?? 'election'} of ${day} recorded in ${profile.doc.file}, and the road map does not say how continuity is kept. Add \`continuity\`, or a risk of type election with its mitigation.`,
        });
        break;
      }
    }
    return findings;
  },
};
