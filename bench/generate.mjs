// Generates the synthetic workspaces the benchmark validates: bench/workspaces/<n>/ with a
// lamd.yaml, a stakeholders.yaml, one profile, two practices and one consultation per
// municipality, and <n> road maps of realistic size (~4–8 KB), about 2 % of them invalid in the
// ways people really get road maps wrong.
//
// Deterministic: every choice comes from a seeded PRNG (never Math.random), so every machine and
// every run times the same bytes. A workspace is regenerated only when its stamp (a hash of this
// file plus the parameters) changes, so repeated `npm run bench` runs skip the work.
//
// Usage: node bench/generate.mjs [n[-variant] ...]     (default: 1 2000 10000; e.g. 2000-findings 400-network)
// Import: import { ensureWorkspace } from './generate.mjs'
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { threadId } from 'node:worker_threads';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
export const WORKSPACES_DIR = join(here, 'workspaces');

/** Bump when the output changes in a way the source hash would not show (it rarely is needed). */
const GENERATOR_VERSION = 1;
export const DEFAULT_SIZES = [1, 2000, 10000];
const SEED = 20240501;
const INVALID_RATE = 0.02;
/** Road maps per municipality: a large network, but each city with a realistic handful of files. */
const ROADMAPS_PER_MUNICIPALITY = 100;

/**
 * The kinds of workspace the benchmark times, each in bench/workspaces/<n><suffix>/:
 * - `default`: n road maps, 2 % of them invalid (the planted kinds below), the others raising no finding
 *   of their own;
 * - `findings`: the same network, none invalid, but every road map still missing what a real one
 *   often lacks (an endorsement, the practice it builds on, the baselines of two objectives): four
 *   warnings per road map, so that lamd locates findings in every file;
 * - `network`: two road maps per municipality, none invalid: n/2 municipalities for the reports.
 */
export const VARIANTS = {
  default: { suffix: '', invalidRate: INVALID_RATE, perMunicipality: ROADMAPS_PER_MUNICIPALITY, findings: false },
  findings: { suffix: '-findings', invalidRate: 0, perMunicipality: ROADMAPS_PER_MUNICIPALITY, findings: true },
  network: { suffix: '-network', invalidRate: 0, perMunicipality: 2, findings: false },
};
/** The warnings each road map of a `findings` workspace carries (rule ids, as lamd's JSON names them). */
export const PLANTED_FINDINGS = ['endorsement/roadmap', 'roadmap/learning-continuum', 'roadmap/evidence', 'roadmap/evidence'];
/** The day the workspace is "as of": statuses are coherent with it. run.mjs passes it as --today. */
export const TODAY = '2026-06-30';

// ---------------------------------------------------------------------------------------------
// PRNG. sfc32 seeded through splitmix32: small, fast, good enough statistically, and the same on
// every platform (32-bit integer arithmetic only).

function splitmix32(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

function makeRng(seed) {
  const init = splitmix32(seed);
  let a = init(), b = init(), c = init(), d = init();
  const next = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  const rng = {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
    /** k distinct items, in list order's random permutation. */
    sample(list, k) {
      const copy = [...list];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy.slice(0, Math.min(k, copy.length));
    },
  };
  return rng;
}

// ---------------------------------------------------------------------------------------------
// A small YAML writer. Hand-written rather than a library's dump so the files look like what
// people write (flow maps for small records, folded text, comments) and so every scalar is
// unambiguous to every reader in the benchmark: ajv-cli reads YAML with js-yaml 3 (YAML 1.1), which
// turns an unquoted 2024-05-01 into a Date and `NO` into false, so dates and such words are quoted.

const PLAIN_SAFE = /^[A-Za-zÀ-ÿ\u0600-\u06ff][^:#\n"'{}[\],&*!|>%@`]*$/u;
const AMBIGUOUS = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~)$/;

function scalar(value) {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  const s = String(value);
  if (PLAIN_SAFE.test(s) && !AMBIGUOUS.test(s) && !/\s$/.test(s) && !/ #/.test(s)) return s;
  return JSON.stringify(s); // a JSON string is a valid YAML double-quoted scalar
}

const isFlowable = (v) =>
  v !== null && typeof v === 'object' && !v.__block &&
  (Array.isArray(v)
    ? v.every((x) => typeof x !== 'object' || x === null) && v.join(', ').length < 60
    : Object.values(v).every((x) => typeof x !== 'object' || x === null) && Object.keys(v).length <= 4 && JSON.stringify(v).length < 90);

function flow(v) {
  if (Array.isArray(v)) return `[${v.map(scalar).join(', ')}]`;
  return `{ ${Object.entries(v).map(([k, x]) => `${k}: ${scalar(x)}`).join(', ')} }`;
}

/** Long prose becomes a folded block scalar, wrapped near 100 columns. */
function folded(text, indent) {
  const pad = ' '.repeat(indent);
  const lines = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > 96 - indent) {
      lines.push(pad + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(pad + line);
  return `>-\n${lines.join('\n')}`;
}

function emit(value, indent, out) {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) {
    for (const item of value) {
      if (item !== null && typeof item === 'object' && !Array.isArray(item) && !isFlowable(item)) {
        const sub = [];
        emit(item, indent + 2, sub);
        sub[0] = `${pad}- ${sub[0].slice(indent + 2)}`;
        out.push(...sub);
      } else if (item !== null && typeof item === 'object') {
        out.push(`${pad}- ${flow(item)}`);
      } else out.push(`${pad}- ${valueText(item, indent + 2)}`);
    }
    return;
  }
  for (const [key, v] of Object.entries(value)) {
    if (key === '__block') continue;
    if (key.startsWith('#')) {
      out.push(`${pad}${v}`); // a comment line, kept where the author put it
      continue;
    }
    if (v !== null && typeof v === 'object') {
      if (isFlowable(v)) out.push(`${pad}${key}: ${flow(v)}`);
      else {
        out.push(`${pad}${key}:`);
        emit(v, Array.isArray(v) ? indent + 2 : indent + 2, out);
      }
    } else out.push(`${pad}${key}: ${valueText(v, indent + 2)}`);
  }
}

function valueText(v, indent) {
  return typeof v === 'string' && v.length > 110 ? folded(v, indent) : scalar(v);
}

export function toYaml(doc, header = []) {
  const out = [...header];
  emit(doc, 0, out);
  return out.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// Vocabulary. Realistic wording from local migration governance, so the texts have the length and
// variety of real road maps (and the privacy rule's regexes meet real prose, not "lorem ipsum").

const CITIES = [
  ['Milano', 'IT', ['it']], ['Torino', 'IT', ['it']], ['Bologna', 'IT', ['it']], ['Palermo', 'IT', ['it']],
  ['Napoli', 'IT', ['it']], ['Bari', 'IT', ['it']], ['Genova', 'IT', ['it']], ['Catania', 'IT', ['it']],
  ['Tirana', 'AL', ['sq']], ['Durrës', 'AL', ['sq']], ['Shkodër', 'AL', ['sq']], ['Vlorë', 'AL', ['sq']],
  ['Sfax', 'TN', ['fr', 'ar']], ['Tunis', 'TN', ['fr', 'ar']], ['Sousse', 'TN', ['fr', 'ar']], ['Médenine', 'TN', ['fr', 'ar']],
  ['Tanger', 'MA', ['fr', 'ar']], ['Oujda', 'MA', ['fr', 'ar']], ['Béni Mellal', 'MA', ['fr', 'ar']], ['Nador', 'MA', ['fr', 'ar']],
  ['Sevilla', 'ES', ['es']], ['Málaga', 'ES', ['es']], ['Valencia', 'ES', ['es']], ['Almería', 'ES', ['es']],
  ['Marseille', 'FR', ['fr']], ['Lyon', 'FR', ['fr']], ['Montpellier', 'FR', ['fr']], ['Nice', 'FR', ['fr']],
  ['Thessaloniki', 'GR', ['el']], ['Patras', 'GR', ['el']], ['Ioannina', 'GR', ['el']], ['Larissa', 'GR', ['el']],
  ['Lisboa', 'PT', ['pt']], ['Porto', 'PT', ['pt']], ['Amadora', 'PT', ['pt']], ['Braga', 'PT', ['pt']],
  ['Beirut', 'LB', ['ar', 'fr']], ['Tripoli', 'LB', ['ar', 'fr']], ['Irbid', 'JO', ['ar']], ['Zarqa', 'JO', ['ar']],
  ['Dakar', 'SN', ['fr']], ['Saint-Louis', 'SN', ['fr']], ['Agadez', 'NE', ['fr']], ['Gao', 'ML', ['fr']],
  ['Oslo', 'NO', ['no']], ['Bergen', 'NO', ['no']], ['Malmö', 'SE', ['sv']], ['Göteborg', 'SE', ['sv']],
];

const slugify = (s) =>
  s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

const THEMES = [
  { slug: 'inclusive-services', title: 'Inclusive municipal services', area: 'Access to services', goal: '10', targets: ['10.2', '10.3', '10.7'], cluster: 'access-to-services' },
  { slug: 'intersectoral-governance', title: 'Intersectoral governance of migration', area: 'Governance and coordination', goal: '16', targets: ['16.6', '16.7', '16.9', '16.b'], cluster: 'governance-and-coordination' },
  { slug: 'decent-work', title: 'Decent work for migrant workers', area: 'Employment and economic inclusion', goal: '8', targets: ['8.3', '8.5', '8.7', '8.8'], cluster: 'employment-and-economic-inclusion' },
  { slug: 'diaspora-investment', title: 'Diaspora engagement for local development', area: 'Diaspora and co-development', goal: '17', targets: ['17.3', '17.16', '17.17', '17.18'], cluster: 'diaspora-and-co-development' },
  { slug: 'school-inclusion', title: 'School inclusion of migrant children', area: 'Education and training', goal: '4', targets: ['4.1', '4.5', '4.7', '4.b'], cluster: 'education-and-training' },
  { slug: 'anti-discrimination', title: 'Communication against discrimination', area: 'Communication and non-discrimination', goal: '10', targets: ['10.2', '10.3'], cluster: 'communication-and-non-discrimination' },
  { slug: 'safe-housing', title: 'Adequate housing and inclusive neighbourhoods', area: 'Urban inclusion', goal: '11', targets: ['11.1', '11.3', '11.7'], cluster: 'access-to-services' },
  { slug: 'women-migrants', title: 'Empowerment of migrant women', area: 'Participation and active citizenship', goal: '5', targets: ['5.1', '5.2', '5.5', '5.c'], cluster: 'participation-and-active-citizenship' },
  { slug: 'health-access', title: 'Access to health care for all residents', area: 'Access to services', goal: '3', targets: ['3.8', '3.c', '3.d'], cluster: 'access-to-services' },
  { slug: 'migration-data', title: 'Local data on mobility', area: 'Data and research', goal: '17', targets: ['17.18', '17.19'], cluster: 'data-and-research' },
];

const DEPARTMENTS = [
  ['social-services', 'Social Services Department'],
  ['economic-development', 'Economic Development Department'],
  ['education', 'Education and Youth Department'],
  ['urban-planning', 'Urban Planning Department'],
  ['international-relations', 'International Relations Office'],
];

const VERBS = ['Map', 'Train', 'Set up', 'Translate', 'Pilot', 'Publish', 'Co-design', 'Evaluate', 'Open', 'Organise', 'Adapt', 'Extend', 'Coordinate', 'Launch', 'Review'];
const OBJECTS = [
  'a one-stop shop for newcomers', 'front-desk staff on intercultural communication', 'the welcome guide into five languages',
  'a mentoring scheme with diaspora professionals', 'a local observatory on mobility', 'a round table of migrant associations',
  'the municipal helpdesk for residence procedures', 'a campaign against hate speech', 'language classes for parents',
  'an inventory of services open to migrants', 'a referral protocol with the health district', 'a skills-recognition desk',
  'a matching platform for diaspora investment', 'training for school mediators', 'a participatory budget line for neighbourhood projects',
  'the local action plan on integration', 'data-sharing agreements with the statistics office', 'a network of cultural mediators',
];
const CLAUSES = [
  'in close cooperation with the working group', 'building on the practice shared during the peer exchange',
  'so that newcomers find every service in one place', 'with attention to women and unaccompanied minors',
  'drawing on the experience of the diaspora associations', 'in line with the local development plan',
  'with the support of the implementing partner', 'after the internal consultation held in the capitalization phase',
  'with quarterly reviews by the steering committee', 'reaching the neighbourhoods where most migrants live',
  'so that municipal staff apply the same procedures across departments', 'using the municipal budget from the second year on',
];
const OUTPUTS = [
  'Training curriculum and materials', 'Leaflets in Arabic, French and English', 'Mapping report of local services',
  'Protocol signed by the partners', 'Online directory of services', 'Policy paper for the city council',
  'Evaluation report', 'Communication toolkit', 'Register of mentors and mentees', 'Minutes of the round tables',
];
const RESULTS = [
  'More migrants use municipal services', 'Staff apply a shared procedure', 'Migrant associations take part in decisions',
  'Fewer complaints of discrimination at the front desk', 'Diaspora projects co-financed by the municipality',
  'Children of migrant families stay in school', 'The council adopts the local action plan',
];
const ROLES = ['leads', 'co-designs', 'trains', 'hosts the sessions', 'advises', 'translates', 'monitors', 'co-finances', 'facilitates'];
const UNITS = [
  ['staff trained', 'persons'], ['people served by the desk', 'persons'], ['documents adopted', 'documents'],
  ['share of services with translated information', 'percent'], ['associations in the round table', 'associations'],
  ['diaspora projects supported', 'projects'], ['children enrolled in language support', 'persons'],
];
const VERIFY = ['Desk register', 'Training attendance sheets', 'Council minutes', 'Annual monitoring report', 'Survey of users', 'Municipal budget'];
const RISK_TEXT = {
  election: ['Municipal elections may change priorities.', 'A new council could revise the budget lines.'],
  'staff-turnover': ['The focal point may leave the administration.', 'Trained staff rotate between offices.'],
  crisis: ['A sudden increase of arrivals may absorb the services.', 'An economic downturn may cut the budget.'],
  funding: ['External funding ends with the programme.', 'Co-financing by partners is not confirmed.'],
  timing: ['Procurement may delay the start of the actions.', 'The school calendar constrains the trainings.'],
};
const MITIGATION = [
  'Technical staff who stay across administrations sit in the working group.',
  'The road map is annexed to the local development plan, which binds the next council.',
  'Procedures are written down and every training is recorded.',
  'A second focal point is appointed in each department.',
  'Budget lines are requested in the multi-year municipal budget.',
];

function sentence(rng, words = 2) {
  const parts = [`${rng.pick(VERBS)} ${rng.pick(OBJECTS)}`];
  for (let i = 1; i < words; i++) parts.push(rng.pick(CLAUSES));
  return parts.join(', ') + '.';
}

// ---------------------------------------------------------------------------------------------
// Dates, as YYYY-MM-DD strings. Statuses follow TODAY so the valid files raise no overdue warning.

function addDays(date, days) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const CALENDAR = {
  preparatory: { start: '2022-09', end: '2022-12' },
  profile: { start: '2023-01-01', end: '2023-06-30' },
  capitalization: { start: '2023-07-01', end: '2023-12-31' },
  roadmap: { start: '2024-01-01', end: '2025-12-31' },
  final: { start: '2026-03-10', end: '2026-03-11' },
};

// ---------------------------------------------------------------------------------------------
// The network: municipalities, stakeholders, practices, consultations.

function network(rng, roadmaps, perMunicipality) {
  const count = Math.max(1, Math.ceil(roadmaps / perMunicipality));
  const municipalities = [];
  for (let i = 0; i < count; i++) {
    const [name, country, languages] = CITIES[i % CITIES.length];
    const round = Math.floor(i / CITIES.length);
    // Beyond the list, the same city names come back as districts, to keep names readable.
    const display = round ? `${name} ${['II', 'III', 'IV', 'V', 'VI'][round - 1] ?? round + 1}` : name;
    municipalities.push({ slug: slugify(display), name: display, country, languages });
  }
  for (const m of municipalities) {
    m.departments = rng.sample(DEPARTMENTS, 4).map(([id, name]) => ({ id: `${m.slug}-${id}`, name }));
    m.association = `${m.slug}-migrant-association`;
    m.university = `${m.slug}-university`;
    m.themes = rng.sample(THEMES, 2);
    m.practices = m.themes.map((t) => `${m.slug}-${t.slug.split('-')[0]}-practice`);
    m.consultation = `${m.slug}-internal-consultation`;
    m.consultationDate = addDays('2023-09-01', rng.int(0, 90));
  }
  return municipalities;
}

function workspaceDoc(municipalities) {
  return {
    kind: 'workspace',
    schema_version: 1,
    programme: {
      name: 'Local Authorities Network for Migration and Development',
      short_name: 'LAs-MD',
      edition: 'synthetic benchmark edition',
      description: 'A synthetic network generated by bench/generate.mjs to measure how fast lamd checks a large workspace.',
      objectives: ['Integrate migration into local development planning', 'Capitalize and share practices among peers'],
      funders: ['European Union'],
    },
    coordinator: { name: 'International Organization for Migration', short_name: 'IOM', type: 'international-organisation', country: 'IT' },
    partners: [
      { id: 'partner-north', name: 'Centro Studi di Politica Internazionale', short_name: 'CeSPI', country: 'IT', type: 'research-centre', role: 'Accompanies the municipalities through every phase', supports: municipalities.filter((_, i) => i % 2 === 0).map((m) => m.slug) },
      { id: 'partner-south', name: 'Centre for Development and Integration', short_name: 'CDI', country: 'TN', type: 'ngo', role: 'Trains focal points and facilitates the peer exchanges', supports: municipalities.filter((_, i) => i % 2 === 1).map((m) => m.slug) },
    ],
    municipalities: municipalities.map((m, i) => ({
      slug: m.slug,
      name: m.name,
      country: m.country,
      languages: m.languages,
      lead_unit: m.departments[0].name,
      local_partner: i % 2 === 0 ? 'partner-north' : 'partner-south',
      joined: '2022-10-01',
    })),
    calendar: CALENDAR,
    languages: ['en', 'fr'],
  };
}

function stakeholdersDoc(municipalities) {
  const list = [
    { id: 'iom', name: 'International Organization for Migration', type: 'international-organisation', level: 'international' },
    { id: 'national-migration-ministry', name: 'Ministry of the Interior, migration directorate', type: 'national-ministry', level: 'national' },
    { id: 'diaspora-network', name: 'Network of diaspora associations', type: 'diaspora-association', level: 'international', migration_background: true },
  ];
  for (const m of municipalities) {
    for (const d of m.departments) list.push({ id: d.id, name: d.name, type: 'municipal-department', level: 'local', municipality: m.slug });
    list.push({ id: m.association, name: `Migrant associations of ${m.name}`, type: 'migrant-association', level: 'local', municipality: m.slug, migration_background: true });
    list.push({ id: m.university, name: `University of ${m.name}`, type: 'university', level: 'local', country: m.country, role_in_process: 'Provides data and evaluates the road maps' });
  }
  return { kind: 'stakeholders', schema_version: 1, stakeholders: list };
}

function profileDoc(rng, m) {
  return {
    kind: 'profile',
    schema_version: 1,
    municipality: m.slug,
    as_of: '2023-03-31',
    summary: `${m.name} ${rng.pick(['receives growing numbers of newcomers', 'is a city of emigration with a large diaspora', 'is a transit and destination city'])}, and ${rng.pick(CLAUSES)}.`,
    population: { value: rng.int(40, 1500) * 1000, unit: 'persons', as_of: '2022', sources: ['National statistics office'] },
    foreign_residents: { definition: 'Residents of foreign nationality', share: { value: rng.int(10, 200) / 10, unit: 'percent', as_of: '2022', approximate: true } },
    top_origins: rng.sample(['MA', 'TN', 'AL', 'RO', 'SN', 'UA', 'SY', 'EG', 'PH', 'CN'], 3).map((c) => ({ country: c, share: rng.int(5, 30) })),
    mobility: { immigration: 'Arrivals for work and family reunification.', emigration: 'Young graduates leave for other countries.' },
    competences: { decentralisation: 'Social services and local planning are municipal.', local: ['Social services', 'Schools buildings'], national: ['Residence permits', 'Asylum'] },
    framework: [{ title: 'Local development plan', type: 'local-action-plan', level: 'local', adopted: '2021-06' }],
    organisational_model: { model: rng.pick(['sectoral', 'transversal', 'mixed']) },
    starting_point: 'Migration is handled project by project, without a shared strategy.',
    triggering_factors: [{ factor: rng.pick(['change-in-migration-patterns', 'political-will', 'policy-coherence']), description: 'Named by the council when joining the network.' }],
    soft_factors: { political_vision: 'The council sees migration as part of local development.' },
    endorsements: [{ type: 'council-resolution', date: '2022-11-15', by: 'City council', reference: `Resolution ${rng.int(10, 300)}/2022` }],
    constraints: [{ type: 'election', title: 'Municipal elections', date: '2025-05-25' }],
    challenges: [{ id: 'local-data', title: 'No local data on the foreign population', cluster: 'data-and-research' }],
    data_gaps: ['No figures on emigration from the city.'],
    sources: [{ title: 'City Migration Profile', author: 'Implementing partner', year: 2023 }],
  };
}

function practiceDoc(rng, m, theme, id) {
  return {
    kind: 'practice',
    schema_version: 1,
    id,
    title: `${theme.title} in ${m.name}`,
    municipality: m.slug,
    cluster: theme.cluster,
    mgi_dimensions: rng.sample(['migrants-rights', 'whole-of-government', 'partnerships', 'socioeconomic-well-being'], 2),
    sdg_targets: rng.sample(theme.targets, 2),
    lead_department: m.departments[0].name,
    departments: [m.departments[1].name],
    stakeholders: [{ stakeholder: m.association, role: rng.pick(ROLES) }],
    period: { start: '2019-01', end: '2023-06' },
    description: `${sentence(rng, 3)} ${sentence(rng, 2)}`,
    results: [{ result: rng.pick(RESULTS), evidence: rng.pick(VERIFY) }],
    strengths: ['Strong ownership by the lead department'],
    weaknesses: ['Depends on external funding'],
    replicability: { conditions: ['A lead department with a focal point'], transferable_elements: ['Procedures and training materials'] },
    capitalization: { stage: rng.pick(['shared', 'validated']), history: [{ stage: 'shared', date: m.consultationDate, activity: m.consultation }] },
    answers_challenges: [`${m.slug}/local-data`],
  };
}

function activityDoc(m) {
  return {
    kind: 'activity',
    schema_version: 1,
    id: m.consultation,
    type: 'internal-consultation',
    title: `Internal consultation in ${m.name}`,
    date: m.consultationDate,
    mode: 'in-person',
    municipalities: [m.slug],
    stakeholders: [{ stakeholder: m.departments[0].id, role: 'hosts' }, { stakeholder: m.association, role: 'presents its priorities' }],
    theme: 'Priorities for the road maps',
    practices: m.practices,
    outcomes: ['Priorities for the road maps agreed.'],
  };
}

// ---------------------------------------------------------------------------------------------
// Road maps.

function roadmapDoc(rng, index, m, municipalities, targetsOf, indicatorsOf) {
  const theme = rng.chance(0.7) ? rng.pick(m.themes) : rng.pick(THEMES); // mostly the city's own themes
  const id = `${theme.slug}-${String(index).padStart(5, '0')}`;
  const start = addDays('2024-01-01', rng.int(0, 150));
  const end = `${rng.int(2026, 2028)}-12-31`;
  const targets = rng.sample(theme.targets.filter((t) => targetsOf.has(t)), rng.int(1, 3));

  const objectives = [];
  const objectiveCount = rng.chance(0.25) ? 3 : 2;
  for (let o = 0; o < objectiveCount; o++) {
    const indicators = [];
    for (let k = rng.chance(0.3) ? 2 : 1; k > 0; k--) {
      const [name, unit] = rng.pick(UNITS);
      const base = unit === 'percent' ? rng.int(0, 40) : rng.int(0, 300);
      const indicator = {
        name: name.charAt(0).toUpperCase() + name.slice(1),
        unit,
        baseline: { value: base, date: addDays(start, -rng.int(1, 60)) },
        target: { value: unit === 'percent' ? Math.min(100, base + rng.int(10, 50)) : base + rng.int(20, 500), date: end },
        means_of_verification: rng.pick(VERIFY),
      };
      if (rng.chance(0.3)) indicator.current = { value: base + rng.int(0, 20), date: '2026-03-31', note: 'Mid-term review.' };
      const official = indicatorsOf.get(targets[0]);
      if (official && rng.chance(0.5)) indicator.sdg_indicator = rng.pick(official);
      if (rng.chance(0.15)) indicator.proxy = true;
      indicators.push(indicator);
    }
    objectives.push({ id: `objective-${o + 1}`, title: sentence(rng, 1).replace(/\.$/, ''), indicators });
  }

  const people = [...m.departments.map((d) => d.id), m.association, m.university, 'iom', 'diaspora-network'];
  const actions = [];
  // 6 to 15 actions, most road maps near the low end (as in the pilot's Box 3), few long ones.
  const actionCount = 6 + Math.floor(10 * rng.next() ** 3);
  for (let a = 0; a < actionCount; a++) {
    const aStart = addDays(start, rng.int(0, 700));
    const planned = addDays(aStart, rng.int(30, 400));
    const aEnd = planned < end ? planned : end; // inside the road map's period (dates/action-in-period)
    const status = aEnd < TODAY ? rng.pick(['done', 'done', 'done', 'cancelled']) : aStart > TODAY ? rng.pick(['planned', 'planned', 'postponed']) : 'in-progress';
    const action = {
      id: `action-${a + 1}`,
      title: sentence(rng, 1).replace(/\.$/, ''),
      // Not every action gets a description; when it does, it comes right after the title.
      ...(rng.chance(0.35) ? { description: sentence(rng, 2) } : {}),
      objective: `objective-${rng.int(1, objectiveCount)}`,
      lead_unit: rng.pick(m.departments).name,
      stakeholders: rng.sample(people, rng.chance(0.4) ? 2 : 1).map((s) => ({ stakeholder: s, role: rng.pick(ROLES) })),
      start: aStart,
      end: aEnd,
      status,
      outputs: rng.sample(OUTPUTS, rng.chance(0.3) ? 2 : 1),
    };
    if (rng.chance(0.3)) action.expected_results = rng.sample(RESULTS, 1);
    if ((status === 'done' || status === 'in-progress') && rng.chance(0.35)) {
      action.progress = [{ date: addDays(aStart, rng.int(10, 25)), note: rng.pick(['Kick-off meeting held with the partners.', 'Terms of reference agreed.', 'First session delivered, good attendance.', 'Delayed by procurement, now on track.']) }];
    }
    actions.push(action);
  }

  const doc = {
    kind: 'roadmap',
    schema_version: 1,
    id,
    municipality: m.slug,
    title: `${theme.title} in ${m.name}`,
    area_of_intervention: theme.area,
    summary: `${m.name} ${rng.pick(['builds on', 'extends', 'takes forward'])} the practices shared during the capitalization phase. ${sentence(rng, 2)}`,
    period: { start, end },
    sdg: {
      goal: theme.goal,
      targets,
      local_targets: [{ target: targets[0], text: `${rng.pick(RESULTS)} in ${m.name} by ${end.slice(0, 4)}.` }],
      rationale: `Goal ${theme.goal} is where the city's priority meets the 2030 Agenda, ${rng.pick(CLAUSES)}.`,
    },
    builds_on: rng.chance(0.8) ? [rng.pick(m.practices)] : [rng.pick(m.practices), rng.pick(rng.pick(municipalities).practices)].filter((v, i, a) => a.indexOf(v) === i),
    consultations: [m.consultation],
    '# objectives': '# Objectives and their indicators (baseline and target for each)',
    objectives,
    '# actions': '# Actions, as in Box 3 of the publication',
    actions,
    working_group: [
      { stakeholder: m.departments[0].id, involvement: 'both', role: 'leads' },
      { stakeholder: m.departments[1].id, involvement: rng.pick(['design', 'both']) },
      ...(rng.chance(0.5) ? [{ stakeholder: m.departments[2].id, involvement: 'implementation' }] : []),
      { stakeholder: m.association, involvement: rng.pick(['design', 'both']), role: 'brings the voice of migrants' },
      ...(rng.chance(0.5) ? [{ stakeholder: m.university, involvement: 'implementation', role: 'evaluates' }] : []),
    ],
    endorsements: [{ type: rng.pick(['council-resolution', 'official-letter', 'public-statement']), date: addDays(start, -rng.int(10, 60)), by: rng.pick(['City council', 'The mayor', 'Deputy mayor for social policies']) }],
    adoption: { status: 'approved', date: addDays(start, -rng.int(1, 9)), by: 'City council' },
    institutionalisation: [{ instrument: rng.pick(['Local development plan', 'Single programming document', 'Municipal budget 2025']), type: rng.pick(['local-plan', 'programming-document', 'budget']), status: rng.pick(['planned', 'included']) }],
    horizon: `The actions continue after the programme until ${end.slice(0, 4)}, ${rng.pick(CLAUSES)}.`,
    costing: { estimate: rng.int(10, 400) * 1000, currency: 'EUR', funding: rng.pick(['secured', 'partly-secured', 'not-secured']) },
    risks: rng.sample(Object.keys(RISK_TEXT), rng.int(1, 2)).map((type) => ({ type, description: rng.pick(RISK_TEXT[type]), mitigation: rng.pick(MITIGATION) })),
    continuity: rng.pick(MITIGATION),
    monitoring: { arrangements: 'The working group reviews progress and updates this file.', responsible: m.departments[0].name, frequency: rng.pick(['Quarterly', 'Every six months']) },
    sources: [{ title: 'Road map workshop minutes', author: m.departments[0].name, year: 2023 }],
  };
  return doc;
}

/** The ways people get road maps wrong. The first four every peer sees; the last two only lamd. */
export const INVALID_KINDS = ['missing-required', 'bad-date', 'unknown-property', 'wrong-enum', 'bad-sdg-target', 'end-before-start'];

function plant(rng, doc, kind) {
  const action = rng.pick(doc.actions);
  switch (kind) {
    case 'missing-required': // the title was left out
      delete doc.title;
      break;
    case 'bad-date': // a date written the local way
      action.start = `${action.start.slice(8, 10)}/${action.start.slice(5, 7)}/${action.start.slice(0, 4)}`;
      break;
    case 'unknown-property': { // a field name guessed instead of looked up: `responsible` for `lead_unit`
      const renamed = {};
      for (const [k, v] of Object.entries(action)) renamed[k === 'lead_unit' ? 'responsible' : k] = v;
      doc.actions[doc.actions.indexOf(action)] = renamed;
      break;
    }
    case 'wrong-enum': // a status that is not one of the five
      action.status = 'ongoing';
      break;
    case 'bad-sdg-target': // a target that looks right but does not exist (no goal has a 20th target)
      doc.sdg.targets = [...doc.sdg.targets.slice(0, 1), `${doc.sdg.goal}.${rng.pick(['21', '22', '23'])}`];
      break;
    case 'end-before-start': // the end typed with the wrong year
      action.end = `${Number(action.start.slice(0, 4)) - 1}${action.start.slice(4)}`;
      break;
  }
}

// ---------------------------------------------------------------------------------------------

function stampOf(n, variant) {
  const source = readFileSync(fileURLToPath(import.meta.url));
  const hash = createHash('sha256').update(source).digest('hex').slice(0, 16);
  return { generator: GENERATOR_VERSION, source: hash, n, seed: SEED, ...variant, today: TODAY };
}

/** What a `findings` road map leaves out (see VARIANTS): four warnings, PLANTED_FINDINGS. */
function withFindings(doc) {
  // Not endorsed: no endorsement, no approval, and not yet written into an adopted instrument.
  delete doc.endorsements;
  delete doc.adoption;
  for (const instrument of doc.institutionalisation) instrument.status = 'planned';
  delete doc.builds_on;
  for (const objective of doc.objectives.slice(0, 2)) for (const indicator of objective.indicators) delete indicator.baseline;
}

/**
 * Writes bench/workspaces/<n>/ unless its stamp says it is already there. Returns the manifest:
 * the road-map files and which of them were planted invalid, and how.
 */
export function ensureWorkspace(n, { log = (m) => process.stderr.write(m + '\n'), variant: variantName = 'default' } = {}) {
  const variant = VARIANTS[variantName];
  const dir = join(WORKSPACES_DIR, `${n}${variant.suffix}`);
  const stamp = stampOf(n, variant);
  const ready = readyWorkspace(dir, stamp);
  if (ready) return ready;
  log(`bench: generating workspace of ${n} road map${n === 1 ? '' : 's'} (${variantName}) in ${dir}`);
  const started = Date.now();
  // Build in a temporary folder and rename at the end: an interrupted run never leaves a
  // half-written workspace that a stamp would vouch for. Named per process and thread: two test
  // files in one vitest process may generate the same workspace at once.
  const tmp = `${dir}.tmp-${process.pid}-${threadId}-${randomBytes(4).toString('hex')}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });

  const rng = makeRng(SEED ^ n);
  const sdg = JSON.parse(readFileSync(join(root, 'data', 'sdg', 'sdg.en.json'), 'utf8'));
  const targetsOf = new Set(sdg.targets.map((t) => t.id));
  const indicatorsOf = new Map();
  for (const i of sdg.indicators) indicatorsOf.set(i.target, [...(indicatorsOf.get(i.target) ?? []), i.id]);

  const municipalities = network(rng, n, variant.perMunicipality);
  const header = (kind) => [`# yaml-language-server: $schema=https://lamd.dev/schemas/1/${kind}.schema.json`];
  const write = (rel, doc) => {
    const file = join(tmp, rel);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, toYaml(doc, header(doc.kind)));
  };
  write('lamd.yaml', workspaceDoc(municipalities));
  write('stakeholders.yaml', stakeholdersDoc(municipalities));
  for (const m of municipalities) {
    write(`municipalities/${m.slug}/profile.yaml`, profileDoc(rng, m));
    m.themes.forEach((t, i) => write(`municipalities/${m.slug}/practices/${m.practices[i]}.yaml`, practiceDoc(rng, m, t, m.practices[i])));
    write(`activities/${m.consultationDate}-${m.consultation}.yaml`, activityDoc(m));
  }

  // Exactly round(2 %) invalid road maps, spread at random, the kinds taken in turn.
  const invalidCount = Math.round(n * variant.invalidRate);
  const invalidAt = new Map(rng.sample([...Array(n).keys()], invalidCount).map((i, k) => [i, INVALID_KINDS[k % INVALID_KINDS.length]]));
  const roadmaps = [];
  const invalid = [];
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const m = municipalities[i % municipalities.length];
    const doc = roadmapDoc(rng, i, m, municipalities, targetsOf, indicatorsOf);
    const kind = invalidAt.get(i);
    if (kind) plant(rng, doc, kind);
    if (variant.findings) withFindings(doc);
    const rel = `municipalities/${m.slug}/roadmaps/${doc.id}.yaml`;
    const text = toYaml(doc, header('roadmap'));
    const file = join(tmp, rel);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    bytes += Buffer.byteLength(text);
    roadmaps.push(rel);
    if (kind) invalid.push({ file: rel, kind });
  }
  const manifest = {
    roadmaps: roadmaps.length,
    roadmapFiles: roadmaps,
    invalid,
    otherFiles: 2 + municipalities.length * 4,
    municipalities: municipalities.length,
    roadmapBytes: bytes,
  };
  writeFileSync(join(tmp, '.bench-manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(tmp, '.bench-stamp.json'), JSON.stringify(stamp));
  if (!moveInPlace(tmp, dir, stamp)) {
    log(`bench: ${dir} was generated meanwhile by another run; using it`);
    return readyWorkspace(dir, stamp);
  }
  log(`bench: ${n} road maps (${(bytes / n / 1024).toFixed(1)} KB on average, ${invalid.length} invalid) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { dir, ...manifest };
}

/** The workspace in `dir` with its manifest, when its stamp is `stamp`; undefined otherwise. */
function readyWorkspace(dir, stamp) {
  try {
    if (JSON.stringify(JSON.parse(readFileSync(join(dir, '.bench-stamp.json'), 'utf8'))) !== JSON.stringify(stamp)) return undefined;
    return { dir, ...JSON.parse(readFileSync(join(dir, '.bench-manifest.json'), 'utf8')) };
  } catch {
    // Missing or damaged: generate.
    return undefined;
  }
}

/**
 * Renames the generated folder into place; false (and the folder removed) when another run put an
 * up-to-date workspace there first: that one may be in use, so it is never replaced. A stale one is.
 */
function moveInPlace(tmp, dir, stamp) {
  for (;;) {
    try {
      renameSync(tmp, dir);
      return true;
    } catch (error) {
      if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST' && error.code !== 'EPERM') throw error;
    }
    if (readyWorkspace(dir, stamp)) {
      rmSync(tmp, { recursive: true, force: true });
      return false;
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // `node bench/generate.mjs 2000 2000-findings 400-network`: a size, and a variant after a dash.
  const sizes = process.argv.slice(2);
  for (const size of sizes.length ? sizes : DEFAULT_SIZES.map(String)) {
    const [n, variant = 'default'] = size.split('-');
    const ws = ensureWorkspace(Number(n), { variant });
    console.log(`${ws.dir}: ${ws.roadmaps} road maps, ${ws.invalid.length} invalid, ${ws.otherFiles} other documents`);
  }
}
