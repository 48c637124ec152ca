// Markdown → one self-contained HTML file: inline CSS, a table of contents with working anchors,
// timelines drawn as inline SVG, and nothing that can run or fetch.
//
// marked does not sanitise: raw HTML, `javascript:` links and `<img onerror>` pass through it. lamd
// escapes user text when it builds the Markdown, and here, as a second line, a private `new Marked()`
// instance (never the global one, which other code could configure) renders:
// - raw HTML (block or inline) as escaped text (lamd's Markdown has none);
// - links only to http(s), mailto and #anchors, any other address as plain text;
// - images never as <img> (a report makes no network request): an http(s) image becomes a link;
// - a Mermaid block lamd wrote for a timeline as the timeline's SVG, any other code block as code;
// - in a right-to-left report, the content of every paragraph, table cell, list item and heading
//   inside <bdi> (bidi isolation, direction taken from the text itself): user text in Latin script
//   keeps its punctuation where it belongs ("distributed." not ".distributed") and the page keeps
//   its alignment and list markers. The isolating tag is lamd's; what is inside is rendered as before.
// - user text from a document written in another language than the report's (its `language`) inside
//   <bdi lang dir>, so that browsers, screen readers and the Nu HTML checker know its language.
// A Content-Security-Policy forbidding scripts and every fetch backs this up in the browser.
import { Marked, Tokenizer, type Tokens } from 'marked';
import { escapeHtml } from './markdown.js';
import { pageCss, type PrintOptions } from './print.js';
import { REPORT_CSS } from './style.js';
import { languageDirection } from './text-language.js';
import { TIMELINE_MARKER, timelineSvg, type SvgLabels, type Timeline } from './timeline.js';

export interface HtmlOptions {
  lang: string;
  dir: 'ltr' | 'rtl';
  /** Locale for dates drawn in timelines. */
  locale: string;
  /** Plain text: the heading of the table of contents. */
  contents: string;
  timelines: readonly Timeline[];
  svgLabels: (timeline: Timeline) => SvgLabels;
  /** Paper and page-margin texts; without it the report prints on the browser's defaults. */
  print?: PrintOptions;
  /** Extra lines for the cover (already escaped HTML), after the title and its lead paragraphs. */
  cover?: string;
  /** Extra lines at the foot of the report (already escaped HTML). */
  foot?: string;
  /** User texts written in another language than the report's: text → its language tag. */
  textLanguages?: ReadonlyMap<string, string>;
}

interface Heading {
  depth: number;
  id: string;
  /** Already escaped HTML text (tags removed). */
  text: string;
}

const SAFE_HREF = /^(?:https?:\/\/|mailto:)[^\s\u0000-\u001f]*$/i;
const ANCHOR = /^#[A-Za-z0-9_-]*$/;

/** The address a link may keep, or undefined when it must become plain text. */
export function safeHref(href: string): string | undefined {
  const trimmed = href.trim();
  if (ANCHOR.test(trimmed) || SAFE_HREF.test(trimmed)) return trimmed;
  return undefined;
}

function decodeBasicEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** An ASCII id for a heading: `Milan: Intersectoral governance` → `milan-intersectoral-governance`. */
export function headingSlug(escapedText: string): string {
  const slug = decodeBasicEntities(escapedText)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  return /^[a-z]/.test(slug) ? slug : `section${slug ? `-${slug}` : ''}`;
}

function stripTags(html: string): string {
  return html.replace(/<[^>]*>/g, '').trim();
}

/** Renders a report's Markdown as a complete HTML document. */
export function markdownToHtml(markdown: string, options: HtmlOptions): string {
  const rtl = options.dir === 'rtl';
  /** Rendered inline content, isolated in a right-to-left report. */
  const isolate = (html: string): string => (rtl && html.trim() !== '' ? `<bdi>${html}</bdi>` : html);
  const headings: Heading[] = [];
  const body = reportMarked(options, headings, isolate).parse(markdown) as string;
  const title = headings.find((h) => h.depth === 1)?.text ?? '';
  const marked = languageMarker(options.textLanguages);
  return htmlPage(marked(withCoverAndContents(body, headings, options, isolate)), title, options);
}

/**
 * Wraps each occurrence of a known foreign-language text in `<bdi lang dir>`, in text between tags
 * only (never in an attribute, never inside an SVG drawing, whose text cannot hold HTML), and only
 * where it stands as whole words.
 */
function languageMarker(textLanguages: ReadonlyMap<string, string> | undefined): (html: string) => string {
  if (!textLanguages || textLanguages.size === 0) return (html) => html;
  const byHtml = new Map([...textLanguages].map(([text, lang]) => [escapeHtml(text), lang]));
  const alternatives = [...byHtml.keys()].sort((a, b) => b.length - a.length).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  return (html) => {
    let inSvg = 0;
    return html
      .split(/(<[^>]*>)/)
      .map((part) => {
        if (part.startsWith('<')) {
          if (/^<svg[\s>]/i.test(part)) inSvg++;
          else if (/^<\/svg>/i.test(part)) inSvg--;
          return part;
        }
        if (inSvg > 0) return part;
        return part.replace(pattern, (text) => {
          const lang = byHtml.get(text)!;
          return `<bdi lang="${escapeHtml(lang)}" dir="${languageDirection(lang)}">${text}</bdi>`;
        });
      })
      .join('');
  };
}

/**
 * A marked instance for one report: user text stays text (raw HTML escaped, only safe links and
 * images), headings get unique ids and are collected into `headings` for the table of contents,
 * right-to-left text is isolated, and the Mermaid blocks of timelines become drawings.
 */
function reportMarked(options: HtmlOptions, headings: Heading[], isolate: (html: string) => string): Marked {
  const used = new Set<string>(['contents', 'contents-title', 'report']);
  // For each slug, the next number to try: ids are only ever added, so every number below it is
  // taken, and the k-th heading of the same text costs one try instead of k.
  const nextNumber = new Map<string, number>();
  const timelines = new Map(options.timelines.map((t) => [t.id, t]));
  const rtl = options.dir === 'rtl';
  const marked = new Marked({ gfm: true, breaks: false, async: false });
  marked.use({
    tokenizer: {
      // GFM turns bare web addresses into links by scanning the raw source up to the next space, so
      // `https://example.org\>` (an address followed by an escaped character) would swallow the escape.
      // Addresses in lamd's Markdown never contain a backslash (see md()), so the link ends before it.
      url(src: string): Tokens.Link | undefined {
        const token = Tokenizer.prototype.url.call(this, src) as Tokens.Link | undefined;
        if (!token || token.href.startsWith('mailto:')) return token;
        const cut = token.raw.indexOf('\\');
        if (cut === -1) return token;
        const raw = token.raw.slice(0, cut).replace(/[?!.,:;*_'"~]+$/, '');
        if (!/^(?:https?:\/\/|www\.)[^\s/]+/i.test(raw)) return undefined;
        return { type: 'link', raw, text: raw, href: /^www\./i.test(raw) ? `http://${raw}` : raw, tokens: [{ type: 'text', raw, text: raw }] };
      },
    },
    renderer: {
      html({ text }: Tokens.HTML | Tokens.Tag): string {
        return escapeHtml(text);
      },
      link({ href, title, tokens }: Tokens.Link): string {
        const inner = this.parser.parseInline(tokens);
        const safe = safeHref(href);
        if (safe === undefined) return inner;
        // On paper an address is printed after its link text, unless the text is the address already.
        const bare = stripTags(inner) === escapeHtml(safe) || safe.startsWith('#');
        return `<a href="${escapeHtml(safe)}"${bare ? ' class="bare"' : ''}${title ? ` title="${escapeHtml(title)}"` : ''}>${inner}</a>`;
      },
      image({ href, text }: Tokens.Image): string {
        const safe = safeHref(href);
        const alt = escapeHtml(text);
        return safe !== undefined && /^https?:/i.test(safe) ? `<a href="${escapeHtml(safe)}">${alt}</a>` : alt;
      },
      heading({ tokens, depth }: Tokens.Heading): string {
        const inner = this.parser.parseInline(tokens);
        const text = stripTags(inner);
        const slug = headingSlug(text);
        let id = slug;
        if (used.has(id)) {
          let n = nextNumber.get(slug) ?? 2;
          while (used.has((id = `${slug}-${n}`))) n++;
          nextNumber.set(slug, n + 1);
        }
        used.add(id);
        headings.push({ depth, id, text });
        return `<h${depth} id="${id}">${isolate(inner)}</h${depth}>\n`;
      },
      paragraph({ tokens }: Tokens.Paragraph): string | false {
        if (!rtl) return false;
        return `<p>${isolate(this.parser.parseInline(tokens))}</p>\n`;
      },
      tablecell(cell: Tokens.TableCell): string | false {
        if (!rtl) return false;
        const tag = cell.header ? 'th' : 'td';
        return `${cell.align ? `<${tag} align="${cell.align}">` : `<${tag}>`}${isolate(this.parser.parseInline(cell.tokens))}</${tag}>\n`;
      },
      listitem(item: Tokens.ListItem): string | false {
        // Task lists (`- [ ]`) keep marked's own rendering; lamd's templates write none.
        if (!rtl || item.task) return false;
        // A tight item holds text (inline) and perhaps a nested list; a loose one, paragraphs, which
        // the paragraph renderer isolates. The inline runs are wrapped here, with raw HTML, which the
        // html renderer has made text.
        let body = '';
        let run: Tokens.Generic[] = [];
        const flush = () => {
          if (run.length > 0) body += isolate(this.parser.parse(run, false));
          run = [];
        };
        for (const token of item.tokens) {
          if (token.type === 'html' || (token.type === 'text' && !item.loose)) {
            run.push(token);
            continue;
          }
          flush();
          body += this.parser.parse([token], item.loose);
        }
        flush();
        return `<li>${body}</li>\n`;
      },
      code({ text, lang }: Tokens.Code): string | false {
        if (lang !== 'mermaid') return false;
        const first = text.split('\n', 1)[0] ?? '';
        const timeline = first.startsWith(TIMELINE_MARKER) ? timelines.get(first.slice(TIMELINE_MARKER.length).trim()) : undefined;
        if (!timeline) return false;
        const labels = options.svgLabels(timeline);
        return `<figure class="timeline">${timelineSvg(timeline, options.locale, labels)}<figcaption>${isolate(escapeHtml(labels.title))}</figcaption></figure>\n`;
      },
    },
  });
  return marked;
}

/**
 * The title and its lead paragraphs become the cover (a page of its own on paper); the table of
 * contents follows, then the first section.
 */
function withCoverAndContents(body: string, headings: readonly Heading[], options: HtmlOptions, isolate: (html: string) => string): string {
  const toc = tableOfContents(headings, escapeHtml(options.contents), isolate);
  const firstSection = body.search(/<h2[\s>]/);
  const lead = firstSection === -1 ? body : body.slice(0, firstSection);
  const rest = firstSection === -1 ? '' : body.slice(firstSection);
  return `<header class="cover">\n${lead.trimEnd()}\n${options.cover ?? ''}</header>\n${toc}${rest}`;
}

/** The self-contained page: language and direction, a policy that lets nothing load or run, the styles, the foot. */
function htmlPage(body: string, title: string, options: HtmlOptions): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(options.lang)}" dir="${options.dir}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="generator" content="lamd">',
    `<title>${title}</title>`,
    `<style>${REPORT_CSS}${options.print ? `\n${pageCss(options.print, options.dir)}\n` : ''}</style>`,
    '</head>',
    '<body>',
    `<main id="report">`,
    body.trimEnd(),
    ...(options.foot ? [`<footer class="report-foot">\n${options.foot.trimEnd()}\n</footer>`] : []),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function tableOfContents(headings: readonly Heading[], label: string, isolate: (html: string) => string): string {
  const top: { heading: Heading; children: Heading[] }[] = [];
  for (const h of headings) {
    if (h.depth !== 2 && h.depth !== 3) continue;
    const parent = top.at(-1);
    if (h.depth === 3 && parent) parent.children.push(h);
    else top.push({ heading: h, children: [] });
  }
  if (top.length === 0) return '';
  const link = (h: Heading) => `<a href="#${h.id}">${isolate(h.text)}</a>`;
  const items = top.map(({ heading, children }) =>
    children.length === 0 ? `<li>${link(heading)}</li>` : `<li>${link(heading)}\n<ol>\n${children.map((c) => `<li>${link(c)}</li>`).join('\n')}\n</ol></li>`,
  );
  return `<nav id="contents" class="toc" aria-labelledby="contents-title">\n<h2 id="contents-title">${label}</h2>\n<ol>\n${items.join('\n')}\n</ol>\n</nav>\n`;
}
