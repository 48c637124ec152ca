// The report catalogues and the formats of each language.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messageArguments } from '../../src/i18n/format.js';
import { render } from '../../src/i18n/messages.js';
import { availableLanguages, loadCatalogue, Messages, REPORT_LANGUAGES } from '../../src/report/i18n.js';
import { TemplateError, templateSources } from '../../src/report/template-files.js';
import { jsonProblem } from '../../src/report/template-syntax.js';
import { tempDir } from '../helpers/lamd.js';
import { readReportCatalogue, REPO } from './helpers.js';

const DIR = join(REPO, 'templates/reports/i18n');


const catalogues = Object.fromEntries(REPORT_LANGUAGES.map((lang) => [lang, readReportCatalogue(lang)]));
const english = catalogues.en!;
const placeholders = (text: string) => [...messageArguments(text)].filter((name) => name !== 'precision').sort();

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('message catalogues', () => {
  it('ship exactly the languages lamd lists', () => {
    expect(readdirSync(DIR).sort()).toEqual(REPORT_LANGUAGES.map((l) => `${l}.json`).sort());
  });

  for (const lang of REPORT_LANGUAGES) {
    it(`${lang} is complete: the same keys as English`, () => {
      expect([...english.keys()].filter((k) => !catalogues[lang]!.has(k))).toEqual([]);
      expect([...catalogues[lang]!.keys()].sort()).toEqual([...english.keys()].sort());
    });
  }

  for (const lang of REPORT_LANGUAGES) {
    it(`${lang} uses only keys English defines, with the same placeholders, never empty`, () => {
      const catalogue = catalogues[lang]!;
      expect([...catalogue.keys()].filter((k) => !english.has(k))).toEqual([]);
      for (const [key, text] of catalogue) {
        expect(text.trim(), key).not.toBe('');
        expect(placeholders(text), `${lang} ${key}`).toEqual(placeholders(english.get(key)!));
      }
    });
  }

  // Texts a report shows as a heading: the `{{t.…}}` keys of heading lines, of table header rows and
  // of bold lead-ins (`**{{t.column.area}}:**`) in lamd's templates, and the labels the views put in
  // headings and matrix headers (cluster names, triggering factors, soft factors, organisational models).
  const TEMPLATES = join(REPO, 'templates/reports');
  const DELIMITER_ROW = /^\|(?:\s*:?-{3,}:?\s*\|)+$/;
  const withoutTags = (line: string) => line.replace(/\{\{[^}]*\}\}/g, '').trim();
  const headingKeys = new Set<string>();
  for (const file of readdirSync(TEMPLATES).filter((n) => n.endsWith('.mustache'))) {
    const lines = readFileSync(join(TEMPLATES, file), 'utf8').split('\n');
    lines.forEach((line, i) => {
      const next = lines.slice(i + 1).find((l) => withoutTags(l) !== '');
      const isHeading = /^#{1,6} /.test(line) || (line.startsWith('|') && next !== undefined && DELIMITER_ROW.test(withoutTags(next)));
      const text = isHeading ? line : [...line.matchAll(/\*\*((?:\{\{[^}]*\}\}|[^*])*)\*\*/g)].map((m) => m[1]).join(' ');
      for (const m of text.matchAll(/\{\{\s*t\.([a-z0-9_.-]+)\s*\}\}/g)) headingKeys.add(m[1]!);
    });
  }
  for (const group of ['cluster', 'triggering_factor', 'soft_factor', 'organisational_model']) {
    for (const key of english.keys()) if (key.startsWith(`label.${group}.`)) headingKeys.add(key);
  }

  it('finds the texts used as headings in the templates', () => {
    for (const key of ['heading.network', 'column.municipality', 'column.area', 'column.reference', 'label.cluster.access-to-services', 'label.triggering_factor.political-will']) {
      expect(headingKeys.has(key), key).toBe(true);
    }
    expect([...headingKeys].filter((k) => !english.has(k))).toEqual([]);
    expect(headingKeys.size).toBeGreaterThan(150);
  });

  for (const lang of REPORT_LANGUAGES) {
    it(`${lang} has every text used as a heading, table header or cluster name`, () => {
      expect([...headingKeys].filter((k) => !catalogues[lang]!.has(k)).sort()).toEqual([]);
    });
  }

  it('gives every value of every closed vocabulary of the schemas a label', () => {
    const common = JSON.parse(readFileSync(join(REPO, 'schemas/common.schema.json'), 'utf8')) as { $defs: Record<string, { enum?: string[] }> };
    const groups: Record<string, string> = {
      thematicCluster: 'cluster',
      mgiDimension: 'mgi',
      triggeringFactor: 'triggering_factor',
      stakeholderType: 'stakeholder_type',
      actionStatus: 'action_status',
      involvement: 'involvement',
      capitalizationStage: 'stage',
      activityType: 'activity_type',
      activityMode: 'mode',
      riskType: 'risk',
      endorsementType: 'endorsement',
    };
    for (const [def, group] of Object.entries(groups)) {
      for (const value of common.$defs[def]!.enum!) expect(english.has(`label.${group}.${value}`), `label.${group}.${value}`).toBe(true);
    }
  });
});

describe('loadCatalogue', () => {
  it('loads lamd\'s own catalogue of a language, right to left for Arabic', () => {
    const sources = templateSources(undefined);
    const ar = new Messages({ lang: 'ar', catalogue: loadCatalogue(sources, 'ar') });
    expect(ar.raw('heading.report_roadmap')).toBe('خرائط الطريق');
    expect(ar.raw('label.cluster.access-to-services')).toBe('الوصول إلى الخدمات');
    expect(ar.raw('label.mgi.partnerships')).toBe('الشراكات');
    expect(ar.dir).toBe('rtl');
    expect(availableLanguages(sources).map((l) => l.lang)).toEqual(['en', 'it', 'fr', 'sq', 'ar']);
  });
});

describe('a workspace catalogue', () => {
  it('adds a language lamd does not ship, falling back to English text by text', () => {
    const root = tempDir();
    mkdirSync(join(root, 'templates/reports/i18n'), { recursive: true });
    writeFileSync(join(root, 'templates/reports/i18n/de.json'), JSON.stringify({ heading: { report_roadmap: 'Fahrpläne' }, phrase: { not_recorded: 'nicht erfasst' } }));
    writeFileSync(join(root, 'templates/reports/i18n/not-a-language.json'), '{}');
    const sources = templateSources(root);
    expect(availableLanguages(sources)).toContainEqual({ lang: 'de', origin: 'workspace' });
    expect(availableLanguages(sources).map((l) => l.lang)).not.toContain('not-a-language');
    const de = new Messages({ lang: 'de', catalogue: loadCatalogue(sources, 'de') });
    expect([de.raw('heading.report_roadmap'), de.raw('heading.report_final'), de.notRecorded]).toEqual(['Fahrpläne', 'Final event: state of the art and comparison', 'nicht erfasst']);
    expect(de.plainDate('2022-09-01')).toBe('1. September 2022');
    // In Markdown, a line starting "1. " would open a list: the date is escaped like any text.
    expect(de.date('2022-09-01')).toBe('1\\. September 2022');
  });

  it('must be a JSON object of texts', () => {
    const root = tempDir();
    mkdirSync(join(root, 'templates/reports/i18n'), { recursive: true });
    // A JSON mistake is given at its line and column, with what to do, in the person's language.
    const problem = (json: string, lang: 'en' | 'fr' | 'it' = 'en') => {
      writeFileSync(join(root, 'templates/reports/i18n/it.json'), json);
      try {
        loadCatalogue(templateSources(root), 'it');
      } catch (error) {
        return render(lang, (error as TemplateError).text!).replace('templates/reports/i18n/it.json:', '');
      }
      throw new Error('the catalogue loaded');
    };
    expect(problem('{ not json')).toBe('1:3: JSON does not allow `n` here; it expects a key in double quotes, or the brace that closes the group.');
    expect(problem('{\n  "heading": {\n    "programme": "Programma",\n  }\n}\n')).toBe('3:29: JSON allows no comma after the last entry of a group; remove this one.');
    expect(problem('{\n  "a": "b"\n  "c": "d"\n}\n')).toBe('3:3: JSON does not allow `"` here; it expects a comma before the next entry, or the bracket or brace that closes the group.');
    expect(problem("{\n  'a': 1\n}")).toBe('2:3: JSON does not allow `\'` here; it expects a key in double quotes, or the brace that closes the group.');
    expect(problem('{"a": "b\n"}')).toBe('1:9: a text in JSON cannot hold a line break or a tab; write them as \\n and \\t, or close the text\'s double quote on its line.');
    expect(problem('{"a": "C:\\temp\\x"}')).toBe('1:15: `\\x` is not an escape JSON knows; a backslash itself is written \\\\.');
    expect(problem('{"a": "b"')).toBe('1:10: the file ends before its JSON does; a closing quote, bracket or brace is missing.');
    expect(problem('{"a": ["b" "c"]}')).toBe('1:12: JSON does not allow `"` here; it expects a comma before the next entry, or the bracket or brace that closes the group.');
    expect(problem('{"a": "b"} x')).toBe('1:12: JSON does not allow `x` here; it expects the end of the file after the last closing brace.');
    expect(problem('{"a": tru}')).toBe('1:7: JSON does not allow `t` here; it expects a value: a text in double quotes, a number, or a group in braces.');
    expect(problem('{\n  "a": "b",\n}', 'fr')).toBe('2:11\u00a0: le JSON n’admet pas de virgule après la dernière entrée d’un groupe\u202f; supprimez celle-ci.');
    expect(problem('{\n  "a": "b",\n}', 'it')).toBe('2:11: il JSON non ammette una virgola dopo l’ultima voce di un gruppo; toglietela.');
    // lamd's reading agrees with JSON.parse: every cut of a catalogue that JSON.parse refuses, it finds at fault.
    const shipped = readFileSync(join(REPO, 'templates/reports/i18n/fr.json'), 'utf8');
    expect(jsonProblem(shipped)).toBeUndefined();
    for (let cut = 1; cut < shipped.length; cut += 997) {
      const text = shipped.slice(0, cut) + shipped.slice(cut + 3);
      expect(jsonProblem(text) !== undefined, `cut at ${cut}`).toBe(!parses(text));
    }
    writeFileSync(join(root, 'templates/reports/i18n/it.json'), '["a list"]');
    expect(() => loadCatalogue(templateSources(root), 'it')).toThrow(/a message catalogue is a JSON object/);
  });

  it('is refused before any report when a message does not parse or uses a value lamd does not give', () => {
    const root = tempDir();
    mkdirSync(join(root, 'templates/reports/i18n'), { recursive: true });
    const file = join(root, 'templates/reports/i18n/fr.json');
    writeFileSync(file, JSON.stringify({ phrase: { final_progress: '{done, plural, one {# faite} other {# faites} sur {total}' } }));
    expect(() => loadCatalogue(templateSources(root), 'fr')).toThrow(/fr\.json: the message `phrase\.final_progress` is not valid ICU MessageFormat/);
    writeFileSync(file, JSON.stringify({ phrase: { final_progress: '{done} sur {total} ({missed})' } }));
    expect(() => loadCatalogue(templateSources(root), 'fr')).toThrow(/uses \{missed\}, which lamd does not give it \(it gives: \{done\}, \{total\}, \{overdue\}\)/);
    writeFileSync(file, JSON.stringify({ phrase: { final_progress: '{done, plural, one {# faite} other {# faites}} sur {total}' } }));
    const fr = new Messages({ lang: 'fr', catalogue: loadCatalogue(templateSources(root), 'fr') });
    expect(fr.text('phrase.final_progress', { done: 1, total: 2, overdue: 0 })).toBe('1 faite sur 2');
  });

  it('is made once while its files say the same (a report per municipality shares it), and again when the override changes', () => {
    const root = tempDir();
    mkdirSync(join(root, 'templates/reports/i18n'), { recursive: true });
    const file = join(root, 'templates/reports/i18n/it.json');
    writeFileSync(file, JSON.stringify({ heading: { network: 'La rete' } }));
    const first = loadCatalogue(templateSources(root), 'it');
    expect(loadCatalogue(templateSources(root), 'it')).toBe(first);
    const tree = new Messages({ lang: 'it', catalogue: first }).tree();
    expect(new Messages({ lang: 'it', catalogue: first }).tree()).toBe(tree);
    expect(Object.isFrozen((tree as { heading: object }).heading)).toBe(true);
    writeFileSync(file, JSON.stringify({ heading: { network: 'Il network' } }));
    const changed = loadCatalogue(templateSources(root), 'it');
    expect(changed).not.toBe(first);
    expect(changed.get('heading.network')).toBe('Il network');
    expect((new Messages({ lang: 'it', catalogue: changed }).tree() as { heading: { network: string } }).heading.network).toBe('Il network');
    // Without the override, lamd's own Italian again.
    expect(loadCatalogue(templateSources(undefined), 'it').get('heading.network')).toBe(readReportCatalogue('it').get('heading.network'));
  });
});

describe('Messages', () => {
  const sources = templateSources(undefined);
  const en = new Messages({ lang: 'en', catalogue: loadCatalogue(sources, 'en') });
  const it_ = new Messages({ lang: 'it', catalogue: loadCatalogue(sources, 'it') });
  const fr = new Messages({ lang: 'fr', catalogue: loadCatalogue(sources, 'fr') });

  it('formats dates, whole or partial, for the language', () => {
    expect(en.date('2022-09-01')).toBe('1 September 2022');
    expect(it_.date('2022-09-01')).toBe('1 settembre 2022');
    expect(en.date('2020-06')).toBe('June 2020');
    expect(it_.date('2020-06')).toBe('giugno 2020');
    expect(en.date('2021')).toBe('2021');
    expect(en.date(undefined)).toBeUndefined();
    expect(en.period({ start: '2023-01-01', end: '2023-12-31' })).toBe('1 January 2023 – 31 December 2023');
    expect(it_.period({ start: '2023-01' })).toBe('da gennaio 2023');
    expect(it_.period({ start: '2018' })).toBe('dal 2018');
    expect(fr.period({ start: '2025-03-01' })).toBe('depuis le 1er mars 2025');
    expect(fr.period({ start: '2018' })).toBe('depuis 2018');
    expect(fr.period({ end: '2020-03' })).toBe('jusqu’en mars 2020');
    expect(fr.dated('phrase.adopted', '2021-06-15')).toBe('adopté le 15 juin 2021');
    expect(en.dated('phrase.adopted', '2021')).toBe('adopted in 2021');
    expect(en.period({})).toBeUndefined();
  });

  it('formats numbers, percentages and money for the language', () => {
    expect(en.number(1234567.891)).toBe('1,234,567.89');
    expect(it_.number(1234567.891)).toBe('1.234.567,89');
    expect(en.percent(15.2)).toBe('15.2%');
    expect(it_.percent(15.2)).toBe('15,2%');
    expect(en.money(20000, 'EUR')).toBe('€20,000');
    // Intl's no-break space stays: the amount and its currency never wrap apart.
    expect(it_.money(20000, 'EUR')).toBe('20.000\u00a0€');
  });

  it('names countries and languages in the language', () => {
    expect(en.country('AL')).toBe('Albania');
    expect(it_.country('AL')).toBe('Albania');
    expect(it_.country('IT')).toBe('Italia');
    expect(it_.language('sq')).toBe('albanese');
    expect(en.list(['a', 'b', 'c'] as never)).toBe('a, b and c');
    expect(it_.list(['a', 'b'] as never)).toBe('a e b');
    expect(en.list([])).toBeUndefined();
  });

  it('escapes catalogue text and fills placeholders with escaped values only', () => {
    const m = new Messages({ lang: 'en', catalogue: new Map([['phrase.x', '<b>{name}</b> | {count} #'], ['phrase.y', '- {n, plural, one {# item} other {# items}}: {missing}']]) });
    expect(m.text('phrase.x', { name: '\\*already escaped\\*' as never, count: 1200 })).toBe('\\<b\\>\\*already escaped\\*\\</b\\> \\| 1,200 \\#');
    expect(m.text('phrase.y', { n: 2, missing: '\\_x' as never })).toBe('\\- 2 items: \\_x');
    // A value the message needs and lamd does not give is lamd's bug: the catalogue tests rule it out.
    expect(() => m.text('phrase.y', { n: 1 })).toThrow();
  });

  it('labels a closed vocabulary, and shows an unknown value as itself', () => {
    expect(en.label('cluster', 'access-to-services')).toBe('Access to services');
    expect(it_.label('stage', 'borrowed')).toBe('Ripresa da un pari');
    expect(en.label('cluster', 'no_such_<cluster>')).toBe('no\\_such\\_\\<cluster\\>');
    expect(en.label('cluster', undefined)).toBeUndefined();
  });

  it('says "not recorded" in the language', () => {
    expect(en.orNotRecorded(undefined)).toBe('not recorded');
    expect(it_.orNotRecorded('' as never)).toBe('non registrato');
  });
});

describe('right-to-left messages', () => {
  const sources = templateSources(undefined);
  const ar = new Messages({ lang: 'ar', catalogue: loadCatalogue(sources, 'ar') });
  const fr = new Messages({ lang: 'fr', catalogue: loadCatalogue(sources, 'fr') });

  it('isolate each value in an Arabic phrase, so an English title keeps its direction and the phrase its own', () => {
    expect(ar.text('phrase.labelled', { label: 'Milan' as never, text: 'Inclusive services.' as never })).toBe('\u2068Milan\u2069: \u2068Inclusive services.\u2069');
    expect(ar.text('phrase.goal', { id: '10' as never })).toBe('الهدف \u206810\u2069');
    // Left-to-right reports need no isolates; a value with no letter or digit gets none either.
    expect(fr.text('phrase.labelled', { label: 'Milan' as never, text: 'x' as never })).toBe('Milan\u202f: x');
    expect(ar.text('phrase.in_parentheses', { text: '–' as never })).toBe('(–)');
  });
});
