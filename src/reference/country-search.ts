// Finding a country by what a person typed at a question: its code, or its name in one of several
// languages with the aliases i18n-iso-countries knows ("Ivory Coast"), loaded only by init and new.
import countries from 'i18n-iso-countries';
import { countryName } from './countries.js';

export interface CountryChoice {
  /** ISO 3166-1 alpha-2, in capitals. */
  code: string;
  /** The English name, as countryName gives it. */
  name: string;
}

/** Languages whose country names the search also matches, so "Tunisie", "Albania" or "تونس" all find a code. */
const SEARCH_LANGUAGES = ['en', 'fr', 'it', 'es', 'ar', 'sq', 'de', 'pt'];

const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim();

let index: Array<CountryChoice & { keys: string[] }> | undefined;

function searchIndex(): Array<CountryChoice & { keys: string[] }> {
  if (index) return index;
  index = Object.keys(countries.getAlpha2Codes())
    .map((code) => {
      const name = countryName(code) ?? countries.getName(code, 'en') ?? code;
      const keys = new Set<string>([code.toLowerCase(), (countries.alpha2ToAlpha3(code) ?? '').toLowerCase(), fold(name)]);
      for (const lang of SEARCH_LANGUAGES) {
        for (const alias of countries.getName(code, lang, { select: 'all' }) ?? []) keys.add(fold(alias));
      }
      return { code, name, keys: [...keys].filter(Boolean) };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
  return index;
}

/**
 * Countries matching what a person typed: the code itself first, then names that start with the
 * term, then names that contain it, in several languages and without regard to accents.
 */
export function searchCountries(term: string | undefined, limit = 12): CountryChoice[] {
  const all = searchIndex();
  const wanted = fold(term ?? '');
  if (!wanted) return all.slice(0, limit).map(({ code, name }) => ({ code, name }));
  const exact = all.filter((c) => c.keys[0] === wanted || c.keys[1] === wanted);
  const starts = all.filter((c) => !exact.includes(c) && c.keys.some((k) => k.startsWith(wanted)));
  const contains = all.filter((c) => !exact.includes(c) && !starts.includes(c) && c.keys.some((k) => k.includes(wanted)));
  return [...exact, ...starts, ...contains].slice(0, limit).map(({ code, name }) => ({ code, name }));
}
