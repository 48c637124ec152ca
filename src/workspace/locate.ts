// Finds where a JSON Pointer lives in a YAML file. Built only for files that have something to
// report: parsing with the `yaml` package keeps source ranges but costs ~10x a plain parse.
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import type { Document, Node, Pair } from 'yaml';
import type { Range } from '../diagnostics.js';
import { pointerSegments } from '../diagnostics.js';
import { lineStarts, positionAt } from './source.js';
import { YAML_PACKAGE_OPTIONS } from './yaml-core.js';

/** What to point at: the value itself, its key (for an unknown property), or where a child is missing. */
export type Target = 'value' | 'key';

export type Locator = (pointer: string, target?: Target) => Range;

export function createLocator(text: string): Locator {
  let doc: Document | undefined;
  let starts: number[] | undefined;
  const toRange = (from: number, to: number): Range => {
    starts ??= lineStarts(text);
    // A range ends where its first line ends: code frames show one line, and a block's end is noise.
    const lineEnd = text.indexOf('\n', from);
    const end = lineEnd !== -1 && lineEnd < to ? lineEnd : to;
    return { start: positionAt(starts, from), end: positionAt(starts, Math.max(from, end)) };
  };
  return (pointer, target = 'value') => {
    doc ??= parseDocument(text, { ...YAML_PACKAGE_OPTIONS, keepSourceTokens: false });
    const segments = pointerSegments(pointer);
    let node: Node | null | undefined = doc.contents as Node | null;
    let holder: Pair | undefined;
    // Where the path leaves the document (a missing child), the deepest node found is the answer.
    for (const segment of segments) {
      if (isAlias(node)) node = node.resolve(doc) as Node | undefined;
      if (isMap(node)) {
        // The last pair of a duplicated key, because that is the value the documents were read with.
        const pair = node.items.findLast((p) => isPair(p) && keyString(p.key) === segment) as Pair | undefined;
        if (!pair) break;
        holder = pair;
        node = pair.value as Node | null;
      } else if (isSeq(node) && /^\d+$/.test(segment) && Number(segment) < node.items.length) {
        holder = undefined;
        node = node.items[Number(segment)] as Node | null;
      } else {
        break;
      }
    }
    const keyNode = holder && isScalar(holder.key) ? holder.key : undefined;
    if (target === 'key' && keyNode?.range) return toRange(keyNode.range[0], keyNode.range[1]);
    // Collections are pointed at by their key (`sdg:`), which is the line a reader looks for.
    if ((isMap(node) || isSeq(node)) && keyNode?.range) return toRange(keyNode.range[0], keyNode.range[1]);
    if (node?.range) return toRange(node.range[0], node.range[1]);
    if (keyNode?.range) return toRange(keyNode.range[0], keyNode.range[1]);
    return { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
  };
}

function keyString(key: unknown): string {
  if (isScalar(key)) return String(key.value);
  return String(key);
}
