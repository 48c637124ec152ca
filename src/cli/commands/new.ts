// `lamd new <kind> [id]`: adds a municipality, practice, road map, stakeholder or activity to the
// workspace: find the workspace, ask what the flags do not say, plan, write at once, say what next.
import { today } from '../../calendar/today.js';
import { scriptOf } from '../../scaffold/names.js';
import { documentLanguage } from '../../scaffold/documents.js';
import { render } from '../../i18n/messages.js';
import { join, relative, resolve } from 'node:path';
import { UsageError, WorkspaceError } from '../../errors.js';
import { checkPeriod, describeCountry, parseChoice, parseCountry, parseDay, parseGoals, parseId, parseIdAnswer, parseLanguages, parseText, type Source } from '../../scaffold/answers.js';
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
import { contactDataIn } from '../../check/contact-data.js';
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

  const asker = mayAsk({ yes: options.yes, stdinIsTTY: io.stdinIsTTY, stderrIsTTY: io.stderrIsTTY, env: io.env }) ? (io.asker ?? (await inquirerAsker())) : undefined;
  const q = new Questions(asker, (line) => io.stderr(line), language);
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
    const name = await q.text({ flag: '--name <name>', given: o.name, message: q.say(t('new.ask.name')), parse: (v, s) => parseText(v, s.label) });
    // A name in another script is asked in Latin letters too; the folder is named after that, or
    // after a transliteration (said so).
    const foreign = name !== undefined && scriptOf(name) !== 'latin';
    const spelled = foreign ? (await import('../../scaffold/transliterate.js')).transliterate(name) : undefined;
    let latinName: string | undefined;
    if (o.nameLatin !== undefined || (foreign && q.interactive)) {
      latinName = await q.text({ flag: '--name-latin <name>', given: o.nameLatin, message: q.say(t('init.ask-latin-name')), ...(spelled ? { default: spelled } : {}), parse: (v, s) => parseText(v, s.label) });
    }
    const slugSource = latinName ?? spelled ?? name;
    const slug = await slugAnswer(q, 'municipality', id, slugSource, '[slug]', t('new.ask.municipality-slug'), (slug) => requireFree(facts, 'municipality', slug));
    if (slug !== undefined && id === undefined && foreign && latinName === undefined && !q.interactive) q.note(`lamd: ${q.say(t('init.slug-transliterated', { name: name!, slug, choose: `lamd new municipality <slug>` }))}\n`);
    const country = await q.search({
      flag: '--country <code>',
      given: o.country,
      message: q.say(t('new.ask.country')),
      source: (term) => searchCountries(term).map((c) => ({ value: c.code, name: describeCountry(c.code, q.language) })),
      parse: (v) => parseCountry(v, '--country', q.language),
    });
    const languages = await q.text({ flag: '--lang <codes>', given: o.lang, message: q.say(t('new.ask.languages')), optional: true, parse: (v, s) => parseLanguages(v, s.label).codes, show: (codes) => codes.join(', ') });
    const leadUnit = await q.text({ flag: '--lead-unit <name>', given: o.leadUnit, message: q.say(t('new.ask.lead-unit')), optional: true, parse: (v, s) => parseText(v, s.label) });
    let localPartner: string | undefined;
    if (o.localPartner !== undefined) localPartner = parseId(o.localPartner, '--local-partner');
    else if (q.interactive && facts.partners.length) {
      const picked = await q.choice({
        flag: '--local-partner <id>',
        given: undefined,
        message: q.say(t('new.ask.local-partner')),
        choices: [{ value: '', name: q.say(t('new.choice.no-partner')) }, ...facts.partners.map((p) => ({ value: p, name: p }))],
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
    const municipality = await municipalityAnswer(q, facts, o.municipality, q.say(t('new.ask.owner', { kind: 'practice' })));
    const cluster = await q.choice({
      flag: '--cluster <cluster>',
      given: o.cluster,
      message: q.say(t('new.ask.cluster')),
      choices: labelled(q, 'thematicCluster', thematicClusters()),
      parse: (v) => parseChoice(v, '--cluster', thematicClusters()),
    });
    if (!practiceId || !title || !municipality || !cluster) return { files: undefined, summary: undefined };
    return { files: planPractice(facts, { id: practiceId, title, municipality, cluster }), summary: t('new.added.practice', { id: practiceId, municipality }) };
  },

  async roadmap(q, facts, id, o) {
    const { id: roadmapId, title } = await idAndTitle(q, id, o.title, 'roadmap', (id) => requireFree(facts, 'roadmap', id));
    const municipality = await municipalityAnswer(q, facts, o.municipality, q.say(t('new.ask.owner', { kind: 'roadmap' })));
    const goal = await q.choice({
      flag: '--sdg <goal>',
      given: o.sdg,
      message: q.say(t('new.ask.sdg')),
      choices: Array.from({ length: 17 }, (_, i) => String(i + 1)).map((g) => ({ value: g, name: `${g}. ${String(goalView(g, q.language).short)}` })),
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
    const name = await q.text({ flag: '--name <name>', given: o.name, message: q.say(t('new.ask.stakeholder-name')), parse: (v, s) => withoutContactData(parseText(v, s.label), t('new.what.name')) });
    const stakeholderId = await slugAnswer(q, 'stakeholder', id, name, '[id]', t('new.ask.stakeholder-id'), (id) => requireFree(facts, 'stakeholder', id));
    const type = await q.choice({ flag: '--type <type>', given: o.type, message: q.say(t('new.ask.type')), choices: labelled(q, 'stakeholderType', stakeholderTypes()), parse: (v) => parseChoice(v, '--type', stakeholderTypes()) });
    const level = await q.choice({ flag: '--level <level>', given: o.level, message: q.say(t('new.ask.level')), choices: labelled(q, 'stakeholderLevel', stakeholderLevels()), default: 'local', parse: (v) => parseChoice(v, '--level', stakeholderLevels()) });
    let municipality: string | undefined;
    if (o.municipality !== undefined) municipality = municipalityBySlug(facts, o.municipality, '--municipality').slug;
    else if (q.interactive) {
      const picked = await q.choice({
        flag: '--municipality <slug>',
        given: undefined,
        message: q.say(t('new.ask.stakeholder-municipality')),
        choices: [{ value: '', name: q.say(t('new.choice.no-municipality')) }, ...municipalityChoices(facts)],
        parse: (v) => v,
      });
      municipality = picked || undefined;
    }
    const affiliation = o.affiliation !== undefined ? withoutContactData(parseText(o.affiliation, '--affiliation'), t('new.what.affiliation')) : undefined;
    const country = o.country !== undefined ? parseCountry(o.country, '--country', q.language) : undefined;
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
    const type = await q.choice({ flag: '--type <type>', given: o.type, message: q.say(t('new.ask.activity-type')), choices: labelled(q, 'activityType', activityTypes()), parse: (v) => parseChoice(v, '--type', activityTypes()) });
    const title = await q.text({ flag: '--title <title>', given: o.title, message: q.say(t('new.ask.activity-title')), ...(type ? { default: activityTitle(type, documentLanguage(facts.language)) ?? titleFromId(type) } : {}), parse: (v, s) => parseText(v, s.label) });
    const parseActivityId = freeId(t('new.what.id'), (id) => requireFree(facts, 'activity', id));
    let activityId: string | undefined;
    if (id !== undefined) activityId = parseActivityId(id);
    else if (type) {
      const base = o.title !== undefined ? (slugify(o.title) ?? type) : type;
      let free = base;
      for (let n = 2; facts.ids.activity.has(free); n++) free = `${base}-${n}`;
      activityId = await q.text({ flag: '[id]', given: undefined, message: q.say(t('new.ask.activity-id')), default: free, parse: parseActivityId });
    }
    const date = await q.text({ flag: '--date <yyyy-mm-dd>', given: o.date, message: q.say(t('new.ask.date')), default: today(), parse: (v, s) => parseDay(v, s.label) });
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


/** A closed list's values as choices: each named in the person's language, with the value the documents and flags use. */
function labelled(q: Questions, list: string, values: readonly string[]): Choice[] {
  return values.map((value) => ({ value, name: q.say(t('choice.labelled', { label: t(`choice.${list}.${value}`), value })) }));
}

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
async function slugAnswer(q: Questions, kind: NewKind, given: string | undefined, name: string | undefined, flag: '[slug]' | '[id]', message: Text, taken: Taken): Promise<string | undefined> {
  const parse = freeId(flag === '[slug]' ? t('new.what.slug') : t('new.what.id'), taken);
  if (given !== undefined) return parse(given);
  const derived = name === undefined ? undefined : slugify(name);
  if (q.interactive) return q.text({ flag, given: undefined, message: q.say(message), ...(derived && isFree(taken, derived) ? { default: derived } : {}), parse });
  if (derived) return parse(derived);
  if (name !== undefined) q.require(flag, t('new.why.name-no-slug', { name: JSON.stringify(name), what: flag.slice(1, -1), why: whyNoSlug(name), kind }));
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
function freeId(label: Text, taken: Taken): (raw: string, source?: Source) => string {
  return (raw, source) => {
    // Typed at a question, "Sousse" stands for sousse; given after the kind, it is refused with that hint.
    const id = source?.prompted ? parseIdAnswer(raw, { label, prompted: true }) : parseId(raw, label);
    taken(id);
    return id;
  };
}

async function idAndTitle(q: Questions, id: string | undefined, title: string | undefined, kind: 'practice' | 'roadmap', taken: Taken): Promise<{ id?: string; title?: string }> {
  const parse = freeId(t('new.what.id'), taken);
  const givenId = id !== undefined ? parse(id) : undefined;
  const givenTitle = title !== undefined ? parseText(title, '--title') : undefined;
  if (!q.interactive && givenId === undefined && givenTitle === undefined) {
    q.require(t('new.need.id-or-title'));
    return {};
  }
  const outTitle = await q.text({ flag: '--title <title>', given: givenTitle, message: q.say(t('new.ask.title', { kind })), ...(givenId ? { default: titleFromId(givenId) } : {}), parse: (v, s) => parseText(v, s.label) });
  if (givenId) return { id: givenId, ...(outTitle ? { title: outTitle } : {}) };
  const derived = outTitle === undefined ? undefined : slugify(outTitle);
  if (q.interactive) {
    const asked = await q.text({ flag: '[id]', given: undefined, message: q.say(t('new.ask.id', { kind })), ...(derived && isFree(taken, derived) ? { default: derived } : {}), parse });
    return { ...(asked ? { id: asked } : {}), ...(outTitle ? { title: outTitle } : {}) };
  }
  if (derived) return { id: parse(derived), ...(outTitle ? { title: outTitle } : {}) };
  q.require('[id]', outTitle !== undefined ? t('new.why.title-no-id', { why: whyNoSlug(outTitle) }) : undefined);
  return outTitle ? { title: outTitle } : {};
}

/**
 * Refuses contact data before anything is written: `lamd validate` would reject the file it made
 * (privacy/contact-data), and the address or number would already be in the repository's history.
 */
function withoutContactData(text: string, what: Text): string {
  const found = contactDataIn(text);
  if (found) throw new UsageError(t('new.contact-data', { what, found }));
  return text;
}
