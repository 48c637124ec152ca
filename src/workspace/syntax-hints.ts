// Recognises the everyday causes of a YAML syntax error (a colon inside text, a missing space after a
// colon, typographic quotes, a quote left open, a tab or a wrong indentation, a `#` in a list, a list
// under a key that already has a value) and says what to change, at the line where the cause is
// rather than where the parser gave up.
import type { Position } from '../diagnostics.js';
import { t, type Text } from '../i18n/messages.js';
import { lineStarts, positionAt } from './text-positions.js';

export interface SyntaxHint {
  message: Text;
  at: Position;
}

// “ ” „ ‟ ‘ ’ ‚ ‛ « », escaped (lamd's bundle is ASCII: scripts/build.mjs).
const SMART_QUOTES = /[\u201c\u201d\u201e\u201f\u2018\u2019\u201a\u201b\u00ab\u00bb]/;
/** `key: value` or `- key: value` on one line; groups: indent and dash, key, value. */
const KEY_LINE = /^(\s*(?:-\s+)*)([^\s"'#:\-[\]{}][^:#]*?|"[^"]*"|'[^']*'):(?:\s+(.*?))?\s*$/;

/** Quotes text the way the user should write it: double quotes unless the text holds some. */
export function quoteYaml(text: string): string {
  if (!text.includes('"') && !text.includes('\\')) return `"${text}"`;
  return `'${text.replace(/'/g, "''")}'`;
}

/** Whether a value as written is plain text (not quoted, not a bracket, not a block indicator). */
function plain(value: string): boolean {
  return value !== '' && !/^["'[{|>&*!]/.test(value);
}

/**
 * A hint for the syntax error js-yaml reported as `reason` at `at` (1-based), or undefined when
 * none of the known causes is there; then the parser's own words are the best lamd can give.
 */
export function syntaxHint(text: string, reason: string, at: Position | undefined): SyntaxHint | undefined {
  if (!at) return undefined;
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  // An unclosed bracket or quote is found at the end of the file, or of the document at a `---` line:
  // only the `#` cause applies there, the lines just above are inside what was left open.
  const atEnd = /end of the (stream|document) within/.test(reason);
  if (!atEnd) {
    // A quote left open is closed by the next quote, lines or characters further on, where the
    // parser then gives up: the lines around the error are then not the cause.
    const quote = quoteClosedTooSoon(text, lines, at);
    if (quote) return quote;
    const tab = tabIndent(lines, reason, at);
    if (tab) return tab;
    // The cause is on the line of the error or just above it (js-yaml often stops on the next line).
    const candidates = [at.line, at.line - 1, at.line - 2].filter((n) => n >= 1 && n <= lines.length);
    // Cause by cause, each looked for on every candidate line: the likelier cause wins over the nearer line.
    for (const cause of LINE_CAUSES) {
      for (const n of candidates) {
        const hint = cause(lines[n - 1]!, n);
        if (hint) return hint;
      }
    }
  }
  if (/flow collection/.test(reason)) {
    const hint = hashInList(lines, at.line);
    if (hint) return hint;
  }
  return atEnd ? undefined : itemUnderValue(lines, at.line) ?? (/bad indentation/.test(reason) ? misaligned(lines, at.line) : undefined);
}

/** A quoted scalar: its quote character, where it opens and, once closed, where its closing quote is. */
interface QuoteSpan {
  char: string;
  at: number;
  end?: number;
}

/** Whether a quote at `i` opens a scalar: at a line's start, or after `:`, `-`, `[`, `{`, `,` and spaces. */
function startsScalar(text: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && (text[j] === ' ' || text[j] === '\t')) j--;
  return j < 0 || text[j] === '\n' || (j < i - 1 && /[:\-[{,?]/.test(text[j]!)) || /[[{,]/.test(text[j]!);
}

/**
 * For a `|` or `>` at `i` that starts a block scalar, the end of the line before the first line past its
 * body (the lines indented more than its key, or than its item mark, and blank lines); else `i`.
 */
function blockScalarEnd(text: string, i: number): number {
  let end = text.indexOf('\n', i);
  if (end === -1) return text.length;
  if (!/^[|>][0-9+-]*[ \t]*(?:#.*)?\r?$/.test(text.slice(i, end))) return i;
  const lineStart = text.lastIndexOf('\n', i - 1) + 1;
  const head = text.slice(lineStart, i);
  const inBody = bodyLines(/^\s*(?:-\s+)*$/.test(head) ? Math.max(0, head.trimEnd().length - 1) : keyColumn(head));
  while (end < text.length) {
    const next = text.indexOf('\n', end + 1);
    if (!inBody(text.slice(end + 1, next === -1 ? text.length : next))) break;
    end = next === -1 ? text.length : next;
  }
  return end;
}

/**
 * Whether each next line, in turn, is still in the body of a block scalar whose key (or item mark of
 * `- |`) is at `parent`: its first line of text, indented more than that, sets the body's indentation;
 * blank lines are in it.
 */
function bodyLines(parent: number): (line: string) => boolean {
  let indent: number | undefined;
  return (line) => {
    if (line.trim() === '') return true;
    const own = /^ */.exec(line)![0].length;
    indent ??= own > parent ? own : undefined;
    return indent !== undefined && own >= indent;
  };
}

/**
 * The flow brackets and the quote open at `upTo`, and the last quote closed before it: a scan that
 * knows comments, quotes and flow brackets, which is all an unclosed one needs.
 */
function scanQuotes(text: string, upTo: number): { brackets: number[]; open?: QuoteSpan; last?: QuoteSpan } {
  const brackets: number[] = [];
  let quote: QuoteSpan | undefined;
  let last: QuoteSpan | undefined;
  for (let i = 0; i < upTo; i++) {
    const c = text[i]!;
    if (quote) {
      if (quote.char === '"' && c === '\\') i++;
      else if (c === quote.char && !(quote.char === "'" && text[i + 1] === "'")) {
        last = { ...quote, end: i };
        quote = undefined;
      } else if (quote.char === "'" && c === "'") i++;
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      // A comment runs to the end of its line. Stepped over here, not found with indexOf: V8's
      // optimizing compiler took `text.indexOf('\n', i)` here and the same call in blockScalarEnd,
      // inlined, for one value, and computed it on every character of the scan: a line of four million
      // spaces then took minutes, once lamd had checked a few thousand broken documents (issue 17).
      while (i + 1 < upTo && text[i + 1] !== '\n') i++;
    } else if ((c === '|' || c === '>') && brackets.length === 0 && startsScalar(text, i)) {
      // A block scalar's body is text, where a quote mark opens nothing.
      i = blockScalarEnd(text, i);
    } else if ((c === '"' || c === "'") && startsScalar(text, i)) {
      quote = { char: c, at: i };
    } else if ((c === '[' || c === '{') && (brackets.length > 0 || i === 0 || /[\s:,-]/.test(text[i - 1]!))) {
      brackets.push(i);
    } else if ((c === ']' || c === '}') && brackets.length > 0) {
      brackets.pop();
    }
  }
  return quote ? { brackets, open: quote, last } : { brackets, last };
}

/**
 * Where the bracket or quote left open before `upTo` (the end of the file, or the document's end)
 * starts; undefined when the scan finds none.
 */
export function unclosedOpening(text: string, kind: 'flow' | '"' | "'", upTo = text.length): number | undefined {
  const { brackets, open } = scanQuotes(text, Math.min(upTo, text.length));
  if (kind === 'flow') return brackets.at(-1);
  return open?.char === kind ? open.at : undefined;
}

/** The indentation of a line up to its first key or value, past any `- ` item marks. */
const keyColumn = (line: string): number => /^\s*(?:-\s+)*/.exec(line)![0].length;

/**
 * A quote closed earlier than meant, just before where the parser gave up: by the next quote of its
 * kind, lines further on (the quote was never closed on its line), or on its own line (the text holds
 * the same quote mark). A quoted text may rightly span lines, so the first is said only when a line
 * inside it reads as a field or an item of the document, as no continued text would.
 */
function quoteClosedTooSoon(text: string, lines: readonly string[], at: Position): SyntaxHint | undefined {
  const starts = lineStarts(text);
  if (at.line > starts.length) return undefined;
  const { last } = scanQuotes(text, Math.min(starts[at.line - 1]! + at.column - 1, text.length));
  if (last?.end === undefined) return undefined;
  const open = positionAt(starts, last.at);
  const close = positionAt(starts, last.end);
  const closingLine = lines[close.line - 1]!;
  const after = closingLine.slice(close.column);
  if (open.line === close.line) {
    // `'L'inclusion'`: the apostrophe ends the text; what follows it is glued to the quote.
    if (close.line !== at.line || !/^[^\s,\]}:#]/.test(after)) return undefined;
    const line = lines[open.line - 1]!;
    const written = line.slice(open.column - 1).trimEnd();
    const inner = written.length > 2 && written.endsWith(last.char) ? written.slice(1, -1) : undefined;
    const requoted = inner === undefined ? undefined : quoteYaml(inner);
    // Text with both kinds of quote mark has no other kind to go in: no example then.
    const example = requoted === undefined || requoted.startsWith(last.char) ? '' : `${line.slice(keyColumn(line), open.column - 1)}${requoted}`;
    return { at: close, message: t(example ? 'yaml/syntax.quote-inside-example' : 'yaml/syntax.quote-inside', { character: last.char, example }) };
  }
  // The parser stops after the closing quote: on its line, or at the start of the next.
  if (at.line !== close.line && at.line !== close.line + 1) return undefined;
  const depth = keyColumn(lines[open.line - 1]!);
  const structure = /^\s*(?:-(?:\s|$)|[^\s#"'-][^:#]*:(?:\s|$))/;
  for (let n = open.line + 1; n <= close.line; n++) {
    const line = n === close.line ? closingLine.slice(0, close.column - 1) : lines[n - 1]!;
    if (structure.test(line) && /^\s*/.exec(line)![0].length <= depth) {
      return { at: open, message: t('yaml/syntax.quote-runs-on', { character: last.char, line: String(close.line) }) };
    }
  }
  return undefined;
}

/** A tab in the indentation of line `n`, which YAML forbids, whatever the parser then says. */
function tabIn(line: string, n: number): SyntaxHint | undefined {
  const tab = /^[ \t]*/.exec(line)![0].indexOf('\t');
  return tab === -1 ? undefined : { at: { line: n, column: tab + 1 }, message: t('yaml/syntax.tab') };
}

function tabIndent(lines: readonly string[], reason: string, at: Position): SyntaxHint | undefined {
  return /tab characters|indentation|document separator/.test(reason) ? tabIn(lines[at.line - 1] ?? '', at.line) : undefined;
}

/** The tab in the indentation of the line at `at`, for an indentation error of the `yaml` package. */
export function tabInIndentation(text: string, at: Position): SyntaxHint | undefined {
  const line = text.split('\n', at.line)[at.line - 1];
  return line === undefined ? undefined : tabIn(line, at.line);
}

/** `key: |`, `- key: >-` or `- |`: a line whose value is a block scalar, with the body on the lines below. */
const BLOCK_HEADER = /^(\s*(?:-\s+)*)(?:(?:[^\s"'#:\-[\]{}][^:#]*?|"[^"]*"|'[^']*'):\s+)?[|>][0-9+-]*\s*(?:#.*)?$/;

/** The lines (1-based) before `upTo` that are the body of a block scalar: text, not fields or items. */
function blockTextLines(lines: readonly string[], upTo: number): Set<number> {
  const text = new Set<number>();
  for (let n = 1; n < upTo; n++) {
    const header = BLOCK_HEADER.exec(lines[n - 1]!);
    if (!header) continue;
    const head = lines[n - 1]!;
    const inBody = bodyLines(/^\s*(?:-\s+)*[|>]/.test(head) ? Math.max(0, header[1]!.trimEnd().length - 1) : keyColumn(head));
    while (n < upTo && inBody(lines[n]!)) text.add(++n);
  }
  return text;
}

const ITEM = /^\s*-(\s|$)/;
const indentOf = (line: string): number => /^\s*/.exec(line)![0].length;

/**
 * A field or item indented differently from the field or item above it, which is at its level or in
 * the block that holds it: that line's column is a fix that reads, if not always the meant one. A line
 * indented less may rather belong to a block further out: the column of the nearest such block is
 * offered too. Lines of text (block scalars, continued text) are no reference.
 * Only for the parser's "bad indentation", once the likelier causes were ruled out.
 */
function misaligned(lines: readonly string[], errorLine: number): SyntaxHint | undefined {
  const line = lines[errorLine - 1] ?? '';
  const item = ITEM.test(line);
  if (!item && !KEY_LINE.test(line)) return undefined;
  const own = (item ? indentOf(line) : keyColumn(line)) + 1;
  const text = blockTextLines(lines, errorLine);
  // The fields and items above, nearest first, each further out than the one before: the line's block
  // and the blocks around it, with the column each offers: a field is offered those of fields, an item
  // those of items.
  const blocks: { n: number; column: number | undefined; above: string }[] = [];
  let limit = Infinity;
  for (let n = errorLine - 1; n >= 1 && limit > 0; n--) {
    const above = lines[n - 1]!;
    if (above.trim() === '' || /^\s*#/.test(above) || text.has(n)) continue;
    const aboveItem = ITEM.test(above);
    if (!aboveItem && !KEY_LINE.test(above)) continue;
    if (indentOf(above) >= limit) continue;
    limit = indentOf(above);
    // An item lines up with the items above it; a field with the fields, past their item marks.
    const keyed = !aboveItem || KEY_LINE.test(above);
    // An item at a field's column would read only as that field's list, which it is not.
    const column = item ? (aboveItem ? indentOf(above) + 1 : undefined) : keyed ? keyColumn(above) + 1 : undefined;
    blocks.push({ n, column, above });
  }
  const inner = blocks.find((b) => b.column !== undefined);
  if (!inner || own === inner.column) return undefined;
  const at = { line: errorLine, column: own };
  if (own > inner.column!) {
    // Under `key: plain text`, a deeper line is read as the rest of the text: a field shifted by
    // mistake, or text continued with a colon in it. Both fixes are said; only the writer knows which.
    const valued = item || inner !== blocks[0] ? undefined : KEY_LINE.exec(inner.above);
    if (valued && plain(valued[3] ?? '')) {
      return { at, message: t('yaml/syntax.indentation-more', { key: valued[2]!, line: String(inner.n), expected: String(inner.column) }) };
    }
  } else {
    const outer = blocks.find((b) => b.column !== undefined && b.column <= own);
    if (outer?.column === own) return undefined;
    if (outer) {
      return {
        at,
        message: t('yaml/syntax.indentation-between', {
          column: String(own),
          line: String(inner.n),
          expected: String(inner.column),
          outerLine: String(outer.n),
          outer: String(outer.column),
        }),
      };
    }
  }
  return { at, message: t('yaml/syntax.indentation', { column: String(own), line: String(inner.n), expected: String(inner.column) }) };
}

type LineCause = (line: string, n: number) => SyntaxHint | undefined;

/** Typographic quotes that open a value (apostrophes inside text are fine). */
function smartQuotes(line: string, n: number): SyntaxHint | undefined {
  if (!/^\s*(?:-\s+)*(?:[^\s:#][^:#]*:\s+)?[\u201c\u201e\u201f\u2018\u201a\u201b\u00ab]/.test(line)) return undefined;
  const m = KEY_LINE.exec(line.replace(/\s+#.*$/, ''));
  const straight = line.replace(/[\u201c\u201d\u201e\u201f\u00ab\u00bb]/g, '"').replace(/[\u2018\u2019\u201a\u201b]/g, "'").trim();
  const example = m ? straight.replace(/^-\s+/, '') : '';
  return {
    at: { line: n, column: line.search(SMART_QUOTES) + 1 },
    message: t(example ? 'yaml/syntax.smart-quotes-example' : 'yaml/syntax.smart-quotes', { example }),
  };
}

/** `status:done`: a key glued to its value is read as one piece of text. */
function gluedColon(line: string, n: number): SyntaxHint | undefined {
  if (/^\s*#/.test(line)) return undefined;
  const glued = /^(\s*(?:-\s+)?)([A-Za-z_][\w-]*):([^\s/:][^\s]*.*)$/.exec(line);
  if (!glued || /:\s/.test(line) || /^[\w-]+:\/\//.test(line.trim())) return undefined;
  const [, lead, key, value] = glued;
  return {
    at: { line: n, column: lead!.length + key!.length + 2 },
    message: t('yaml/syntax.glued-colon', { key: key!, value: value! }),
  };
}

/** A key line whose value is plain text with ": " (or " :") inside: French typography, or a label. */
function colonInText(line: string, n: number): SyntaxHint | undefined {
  const m = KEY_LINE.exec(line);
  if (!m || m[3] === undefined) return undefined;
  const [, lead, key] = m;
  const valueStart = line.indexOf(':', lead!.length + key!.length) + 1;
  const rest = line.slice(valueStart).trim();
  if (!plain(rest) || !/:(\s|$)/.test(rest)) return undefined;
  const written = rest.replace(/\s+#.*$/, '');
  return {
    at: { line: n, column: valueStart + line.slice(valueStart).search(/\S/) + 1 },
    message: t('yaml/syntax.colon-in-text', { key: key!, quoted: `${key}: ${quoteYaml(written)}` }),
  };
}

const LINE_CAUSES: readonly LineCause[] = [smartQuotes, gluedColon, colonInText];

/** `[10.7, #10.c]`: the `#` starts a comment that swallows the closing bracket. */
function hashInList(lines: readonly string[], errorLine: number): SyntaxHint | undefined {
  for (let n = Math.min(errorLine, lines.length); n >= 1; n--) {
    const line = lines[n - 1] ?? '';
    const open = line.search(/[[{]/);
    const hash = line.search(/\s#/);
    if (open !== -1 && hash > open && !line.slice(0, hash).includes(line[open] === '[' ? ']' : '}')) {
      return { at: { line: n, column: hash + 2 }, message: t('yaml/syntax.hash-in-list') };
    }
  }
  return undefined;
}

/** A list item under a key that already has a value on its own line. */
function itemUnderValue(lines: readonly string[], errorLine: number): SyntaxHint | undefined {
  const dash = /^(\s*)-(\s|$)/.exec(lines[errorLine - 1] ?? '');
  if (!dash) return undefined;
  for (let n = errorLine - 1; n >= 1; n--) {
    const line = lines[n - 1] ?? '';
    if (line.trim() === '' || /^\s*#/.test(line)) continue;
    const m = KEY_LINE.exec(line);
    if (m && m[3] !== undefined && m[3] !== '' && !/^[|>]/.test(m[3])) {
      return {
        at: { line: errorLine, column: dash[1]!.length + 1 },
        message: t('yaml/syntax.item-under-value', { key: m[2]!, line: String(n), value: m[3] }),
      };
    }
    return undefined;
  }
  return undefined;
}
