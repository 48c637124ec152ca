// Names given in several languages (`name: { fr: Tanger, ar: طنجة, en: Tangier }`): which text a
// report in a language shows, and in which language that text is written.

/** A name as one text, or as a map from language code to text (schemas: `localizedText`). */
export type LocalizedText = string | Readonly<Record<string, string>>;

/** A name as shown: its text, and its language when the document says it (a map's key). */
export interface ChosenText {
  text: string;
  /** The language the text is written in; undefined for a plain text, whose language the document does not give. */
  lang?: string;
}

/** The entries of a name map that hold text, in the order the document gives them. */
function entries(name: Readonly<Record<string, string>>): [string, string][] {
  return Object.entries(name).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].trim() !== '');
}

/**
 * The text of a name for a report in `lang`: the text in that language, else the first of
 * `fallback` (the workspace's report languages, in order) the name has, else the first text given.
 * A plain text is the same in every language. Undefined for an absent or empty name.
 */
export function chooseText(name: LocalizedText | undefined, lang: string, fallback: readonly string[] = []): ChosenText | undefined {
  if (name === undefined || name === null) return undefined;
  if (typeof name === 'string') return name.trim() === '' ? undefined : { text: name };
  if (typeof name !== 'object') return undefined;
  const given = entries(name);
  for (const wanted of [lang, ...fallback]) {
    const hit = given.find(([code]) => code === wanted);
    if (hit) return { text: hit[1], lang: hit[0] };
  }
  const first = given[0];
  return first ? { text: first[1], lang: first[0] } : undefined;
}

/** The text of a name in `lang` (see chooseText), or undefined. */
export function textIn(name: LocalizedText | undefined, lang: string, fallback: readonly string[] = []): string | undefined {
  return chooseText(name, lang, fallback)?.text;
}

/** Every text of a name, in the order given: to recognise a name whatever language it is written in. */
export function allTexts(name: LocalizedText | undefined): string[] {
  if (typeof name === 'string') return name.trim() === '' ? [] : [name];
  if (name === null || typeof name !== 'object') return [];
  return entries(name).map(([, text]) => text);
}

/** The languages a name map gives; empty for a plain text. */
export function languagesOf(name: LocalizedText | undefined): string[] {
  if (name === null || typeof name !== 'object') return [];
  return entries(name).map(([code]) => code);
}
