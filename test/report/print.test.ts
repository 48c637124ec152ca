// The paged-media rules of HTML reports: paper size, the texts of the page margins, and CSS strings
// that user text (a network's name) cannot break out of.
import { describe, expect, it } from 'vitest';
import { logosCssContent } from '../../src/report/branding.js';
import { reportToHtml } from '../../src/report/index.js';
import { cssString, pageCounterContent, pageCss } from '../../src/report/print.js';
import { LAS_PILOT, loadValid, render } from './helpers.js';

describe('print rules', () => {
  it('quotes margin texts so that no name can end the string or the style sheet', () => {
    expect(cssString('Say "hi" \\ </style><script>')).toBe('"Say \\"hi\\" \\\\ \\3C /style>\\3C script>"');
    expect(cssString('two\nlines')).toBe('"two lines"');
  });

  it('writes "page N of M" with page counters, in the words of the catalogue', () => {
    expect(pageCounterContent('Page {page} of {pages}')).toBe('"Page " counter(page) " of " counter(pages)');
    expect(pageCounterContent('{page}/{pages}')).toBe('counter(page) "/" counter(pages)');
  });

  it('puts the title at the start and the page number at the end of the line, mirrored right to left', () => {
    const print = { paper: 'letter' as const, title: 'T', network: 'N', generated: 'G', pageOf: '{page}' };
    expect(pageCss(print, 'ltr')).toMatch(/size: letter;[\s\S]*@top-left \{ content: "T";[\s\S]*@bottom-right \{ content: counter\(page\);/);
    expect(pageCss(print, 'rtl')).toMatch(/@top-right \{ content: "T";[\s\S]*@bottom-left \{ content: counter\(page\);/);
  });

  it('puts the logos and, under them, the funding statement at the foot of every page, sized to the margin', () => {
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100"><rect width="300" height="100"/></svg>');
    const logos = logosCssContent({ logos: [{ alt: 'IOM', type: 'image/png', bytes: png }, { alt: 'Donor', type: 'image/svg+xml', bytes: svg }] });
    // A 1-pixel PNG drawn 28 px high: shown at 1/28 of a pixel per pixel; the SVG given 84 × 28 and its own viewBox.
    expect(logos).toMatch(/^image-set\("data:image\/png;base64,[^"]+" 0\.036x\) "\u2003" url\("data:image\/svg\+xml;base64,([^"]+)"\)$/);
    const sized = Buffer.from(/base64,([^"]+)"\)$/.exec(logos!)![1]!, 'base64').toString('utf8');
    expect(sized).toMatch(/^<svg width="84\.00" height="28\.00" viewBox="0 0 300 100" xmlns="http:\/\/www\.w3\.org\/2000\/svg">/);
    const css = pageCss({ paper: 'a4', title: 'T', network: 'N', generated: 'G', pageOf: '{page}', footLogos: logos!, funding: 'Funded by "the donor".' }, 'ltr');
    expect(css).toContain(`@bottom-center { content: ${logos} "\\A " "Funded by \\"the donor\\"."; white-space: pre-wrap;`);
    expect(css).toContain('@media print { .report-foot .logos-foot { display: none; } }');
    expect(logosCssContent({ logos: [] })).toBeUndefined();
    expect(pageCss({ paper: 'a4', title: 'T', network: 'N', generated: 'G', pageOf: '{page}', funding: 'F' }, 'ltr')).toContain('@bottom-center { content: "F";');
  });

  it('makes every HTML report print on A4 unless --paper says otherwise, with a cover and its date', async () => {
    const report = render(await loadValid(LAS_PILOT), 'roadmap', 'it');
    const html = reportToHtml(report);
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('@top-left { content: "Road map";');
    expect(html).toContain('content: "Pagina " counter(page) " di " counter(pages);');
    expect(html).toMatch(/<header class="cover">\n<h1 id="[^"]+">Road map<\/h1>[\s\S]*<p class="generated">1 giugno 2024 · lamd [^<]+<\/p>\n<\/header>/);
    expect(reportToHtml(report, { paper: 'letter' })).toContain('@page { size: letter;');
  });
});
