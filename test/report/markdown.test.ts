// The escaping every report string goes through: user text must render as itself, on one line.
import { Marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { markdownToHtml } from '../../src/report/html.js';
import { escapeHtml, linkDestination, md, mdLink, mdParagraphs, mermaidText, opt } from '../../src/report/markdown.js';
import { tableRows } from './helpers.js';
import { unescapeMarkup } from '../helpers/outputs.js';

/** What lamd's HTML step makes of `text` as a paragraph: the text a reader sees, tags removed. */
function rendered(text: string): string {
  const page = markdownToHtml(text, { lang: 'en', dir: 'ltr', locale: 'en-GB', contents: 'Contents', timelines: [], svgLabels: () => ({}) as never });
  const html = page.slice(page.indexOf('<main id="report">') + '<main id="report">'.length, page.indexOf('</main>'));
  return unescapeMarkup(html.replace(/<[^>]+>/g, '')).trim();
}

describe('md', () => {
  const literal = [
    '<img src=x onerror=alert(1)>',
    '<script>alert(1)</script>',
    '| pipes | in | text |',
    'a `code` span and ``double``',
    '# heading',
    'C# and F#',
    '*star* **strong** _under_ __strong__',
    '~~strike~~',
    '[link](javascript:alert(1))',
    '![image](https://example.org/x.png)',
    'back\\slash at the end\\',
    '&lt;script&gt; &amp; &#60;',
    '> quote',
    '- bullet',
    '+ plus',
    '1. ordered',
    '2) ordered',
    '---',
    '===',
    'text <https://example.org> autolink',
    '[^1] footnote',
  ];
  for (const text of literal) {
    it(`renders ${JSON.stringify(text)} literally`, () => {
      const out = md(text);
      expect(out).not.toMatch(/\n/);
      expect(rendered(out)).toBe(text);
    });
  }

  it('puts everything on one line, whitespace collapsed', () => {
    expect(md('one\ntwo\r\nthree\u2028four\tfive  six')).toBe('one two three four five six');
    expect(md('  padded  ')).toBe('padded');
    expect(md('a\u0000b')).toBe('a b');
  });

  it('leaves ordinary text and numbers readable', () => {
    expect(md('Municipality of Milan, 2021 (draft) - 15.2% e.g. -5 +39')).toBe('Municipality of Milan, 2021 (draft) - 15.2% e.g. -5 +39');
    expect(md('10.7')).toBe('10.7');
    expect(md('1.5%')).toBe('1.5%');
    expect(md(42)).toBe('42');
  });

  it('keeps table cells intact', () => {
    const row = `| ${md('a | b')} | ${md('c\\|d')} | ${md('`|`')} |`;
    const table = ['| x | y | z |', '|---|---|---|', row].join('\n');
    expect(tableRows(table).map((r) => r.length)).toEqual([3, 3, 3]);
  });

  it('leaves web addresses in text unescaped, so they stay links', () => {
    expect(md('see https://example.org/a_b#c_d?x=1&y=2 now')).toBe('see https://example.org/a_b#c_d?x=1&y=2 now');
    const html = new Marked({ gfm: true }).parse(md('see https://example.org/a_b#c_d now'), { async: false }) as string;
    expect(html).toContain('href="https://example.org/a_b#c_d"');
  });

  it('stops a web address before anything that could open markup', () => {
    const out = md('https://example.org/"><script>alert(1)</script>');
    expect(out).toBe('https://example.org/"\\>\\<script\\>alert(1)\\</script\\>');
    expect(out).not.toMatch(/(?<!\\)</);
  });
});

describe('mdParagraphs', () => {
  it('splits at blank lines and escapes each paragraph', () => {
    expect(mdParagraphs('First *one*\nstill first\n\n\nSecond | two\n')).toEqual(['First \\*one\\* still first', 'Second \\| two']);
    expect(mdParagraphs(undefined)).toEqual([]);
    expect(mdParagraphs('  \n\n ')).toEqual([]);
  });
});

describe('opt', () => {
  it('is undefined for absent or blank text', () => {
    expect(opt(undefined)).toBeUndefined();
    expect(opt('  ')).toBeUndefined();
    expect(opt('<b>')).toBe('\\<b\\>');
  });
});

describe('links lamd writes', () => {
  it('accepts only http(s) addresses and encodes what could end the destination', () => {
    expect(linkDestination('javascript:alert(1)')).toBeUndefined();
    expect(linkDestination('data:text/html,<script>')).toBeUndefined();
    expect(linkDestination('https://example.org/a b')).toBeUndefined();
    expect(linkDestination('https://example.org/x)"<y>')).toBe('https://example.org/x%29%22%3Cy%3E');
    expect(mdLink(md('Title'), 'https://example.org/(x)')).toBe('[Title](https://example.org/%28x%29)');
    expect(mdLink(md('Title'), 'ftp://example.org')).toBe('Title');
  });
});

describe('mermaidText', () => {
  it('drops what Mermaid or a fence would read as syntax', () => {
    expect(mermaidText('Task: one; two #35; %% comment ``` fence <b>')).toBe('Task one two 35 comment fence b');
    expect(mermaidText('a\nb')).toBe('a b');
    expect([...mermaidText('x'.repeat(100), 10)]).toHaveLength(10);
  });
});

describe('escapeHtml', () => {
  it('escapes the five HTML specials', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});
