// A municipality's name as lamd writes it into lamd.yaml: one text, or a text per language when the
// name is written in a script other than Latin and its Latin spelling is known too
// (`{ fr: Tanger, ar: طنجة }`), so each report shows the name its readers write.

export type Script = 'latin' | 'arabic' | 'greek' | 'cyrillic' | 'other';

export type LocalizedName = string | Readonly<Record<string, string>>;

const SCRIPT_OF_LANGUAGE: Readonly<Record<string, Script>> = {
  ar: 'arabic', fa: 'arabic', ur: 'arabic', ps: 'arabic', ku: 'arabic', ug: 'arabic', sd: 'arabic',
  el: 'greek',
  ru: 'cyrillic', uk: 'cyrillic', bg: 'cyrillic', sr: 'cyrillic', mk: 'cyrillic', be: 'cyrillic', kk: 'cyrillic', ky: 'cyrillic', tg: 'cyrillic', mn: 'cyrillic',
  zh: 'other', ja: 'other', ko: 'other', he: 'other', hi: 'other', bn: 'other', am: 'other', ti: 'other', ka: 'other', hy: 'other', th: 'other', ta: 'other',
};

/** The language a name in this script most likely belongs to, when the municipality's languages do not say. */
const LANGUAGE_OF_SCRIPT: Readonly<Partial<Record<Script, string>>> = { arabic: 'ar', greek: 'el' };

/** The script a language is usually written in (Latin unless lamd knows otherwise). */
export function scriptOfLanguage(lang: string): Script {
  return SCRIPT_OF_LANGUAGE[lang] ?? 'latin';
}

/** The script of a name's letters: the first script other than Latin it uses, else Latin. */
export function scriptOf(name: string): Script {
  if (/\p{Script=Arabic}/u.test(name)) return 'arabic';
  if (/\p{Script=Greek}/u.test(name)) return 'greek';
  if (/\p{Script=Cyrillic}/u.test(name)) return 'cyrillic';
  const letters = name.replace(/[^\p{L}]/gu, '');
  return /^\p{Script=Latin}*$/u.test(letters) ? 'latin' : 'other';
}

/**
 * The name for lamd.yaml: the local name under each of the municipality's languages written in its
 * script, the Latin name under each written in Latin letters (under English when none is). One text
 * when there is no Latin name, or when lamd cannot tell which language the local name is in.
 */
export function localizedName(name: string, latinName: string | undefined, languages: readonly string[]): LocalizedName {
  if (latinName === undefined || latinName === name) return name;
  const script = scriptOf(name);
  if (script === 'latin') return name;
  const map: Record<string, string> = {};
  for (const lang of languages) {
    const own = scriptOfLanguage(lang);
    if (own === script) map[lang] = name;
    else if (own === 'latin') map[lang] = latinName;
  }
  if (!Object.values(map).includes(name)) {
    const lang = LANGUAGE_OF_SCRIPT[script];
    if (!lang) return name;
    map[lang] = name;
  }
  if (!Object.values(map).includes(latinName)) map.en = latinName;
  return map;
}

/** The name in `lang`, else the first given: for text lamd writes in that language. */
export function nameIn(name: LocalizedName, lang: string): string {
  return typeof name === 'string' ? name : (name[lang] ?? Object.values(name)[0]!);
}
