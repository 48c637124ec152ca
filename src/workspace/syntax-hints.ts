// Recognises the everyday causes of a YAML syntax error (a colon inside text, a missing space after a
// colon, typographic quotes, a `#` in a list, a list under a key that already has a value) and says
// what to change, at the line where the cause is rather than where the parser gave up.
import type { Position } from '../diagnostics.js';
import { t, type Text } from '../i18n/messages.js';

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
  // An unclosed bracket or quote is found at the end of the file: only the `#` cause applies there.
  const atEnd = /end of the stream within/.test(reason);
  if (!atEnd) {
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
  return atEnd ? undefined : itemUnderValue(lines, at.line);
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
