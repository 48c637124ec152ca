// Latin letters for a name written in another script (Arabic, Greek, Cyrillic and the others), so
// that a municipality named طنجة still gets a folder name. any-ascii carries the tables; this module
// is loaded only when a name is not in Latin letters.
import { createRequire } from 'node:module';

/** any-ascii (half a megabyte of tables), required from node_modules on first use rather than bundled: see scripts/build.mjs. */
let anyAscii: ((text: string) => string) | undefined;

/**
 * The name in Latin letters: Тирана → Tirana, Αθήνα → Athina, طنجة → tnja. Arabic is written
 * without most vowels, so its transliteration is a consonant skeleton; lamd says so and asks for the
 * name as the partners write it in Latin letters (--name-latin).
 */
export function transliterate(name: string): string {
  // A final tā’ marbūṭa is pronounced -a (طنجة, Tanja), which any-ascii writes as -h.
  anyAscii ??= (createRequire(import.meta.url)('any-ascii') as { default: (text: string) => string }).default;
  return anyAscii(name.normalize('NFC').replace(/\u0629(?=$|[\s\p{P}])/gu, 'a'));
}
