// ICU messages, plural categories, dates and numbers for lamd's languages (src/i18n/format.ts).
import { describe, expect, it, vi } from 'vitest';
import {
  compileMessage,
  directionOf,
  formatIsoDate,
  formatList,
  formatMessage,
  formatMessageParts,
  formatMoney,
  formatNumber,
  formatPercent,
  localeOf,
  MessageSyntaxError,
  messageArguments,
  WHOLE_NUMBER_GROUPING,
} from '../../src/i18n/format.js';

const DONE_FR = '{done, plural, one {# réalisée} other {# réalisées}} sur {total}';
const DONE_AR =
  '{count, plural, zero {لا إجراء} one {إجراء واحد} two {إجراءان} few {# إجراءات} many {# إجراءً} other {# إجراء}}';

describe('formatMessage', () => {
  it('chooses French plural forms as CLDR does: 0 and 1 are singular', () => {
    expect(formatMessage(DONE_FR, 'fr', { done: 1, total: 3 })).toBe('1 réalisée sur 3');
    expect(formatMessage(DONE_FR, 'fr', { done: 2, total: 3 })).toBe('2 réalisées sur 3');
    expect(formatMessage(DONE_FR, 'fr', { done: 0, total: 3 })).toBe('0 réalisée sur 3');
  });

  it('chooses among the six Arabic plural forms', () => {
    const forms = [0, 1, 2, 3, 11, 100].map((count) => formatMessage(DONE_AR, 'ar', { count }));
    expect(forms[0]).toBe('لا إجراء');
    expect(forms[1]).toBe('إجراء واحد');
    expect(forms[2]).toBe('إجراءان');
    expect(forms[3]).toMatch(/إجراءات$/);
    expect(forms[4]).toMatch(/إجراءً$/);
    expect(forms[5]).toMatch(/ إجراء$/);
    expect(new Set(forms).size).toBe(6);
  });

  it('writes numbers in a message for the locale', () => {
    expect(formatMessage('{n} households', 'en-GB', { n: 12500 })).toBe('12,500 households');
    expect(formatMessage('{n} ménages', 'fr', { n: 12500 })).toBe('12\u202f500 ménages');
  });

  it('keeps < and apostrophes as text, and a quoted brace as a brace', () => {
    expect(formatMessage("<b>{x}</b> l'ha '{'", 'it', { x: 'a' })).toBe("<b>a</b> l'ha {");
    // An ASCII apostrophe before a brace quotes it: the catalogues write ’ (a test holds them to it).
    expect(() => formatMessage("dell'{x}", 'it', { x: 'a' })).not.toThrow();
    expect(formatMessage("dell'{x}", 'it', { x: 'a' })).toBe('dell{x}');
  });

  it('caches each compiled message per locale', () => {
    expect(compileMessage('{n} x', 'fr')).toBe(compileMessage('{n} x', 'fr'));
    expect(compileMessage('{n} x', 'fr')).not.toBe(compileMessage('{n} x', 'it'));
  });

  it('refuses a message that does not parse, saying why', () => {
    expect(() => formatMessage('{count, plural, one {# x}', 'en')).toThrow(MessageSyntaxError);
    expect(() => compileMessage('{count, plural, one {# x} }', 'en')).toThrow(/not a valid ICU message/);
  });

  it('throws when a value the message uses is not given', () => {
    expect(() => formatMessage('{a} and {b}', 'en', { a: 'x' })).toThrow();
  });
});

describe('formatMessageParts', () => {
  it('keeps given objects apart from the fixed text, and merges the text around numbers', () => {
    const value = { html: '<i>x</i>' };
    expect(formatMessageParts('{v} – {n, plural, one {# page} other {# pages}} end', 'en', { v: value, n: 2 })).toEqual([
      { kind: 'value', value },
      { kind: 'text', text: ' – 2 pages end' },
    ]);
  });
});

describe('messageArguments', () => {
  it('names the arguments at any depth of plurals and selects', () => {
    expect([...messageArguments('{a} {n, plural, one {# {b}} other {{c}}} {s, select, x {{d}} other {}}')].sort()).toEqual(['a', 'b', 'c', 'd', 'n', 's']);
    expect(messageArguments('no values here').size).toBe(0);
  });
});

describe('plural categories', () => {
  it('follow CLDR: Arabic has six cardinal categories, French puts 0 with 1, English ordinals', () => {
    const arabic = '{n, plural, zero {zero} one {one} two {two} few {few} many {many} other {other}}';
    expect([0, 1, 2, 3, 11, 100].map((n) => formatMessage(arabic, 'ar', { n }))).toEqual(['zero', 'one', 'two', 'few', 'many', 'other']);
    const french = '{n, plural, one {one} other {other}}';
    expect([0, 1, 2].map((n) => formatMessage(french, 'fr', { n }))).toEqual(['one', 'one', 'other']);
    expect([0, 1, 2].map((n) => formatMessage(french, 'en', { n }))).toEqual(['other', 'one', 'other']);
    expect(formatMessage('{n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}', 'en', { n: 2 })).toBe('2nd');
  });
});

describe('formatIsoDate', () => {
  it('writes the first of the month as French does: 1er', () => {
    expect(formatIsoDate('2025-03-01', 'fr')).toBe('1er mars 2025');
    expect(formatIsoDate('2025-03-02', 'fr')).toBe('2 mars 2025');
    expect(formatIsoDate('2025-03-11', 'fr')).toBe('11 mars 2025');
    expect(formatIsoDate('2025-03-01', 'it')).toBe('1 marzo 2025');
    expect(formatIsoDate('2025-03-01', 'en-GB')).toBe('1 March 2025');
  });

  it('is as precise as the date given, and leaves other text alone', () => {
    expect(formatIsoDate('2025-03', 'fr')).toBe('mars 2025');
    expect(formatIsoDate('2025', 'sq')).toBe('2025');
    expect(formatIsoDate('spring 2025', 'en-GB')).toBe('spring 2025');
    expect(formatIsoDate('2025-12-31', 'sq')).toMatch(/^31 dhjetor 2025$/);
  });

  it('writes Arabic months in Arabic', () => {
    expect(formatIsoDate('2025-03-01', 'ar')).toMatch(/مارس/);
  });
});

describe('numbers', () => {
  it('writes numbers, percentages and money for the locale', () => {
    expect(formatNumber(1234.567, 'en-GB')).toBe('1,234.57');
    expect(formatNumber(1234.5, 'it')).toBe('1234,5');
    expect(formatNumber(12345.5, 'it')).toBe('12.345,5');
    expect(formatPercent(15.2, 'fr')).toBe('15,2\u00a0%');
    expect(formatMoney(1500, 'EUR', 'fr')).toBe('1\u202f500\u00a0€');
    expect(formatMoney(1500, 'NOPE', 'fr')).toBeUndefined();
  });

  it('writes whole numbers without asking Intl exactly as Intl writes them', () => {
    // formatNumber and a plural's `#` skip Intl.NumberFormat for whole numbers in these languages: Intl
    // must agree, below and across every grouping threshold and up to the largest safe integer.
    const samples: number[] = [];
    for (let n = 0; n < 20_000; n++) samples.push(n);
    for (let power = 10; power <= 1e15; power *= 10) samples.push(power - 1, power, power + 1, 2 * power + 82);
    let seed = 17;
    for (let i = 0; i < 2_000; i++) {
      seed = (seed * 48271) % 2147483647;
      samples.push(Math.floor((seed / 2147483647) * 10 ** (1 + (i % 15))));
    }
    samples.push(Number.MAX_SAFE_INTEGER);
    for (const [locale] of WHOLE_NUMBER_GROUPING) {
      const intl = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
      for (const n of samples) if (formatNumber(n, locale) !== intl.format(n)) expect(formatNumber(n, locale), `${locale} ${n}`).toBe(intl.format(n));
    }
    // They are the locales localeOf gives lamd's languages, and another numbering system is Intl's to write.
    expect([...WHOLE_NUMBER_GROUPING.keys()]).toEqual(['en', 'fr', 'it', 'sq'].map(localeOf));
    expect(formatNumber(7, 'fr-u-nu-arab')).toBe('٧');
    // Anything else is Intl's to write.
    for (const [value, locale] of [[-1000, 'fr'], [-12500, 'en-GB'], [-3, 'fr'], [-0, 'en-GB'], [2.5, 'it'], [7, 'ar'], [12345, 'ar'], [999.5, 'sq'], [2 ** 60, 'en-GB']] as const) {
      expect(formatNumber(value, locale), `${value} ${locale}`).toBe(new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value));
    }
    expect(formatMessage('{n, plural, one {# fichier} other {# fichiers}}', 'fr', { n: 2082 })).toBe('2\u202f082 fichiers');
    expect(formatMessage('{n, plural, one {# fichier} other {# fichiers}}', 'fr', { n: 1 })).toBe('1 fichier');
    expect(formatMessage('{n, plural, one {# fichier} other {# fichiers}}', 'fr', { n: 1.5 })).toBe('1,5 fichier');
  });

  it('compiles a message without asking Intl which locales it supports (its number data costs ~11 ms)', () => {
    // format.ts answers intl-messageformat's resolveLocale itself; if a new version stops asking it, this says so.
    const asked = vi.spyOn(Intl.NumberFormat, 'supportedLocalesOf');
    try {
      expect(formatMessage('{n, plural, one {# file} other {# files}} checked, first seen {n}', 'en-GB', { n: 3 })).toBe('3 files checked, first seen 3');
      expect(compileMessage('{count} more in {file}', 'it').resolvedOptions().locale).toBe('it');
      expect(asked).not.toHaveBeenCalled();
    } finally {
      asked.mockRestore();
    }
  });
});

describe('locales', () => {
  it('formats English as British English, and falls back to it for a language Node has no data for', () => {
    expect(localeOf('en')).toBe('en-GB');
    expect(localeOf('fr')).toBe('fr');
    expect(localeOf('zz')).toBe('en-GB');
    expect(localeOf('not a tag')).toBe('en-GB');
    // lamd's own languages are settled without asking DateTimeFormat, with the answer it would give.
    for (const lang of ['en', 'fr', 'it', 'ar', 'sq']) expect(localeOf(lang)).toBe(Intl.DateTimeFormat.supportedLocalesOf([lang === 'en' ? 'en-GB' : lang])[0]);
  });

  it('knows which languages are written right to left', () => {
    expect(directionOf('ar')).toBe('rtl');
    expect(directionOf('ar-MA')).toBe('rtl');
    expect(directionOf('fr')).toBe('ltr');
  });
});

describe('formatList', () => {
  it('joins items as the language does, with Arabic "و" apart from a word in another script', () => {
    expect(formatList(['a', 'b', 'c'], 'en-GB')).toBe('a, b and c');
    expect(formatList(['a', 'b'], 'fr')).toBe('a et b');
    expect(formatList(['تونس', 'سوسة'], 'ar')).toBe('تونس وسوسة');
    expect(formatList(['طنجة', 'Milan'], 'ar')).toBe('طنجة و Milan');
  });
});
