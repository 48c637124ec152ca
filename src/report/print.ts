// The paged-media side of an HTML report: paper size and the texts Chromium prints in the page
// margins (title, network, date of generation, lamd's version, "page N of M", and the logos and
// funding statement donors ask for on every page), as CSS `@page` rules.
// Plain data in, a stylesheet out; the texts come from the report's catalogue.

export const PAPER_SIZES = ['a4', 'letter'] as const;
export type Paper = (typeof PAPER_SIZES)[number];

export interface PrintOptions {
  paper: Paper;
  /** Plain texts. */
  title: string;
  network: string;
  /** "1 June 2024 · lamd 0.1.0": when and by what the report was made. */
  generated: string;
  /** The catalogue's "Page {page} of {pages}", placeholders kept. */
  pageOf: string;
  /** The logos for the foot of every page, as a CSS `content` value (logosCssContent). */
  footLogos?: string;
  /** Plain text: the funding statement, under the logos at the foot of every page. */
  funding?: string;
}

/** A CSS string literal: quotes and backslashes escaped, `<` written as an escape so `</style>` cannot end the sheet. */
export function cssString(text: string): string {
  return `"${text
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/</g, '\\3C ')}"`;
}

/** `Page {page} of {pages}` as a CSS `content` value with page counters. */
export function pageCounterContent(template: string): string {
  const parts: string[] = [];
  let last = 0;
  for (const match of template.matchAll(/\{(page|pages)\}/g)) {
    if (match.index > last) parts.push(cssString(template.slice(last, match.index)));
    parts.push(`counter(${match[1]})`);
    last = match.index + match[0].length;
  }
  if (last < template.length) parts.push(cssString(template.slice(last)));
  return parts.join(' ') || 'counter(page)';
}

/** The `@page` rules of a report: its size, margins and the four margin boxes. */
export function pageCss(print: PrintOptions, dir: 'ltr' | 'rtl'): string {
  const start = dir === 'rtl' ? 'right' : 'left';
  const end = dir === 'rtl' ? 'left' : 'right';
  const box = 'font: 8pt system-ui, "Noto Sans", Arial, sans-serif; color: #56616b;';
  // Donors' visibility: the logos, and the funding statement on a line of its own under them.
  const foot = [...(print.footLogos ? [print.footLogos] : []), ...(print.funding ? [`${print.footLogos ? '"\\A " ' : ''}${cssString(print.funding)}`] : [])];
  return [
    `@page { size: ${print.paper === 'letter' ? 'letter' : 'A4'}; margin: 20mm 16mm 20mm;`,
    `  @top-${start} { content: ${cssString(print.title)}; ${box} }`,
    `  @top-${end} { content: ${cssString(print.network)}; ${box} }`,
    `  @bottom-${start} { content: ${cssString(print.generated)}; ${box} }`,
    `  @bottom-${end} { content: ${pageCounterContent(print.pageOf)}; ${box} }`,
    ...(foot.length > 0 ? [`  @bottom-center { content: ${foot.join(' ')}; white-space: pre-wrap; unicode-bidi: plaintext; text-align: center; vertical-align: middle; font: 7pt system-ui, "Noto Sans", Arial, sans-serif; color: #56616b; }`] : []),
    '}',
    // The logos are on every printed page now: the row at the end of the report is for the screen.
    ...(print.footLogos ? ['@media print { .report-foot .logos-foot { display: none; } }'] : []),
  ].join('\n');
}
