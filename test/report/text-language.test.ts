// The language of the documents' free text, and the HTML report marking user text in another language
// than the report's with `<bdi lang dir>`.
import { describe, expect, it } from 'vitest';
import { markdownToHtml } from '../../src/report/html.js';
import { languageDirection, textLanguages } from '../../src/report/text-language.js';

const html = (markdown: string, texts: Record<string, string>, dir: 'ltr' | 'rtl' = 'rtl') =>
  markdownToHtml(markdown, { lang: dir === 'rtl' ? 'ar' : 'fr', dir, locale: 'ar', contents: 'Contents', timelines: [], svgLabels: () => { throw new Error('no timeline'); }, textLanguages: new Map(Object.entries(texts)) });

describe('textLanguages', () => {
  it('takes each document its own language, else the workspace default, and skips name maps and single tokens', () => {
    const map = textLanguages(
      [
        { kind: 'workspace', language: 'en', programme: { name: { fr: 'Réseau des villes', en: 'Network of towns' }, description: 'A network of towns' } },
        { kind: 'practice', id: 'pal-desk', language: 'fr', title: 'Guichet unique', summary: 'Un guichet pour tous' },
        { kind: 'profile', municipality: 'milan', notes: ['Desk opened in   2019'] },
      ],
      'en',
    );
    expect(Object.fromEntries(map)).toEqual({ 'A network of towns': 'en', 'Guichet unique': 'fr', 'Un guichet pour tous': 'fr', 'Desk opened in 2019': 'en' });
  });

  it('marks nothing without a language, and leaves out a text two documents write in different languages', () => {
    expect(textLanguages([{ title: 'Some title here' }], undefined).size).toBe(0);
    expect(textLanguages([{ language: 'en', title: 'Forum migrants' }, { language: 'fr', title: 'Forum migrants' }], undefined).size).toBe(0);
  });

  it('gives the direction from the primary language subtag', () => {
    expect(['ar', 'he', 'fa-IR', 'ur', 'en', 'fr'].map(languageDirection)).toEqual(['rtl', 'rtl', 'rtl', 'rtl', 'ltr', 'ltr']);
  });
});

describe('the HTML report', () => {
  it('wraps user text in another language in <bdi lang dir>, wherever it stands as whole words', () => {
    const page = html('# التقرير\n\n| العنوان |\n| --- |\n| Migrant desk & forum |\n\n- الملاحظة: Migrant desk & forum\n- Migrant desk & forums\n', { 'Migrant desk & forum': 'en' });
    expect(page.match(/<bdi lang="en" dir="ltr">Migrant desk &amp; forum<\/bdi>/g)).toHaveLength(2);
    expect(page).toContain('Migrant desk &amp; forums');
    expect(page).not.toContain('forum</bdi>s');
  });

  it('never touches an attribute, and marks right-to-left text rtl in a left-to-right report', () => {
    const page = html('# Rapport\n\n[مكتب المهاجرين](https://example.org/#مكتب-المهاجرين)\n', { 'مكتب المهاجرين': 'ar' }, 'ltr');
    expect(page).toContain('<a href="https://example.org/#مكتب-المهاجرين"><bdi lang="ar" dir="rtl">مكتب المهاجرين</bdi></a>');
  });

  it('adds nothing when every text is in the report language', () => {
    expect(html('# Rapport\n\nUn texte\n', {}, 'ltr')).not.toContain(' lang="en"');
  });
});
