// Finds where a JSON Pointer lives in a YAML file. Built only for files that have something to
// report: in a file the block reader read, by walking its lines to the pointer's node; otherwise, or
// past a file's first findings, from one scan of the file's lines (both in yaml-positions.ts, on the
// LF text of a file saved with CR LF), which reads the block style documents are written in; for
// anything those are unsure of, from the `yaml`
// package's concrete syntax tree, which keeps every token's offset but costs about ten times
// js-yaml's whole parse. All give the same positions (test/workspace/locate-equivalence.test.ts and
// block-positions.test.ts hold them to it).
import type { CST } from 'yaml';
import { requireVendored } from '../vendored.js';
import type { Range } from '../diagnostics.js';
import { pointerSegments } from '../diagnostics.js';
import { hasLoneCarriageReturn, lineStarts, positionAt } from './text-positions.js';
import { blockWalker, MULTI_LINE, scanPositions, spotOf, type PositionTree, type Spot } from './yaml-positions.js';

/** What to point at: the value itself, its key (for an unknown property), or where a child is missing. */
export type Target = 'value' | 'key';

export type Locator = (pointer: string, target?: Target) => Range;

type Token = CST.Token;
type Item = CST.CollectionItem;

/**
 * Largest text whose syntax tree is built for positions. The tree costs about ten times js-yaml's
 * parse; for a file of megabytes that alone would break the time bound of issue 18, so a larger
 * file gets coarse positions (coarseLocator): a problem is shown at the top-level field it lies in.
 */
export const MAX_EXACT_LOCATE_CHARS = 1024 * 1024;

/**
 * Pointers a locator walks to one by one (blockSpotOf) before it scans the whole file once: a walk
 * costs a few lines for a finding, the scan the whole file, so only a file with many findings scans.
 */
const WALKS_BEFORE_SCAN = 16;

/**
 * The locator of a file's text. `blockRead`: the block reader (yaml-block.ts) read this very text,
 * so a pointer's place can be found by walking its lines to it (yaml-positions.ts, blockSpotOf), for
 * the first `walks` pointers.
 */
export function createLocator(text: string, blockRead = false, walks = WALKS_BEFORE_SCAN): Locator {
  if (text.length > MAX_EXACT_LOCATE_CHARS) return coarseLocator(text);
  const toRange = rangeMaker(text);
  // The walk and the scan read lines ended by LF alone; a file saved on Windows (CR LF) is read as
  // that text with its CRs left out, and their spots put back at the same line and column.
  const lines = withoutCarriageReturns(text);
  const scanned = lines?.text ?? text;
  const back = lines?.back ?? ((spot: Spot) => spot);
  let tree: PositionTree | undefined | null = null;
  let slow: ((pointer: string, target: Target) => Spot | null) | undefined;
  const walk = blockRead ? blockWalker(scanned) : undefined;
  return (pointer, target = 'value') => {
    const segments = pointerSegments(pointer);
    let spot: Spot | null | undefined;
    if (walk && walks > 0) {
      walks--;
      spot = walk(segments, target);
    }
    if (spot === undefined) {
      if (tree === null) tree = scanPositions(scanned);
      if (tree !== undefined) spot = spotOf(tree, segments, target);
    }
    if (spot) spot = back(spot);
    else if (spot === undefined) spot = (slow ??= treeSpots(text))(pointer, target);
    return spot ? toRange(spot.from, spot.to) : FIRST;
  };
}

/**
 * A text whose lines end in CR LF, with its CRs left out, and the way back from a spot in it to the
 * same line and column of the text; undefined for a text without CR, or with a CR that ends no
 * line as LF does (a line break of its own to YAML: the syntax tree's to place).
 */
function withoutCarriageReturns(text: string): { text: string; back: (spot: Spot) => Spot } | undefined {
  if (!text.includes('\r') || hasLoneCarriageReturn(text)) return undefined;
  const lf = text.replaceAll('\r\n', '\n');
  const lfStarts = lineStarts(lf);
  const starts = lineStarts(text);
  const moved = (offset: number): number => {
    if (offset === MULTI_LINE) return offset;
    const { line, column } = positionAt(lfStarts, offset);
    return starts[line - 1]! + column - 1;
  };
  return { text: lf, back: (spot) => ({ from: moved(spot.from), to: moved(spot.to) }) };
}

/** The locator that reads the `yaml` package's syntax tree only: what createLocator falls back to, and the reference its tests hold the scan to. */
export function createTreeLocator(text: string): Locator {
  const toRange = rangeMaker(text);
  const spots = treeSpots(text);
  return (pointer, target = 'value') => {
    const spot = spots(pointer, target);
    return spot ? toRange(spot.from, spot.to) : FIRST;
  };
}

/**
 * The `yaml` package, loaded the first time a file needs its syntax tree: most runs never do, and
 * loading it would cost more than locating every finding of a run. Locators are synchronous, so it
 * is required (its CommonJS build) rather than imported.
 */
let yamlPackage: typeof import('yaml') | undefined;
function yaml(): typeof import('yaml') {
  return (yamlPackage ??= requireVendored('yaml') as typeof import('yaml'));
}

const FIRST: Range = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };

/** Positions found before the line starts of the whole text are worth listing: a few are counted from the top. */
const COUNTED_POSITIONS = 8;

function rangeMaker(text: string): (from: number, to: number) => Range {
  let starts: number[] | undefined;
  let counted = 0;
  return (from, to) => {
    // A range ends where its first line ends: code frames show one line, and a block's end is noise.
    const lineEnd = text.indexOf('\n', from);
    const end = Math.max(from, lineEnd !== -1 && lineEnd < to ? lineEnd : to);
    if (starts === undefined && counted++ < COUNTED_POSITIONS) {
      // The range is on one line: count the lines above it, rather than list every line of the file.
      let line = 1;
      let lineStart = 0;
      for (let at = text.indexOf('\n'); at !== -1 && at < from; at = text.indexOf('\n', at + 1)) {
        line++;
        lineStart = at + 1;
      }
      return { start: { line, column: from - lineStart + 1 }, end: { line, column: end - lineStart + 1 } };
    }
    starts ??= lineStarts(text);
    return { start: positionAt(starts, from), end: positionAt(starts, end) };
  };
}

/** Spots from the syntax tree: the value, its key, the deepest node on the way, or null for the document's start. */
function treeSpots(text: string): (pointer: string, target: Target) => Spot | null {
  let root: Token | undefined;
  let parsed = false;
  const spot = (from: number, to: number): Spot => ({ from, to });
  return (pointer, target) => {
    if (!parsed) {
      parsed = true;
      for (const token of new (yaml().Parser)().parse(text)) {
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
        const item: Item | undefined = keyIndex(node).get(segment);
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
          if (dash) return spot(dash.offset, dash.offset + 1);
          break;
        }
      } else {
        break;
      }
    }
    const key = holder?.key && yaml().CST.isScalar(holder.key) ? holder.key : undefined;
    if (target === 'key' && key) return spot(key.offset, end(key));
    // Collections are pointed at by their key (`sdg:`), which is the line a reader looks for.
    if (node && (isMap(node) || isSeq(node)) && key) return spot(key.offset, end(key));
    if (node && node !== holder?.key) return spot(node.offset, end(node));
    if (key) return spot(key.offset, end(key));
    return null;
  };
}

const indexes = new WeakMap<Token, Map<string, Item>>();

/**
 * A mapping's items by key, built once per mapping: looking each pointer up by a scan of the items
 * made a file of thousands of findings in one mapping quadratic. The last pair of a duplicated key
 * wins, because that is the value the documents were read with.
 */
function keyIndex(map: CST.BlockMap | CST.FlowCollection): Map<string, Item> {
  let index = indexes.get(map);
  if (!index) {
    index = new Map();
    for (const item of map.items) {
      const key = item.key !== undefined && item.key !== null ? keyText(item.key) : undefined;
      if (key !== undefined) index.set(key, item);
    }
    indexes.set(map, index);
  }
  return index;
}

function isMap(token: Token | undefined): token is CST.BlockMap | CST.FlowCollection {
  return token?.type === 'block-map' || (token?.type === 'flow-collection' && token.start.source === '{');
}

function isSeq(token: Token | undefined): token is CST.BlockSequence | CST.FlowCollection {
  return token?.type === 'block-seq' || (token?.type === 'flow-collection' && token.start.source === '[');
}

/** A key as the document's value has it: the scalar's text, unquoted and unescaped. */
function keyText(token: Token): string | undefined {
  const { CST: cst } = yaml();
  return cst.isScalar(token) ? cst.resolveAsScalar(token)?.value : undefined;
}

/** Where a token's own text ends: a scalar's last character; for a collection, as far as its first line goes. */
function end(token: Token): number {
  if ('source' in token && typeof token.source === 'string') return token.offset + token.source.length;
  return Number.MAX_SAFE_INTEGER;
}

/**
 * Positions without a syntax tree, for very large files: the line of the top-level key a pointer
 * starts with (found with one scan of line starts), or the first line. Lamd's documents are far
 * below the size where this applies; it keeps a generated or pasted file of megabytes fast.
 */
function coarseLocator(text: string): Locator {
  const starts = lineStarts(text);
  const first = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
  let keys: Map<string, Range> | undefined;
  return (pointer) => {
    const top = pointerSegments(pointer)[0];
    if (top === undefined) return first;
    keys ??= topLevelKeys(text, starts);
    return keys.get(top) ?? first;
  };
}

/** Every key written at the start of a line (plain or quoted), with its range: one pass over the lines. */
function topLevelKeys(text: string, starts: readonly number[]): Map<string, Range> {
  const keys = new Map<string, Range>();
  for (const start of starts) {
    const c = text[start];
    if (c === undefined || c === ' ' || c === '\t' || c === '#' || c === '-' || c === '\n' || c === '\r') continue;
    const match = /^("(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'|[^:#\n]*?)[ \t]*:(?:[ \t\r]|$)/m.exec(text.slice(start, start + 1024));
    if (!match) continue;
    const written = match[1]!;
    let key = written;
    try {
      if (written.startsWith('"')) key = JSON.parse(written) as string;
      else if (written.startsWith("'")) key = written.slice(1, -1).replace(/''/g, "'");
    } catch {
      key = written;
    }
    // The last of a duplicated key, as in exact positions: the value the documents were read with.
    keys.set(key, { start: positionAt(starts, start), end: positionAt(starts, start + written.length) });
  }
  return keys;
}
