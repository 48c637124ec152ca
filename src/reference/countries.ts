// ISO 3166-1 alpha-2 country codes, from i18n-iso-countries' code table alone: the package's main
// entry carries every locale's country names (~1 MB), which validation does not need.
import codes from 'i18n-iso-countries/codes.json' with { type: 'json' };

const ALPHA2 = new Set((codes as string[][]).map((row) => row[0]!));

export function isCountryCode(code: string): boolean {
  return ALPHA2.has(code);
}
