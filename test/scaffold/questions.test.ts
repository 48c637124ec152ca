// lamd decides once whether it may ask; answers come from flags, prompts or defaults, and every
// missing required answer is named in one usage error.
import { describe, expect, it } from 'vitest';
import { addYear, checkPeriod, parseCountry, parseDate, parseDay, parseGoals, parseIdAnswer, parseLanguages, parsePartner, parseText } from '../../src/scaffold/answers.js';
import { searchCountries } from '../../src/reference/country-search.js';
import { mayAsk, Questions, type Asker } from '../../src/scaffold/questions.js';

describe('mayAsk', () => {
  const tty = { stdinIsTTY: true, stderrIsTTY: true, env: {} };
  it('asks only on terminals, outside CI, without --yes', () => {
    expect(mayAsk(tty)).toBe(true);
    expect(mayAsk({ ...tty, yes: true })).toBe(false);
    expect(mayAsk({ ...tty, stdinIsTTY: false })).toBe(false);
    expect(mayAsk({ ...tty, stderrIsTTY: false })).toBe(false);
    expect(mayAsk({ ...tty, env: { CI: 'true' } })).toBe(false);
    expect(mayAsk({ ...tty, env: { CI: '1' } })).toBe(false);
    expect(mayAsk({ ...tty, env: { CI: 'false' } })).toBe(true);
    expect(mayAsk({ ...tty, env: { CI: '' } })).toBe(true);
  });
});

/** An Asker that answers from a script and records the questions. */
function scripted(answers: string[]): Asker & { asked: string[] } {
  const asked: string[] = [];
  const next = (message: string, validate?: (v: string) => string | true) => {
    asked.push(message);
    for (;;) {
      const answer = answers.shift();
      if (answer === undefined) throw new Error(`no scripted answer for ${message}`);
      if (!validate || validate(answer) === true) return Promise.resolve(answer);
      asked.push(`rejected ${answer}: ${validate(answer) as string}`);
    }
  };
  return {
    asked,
    text: (o) => next(o.message, (v) => o.validate(v === '' && o.default !== undefined ? o.default : v)).then((v) => (v === '' && o.default !== undefined ? o.default : v)),
    search: (o) => next(o.message),
    select: (o) => next(o.message),
    checkbox: (o) => next(o.message).then((v) => v.split(',')),
  };
}

describe('Questions', () => {
  it('takes the flag when given and never asks for it', async () => {
    const asker = scripted([]);
    const q = new Questions(asker);
    expect(await q.text({ flag: '--x <v>', given: 'value', message: 'X?', parse: (v) => v.toUpperCase() })).toBe('VALUE');
    expect(asker.asked).toEqual([]);
  });

  it('rejects a bad flag value with the flag named, even when it could ask', async () => {
    const q = new Questions(scripted([]));
    await expect(q.text({ flag: '--start <date>', given: 'soon', message: 'Start?', parse: (v) => parseDate(v, '--start') })).rejects.toThrow(/--start "soon" is not a date/);
  });

  it('asks again until the answer is valid', async () => {
    const asker = scripted(['2025-02-30', '2025-02-28']);
    const q = new Questions(asker);
    expect(await q.text({ flag: '--start <date>', given: undefined, message: 'Start?', parse: (v) => parseDate(v, '--start') })).toBe('2025-02-28');
    expect(asker.asked[1]).toMatch(/^rejected 2025-02-30: --start "2025-02-30" is not a date/);
  });

  it('speaks of the answer at a question, not of a flag nobody typed, and shows how it read an answer', async () => {
    const told: string[] = [];
    const asker = scripted(['Tanger!?', 'صفاقس', 'Sousse', 'French, Arabic', '01/03/2025', '1 March 2025']);
    const q = new Questions(asker, (line) => told.push(line));
    expect(await q.text({ flag: '--slug <slug>', given: undefined, message: 'Slug?', parse: parseIdAnswer })).toBe('tanger');
    expect(await q.text({ flag: '--slug <slug>', given: undefined, message: 'Slug?', parse: parseIdAnswer })).toBe('sousse');
    expect(await q.text({ flag: '--lang <codes>', given: undefined, message: 'Lang?', parse: (v, s) => parseLanguages(v, s.label).codes, show: (c) => c.join(', ') })).toEqual(['fr', 'ar']);
    expect(await q.text({ flag: '--start <date>', given: undefined, message: 'Start?', parse: (v, s) => parseDate(v, s.label) })).toBe('2025-03-01');
    expect(asker.asked.filter((a) => a.startsWith('rejected'))).toEqual([
      expect.stringMatching(/^rejected صفاقس: The answer "صفاقس" is not a safe id/),
      expect.stringMatching(/^rejected 01\/03\/2025: The answer "01\/03\/2025" could be 2025-03-01/),
    ]);
    expect(asker.asked.join('\n')).not.toMatch(/--/);
    expect(told).toEqual(['  lamd reads this as: tanger\n', '  lamd reads this as: sousse\n', '  lamd reads this as: fr, ar\n', '  lamd reads this as: 2025-03-01\n']);
    // The same "Sousse" given as a flag is refused, with the id it stands for.
    await expect(q.text({ flag: '--slug <slug>', given: 'Sousse', message: '', parse: parseIdAnswer })).rejects.toThrow(/--slug "Sousse" is not a safe id: it contains uppercase letters. Did you mean `sousse`\?/);
  });

  it('takes defaults without asking, and names every missing required flag at once', async () => {
    const q = new Questions(undefined);
    expect(await q.text({ flag: '--network <name>', given: undefined, message: '', default: 'Net', parse: (v) => v })).toBe('Net');
    expect(await q.text({ flag: '--lead-unit <name>', given: undefined, message: '', optional: true, parse: (v) => v })).toBeUndefined();
    expect(await q.text({ flag: '--municipality <name>', given: undefined, message: '', parse: (v) => v })).toBeUndefined();
    expect(await q.search({ flag: '--country <code>', given: undefined, message: '', source: () => [], parse: (v) => v })).toBeUndefined();
    expect(await q.several({ flag: '--sdg <goals>', given: undefined, message: '', choices: [], defaults: ['10'], parse: (v) => parseGoals(v, '--sdg') })).toEqual(['10']);
    expect(() => q.finish('lamd init')).toThrow(
      'lamd init needs --municipality <name> and --country <code>. lamd asks no questions with --yes, when CI is set, or when standard input or error is not a terminal, so give them on the command line. Nothing was written.',
    );
  });
});

describe('answers', () => {
  it('accepts country codes in any case, and hints at codes for names', () => {
    expect(parseCountry('tn', '--country')).toBe('TN');
    expect(() => parseCountry('XX', '--country')).toThrow(/not an ISO 3166-1 alpha-2 country code/);
    expect(() => parseCountry('Albania', '--country')).toThrow(/Did you mean AL \(Albania\)/);
    expect(() => parseCountry('TUN', '--country')).toThrow(/TN \(Tunisia\)/);
  });

  it('searches countries by code and by name in several languages, accents aside', () => {
    expect(searchCountries('tn')[0]).toEqual({ code: 'TN', name: 'Tunisia' });
    expect(searchCountries('Tunisie')[0]!.code).toBe('TN');
    expect(searchCountries('shqip')[0]!.code).toBe('AL');
    expect(searchCountries('تونس')[0]!.code).toBe('TN');
    expect(searchCountries('cote d')[0]!.code).toBe('CI');
    expect(searchCountries(undefined)).toHaveLength(12);
  });

  it('reads language lists', () => {
    expect(parseLanguages('fr, AR ,fr', '--lang')).toEqual({ codes: ['fr', 'ar'], unknown: [] });
    expect(parseLanguages('ber', '--lang')).toEqual({ codes: ['ber'], unknown: ['ber'] });
    expect(() => parseLanguages('frnch', '--lang')).toThrow(/"frnch" is not a language lamd knows/);
    expect(() => parseLanguages(' , ', '--lang')).toThrow(/empty/);
  });

  it('reads language names in English, French and Italian as their codes', () => {
    expect(parseLanguages('French, Arabic', '--lang').codes).toEqual(['fr', 'ar']);
    expect(parseLanguages('français, arabe', '--lang').codes).toEqual(['fr', 'ar']);
    expect(parseLanguages('Francese; albanese', '--lang').codes).toEqual(['fr', 'sq']);
    expect(parseLanguages('French and Arabic', '--lang').codes).toEqual(['fr', 'ar']);
    expect(parseLanguages('fr ar', '--lang').codes).toEqual(['fr', 'ar']);
    expect(parseLanguages('Haitian Creole', '--lang').codes).toEqual(['ht']);
  });

  it('reads dates written in other unambiguous ways, and says why an ambiguous one is refused', () => {
    expect(parseDate('2025-3-1', '--start')).toBe('2025-03-01');
    expect(parseDate('1 March 2025', '--start')).toBe('2025-03-01');
    expect(parseDate('March 1, 2025', '--start')).toBe('2025-03-01');
    expect(parseDate('1er mars 2025', '--start')).toBe('2025-03-01');
    expect(parseDate('1 marzo 2025', '--start')).toBe('2025-03-01');
    expect(parseDate('25/03/2025', '--start')).toBe('2025-03-25');
    expect(parseDate('03/03/2025', '--start')).toBe('2025-03-03');
    expect(parseDate('Mars 2025', '--start')).toBe('2025-03');
    expect(() => parseDate('01/03/2025', '--start')).toThrow(/"01\/03\/2025" could be 2025-03-01 \(day first.*\) or 2025-01-03 \(month first/);
    expect(() => parseDate('31 February 2025', '--start')).toThrow(/not a date/);
  });

  it('reads dates, full days and periods', () => {
    expect(parseDate('2025-03', '--start')).toBe('2025-03');
    expect(() => parseDate('2025-13-01', '--start')).toThrow(/not a date/);
    expect(() => parseDay('2025-03', '--date')).toThrow(/full date/);
    expect(() => checkPeriod('2025-05-01', '2025-04-30', '--start', '--end')).toThrow(/--end 2025-04-30 is before --start 2025-05-01/);
    expect(() => checkPeriod('2025-05', '2025-05-01', '--start', '--end')).not.toThrow();
    expect(addYear('2025-01-01')).toBe('2025-12-31');
    expect(addYear('2024-02-29')).toBe('2025-02-28');
  });

  it('reads SDG goals, text and partners', () => {
    expect(parseGoals('10, 11 SDG16', '--sdg')).toEqual(['10', '11', '16']);
    expect(() => parseGoals('0', '--sdg')).toThrow(/not an SDG goal/);
    expect(() => parseText('a\nb', '--network')).toThrow(/one line/);
    expect(() => parseText('  ', '--network')).toThrow(/empty/);
    expect(parsePartner('CeSPI (IT)', '--partner')).toEqual({ name: 'CeSPI', country: 'IT' });
    expect(parsePartner('Institute (UK)', '--partner')).toEqual({ name: 'Institute (UK)' });
    expect(parsePartner('Cooperation and Development Institute (CDI)', '--partner')).toEqual({ name: 'Cooperation and Development Institute (CDI)' });
  });
});
