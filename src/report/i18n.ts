// The report's language: message catalogues for headings and fixed phrases
// (templates/reports/i18n/<lang>.json, overridable per key from a workspace), formatted as ICU
// MessageFormat, and dates, numbers, countries and lists written for that language (src/i18n/format.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  directionOf,
  datePrecision,
  formatDuration,
  formatIsoDate,
  formatList,
  formatMessage,
  formatMessageParts,
  formatMoney,
  formatNumber,
  formatPercent,
  localeOf,
  MessageSyntaxError,
  messageArguments,
} from '../i18n/format.js';
import { countryName } from '../reference/countries.js';
import { t } from '../i18n/messages.js';
import { blockSafe, md, mdFragment, mdParagraphs, type Md } from './markdown.js';
import { readTemplateFile, TemplateError, type TemplateSources } from './template-files.js';
import { jsonSyntaxError } from './template-syntax.js';
import { sharePlainData } from './plain-data.js';

/**
 * Messages given a date that are also given its `precision` (`day`, `month` or `year`), for the
 * languages whose wording depends on it: French "depuis le 1er mars 2025" but "depuis 2025",
 * Italian "dal 2018" but "da marzo 2018". English takes no notice of it.
 */
export const DATE_MESSAGES: Readonly<Record<string, string>> = {
  'phrase.period_from': 'start',
  'phrase.period_until': 'end',
  'phrase.adopted': 'date',
  'phrase.accessed': 'date',
};

/** The values lamd gives a message: those English uses, and `precision` for the dated ones. */
export function valuesGiven(key: string, english: string): Set<string> {
  const names = messageArguments(english);
  if (key in DATE_MESSAGES) names.add('precision');
  return names;
}

/** Languages lamd ships complete catalogues for (a test holds every key of each to a real translation). */
export const REPORT_LANGUAGES = ['en', 'it', 'fr', 'sq', 'ar'] as const;

const LANGUAGE_CODE = /^[a-z]{2,3}$/;

/** Flat catalogue: `heading.network` → text. */
export type Catalogue = ReadonlyMap<string, string>;

export interface LanguageChoice {
  lang: string;
  /** Where the language's catalogue comes from: lamd itself, or only the workspace's override folder. */
  origin: 'shipped' | 'workspace';
}

/** The report languages available: lamd's own, plus any catalogue a workspace adds in its override folder. */
export function availableLanguages(sources: TemplateSources): LanguageChoice[] {
  const out: LanguageChoice[] = REPORT_LANGUAGES.map((lang) => ({ lang, origin: 'shipped' as const }));
  for (const name of sources.listOverride('i18n')) {
    const lang = name.replace(/\.json$/, '');
    if (name.endsWith('.json') && LANGUAGE_CODE.test(lang) && !out.some((l) => l.lang === lang)) out.push({ lang, origin: 'workspace' });
  }
  return out;
}

function flatten(value: unknown, prefix: string, out: Map<string, string>, file: string): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new TemplateError(t('catalogue.not-groups', { file, key: prefix || t('catalogue.top-level') }));
  }
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (!/^[a-z0-9][a-z0-9_-]*$/.test(key)) continue; // `__proto__` and other odd keys are ignored, never merged
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof item === 'string') out.set(path, item);
    else flatten(item, path, out, file);
  }
}

function parseCatalogue(text: string, file: string): Map<string, string> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new TemplateError(jsonSyntaxError(file, text) ?? t('catalogue.not-json', { file, error: (error as Error).message }));
  }
  const out = new Map<string, string>();
  flatten(value, '', out, file);
  return out;
}

/** lamd's own catalogue for a language (undefined when lamd ships none). */
export function shippedCatalogue(sources: TemplateSources, lang: string): Catalogue | undefined {
  const path = join(sources.shippedDir, 'i18n', `${lang}.json`);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  // Parsed once per text: lamd report all renders a report per municipality, each in the same languages.
  const known = shippedParsed.get(path);
  if (known?.text === text) return known.catalogue;
  const catalogue = parseCatalogue(text, path);
  shippedParsed.set(path, { text, catalogue });
  return catalogue;
}

const shippedParsed = new Map<string, { text: string; catalogue: Catalogue }>();

/** The last catalogue merged for each folder and language, and what it was merged from. */
const merged = new Map<string, { english: Catalogue; layer: Catalogue | undefined; override: string | undefined; catalogue: Catalogue }>();

/**
 * The catalogue for `lang`: English underneath, then lamd's catalogue for the language, then the
 * workspace's override. Only keys English defines are taken, so a catalogue cannot add structure.
 * The workspace's catalogue file, when there is one, is added to `used` (relative to the workspace).
 */
export function loadCatalogue(sources: TemplateSources, lang: string, used?: string[]): Catalogue {
  const english = shippedCatalogue(sources, 'en');
  if (!english) throw new Error(`lamd's English report catalogue is missing from ${sources.shippedDir}; reinstall lamd.`);
  const layer = shippedCatalogue(sources, lang);
  const override = readTemplateFile(sources, `i18n/${lang}.json`, 'override');
  if (override) used?.push(override.display);
  // The same inputs give the same catalogue object, so that what is derived from it (Messages.tree) is
  // made once, not once per municipality's report.
  const key = `${sources.shippedDir}\0${lang}`;
  const last = merged.get(key);
  if (last && last.english === english && last.layer === layer && last.override === override?.text) return last.catalogue;
  const catalogue = new Map(english);
  const overrideLayer = override ? parseCatalogue(override.text, override.display) : undefined;
  for (const each of [layer, overrideLayer]) {
    if (!each) continue;
    for (const [name, value] of each) if (english.has(name)) catalogue.set(name, value);
  }
  if (override && overrideLayer) checkOverride(override.display, overrideLayer, english);
  merged.set(key, { english, layer, override: override?.text, catalogue });
  return catalogue;
}

/**
 * A workspace's catalogue is checked before any report uses it: each message must be valid ICU
 * MessageFormat and use only the values English gives that message, or the report would fail halfway.
 */
function checkOverride(file: string, layer: ReadonlyMap<string, string>, english: ReadonlyMap<string, string>): void {
  for (const [key, value] of layer) {
    const reference = english.get(key);
    if (reference === undefined) continue;
    let used: Set<string>;
    try {
      used = messageArguments(value);
    } catch (error) {
      if (!(error instanceof MessageSyntaxError)) throw error;
      throw new TemplateError(t('catalogue.not-icu', { file, key, reason: error.reason, value: '{name}', plural: '{count, plural, one {…} other {…}}', brace: "'{'" }));
    }
    const known = valuesGiven(key, reference);
    const unknown = [...used].filter((name) => !known.has(name));
    if (unknown.length > 0) {
      const allowed = known.size > 0 ? [...known].map((n) => `{${n}}`).join(', ') : t('catalogue.none');
      throw new TemplateError(t('catalogue.unknown-values', { file, key, used: unknown.map((n) => `{${n}}`).join(', '), allowed }));
    }
  }
}

export interface MessagesOptions {
  lang: string;
  catalogue: Catalogue;
  /** The workspace's catalogue files the catalogue was built with, relative to the workspace. */
  overrides?: readonly string[];
}

/** Messages and formats of one language. Every method returns escaped Markdown. */
export class Messages {
  readonly lang: string;
  readonly locale: string;
  readonly dir: 'ltr' | 'rtl';
  readonly catalogue: Catalogue;
  readonly overrides: readonly string[];
  private languages?: Intl.DisplayNames;

  constructor(options: MessagesOptions) {
    this.lang = options.lang;
    this.catalogue = options.catalogue;
    this.overrides = options.overrides ?? [];
    this.locale = localeOf(options.lang);
    this.dir = directionOf(options.lang);
  }

  /** The raw catalogue text of a key. A key missing from English is a bug in lamd. */
  raw(key: string): string {
    const text = this.catalogue.get(key);
    if (text === undefined) throw new Error(`The report catalogue has no message \`${key}\`.`);
    return text;
  }

  has(key: string): boolean {
    return this.catalogue.has(key);
  }

  /**
   * A message formatted as ICU MessageFormat for the language and escaped: its fixed text is escaped
   * here, the `Md` values are inserted as they are (escaped already), numbers are written for the
   * language and choose plural forms.
   */
  text(key: string, values: Record<string, Md | number> = {}): Md {
    return this.textWith(key, values, {});
  }

  /** `text`, with values that only choose a form (`{precision, select, …}`) and are never printed. */
  private textWith(key: string, values: Record<string, Md | number>, selectors: Record<string, string>): Md {
    const boxed: Record<string, MdValue | number | string> = { ...selectors };
    for (const [name, value] of Object.entries(values)) boxed[name] = typeof value === 'number' ? value : new MdValue(value);
    const parts = formatMessageParts<MdValue>(this.raw(key), this.locale, boxed);
    return blockSafe(parts.map((part) => (part.kind === 'text' ? mdFragment(part.text) : this.isolated(part.value.md))).join(''));
  }

  /**
   * A value inside a right-to-left message, between Unicode isolates (FSI … PDI): an English title in
   * an Arabic phrase keeps its own direction and punctuation, and does not turn the phrase around
   * (Markdown has no markup for it; the isolates work in every renderer and in HTML).
   */
  private isolated(value: Md): Md {
    return this.dir === 'rtl' && /[\p{L}\p{N}]/u.test(value) ? (`\u2068${value}\u2069` as Md) : value;
  }

  /**
   * A code such as a reporting period (`2026-H1`) or an SDG target (`10.c`), printed by a template
   * outside any message: isolated like a message's values, or an Arabic line shows `H1-2026`.
   */
  token(value: string): Md {
    return this.isolated(md(value));
  }

  /** A message as plain text (not Markdown): for SVG, titles, spreadsheets and the terminal. */
  plain(key: string, values: Record<string, string | number> = {}): string {
    return formatMessage(this.raw(key), this.locale, values);
  }

  /** The label of a value of a closed vocabulary (a cluster, a status); the value itself when unknown. */
  label(group: string, value: string | undefined): Md | undefined {
    if (value === undefined) return undefined;
    const key = `label.${group}.${value}`;
    return this.catalogue.has(key) ? this.text(key) : md(value);
  }

  get notRecorded(): Md {
    return this.text('phrase.not_recorded');
  }

  /** `value`, or "not recorded" in this language. */
  orNotRecorded(value: Md | undefined): Md {
    return value === undefined || value === '' ? this.notRecorded : value;
  }

  /** A YYYY, YYYY-MM or YYYY-MM-DD date, written for the language. */
  date(value: string | undefined): Md | undefined {
    const text = this.plainDate(value);
    return text === undefined ? undefined : md(text);
  }

  /** The same date as plain text, for SVG and other non-Markdown output. */
  plainDate(value: string | undefined): string | undefined {
    return value === undefined ? undefined : formatIsoDate(value, this.locale);
  }

  /** A period: "start – end", "from start", "until end". */
  period(period: { start?: string; end?: string } | undefined): Md | undefined {
    if (!period) return undefined;
    const start = this.date(period.start);
    const end = this.date(period.end);
    if (start && end) return this.text('phrase.period', { start, end });
    if (start) return this.dated('phrase.period_from', period.start!);
    if (end) return this.dated('phrase.period_until', period.end!);
    return undefined;
  }

  /** A message of DATE_MESSAGES given its date, written for the language, and the date's precision. */
  dated(key: keyof typeof DATE_MESSAGES & string, iso: string, values: Record<string, Md | number> = {}): Md {
    const name = DATE_MESSAGES[key];
    if (name === undefined) throw new Error(`The message \`${key}\` is not given a date.`);
    return this.textWith(key, { ...values, [name]: this.date(iso)! }, { precision: datePrecision(iso) ?? 'other' });
  }

  number(value: number, maximumFractionDigits = 2): Md {
    return md(formatNumber(value, this.locale, maximumFractionDigits));
  }

  /** A span of time in whole months and days ("9 months, 15 days"). */
  duration(months: number, days: number): Md {
    return md(formatDuration(months, days, this.locale));
  }

  /** A percentage written as a number (15.2 means 15.2 %). */
  percent(value: number): Md {
    return md(formatPercent(value, this.locale));
  }

  money(value: number, currency: string | undefined): Md {
    if (!currency) return this.number(value);
    const text = formatMoney(value, currency, this.locale);
    return text === undefined ? this.text('phrase.amount_in', { amount: this.number(value), currency: md(currency) }) : md(text);
  }

  country(code: string | undefined): Md | undefined {
    if (code === undefined) return undefined;
    return md(countryName(code, this.locale) ?? code);
  }

  language(code: string): Md {
    try {
      this.languages ??= new Intl.DisplayNames([this.locale], { type: 'language', fallback: 'code' });
      return md(this.languages.of(code) ?? code);
    } catch {
      return md(code);
    }
  }

  /** Items set apart by the language's semicolon: "a; b", French "a ; b" (narrow no-break space), Arabic "a؛ b". */
  semicolons(items: readonly Md[]): Md {
    return items.join(`${mdFragment(this.raw('punctuation.semicolon'))} `) as Md;
  }

  /** "a, b and c" in the language. */
  list(items: readonly Md[]): Md | undefined {
    if (items.length === 0) return undefined;
    return formatList(items, this.locale) as Md;
  }

  paragraphs(text: string | undefined): Md[] {
    return mdParagraphs(text);
  }

  /** The catalogue as nested objects of escaped texts, for templates: `{{t.heading.network}}`. */
  tree(): Record<string, unknown> {
    // Every message formatted: made once per catalogue and language, and frozen, as views share it.
    let trees = catalogueTrees.get(this.catalogue);
    if (!trees) catalogueTrees.set(this.catalogue, (trees = new Map()));
    let tree = trees.get(this.lang);
    if (!tree) trees.set(this.lang, (tree = sharePlainData(deepFreeze(this.formatTree()))));
    return tree;
  }

  private formatTree(): Record<string, unknown> {
    const root: Record<string, unknown> = {};
    for (const key of this.catalogue.keys()) {
      const parts = key.split('.');
      let node = root;
      for (const part of parts.slice(0, -1)) {
        const next = node[part];
        if (next && typeof next === 'object') node = next as Record<string, unknown>;
        else node = node[part] = {};
      }
      node[parts.at(-1)!] = this.templateText(key);
    }
    return root;
  }

  /** A message for a template, which gives it no values: a message that needs some keeps its source text. */
  private templateText(key: string): Md {
    try {
      return this.text(key);
    } catch {
      return md(this.raw(key));
    }
  }
}

const catalogueTrees = new WeakMap<Catalogue, Map<string, Record<string, unknown>>>();

function deepFreeze<T extends object>(value: T): T {
  for (const item of Object.values(value)) if (item !== null && typeof item === 'object') deepFreeze(item as object);
  return Object.freeze(value);
}

/** An escaped value given to a message: kept apart from the message's own text, which `text` escapes. */
class MdValue {
  constructor(readonly md: Md) {}
}
