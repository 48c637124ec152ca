// Safe ids for file and folder names: derived from a name when it can be transliterated safely,
// checked against the schemas' `slug` rule when a person gives one.
import { t, type Text } from '../i18n/messages.js';
import { ID_FORM, MAX_ID_LENGTH, RESERVED_NAMES } from '../workspace/id-form.js';

export { MAX_ID_LENGTH } from '../workspace/id-form.js';

/**
 * Latin letters that Unicode decomposition leaves whole (NFKD splits "ë" into "e" and a mark, but
 * not "ø" or "ß"), spelled the way their languages transliterate them.
 */
const LATIN_LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss', ẞ: 'ss', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', ø: 'o', Ø: 'o', đ: 'd', Đ: 'd', ð: 'd', Ð: 'd',
  ł: 'l', Ł: 'l', þ: 'th', Þ: 'th', ħ: 'h', Ħ: 'h', ı: 'i', ŀ: 'l', Ŀ: 'l', ŧ: 't', Ŧ: 't', ĸ: 'k',
};

/** Apostrophes inside a word are dropped ("Sant'Agata" → santagata), not turned into a hyphen. */
// Apostrophes: ', ’ (U+2019), ʼ (U+02BC), ‘ (U+2018), `, ´ (U+00B4); escaped, as lamd's bundle is ASCII (scripts/build.mjs).
const APOSTROPHES = /['\u2019\u02bc\u2018`\u00b4]/g;

/**
 * The id a name becomes: Latin letters without their diacritics, lowercase, words joined by single
 * hyphens ("Tiranë" → tirane, "Reggio nell'Emilia" → reggio-nellemilia). Undefined when the name
 * holds any letter or digit outside the Latin alphabet and ASCII digits ("صفاقس", "Тирана"): lamd
 * does not guess a transliteration, the person gives the id. Also undefined when nothing is left or
 * the result is a reserved name. `whyNoSlug` says which.
 */
export function slugify(name: string): string | undefined {
  const result = slugOrReason(name);
  return 'slug' in result ? result.slug : undefined;
}

/** Why `slugify(name)` gave nothing, in words for the person who typed the name. */
export function whyNoSlug(name: string): Text {
  const result = slugOrReason(name);
  return 'reason' in result ? result.reason : t('slug.can');
}

function slugOrReason(name: string): { slug: string } | { reason: Text } {
  const decomposed = name.normalize('NFKD').replace(/\p{M}/gu, '');
  const latin = [...decomposed].map((c) => LATIN_LETTERS[c] ?? c).join('');
  // Every letter and digit left must be plain ASCII; anything else cannot be transliterated safely.
  if (/[^\x00-\x7F]/.test(latin.replace(/[^\p{L}\p{N}]/gu, ''))) return { reason: t('slug.only-latin') };
  const words = latin.replace(APOSTROPHES, '').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  if (words.length === 0) return { reason: t('slug.no-letter') };
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > MAX_ID_LENGTH) break;
    slug = next;
  }
  if (!slug) slug = words[0]!.slice(0, MAX_ID_LENGTH);
  if (RESERVED_NAMES.has(slug)) return { reason: t('slug.would-be-reserved', { slug }) };
  return { slug };
}

/**
 * Why `value` is not a safe id, or undefined when it is. The rule is the schemas' `slug`: lowercase
 * a-z, digits and single hyphens, at most 64 characters, not a name Windows reserves.
 */
export function idProblem(value: string): Text | undefined {
  if (value === '') return t('slug.empty');
  if (value.length > MAX_ID_LENGTH) return t('slug.too-long', { length: value.length, max: MAX_ID_LENGTH });
  if (/[/\\]/.test(value) || value.includes('..')) return t('slug.leads-out');
  if (/\s/.test(value)) return t('slug.spaces');
  if (/[A-Z]/.test(value)) return t('slug.uppercase');
  if (RESERVED_NAMES.has(value)) return t('slug.reserved');
  if (!ID_FORM.test(value)) return t('slug.form');
  return undefined;
}

/** `id` as a title: "one-stop-shop" → "One stop shop". */
export function titleFromId(id: string): string {
  const words = id.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** An id of at most `max` characters, cut at a hyphen where possible. */
export function shortenId(id: string, max: number): string {
  if (id.length <= max) return id;
  const cut = id.slice(0, max);
  const hyphen = cut.lastIndexOf('-');
  return (hyphen > 0 ? cut.slice(0, hyphen) : cut).replace(/-+$/, '');
}
