// Formatting for every language lamd speaks: ICU MessageFormat messages (plurals, selects) through
// intl-messageformat, with each compiled message cached, and numbers, dates and plural categories through
// Intl, plus the few locale rules Intl lacks (French "1er mars").
import { IntlMessageFormat, type Formatters } from 'intl-messageformat';

/** Languages written right to left. lamd ships Arabic; the others can come from a workspace's catalogue. */
const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'dv', 'yi', 'ckb', 'sd', 'ug']);
/** Locales used where a language's own default would read oddly in a programme report (en-US dates, month first). */
const FORMAT_LOCALE: Readonly<Record<string, string>> = { en: 'en-GB' };

// Asking Intl which locales it supports costs ~0.1 ms a time; the CLI's help alone asks ~150 times.
const locales = new Map<string, string>();

/** lamd's own languages (its catalogues), which every Node built with full ICU formats. */
const SHIPPED_LANGUAGES = ['en', 'fr', 'it', 'ar', 'sq'];
let shippedSupported: boolean | undefined;

/**
 * Whether Node formats lamd's own languages (full ICU, as every official build has). Asked of
 * PluralRules, which answers in a fraction of a millisecond, where the first question to
 * DateTimeFormat or NumberFormat loads their data (~11 ms): a run that prints only small numbers
 * never needs it.
 */
function shippedLanguagesSupported(): boolean {
  return (shippedSupported ??= Intl.PluralRules.supportedLocalesOf(SHIPPED_LANGUAGES).length === SHIPPED_LANGUAGES.length);
}

/** The BCP 47 locale lamd formats a language with: the language's own, or English (UK) when Node has no data for it. */
export function localeOf(lang: string): string {
  let locale = locales.get(lang);
  if (locale === undefined) {
    const wanted = FORMAT_LOCALE[lang] ?? lang;
    if (SHIPPED_LANGUAGES.includes(lang) && shippedLanguagesSupported()) locale = wanted;
    else {
      try {
        locale = Intl.DateTimeFormat.supportedLocalesOf([wanted])[0] ?? 'en-GB';
      } catch {
        locale = 'en-GB'; // not a well-formed language tag
      }
    }
    locales.set(lang, locale);
  }
  return locale;
}

/** The writing direction of a language (the primary subtag decides: `ar-MA` is right to left). */
export function directionOf(lang: string): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(lang.toLowerCase().split(/[-_]/)[0]!) ? 'rtl' : 'ltr';
}

/** A message that is not valid ICU MessageFormat. */
export class MessageSyntaxError extends Error {
  constructor(
    readonly source: string,
    readonly reason: string,
  ) {
    super(`not a valid ICU message (${reason}): ${source}`);
    this.name = 'MessageSyntaxError';
  }
}

/** A value a message may be given: text, a number (for plurals and `{n, number}`), or a date. */
export type MessageValue = string | number | Date;

// intl-messageformat asks Intl.NumberFormat which locale it supports for every message it compiles,
// loading the number data (~11 ms the first time) even for a message without a number. lamd compiles
// messages only for locales localeOf has settled, so the answer is the locale as given.
IntlMessageFormat.resolveLocale = (given: string | readonly string[]) => new Intl.Locale(typeof given === 'string' ? given : given[0]!);

// Compiled messages, per locale then per source text. Catalogues hold a few hundred messages, so the
// cache stays small; it spares re-parsing the same phrase for each row of a table.
const compiled = new Map<string, Map<string, IntlMessageFormat>>();

/**
 * The compiled form of an ICU message for a locale, cached. `<` is plain text (no rich-text tags):
 * catalogues are plain text, and reports escape what they print.
 */
export function compileMessage(source: string, locale: string): IntlMessageFormat {
  let byLocale = compiled.get(locale);
  if (!byLocale) compiled.set(locale, (byLocale = new Map()));
  let message = byLocale.get(source);
  if (!message) {
    try {
      message = new IntlMessageFormat(source, locale, undefined, { ignoreTag: true, formatters: FORMATTERS });
    } catch (error) {
      throw new MessageSyntaxError(source, (error as Error).message);
    }
    byLocale.set(source, message);
  }
  return message;
}

// The arguments each compiled message prints as they are (`{count}`, not `{count, plural, …}`).
const simpleArguments = new WeakMap<IntlMessageFormat, Set<string>>();

/**
 * The values as the message needs them. intl-messageformat prints a number given to a plain `{count}`
 * with String() ("12500"); lamd writes it for the locale ("12,500", "12 500"). A number that also
 * chooses a plural form stays a number: the plural writes it through `#`.
 */
function prepared<T>(message: IntlMessageFormat, locale: string, values: Readonly<Record<string, T | MessageValue>>): Record<string, T | MessageValue> {
  let simple = simpleArguments.get(message);
  if (!simple) {
    const plain = new Set<string>();
    const other = new Set<string>();
    walkArguments(message.getAst() as unknown as AstNode[], (node) => (node.type === 1 ? plain : other).add(node.value!));
    simple = new Set([...plain].filter((name) => !other.has(name)));
    simpleArguments.set(message, simple);
  }
  const out: Record<string, T | MessageValue> = { ...values };
  for (const name of simple) {
    const value = out[name];
    if (typeof value === 'number') out[name] = formatNumber(value, locale);
  }
  return out;
}

/**
 * Whether a message is fixed text that formats to itself: no argument (`{`, `}`) and no apostrophe that
 * quotes (ICU 4.8+ quotes only before `'`, `{`, `}`, `<`, `>`; `lamd's` is plain). Most of the CLI's
 * help is such text; it needs no parsing, which keeps `lamd --help` quick.
 */
export function isPlainMessage(source: string): boolean {
  return !/[{}]|'['{}<>]/.test(source);
}

/** A message formatted as plain text. A missing value is a bug of the caller and throws. */
export function formatMessage(source: string, locale: string, values: Readonly<Record<string, MessageValue>> = {}): string {
  if (isPlainMessage(source)) return source;
  const message = compileMessage(source, locale);
  return String(message.format(prepared(message, locale, values) as Record<string, MessageValue>));
}

/** One piece of a formatted message: fixed text of the message, or a value given to it, untouched. */
export type MessagePart<T> = { kind: 'text'; text: string } | { kind: 'value'; value: T };

/**
 * A message cut into its fixed text and the values given to it, in order, so a caller can escape the
 * fixed text for its output (Markdown, HTML) and insert values it escaped already. Numbers, dates and
 * text values (which choose a `select` form or are printed) become fixed text, escaped with it.
 */
export function formatMessageParts<T extends object>(
  source: string,
  locale: string,
  values: Readonly<Record<string, T | MessageValue>>,
): MessagePart<T>[] {
  // intl-messageformat keeps a value that is neither text nor a number as an object part.
  const message = compileMessage(source, locale);
  const parts = message.formatToParts<T>(prepared(message, locale, values) as Record<string, T>);
  const out: MessagePart<T>[] = [];
  for (const part of parts) {
    if (typeof part.value === 'string') {
      const last = out.at(-1);
      if (last?.kind === 'text') last.text += part.value;
      else out.push({ kind: 'text', text: part.value });
    } else out.push({ kind: 'value', value: part.value as T });
  }
  return out;
}

interface AstNode {
  type: number;
  value?: string;
  options?: Record<string, { value: AstNode[] }>;
  children?: AstNode[];
}

/**
 * The names of the arguments a message uses (`{count}`, `{count, plural, …}`), at any depth.
 * Throws MessageSyntaxError when the message does not parse.
 */
export function messageArguments(source: string): Set<string> {
  const names = new Set<string>();
  walkArguments(compileMessage(source, 'en').getAst() as unknown as AstNode[], (node) => names.add(node.value!));
  return names;
}

/** Calls `visit` on every element of a parsed message that names an argument, at any depth. */
function walkArguments(nodes: readonly AstNode[], visit: (node: AstNode) => void): void {
  for (const node of nodes) {
    // Type 0 is fixed text and 7 a plural's `#`; every other element with a value names an argument.
    if (node.type !== 0 && node.type !== 7 && typeof node.value === 'string') visit(node);
    if (node.options) for (const option of Object.values(node.options)) walkArguments(option.value, visit);
    if (node.children) walkArguments(node.children, visit);
  }
}

const pluralRules = new Map<string, Intl.PluralRules>();

function pluralRulesOf(locale: string, type: Intl.PluralRuleType): Intl.PluralRules {
  const key = `${locale} ${type}`;
  let rules = pluralRules.get(key);
  if (!rules) pluralRules.set(key, (rules = new Intl.PluralRules(locale, { type })));
  return rules;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format;
}

/**
 * How Intl writes whole numbers in lamd's locales (as localeOf gives them) with Latin digits: the
 * sign between groups of three digits, and the fewest digits the leftmost group must have for any
 * grouping at all (CLDR's minimumGroupingDigits: Italian and Albanian write 2082, but 12.345).
 * test/i18n/format.test.ts holds Intl to it. Exact tags, so that a locale asking for other digits
 * (`fr-u-nu-arab`) is Intl's to write.
 */
export const WHOLE_NUMBER_GROUPING: ReadonlyMap<string, { separator: string; minimumGroupingDigits: number }> = new Map([
  ['en-GB', { separator: ',', minimumGroupingDigits: 1 }],
  ['fr', { separator: '\u202f', minimumGroupingDigits: 1 }],
  ['it', { separator: '.', minimumGroupingDigits: 2 }],
  ['sq', { separator: '\u00a0', minimumGroupingDigits: 2 }],
]);

/**
 * A whole number as Intl would write it in `locale`, without asking Intl, whose first number format
 * costs 15–50 ms here (most runs print only counts: "2,082 files checked"); undefined otherwise.
 */
function plainWholeNumber(value: number, locale: string): string | undefined {
  if (!Number.isSafeInteger(value) || value < 0 || Object.is(value, -0)) return undefined;
  const grouping = WHOLE_NUMBER_GROUPING.get(locale);
  if (grouping === undefined) return undefined;
  const digits = String(value);
  if (digits.length < 4 + grouping.minimumGroupingDigits - 1) return digits;
  let written = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let at = written.length; at < digits.length; at += 3) written += grouping.separator + digits.slice(at, at + 3);
  return written;
}

/** A number written for the locale (grouping, decimal sign, digits), at most `maximumFractionDigits` decimals. */
export function formatNumber(value: number, locale: string, maximumFractionDigits = 2): string {
  return plainWholeNumber(value, locale) ?? numberFormat(locale, { maximumFractionDigits }).format(value);
}

// The formatters intl-messageformat writes numbers, dates and plural forms with: Intl's, cached, but a
// plural's `#` that is a whole number is written without a number format (see plainWholeNumber).
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const FORMATTERS: Formatters = {
  getNumberFormat(locales, options) {
    const locale = firstLocale(locales);
    if (options !== undefined) return numberFormat(locale, options as Intl.NumberFormatOptions);
    return { format: (value: number) => plainWholeNumber(value, locale) ?? numberFormat(locale).format(value) } as Intl.NumberFormat;
  },
  getDateTimeFormat(locales, options) {
    const key = `${String(locales)} ${JSON.stringify(options ?? {})}`;
    let format = dateTimeFormats.get(key);
    if (!format) dateTimeFormats.set(key, (format = new Intl.DateTimeFormat(locales, options)));
    return format;
  },
  getPluralRules: (locales, options) => pluralRulesOf(firstLocale(locales), options?.type ?? 'cardinal'),
};

/** The locale lamd compiled the message for (lamd gives one, as a string). */
function firstLocale(locales: Intl.LocalesArgument): string {
  if (locales === undefined) return 'en-GB';
  if (typeof locales === 'string') return locales;
  if (locales instanceof Intl.Locale) return locales.toString();
  const first = locales[0];
  return first === undefined ? 'en-GB' : String(first);
}

/**
 * A span of time in whole months and days, written for the locale with CLDR's unit names and list
 * pattern ("9 months, 15 days", "9 mois et 15 jours"); the months are left out when there are none,
 * the days when there are months and no day. (Intl.DurationFormat needs Node 23.)
 */
export function formatDuration(months: number, days: number, locale: string): string {
  const parts: string[] = [];
  if (months > 0) parts.push(numberFormat(locale, { style: 'unit', unit: 'month', unitDisplay: 'long' }).format(months));
  if (days > 0 || months === 0) parts.push(numberFormat(locale, { style: 'unit', unit: 'day', unitDisplay: 'long' }).format(days));
  return formatList(parts, locale, 'unit');
}

/** A percentage given as a number of hundredths (15.2 means 15.2 %), written for the locale. */
export function formatPercent(value: number, locale: string): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(value / 100);
}

/** An amount of money in an ISO 4217 currency, whole units; `undefined` when the code is not a currency Intl knows. */
export function formatMoney(value: number, currency: string, locale: string): string | undefined {
  try {
    return numberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 }).format(value);
  } catch {
    return undefined;
  }
}

const listFormats = new Map<string, Intl.ListFormat>();

/**
 * "a, b and c" in the locale. Arabic joins "و" (and) to the word after it, as CLDR's pattern does;
 * before a word in another script ("وMilan") that reads as a typo, so a space sets it apart there.
 */
export function formatList(items: readonly string[], locale: string, type: Intl.ListFormatType = 'conjunction'): string {
  const key = `${locale} ${type}`;
  let format = listFormats.get(key);
  if (!format) listFormats.set(key, (format = new Intl.ListFormat(locale, { type, style: 'long' })));
  const parts = format.formatToParts(items);
  return parts
    .map((part, i) => {
      const next = parts[i + 1];
      if (part.type === 'literal' && part.value.endsWith('\u0648') && next?.type === 'element' && !ARABIC_START.test(next.value)) return `${part.value} `;
      return part.value;
    })
    .join('');
}

// The first letter of a text is in the Arabic script (marks and punctuation before it skipped).
const ARABIC_START = /^[^\p{L}]*[\p{Script=Arabic}]/u;

const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** How precise a `YYYY[-MM[-DD]]` date is; undefined for any other text. */
export function datePrecision(value: string): 'day' | 'month' | 'year' | undefined {
  const m = ISO_DATE.exec(value);
  return m ? (m[3] ? 'day' : m[2] ? 'month' : 'year') : undefined;
}
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date written for the locale, as precise as it is given
 * ("2025", "March 2025", "1 March 2025"). Any other text is returned as it is.
 */
export function formatIsoDate(value: string, locale: string): string {
  const m = ISO_DATE.exec(value);
  const precision = datePrecision(value);
  if (!m || !precision) return value;
  const key = `${locale} ${precision}`;
  let format = dateFormats.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions =
      precision === 'day' ? { day: 'numeric', month: 'long', year: 'numeric' } : precision === 'month' ? { month: 'long', year: 'numeric' } : { year: 'numeric' };
    dateFormats.set(key, (format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' })));
  }
  const parts = format.formatToParts(Date.UTC(Number(m[1]), Number(m[2] ?? '1') - 1, Number(m[3] ?? '1')));
  return parts.map((part) => (part.type === 'day' ? dayOfMonth(part.value, locale) : part.value)).join('');
}

/**
 * The day of the month as the language writes it in a date, where CLDR's patterns do not: French
 * writes the first day as an ordinal, "1er mars 2025" (Imprimerie nationale; CLDR gives "1 mars").
 */
function dayOfMonth(day: string, locale: string): string {
  if (day === '1' && locale.split('-')[0] === 'fr') return '1er';
  return day;
}
