// Every id a document names must lead somewhere: municipalities, partners, stakeholders,
// practices, activities, objectives, challenges, SDG targets and countries.
import type { LoadedDocument } from '../workspace/load.js';
import { isCountryCode } from '../reference/countries.js';
import { isTarget } from '../reference/sdg.js';
import type { Finding } from './finding.js';
import type { WorkspaceIndex } from './model.js';
import { closest } from './suggest.js';
import { obj, objects, str, strings, type Obj } from './values.js';

type Table = 'municipalities' | 'partners' | 'stakeholders' | 'practices' | 'activities' | 'roadmaps';

const RULE: Record<Table, string> = {
  municipalities: 'references/municipality',
  partners: 'references/partner',
  stakeholders: 'references/stakeholder',
  practices: 'references/practice',
  activities: 'references/activity',
  roadmaps: 'references/roadmap',
};

const WHERE: Record<Table, string> = {
  municipalities: 'in the municipalities of lamd.yaml',
  partners: 'among the implementing partners of lamd.yaml',
  stakeholders: 'in stakeholders.yaml',
  practices: 'among the practices of the workspace (municipalities/<slug>/practices/)',
  activities: 'among the activities of the workspace (activities/)',
  roadmaps: 'among the road maps of the workspace (municipalities/<slug>/roadmaps/)',
};

const NOUN: Record<Table, string> = {
  municipalities: 'municipality',
  partners: 'partner',
  stakeholders: 'stakeholder',
  practices: 'practice',
  activities: 'activity',
  roadmaps: 'road map',
};

export function checkReferences(documents: readonly LoadedDocument[], index: WorkspaceIndex): Finding[] {
  const findings: Finding[] = [];

  const known = (table: Table): boolean => (table === 'stakeholders' ? index.checksStakeholders : index.hasWorkspace);
  const noRegistry = !index.hasStakeholders;
  const ref = (doc: LoadedDocument, table: Table, id: string | undefined, pointer: string) => {
    if (id === undefined || !known(table) || index[table].has(id)) return;
    if ((table === 'practices' || table === 'activities') && index.unreadableIds[table].has(id)) return;
    const guess = closest(id, [...index[table].keys()]);
    findings.push({
      doc,
      pointer,
      ruleId: RULE[table],
      message:
        table === 'stakeholders' && noRegistry
          ? `There is no stakeholder \`${id}\`: the workspace has no stakeholders.yaml yet. Create it with \`lamd new stakeholder ${id}\`, which also adds this one.`
          : `There is no ${NOUN[table]} \`${id}\` ${WHERE[table]}${guess ? `; did you mean \`${guess}\`?` : '.'}`,
    });
  };
  const refs = (doc: LoadedDocument, table: Table, list: unknown, pointer: string) => {
    for (const [id, p] of strings(list, pointer)) ref(doc, table, id, p);
  };
  const participations = (doc: LoadedDocument, list: unknown, pointer: string) => {
    for (const [item, p] of objects(list, pointer)) ref(doc, 'stakeholders', str(item.stakeholder), `${p}/stakeholder`);
  };
  const country = (doc: LoadedDocument, code: unknown, pointer: string) => {
    if (typeof code === 'string' && /^[A-Z]{2}$/.test(code) && !isCountryCode(code)) {
      findings.push({ doc, pointer, ruleId: 'references/country', message: `\`${code}\` is not an ISO 3166-1 country code. Write the two-letter code, like IT, AL, TN or MA.` });
    }
  };
  const target = (doc: LoadedDocument, id: string, pointer: string) => {
    if (/^(1[0-7]|[1-9])\.([0-9]{1,2}|[a-z])$/.test(id) && !isTarget(id)) {
      const goal = id.split('.')[0];
      findings.push({ doc, pointer, ruleId: 'references/sdg-target', message: `There is no SDG target ${id}. \`lamd sdg ${goal}\` lists the targets of goal ${goal}.` });
    }
  };

  for (const doc of documents) {
    const v: Obj = doc.value;
    switch (doc.kind) {
      case 'workspace':
        if (doc !== index.workspace) break;
        for (const [m, p] of objects(v.municipalities, '/municipalities')) {
          ref(doc, 'partners', str(m.local_partner), `${p}/local_partner`);
          country(doc, m.country, `${p}/country`);
        }
        for (const [partner, p] of objects(v.partners, '/partners')) {
          refs(doc, 'municipalities', partner.supports, `${p}/supports`);
          country(doc, partner.country, `${p}/country`);
        }
        country(doc, obj(v.coordinator)?.country, '/coordinator/country');
        break;
      case 'profile':
        ref(doc, 'municipalities', str(v.municipality), '/municipality');
        for (const [o, p] of objects(v.top_origins, '/top_origins')) country(doc, o.country, `${p}/country`);
        for (const [i, p] of objects(v.initiatives, '/initiatives')) ref(doc, 'practices', str(i.practice), `${p}/practice`);
        break;
      case 'practice': {
        ref(doc, 'municipalities', str(v.municipality), '/municipality');
        for (const [id, p] of strings(v.sdg_targets, '/sdg_targets')) target(doc, id, p);
        participations(doc, v.stakeholders, '/stakeholders');
        const cap = obj(v.capitalization);
        for (const [b, p] of objects(cap?.borrowed_by, '/capitalization/borrowed_by')) ref(doc, 'municipalities', str(b.municipality), `${p}/municipality`);
        for (const [h, p] of objects(cap?.history, '/capitalization/history')) ref(doc, 'activities', str(h.activity), `${p}/activity`);
        for (const [challenge, p] of strings(v.answers_challenges, '/answers_challenges')) {
          const [municipality] = challenge.split('/');
          if (!index.hasWorkspace || !municipality) continue;
          if (!index.municipalities.has(municipality)) ref(doc, 'municipalities', municipality, p);
          else if (!index.challenges.has(challenge)) {
            findings.push({ doc, pointer: p, ruleId: 'references/challenge', message: `The profile of \`${municipality}\` lists no challenge \`${challenge.slice(municipality.length + 1)}\`.` });
          }
        }
        break;
      }
      case 'roadmap': {
        ref(doc, 'municipalities', str(v.municipality), '/municipality');
        const sdg = obj(v.sdg);
        for (const [id, p] of strings(sdg?.targets, '/sdg/targets')) target(doc, id, p);
        for (const [t, p] of objects(sdg?.local_targets, '/sdg/local_targets')) {
          const id = str(t.target);
          if (id) target(doc, id, `${p}/target`);
        }
        refs(doc, 'practices', v.builds_on, '/builds_on');
        refs(doc, 'activities', v.consultations, '/consultations');
        participations(doc, v.working_group, '/working_group');
        uniqueItemIds(doc, v, findings);
        const objectives = new Set<string>();
        for (const [o] of objects(v.objectives, '/objectives')) if (typeof o.id === 'string') objectives.add(o.id);
        for (const [action, p] of objects(v.actions, '/actions')) {
          participations(doc, action.stakeholders, `${p}/stakeholders`);
          const objective = str(action.objective);
          if (objective !== undefined && !objectives.has(objective)) {
            const guess = closest(objective, [...objectives]);
            findings.push({
              doc,
              pointer: `${p}/objective`,
              ruleId: 'references/objective',
              message: `This road map has no objective \`${objective}\`${guess ? `; did you mean \`${guess}\`?` : objectives.size ? `. Its objectives are: ${[...objectives].map((o) => `\`${o}\``).join(', ')}.` : ' (it lists no objectives).'}`,
            });
          }
        }
        break;
      }
      case 'stakeholders':
        for (const [s, p] of objects(v.stakeholders, '/stakeholders')) {
          ref(doc, 'municipalities', str(s.municipality), `${p}/municipality`);
          country(doc, s.country, `${p}/country`);
        }
        break;
      case 'activity':
        refs(doc, 'municipalities', v.municipalities, '/municipalities');
        participations(doc, v.stakeholders, '/stakeholders');
        refs(doc, 'practices', v.practices, '/practices');
        break;
      case 'progress':
        progressReferences(doc, v, index, ref, findings);
        break;
    }
  }
  return findings;
}

/** Indicator ids and action ids are unique in their road map: progress documents refer to them. */
function uniqueItemIds(doc: LoadedDocument, roadmap: Obj, findings: Finding[]): void {
  const check = (seen: Map<string, string>, noun: string, id: string | undefined, pointer: string) => {
    if (id === undefined) return;
    if (seen.has(id)) findings.push({ doc, pointer, ruleId: 'ids/unique', message: `The ${noun} id \`${id}\` is already used in this road map (${seen.get(id)}); progress reports could not tell them apart.` });
    else seen.set(id, pointer);
  };
  const indicators = new Map<string, string>();
  for (const [o, p] of objects(roadmap.objectives, '/objectives')) for (const [i, ip] of objects(o.indicators, `${p}/indicators`)) check(indicators, 'indicator', str(i.id), `${ip}/id`);
  const actions = new Map<string, string>();
  for (const [a, p] of objects(roadmap.actions, '/actions')) check(actions, 'action', str(a.id), `${p}/id`);
}

/** The indicator ids and action ids a road map declares. */
export function roadmapItemIds(roadmap: Obj): { indicators: string[]; actions: string[] } {
  const indicators: string[] = [];
  for (const [o] of objects(roadmap.objectives, '')) for (const [i] of objects(o.indicators, '')) if (typeof i.id === 'string') indicators.push(i.id);
  const actions: string[] = [];
  for (const [a] of objects(roadmap.actions, '')) if (typeof a.id === 'string') actions.push(a.id);
  return { indicators, actions };
}

/** A progress document names its road map, that road map's municipality, and only its indicators and actions. */
function progressReferences(
  doc: LoadedDocument,
  v: Obj,
  index: WorkspaceIndex,
  ref: (doc: LoadedDocument, table: Table, id: string | undefined, pointer: string) => void,
  findings: Finding[],
): void {
  const municipality = str(v.municipality);
  ref(doc, 'municipalities', municipality, '/municipality');
  const roadmapId = str(v.roadmap);
  ref(doc, 'roadmaps', roadmapId, '/roadmap');
  const roadmap = roadmapId !== undefined ? index.roadmaps.get(roadmapId)?.value : undefined;
  if (!roadmap) return;
  const owner = str(roadmap.municipality);
  if (municipality !== undefined && owner !== undefined && municipality !== owner) {
    findings.push({ doc, pointer: '/municipality', ruleId: 'references/roadmap', message: `Road map \`${roadmapId}\` belongs to \`${owner}\`, not \`${municipality}\`. Write \`municipality: ${owner}\` and keep the file under municipalities/${owner}/progress/.` });
  }
  const ids = roadmapItemIds(roadmap);
  const item = (kind: 'indicator' | 'action', id: string | undefined, pointer: string) => {
    if (id === undefined) return;
    const known = kind === 'indicator' ? ids.indicators : ids.actions;
    if (known.includes(id)) return;
    const guess = closest(id, known);
    const listed = known.length ? `. Its ${kind}s are: ${known.map((k) => `\`${k}\``).join(', ')}.` : kind === 'indicator' ? ': it gives no indicator an `id` yet. Add `id:` to each indicator of the road map.' : ' (it lists no actions).';
    findings.push({ doc, pointer, ruleId: `references/${kind}`, message: `Road map \`${roadmapId}\` has no ${kind} \`${id}\`${guess ? `; did you mean \`${guess}\`?` : listed}` });
  };
  for (const [i, p] of objects(v.indicators, '/indicators')) item('indicator', str(i.indicator), `${p}/indicator`);
  for (const [a, p] of objects(v.actions, '/actions')) item('action', str(a.action), `${p}/action`);
  for (const [d, p] of objects(v.deviations, '/deviations')) {
    item('indicator', str(d.indicator), `${p}/indicator`);
    item('action', str(d.action), `${p}/action`);
  }
}
