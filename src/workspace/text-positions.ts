// Where things are in a file's text: offsets as lines and columns, the key on a line, the second document.
import type { Position } from '../diagnostics.js';

/** Whether a CR ends no line as LF does: a line break of its own to YAML, which line scans do not expect. */
export function hasLoneCarriageReturn(text: string): boolean {
  for (let at = text.indexOf('\r'); at !== -1; at = text.indexOf('\r', at + 1)) if (text.charCodeAt(at + 1) !== 0x0a) return true;
  return false;
}

export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** 0-based offset → 1-based line and column. */
export function positionAt(starts: readonly number[], offset: number): Position {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

/** The key written at `offset` (a line, or a key's first character), without its quotes. */
export function keyAt(text: string, offset: number): string | undefined {
  const line = text.slice(offset, text.indexOf('\n', offset) === -1 ? undefined : text.indexOf('\n', offset));
  const match = /^\s*(?:-\s+)?("[^"]*"|'[^']*'|[^:#]+?)\s*:/.exec(line);
  return match?.[1]?.replace(/^["']|["']$/g, '');
}

export function secondDocumentStart(text: string): Position | undefined {
  const starts = lineStarts(text);
  let seenContent = false;
  for (let i = 0; i < starts.length; i++) {
    const line = text.slice(starts[i], (starts[i + 1] ?? text.length + 1) - 1);
    if (/^---(\s|$)/.test(line)) {
      if (seenContent) return { line: i + 1, column: 1 };
      seenContent = true;
    } else if (/^\S/.test(line) && !line.startsWith('#') && !line.startsWith('%')) {
      seenContent = true;
    }
  }
  return undefined;
}
