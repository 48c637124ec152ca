// A road map whose actions span a local election recorded in the municipality's profile says how
// continuity is kept: elections bring new priorities and staff turnover (4.6).
import { firstDay, isCalendarDate, lastDay } from '../../calendar/dates.js';
import { t, type Text } from '../../i18n/messages.js';
import type { Finding } from '../finding.js';
import { obj, objects, str, type Obj } from '../values.js';
import { documentsOf, type MethodRule } from './rule.js';

/** A span of days, both ends included, as YYYY-MM-DD. */
interface Span {
  from: string;
  to: string;
}

/**
 * When an election happens: its day (or month, or year), or its period; 'undated' when the profile
 * gives neither, 'invalid' when what it gives is no calendar date (dates/valid reports that).
 */
function electionSpan(constraint: Obj): Span | 'undated' | 'invalid' {
  const date = str(constraint.date);
  const period = obj(constraint.period);
  const start = str(period?.start);
  const end = str(period?.end) ?? start;
  if (date !== undefined) return isCalendarDate(date) ? { from: firstDay(date), to: lastDay(date) } : 'invalid';
  if (start !== undefined && end !== undefined) return isCalendarDate(start) && isCalendarDate(end) ? { from: firstDay(start), to: lastDay(end) } : 'invalid';
  return 'undated';
}

/** When an action runs; an action with a start but no end is taken to last until the road map's period ends. */
function actionSpan(action: Obj, periodEnd: string | undefined): Span | undefined {
  const start = str(action.start);
  const end = str(action.end) ?? periodEnd;
  if (!start || !isCalendarDate(start)) return undefined;
  return { from: firstDay(start), to: end && isCalendarDate(end) ? lastDay(end) : lastDay(start) };
}

function describeElection(constraint: Obj): Text {
  const title = str(constraint.title) ?? t('roadmap/continuity.election');
  const date = str(constraint.date);
  const period = obj(constraint.period);
  const start = str(period?.start);
  const end = str(period?.end);
  if (date) return t('roadmap/continuity.election-on', { title, date });
  if (start && end) return t('roadmap/continuity.election-from-to', { title, start, end });
  if (start) return t('roadmap/continuity.election-from', { title, start });
  return t('roadmap/continuity.election-named', { title });
}

export const rule: MethodRule = {
  meta: {
    id: 'roadmap/continuity',
    severity: 'warning',
    adjustable: true,
    section: '4.6',
  },
  check(context) {
    const findings: Finding[] = [];
    for (const doc of documentsOf(context, 'roadmap')) {
      const municipality = str(doc.value.municipality);
      const profile = municipality ? context.index.profiles.get(municipality) : undefined;
      if (!profile) continue;
      const elections = objects(profile.value.constraints, '/constraints').map(([c]) => c).filter((c) => c.type === 'election');
      if (elections.length === 0) continue;
      const mitigated = str(doc.value.continuity) || objects(doc.value.risks, '/risks').some(([r]) => r.type === 'election' && typeof r.mitigation === 'string');
      if (mitigated) continue;
      const actions = objects(doc.value.actions, '/actions');
      if (actions.length === 0) continue;
      const periodEnd = str(obj(doc.value.period)?.end);

      let reported = false;
      for (const election of elections) {
        const span = electionSpan(election);
        if (typeof span === 'string') continue;
        // Both ends count: an election on an action's first or last day still falls inside it.
        const spanning = actions.find(([a]) => {
          const run = actionSpan(a, periodEnd);
          return run !== undefined && run.from <= span.to && span.from <= run.to;
        });
        if (!spanning) continue;
        findings.push({
          doc,
          pointer: spanning[1],
          ruleId: rule.meta.id,
          message: t('roadmap/continuity.during-election', { action: str(spanning[0].id) ?? '', election: describeElection(election), file: profile.doc.file }),
        });
        reported = true;
        break;
      }
      // An election without a date may fall anywhere in the road map: the method's own case (4.6).
      const undated = elections.find((e) => electionSpan(e) === 'undated');
      if (!reported && undated) {
        findings.push({
          doc,
          pointer: '',
          ruleId: rule.meta.id,
          message: t('roadmap/continuity.undated-election', { election: describeElection(undated), file: profile.doc.file }),
        });
      }
    }
    return findings;
  },
};
