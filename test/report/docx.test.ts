// `--format docx` read back by what consumes it: the WordprocessingML that Word reads (heading styles
// with outline levels, header rows that repeat, right-to-left paragraphs and tables, the language and
// title in the properties, logos and page fields in the footer), and LibreOffice headless, which
// converts the reports to PDF in one run (a few seconds, once for the whole file) and whose PDF
// outline must list the report's headings.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bindReports } from '../../src/report/bind.js';
import type { Branding } from '../../src/report/branding.js';
import { columnWidths, firstStrong, reportToDocx, xmlText } from '../../src/report/docx.js';
import { plainFromMarkdown, REPORT_PHASES, type MarkdownReport } from '../../src/report/index.js';
import type { Md } from '../../src/report/markdown.js';
import { chromiumRasterizer, rasterizer } from '../../src/report/raster.js';
import { INJECTION, LAS_PILOT, loadValid, render } from './helpers.js';
import { render as renderText, type Text } from '../../src/i18n/messages.js';
import { unescapeMarkup } from '../helpers/outputs.js';

const SOFFICE = process.env.LAMD_SOFFICE ?? 'soffice';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40" fill="#0b5cad"/></svg>';
const BRANDING: Branding = {
  logos: [
    { alt: 'International Organization for Migration', type: 'image/png', bytes: PNG },
    { alt: 'The donor', type: 'image/svg+xml', bytes: Buffer.from(SVG) },
  ],
  funding: 'This report was produced with the financial support of the Test Donor.',
  disclaimer: 'The opinions expressed are those of the authors.',
};

interface Made {
  name: string;
  report: MarkdownReport;
  zip: JSZip;
  notes: Text[];
}

let dir: string;
const made: Made[] = [];
let converted: ReturnType<typeof spawnSync>;
/**
 * The documents LibreOffice converts: the bound programme holds every phase's report (so every
 * phase's headings reach the outline), beside one report on its own (binding demotes headings and
 * merges each phase's opening into one cover: the road map shows them undemoted) and one right to
 * left. Each phase again on its own would double LibreOffice's work for little more.
 */
const CONVERTED = ['all.en', 'roadmap.en', 'roadmap.ar'];

const xml = (doc: Made, part: string) => doc.zip.file(part)!.async('string');

/** Each paragraph of a part: its style and its text. */
function paragraphs(part: string): { style?: string; text: string; xml: string }[] {
  return [...part.matchAll(/<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g)].map((p) => ({
    ...(/<w:pStyle w:val="([^"]+)"/.exec(p[1]!) ? { style: /<w:pStyle w:val="([^"]+)"/.exec(p[1]!)![1]! } : {}),
    text: unescapeMarkup([...p[1]!.matchAll(/<w:t\b[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')).replace(/\u200e/g, ''),
    xml: p[1]!,
  }));
}

/** The `##`… headings of a report's Markdown as Word's heading styles should hold them. */
function markdownHeadings(markdown: string): { style: string; text: string }[] {
  let fence = false;
  const out: { style: string; text: string }[] = [];
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) fence = !fence;
    const h = fence ? null : /^(#{2,6}) (.+)$/.exec(line);
    if (h) out.push({ style: `Heading${h[1]!.length - 1}`, text: plainFromMarkdown(h[2]!) });
  }
  return out;
}

/** The titles of a PDF's outline (LibreOffice writes them as UTF-16 hex strings). */
function outlineTitles(pdf: Buffer): string[] {
  return [...pdf.toString('latin1').matchAll(/\/Title\s*<FEFF([0-9A-F]*)>/gi)].map((m) => Buffer.from(m[1]!, 'hex').swap16().toString('utf16le'));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lamd-docx-test-'));
  const pilot = await loadValid(LAS_PILOT);
  const rasterize = rasterizer();
  const wanted: [string, string][] = [...REPORT_PHASES.map((p): [string, string] => [p, 'en']), ['roadmap', 'ar']];
  for (const [phase, lang] of wanted) {
    const report = render(pilot, phase as (typeof REPORT_PHASES)[number], lang);
    const docx = await reportToDocx(report, { branding: BRANDING, ...(rasterize ? { rasterize } : {}) });
    const name = `${phase}.${lang}`;
    writeFileSync(join(dir, `${name}.docx`), docx.bytes);
    made.push({ name, report, zip: await JSZip.loadAsync(docx.bytes), notes: docx.notes });
  }
  // The whole programme bound into one document (lamd report all --format docx --single).
  const bound = bindReports(REPORT_PHASES.map((p) => render(pilot, p, 'en')), "The programme's record: every phase" as Md);
  const docx = await reportToDocx(bound, { branding: BRANDING, sectionsOnNewPage: true, ...(rasterize ? { rasterize } : {}) });
  writeFileSync(join(dir, 'all.en.docx'), docx.bytes);
  made.push({ name: 'all.en', report: bound, zip: await JSZip.loadAsync(docx.bytes), notes: docx.notes });
  mkdirSync(join(dir, 'pdf'));
  converted = spawnSync(SOFFICE, ['--headless', `-env:UserInstallation=file://${dir}/.lo-profile`, '--convert-to', 'pdf', '--outdir', join(dir, 'pdf'), ...CONVERTED.map((name) => join(dir, `${name}.docx`))], {
    encoding: 'utf8',
    timeout: 120_000,
  });
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('lamd report --format docx', () => {
  it('gives every section heading a Word heading style, in order, and the title the Title style', async () => {
    for (const doc of made) {
      const found = paragraphs(await xml(doc, 'word/document.xml'));
      const headings = found.filter((p) => p.style?.startsWith('Heading')).map((p) => ({ style: p.style!, text: p.text }));
      expect(headings, doc.name).toEqual(markdownHeadings(doc.report.markdown));
      expect(found.filter((p) => p.style === 'Title').map((p) => p.text), doc.name).toEqual([plainFromMarkdown(/^# (.*)$/m.exec(doc.report.markdown)![1]!)]);
    }
  });

  it('defines the heading styles with outline levels, so the navigation pane and a table of contents find them', async () => {
    const styles = await xml(made[0]!, 'word/styles.xml');
    for (const level of [1, 2, 3, 4]) {
      const style = new RegExp(`<w:style [^>]*w:styleId="Heading${level}"[^>]*>[\\s\\S]*?</w:style>`).exec(styles)?.[0];
      expect(style, `Heading${level}`).toContain(`<w:outlineLvl w:val="${level - 1}"/>`);
    }
    const document = await xml(made.find((m) => m.name === 'roadmap.en')!, 'word/document.xml');
    expect(/<w:instrText[^>]*> TOC \\o &quot;1-2&quot; \\h \\z \\u <\/w:instrText>/.test(document), 'a TOC field of heading levels 1-2').toBe(true);
    expect(await xml(made[0]!, 'word/settings.xml')).toMatch(/<w:updateFields(?: w:val="true")?\/>/);
  });

  it('writes real tables, one per Markdown table, whose header row repeats on every page', async () => {
    for (const doc of made) {
      const document = await xml(doc, 'word/document.xml');
      const tables = [...document.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) => t[1]!);
      expect(tables.length, doc.name).toBe(doc.report.markdown.split('\n').filter((l) => /^\|(?:\s*:?-+:?\s*\|)+\s*$/.test(l)).length);
      for (const table of tables) expect(/<w:tr\b[^>]*>([\s\S]*?)<\/w:tr>/.exec(table)![1], doc.name).toContain('<w:tblHeader/>');
    }
  });

  it('carries the title and the language in the document properties', async () => {
    const roadmap = made.find((m) => m.name === 'roadmap.en')!;
    expect(await xml(roadmap, 'docProps/core.xml')).toContain('<dc:title>Road maps</dc:title>');
    expect(await xml(roadmap, 'docProps/core.xml')).toContain('<dc:language>en-GB</dc:language>');
    expect(await xml(made.find((m) => m.name === 'roadmap.ar')!, 'docProps/core.xml')).toMatch(/<dc:language>ar(-[A-Z]+)?<\/dc:language>/);
    expect(await xml(roadmap, 'word/styles.xml')).toMatch(/<w:rPrDefault>[\s\S]*<w:lang w:val="en-GB"\/>/);
  });

  it('sets an Arabic report right to left: paragraphs, tables and the language', async () => {
    const ar = made.find((m) => m.name === 'roadmap.ar')!;
    const document = await xml(ar, 'word/document.xml');
    const body = paragraphs(document).filter((p) => p.text !== '');
    expect(body.every((p) => p.xml.includes('<w:bidi/>'))).toBe(true);
    const tables = [...document.matchAll(/<w:tblPr>([\s\S]*?)<\/w:tblPr>/g)];
    expect(tables.length).toBeGreaterThan(3);
    expect(tables.every((t) => t[1]!.includes('<w:bidiVisual/>'))).toBe(true);
    expect(await xml(ar, 'word/styles.xml')).toMatch(/<w:lang w:val="ar[^"]*" w:bidi="ar[^"]*"\/>/);
  });

  it('draws each timeline as a picture instead of its Mermaid code, the dates table kept after it', async () => {
    const roadmap = made.find((m) => m.name === 'roadmap.en')!;
    expect(roadmap.report.timelines.length).toBeGreaterThan(0);
    const document = await xml(roadmap, 'word/document.xml');
    expect(document.includes('gantt'), 'Mermaid code in the document').toBe(false);
    const pictures = [...document.matchAll(/<wp:docPr [^>]*descr="([^"]*)"/g)].map((d) => unescapeMarkup(d[1]!));
    for (const timeline of roadmap.report.timelines) expect(pictures).toContain(`Timeline of ${timeline.title}`);
    expect(roadmap.notes).toEqual([]);
  });

  it('puts the logos on the cover and, with the funding statement and page N of M, in the footer of every page', async () => {
    const doc = made.find((m) => m.name === 'final.en')!;
    const footer = await xml(doc, 'word/footer1.xml');
    expect([...footer.matchAll(/<wp:docPr [^>]*descr="([^"]*)"/g)].map((d) => d[1])).toEqual(['International Organization for Migration', 'The donor']);
    expect(footer).toContain(BRANDING.funding);
    expect(footer).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>[\s\S]*<w:instrText[^>]*>NUMPAGES<\/w:instrText>/);
    // The SVG logo goes in as SVG with a PNG copy for Words that do not draw SVG.
    expect(Object.keys(doc.zip.files).some((f) => f.endsWith('.svg'))).toBe(true);
    const cover = paragraphs(await xml(doc, 'word/document.xml'));
    expect(cover.slice(0, 12).filter((p) => p.xml.includes('<w:drawing>')).length).toBe(1);
    expect((await xml(doc, 'word/header1.xml'))).toContain('Local Authorities Network for Migration and Development');
  });

  it('binds every phase into one document: one cover and contents, each phase a Heading 1 on a new page', async () => {
    const all = made.find((m) => m.name === 'all.en')!;
    const found = paragraphs(await xml(all, 'word/document.xml'));
    expect(found.filter((p) => p.style === 'Title')).toHaveLength(1);
    expect(found.filter((p) => p.style === 'TOCHeading')).toHaveLength(1);
    const phases = found.filter((p) => p.style === 'Heading1');
    expect(phases.map((p) => p.text)).toEqual(REPORT_PHASES.map((p) => plainFromMarkdown(/^# (.*)$/m.exec(made.find((m) => m.name === `${p}.en`)!.report.markdown)![1]!)));
    expect(phases.every((p) => p.xml.includes('<w:pageBreakBefore/>'))).toBe(true);
    expect(found.filter((p) => p.style === 'TOC1').map((p) => p.text)).toEqual(phases.map((p) => p.text));
  });

  it('converts with LibreOffice headless without error, A4, its headings in the PDF outline', () => {
    expect(converted.error, String(converted.error)).toBeUndefined();
    expect(converted.status, String(converted.stderr)).toBe(0);
    const checked = made.filter((m) => CONVERTED.includes(m.name));
    expect(checked.map((m) => m.name).sort()).toEqual([...CONVERTED].sort());
    for (const doc of checked) {
      const pdf = join(dir, 'pdf', `${doc.name}.pdf`);
      expect(existsSync(pdf), `${doc.name}: ${String(converted.stdout)}${String(converted.stderr)}`).toBe(true);
      expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/^Page size:.*\(A4\)$/m);
      const outline = outlineTitles(readFileSync(pdf));
      const wanted = markdownHeadings(doc.report.markdown).map((h) => h.text);
      expect(wanted.length, doc.name).toBeGreaterThan(0);
      for (const text of wanted) expect(outline.map((t) => t.replace(/\u200e/g, '')), `${doc.name}: ${text}`).toContain(text);
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
      if (doc.name.endsWith('.en')) text.forEach((page, i) => expect(page, `${doc.name} page ${i + 1}`).toContain(`Page ${i + 1} of ${text.length}`));
    }
  });
});

describe('a Word report on a machine that cannot draw pictures', () => {
  it('gives each timeline as its table of dates, says so in the report and to the person who ran lamd, and leaves the SVG logo out (a Letter-size draft)', async () => {
    const pilot = await loadValid(LAS_PILOT);
    const report = render(pilot, 'roadmap', 'fr');
    const docx = await reportToDocx(report, { branding: BRANDING, draft: true, paper: 'letter' });
    const zip = await JSZip.loadAsync(docx.bytes);
    const document = await zip.file('word/document.xml')!.async('string');
    expect(document.includes('<w:drawing>') && /descr="Calendrier/.test(document)).toBe(false);
    const said = paragraphs(document).filter((p) => p.text === report.messages.raw('phrase.timeline_not_drawn'));
    expect(report.messages.raw('phrase.timeline_not_drawn')).toMatch(/^Le calendrier n[’']a pas pu être dessiné ici/);
    expect(said).toHaveLength(report.timelines.length);
    expect(docx.notes.map((n) => renderText('en', n)).filter((n) => n.startsWith('The timeline '))).toHaveLength(report.timelines.length);
    expect(docx.notes.map((n) => renderText('en', n))).toContain('The logo "The donor" is left out of the Word report: this machine cannot draw SVG pictures for Word; a PNG copy of it in lamd.yaml would be.');
    // The raster logo needs no drawing: it is still there, and the draft is marked at the top of every page.
    expect([...(await zip.file('word/footer1.xml')!.async('string')).matchAll(/<wp:docPr [^>]*descr="([^"]*)"/g)].map((d) => d[1])).toEqual(['International Organization for Migration']);
    expect(await zip.file('word/header1.xml')!.async('string')).toContain('BROUILLON');
    expect(document).toMatch(/<w:pgSz w:w="12240" w:h="15840"/);
  });
});

describe('a Word report written twice', () => {
  it('is the same bytes on another day and hour: its dates are the report\'s day, not the clock\'s', async () => {
    const pilot = await loadValid(LAS_PILOT);
    const report = render(pilot, 'roadmap', 'en');
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2031-01-02T03:04:05.678Z'));
      const first = (await reportToDocx(report, { branding: BRANDING })).bytes;
      vi.setSystemTime(new Date('2032-07-08T21:10:11.123Z'));
      const second = (await reportToDocx(report, { branding: BRANDING })).bytes;
      expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
      const core = await (await JSZip.loadAsync(first)).file('docProps/core.xml')!.async('string');
      expect(core).toContain(`<dcterms:created xsi:type="dcterms:W3CDTF">${report.today}T00:00:00Z</dcterms:created>`);
      expect(core).toContain(`<dcterms:modified xsi:type="dcterms:W3CDTF">${report.today}T00:00:00Z</dcterms:modified>`);
      expect(core).toContain('<cp:lastModifiedBy>lamd ');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('user text in a Word report', () => {
  it('stays text: the injection workspace gives well-formed XML in every part, its markup written out literally', async () => {
    const ws = await loadValid(INJECTION);
    for (const phase of REPORT_PHASES) {
      const report = render(ws, phase, 'en');
      const zip = await JSZip.loadAsync((await reportToDocx(report)).bytes);
      for (const part of Object.keys(zip.files).filter((f) => f.endsWith('.xml'))) {
        expect(XMLValidator.validate(await zip.file(part)!.async('string')), `${phase}: ${part}`).toBe(true);
      }
      const header = paragraphs(await zip.file('word/header1.xml')!.async('string')).map((p) => p.text).join(' ');
      expect(header, phase).toContain("<script>window.__pwned = 1; alert('programme')</script> Network");
    }
  });

  it('loses the control characters XML cannot carry, and keeps every other character', async () => {
    expect(xmlText('bell\u0007 tab\t new\nline \ud800 ok \ud83d\ude00')).toBe('bell  tab\t new\nline \ufffd ok \ud83d\ude00');
    const pilot = await loadValid(LAS_PILOT);
    const report = render(pilot, 'preparatory', 'en');
    const zip = await JSZip.loadAsync((await reportToDocx({ ...report, network: 'A\u0007B', markdown: report.markdown.replace(/^# .*$/m, '# Title\u0001 here') })).bytes);
    // fast-xml-parser does not check characters: look for them directly.
    for (const part of ['word/document.xml', 'word/header1.xml', 'docProps/core.xml']) expect(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(await zip.file(part)!.async('string')), part).toBe(false);
    expect(await zip.file('word/header1.xml')!.async('string')).toContain('A B');
  });
});

describe('a WebP logo in a Word report', () => {
  it('is never drawn by resvg (which leaves WebP blank): without a Chromium it is left out, and said', async () => {
    // A WebP header (VP8X, 300 × 100): enough to size it; resvg must not be asked to draw it.
    const webp = Buffer.alloc(30);
    webp.write('RIFF', 0, 'latin1');
    webp.write('WEBPVP8X', 8, 'latin1');
    webp.writeUIntLE(299, 24, 3);
    webp.writeUIntLE(99, 27, 3);
    const pilot = await loadValid(LAS_PILOT);
    let asked = 0;
    const counting = async (svg: string, width: number) => {
      asked++;
      return rasterizer()!(svg, width);
    };
    const docx = await reportToDocx(render(pilot, 'preparatory', 'en'), { branding: { logos: [{ alt: 'Donor', type: 'image/webp', bytes: webp }] }, rasterize: counting });
    expect(asked).toBe(0);
    expect(docx.notes.map((n) => renderText('en', n))).toEqual(['The logo "Donor" is left out of the Word report: lamd draws WebP pictures for Word through a Chromium, and none was found; a PNG copy of it in lamd.yaml would be.']);
    const zip = await JSZip.loadAsync(docx.bytes);
    expect(Object.keys(zip.files).filter((f) => f.startsWith('word/media/') && !f.endsWith('/'))).toEqual([]);
  });
});

describe('pictures for Word where resvg has no binary', () => {
  it('are drawn by the machine\'s Chromium at the width asked for', async () => {
    const draw = chromiumRasterizer(process.env.LAMD_CHROMIUM ?? '/usr/bin/chromium', 60_000);
    const png = await draw(SVG, 300);
    expect(png, 'a picture').toBeDefined();
    expect(Buffer.from(png!.png).subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png!.width, png!.height]).toEqual([300, 100]);
    // A Chromium that cannot run gives no picture (the report then keeps the table), not an error.
    expect(await chromiumRasterizer('/nowhere/chromium', 5_000)(SVG, 300)).toBeUndefined();
  }, 60_000);
});

describe('Word tables and right-to-left text', () => {
  it('share the text width among columns, never narrower than their longest word', () => {
    const widths = columnWidths([['No.', 'Activity', 'Stakeholders'], ['1', 'A long description of an activity that goes on and on for a while', 'Municipality; University']], 10000);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(10000);
    expect(widths[0]).toBeGreaterThanOrEqual(3 * 115 + 200);
    expect(widths[1]).toBeGreaterThan(widths[2]!);
  });

  it('tell a text starting in Latin script from one starting in Arabic, as dir="auto" does', () => {
    expect(firstStrong('4 (Reported in Box 3.)')).toBe('ltr');
    expect(firstStrong('12 — خرائط الطريق')).toBe('rtl');
    expect(firstStrong('2024 – 12')).toBeUndefined();
  });
});
