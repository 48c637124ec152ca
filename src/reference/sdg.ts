// The SDG code list lamd ships (data/sdg/): goals, targets and indicators in several languages, and
// the targets lamd counts as migration-relevant. Pure data access; nothing here prints.
//
// Albanian (sq) has no translation in the source (see data/sdg/SOURCES.md): it is accepted as a
// language and falls back to the English titles. `loadSdg(lang).language` says which language the
// titles are actually in, so callers can tell the user.
import { readFileSync } from 'node:fs';
import { packageFile } from '../package-root.js';

/** Languages with SDG titles in data/sdg/ (`sdg.<lang>.json`). */
export const SDG_LANGUAGES = ['en', 'it', 'fr', 'ar', 'es'] as const;
export type SdgLanguage = (typeof SDG_LANGUAGES)[number];

/** Languages lamd accepts but has no SDG titles for, and the language shown instead. */
export const SDG_FALLBACK_LANGUAGES = { sq: 'en' } as const satisfies Record<string, SdgLanguage>;
export type SdgLanguageCode = SdgLanguage | keyof typeof SDG_FALLBACK_LANGUAGES;

export interface SdgGoal {
  /** `"1"` … `"17"`. */
  readonly id: string;
  readonly title: string;
  /** The short name, like "Reduced inequalities". */
  readonly short: string;
}

export interface SdgTarget {
  /** As the UN writes it: `"10.7"`, `"10.c"`. */
  readonly id: string;
  /** The goal's id. */
  readonly goal: string;
  readonly title: string;
}

/** One indicator entry of the code list: an indicator as listed under one target. */
export interface SdgIndicatorEntry {
  /** `"10.7.2"`. */
  readonly id: string;
  /** The target's id. */
  readonly target: string;
  readonly title: string;
}

/** An indicator with every target the code list lists it under. */
export interface SdgIndicator {
  readonly id: string;
  readonly title: string;
  readonly targets: readonly string[];
}

/** One language's code list. */
export interface SdgCodeList {
  /** The language of the titles (English for a fallback language such as `sq`). */
  readonly language: SdgLanguage;
  readonly goals: readonly SdgGoal[];
  readonly targets: readonly SdgTarget[];
  readonly indicators: readonly SdgIndicatorEntry[];
}

export type MigrationRelevance = 'direct' | 'related';

export interface MigrationTarget {
  readonly id: string;
  /** Why the target is migration-relevant (English only). */
  readonly reason: string;
}

/** data/sdg/migration-targets.json. */
export interface MigrationTargets {
  readonly description: string;
  readonly sources: readonly string[];
  /** Targets whose text names migration, migrants, mobility, trafficking, remittances, … */
  readonly direct: readonly MigrationTarget[];
  /** Targets practitioners' guidance links to migration governance at local level. */
  readonly related: readonly MigrationTarget[];
}

interface Indexed {
  list: SdgCodeList;
  goals: Map<string, SdgGoal>;
  targets: Map<string, SdgTarget>;
  targetsByGoal: Map<string, SdgTarget[]>;
  indicatorsByTarget: Map<string, SdgIndicatorEntry[]>;
  indicatorsById: Map<string, SdgIndicatorEntry[]>;
}

const cache = new Map<SdgLanguage, Indexed>();
let targetIds: Set<string> | undefined;
let migration: MigrationTargets | undefined;
let relevance: Map<string, { relevance: MigrationRelevance; reason: string }> | undefined;

export function isSdgLanguageCode(code: string): code is SdgLanguageCode {
  return (SDG_LANGUAGES as readonly string[]).includes(code) || Object.hasOwn(SDG_FALLBACK_LANGUAGES, code);
}

/** The language the titles of `lang` are shown in. */
export function titleLanguage(lang: SdgLanguageCode): SdgLanguage {
  return Object.hasOwn(SDG_FALLBACK_LANGUAGES, lang) ? SDG_FALLBACK_LANGUAGES[lang as keyof typeof SDG_FALLBACK_LANGUAGES] : (lang as SdgLanguage);
}

/** One language's code list, read once and cached. Throws if lamd's data file is missing or damaged. */
export function loadSdg(lang: SdgLanguageCode = 'en'): SdgCodeList {
  return indexed(lang).list;
}

export function findGoal(id: string, lang: SdgLanguageCode = 'en'): SdgGoal | undefined {
  return indexed(lang).goals.get(id);
}

export function findTarget(id: string, lang: SdgLanguageCode = 'en'): SdgTarget | undefined {
  return indexed(lang).targets.get(id);
}

export function findIndicator(id: string, lang: SdgLanguageCode = 'en'): SdgIndicator | undefined {
  const entries = indexed(lang).indicatorsById.get(id);
  if (!entries) return undefined;
  return Object.freeze({ id, title: entries[0]!.title, targets: Object.freeze(entries.map((e) => e.target)) });
}

/** The targets of a goal, in the UN's order (10.1 … 10.7, 10.a … 10.c); empty for an unknown goal. */
export function targetsOfGoal(goal: string, lang: SdgLanguageCode = 'en'): readonly SdgTarget[] {
  return indexed(lang).targetsByGoal.get(goal) ?? [];
}

/** The indicator entries of a target, in order; empty for an unknown target. */
export function indicatorsOfTarget(target: string, lang: SdgLanguageCode = 'en'): readonly SdgIndicatorEntry[] {
  return indexed(lang).indicatorsByTarget.get(target) ?? [];
}

/**
 * The same indicator listed under other numbers: the UN repeats some indicators under several
 * targets, each time with its own id (1.5.1 = 11.5.1 = 13.1.1). Matched on the English title, the
 * one text every language's list was translated from.
 */
export function indicatorRepeats(id: string, lang: SdgLanguageCode = 'en'): readonly SdgIndicatorEntry[] {
  const title = indexed('en').indicatorsById.get(id)?.[0]?.title;
  if (title === undefined) return [];
  const ids = indexed('en').list.indicators.filter((e) => e.title === title && e.id !== id).map((e) => e.id);
  const local = indexed(lang).indicatorsById;
  return ids.flatMap((other) => local.get(other) ?? []);
}

/**
 * Whether `id` is a target of the code list (`10.c` yes, `10.99` no). Called for every target a road
 * map names: it reads the English list's target ids alone, without the index of every title (which
 * `lamd validate <road map>` would build for nothing, a few milliseconds of its start).
 */
export function isTarget(id: string): boolean {
  if (!targetIds) {
    const built = cache.get('en');
    const ids = built ? [...built.targets.keys()] : checkedList<SdgTarget>(rawList('en'), 'targets', TARGET_FIELDS, (item, f) => item[f]).map((t) => t.id.normalize('NFC'));
    targetIds = new Set(ids);
  }
  return targetIds.has(id);
}

/** Orders goal, target and indicator ids as the UN lists them: 2 before 10, 10.7 before 10.a, a goal before its targets. */
export function compareSdgIds(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!;
    const y = pb[i]!;
    if (x === y) continue;
    const nx = /^\d+$/.test(x);
    const ny = /^\d+$/.test(y);
    if (nx && ny) return Number(x) - Number(y);
    if (nx !== ny) return nx ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}

/** The migration-relevant targets (data/sdg/migration-targets.json), read once. */
export function migrationTargets(): MigrationTargets {
  if (migration) return migration;
  const path = packageFile('data', 'sdg', 'migration-targets.json');
  const raw = readJson(path) as Partial<Record<keyof MigrationTargets, unknown>>;
  const entries = (value: unknown, key: string): MigrationTarget[] => {
    if (!Array.isArray(value)) throw damaged(path, `\`${key}\` is not a list`);
    return value.map((e: unknown, i) => {
      const item = e as Partial<MigrationTarget> | null;
      if (typeof item?.id !== 'string' || typeof item.reason !== 'string') throw damaged(path, `\`${key}[${i}]\` needs an id and a reason`);
      return Object.freeze({ id: item.id, reason: item.reason });
    });
  };
  migration = Object.freeze({
    description: typeof raw.description === 'string' ? raw.description : '',
    sources: Object.freeze(Array.isArray(raw.sources) ? raw.sources.filter((s): s is string => typeof s === 'string') : []),
    direct: Object.freeze(entries(raw.direct, 'direct')),
    related: Object.freeze(entries(raw.related, 'related')),
  });
  return migration;
}

/** Whether, and why, a target is migration-relevant; undefined when lamd does not list it. */
export function migrationRelevance(target: string): { relevance: MigrationRelevance; reason: string } | undefined {
  if (!relevance) {
    const list = migrationTargets();
    relevance = new Map();
    for (const kind of ['related', 'direct'] as const) {
      // `direct` is written last so it wins should a target ever appear in both lists.
      for (const t of list[kind]) relevance.set(t.id, { relevance: kind, reason: t.reason });
    }
  }
  return relevance.get(target);
}

function indexed(lang: SdgLanguageCode): Indexed {
  const language = titleLanguage(lang);
  const hit = cache.get(language);
  if (hit) return hit;
  if (!(SDG_LANGUAGES as readonly string[]).includes(language)) throw new Error(`lamd has no SDG titles in \`${String(lang)}\`.`);
  const built = build(language);
  cache.set(language, built);
  return built;
}

const TARGET_FIELDS = ['id', 'goal', 'title'] as const;

/** One language's data file as read, once (isTarget reads it before the index is built, build after). */
const rawLists = new Map<SdgLanguage, { path: string; raw: Record<string, unknown> }>();
function rawList(language: SdgLanguage): { path: string; raw: Record<string, unknown> } {
  let read = rawLists.get(language);
  if (!read) {
    const path = packageFile('data', 'sdg', `sdg.${language}.json`);
    rawLists.set(language, (read = { path, raw: readJson(path) as Record<string, unknown> }));
  }
  return read;
}

/**
 * The entries of one list of a data file, after a light shape check (the files are meant to be
 * swapped for newer lists, so say which one is wrong), each made by `entry`.
 */
function checkedList<T>({ path, raw }: { path: string; raw: Record<string, unknown> }, key: string, fields: readonly string[], entry: (item: Record<string, unknown>, field: string) => unknown): T[] {
  const value = raw[key];
  if (!Array.isArray(value)) throw damaged(path, `\`${key}\` is not a list`);
  return value.map((e: unknown, i) => {
    const item = e as Record<string, unknown> | null;
    const missing = fields.find((f) => typeof item?.[f] !== 'string');
    if (missing) throw damaged(path, `\`${key}[${i}].${missing}\` is not text`);
    return Object.fromEntries(fields.map((f) => [f, entry(item!, f)])) as T;
  });
}

function build(language: SdgLanguage): Indexed {
  const read = rawList(language);
  // The file is needed no more once indexed: the index keeps what it says.
  rawLists.delete(language);
  // The French, Spanish and some Arabic titles come decomposed (NFD: "o" + U+0301); NFC is the same
  // text in the form people type, so searching output and comparing strings work.
  const list = <T>(key: string, fields: readonly string[]): T[] => checkedList<T>(read, key, fields, (item, f) => (item[f] as string).normalize('NFC')).map((e) => Object.freeze(e));
  const goals = list<SdgGoal>('goals', ['id', 'title', 'short']);
  const targets = list<SdgTarget>('targets', TARGET_FIELDS);
  const indicators = list<SdgIndicatorEntry>('indicators', ['id', 'target', 'title']);

  const result: Indexed = {
    list: Object.freeze({ language, goals: Object.freeze(goals), targets: Object.freeze(targets), indicators: Object.freeze(indicators) }),
    goals: new Map(goals.map((g) => [g.id, g])),
    targets: new Map(targets.map((t) => [t.id, t])),
    targetsByGoal: new Map(),
    indicatorsByTarget: new Map(),
    indicatorsById: new Map(),
  };
  for (const t of targets) push(result.targetsByGoal, t.goal, t);
  for (const i of indicators) {
    push(result.indicatorsByTarget, i.target, i);
    push(result.indicatorsById, i.id, i);
  }
  // Callers get these lists themselves; freezing keeps one caller from changing another's data.
  for (const map of [result.targetsByGoal, result.indicatorsByTarget, result.indicatorsById]) for (const list of map.values()) Object.freeze(list);
  return result;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw damaged(path, `it cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw damaged(path, `it is not valid JSON (${(error as Error).message})`);
  }
}

function damaged(path: string, why: string): Error {
  return new Error(`lamd's SDG data file ${path} is missing or damaged: ${why}. Reinstall lamd, or restore data/sdg/.`);
}
