// Slugs from names, and the safe-id rule every id a person gives must pass.
import { describe, expect, it } from 'vitest';
import { render } from '../../src/i18n/messages.js';
import { idProblem, MAX_ID_LENGTH, shortenId, slugify, titleFromId, whyNoSlug } from '../../src/scaffold/slug.js';

describe('slugify', () => {
  it.each([
    ['Sfax', 'sfax'],
    ['Tiranë', 'tirane'],
    ['Milano', 'milano'],
    ['Reggio nell’Emilia', 'reggio-nellemilia'],
    ["Sant'Agata de' Goti", 'santagata-de-goti'],
    ['São Paulo', 'sao-paulo'],
    ['Đakovo', 'dakovo'],
    ['Łódź', 'lodz'],
    ['Straße  am   See', 'strasse-am-see'],
    ['Ærøskøbing', 'aeroskobing'],
    ['İzmir', 'izmir'],
    ['  --Bologna!!  ', 'bologna'],
    ['Sfax 2', 'sfax-2'],
    ['ＴＵＮＩＳ', 'tunis'],
  ])('%s → %s', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it.each([['صفاقس'], ['Тирана'], ['Αθήνα'], ['北京'], ['Sfax صفاقس'], ['Bakı ə'], ['٣'], ['!!!'], [''], ['Con'], ['NUL']])(
    'gives no slug for %j: not safely transliterable, empty or reserved',
    (name) => {
      expect(slugify(name)).toBeUndefined();
    },
  );

  it('keeps slugs within 64 characters, cut between words', () => {
    const slug = slugify('Municipality of the very long name that goes on and on beyond any reasonable folder name')!;
    expect(slug.length).toBeLessThanOrEqual(MAX_ID_LENGTH);
    expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(slug.endsWith('-')).toBe(false);
    expect(slugify('a'.repeat(80))).toBe('a'.repeat(64));
  });

  it('always produces an id that passes the safe-id rule', () => {
    for (const name of ['Tiranë', 'Reggio nell’Emilia', 'x'.repeat(100), 'Zürich/../etc', 'C:\\Windows', 'a.b.c']) {
      const slug = slugify(name);
      if (slug !== undefined) expect(idProblem(slug)).toBeUndefined();
    }
  });
});

describe('idProblem', () => {
  it('accepts safe ids', () => {
    for (const id of ['sfax', 'one-stop-shop', 'a1', '2021-pal', 'x'.repeat(64)]) expect(idProblem(id)).toBeUndefined();
  });

  it.each([
    ['', /empty/],
    ['../x', /slash or "\.\."/],
    ['a/b', /slash/],
    ['a\\b', /slash/],
    ['..', /"\.\."/],
    ['a b', /spaces/],
    ['Sfax', /uppercase/],
    ['con', /Windows reserves/],
    ['lpt1', /Windows reserves/],
    ['x'.repeat(65), /65 characters long/],
    ['-x', /hyphen/],
    ['x-', /hyphen/],
    ['a--b', /single hyphens/],
    ['a.b', /lowercase letters/],
    ['tiranë', /lowercase letters a-z/],
  ])('refuses %j', (id, reason) => {
    expect(render('en', idProblem(id)!)).toMatch(reason);
  });
});

describe('helpers', () => {
  it('titles from ids and shortens ids at hyphens', () => {
    expect(titleFromId('one-stop-shop')).toBe('One stop shop');
    expect(shortenId('abc-def-ghi', 9)).toBe('abc-def');
    expect(shortenId('abcdefghij', 5)).toBe('abcde');
    expect(shortenId('abc', 5)).toBe('abc');
  });
});

describe('whyNoSlug', () => {
  it('names the real reason a name gives no folder name', () => {
    expect(slugify('Con')).toBeUndefined();
    expect(render('en', whyNoSlug('Con'))).toBe('it would be `con`, a name Windows reserves for a device');
    expect(render('en', whyNoSlug('صفاقس'))).toBe('only Latin letters are transliterated');
    expect(render('en', whyNoSlug('— ·'))).toBe('it holds no letter or digit');
  });
});
