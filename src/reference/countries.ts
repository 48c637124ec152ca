// ISO 3166-1 country codes and names, from i18n-iso-countries (loaded only when a check needs it).
import countries from 'i18n-iso-countries';

export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && countries.isValid(code);
}

/** All alpha-2 codes. */
export function countryCodes(): string[] {
  return Object.keys(countries.getAlpha2Codes());
}
