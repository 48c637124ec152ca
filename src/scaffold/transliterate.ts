// Latin letters for a name written in another script (Arabic, Greek, Cyrillic and the others), so
// that a municipality named طنجة still gets a folder name. any-ascii carries the tables; this module
// is loaded only when a name is not in Latin letters.
import anyAscii from 'any-ascii';

/**
 * The name in Latin letters: Тирана → Tirana, Αθήνα → Athina, طنجة → tnja. Arabic is written
 * without most vowels, so its transliteration is a consonant skeleton; lamd says so and asks for the
 * name as the partners write it in Latin letters (--name-latin).
 */
export function transliterate(name: string): string {
  // A final tā’ marbūṭa is pronounced -a (طنجة, Tanja), which any-ascii writes as -h.
  return anyAscii(name.normalize('NFC').replace(/\u0629(?=$|[\s\p{P}])/gu, 'a'));
}
