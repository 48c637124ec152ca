// The CLI's catalogues: every message in every language, each one valid ICU MessageFormat, naming only
// the values the English one is given, and translated rather than left in English.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileMessage, localeOf, messageArguments } from '../../src/i18n/format.js';
import { MESSAGE_LANGUAGES, render, t } from '../../src/i18n/messages.js';
import { REPO } from '../helpers/lamd.js';

const read = (lang: string) => JSON.parse(readFileSync(join(REPO, 'messages', `${lang}.json`), 'utf8')) as Record<string, string>;
const EN = read('en');

/** Messages that read the same in another language, with the reason. */
const SAME_AS_ENGLISH: Readonly<Record<string, string>> = {
  'fs.other': 'the system error, passed through as it is',
  'roadmap/continuity.election-named': 'only the title the profile gives',
  'roadmap/continuity.election-from': 'only the title and the date',
  'format.severity.info': '"info" is French and Italian too',
  'explain.title': 'a rule id and its summary: Italian punctuates "id: summary" as English does',
  'format.summary.message': 'a column heading: "message" is French too',
  'format.summary.file': 'a column heading: "file" is Italian too',
  'sarif.stdin': '"standard input" is the Italian term too, as the help of lamd validate says it',
  'new.ask.type': '"Type" is French too',
  'choice.labelled': 'only the label and the value, punctuated the same way',
  'choice.stakeholderType.expert': '"Expert" is French too, as in the French report catalogue',
  'choice.activityMode.online': '"Online" is the Italian report catalogue\'s word too',
  'choice.stakeholderLevel.local': 'the same word in French',
  'choice.stakeholderLevel.national': 'the same word in French',
  'choice.stakeholderLevel.international': 'the same word in French',
  'template.stopped-in': 'only the file name, in brackets: "in" is Italian too',
  'template.failed': 'the template file and the template engine\'s own message',
  'cli.semicolon': 'Italian separates list items with "; " as English does',
  'import.two-problems': 'two problems joined by "; ", as Italian punctuates them too',
  'sdg.listed-as': 'an indicator id and "target", the word the Italian SDG texts use',
};

describe('CLI message catalogues', () => {
  for (const lang of MESSAGE_LANGUAGES) {
    const messages = read(lang);

    it(`${lang}: has every message of the English catalogue, and no other`, () => {
      expect(Object.keys(messages).filter((k) => !(k in EN)), 'not in en.json').toEqual([]);
      expect(Object.keys(EN).filter((k) => !(k in messages)), `missing from ${lang}.json`).toEqual([]);
    });

    it(`${lang}: every message is valid ICU MessageFormat and names only the English message's values`, () => {
      const wrong: string[] = [];
      for (const [id, source] of Object.entries(messages)) {
        try {
          compileMessage(source, localeOf(lang));
        } catch (error) {
          wrong.push(`${id}: ${(error as Error).message}`);
          continue;
        }
        const extra = [...messageArguments(source)].filter((name) => !messageArguments(EN[id] ?? '').has(name));
        if (extra.length) wrong.push(`${id}: names ${extra.join(', ')}, which the English message is not given`);
      }
      expect(wrong).toEqual([]);
    });

    if (lang !== 'en') {
      it(`${lang}: no message is left in English`, () => {
        const untranslated = Object.keys(EN).filter((id) => messages[id] === EN[id] && !(id in SAME_AS_ENGLISH));
        expect(untranslated).toEqual([]);
      });
    }
  }

  it('puts nested messages and lists in the same language', () => {
    const text = t('schema/type.wrong', { who: t('schema.subject.roadmap'), expected: { list: [t('schema.type.string'), t('schema.type.number')], join: 'or' }, value: t('schema.value.list') });
    expect(render('en', text)).toBe('The road map should be text or a number, not a list.');
    expect(render('fr', text)).toBe('La feuille de route doit être du texte ou un nombre, pas une liste.');
    expect(render('it', text)).toMatch(/^La road map /);
  });

  it('chooses plural forms by the language’s rules', () => {
    expect(render('fr', t('format.count.errors', { count: 1 }))).toBe('1 erreur');
    expect(render('fr', t('format.count.errors', { count: 0 }))).toBe('0 erreur');
    expect(render('en', t('format.count.errors', { count: 0 }))).toBe('0 errors');
    expect(render('it', t('format.count.errors', { count: 2 }))).toBe('2 errori');
  });
});

describe('findings speak through the catalogue', () => {
  it('no check or reader in src/check and src/workspace writes a message as a literal string', async () => {
    const { globSync } = await import('tinyglobby');
    const files = globSync(['src/check/**/*.ts', 'src/workspace/**/*.ts'], { cwd: REPO, ignore: ['**/generated/**'] });
    const literal = /\bmessage:\s*[`'"]/;
    const found = files.flatMap((file) =>
      readFileSync(join(REPO, file), 'utf8')
        .split('\n')
        .map((line, i) => ({ line, where: `${file}:${i + 1}` }))
        .filter(({ line }) => literal.test(line) && !/^\s*(\/\/|\/?\*)/.test(line))
        .map(({ where }) => where),
    );
    expect(found, 'write the message in messages/en.json (and fr, it) and give t(id, values)').toEqual([]);
  });

  it('every message id the code names is in the English catalogue', async () => {
    const { globSync } = await import('tinyglobby');
    const files = globSync(['src/**/*.ts'], { cwd: REPO, ignore: ['**/generated/**'] });
    const missing = new Set<string>();
    for (const file of files) {
      for (const m of readFileSync(join(REPO, file), 'utf8').matchAll(/\bt\(\s*'([^'$]+)'/g)) if (!(m[1]! in EN)) missing.add(`${m[1]} (${file})`);
    }
    expect([...missing]).toEqual([]);
  });
});
