// ISO 3166-1 countries, the one place lamd knows them from: which alpha-2 codes exist (i18n-iso-countries'
// code table alone: the package's main entry carries every locale's names, ~1 MB, which validation
// does not need) and a country's name in a language (Unicode CLDR through Intl, as reports show it).
import codes from 'i18n-iso-countries/codes.json' with { type: 'json' };

const ALPHA2 = new Set((codes as string[][]).map((row) => row[0]!));

/** Whether `code` is an ISO 3166-1 alpha-2 code, in capitals as documents write it. */
export function isCountryCode(code: string): boolean {
  return ALPHA2.has(code);
}

const namers = new Map<string, Intl.DisplayNames>();

/** The name of a country in a language (English by default), or undefined when the code names none. */
export function countryName(code: string, locale = 'en'): string | undefined {
  try {
    let namer = namers.get(locale);
    if (!namer) namers.set(locale, (namer = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' })));
    return namer.of(code);
  } catch {
    // Not a region code at all (Intl refuses its form), or a locale Intl does not know.
    return undefined;
  }
}
