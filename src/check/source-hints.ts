// Advice that needs the characters the user wrote, not only the value YAML made of them: quote
// `8.10` as "8.10" (not "8.1"), a decimal comma read as two items, text cut off by `#`, a list
// written under a key that already has a value.
import type { Diagnostic } from '../diagnostics.js';
import { quoteYaml } from '../workspace/syntax-hints.js';
import { t, type Text } from '../i18n/messages.js';

/** What a message may be rebuilt from: the scalar as written at the diagnostic's range. */
export type FromSource = (written: string) => Text | undefined;

/** The text of a diagnostic's range on its first line, or undefined without a usable range. */
export function writtenAt(lines: readonly string[], d: Diagnostic): string | undefined {
  if (!d.range) return undefined;
  const line = lines[d.range.start.line - 1];
  if (line === undefined) return undefined;
  const end = d.range.end.line === d.range.start.line ? d.range.end.column - 1 : line.length;
  const text = line.slice(d.range.start.column - 1, end);
  return text === '' ? undefined : text;
}

/**
 * The diagnostic's message improved with what its source line shows, or the message unchanged.
 * `fromSource` is the message's own rebuild (e.g. "put it in quotes"), given the written scalar.
 */
export function refineMessage(d: Diagnostic, lines: readonly string[], fromSource?: FromSource): Text | undefined {
  if (!d.text || !d.range || !d.ruleId.startsWith('schema/')) return d.text;
  const lineNo = d.range.start.line;
  const line = lines[lineNo - 1] ?? '';
  const written = writtenAt(lines, d);
  let message = (written !== undefined && fromSource?.(written)) || d.text;

  if (d.ruleId === 'schema/unknown-property' && written && /^\d+$/.test(written)) {
    // `{ value: 12,5 }`: the comma ended the number and `5` became a field.
    const before = line.slice(0, d.range.start.column - 1);
    const m = /(\d+),\s*$/.exec(before);
    if (m) {
      return t('schema/unknown-property.decimal-comma', { whole: m[1]!, decimals: written });
    }
  }

  if (message.id === 'schema/type.empty' || message.id === 'schema/empty.empty') {
    // `title: #1 priority`: everything after `#` is a comment, so the value is empty.
    const m = /^(\s*(?:-\s+)?)(?:([^\s#:][^#:]*):\s+)?(#.*)$/.exec(line);
    if (m && m[3]) {
      const key = m[2] ? `${m[2]}: ` : '- ';
      message = t('hint.comment-in-value', { message, quoted: `${key}${quoteYaml(m[3].trim())}` });
    }
  }

  // `targets: 10.7` followed by indented `- 10.c` lines: YAML joins them into one text.
  const key = /^\s*(?:-\s+)?([^\s#:][^#:]*):\s+\S/.exec(line)?.[1];
  if (key) {
    const own = line.search(/\S/);
    const next = lines[lineNo];
    if (next !== undefined && /^\s*-\s/.test(next) && next.search(/\S/) > own) {
      message = t('hint.list-joined', { message, key, line: String(lineNo) });
    }
  }
  return message;
}
