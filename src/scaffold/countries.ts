// Country names and search for the scaffold questions, from i18n-iso-countries (ISO 3166-1).
import countries from 'i18n-iso-countries';

export interface CountryChoice {
  /** ISO 3166-1 alpha-2, in capitals. */
  code: string;
  /** The English name. */
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
      const keys = new Set<string>([code.toLowerCase(), (countries.alpha2ToAlpha3(code) ?? '').toLowerCase()]);
      for (const lang of SEARCH_LANGUAGES) {
        for (const name of countries.getName(code, lang, { select: 'all' }) ?? []) keys.add(fold(name));
      }
      return { code, name: countries.getName(code, 'en') ?? code, keys: [...keys].filter(Boolean) };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
  return index;
}

/** Whether `code` is an ISO 3166-1 alpha-2 code lamd knows (capitals only, as documents write it). */
export function isCountry(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && countries.isValid(code);
}

/** The English name of a country code, or undefined. */
export function countryName(code: string): string | undefined {
  return isCountry(code) ? countries.getName(code, 'en') : undefined;
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
