// Political endorsement is recorded for each municipality (its profile) and each road map: the
// pilot secured it through council resolutions, official letters and public statements (4.4).
import type { Severity } from '../../diagnostics.js';
import { t } from '../../i18n/messages.js';
import type { Finding } from '../finding.js';
import { arr, obj, str } from '../values.js';
import { documentsOf, type MethodRule, type RuleContext } from './rule.js';

/**
 * The severity of a missing municipal endorsement on `today`: only info while the programme is still
 * in its preparatory phase, when the endorsement is being sought (3.2.1: engagement and selection);
 * the rule's own severity from the start of phase 1, whose City Migration Profile presents it (3.2.2,
 * 4.4). Phase 1 starts at `calendar.profile.start`, else after `calendar.preparatory.end`; a calendar
 * that dates neither means preparation is still open. Without a calendar lamd cannot tell, and a
 * severity set in lamd.yaml's `rules:` is always the user's choice: both keep the rule's severity.
 */
function municipalitySeverity(context: RuleContext): Severity | undefined {
  const workspace = context.index.workspace?.value;
  if (!workspace || obj(workspace.rules)?.['endorsement/municipality'] !== undefined) return undefined;
  const calendar = obj(workspace.calendar);
  if (!calendar) return undefined;
  const phase1 = str(obj(calendar.profile)?.start);
  const preparatoryEnd = str(obj(calendar.preparatory)?.end);
  if (phase1 !== undefined) return context.today < phase1 ? 'info' : undefined;
  if (preparatoryEnd !== undefined) return context.today <= preparatoryEnd || context.today.startsWith(preparatoryEnd) ? 'info' : undefined;
  return 'info';
}

export const municipalityRule: MethodRule = {
  meta: {
    id: 'endorsement/municipality',
    severity: 'warning',
    adjustable: true,
    section: '4.4',
  },
  check(context) {
    const findings: Finding[] = [];
    const severity = municipalitySeverity(context);
    const graded = severity ? { severity } : {};
    const profiles = new Map(documentsOf(context, 'profile').map((d) => [str(d.value.municipality), d]));
    for (const doc of documentsOf(context, 'profile')) {
      if (arr(doc.value.endorsements).length > 0) continue;
      findings.push({
        doc,
        pointer: '',
        ...graded,
        ruleId: municipalityRule.meta.id,
        message: t('endorsement/municipality.none', { municipality: str(doc.value.municipality) ?? '' }),
      });
    }
    // A municipality with no profile at all is named in lamd.yaml, where the gap is.
    const workspace = context.index.workspace;
    if (workspace) {
      for (const [slug, declaration] of context.index.municipalities) {
        if (profiles.has(slug)) continue;
        findings.push({
          doc: workspace,
          pointer: declaration.pointer,
          ...graded,
          ruleId: municipalityRule.meta.id,
          message: t('endorsement/municipality.no-profile', { municipality: slug }),
        });
      }
    }
    return findings;
  },
};

export const roadmapRule: MethodRule = {
  meta: {
    id: 'endorsement/roadmap',
    severity: 'warning',
    adjustable: true,
    section: '4.4',
  },
  check(context) {
    const findings: Finding[] = [];
    for (const doc of documentsOf(context, 'roadmap')) {
      // Entering an adopted plan, programme or budget is the political level's endorsement too: the
      // pilot's clearest results were road-map elements written into such instruments (4.3).
      const institutionalised = arr(doc.value.institutionalisation).some((i) => ['included', 'adopted'].includes(str(obj(i)?.status) ?? ''));
      if (arr(doc.value.endorsements).length > 0 || str(obj(doc.value.adoption)?.status) === 'approved' || institutionalised) continue;
      findings.push({
        doc,
        pointer: '',
        ruleId: roadmapRule.meta.id,
        message: t('endorsement/roadmap.none'),
      });
    }
    return findings;
  },
};
