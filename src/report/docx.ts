// A report's Markdown → a Word document (.docx) a partner can finish by hand: real heading styles
// (Heading 1…n, so Word's navigation pane, outline and table of contents work), real tables whose
// header row repeats on every page, real lists, a cover with the logos, a table of contents, the
// title and network at the top and the logos, funding statement and "page N of M" at the foot of
// every page, timelines as pictures, and right-to-left paragraphs and tables for Arabic.
//
// Built from the same Markdown as the HTML report (marked's tokens, nothing parsed twice), so the two
// say the same thing. Heading levels: the report's title (`#`) is the cover's Title; `##` is
// Heading 1, `###` Heading 2, and so on. Loaded only by `--format docx` (the `docx` library is large).
import {
  AlignmentType,
  BorderStyle,
  BuilderElement,
  Bookmark,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  InternalHyperlink,
  LevelFormat,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  StringContainer,
  Tab,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  type FileChild,
  type IImageOptions,
  type ParagraphChild,
} from 'docx';
import JSZip from 'jszip';
import { Marked, type Token, type Tokens } from 'marked';
import type { Branding, Logo } from './branding.js';
import { safeHref } from './html.js';
import { imageSize } from './image-size.js';
import { plainFromMarkdown, svgLabels, type MarkdownReport } from './index.js';
import type { Paper } from './print.js';
import { LAMD_VERSION } from '../version.js';
import { t, type Text } from '../i18n/messages.js';
import type { Png, Rasterize } from './raster.js';
import { TIMELINE_MARKER, timelineSvg, type SvgLabels, type Timeline } from './timeline.js';

export interface DocxOptions {
  lang: string;
  dir: 'ltr' | 'rtl';
  /** Locale for the dates drawn in timelines. */
  locale: string;
  paper: Paper;
  /** Plain texts for the cover, the page header and the page footer. */
  title: string;
  network: string;
  generated: string;
  /**
   * The report's day (YYYY-MM-DD): the document's created and modified dates and its parts' dates,
   * so that the same workspace on the same day gives the same bytes.
   */
  date: string;
  /** The catalogue's "Page {page} of {pages}", placeholders kept. */
  pageOf: string;
  /** The heading of the table of contents. */
  contents: string;
  /** Said in place of a timeline that could not be drawn (its table follows it in every report). */
  timelineNotDrawn: string;
  timelines: readonly Timeline[];
  svgLabels: (timeline: Timeline) => SvgLabels;
  branding?: Branding;
  /** Printed at the top of every page of a draft. */
  draftMark?: string;
  /** SVG → PNG; without one, timelines are left to their tables and SVG logos out. */
  rasterize?: Rasterize;
  /** SVG → PNG for a WebP logo wrapped in SVG (resvg draws none: Chromium does); without one, WebP logos are left out. */
  rasterizeWebp?: Rasterize;
  /** Each top-level section (Heading 1) starts a page: the phases of a bound record. */
  sectionsOnNewPage?: boolean;
}

export interface DocxResult {
  bytes: Uint8Array;
  /** What could not go into the document, for the person who ran lamd (plain English, one line each). */
  /** What was left out and why, for the CLI to say in the language of the run. */
  notes: Text[];
}

/** Page sizes and margins in twentieths of a point (twips): 20 mm top and bottom, 16 mm at the sides, as the HTML's @page. */
const PAGE = { a4: { width: 11906, height: 16838 }, letter: { width: 12240, height: 15840 } } as const;
const MM = 1440 / 25.4;
const MARGIN = { top: Math.round(20 * MM), bottom: Math.round(20 * MM), side: Math.round(16 * MM), header: Math.round(8 * MM), footer: Math.round(8 * MM) };

const FONT = 'Calibri';
const CODE_FONT = 'Consolas';
const INK = '1D2329';
const MUTED = '56616B';
const LINE = 'D5DBE0';
const HEAD = 'EEF2F5';
/** Strong right-to-left characters (Hebrew, Arabic and their presentation forms). */
const RTL_TEXT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;

interface Style {
  bold?: boolean;
  italics?: boolean;
  code?: boolean;
  strike?: boolean;
  link?: boolean;
  size?: number;
  color?: string;
}

const LRM = '\u200e';

/** Text XML 1.0 can carry: the control characters a YAML string may hold (`"\a"`) become spaces, or Word calls the file corrupt. */
export function xmlText(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, ' ').replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/** The direction of the first strongly directional character of a text, as `dir="auto"` finds it. */
export function firstStrong(text: string): 'ltr' | 'rtl' | undefined {
  const match = /[A-Za-z\u00c0-\u02af\u0370-\u058f\u0590-\u08ff\u1e00-\u1fff\ufb1d-\ufdff\ufe70-\ufefc]/.exec(text);
  if (!match) return undefined;
  return RTL_TEXT.test(match[0]) ? 'rtl' : 'ltr';
}

/** Plain text between left-to-right marks when it starts left-to-right in a right-to-left report (see content()). */
function isolateLtr(text: string, rtl: boolean): string {
  return rtl && firstStrong(text) === 'ltr' ? `${LRM}${text}${LRM}` : text;
}

/** The text of inline tokens, without markup. */
function tokenText(list: readonly Token[] | undefined): string {
  return (list ?? []).map((t) => ('tokens' in t && Array.isArray(t.tokens) && t.tokens.length > 0 ? tokenText(t.tokens as Token[]) : 'text' in t ? String(t.text) : '')).join('');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: '\u00a0' };

/** Text as marked leaves it in a token: character references are still written out. */
function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => ENTITIES[name]!).replace(/&#(\d{1,7});/g, (_, n: string) => String.fromCodePoint(Number(n)));
}

/** Renders one report's Markdown as a .docx file. */
async function markdownToDocx(markdown: string, options: DocxOptions): Promise<DocxResult> {
  const rtl = options.dir === 'rtl';
  const notes: Text[] = [];
  const timelines = new Map(options.timelines.map((t) => [t.id, t]));
  const page = PAGE[options.paper];
  const textWidth = page.width - 2 * MARGIN.side;
  const tokens = new Marked({ gfm: true, breaks: false, async: false }).lexer(markdown);
  // Pictures are drawn first (drawing may take a browser's time), the document is built after.
  const drawn = new Map<string, Png>();
  if (options.rasterize) {
    for (const timeline of options.timelines) {
      if (!markdown.includes(`${TIMELINE_MARKER}${timeline.id}\n`)) continue;
      const png = await options.rasterize(standaloneTimelineSvg(timelineSvg(timeline, options.locale, options.svgLabels(timeline))), 1800);
      if (png) drawn.set(timeline.id, png);
    }
  }

  const run = (text: string, style: Style = {}): TextRun =>
    new TextRun({
      text: xmlText(text),
      ...(style.bold ? { bold: true, boldComplexScript: true } : {}),
      ...(style.italics ? { italics: true, italicsComplexScript: true } : {}),
      ...(style.strike ? { strike: true } : {}),
      ...(style.code ? { font: CODE_FONT } : {}),
      ...(style.link ? { style: 'Hyperlink' } : {}),
      ...(style.size ? { size: style.size, sizeComplexScript: style.size } : {}),
      ...(style.color ? { color: style.color } : {}),
      ...(RTL_TEXT.test(text) ? { rightToLeft: true } : {}),
    });

  const inline = (list: readonly Token[] | undefined, style: Style = {}): ParagraphChild[] => {
    const out: ParagraphChild[] = [];
    for (const token of list ?? []) {
      switch (token.type) {
        case 'strong':
          out.push(...inline((token as Tokens.Strong).tokens, { ...style, bold: true }));
          break;
        case 'em':
          out.push(...inline((token as Tokens.Em).tokens, { ...style, italics: true }));
          break;
        case 'del':
          out.push(...inline((token as Tokens.Del).tokens, { ...style, strike: true }));
          break;
        case 'codespan':
          out.push(run(decode((token as Tokens.Codespan).text), { ...style, code: true }));
          break;
        case 'br':
          out.push(new TextRun({ break: 1 }));
          break;
        case 'link': {
          const link = token as Tokens.Link;
          const href = safeHref(link.href);
          if (href === undefined || href.startsWith('#')) out.push(...inline(link.tokens, style));
          else out.push(new ExternalHyperlink({ link: href, children: inline(link.tokens, { ...style, link: true }) as TextRun[] }));
          break;
        }
        case 'image':
          out.push(run((token as Tokens.Image).text, style));
          break;
        case 'text': {
          const text = token as Tokens.Text;
          if (text.tokens && text.tokens.length > 0) out.push(...inline(text.tokens, style));
          else out.push(run(decode(text.text), style));
          break;
        }
        case 'escape':
          out.push(run((token as Tokens.Escape).text, style));
          break;
        default:
          // Raw HTML and anything else: the text as written, never markup (as in the HTML report).
          out.push(run(decode(token.raw), style));
      }
    }
    return out;
  };

  const bidi = rtl ? { bidirectional: true } : {};
  // Every picture needs an id of its own (docx numbers them all 1, which Word may call corrupt).
  let pictures = 0;
  const pictureId = () => String(++pictures);
  /**
   * The inline content of one paragraph, cell or list item. In a right-to-left report, content that
   * starts in a left-to-right script (a name or a sentence in English) is set between two
   * left-to-right marks, as the HTML report isolates it in <bdi>: its punctuation stays where it
   * belongs ("training." not ".training") while the paragraph keeps its right-to-left layout.
   */
  const content = (list: readonly Token[] | undefined, style: Style = {}): ParagraphChild[] => {
    const children = inline(list, style);
    if (!rtl || firstStrong(tokenText(list)) !== 'ltr') return children;
    return [new TextRun({ text: LRM }), ...children, new TextRun({ text: LRM })];
  };

  // Headings get bookmarks, which the cached table of contents links to.
  const toc: { title: string; level: number; href: string }[] = [];
  let bookmarks = 0;
  const heading = (token: Tokens.Heading, pageBreakBefore: boolean): Paragraph => {
    const text = plainFromMarkdown(decode(token.text.replace(/\\(.)/g, '$1')));
    if (token.depth === 1) return new Paragraph({ heading: HeadingLevel.TITLE, children: content(token.tokens), ...bidi });
    const level = Math.min(6, token.depth - 1);
    const id = `lamd_h${++bookmarks}`;
    if (level <= 2) toc.push({ title: text, level, href: id });
    return new Paragraph({
      heading: `Heading${level}` as (typeof HeadingLevel)[keyof typeof HeadingLevel],
      children: [new Bookmark({ id, children: content(token.tokens) })],
      ...(pageBreakBefore ? { pageBreakBefore: true } : {}),
      ...bidi,
    });
  };

  let lists = 0;
  const list = (token: Tokens.List, level: number): Paragraph[] => {
    const instance = ++lists;
    const out: Paragraph[] = [];
    for (const item of token.items) {
      let first = true;
      for (const child of item.tokens) {
        if (child.type === 'list') {
          out.push(...list(child as Tokens.List, Math.min(level + 1, 8)));
          continue;
        }
        const children = child.type === 'text' || child.type === 'paragraph' ? content((child as Tokens.Text).tokens ?? [child]) : content([child]);
        const marker = first ? (token.ordered ? { numbering: { reference: 'lamd-ordered', level, instance } } : { bullet: { level } }) : { indent: { start: 360 * (level + 1) } };
        out.push(new Paragraph({ children, ...marker, spacing: { after: 40 }, ...bidi }));
        first = false;
      }
    }
    return out;
  };

  const table = (token: Tokens.Table): Table => {
    const columns = token.header.length;
    const widths = columnWidths([token.header, ...token.rows].map((row) => row.map((cell) => plainFromMarkdown(decode(cell.text)))), textWidth);
    const cell = (c: Tokens.TableCell, i: number, header: boolean) =>
      new TableCell({
        width: { size: widths[i]!, type: WidthType.DXA },
        ...(header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: HEAD } } : {}),
        margins: { top: 40, bottom: 40, left: 80, right: 80 },
        children: [
          new Paragraph({
            children: content(c.tokens, { ...(header ? { bold: true } : {}), size: 17 }),
            spacing: { after: 0, line: 240, lineRule: LineRuleType.AUTO },
            ...(token.align[i] === 'right' ? { alignment: AlignmentType.RIGHT } : token.align[i] === 'center' ? { alignment: AlignmentType.CENTER } : {}),
            ...bidi,
          }),
        ],
      });
    const border = { style: BorderStyle.SINGLE, size: 4, color: LINE };
    return new Table({
      width: { size: textWidth, type: WidthType.DXA },
      columnWidths: widths,
      borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
      ...(rtl ? { visuallyRightToLeft: true } : {}),
      rows: [
        // The header row repeats on every page the table runs over; no row is split between pages.
        new TableRow({ tableHeader: true, cantSplit: true, children: token.header.map((c, i) => cell(c, i, true)) }),
        ...token.rows.map((row) => new TableRow({ cantSplit: true, children: Array.from({ length: columns }, (_, i) => cell(row[i] ?? { text: '', tokens: [], header: false, align: null }, i, false)) })),
      ],
    });
  };

  const timeline = (token: Tokens.Code): FileChild[] | undefined => {
    const first = token.text.split('\n', 1)[0] ?? '';
    const found = first.startsWith(TIMELINE_MARKER) ? timelines.get(first.slice(TIMELINE_MARKER.length).trim()) : undefined;
    if (!found) return undefined;
    const labels = options.svgLabels(found);
    const caption = new Paragraph({ style: 'Caption', children: [run(isolateLtr(labels.title, rtl))], ...bidi });
    const png = drawn.get(found.id);
    if (!png) {
      notes.push(t('docx.timeline-as-table', { title: found.title, why: options.rasterize ? 'failed' : 'no_drawing', platform: `${process.platform}-${process.arch}` }));
      return [new Paragraph({ children: [run(options.timelineNotDrawn, { italics: true, color: MUTED })], ...bidi })];
    }
    // As wide as the text, and never taller than most of a page.
    const widthPx = Math.round((textWidth / 1440) * 96);
    const maxHeightPx = Math.round(((page.height - MARGIN.top - MARGIN.bottom) / 1440) * 96 * 0.85);
    const scale = Math.min(widthPx / png.width, maxHeightPx / png.height);
    return [
      new Paragraph({
        keepNext: true,
        alignment: AlignmentType.CENTER,
        spacing: { after: 60, line: 240, lineRule: LineRuleType.AUTO },
        children: [
          new ImageRun({
            type: 'png',
            data: png.png,
            transformation: { width: Math.round(png.width * scale), height: Math.round(png.height * scale) },
            altText: { name: xmlText(labels.title), title: xmlText(labels.title), description: xmlText(labels.title), id: pictureId() },
          }),
        ],
      }),
      caption,
    ];
  };

  const block = (token: Token, quote: boolean): FileChild[] => {
    const quoted = quote ? { style: 'Quote' } : {};
    switch (token.type) {
      case 'heading':
        return [heading(token as Tokens.Heading, options.sectionsOnNewPage === true && (token as Tokens.Heading).depth === 2)];
      case 'paragraph':
        return [new Paragraph({ children: content((token as Tokens.Paragraph).tokens), ...quoted, ...bidi })];
      case 'text':
        return [new Paragraph({ children: content((token as Tokens.Text).tokens ?? [token]), ...quoted, ...bidi })];
      case 'list':
        return list(token as Tokens.List, 0);
      case 'table':
        return [table(token as Tokens.Table), new Paragraph({ children: [], spacing: { after: 60 } })];
      case 'blockquote':
        return (token as Tokens.Blockquote).tokens.flatMap((t) => block(t, true));
      case 'hr':
        return [new Paragraph({ children: [], border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: LINE, space: 1 } }, spacing: { before: 240, after: 240 } })];
      case 'code': {
        const code = token as Tokens.Code;
        if (code.lang === 'mermaid') {
          const drawn = timeline(code);
          if (drawn) return drawn;
        }
        return code.text.split('\n').map((line) => new Paragraph({ style: 'LamdCode', children: [run(line, { code: true })] }));
      }
      case 'space':
        return [];
      case 'html':
      default:
        return [new Paragraph({ children: [run(decode(token.raw.trim()))], ...bidi })];
    }
  };

  // The title and its lead paragraphs are the cover; the table of contents follows on a page of its
  // own, then the first section.
  const firstSection = tokens.findIndex((t) => t.type === 'heading' && (t as Tokens.Heading).depth >= 2);
  const lead = firstSection === -1 ? tokens : tokens.slice(0, firstSection);
  const rest = firstSection === -1 ? [] : tokens.slice(firstSection);

  const logos = await prepareLogos(options.branding?.logos ?? [], options.rasterize, options.rasterizeWebp, notes);
  const cover: FileChild[] = [
    new Paragraph({ children: [], spacing: { before: Math.round(40 * MM) } }),
    ...lead.flatMap((t) => block(t, t.type === 'blockquote')),
    ...(logos.length > 0 ? [new Paragraph({ spacing: { before: 480, after: 240 }, children: logoRuns(logos, 56, 220, pictureId), ...bidi })] : []),
    new Paragraph({ children: [run(options.generated, { color: MUTED })], ...bidi }),
    ...(options.branding?.funding ? [new Paragraph({ children: [run(options.branding.funding)], ...bidi })] : []),
  ];
  const body: FileChild[] = [];
  rest.forEach((token, i) => {
    if (i === 0 && token.type === 'heading') body.push(heading(token as Tokens.Heading, true));
    else body.push(...block(token, false));
  });
  const contents: FileChild[] =
    toc.length > 0
      ? [
          new Paragraph({ style: 'TOCHeading', pageBreakBefore: true, children: [run(options.contents)], ...bidi }),
          ...tableOfContents(toc, rtl),
        ]
      : [];

  const small = (text: string, extra: Style = {}) => run(text, { size: 15, color: MUTED, ...extra });
  const header = new Header({
    children: [
      ...(options.draftMark ? [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(options.draftMark, { bold: true, color: 'A40000', size: 18 })], ...bidi })] : []),
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: textWidth }],
        children: [small(options.title), new TextRun({ children: [new Tab()] }), small(options.network)],
        ...bidi,
      }),
    ],
  });
  const footer = new Footer({
    children: [
      ...(logos.length > 0 ? [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 40 }, children: logoRuns(logos, 26, 110, pictureId), ...bidi })] : []),
      ...(options.branding?.funding ? [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 40 }, children: [small(options.branding.funding, { size: 14 })], ...bidi })] : []),
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: textWidth }],
        children: [small(options.generated), new TextRun({ children: [new Tab()] }), ...pageOfRuns(options.pageOf)],
        ...bidi,
      }),
    ],
  });

  const language = { value: options.locale, ...(rtl ? { bidirectional: options.locale } : {}) };
  const document = new Document({
    title: xmlText(options.title),
    subject: xmlText(options.network),
    creator: `lamd ${LAMD_VERSION}`,
    lastModifiedBy: `lamd ${LAMD_VERSION}`,
    description: xmlText(options.generated),
    // Word fills the table of contents' page numbers when it opens the file.
    features: { updateFields: true },
    styles: {
      default: {
        document: { run: { font: { ascii: FONT, hAnsi: FONT, cs: 'Arial', eastAsia: FONT }, size: 20, sizeComplexScript: 20, color: INK, language }, paragraph: { spacing: { after: 120, line: 264, lineRule: LineRuleType.AUTO } } },
        title: { run: { size: 48, sizeComplexScript: 48, bold: true, boldComplexScript: true, color: INK }, paragraph: { spacing: { after: 240 } } },
        heading1: { run: { size: 30, sizeComplexScript: 30, bold: true, boldComplexScript: true, color: INK }, paragraph: { spacing: { before: 360, after: 160 }, keepNext: true, keepLines: true, outlineLevel: 0 } },
        heading2: { run: { size: 25, sizeComplexScript: 25, bold: true, boldComplexScript: true, color: INK }, paragraph: { spacing: { before: 280, after: 120 }, keepNext: true, keepLines: true, outlineLevel: 1 } },
        heading3: { run: { size: 22, sizeComplexScript: 22, bold: true, boldComplexScript: true, color: INK }, paragraph: { spacing: { before: 240, after: 100 }, keepNext: true, keepLines: true, outlineLevel: 2 } },
        heading4: { run: { size: 21, sizeComplexScript: 21, bold: true, boldComplexScript: true, italics: true, color: INK }, paragraph: { spacing: { before: 200, after: 80 }, keepNext: true, keepLines: true, outlineLevel: 3 } },
        heading5: { run: { size: 20, sizeComplexScript: 20, bold: true, boldComplexScript: true, color: MUTED }, paragraph: { spacing: { before: 160, after: 80 }, keepNext: true, outlineLevel: 4 } },
        heading6: { run: { size: 20, sizeComplexScript: 20, italics: true, color: MUTED }, paragraph: { spacing: { before: 160, after: 80 }, keepNext: true, outlineLevel: 5 } },
        hyperlink: { run: { color: '0B5CAD', underline: {} } },
      },
      paragraphStyles: [
        { id: 'Quote', name: 'Quote', basedOn: 'Normal', next: 'Normal', quickFormat: true, paragraph: { indent: { start: 360 }, shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'F6F8FA' }, border: { left: { style: BorderStyle.SINGLE, size: 12, color: LINE, space: 6 } } } },
        { id: 'Caption', name: 'caption', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 17, sizeComplexScript: 17, color: MUTED }, paragraph: { spacing: { after: 240 } } },
        { id: 'TOCHeading', name: 'TOC Heading', basedOn: 'Normal', next: 'Normal', run: { size: 30, sizeComplexScript: 30, bold: true, boldComplexScript: true }, paragraph: { spacing: { after: 160 } } },
        { id: 'TOC1', name: 'toc 1', basedOn: 'Normal', next: 'Normal', run: { bold: true, boldComplexScript: true }, paragraph: { spacing: { before: 120, after: 40 } } },
        { id: 'TOC2', name: 'toc 2', basedOn: 'Normal', next: 'Normal', paragraph: { indent: { start: 360 }, spacing: { after: 20 } } },
        { id: 'LamdCode', name: 'Code', basedOn: 'Normal', run: { font: CODE_FONT, size: 17 }, paragraph: { spacing: { after: 0 } } },
      ],
    },
    numbering: {
      config: [
        {
          reference: 'lamd-ordered',
          levels: Array.from({ length: 9 }, (_, level) => ({
            level,
            format: LevelFormat.DECIMAL,
            text: `%${level + 1}.`,
            alignment: AlignmentType.START,
            style: { paragraph: { indent: { start: 360 * (level + 1), hanging: 300 } } },
          })),
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: page.width, height: page.height },
            margin: { top: MARGIN.top, bottom: MARGIN.bottom, left: MARGIN.side, right: MARGIN.side, header: MARGIN.header, footer: MARGIN.footer },
          },
        },
        headers: { default: header },
        footers: { default: footer },
        children: [...cover, ...contents, ...body],
      },
    ],
  });
  // The language in the document's properties too (File › Properties), not only in its text.
  document.CoreProperties.addChildElement(new StringContainer('dc:language', options.locale));
  const bytes = await reproducible(await Packer.toBuffer(document), options.date);
  return { bytes, notes };
}

/**
 * The package with the report's day in place of the moment it was written: the `docx` library stamps
 * the document's properties and every part of the zip with the clock, so two runs on the same workspace
 * would differ in bytes (and in a repository's diff) without differing in a word.
 */
async function reproducible(packed: Uint8Array, date: string): Promise<Uint8Array> {
  const day = new Date(`${date}T00:00:00Z`);
  const zip = await JSZip.loadAsync(packed);
  for (const entry of Object.values(zip.files)) {
    // The folders' own entries go (remove() would take their parts with them).
    if (entry.dir) delete zip.files[entry.name];
    // A part left as it is keeps its compressed bytes: JSZip writes them again without inflating and
    // deflating them (a third of a report's writing time).
    else entry.date = day;
  }
  const core = zip.file('docProps/core.xml');
  if (core !== null) {
    const stamped = (await core.async('string')).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:)/g, `$1${day.toISOString().replace(/\.\d{3}Z$/, 'Z')}$2`);
    zip.file(core.name, stamped, { date: day, createFolders: false });
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
}

const fieldChar = (type: 'begin' | 'separate' | 'end') => new TextRun({ children: [new BuilderElement({ name: 'w:fldChar', attributes: { type: { key: 'w:fldCharType', value: type } } })] });

/**
 * A table of contents field of the Heading 1 and 2 paragraphs, holding the entries already (as links
 * to the headings' bookmarks), so that a reader that does not update fields (LibreOffice, a viewer)
 * shows them too; Word fills in the page numbers when it opens the file (updateFields). Written by
 * hand, each field character in a run of its own as Word writes them: LibreOffice prints the field
 * code of docx's own TableOfContents, which puts them in one run.
 */
function tableOfContents(entries: readonly { title: string; level: number; href: string }[], rtl: boolean): Paragraph[] {
  const paragraphs = entries.map(
    (entry, i) =>
      new Paragraph({
        style: `TOC${entry.level}`,
        ...(rtl ? { bidirectional: true } : {}),
        children: [
          ...(i === 0 ? [fieldChar('begin'), new TextRun({ children: [new StringContainer('w:instrText', ' TOC \\o "1-2" \\h \\z \\u ')] }), fieldChar('separate')] : []),
          new InternalHyperlink({ anchor: entry.href, children: [new TextRun({ text: xmlText(isolateLtr(entry.title, rtl)), ...(RTL_TEXT.test(entry.title) ? { rightToLeft: true } : {}) })] }),
        ],
      }),
  );
  return [...paragraphs, new Paragraph({ spacing: { after: 0 }, children: [fieldChar('end')] })];
}

/** "Page {page} of {pages}" as runs with Word's page fields. */
function pageOfRuns(template: string): TextRun[] {
  const parts: (string | (typeof PageNumber)[keyof typeof PageNumber])[] = [];
  let last = 0;
  for (const match of template.matchAll(/\{(page|pages)\}/g)) {
    if (match.index > last) parts.push(xmlText(template.slice(last, match.index)));
    parts.push(match[1] === 'page' ? PageNumber.CURRENT : PageNumber.TOTAL_PAGES);
    last = match.index + match[0].length;
  }
  if (last < template.length) parts.push(xmlText(template.slice(last)));
  // One run per part: LibreOffice draws a field sharing a run with text in the default size.
  return parts.map((part) => new TextRun({ children: [part], size: 15, sizeComplexScript: 15, color: MUTED }));
}

/**
 * Column widths for a table, in twips, adding up to the text width: each column in proportion to its
 * longest cell (capped, so one long paragraph does not starve the others), and never narrower than
 * its longest word.
 */
export function columnWidths(rows: readonly (readonly string[])[], total: number): number[] {
  const columns = Math.max(0, ...rows.map((r) => r.length));
  if (columns === 0) return [];
  const chars = (text: string) => [...text].length;
  const weight = Array.from({ length: columns }, (_, i) => Math.min(60, Math.max(3, ...rows.map((r) => chars(r[i] ?? '')))));
  const word = Array.from({ length: columns }, (_, i) => Math.max(2, ...rows.flatMap((r) => (r[i] ?? '').split(/\s+/).map(chars))));
  // About 115 twips per character of 8.5 pt bold text in a wide font, plus the cell's side margins; a column never
  // takes more than an equal share for its longest word alone.
  const least = word.map((w) => Math.min(total / columns, w * 115 + 200));
  // Columns whose share would be narrower than their longest word get that width; the others share the rest.
  const fixed = new Set<number>();
  let widths: number[] = [];
  for (let round = 0; round <= columns; round++) {
    const free = weight.reduce((sum, w, i) => (fixed.has(i) ? sum : sum + w), 0);
    const left = total - [...fixed].reduce((sum, i) => sum + least[i]!, 0);
    widths = weight.map((w, i) => (fixed.has(i) ? least[i]! : (w / free) * left));
    const short = widths.findIndex((w, i) => !fixed.has(i) && w < least[i]!);
    if (short === -1) break;
    fixed.add(short);
  }
  widths = widths.map((w) => Math.floor(w));
  widths[widths.length - 1]! += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

/** A timeline drawing that stands on its own: the report's stylesheet rules it uses, inside it. */
function standaloneTimelineSvg(svg: string): string {
  const style =
    '<style>text{font-family:"Noto Sans","DejaVu Sans","Liberation Sans",Arial,sans-serif;font-size:13px;fill:#1d2329}' +
    '.group{font-weight:600}.bar-number{font-size:12px;font-weight:600}.tick,.legend text{font-size:12px;fill:#3d4852}' +
    '.grid{stroke:#dde2e6;stroke-width:1}.today{stroke:#c62828;stroke-width:1.5;stroke-dasharray:4 3}</style>';
  return svg.replace(/^(<svg\b[^>]*>)/, `$1${style}`);
}

interface WordLogo {
  alt: string;
  image: { type: 'png' | 'jpg' | 'gif'; data: Uint8Array } | { type: 'svg'; data: Uint8Array; fallback: { type: 'png'; data: Uint8Array } };
  width: number;
  height: number;
}

/** The logos as Word can show them: PNG, JPEG and GIF as they are; SVG with a PNG copy for older Words; WebP as PNG. */
async function prepareLogos(logos: readonly Logo[], rasterizeSvg: Rasterize | undefined, rasterizeWebp: Rasterize | undefined, notes: Text[]): Promise<WordLogo[]> {
  const out: WordLogo[] = [];
  for (const logo of logos) {
    const size = imageSize(logo.bytes, logo.type);
    if (!size) {
      notes.push(t('docx.logo-left-out', { logo: logo.alt, why: 'no_size' }));
      continue;
    }
    if (logo.type === 'image/png' || logo.type === 'image/jpeg' || logo.type === 'image/gif') {
      out.push({ alt: logo.alt, image: { type: logo.type === 'image/png' ? 'png' : logo.type === 'image/jpeg' ? 'jpg' : 'gif', data: logo.bytes }, ...size });
      continue;
    }
    // SVG and WebP: drawn as PNG, 4 px per pixel of the cover's 56-pixel height.
    const widthPx = Math.min(1600, Math.max(64, Math.round((size.width / size.height) * 224)));
    const webp = logo.type === 'image/webp';
    const svg = webp ? webpInSvg(logo, size) : Buffer.from(logo.bytes).toString('utf8');
    // resvg draws a WebP picture as a blank square, so only Chromium draws those.
    const rasterize = webp ? rasterizeWebp : rasterizeSvg;
    const png = await rasterize?.(svg, widthPx);
    if (!png) {
      notes.push(t('docx.logo-left-out', { logo: logo.alt, why: rasterize ? 'failed' : webp ? 'no_webp' : 'no_svg' }));
      continue;
    }
    out.push({
      alt: logo.alt,
      image: logo.type === 'image/svg+xml' ? { type: 'svg', data: logo.bytes, fallback: { type: 'png', data: png.png } } : { type: 'png', data: png.png },
      width: png.width,
      height: png.height,
    });
  }
  return out;
}

function webpInSvg(logo: Logo, size: { width: number; height: number }): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${size.width}" height="${size.height}"><image width="${size.width}" height="${size.height}" xlink:href="data:image/webp;base64,${Buffer.from(logo.bytes).toString('base64')}"/></svg>`;
}

/** The logos in a row, each `height` pixels high (and at most `maxWidth` wide), a space apart. */
function logoRuns(logos: readonly WordLogo[], height: number, maxWidth: number, pictureId: () => string): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  logos.forEach((logo, i) => {
    if (i > 0) out.push(new TextRun({ text: '\u2003\u2003' }));
    const scale = Math.min(height / logo.height, maxWidth / logo.width);
    out.push(
      new ImageRun({
        ...(logo.image as IImageOptions),
        transformation: { width: Math.max(1, Math.round(logo.width * scale)), height: Math.max(1, Math.round(logo.height * scale)) },
        altText: { name: xmlText(logo.alt), title: xmlText(logo.alt), description: xmlText(logo.alt), id: pictureId() },
      } as IImageOptions),
    );
  });
  return out;
}

export interface DocxReportOptions {
  paper?: Paper;
  branding?: Branding;
  draft?: boolean;
  rasterize?: Rasterize;
  /** For WebP logos (see DocxOptions.rasterizeWebp). */
  rasterizeWebp?: Rasterize;
  /** Each phase of a bound record (`lamd report all --single`) starts a page. */
  sectionsOnNewPage?: boolean;
}

/** A rendered report as a Word document, with the texts of its catalogue. */
export async function reportToDocx(report: MarkdownReport, options: DocxReportOptions = {}): Promise<DocxResult> {
  const m = report.messages;
  const title = /^# (.*)$/m.exec(report.markdown)?.[1] ?? '';
  return markdownToDocx(report.markdown, {
    lang: m.lang,
    dir: m.dir,
    locale: m.locale,
    paper: options.paper ?? 'a4',
    title: plainFromMarkdown(title),
    network: report.network,
    generated: m.plain('phrase.generated_on', { date: m.plainDate(report.today)!, version: LAMD_VERSION }),
    date: report.today,
    pageOf: m.raw('phrase.page_of'),
    contents: m.raw('heading.contents'),
    timelineNotDrawn: m.raw('phrase.timeline_not_drawn'),
    timelines: report.timelines,
    svgLabels: svgLabels(m),
    ...(options.branding ? { branding: options.branding } : {}),
    ...(options.draft ? { draftMark: m.raw('phrase.draft_mark') } : {}),
    ...(options.rasterize ? { rasterize: options.rasterize } : {}),
    ...(options.rasterizeWebp ? { rasterizeWebp: options.rasterizeWebp } : {}),
    ...(options.sectionsOnNewPage ? { sectionsOnNewPage: true } : {}),
  });
}
