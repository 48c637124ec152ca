// Markdown → HTML: one self-contained page whose only markup is lamd's, with a working table of contents.
import { beforeAll, describe, expect, it } from 'vitest';
import { headingSlug, markdownToHtml, safeHref } from '../../src/report/html.js';
import { reportToHtml } from '../../src/report/index.js';
import { buildTimeline, tickLabelWidth, timelineSvg, wrapWords } from '../../src/report/timeline.js';
import { INJECTION, loadValid, render, VALID, type LoadedWorkspace } from './helpers.js';

function page(markdown: string, dir: 'ltr' | 'rtl' = 'ltr'): string {
  return markdownToHtml(markdown, { lang: dir === 'rtl' ? 'ar' : 'en', dir, locale: 'en-GB', contents: 'Contents', timelines: [], svgLabels: () => ({}) as never });
}

const ATTRIBUTE = /\s+([^\s=>/"']+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?/g;

/** The names of every attribute of every tag, values (quoted or not) skipped whole. */
function attributeNames(html: string): string[] {
  const names: string[] = [];
  for (const [, attrs] of html.matchAll(new RegExp(`<[a-zA-Z][a-zA-Z0-9]*((?:${ATTRIBUTE.source})*)\\s*/?>`, 'g'))) {
    for (const [, name] of attrs!.matchAll(ATTRIBUTE)) names.push(name!.toLowerCase());
  }
  return names;
}

it('attributeNames finds handlers however they are written', () => {
  expect(attributeNames(`<img src=x onerror=alert(1)><a href="#" title='t' ONCLICK="x">y</a><svg onload>`)).toEqual(['src', 'onerror', 'href', 'title', 'onclick', 'onload']);
  expect(attributeNames('<p title="a onclick=x">&lt;b onclick=x&gt;</p>')).toEqual(['title']);
});

function body(html: string): string {
  return html.slice(html.indexOf('<main id="report">'), html.indexOf('</main>'));
}

describe('markdownToHtml', () => {
  it('writes a complete page with language, direction, inline style and a strict content policy', () => {
    const html = page('# Title\n\n## One\n\ntext');
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en" dir="ltr">/);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<title>Title</title>');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">`);
    expect(html).toMatch(/<style>[\s\S]*@media print[\s\S]*<\/style>/);
    expect(html).not.toMatch(/<link\b|<script\b|@import|url\(/);
    expect(page('# عنوان', 'rtl')).toContain('<html lang="ar" dir="rtl">');
  });

  it('renders raw HTML as text, line breaks included (lamd writes none)', () => {
    const html = body(page('<div onclick="x()">block</div>\n\ninline <b>bold</b> <img src=x onerror=alert(1)> a<br>b c<br/>d <br onclick=x>'));
    expect(html).toContain('&lt;div onclick=&quot;x()&quot;&gt;block&lt;/div&gt;');
    expect(html).toContain('inline &lt;b&gt;bold&lt;/b&gt; &lt;img src=x onerror=alert(1)&gt; a&lt;br&gt;b c&lt;br/&gt;d &lt;br onclick=x&gt;');
  });

  it('keeps links to http(s), mailto and anchors only', () => {
    const html = body(page('[a](https://example.org) [b](mailto:x@example.org) [c](#one) [d](javascript:alert(1)) [e](data:text/html,x) [f](vbscript:x) [g](//evil.example) [h](JAVASCRIPT:alert(1)) <https://example.org/auto>'));
    expect(html).toContain('<a href="https://example.org">a</a>');
    expect(html).toContain('<a href="mailto:x@example.org">b</a>');
    expect(html).toContain('<a href="#one" class="bare">c</a>');
    expect(html).toContain(' d e f g h ');
    expect(html).toContain('<a href="https://example.org/auto" class="bare">https://example.org/auto</a>');
    expect(safeHref(' javascript:alert(1)')).toBeUndefined();
    expect(safeHref('https://example.org/\u0000')).toBeUndefined();
  });

  it('never loads an image: an http(s) image becomes a link, any other its text', () => {
    const html = body(page('![pixel](https://example.org/p.png) ![local](file:///etc/passwd) ![data](data:image/png;base64,AAAA)'));
    expect(html).not.toContain('<img');
    expect(html).toContain('<a href="https://example.org/p.png">pixel</a> local data');
  });

  it('ends a bare web address before an escaped character', () => {
    const html = body(page('see https://example.org/a_b\\> and www.example.org\\| and https://example.org/x.\\*'));
    expect(html).toContain('<a href="https://example.org/a_b" class="bare">https://example.org/a_b</a>&gt;');
    expect(html).toContain('<a href="http://www.example.org">www.example.org</a>|');
    expect(html).toContain('<a href="https://example.org/x" class="bare">https://example.org/x</a>.*');
  });

  it('gives every heading a unique ASCII id and lists levels 2 and 3 in the table of contents', () => {
    const html = page('# Report\n\nLead.\n\n## Milan: road map\n\n### SDG\n\n## Milan: road map\n\n### SDG\n\n#### Detail\n\n## طنجة\n\n## Contents\n\n## 10.7 <b>x</b>');
    expect(html).toContain('<h2 id="milan-road-map">');
    expect(html).toContain('<h2 id="milan-road-map-2">');
    expect(html).toContain('<h3 id="sdg-2">');
    expect(html).toContain('<h2 id="section">طنجة</h2>');
    expect(html).toContain('<h2 id="contents-2">Contents</h2>');
    expect(html).toContain('<h2 id="section-10-7-b-x-b">10.7 &lt;b&gt;x&lt;/b&gt;</h2>');
    const nav = html.slice(html.indexOf('<nav'), html.indexOf('</nav>'));
    const links = [...nav.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    expect(links).toEqual(['milan-road-map', 'sdg', 'milan-road-map-2', 'sdg-2', 'section', 'contents-2', 'section-10-7-b-x-b']);
    for (const id of links) expect(html).toContain(`id="${id}"`);
    // The table of contents comes after the title and lead, before the first section.
    expect(html.indexOf('Lead.')).toBeLessThan(html.indexOf('<nav'));
    expect(html.indexOf('<nav')).toBeLessThan(html.indexOf('<h2 id="milan-road-map">'));
  });

  it('slugs headings to ASCII', () => {
    expect(headingSlug('Città &amp; comuni: “Box 3”')).toBe('citta-comuni-box-3');
    expect(headingSlug('')).toBe('section');
  });

  it('draws a timeline Mermaid block lamd wrote as SVG, and leaves any other code block as code', () => {
    const { timeline } = buildTimeline('t1', 'Plan <x>', [{ title: '</text><script>alert(1)</script>', group: 'G & H', start: '2023-01-01', end: '2023-06-30', status: 'in-progress' }], '2023-03-01');
    const markdown = '# R\n\n```mermaid\n%% lamd-timeline t1\ngantt\n```\n\n```mermaid\n%% lamd-timeline t9\ngantt\n```\n\n```js\nalert(1)\n```';
    const html = markdownToHtml(markdown, {
      lang: 'en',
      dir: 'ltr',
      locale: 'en-GB',
      contents: 'Contents',
      timelines: [timeline],
      svgLabels: () => ({ title: 'Timeline <of> plan', today: 'today', status: { planned: 'P', 'in-progress': 'I', done: 'D', postponed: 'Po', cancelled: 'C', 'not-recorded': 'N' }, overdue: 'late', span: () => 'span', section: (g) => g }),
    });
    expect(html.match(/<svg /g)).toHaveLength(1);
    expect(html).toContain('<figcaption>Timeline &lt;of&gt; plan</figcaption>');
    expect(html).toContain('&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/<script/);
    expect(html).toContain('<code class="language-mermaid">%% lamd-timeline t9');
    expect(html).toContain('<code class="language-js">alert(1)');
  });
});

describe('timelineSvg', () => {
  it('draws one bar per action with years along the top and the day marked', () => {
    const { timeline } = buildTimeline(
      't1',
      'T',
      [
        { title: 'A', group: '', start: '2022-01-01', end: '2022-12-31', status: 'done' },
        { title: 'B', group: '', start: '2023-01', end: '2024-06', status: 'planned' },
      ],
      '2023-06-01',
    );
    const svg = timelineSvg(timeline, 'en-GB', { title: 'T', today: 'today', status: { planned: 'Planned', 'in-progress': 'In progress', done: 'Done', postponed: 'Postponed', cancelled: 'Cancelled', 'not-recorded': 'Not recorded' }, overdue: 'overdue', span: () => 's', section: (g) => g });
    expect(svg.match(/<g data-action="\d+"><title>[^<]*<\/title><text class="label"[^>]*>(?:<tspan[^>]*>[^<]*<\/tspan>)+<\/text><rect class="bar"/g)).toHaveLength(2);
    expect(svg).toContain('>2023</text>');
    expect(svg).toContain('class="today"');
    expect(svg).not.toMatch(/NaN|undefined|Infinity/);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" class="timeline" role="img"/);
    // The legend names every status drawn, and today.
    expect([...svg.matchAll(/<text class="legend"[^>]*>([^<]*)</g)].map((m) => m[1])).toEqual(['Planned', 'Done', 'today']);
  });

  it('gives every mark used a legend entry, overdue and one-date actions too, and never draws planned like cancelled', () => {
    const { timeline } = buildTimeline(
      't1',
      'T',
      [
        { title: 'Late', group: '', start: '2022-01-01', end: '2022-03-31', status: 'in-progress' },
        { title: 'Dropped', group: '', start: '2022-02-01', end: '2022-04-30', status: 'cancelled' },
        { title: 'Later', group: '', start: '2022-05-01', end: '2022-06-30', status: 'planned' },
        { title: 'Launch', group: '', start: '2022-06-15', status: 'planned' },
      ],
      '2022-05-10',
    );
    const svg = timelineSvg(timeline, 'fr', { title: 'T', today: "aujourd'hui", status: { planned: 'Prévue', 'in-progress': 'En cours', done: 'Terminée', postponed: 'Reportée', cancelled: 'Annulée', 'not-recorded': 'Non renseignée' }, overdue: 'En retard', milestone: 'Une seule date', span: () => 's', section: (g) => g });
    expect([...svg.matchAll(/<text class="legend"[^>]*>([^<]*)</g)].map((m) => m[1])).toEqual(['Prévue', 'En cours', 'Annulée', 'En retard', 'Une seule date', 'aujourd&#39;hui']);
    const shape = (n: number) => /<g data-action="(\d+)">.*?<(?:rect|path) class="bar"([^>]*)\/>/.exec(svg.split('<g data-action=').slice(1).map((g) => `<g data-action=${g}`)[n - 1]!)![2]!.replace(/ (x|y|width|height|d)="[^"]*"/g, '');
    expect(shape(2)).not.toBe(shape(3));
    expect(shape(1)).toContain('stroke="#c62828"'); // overdue
    // Month ticks carry their year, in the report's language.
    expect(svg).toMatch(/<text class="tick"[^>]*>janv\. 2022<\/text>/);
  });

  it('wraps a label between words, never inside one', () => {
    expect(wrapWords('Training for 32 front-office operators of libraries and museums', 20)).toEqual(['Training for 32', 'front-office', 'operators of', 'libraries and', 'museums']);
    expect(wrapWords('Supercalifragilisticexpialidocious word', 10)).toEqual(['Supercalifragilisticexpialidocious', 'word']);
  });
});

describe('timelineSvg tick labels', () => {
  const labels = { title: 'T', today: 'today', status: { planned: 'P', 'in-progress': 'I', done: 'D', postponed: 'Po', cancelled: 'C', 'not-recorded': 'N' }, overdue: 'late', span: () => 's', section: (g: string) => g };
  /** The tick labels of a drawing: where each starts, and its text. */
  const ticks = (svg: string) => [...svg.matchAll(/<text class="tick" x="([\d.]+)"[^>]*>([^<]*)<\/text>/g)].map((m) => ({ x: Number(m[1]), text: m[2]! }));

  for (const [locale, span] of [['ar', ['2023-01-01', '2024-11-30']], ['ar', ['2023-01-01', '2023-12-31']], ['en-GB', ['2023-01-01', '2024-11-30']], ['fr', ['2022-03-01', '2023-10-31']]] as const) {
    it(`never lets two month labels run into each other (${locale}, ${span.join(' to ')}), and keeps every grid line`, () => {
      const { timeline } = buildTimeline('t1', 'T', [{ title: 'A', group: '', start: span[0], end: span[1], status: 'planned' }], '2023-06-01');
      const svg = timelineSvg(timeline, locale, labels);
      const drawn = ticks(svg);
      const months = (Number(span[1].slice(0, 4)) - Number(span[0].slice(0, 4))) * 12 + Number(span[1].slice(5, 7)) - Number(span[0].slice(5, 7)) + 1;
      // A grid line on the first of every month, and one on the day after the last.
      expect(svg.match(/class="grid"/g)).toHaveLength(months + 1);
      expect(drawn.length).toBeGreaterThan(1);
      // Half an em per character is a low estimate of a label's width in any script: even so, no
      // label may start before the previous one has ended.
      drawn.slice(1).forEach((label, i) => expect(label.x - drawn[i]!.x, `${drawn[i]!.text} / ${label.text}`).toBeGreaterThan([...drawn[i]!.text].length * 11 * 0.5));
      // The same step all along the axis.
      const steps = new Set(drawn.slice(1).map((label, i) => Math.round((label.x - drawn[i]!.x) / 20)));
      expect(steps.size).toBeLessThanOrEqual(2);
      for (const label of drawn) expect(label.x + tickLabelWidth(label.text)).toBeLessThanOrEqual(960);
    });
  }
});

describe('right-to-left reports', () => {
  const markdown = '# تقرير\n\nPrinted and distributed.\n\n| النشاط | العدد |\n|---|---:|\n| Desk register. | 12 |\n\n- Leaflets in Arabic, French and English.\n- **Outcomes (draft):**\n  - Printed (2023).\n\n1. first\n\n2. second\n\n## Milan: governance (PAL)\n';

  it('isolate the text of every paragraph, table cell, list item and heading, so Latin text keeps its punctuation', () => {
    const html = body(page(markdown, 'rtl'));
    expect(html).toContain('<p><bdi>Printed and distributed.</bdi></p>');
    expect(html).toContain('<th><bdi>النشاط</bdi></th>');
    expect(html).toContain('<td><bdi>Desk register.</bdi></td>');
    expect(html).toContain('<td align="right"><bdi>12</bdi></td>');
    expect(html).toContain('<li><bdi>Leaflets in Arabic, French and English.</bdi></li>');
    expect(html).toContain('<li><bdi><strong>Outcomes (draft):</strong></bdi><ul>\n<li><bdi>Printed (2023).</bdi></li>\n</ul>\n</li>');
    expect(html).toContain('<li><p><bdi>first</bdi></p>\n</li>');
    expect(html).toContain('<h2 id="milan-governance-pal"><bdi>Milan: governance (PAL)</bdi></h2>');
    expect(html).toContain('<a href="#milan-governance-pal"><bdi>Milan: governance (PAL)</bdi></a>');
    expect(html).not.toMatch(/<bdi>\s*<\/bdi>/);
  });

  it('leave left-to-right reports as they were', () => {
    const html = body(page(markdown, 'ltr'));
    expect(html).not.toContain('<bdi>');
    expect(html).toContain('<p>Printed and distributed.</p>');
    expect(html).toContain('<td>Desk register.</td>');
    expect(html).toContain('<li>Leaflets in Arabic, French and English.</li>');
  });

  it('keep user text inert', () => {
    const html = body(page('# ت\n\n<img src=x onerror=alert(1)> \\<b\\>\n\n| a |\n|---|\n| <script>x</script> |\n\n- <svg onload=x>\n', 'rtl'));
    expect(html).toContain('<p><bdi>&lt;img src=x onerror=alert(1)&gt; &lt;b&gt;</bdi></p>');
    expect(html).toContain('<td><bdi>&lt;script&gt;x&lt;/script&gt;</bdi></td>');
    expect(html).toContain('<li><bdi>&lt;svg onload=x&gt;</bdi></li>');
    expect(attributeNames(html).filter((n) => n.startsWith('on'))).toEqual([]);
  });
});

describe('reports as HTML', () => {
  let valid: LoadedWorkspace;
  let injection: LoadedWorkspace;
  beforeAll(async () => {
    valid = await loadValid(VALID);
    injection = await loadValid(INJECTION);
  });

  it('draws the road map timeline as SVG', () => {
    const html = reportToHtml(render(valid, 'roadmap', 'en'));
    expect(html).toContain('<figure class="timeline"><svg');
    expect(html).toContain('<figcaption>Timeline of Sfax – Inclusive municipal services</figcaption>');
    expect(html).not.toContain('language-mermaid');
  });

  it('is right-to-left in Arabic', () => {
    const html = reportToHtml(render(valid, 'roadmap', 'ar'));
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('<h1 id="section"><bdi>خرائط الطريق</bdi></h1>');
  });

  it('keeps the injection workspace inert: no element or attribute comes from its text', () => {
    for (const phase of ['preparatory', 'profile', 'capitalization', 'roadmap', 'final'] as const) {
      for (const lang of ['en', 'ar']) {
      const html = reportToHtml(render(injection, phase, lang));
      const tags = new Set([...html.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)[\s>/]/g)].map((m) => m[1]!.toLowerCase()));
      const allowed = ['html', 'head', 'meta', 'title', 'style', 'body', 'main', 'header', 'nav', 'h1', 'h2', 'h3', 'h4', 'p', 'ul', 'ol', 'li', 'a', 'strong', 'em', 'code', 'pre', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'hr', 'figure', 'figcaption', 'svg', 'title', 'g', 'text', 'tspan', 'rect', 'path', 'line', ...(lang === 'ar' ? ['bdi'] : [])];
      expect([...tags].filter((t) => !allowed.includes(t)), phase).toEqual([]);
      expect(attributeNames(html).filter((name) => name.startsWith('on')), phase).toEqual([]);
      for (const [, href] of html.matchAll(/href="([^"]*)"/g)) expect(href, phase).toMatch(/^(https?:\/\/|mailto:|#)/);
      }
    }
  });
});
