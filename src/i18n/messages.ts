// lamd's own words on the command line (prompts, errors, help, findings), one catalogue per
// language in messages/<lang>.json, keyed by a stable message id and written in ICU MessageFormat.
// Core code returns Texts (an id and its values); the CLI renders them in the language of the run.
import { readFileSync } from 'node:fs';
import { formatMessage, isPlainMessage, localeOf } from './format.js';
import { packageFile } from '../package-root.js';

/** The languages lamd speaks on the command line; English is complete by definition, the fallback. */
export const MESSAGE_LANGUAGES = ['en', 'fr', 'it'] as const;
export type MessageLanguage = (typeof MESSAGE_LANGUAGES)[number];

export function isMessageLanguage(code: string): code is MessageLanguage {
  return (MESSAGE_LANGUAGES as readonly string[]).includes(code);
}

/** A message still to be put into words: its id in the catalogues and the values it names. */
export interface Text {
  readonly id: string;
  readonly values?: Readonly<Record<string, TextValue>>;
}

/** A list of values joined the way the language joins them ("a, b and c"; "a or b"). */
export interface TextList {
  readonly list: readonly TextValue[];
  readonly join: 'and' | 'or';
}

export type TextValue = string | number | Text | TextList;

export function t(id: string, values?: Record<string, TextValue>): Text {
  return values ? { id, values } : { id };
}

/** A list joined with "and" (or its translation). */
export const and = (list: readonly TextValue[]): TextList => ({ list, join: 'and' });
/** A list joined with "or" (or its translation). */
export const or = (list: readonly TextValue[]): TextList => ({ list, join: 'or' });

export function isText(value: unknown): value is Text {
  return typeof value === 'object' && value !== null && typeof (value as Text).id === 'string';
}

export type Catalogue = Readonly<Record<string, string>>;

const catalogues = new Map<string, Catalogue>();

/** The catalogue of `lang`, read once from the copy shipped with lamd. */
export function catalogue(lang: MessageLanguage): Catalogue {
  let found = catalogues.get(lang);
  if (!found) {
    found = JSON.parse(readFileSync(packageFile('messages', `${lang}.json`), 'utf8')) as Catalogue;
    catalogues.set(lang, found);
  }
  return found;
}

/**
 * `text` in `lang`: the catalogue's message, else the English one (a message added since a
 * translation was made), with its values put in, each Text among them rendered in the same language.
 * A string passes through: it is already words (a name, a path, a value from a document).
 */
export function render(lang: MessageLanguage, text: Text | string): string {
  if (typeof text === 'string') return text;
  const pattern = catalogue(lang)[text.id] ?? catalogue('en')[text.id];
  // A missing id is a bug in lamd, caught by the catalogue test; the id at least says which message.
  if (pattern === undefined) return text.id;
  // Fixed text (most of the help) is its own rendering: no parse, and no asking Intl for the locale (~20 ms the first time).
  if (isPlainMessage(pattern)) return pattern;
  const values: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(text.values ?? {})) values[key] = renderValue(lang, value);
  return formatMessage(pattern, localeOf(lang), values);
}

function renderValue(lang: MessageLanguage, value: TextValue): string | number {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (isText(value)) return render(lang, value);
  const items = value.list.map((item) => String(renderValue(lang, item)));
  // lamd's English is British: "a, b and c", without the serial comma.
  return new Intl.ListFormat(lang === 'en' ? 'en-GB' : lang, { type: value.join === 'and' ? 'conjunction' : 'disjunction' }).format(items);
}

/** A value as an ICU `select` case: the cases are identifiers, so `in-progress` is written `in_progress`. */
export function selector(value: string): string {
  return value.replace(/-/g, '_');
}

/**
 * A message as a diagnostic carries it: in English for whoever reads the diagnostic as it is, and
 * as a Text that the check renders again in the language of the run.
 */
export function said(message: Text): { message: string; text: Text } {
  return { message: render('en', message), text: message };
}
