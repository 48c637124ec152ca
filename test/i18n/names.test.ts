// Names given in several languages: the text each report language shows (src/i18n/names.ts), and
// reports that name a municipality, the network and an organisation by the report's language.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allTexts, chooseText, languagesOf, textIn } from '../../src/i18n/names.js';
import { tempDir } from '../helpers/lamd.js';
import { loadValid, render, VALID } from '../report/helpers.js';

const TANGIER = { fr: 'Tanger', ar: 'طنجة', en: 'Tangier' };

describe('chooseText', () => {
  it('takes the report language, then the workspace languages in order, then the first given', () => {
    expect(chooseText(TANGIER, 'ar', ['en', 'fr'])).toEqual({ text: 'طنجة', lang: 'ar' });
    expect(chooseText(TANGIER, 'it', ['fr', 'en'])).toEqual({ text: 'Tanger', lang: 'fr' });
    expect(chooseText(TANGIER, 'it', ['sq', 'en'])).toEqual({ text: 'Tangier', lang: 'en' });
    expect(chooseText({ es: 'Tánger', de: 'Tanger' }, 'it', ['en'])).toEqual({ text: 'Tánger', lang: 'es' });
  });

  it('shows a plain name in every language, with no language of its own', () => {
    expect(chooseText('Sfax', 'ar', ['fr'])).toEqual({ text: 'Sfax' });
  });

  it('skips empty texts and gives nothing for an absent or empty name', () => {
    expect(chooseText({ fr: ' ', ar: 'طنجة' }, 'fr')).toEqual({ text: 'طنجة', lang: 'ar' });
    expect(chooseText(undefined, 'fr')).toBeUndefined();
    expect(chooseText({}, 'fr')).toBeUndefined();
    expect(chooseText('', 'fr')).toBeUndefined();
  });

  it('lists every text and language, for recognising a name', () => {
    expect(allTexts(TANGIER)).toEqual(['Tanger', 'طنجة', 'Tangier']);
    expect(allTexts('Sfax')).toEqual(['Sfax']);
    expect(languagesOf(TANGIER)).toEqual(['fr', 'ar', 'en']);
    expect(languagesOf('Sfax')).toEqual([]);
    expect(textIn(TANGIER, 'en')).toBe('Tangier');
  });
});

describe('reports with names per language', () => {
  it('name the municipality, the network and the coordinator in the report language, old plain names unchanged', async () => {
    const root = tempDir();
    cpSync(VALID, root, { recursive: true });
    const file = join(root, 'lamd.yaml');
    const text = readFileSync(file, 'utf8')
      .replace('    name: طنجة\n', '    name: { ar: طنجة, fr: Tanger }\n')
      .replace('  short_name: IOM\n', '  short_name: { en: IOM, fr: OIM, it: OIM, ar: المنظمة الدولية للهجرة }\n')
      .replace('  name: Local Authorities Network for Migration and Development\n', '  name: { en: Local Authorities Network for Migration and Development, fr: Réseau des autorités locales pour la migration et le développement }\n');
    writeFileSync(file, text);
    const ws = await loadValid(root);
    const fr = render(ws, 'preparatory', 'fr').markdown;
    const ar = render(ws, 'preparatory', 'ar').markdown;
    const en = render(ws, 'preparatory', 'en').markdown;
    const it_ = render(ws, 'preparatory', 'it').markdown;
    expect(fr).toMatch(/^\| Tanger \|/m);
    expect(fr).not.toContain('طنجة');
    expect(fr).toContain('Réseau des autorités locales pour la migration et le développement');
    expect(fr).toContain('International Organization for Migration (OIM)');
    expect(ar).toMatch(/^\| طنجة \|/m);
    expect(ar).toContain('(\u2068المنظمة الدولية للهجرة\u2069)');
    // English is not given: the workspace's report languages (en, fr) decide, so French.
    expect(en).toMatch(/^\| Tanger \|/m);
    expect(en).toContain('Local Authorities Network for Migration and Development');
    expect(it_).toContain('(OIM)');
    // A plain name stays as written in every language.
    for (const report of [fr, ar, en]) expect(report).toMatch(/^\| Sfax \|/m);
  });
});
