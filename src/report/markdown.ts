// Escaping for the report pipeline. Every string a report view carries is `Md`: Markdown that renders
// as the literal text it came from, on one line, safe in a paragraph, a heading, a list item or a
// table cell. User text (and catalogue text, which a workspace may override) becomes `Md` only here.

declare const mdBrand: unique symbol;
/** Inline Markdown that renders literally: no markup, no line break, no table-breaking pipe. */
export type Md = string & { readonly [mdBrand]: true };

// Characters that can start markup anywhere in a line (CommonMark + GFM): escapes, code spans,
// emphasis, links and images, raw HTML and autolinks, headings' closing sequences, table pipes,
// strikethrough, entity and character references.
const INLINE_SPECIAL = /[\\`*_[\]<>#|~&]/g;
// A bullet at the start of a line (`- `, `+ `), or a line of only `-`/`=` (a setext underline or a
// thematic break under the previous line). `-5` or `+39` stay as they are.
const LEADING_BLOCK = /^([-+])(?=\s|$)|^([-=])(?=[-=\s]*$)/;
// An ordered-list marker at the start of a line: `1. ` or `1) ` (`1.5` is not one).
const LEADING_ORDERED = /^(\d{1,9})([.)])(?=\s|$)/;
// C0/C1 controls and the Unicode line and paragraph separators become plain spaces.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

// Whitespace a line may break at. No-break spaces are kept as they are: French writes "Pays\u202f:" and
// "12\u202f500", and a collapsed or trimmed one would let the colon or the digits wrap away.
const BREAKING_SPACES = /[^\S\u00a0\u2007\u202f]+/g;
const EDGE_SPACES = /^[^\S\u00a0\u2007\u202f]+|[^\S\u00a0\u2007\u202f]+$/g;

/** One line of plain text, whitespace collapsed (no-break spaces kept). */
export function oneLine(text: string): string {
  return text.replace(CONTROL, ' ').replace(BREAKING_SPACES, ' ').replace(EDGE_SPACES, '');
}

// A web address inside user text. It stops before anything that could open markup or end a table
// cell, so what it spans needs no escaping; escaping `_`, `#` or `&` inside it would put backslashes
// into the address that GFM (and GitHub) turn into a link.
const URL_IN_TEXT = /https?:\/\/[^\s<>[\]`\\|"']+/gi;

/** User text as inline Markdown that renders literally. Newlines become spaces. */
export function md(text: string | number): Md {
  const line = oneLine(String(text));
  let out = '';
  let last = 0;
  for (const match of line.matchAll(URL_IN_TEXT)) {
    out += line.slice(last, match.index).replace(INLINE_SPECIAL, '\\$&') + match[0];
    last = match.index + match[0].length;
  }
  out += line.slice(last).replace(INLINE_SPECIAL, '\\$&');
  return out.replace(LEADING_BLOCK, '\\$&').replace(LEADING_ORDERED, '$1\\$2') as Md;
}

/**
 * A piece of a line (the fixed text of a catalogue message between its values) escaped as `md` does,
 * but neither trimmed nor checked for a block marker: only the whole line can start a block, and
 * `blockSafe` sees to that once the pieces are joined.
 */
export function mdFragment(text: string): string {
  return text.replace(CONTROL, ' ').replace(BREAKING_SPACES, ' ').replace(INLINE_SPECIAL, '\\$&');
}

/** A line joined from escaped pieces, with a leading list marker or underline escaped. */
export function blockSafe(line: string): Md {
  return line.replace(LEADING_BLOCK, '\\$&').replace(LEADING_ORDERED, '$1\\$2') as Md;
}

/** Free text split into paragraphs (at blank lines), each escaped as one line. */
export function mdParagraphs(text: string | undefined): Md[] {
  if (text === undefined) return [];
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => md(p))
    .filter((p) => p !== '');
}

/**
 * Joins Markdown pieces with a separator lamd chooses. Never a line break: raw HTML such as `<br>`
 * is dropped by cmark-gfm's safe mode and shown literally by renderers with HTML off. Separators
 * that languages write differently (French "a ; b", Arabic "a؛ b", "label : text") come from the
 * catalogue instead: `Messages.semicolons`, the `phrase.labelled` message.
 */
export function joinMd(parts: readonly Md[], separator: ', ' | ' · ' | ' – ' | ' '): Md {
  return parts.join(separator) as Md;
}

/** Bold: lamd's own emphasis around already escaped text. */
export function strong(text: Md): Md {
  return (text === '' ? text : `**${text}**`) as Md;
}

/**
 * A web address usable as a Markdown link destination, or undefined when it is not http(s).
 * Characters that could end the destination or open markup are percent-encoded.
 */
export function linkDestination(url: string): string | undefined {
  const trimmed = url.trim();
  if (!/^https?:\/\/[^\s]+$/i.test(trimmed)) return undefined;
  return trimmed.replace(/[<>()[\]\\`"' *_|]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** A link lamd writes to an http(s) address: `[text](url)`, or the text alone for any other address. */
export function mdLink(text: Md, url: string | undefined): Md {
  const destination = url === undefined ? undefined : linkDestination(url);
  return (destination ? `[${text}](${destination})` : text) as Md;
}

/**
 * Text for a Mermaid gantt line: Mermaid reads `:` as the start of task data, `#` and `;` as entity
 * codes, `%%` as a comment, and GitHub renders its labels as HTML; none of that may come from a
 * document. The characters are dropped, not escaped: Mermaid has no escape that every renderer honours.
 */
export function mermaidText(text: string, max = 60): string {
  const line = oneLine(text)
    .replace(/[:;#%`<>{}"&\\[\]|~]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = [...line];
  if (chars.length <= max) return line;
  // Cut between words, never inside one: "Training for 32 front-office operators…".
  const head = chars.slice(0, max).join('');
  const space = head.lastIndexOf(' ');
  return `${(space > max / 3 ? head.slice(0, space) : chars.slice(0, max - 1).join('')).trimEnd()}…`;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** Optional user text: escaped, or undefined when absent or empty. */
export function opt(text: string | undefined): Md | undefined {
  return text === undefined || text.trim() === '' ? undefined : md(text);
}
