// What personal contact data looks like in a text: an e-mail address or a telephone number. Read by
// the privacy/contact-data rule (through the string walk, string-walk.ts) and by `lamd new`.

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u;
// International numbers (+39 02 1234 5678, 0039…: nine digits at least, as every country code
// with a subscriber number has, so "+15 000 000 residents" is a figure), or a number after a phone keyword.
// National numbers are a trunk 0 and nine digits (0661234567, 06 61 23 45 67, 06.61.23.45.67), as in
// Morocco, France, Tunisia's neighbours and Albania's mobiles (06x): read only when nothing but
// separators joins the digits, so an id, a decimal or a figure such as 0.661 stays text.
const PHONE = /(?:^|[^\p{L}\p{N}])(?:\+|00)\d(?:[\s().-]*\d){8,}|(?:^|[^\p{L}\p{N}.,/-])0[1-9](?:[\s.-]?\d){8}(?![\p{N}\p{L}])|\b(?:tel|t\u00e9l|phone|telefono|cell|mobile|mob|fax)\.?\s*:?\s*\(?\d[\d\s().-]{5,}\d/iu;
// Cheap tests that every match of the patterns above passes, so the Unicode-aware patterns only
// run on the few strings that could hold contact data: an address needs an `@`; a number a run of
// at least seven digits and separators, and then either nine digits (the international and
// national forms) or a phone keyword (what the third form starts with, in PHONE's own flags: a
// date, 2024-03-01, has eight digits and no keyword, and is no longer given to PHONE).
const MAY_BE_EMAIL = (text: string) => text.includes('@');
const MAY_BE_PHONE = /\d[\d\s().-]{5,}\d/;
const PHONE_KEYWORD = /t[e\u00e9]l|phone|cell|mob|fax/iu;
const PHONE_DIGITS = 9;
/** The rule that reports contact data in documents (method/privacy-contact-data.ts). */
export const CONTACT_DATA_RULE = 'privacy/contact-data';
/** Keys whose values are web addresses, not read for contact data. */
export const URL_KEYS: ReadonlySet<string> = new Set(['url']);

/** The patterns contactDataIn stands for, without its cheap tests (for the test that holds them equal). */
export const CONTACT_PATTERNS = { EMAIL, PHONE } as const;

/** Shorter texts match neither pattern: an address is six characters at least (`a@b.cd`), a number ten (`+123456789`, `0612345678`, `tel1234567`). */
const SHORTEST_CONTACT = 6;

/** What contact data a text holds, in words (`an e-mail address`), or undefined. */
export function contactDataIn(value: string): 'email' | 'phone' | undefined {
  if (value.length < SHORTEST_CONTACT) return undefined;
  if (MAY_BE_EMAIL(value) && EMAIL.test(value)) return 'email';
  return MAY_BE_PHONE.test(value) && (hasDigits(value, PHONE_DIGITS) || PHONE_KEYWORD.test(value)) && PHONE.test(value) ? 'phone' : undefined;
}

/** Whether `text` holds at least `count` ASCII digits (`\d` in a Unicode pattern). */
function hasDigits(text: string, count: number): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57 && --count === 0) return true;
  }
  return false;
}
