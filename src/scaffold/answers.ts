// Turns what a person typed (a flag's value or a prompt's answer) into a value the documents accept,
// or a UsageError that names the flag and says what is expected. Pure: no prompts, no files.
import { firstDay, isCalendarDate, lastDay } from '../check/dates.js';
import { UsageError } from '../errors.js';
import { findGoal } from '../reference/sdg.js';
import { countryName, isCountry, searchCountries } from './countries.js';
import { idProblem } from './slug.js';

/** One line of free text: trimmed, not empty, no line breaks or control characters. */
export function parseText(raw: string, flag: string): string {
  const text = raw.trim();
  if (!text) throw new UsageError(`${flag} is empty; give a value.`);
  if (/[\u0000-\u001f\u007f\u2028\u2029]/.test(text)) throw new UsageError(`${flag} must be one line of text, without line breaks or control characters.`);
  return text;
}

/** An id a person gives (slug, practice id…): must be safe as a file or folder name. */
export function parseId(raw: string, flag: string): string {
  const id = raw.trim();
  const problem = idProblem(id);
  if (problem) throw new UsageError(`${flag} ${JSON.stringify(id)} is not a safe id: ${problem}. Use lowercase letters a-z, digits and single hyphens, for example \`sfax\` or \`one-stop-shop\`.`);
  return id;
}

/** An ISO 3166-1 alpha-2 code; lowercase is accepted and put in capitals. Names get a hint, not a guess. */
export function parseCountry(raw: string, flag: string): string {
  const code = raw.trim().toUpperCase();
  if (isCountry(code)) return code;
  const matches = searchCountries(raw, 3);
  const hint = matches.length ? ` Did you mean ${matches.map((m) => `${m.code} (${m.name})`).join(', ')}?` : '';
  throw new UsageError(`${flag} ${JSON.stringify(raw.trim())} is not an ISO 3166-1 alpha-2 country code (two letters, like TN, IT or AL).${hint}`);
}

export function describeCountry(code: string): string {
  return `${countryName(code) ?? code} (${code})`;
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

export interface ParsedLanguages {
  codes: string[];
  /** Codes that have the form of an ISO 639 code but that lamd's Unicode data does not name. */
  unknown: string[];
}

/** A comma- or space-separated list of ISO 639 language codes ("fr,ar"); lowercase, no repeats. */
export function parseLanguages(raw: string, flag: string): ParsedLanguages {
  const codes: string[] = [];
  const unknown: string[] = [];
  for (const part of raw.split(/[\s,;]+/).filter(Boolean)) {
    const code = part.toLowerCase();
    if (!/^[a-z]{2,3}$/.test(code)) {
      throw new UsageError(`${flag}: ${JSON.stringify(part)} is not a language code. Write ISO 639-1 codes separated by commas, like fr,ar or sq.`);
    }
    if (codes.includes(code)) continue;
    codes.push(code);
    if (languageNames.of(code) === undefined) unknown.push(code);
  }
  if (codes.length === 0) throw new UsageError(`${flag} is empty; give at least one language code, like fr or sq.`);
  return { codes, unknown };
}

export function languageName(code: string): string {
  return languageNames.of(code) ?? code;
}

/** A date as the documents write it: YYYY-MM-DD, YYYY-MM or YYYY, and a real day. */
export function parseDate(raw: string, flag: string): string {
  const date = raw.trim();
  if (!/^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$/.test(date) || !isCalendarDate(date)) {
    throw new UsageError(`${flag} ${JSON.stringify(date)} is not a date; write it YYYY-MM-DD (or YYYY-MM, or YYYY).`);
  }
  return date;
}

/** A full day, YYYY-MM-DD: activity files are named by it. */
export function parseDay(raw: string, flag: string): string {
  const date = parseDate(raw, flag);
  if (date.length !== 10) throw new UsageError(`${flag} ${date} must be a full date, YYYY-MM-DD: activity files are named after the day.`);
  return date;
}

/** Refuses a period that ends before it starts. */
export function checkPeriod(start: string | undefined, end: string | undefined, startFlag: string, endFlag: string): void {
  if (start && end && lastDay(end) < firstDay(start)) {
    throw new UsageError(`${endFlag} ${end} is before ${startFlag} ${start}: a period cannot end before it starts.`);
  }
}

/** One or more SDG goal numbers ("10", "10,11"). */
export function parseGoals(raw: string, flag: string): string[] {
  const goals: string[] = [];
  for (const part of raw.split(/[\s,;]+/).filter(Boolean)) {
    const goal = part.replace(/^sdg\s*/i, '');
    if (!/^(1[0-7]|[1-9])$/.test(goal) || !findGoal(goal)) {
      throw new UsageError(`${flag}: ${JSON.stringify(part)} is not an SDG goal; give numbers from 1 to 17, like 10 or 10,11 (\`lamd sdg\` lists them).`);
    }
    if (!goals.includes(goal)) goals.push(goal);
  }
  if (goals.length === 0) throw new UsageError(`${flag} is empty; give at least one SDG goal, like 10.`);
  return goals;
}

/** One of a closed list of values (a cluster, a stakeholder type…). */
export function parseChoice<T extends string>(raw: string, flag: string, allowed: readonly T[]): T {
  const value = raw.trim().toLowerCase().replace(/[\s_]+/g, '-');
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} ${JSON.stringify(raw.trim())} is not one of: ${allowed.join(', ')}.`);
}

/** Adds today's date arithmetic the defaults need, in UTC so every machine agrees. */
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
export function parsePartner(raw: string, flag: string): PartnerAnswer {
  const text = parseText(raw, flag);
  const m = /^(.*\S)\s*\(([A-Za-z]{2})\)$/.exec(text);
  if (m && isCountry(m[2]!.toUpperCase())) return { name: m[1]!, country: m[2]!.toUpperCase() };
  return { name: text };
}
