// The paged-media side of an HTML report: paper size and the texts Chromium prints in the page
// margins (title, network, date of generation, lamd's version, "page N of M"), as CSS `@page` rules.
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
  return [
    `@page { size: ${print.paper === 'letter' ? 'letter' : 'A4'}; margin: 20mm 16mm 20mm;`,
    `  @top-${start} { content: ${cssString(print.title)}; ${box} }`,
    `  @top-${end} { content: ${cssString(print.network)}; ${box} }`,
    `  @bottom-${start} { content: ${cssString(print.generated)}; ${box} }`,
    `  @bottom-${end} { content: ${pageCounterContent(print.pageOf)}; ${box} }`,
    '}',
  ].join('\n');
}
