// Turns what a person typed (a flag's value or a prompt's answer) into a value the documents accept,
// or a UsageError that names the flag and says what is expected. Pure: no prompts, no files.
import { firstDay, isCalendarDate, lastDay } from '../calendar/dates.js';
import { UsageError } from '../errors.js';
import { or, t, type MessageLanguage, type Text, type TextValue } from '../i18n/messages.js';
import { findGoal } from '../reference/sdg.js';
import { countryName, isCountryCode } from '../reference/countries.js';
import { searchCountries } from '../reference/country-search.js';
import { idProblem, slugify } from './slug.js';

/**
 * Where an answer came from: a flag (the label is the flag, `--slug`) or a question (the label speaks
 * of the answer, since the person typed no flag). At a question, lamd normalises what it safely can
 * and shows the result.
 */
export interface Source {
  /** The flag (`--slug`), or at a question the words for the answer, in the language of the run. */
  label: TextValue;
  prompted: boolean;
}

/** The label of an answer typed at a question. */
export const ANSWER: Text = t('questions.the-answer');

/** One line of free text: trimmed, not empty, no line breaks or control characters. */
export function parseText(raw: string, flag: TextValue): string {
  const text = raw.trim();
  if (!text) throw new UsageError(t('answer.empty', { flag }));
  if (/[\u0000-\u001f\u007f\u2028\u2029]/.test(text)) throw new UsageError(t('answer.one-line', { flag }));
  return text;
}

/** An id a person gives (slug, practice id…): must be safe as a file or folder name. */
export function parseId(raw: string, flag: TextValue): string {
  const id = raw.trim();
  const problem = idProblem(id);
  if (problem) {
    const near = slugify(id);
    const hint = near && near !== id && !idProblem(near) ? 'near' : 'rule';
    throw new UsageError(t('answer.unsafe-id', { flag, id: JSON.stringify(id), problem, hint, near: near ?? '' }));
  }
  return id;
}

/**
 * An id typed at a question: written as a name ("Sousse", "Tiranë", "One stop shop"), it is turned
 * into the id it stands for (sousse, tirane, one-stop-shop), which the question shows.
 */
export function parseIdAnswer(raw: string, source: Source): string {
  if (!source.prompted || !idProblem(raw.trim())) return parseId(raw, source.label);
  const near = slugify(raw);
  if (near && !idProblem(near)) return near;
  return parseId(raw, source.label);
}

/**
 * An ISO 3166-1 alpha-2 code; lowercase is accepted and put in capitals. Names get a hint, not a guess:
 * the codes they may mean, each with its country's name in `language`, the language of the run.
 */
export function parseCountry(raw: string, flag: TextValue, language: MessageLanguage = 'en'): string {
  const code = raw.trim().toUpperCase();
  if (isCountryCode(code)) return code;
  const matches = searchCountries(raw, 3);
  throw new UsageError(t('answer.not-country', { flag, given: JSON.stringify(raw.trim()), hint: matches.length ? 'some' : 'none', matches: or(matches.map((m) => `${m.code} (${countryName(m.code, language) ?? m.name})`)) }));
}

/** `Tunisie (TN)`: the country's CLDR name in `locale`, and its code. */
export function describeCountry(code: string, locale = 'en'): string {
  return `${countryName(code, locale) ?? code} (${code})`;
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

export interface ParsedLanguages {
  codes: string[];
  /** Codes that have the form of an ISO 639 code but that lamd's Unicode data does not name. */
  unknown: string[];
}

/** A name as compared: lowercase, without accents or punctuation ("Français" → francais). */
const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

let namedLanguages: Map<string, string> | undefined;
/** Language names in English, French and Italian (the languages officers most often type them in), folded, to their ISO 639-1 code. */
function languageByName(): Map<string, string> {
  if (namedLanguages) return namedLanguages;
  namedLanguages = new Map();
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (const locale of ['en', 'fr', 'it']) {
    const names = new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' });
    for (const a of letters) {
      for (const b of letters) {
        const name = names.of(a + b);
        if (name && !namedLanguages.has(fold(name))) namedLanguages.set(fold(name), a + b);
      }
    }
  }
  return namedLanguages;
}

/**
 * A list of languages, as ISO 639 codes ("fr,ar") or names in English, French or Italian ("French,
 * Arabic", "français, arabe"), separated by commas, semicolons or spaces; codes out, lowercase, no repeats.
 */
export function parseLanguages(raw: string, flag: TextValue): ParsedLanguages {
  const codes: string[] = [];
  const unknown: string[] = [];
  const parts: string[] = [];
  for (const piece of raw.split(/[,;]+/).map((p) => p.trim()).filter(Boolean)) {
    // "Haitian Creole" is one name; "fr ar" or "French Arabic" are two.
    if (languageByName().has(fold(piece))) parts.push(piece);
    else parts.push(...piece.split(/\s+/).filter((w) => !/^(and|et|e)$/i.test(w)));
  }
  for (const part of parts) {
    const code = /^[a-z]{2,3}$/i.test(part) ? part.toLowerCase() : languageByName().get(fold(part));
    if (code === undefined) {
      throw new UsageError(t('answer.not-language', { flag, part: JSON.stringify(part) }));
    }
    if (codes.includes(code)) continue;
    codes.push(code);
    if (languageNames.of(code) === undefined) unknown.push(code);
  }
  if (codes.length === 0) throw new UsageError(t('answer.no-language', { flag }));
  return { codes, unknown };
}

export function languageName(code: string): string {
  return languageNames.of(code) ?? code;
}

let monthNames: Map<string, number> | undefined;
/** Month names and their usual abbreviations in English, French and Italian, folded, to 1-12. */
function monthByName(): Map<string, number> {
  if (monthNames) return monthNames;
  monthNames = new Map();
  for (const locale of ['en', 'fr', 'it']) {
    for (const month of ['long', 'short'] as const) {
      const format = new Intl.DateTimeFormat(locale, { month, timeZone: 'UTC' });
      for (let m = 1; m <= 12; m++) monthNames.set(fold(format.format(new Date(Date.UTC(2025, m - 1, 1)))), m);
    }
  }
  return monthNames;
}

const pad = (n: number | string) => String(n).padStart(2, '0');

/**
 * What a person wrote, as YYYY-MM-DD when its meaning is certain: 2025-3-1, 1 March 2025, March 1,
 * 2025, 1er mars 2025, 25/03/2025. Undefined when it is not a date; a UsageError when it is one of
 * two dates (01/03/2025: 1 March or 3 January).
 */
function readDate(text: string, flag: TextValue): string | undefined {
  let m = /^([0-9]{4})-([0-9]{1,2})(?:-([0-9]{1,2}))?$/.exec(text);
  if (m) return m[3] === undefined ? `${m[1]}-${pad(m[2]!)}` : `${m[1]}-${pad(m[2]!)}-${pad(m[3])}`;
  m = /^([0-9]{1,2})\s*[/.]\s*([0-9]{1,2})\s*[/.]\s*([0-9]{4})$/.exec(text);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    if (a !== b && a <= 12 && b <= 12) {
      throw new UsageError(t('answer.ambiguous-date', { flag, given: JSON.stringify(text), dayFirst: `${m[3]}-${pad(b)}-${pad(a)}`, monthFirst: `${m[3]}-${pad(a)}-${pad(b)}` }));
    }
    // The number above 12 is the day.
    return a > 12 ? `${m[3]}-${pad(b)}-${pad(a)}` : `${m[3]}-${pad(a)}-${pad(b)}`;
  }
  const words = fold(text).replace(/\b(1)(st|er|o)\b/, '$1').replace(/\b([0-9]{1,2})(nd|rd|th)\b/, '$1').split(' ');
  if (words.length === 3) {
    const [x, y, year] = words as [string, string, string];
    const dayFirst = /^[0-9]{1,2}$/.test(x) ? { day: x, month: monthByName().get(y) } : { day: y, month: monthByName().get(x) };
    if (/^[0-9]{4}$/.test(year) && /^[0-9]{1,2}$/.test(dayFirst.day) && dayFirst.month) return `${year}-${pad(dayFirst.month)}-${pad(dayFirst.day)}`;
  }
  if (words.length === 2 && /^[0-9]{4}$/.test(words[1]!) && monthByName().get(words[0]!)) return `${words[1]}-${pad(monthByName().get(words[0]!)!)}`;
  return undefined;
}

/** A date as the documents write it: YYYY-MM-DD, YYYY-MM or YYYY, and a real day; unambiguous other forms are turned into it. */
export function parseDate(raw: string, flag: TextValue): string {
  const text = raw.trim();
  const date = /^[0-9]{4}$/.test(text) ? text : readDate(text, flag);
  if (date === undefined || !isCalendarDate(date)) {
    throw new UsageError(t('answer.not-date', { flag, given: JSON.stringify(text) }));
  }
  return date;
}

/** A full day, YYYY-MM-DD: activity files are named by it. */
export function parseDay(raw: string, flag: TextValue): string {
  const date = parseDate(raw, flag);
  if (date.length !== 10) throw new UsageError(t('answer.not-day', { flag, date }));
  return date;
}

/** Refuses a period that ends before it starts. */
export function checkPeriod(start: string | undefined, end: string | undefined, startFlag: TextValue, endFlag: TextValue): void {
  if (start && end && lastDay(end) < firstDay(start)) {
    throw new UsageError(t('answer.period-reversed', { endFlag, end, startFlag, start }));
  }
}

/** One or more SDG goal numbers ("10", "10,11"). */
export function parseGoals(raw: string, flag: TextValue): string[] {
  const goals: string[] = [];
  for (const part of raw.split(/[\s,;]+/).filter(Boolean)) {
    const goal = part.replace(/^sdg\s*/i, '');
    if (!/^(1[0-7]|[1-9])$/.test(goal) || !findGoal(goal)) {
      throw new UsageError(t('answer.not-goal', { flag, part: JSON.stringify(part) }));
    }
    if (!goals.includes(goal)) goals.push(goal);
  }
  if (goals.length === 0) throw new UsageError(t('answer.no-goal', { flag }));
  return goals;
}

/** One of a closed list of values (a cluster, a stakeholder type…). */
export function parseChoice<T extends string>(raw: string, flag: TextValue, allowed: readonly T[]): T {
  const value = raw.trim().toLowerCase().replace(/[\s_]+/g, '-');
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(t('answer.not-one-of', { flag, given: JSON.stringify(raw.trim()), allowed: allowed.join(', ') }));
}

/** The last day of a year that starts on `date` (2025-03-01 → 2026-02-28), the default end of a programme; in UTC so every machine agrees. */
export function addYear(date: string): string {
  const [y, m, d] = firstDay(date).split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y + 1, m - 1, d));
  next.setUTCDate(next.getUTCDate() - 1);
  return next.toISOString().slice(0, 10);
}

export interface PartnerAnswer {
  name: string;
  /** From a trailing "(CC)" with a valid ISO code: `CeSPI (IT)`. */
  country?: string;
}

/** An implementing partner's name, optionally followed by its country code in brackets: "CeSPI (IT)". */
export function parsePartner(raw: string, flag: TextValue): PartnerAnswer {
  const text = parseText(raw, flag);
  const m = /^(.*\S)\s*\(([A-Za-z]{2})\)$/.exec(text);
  if (m && isCountryCode(m[2]!.toUpperCase())) return { name: m[1]!, country: m[2]!.toUpperCase() };
  return { name: text };
}
