// The shipped report catalogues are complete and real: every message parses as ICU MessageFormat in
// its language, takes the values English takes, is translated (or allow-listed, with the reason), and
// follows its language's typography.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { compileMessage, localeOf, messageArguments } from '../../src/i18n/format.js';
import { REPORT_LANGUAGES, valuesGiven } from '../../src/report/i18n.js';
import { readReportCatalogue, REPO } from './helpers.js';


const catalogues = Object.fromEntries(
  REPORT_LANGUAGES.map((lang) => [lang, readReportCatalogue(lang)]),
) as Record<(typeof REPORT_LANGUAGES)[number], Map<string, string>>;
const english = catalogues.en;

/**
 * Messages that are rightly the same text as English, each with the reason. Messages with no word
 * at all once their values are taken out ("{start} – {end}", "({text})", ":") need no entry.
 */
const SAME_AS_ENGLISH: Record<string, Record<string, string>> = {
  it: {
    'column.cluster': 'Italian administrations say "cluster" (the Italian catalogue writes "cluster tematico" throughout)',
    'column.roadmap': 'Italian keeps the loanword "road map", as the rest of the Italian catalogue does',
    'sheet.column.roadmap': 'the same loanword "road map" as column.roadmap',
    'column.target': 'ISTAT and the Italian SDG reports write "target" for an SDG target',
    'phrase.no': '"no" is Italian too',
    'label.mode.online': '"online" is the Italian word for it',
    'label.activity_format.webinar': '"webinar" is the Italian word for it',
    'phrase.generated_on': 'only a date, the name lamd and a version',
  },
  fr: {
    'heading.sources': 'the same word in French',
    'column.organisation': 'the same word in French',
    'column.phase': 'the same word in French',
    'column.type': 'the same word in French',
    'column.date': 'the same word in French',
    'column.note': 'the same word in French',
    'column.total': 'the same word in French',
    'column.conditions': 'the same word in French',
    'column.actions': 'the same word in French',
    'phrase.actions': 'the same word in French',
    'column.adoption': 'the same word in French',
    'column.action': 'the same word in French',
    'sheet.column.title': 'the same word in French ("Action")',
    'column.population': 'the same word in French',
    'column.description': 'the same word in French',
    'sheet.about.description': 'the same word in French',
    'sheet.column.note': 'the same word in French',
    'label.mobility.immigration': 'the same word in French',
    'label.mobility.transit': 'the same word in French',
    'label.framework_level.local': 'the same word in French',
    'label.framework_level.national': 'the same word in French',
    'label.framework_level.international': 'the same word in French',
    'label.organisational_model.transversal': 'the same word in French',
    'label.stakeholder_type.expert': 'the same word in French',
    'label.instrument_type.budget': 'the same word in French',
    'sheet.about.programme': 'the same word in French',
    'column.sources': 'the same word in French',
    'column.format': 'the same word in French',
    'column.trained': 'the same word in French ("Participants")',
    'label.lesson_theme.coordination': 'the same word in French',
    'label.lesson_theme.engagement': 'the same word in French',
    'label.product_type.guide': 'the same word in French',
    'phrase.generated_on': 'only a date, the name lamd and a version',
  },
  ar: { 'phrase.generated_on': 'only a date, the name lamd and a version' },
  sq: {
    'phrase.generated_on': 'only a date, the name lamd and a version',
    'label.activity_format.webinar': 'Albanian writes "webinar" as English does',
  },
};

// What is left of a message without its values and everything that is not a letter.
const words = (text: string) => text.replace(/\{[^{}]*\}/g, ' ').replace(/[^\p{L}]+/gu, '');

describe('report catalogues', () => {
  it('are read from the files lamd ships, with hundreds of messages', () => {
    expect(english.size).toBeGreaterThan(400);
  });

  for (const lang of REPORT_LANGUAGES) {
    describe(lang, () => {
      const catalogue = catalogues[lang];

      it('names no group or key twice (JSON.parse would keep the last one silently)', () => {
        const text = readFileSync(join(REPO, 'templates/reports/i18n', `${lang}.json`), 'utf8');
        expect(parseDocument(text, { uniqueKeys: true }).errors.map((e) => e.message)).toEqual([]);
      });

      it('has every message English has, and no other', () => {
        expect([...english.keys()].filter((k) => !catalogue.has(k))).toEqual([]);
        expect([...catalogue.keys()].filter((k) => !english.has(k))).toEqual([]);
      });

      it('has only messages that parse as ICU MessageFormat and take the values English takes', () => {
        const problems: string[] = [];
        for (const [key, text] of catalogue) {
          try {
            compileMessage(text, localeOf(lang));
            // Every value lamd gives must be printed; `precision` only chooses a wording, where a language needs it.
            const given = valuesGiven(key, english.get(key) ?? '');
            const used = messageArguments(text);
            const missing = [...given].filter((name) => !used.has(name) && name !== 'precision');
            const unknown = [...used].filter((name) => !given.has(name));
            if (missing.length > 0 || unknown.length > 0) problems.push(`${key}: leaves out {${missing.join(', ')}}, uses unknown {${unknown.join(', ')}}`);
          } catch (error) {
            problems.push(`${key}: ${(error as Error).message}`);
          }
        }
        expect(problems).toEqual([]);
      });

      it('writes no ASCII apostrophe where ICU would read it as a quote (before { } # | or another apostrophe)', () => {
        // "dell'{name}" would print "dell{name}" literally: the catalogues write ’ instead.
        expect([...catalogue].filter(([, text]) => /'[{}#|']/.test(text)).map(([key]) => key)).toEqual([]);
      });

      if (lang !== 'en') {
        it('translates every message, apart from the allow-listed ones', () => {
          const allowed = SAME_AS_ENGLISH[lang] ?? {};
          const same = [...catalogue].filter(([key, text]) => text === english.get(key) && words(text) !== '' && !(key in allowed)).map(([key]) => key);
          expect(same).toEqual([]);
        });

        it('allow-lists only messages that are still the same as English', () => {
          const stale = Object.keys(SAME_AS_ENGLISH[lang] ?? {}).filter((key) => catalogue.get(key) !== english.get(key));
          expect(stale).toEqual([]);
        });
      }
    });
  }

  it('French puts a narrow no-break space before : ; ! ? and inside « », never an ordinary space or none', () => {
    const problems: string[] = [];
    for (const [key, text] of catalogues.fr) {
      // A YAML key quoted to the reader ("example: true") keeps its own colon.
      const prose = text.replace(/example: true/g, '');
      if (/[^\u202f][:;!?](?=\s|$)/.test(prose) || /«[^\u202f]|[^\u202f]»/.test(prose)) problems.push(`${key}: ${text}`);
    }
    expect(problems).toEqual([]);
    expect(catalogues.fr.get('punctuation.colon')).toBe('\u202f:');
    expect(catalogues.fr.get('column.country')).toBe('Pays');
  });

  it('Arabic uses its own semicolon and no tatweel (ـ) stretching its words', () => {
    expect(catalogues.ar.get('punctuation.semicolon')).toBe('؛');
    expect([...catalogues.ar].filter(([, text]) => text.includes('\u0640')).map(([key]) => key)).toEqual([]);
  });
});
