// `lamd new <kind> [id]`: adds a municipality, practice, road map, stakeholder or activity to the
// workspace: find the workspace, ask what the flags do not say, plan, write at once, say what next.
import { today } from '../../calendar/today.js';
import { scriptOf } from '../../scaffold/names.js';
import { documentLanguage } from '../../scaffold/documents.js';
import { render } from '../../i18n/messages.js';
import { join, relative, resolve } from 'node:path';
import { UsageError, WorkspaceError } from '../../errors.js';
import { checkPeriod, parseChoice, parseCountry, parseDay, parseGoals, parseId, parseIdAnswer, parseLanguages, parseText, type Source } from '../../scaffold/answers.js';
import { applyPlan, checkPlan } from '../../scaffold/apply.js';
import { searchCountries } from '../../reference/country-search.js';
import { goalView } from '../../scaffold/documents.js';
import {
  activityTitle,
  NEW_KINDS,
  planActivity,
  planMunicipality,
  planPractice,
  planRoadmap,
  planStakeholder,
  requireFree,
  municipalityBySlug,
  requireMunicipality,
  type NewKind,
  type WorkspaceFacts,
} from '../../scaffold/plan-new.js';
import type { PlannedFile } from '../../scaffold/apply.js';
import { mayAsk, Questions, type Choice } from '../../scaffold/questions.js';
import { slugify, titleFromId, whyNoSlug } from '../../scaffold/slug.js';
import { contactDataIn } from '../../check/method/privacy-contact-data.js';
import { selector, t, type Text } from '../../i18n/messages.js';
import { activityModes, activityTypes, stakeholderLevels, stakeholderTypes, thematicClusters } from '../../scaffold/vocabulary.js';
import { readWorkspaceFacts } from '../../scaffold/workspace-facts.js';
import { findWorkspaceRoot, requireWorkspaceAt } from '../../workspace/find.js';
import type { CliIO } from '../io.js';
import type { GlobalOptions } from '../global-options.js';
import { afterWriting } from '../after-writing.js';
import { inquirerAsker } from '../prompts.js';

export interface NewOptions {
  municipality?: string;
  country?: string;
  lang?: string;
  leadUnit?: string;
  localPartner?: string;
  title?: string;
  cluster?: string;
  sdg?: string;
  name?: string;
  nameLatin?: string;
  type?: string;
  level?: string;
  affiliation?: string;
  migrationBackground?: boolean;
  date?: string;
  mode?: string;
  yes?: boolean;
  dryRun?: boolean;
}

type Flag = Exclude<keyof NewOptions, 'yes' | 'dryRun'>;

/** The flags each kind reads; any other is refused rather than silently ignored. */
const FLAGS: Record<NewKind, readonly Flag[]> = {
  // --municipality is kept for the name, as before, with a note: everywhere else it is a slug.
  municipality: ['name', 'nameLatin', 'municipality', 'country', 'lang', 'leadUnit', 'localPartner'],
  practice: ['municipality', 'title', 'cluster'],
  roadmap: ['municipality', 'title', 'sdg'],
  stakeholder: ['name', 'type', 'level', 'municipality', 'affiliation', 'country', 'migrationBackground'],
  activity: ['type', 'title', 'date', 'mode', 'municipality'],
};

const flagName = (key: string) => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

export async function run(io: CliIO, global: GlobalOptions, kind: string, id: string | undefined, options: NewOptions = {}): Promise<number> {
  if (!(NEW_KINDS as readonly string[]).includes(kind)) {
    throw new UsageError(t('new.unknown-kind', { kind, kinds: NEW_KINDS.join(', ') }));
  }
  const k = kind as NewKind;
  const language = global.language ?? 'en';
  const foreign = (Object.keys(options) as Array<keyof NewOptions>).filter((key) => key !== 'yes' && key !== 'dryRun' && options[key] !== undefined && !FLAGS[k].includes(key as Flag));
  if (foreign.length) throw new UsageError(t('new.foreign-options', { count: foreign.length, flags: foreign.map(flagName).join(', '), kind: k, options: FLAGS[k].map(flagName).join(', ') }));

  if (k === 'municipality' && options.municipality !== undefined) {
    if (options.name !== undefined) throw new UsageError(t('new.municipality-and-name'));
    io.stderr(`lamd: ${render(language, t('new.municipality-as-name', { flag: `--name ${JSON.stringify(options.municipality)}` }))}\n`);
    options = { ...options, name: options.municipality, municipality: undefined };
  }

  const root = global.workspace !== undefined ? requireWorkspaceAt(resolve(io.cwd, global.workspace)) : findWorkspaceRoot(io.cwd);
  if (!root) throw new WorkspaceError(t('new.no-workspace'));
  const facts = await readWorkspaceFacts(root);

  const asker = mayAsk({ yes: options.yes, stdinIsTTY: io.stdinIsTTY, stderrIsTTY: io.stderrIsTTY, env: io.env }) ? await inquirerAsker() : undefined;
  const q = new Questions(asker, (line) => io.stderr(line));
  const { files, summary } = await ASK[k](q, facts, id, options);
  q.finish(`lamd new ${k}`);

  const checked = checkPlan(root, files!);
  const taken = checked.filter((f) => f.state === 'exists');
  if (taken.length) throw new UsageError(t('new.files-exist', { count: taken.length, files: taken.map((f) => f.path).join(', ') }));
  const display = (path: string) => relative(io.cwd, join(root, ...path.split('/'))).split('\\').join('/') || '.';
  const writes = checked.filter((f) => f.state === 'new' || f.state === 'edit');
  if (options.dryRun) {
    for (const f of writes) io.stdout(`${display(f.path)}\n`);
    io.stderr(`${render(language, t('new.dry-run', { what: t(summary!.id.replace('new.added.', 'new.would-add.'), summary!.values) }))}\n`);
    return 0;
  }
  applyPlan(root, checked);
  afterWriting(io, global.language);
  for (const f of writes) io.stdout(`${display(f.path)}\n`);
  io.stderr(`${render(language, t('new.written', { what: summary! }))}\n`);
  return 0;
}

interface Planned {
  files: PlannedFile[] | undefined;
  summary: Text | undefined;
}

type Ask = (q: Questions, facts: WorkspaceFacts, id: string | undefined, o: NewOptions) => Promise<Planned>;

const ASK: Record<NewKind, Ask> = {
  async municipality(q, facts, id, o) {
    const name = await q.text({ flag: '--name <name>', given: o.name, message: 'Name of the municipality, as written locally', parse: (v, s) => parseText(v, s.label) });
    // A name in another script is asked in Latin letters too; the folder is named after that, or
    // after a transliteration (said so).
    const foreign = name !== undefined && scriptOf(name) !== 'latin';
    const spelled = foreign ? (await import('../../scaffold/transliterate.js')).transliterate(name) : undefined;
    let latinName: string | undefined;
    if (o.nameLatin !== undefined || (foreign && q.interactive)) {
      latinName = await q.text({ flag: '--name-latin <name>', given: o.nameLatin, message: render(q.language, t('init.ask-latin-name')), ...(spelled ? { default: spelled } : {}), parse: (v, s) => parseText(v, s.label) });
    }
    const slugSource = latinName ?? spelled ?? name;
    const slug = await slugAnswer(q, 'municipality', id, slugSource, '[slug]', 'Folder name (slug) for the municipality', (slug) => requireFree(facts, 'municipality', slug));
    if (slug !== undefined && id === undefined && foreign && latinName === undefined && !q.interactive) q.note(`lamd: ${render(q.language, t('init.slug-transliterated', { name: name!, slug, choose: `lamd new municipality <slug>` }))}\n`);
    const country = await q.search({
      flag: '--country <code>',
      given: o.country,
      message: 'Country of the municipality (type to search)',
      source: (term) => searchCountries(term).map((c) => ({ value: c.code, name: `${c.name} (${c.code})` })),
      parse: (v) => parseCountry(v, '--country'),
    });
    const languages = await q.text({ flag: '--lang <codes>', given: o.lang, message: 'Languages it works in (codes or names, comma-separated: fr,ar or French, Arabic; empty to skip)', optional: true, parse: (v, s) => parseLanguages(v, s.label).codes, show: (codes) => codes.join(', ') });
    const leadUnit = await q.text({ flag: '--lead-unit <name>', given: o.leadUnit, message: 'Unit leading the process inside it (empty to fill in later)', optional: true, parse: (v, s) => parseText(v, s.label) });
    let localPartner: string | undefined;
    if (o.localPartner !== undefined) localPartner = parseId(o.localPartner, '--local-partner');
    else if (q.interactive && facts.partners.length) {
      const picked = await q.choice({
        flag: '--local-partner <id>',
        given: undefined,
        message: 'Implementing partner that accompanies it',
        choices: [{ value: '', name: '(none yet)' }, ...facts.partners.map((p) => ({ value: p, name: p }))],
        parse: (v) => v,
      });
      localPartner = picked || undefined;
    }
    if (slug === undefined || name === undefined || country === undefined) return { files: undefined, summary: undefined };
    const files = planMunicipality(facts, { slug, name, ...(latinName !== undefined ? { latinName } : {}), country, languages: languages ?? [], ...(leadUnit ? { leadUnit } : {}), ...(localPartner ? { localPartner } : {}) });
    return { files, summary: t('new.added.municipality', { id: slug, name }) };
  },

  async practice(q, facts, id, o) {
    const { id: practiceId, title } = await idAndTitle(q, id, o.title, 'practice', (id) => requireFree(facts, 'practice', id));
    const municipality = await municipalityAnswer(q, facts, o.municipality, 'Municipality the practice belongs to');
    const cluster = await q.choice({
      flag: '--cluster <cluster>',
      given: o.cluster,
      message: 'Thematic cluster (groups practices for the peer exchanges)',
      choices: thematicClusters().map((c) => ({ value: c, name: c })),
      parse: (v) => parseChoice(v, '--cluster', thematicClusters()),
    });
    if (!practiceId || !title || !municipality || !cluster) return { files: undefined, summary: undefined };
    return { files: planPractice(facts, { id: practiceId, title, municipality, cluster }), summary: t('new.added.practice', { id: practiceId, municipality }) };
  },

  async roadmap(q, facts, id, o) {
    const { id: roadmapId, title } = await idAndTitle(q, id, o.title, 'road map', (id) => requireFree(facts, 'roadmap', id));
    const municipality = await municipalityAnswer(q, facts, o.municipality, 'Municipality the road map belongs to');
    const goal = await q.choice({
      flag: '--sdg <goal>',
      given: o.sdg,
      message: 'The one SDG the road map is linked to',
      choices: Array.from({ length: 17 }, (_, i) => String(i + 1)).map((g) => ({ value: g, name: `${g}. ${String(goalView(g).short)}` })),
      default: '10',
      parse: (v) => {
        const goals = parseGoals(v, '--sdg');
        if (goals.length !== 1) throw new UsageError(t('new.one-sdg'));
        return goals[0]!;
      },
    });
    if (!roadmapId || !title || !municipality || !goal) return { files: undefined, summary: undefined };
    return { files: planRoadmap(facts, { id: roadmapId, title, municipality, goal }), summary: t('new.added.roadmap', { id: roadmapId, municipality }) };
  },

  async stakeholder(q, facts, id, o) {
    const name = await q.text({ flag: '--name <name>', given: o.name, message: 'Name of the organisation, unit or role (no personal contact details)', parse: (v, s) => withoutContactData(parseText(v, s.label), 'The name') });
    const stakeholderId = await slugAnswer(q, 'stakeholder', id, name, '[id]', 'Id to refer to it', (id) => requireFree(facts, 'stakeholder', id));
    const type = await q.choice({ flag: '--type <type>', given: o.type, message: 'Type', choices: stakeholderTypes().map((t) => ({ value: t, name: t })), parse: (v) => parseChoice(v, '--type', stakeholderTypes()) });
    const level = await q.choice({ flag: '--level <level>', given: o.level, message: 'Level', choices: stakeholderLevels().map((l) => ({ value: l, name: l })), default: 'local', parse: (v) => parseChoice(v, '--level', stakeholderLevels()) });
    let municipality: string | undefined;
    if (o.municipality !== undefined) municipality = municipalityBySlug(facts, o.municipality, '--municipality').slug;
    else if (q.interactive) {
      const picked = await q.choice({
        flag: '--municipality <slug>',
        given: undefined,
        message: 'Municipality it belongs to or works in',
        choices: [{ value: '', name: '(none: national or international)' }, ...municipalityChoices(facts)],
        parse: (v) => v,
      });
      municipality = picked || undefined;
    }
    const affiliation = o.affiliation !== undefined ? withoutContactData(parseText(o.affiliation, '--affiliation'), 'The affiliation (--affiliation)') : undefined;
    const country = o.country !== undefined ? parseCountry(o.country, '--country') : undefined;
    if (!name || !stakeholderId || !type || !level) return { files: undefined, summary: undefined };
    const files = planStakeholder(facts, {
      id: stakeholderId,
      name,
      type,
      level,
      ...(municipality ? { municipality } : {}),
      ...(affiliation ? { affiliation } : {}),
      ...(country ? { country } : {}),
      migrationBackground: Boolean(o.migrationBackground),
    });
    return { files, summary: t('new.added.stakeholder', { id: stakeholderId }) };
  },

  async activity(q, facts, id, o) {
    const type = await q.choice({ flag: '--type <type>', given: o.type, message: 'Type of activity', choices: activityTypes().map((t) => ({ value: t, name: t })), parse: (v) => parseChoice(v, '--type', activityTypes()) });
    const title = await q.text({ flag: '--title <title>', given: o.title, message: 'Title', ...(type ? { default: activityTitle(type, documentLanguage(facts.language)) ?? titleFromId(type) } : {}), parse: (v, s) => parseText(v, s.label) });
    const parseActivityId = freeId('The id', (id) => requireFree(facts, 'activity', id));
    let activityId: string | undefined;
    if (id !== undefined) activityId = parseActivityId(id);
    else if (type) {
      const base = o.title !== undefined ? (slugify(o.title) ?? type) : type;
      let free = base;
      for (let n = 2; facts.ids.activity.has(free); n++) free = `${base}-${n}`;
      activityId = await q.text({ flag: '[id]', given: undefined, message: 'Id of the activity', default: free, parse: parseActivityId });
    }
    const date = await q.text({ flag: '--date <yyyy-mm-dd>', given: o.date, message: 'Day it takes place (YYYY-MM-DD, or 1 March 2025)', default: today(), parse: (v, s) => parseDay(v, s.label) });
    const mode = o.mode !== undefined ? parseChoice(o.mode, '--mode', activityModes()) : undefined;
    const municipalities =
      o.municipality !== undefined
        ? [...new Set(o.municipality.split(/[\s,;]+/).filter(Boolean))].map((s) => municipalityBySlug(facts, s, '--municipality').slug)
        : [];
    if (!type || !title || !activityId || !date) return { files: undefined, summary: undefined };
    checkPeriod(date, date, '--date', '--date');
    return { files: planActivity(facts, { id: activityId, type, title, date, ...(mode ? { mode } : {}), municipalities }), summary: t('new.added.activity', { id: activityId, type: selector(type) }) };
  },
};


function municipalityChoices(facts: WorkspaceFacts): Choice[] {
  return facts.municipalities.map((m) => ({ value: m.slug, name: m.name === m.slug ? m.slug : `${m.slug} (${m.name})` }));
}

/** The owning municipality: the flag, else asked, else the workspace's only municipality. */
async function municipalityAnswer(q: Questions, facts: WorkspaceFacts, given: string | undefined, message: string): Promise<string | undefined> {
  if (given !== undefined) return municipalityBySlug(facts, given, '--municipality').slug;
  const only = facts.municipalities.length === 1 ? facts.municipalities[0]!.slug : undefined;
  return q.choice({
    flag: '--municipality <slug>',
    given: undefined,
    message,
    choices: municipalityChoices(facts),
    ...(only ? { default: only } : {}),
    parse: (v) => requireMunicipality(facts, v, '--municipality').slug,
  });
}

/** An id given, or derived from the name when it transliterates safely (asked to confirm when lamd may ask). */
async function slugAnswer(q: Questions, kind: NewKind, given: string | undefined, name: string | undefined, flag: '[slug]' | '[id]', message: string, taken: Taken): Promise<string | undefined> {
  const parse = freeId(flag === '[slug]' ? 'The slug' : 'The id', taken);
  if (given !== undefined) return parse(given);
  const derived = name === undefined ? undefined : slugify(name);
  if (q.interactive) return q.text({ flag, given: undefined, message: `${message}: lowercase a-z, digits and hyphens`, ...(derived && isFree(taken, derived) ? { default: derived } : {}), parse });
  if (derived) return parse(derived);
  if (name !== undefined) q.require(flag, `The name ${JSON.stringify(name)} cannot be turned into a safe ${flag.slice(1, -1)} (${whyNoSlug(name)}), so give one after the kind: \`lamd new ${kind} <${flag.slice(1, -1)}>\`.`);
  return undefined;
}

/** Throws a UsageError when an id is taken (the plan's own check, run early). */
type Taken = (id: string) => void;

/** Whether an id is not taken yet: only a free id is offered as the default answer. */
function isFree(taken: Taken, id: string): boolean {
  try {
    taken(id);
    return true;
  } catch {
    return false;
  }
}

/**
 * Parses an id and refuses one already taken, so a prompt asks again at once and a flag fails before
 * any other question.
 */
function freeId(label: string, taken: Taken): (raw: string, source?: Source) => string {
  return (raw, source) => {
    // Typed at a question, "Sousse" stands for sousse; given after the kind, it is refused with that hint.
    const id = source?.prompted ? parseIdAnswer(raw, { label, prompted: true }) : parseId(raw, label);
    taken(id);
    return id;
  };
}

async function idAndTitle(q: Questions, id: string | undefined, title: string | undefined, what: string, taken: Taken): Promise<{ id?: string; title?: string }> {
  const parse = freeId('The id', taken);
  const givenId = id !== undefined ? parse(id) : undefined;
  const givenTitle = title !== undefined ? parseText(title, '--title') : undefined;
  if (!q.interactive && givenId === undefined && givenTitle === undefined) {
    q.require('an id (after the kind) or --title <title>');
    return {};
  }
  const outTitle = await q.text({ flag: '--title <title>', given: givenTitle, message: `Title of the ${what}`, ...(givenId ? { default: titleFromId(givenId) } : {}), parse: (v, s) => parseText(v, s.label) });
  if (givenId) return { id: givenId, ...(outTitle ? { title: outTitle } : {}) };
  const derived = outTitle === undefined ? undefined : slugify(outTitle);
  if (q.interactive) {
    const asked = await q.text({ flag: '[id]', given: undefined, message: `Id of the ${what} (its file name): lowercase a-z, digits and hyphens`, ...(derived && isFree(taken, derived) ? { default: derived } : {}), parse });
    return { ...(asked ? { id: asked } : {}), ...(outTitle ? { title: outTitle } : {}) };
  }
  if (derived) return { id: parse(derived), ...(outTitle ? { title: outTitle } : {}) };
  q.require('[id]', outTitle !== undefined ? `The title cannot be turned into an id safely (${whyNoSlug(outTitle)}), so give the id after the kind.` : undefined);
  return outTitle ? { title: outTitle } : {};
}

/**
 * Refuses contact data before anything is written: `lamd validate` would reject the file it made
 * (privacy/contact-data), and the address or number would already be in the repository's history.
 */
function withoutContactData(text: string, what: string): string {
  const found = contactDataIn(text);
  if (found) throw new UsageError(t('new.contact-data', { what, found }));
  return text;
}
