// Rule summaries in the officer's language: every rule's one-line summary is in the English, French
// and Italian catalogues (rule.<id>.summary) and translated; `lamd rules`, `lamd explain` and the
// SARIF log give it in the language of the run (--lang, else the locale), with ids unchanged.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES, ruleSummary, summaryId } from '../../src/check/rules.js';
import { catalogue, MESSAGE_LANGUAGES, render } from '../../src/i18n/messages.js';
import { brokenWorkspace } from '../ci/broken-workspace.js';
import { sarif } from '../helpers/outputs.js';
import { REPO, runLamd } from '../helpers/lamd.js';

/** Summaries that read the same as the English one in a language, with the reason. None so far. */
const SAME_AS_ENGLISH: Readonly<Record<string, string>> = {};

const FR = { LANG: 'fr_FR.UTF-8' };

interface RulesJson {
  language: string;
  rules: Array<{ id: string; severity: string; defaultSeverity: string; adjustable: boolean; summary: string; section?: string }>;
}

describe('rule summaries in the catalogues', () => {
  for (const lang of MESSAGE_LANGUAGES) {
    it(`${lang}: every rule has its summary, written out with its values, one line`, () => {
      const messages = catalogue(lang);
      const missing = RULES.filter((rule) => messages[summaryId(rule.id)] === undefined).map((rule) => rule.id);
      expect(missing, `missing from messages/${lang}.json`).toEqual([]);
      for (const rule of RULES) {
        const text = render(lang, ruleSummary(rule));
        expect(text, rule.id).not.toMatch(/[{}\n]/);
        expect(text, rule.id).toMatch(/\.$/);
      }
    });
  }

  for (const lang of MESSAGE_LANGUAGES.filter((l) => l !== 'en')) {
    it(`${lang}: no summary is left in English`, () => {
      const same = RULES.filter((rule) => render(lang, ruleSummary(rule)) === render('en', ruleSummary(rule)) && !(rule.id in SAME_AS_ENGLISH));
      expect(same.map((rule) => rule.id)).toEqual([]);
    });
  }

  it('has no summary for a rule that does not exist', () => {
    const ids = new Set(RULES.map((rule) => summaryId(rule.id)));
    const stale = Object.keys(catalogue('en')).filter((key) => /^rule\..*\.summary$/.test(key) && !ids.has(key));
    expect(stale).toEqual([]);
  });

  it('puts the rules’ own constants into the summary, in every language', () => {
    const late = RULES.find((rule) => rule.id === 'progress/late-report')!;
    expect(render('en', ruleSummary(late))).toMatch(/plus 60 days\.$/);
    expect(render('fr', ruleSummary(late))).toMatch(/plus 60 jours\.$/);
    expect(render('it', ruleSummary(late))).toMatch(/più 60 giorni\.$/);
  });
});

describe('lamd rules in the language of the run', () => {
  it('LANG=fr_FR.UTF-8: French headings, summaries and footer; ids and severities as lamd.yaml writes them', async () => {
    const result = await runLamd(['rules'], { env: FR });
    expect(result.status).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Règle\s+Gravité\s+Ce qu’elle vérifie$/);
    expect(lines).toHaveLength(RULES.length + 1);
    expect(result.stdout).toMatch(/^roadmap\/single-sdg\s+error\s+Les cibles d’ODD d’une feuille de route relèvent toutes de son unique ODD\. \(publication, section 3\.2\.4\)$/m);
    expect(result.stdout).toMatch(/^exchange\/two-municipalities\s+error\s+Un échange entre pairs réunit au moins deux communes\./m);
    expect(result.stdout).toMatch(/^file\/empty\s+error\s+Un fichier de document contient un document YAML\.$/m);
    expect(result.stderr).toMatch(/^\d+ règles\. Réglez une règle ajustable/);
    // Every rule's row carries its French summary.
    for (const rule of RULES) expect(result.stdout, rule.id).toContain(render('fr', ruleSummary(rule)));
  });

  it('--lang it wins over the locale', async () => {
    const result = await runLamd(['rules', '--lang', 'it'], { env: FR });
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n')[0]).toMatch(/^Regola\s+Gravità\s+Che cosa controlla$/);
    expect(result.stdout).toMatch(/^roadmap\/single-sdg\s+error\s+I target SDG di una road map appartengono tutti al suo unico obiettivo SDG\. \(pubblicazione, sezione 3\.2\.4\)$/m);
    expect(result.stdout).toMatch(/^exchange\/two-municipalities\s+error\s+Uno scambio tra pari riunisce almeno due comuni\./m);
    expect(result.stderr).toMatch(/^\d+ regole\. Modificate una regola regolabile/);
  });

  it('English by default, with the same table', async () => {
    const result = await runLamd(['rules']);
    expect(result.stdout.split('\n')[0]).toMatch(/^Rule\s+Severity\s+What it checks$/);
    expect(result.stdout).toMatch(/^roadmap\/single-sdg\s+error\s+A road map's SDG targets all belong to its one SDG goal\. \(publication section 3\.2\.4\)$/m);
  });

  it('--lang xx is a usage error naming the languages lamd speaks, before anything is printed', async () => {
    const result = await runLamd(['rules', '--lang', 'xx']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('lamd: --lang xx: lamd speaks en, fr, it. Choose one of them, or leave --lang out to follow LANG.\n');
    // In the locale's language when lamd speaks it.
    const french = await runLamd(['rules', '--lang', 'xx'], { env: FR });
    expect(french.status).toBe(2);
    expect(french.stderr).toContain('--lang xx\u00a0: lamd parle en, fr, it.');
  });

  it('--json: the same ids, severities and sections in every language; the summaries and the language follow --lang', async () => {
    const english = JSON.parse((await runLamd(['rules', '--json'])).stdout) as RulesJson;
    const french = JSON.parse((await runLamd(['rules', '--json', '--lang', 'fr'])).stdout) as RulesJson;
    expect(english.language).toBe('en');
    expect(french.language).toBe('fr');
    const stable = (json: RulesJson) => json.rules.map(({ summary: _, ...rest }) => rest);
    expect(stable(french)).toEqual(stable(english));
    expect(french.rules.map((r) => r.id)).toEqual(RULES.map((r) => r.id));
    expect(french.rules.find((r) => r.id === 'roadmap/single-sdg')!.summary).toBe('Les cibles d’ODD d’une feuille de route relèvent toutes de son unique ODD.');
    expect(english.rules.find((r) => r.id === 'roadmap/single-sdg')!.summary).toBe("A road map's SDG targets all belong to its one SDG goal.");
  });
});

describe('lamd explain in the language of the run', () => {
  const page = (id: string) => readFileSync(join(REPO, 'docs/rules', `${id}.md`), 'utf8').trimEnd();

  it('LANG=fr_FR.UTF-8: the summary and facts in French, a line saying the page is in English, then the page', async () => {
    const result = await runLamd(['explain', 'single-sdg'], { env: FR });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      [
        'roadmap/single-sdg\u00a0: Les cibles d’ODD d’une feuille de route relèvent toutes de son unique ODD.',
        'Gravité par défaut\u00a0: erreur · Ajustable\u00a0: oui · Source\u00a0: OIM (2022), Flexible and Locally Led, section 3.2.4',
        'La page de la règle, ci-dessous, est en anglais\u00a0: lamd ne la publie que dans cette langue.',
        '',
        `${page('roadmap/single-sdg')}\n`,
      ].join('\n'),
    );
  });

  it('--lang it, for a fixed rule with no publication section', async () => {
    const result = await runLamd(['explain', 'file/empty', '--lang', 'it'], { env: FR });
    expect(result.status).toBe(0);
    const [title, facts, note] = result.stdout.split('\n');
    expect(title).toBe('file/empty: Un file di documento contiene un documento YAML.');
    expect(facts).toBe('Gravità predefinita: errore · Regolabile: no');
    expect(note).toBe('La pagina della regola, qui sotto, è in inglese: lamd la pubblica solo in questa lingua.');
    expect(result.stdout.endsWith(`\n\n${page('file/empty')}\n`)).toBe(true);
  });

  it('English: the page alone, which opens with the same summary', async () => {
    const result = await runLamd(['explain', 'single-sdg']);
    expect(result.stdout).toBe(`${page('roadmap/single-sdg')}\n`);
    expect(result.stdout.split('\n')[2]).toBe(render('en', ruleSummary(RULES.find((r) => r.id === 'roadmap/single-sdg')!)));
  });

  it('--lang xx is a usage error naming the languages', async () => {
    const result = await runLamd(['explain', 'single-sdg', '--lang', 'xx']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('lamd speaks en, fr, it');
  });
});

describe('the SARIF log in the language of the run', () => {
  it('--lang fr: rule descriptions in French, valid SARIF 2.1.0, the same rules and ids as in English', async () => {
    const root = brokenWorkspace();
    const english = sarif((await runLamd(['validate', '--format', 'sarif'], { cwd: root })).stdout);
    const frenchRun = await runLamd(['validate', '--format', 'sarif', '--lang', 'fr'], { cwd: root });
    expect(frenchRun.status).toBe(1);
    const french = sarif(frenchRun.stdout);
    const [en, fr] = [english.runs[0], french.runs[0]];
    expect(fr.language).toBe('fr');
    const ids = (run: any) => run.tool.driver.rules.map((r: any) => `${r.id} ${r.name}`);
    expect(ids(fr)).toEqual(ids(en));
    expect(fr.results.map((r: any) => [r.ruleId, r.ruleIndex, r.properties?.messageId])).toEqual(en.results.map((r: any) => [r.ruleId, r.ruleIndex, r.properties?.messageId]));
    for (const rule of fr.tool.driver.rules) {
      const meta = RULES.find((r) => r.id === rule.id)!;
      expect(rule.shortDescription.text, rule.id).toBe(render('fr', ruleSummary(meta)));
      // The pages are in English only: in French, what the rule checks is its summary.
      expect(rule.fullDescription.text, rule.id).toBe(render('fr', ruleSummary(meta)));
    }
    for (const rule of en.tool.driver.rules) {
      expect(rule.shortDescription.text, rule.id).toBe(render('en', ruleSummary(RULES.find((r) => r.id === rule.id)!)));
      expect(rule.fullDescription.text, rule.id).not.toBe(rule.shortDescription.text);
    }
  });
});
