// Finds where a JSON Pointer lives in a YAML file. Built only for files that have something to
// report, from the `yaml` package's concrete syntax tree: it keeps every token's offset, and costs
// a third of composing a full Document (which would also type every scalar, needlessly here).
import { CST, Parser } from 'yaml';
import type { Range } from '../diagnostics.js';
import { pointerSegments } from '../diagnostics.js';
import { lineStarts, positionAt } from './source.js';

/** What to point at: the value itself, its key (for an unknown property), or where a child is missing. */
export type Target = 'value' | 'key';

export type Locator = (pointer: string, target?: Target) => Range;

type Token = CST.Token;
type Item = CST.CollectionItem;

export function createLocator(text: string): Locator {
  let root: Token | undefined;
  let parsed = false;
  let starts: number[] | undefined;
  const toRange = (from: number, to: number): Range => {
    starts ??= lineStarts(text);
    // A range ends where its first line ends: code frames show one line, and a block's end is noise.
    const lineEnd = text.indexOf('\n', from);
    const end = lineEnd !== -1 && lineEnd < to ? lineEnd : to;
    return { start: positionAt(starts, from), end: positionAt(starts, Math.max(from, end)) };
  };
  return (pointer, target = 'value') => {
    if (!parsed) {
      parsed = true;
      for (const token of new Parser().parse(text)) {
        if (token.type === 'document') {
          root = token.value;
          break;
        }
      }
    }
    let node: Token | undefined = root;
    let holder: Item | undefined;
    // Where the path leaves the document (a missing child), the deepest node found is the answer.
    for (const segment of pointerSegments(pointer)) {
      if (isMap(node)) {
        // The last pair of a duplicated key, because that is the value the documents were read with.
        const item: Item | undefined = node.items.findLast((i) => i.key !== undefined && i.key !== null && keyText(i.key) === segment);
        if (!item) break;
        holder = item;
        node = item.value ?? undefined;
        if (!node) break;
      } else if (isSeq(node) && /^\d+$/.test(segment) && Number(segment) < node.items.length) {
        holder = undefined;
        const item: Item = node.items[Number(segment)]!;
        node = item.value ?? undefined;
        // An empty item (a bare `-`) is pointed at by its dash.
        if (!node) {
          const dash = item.start.find((t) => t.type === 'seq-item-ind');
          if (dash) return toRange(dash.offset, dash.offset + 1);
          break;
        }
      } else {
        break;
      }
    }
    const key = holder?.key && CST.isScalar(holder.key) ? holder.key : undefined;
    if (target === 'key' && key) return toRange(key.offset, end(key));
    // Collections are pointed at by their key (`sdg:`), which is the line a reader looks for.
    if (node && (isMap(node) || isSeq(node)) && key) return toRange(key.offset, end(key));
    if (node && node !== holder?.key) return toRange(node.offset, end(node));
    if (key) return toRange(key.offset, end(key));
    return { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
  };
}

function isMap(token: Token | undefined): token is CST.BlockMap | CST.FlowCollection {
  return token?.type === 'block-map' || (token?.type === 'flow-collection' && token.start.source === '{');
}

function isSeq(token: Token | undefined): token is CST.BlockSequence | CST.FlowCollection {
  return token?.type === 'block-seq' || (token?.type === 'flow-collection' && token.start.source === '[');
}

/** A key as the document's value has it: the scalar's text, unquoted and unescaped. */
function keyText(token: Token): string | undefined {
  return CST.isScalar(token) ? CST.resolveAsScalar(token)?.value : undefined;
}

/** Where a token's own text ends: a scalar's last character; for a collection, as far as its first line goes. */
function end(token: Token): number {
  if ('source' in token && typeof token.source === 'string') return token.offset + token.source.length;
  return Number.MAX_SAFE_INTEGER;
}
