// Political endorsement is recorded for each municipality (its profile) and each road map: the
// pilot secured it through council resolutions, official letters and public statements (4.4).
import type { Finding } from '../finding.js';
import { arr, obj, str } from '../values.js';
import { documentsOf, type MethodRule } from './rule.js';

export const municipalityRule: MethodRule = {
  meta: {
    id: 'endorsement/municipality',
    severity: 'warning',
    summary: "Each municipality's profile records the political endorsement of its participation.",
    adjustable: true,
    section: '4.4',
  },
  check(context) {
    const findings: Finding[] = [];
    const profiles = new Map(documentsOf(context, 'profile').map((d) => [str(d.value.municipality), d]));
    for (const doc of documentsOf(context, 'profile')) {
      if (arr(doc.value.endorsements).length > 0) continue;
      findings.push({
        doc,
        pointer: '',
        ruleId: municipalityRule.meta.id,
        message: `The profile records no political endorsement of \`${str(doc.value.municipality) ?? ''}\`'s participation. Add it under \`endorsements\` (a council resolution, an official letter or a public statement).`,
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
          ruleId: municipalityRule.meta.id,
          message: `\`${slug}\` has no profile (municipalities/${slug}/profile.yaml), so its political endorsement is not recorded.`,
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
    summary: 'Each road map records its political endorsement or its approval.',
    adjustable: true,
    section: '4.4',
  },
  check(context) {
    const findings: Finding[] = [];
    for (const doc of documentsOf(context, 'roadmap')) {
      // Entering an adopted plan, programme or budget is the political level's endorsement too: the
      // pilot's clearest results were road-map elements written into such instruments (4.3).
      const institutionalised = arr(doc.value.institutionalisation).some((i) => str(obj(i)?.status) === 'included');
      if (arr(doc.value.endorsements).length > 0 || str(obj(doc.value.adoption)?.status) === 'approved' || institutionalised) continue;
      findings.push({
        doc,
        pointer: '',
        ruleId: roadmapRule.meta.id,
        message: 'The road map records no political endorsement. Add one under `endorsements`, `adoption: { status: approved }` once the council approves it, or the plan or budget it has entered under `institutionalisation` (status included): road maps that outlast the programme need the political level behind them.',
      });
    }
    return findings;
  },
};
