// Where the nodes of a YAML file are, found with one scan of its lines: the block style lamd's
// documents are written in (block maps and lists, one-line flow collections, plain, quoted and block
// scalars, comments). It gives the offsets the `yaml` package's syntax tree gives (locate.ts), at a
// small fraction of its cost, and says "unsure" for anything else, so the caller asks the tree.

/** A place to point at, as the syntax tree's tokens give it: where it starts, and where its own text ends. */
export interface Spot {
  from: number;
  /** Where the token's text ends; MULTI_LINE when it goes on past the end of its first line. */
  to: number;
}

/** The end of a node whose text goes past its first line (a collection, a folded scalar): its first line is the range. */
export const MULTI_LINE = Number.MAX_SAFE_INTEGER;

interface MapNode {
  kind: 'map';
  offset: number;
  entries: Map<string, Entry>;
}
interface SeqNode {
  kind: 'seq';
  offset: number;
  items: SeqItem[];
}
interface Leaf {
  kind: 'scalar';
  offset: number;
  /** Where its text ends, or undefined when the scan cannot tell exactly (a block scalar with a short first line). */
  to: number | undefined;
}
type Node = MapNode | SeqNode | Leaf;
interface Entry {
  key: number;
  keyEnd: number;
  value: Node | undefined;
}
interface SeqItem {
  /** The item's dash, for a block list's item; undefined in a flow list. */
  dash: number | undefined;
  value: Node | undefined;
}

/** The document's nodes, or undefined when the text uses YAML the scan does not read exactly. */
export type PositionTree = Node;

/** Thrown inside the scan at the first construct it does not model; caught by scanPositions. */
class Unsure extends Error {}
const unsure = (): never => {
  throw new Unsure();
};

interface Line {
  start: number;
  /** Index of the '\n' ending the line, or the text's length. */
  end: number;
  /** Spaces before the first character. */
  indent: number;
  kind: 'blank' | 'comment' | 'content';
}

/** The tree of a file's nodes, or undefined when the file needs the full syntax tree (see the module comment). */
export function scanPositions(text: string): PositionTree | undefined {
  // Tabs, CR line ends and a byte-order mark shift what the syntax tree counts; documents rarely have them.
  if (/[\t\r\uFEFF]/.test(text)) return undefined;
  try {
    return new Scan(text).document();
  } catch (error) {
    if (error instanceof Unsure) return undefined;
    throw error;
  }
}

/**
 * The spot a JSON Pointer leads to, walked as locate.ts walks the syntax tree: the value; its key for
 * `key` or for a collection; where the path leaves the document, the deepest node found; an empty list
 * item by its dash; null for the document's first position. undefined: the scan cannot tell exactly.
 */
export function spotOf(tree: PositionTree, segments: readonly string[], target: 'value' | 'key'): Spot | null | undefined {
  let node: Node | undefined = tree;
  let holder: Entry | undefined;
  for (const segment of segments) {
    if (node.kind === 'map') {
      const entry: Entry | undefined = node.entries.get(segment);
      if (!entry) break;
      holder = entry;
      node = entry.value;
      if (!node) break;
    } else if (node.kind === 'seq' && /^\d+$/.test(segment) && Number(segment) < node.items.length) {
      holder = undefined;
      const item: SeqItem = node.items[Number(segment)]!;
      node = item.value;
      if (!node) {
        if (item.dash !== undefined) return { from: item.dash, to: item.dash + 1 };
        return undefined;
      }
    } else {
      // The tree counts a comment after a block list's last item, or a flow list's trailing comma,
      // as one more item without a value: past the end of a list, only the tree knows what it holds.
      if (node.kind === 'seq' && /^\d+$/.test(segment)) return undefined;
      break;
    }
  }
  const key = holder ? { from: holder.key, to: holder.keyEnd } : undefined;
  if (target === 'key' && key) return key;
  if (node && node.kind !== 'scalar' && key) return key;
  if (node) {
    if (node.kind !== 'scalar') return { from: node.offset, to: MULTI_LINE };
    return node.to === undefined ? undefined : { from: node.offset, to: node.to };
  }
  return key ?? null;
}

const PLAIN_FORBIDDEN_START = /[&*!|>%@`#,[\]{}'"?:-]/;

class Scan {
  private readonly lines: Line[] = [];

  constructor(private readonly text: string) {
    for (let start = 0; start <= text.length; ) {
      let end = text.indexOf('\n', start);
      if (end === -1) end = text.length;
      let indent = 0;
      while (text.charCodeAt(start + indent) === 32) indent++;
      const first = start + indent < end ? text[start + indent] : undefined;
      this.lines.push({ start, end, indent, kind: first === undefined ? 'blank' : first === '#' ? 'comment' : 'content' });
      start = end + 1;
    }
  }

  document(): Node {
    const first = this.nextContent(0);
    if (first === undefined) return unsure();
    for (let i = 0; i < first; i++) if (this.isMarker(i)) unsure();
    const { node, next } = this.blockNode(first);
    // Anything after the root but comments (a second document, text out of place): the tree decides.
    if (this.nextContent(next) !== undefined) unsure();
    return node;
  }

  /** `---`, `...` and `%` directives: documents with them are left to the syntax tree. */
  private isMarker(i: number): boolean {
    const line = this.text.slice(this.lines[i]!.start, this.lines[i]!.start + 3);
    return line === '---' || line === '...' || line.startsWith('%');
  }

  /** The first line at or after `i` with content (not blank, not only a comment). */
  private nextContent(i: number): number | undefined {
    for (; i < this.lines.length; i++) {
      const line = this.lines[i]!;
      if (line.kind === 'content') {
        if (line.indent === 0 && this.isMarker(i)) unsure();
        return i;
      }
      if (line.kind === 'comment' && line.indent === 0 && this.isMarker(i)) unsure();
    }
    return undefined;
  }

  /** A block collection starting at the first character of line `i`. */
  private blockNode(i: number): { node: Node; next: number } {
    const line = this.lines[i]!;
    const at = line.start + line.indent;
    if (this.isDash(at, line.end)) return this.blockSeq(i, line.indent);
    if (this.keyAt(at, line.end)) return this.blockMap(i, line.indent, at);
    return unsure();
  }

  private isDash(at: number, end: number): boolean {
    return this.text[at] === '-' && (at + 1 === end || this.text[at + 1] === ' ');
  }

  private blockMap(i: number, column: number, firstKey: number): { node: MapNode; next: number } {
    const node: MapNode = { kind: 'map', offset: firstKey, entries: new Map() };
    let at = firstKey;
    for (;;) {
      const line = this.lines[i]!;
      const key = this.keyAt(at, line.end) ?? unsure();
      const { value, next } = this.value(skipSpaces(this.text, key.colon + 1, line.end), i, column, true);
      node.entries.set(key.text, { key: at, keyEnd: key.end, value });
      const following = this.nextContent(next);
      if (following === undefined) return { node, next: this.lines.length };
      const indent = this.lines[following]!.indent;
      if (indent < column) return { node, next: following };
      if (indent > column) unsure();
      at = this.lines[following]!.start + column;
      // A dash at the map's own indentation belongs to an enclosing list (`- a: 1` then `- a: 2`).
      if (this.isDash(at, this.lines[following]!.end)) return { node, next: following };
      i = following;
    }
  }

  private blockSeq(i: number, column: number): { node: SeqNode; next: number } {
    const node: SeqNode = { kind: 'seq', offset: this.lines[i]!.start + column, items: [] };
    for (;;) {
      const line = this.lines[i]!;
      const dash = line.start + column;
      const at = skipSpaces(this.text, dash + 1, line.end);
      let item: { value: Node | undefined; next: number };
      if (at < line.end && this.text[at] !== '#' && this.keyAt(at, line.end)) {
        // `- id: x` and the lines under it: a map whose column is where its first key is written.
        const map = this.blockMap(i, at - line.start, at);
        item = { value: map.node, next: map.next };
      } else {
        if (this.isDash(at, line.end)) unsure(); // `- - x`, a list in a list on one line
        item = this.value(at, i, column, false);
      }
      node.items.push({ dash, value: item.value });
      const following = this.nextContent(item.next);
      if (following === undefined) return { node, next: this.lines.length };
      const next = this.lines[following]!;
      if (next.indent < column) return { node, next: following };
      if (next.indent > column) unsure();
      if (!this.isDash(next.start + column, next.end)) return { node, next: following };
      i = following;
    }
  }

  /**
   * The value starting at `at` on line `i` (after `key:` or `- `), inside a collection at `column`;
   * `inMap` says a list may follow at the map's own indentation (`key:` then `- item`).
   */
  private value(at: number, i: number, column: number, inMap: boolean): { value: Node | undefined; next: number } {
    const line = this.lines[i]!;
    const text = this.text;
    if (at >= line.end || text[at] === '#') {
      // Nothing on the line: the value is the block under it, or there is none (null).
      const following = this.nextContent(i + 1);
      if (following === undefined) return { value: undefined, next: i + 1 };
      const next = this.lines[following]!;
      if (next.indent > column) return this.blockValue(following);
      if (inMap && next.indent === column && this.isDash(next.start + column, next.end)) return this.blockValue(following);
      return { value: undefined, next: i + 1 };
    }
    const c = text[at]!;
    if (c === '|' || c === '>') return this.blockScalar(at, i, column);
    if (c === '{' || c === '[') {
      const flow = this.flow(at, line.end);
      this.endOfLine(flow.end, line.end);
      return { value: flow.node, next: i + 1 };
    }
    if (c === '"' || c === "'") {
      const close = this.quoteEnd(at, line.end) ?? unsure();
      this.endOfLine(close, line.end);
      return { value: { kind: 'scalar', offset: at, to: close }, next: i + 1 };
    }
    if (PLAIN_FORBIDDEN_START.test(c) && !(c === '-' && text[at + 1] !== ' ' && at + 1 < line.end)) unsure();
    let end = at;
    while (end < line.end && !(text.charCodeAt(end) === 32 && text.charCodeAt(end + 1) === 35)) end++; // up to ` #`
    while (end > at && text[end - 1] === ' ') end--;
    const written = text.slice(at, end);
    if (written.includes(': ') || written.endsWith(':')) unsure();
    // A plain scalar goes on over more indented lines (folded); a comment line would end it, oddly.
    let next = i + 1;
    let folded = false;
    for (; next < this.lines.length; next++) {
      const l = this.lines[next]!;
      if (l.kind === 'blank') continue;
      if (l.indent <= column) break;
      if (l.kind === 'comment') unsure();
      folded = true;
    }
    if (!folded) next = i + 1;
    return { value: { kind: 'scalar', offset: at, to: folded ? MULTI_LINE : end }, next };
  }

  /** A map or a list written under its key or dash, on the lines from `i`. */
  private blockValue(i: number): { value: Node; next: number } {
    const { node, next } = this.blockNode(i);
    return { value: node, next };
  }

  /** `|` or `>` with its chomping sign; its body is every blank or more indented line below. */
  private blockScalar(at: number, i: number, column: number): { value: Leaf; next: number } {
    const line = this.lines[i]!;
    const header = /^[|>][+-]?(?= |$)/.exec(this.text.slice(at, line.end)) ?? unsure();
    this.endOfLine(at + header[0].length, line.end);
    let next = i + 1;
    let firstText: Line | undefined;
    for (; next < this.lines.length; next++) {
      const l = this.lines[next]!;
      if (l.kind !== 'blank' && l.indent <= column) break;
      if (l.kind !== 'blank') firstText ??= l;
    }
    // The tree's token ends at the header plus the body's length; it reaches past the header's line
    // when the body up to its first written line is longer than the rest of the header's line.
    const bodyStart = line.end + 1;
    const through = firstText ? Math.min(firstText.end + 1, this.text.length) - bodyStart : 0;
    return { value: { kind: 'scalar', offset: at, to: through > line.end - at ? MULTI_LINE : undefined }, next };
  }

  /** Only spaces and a comment may follow a value on its line. */
  private endOfLine(at: number, end: number): void {
    at = skipSpaces(this.text, at, end);
    if (at < end && !(this.text[at] === '#' && this.text[at - 1] === ' ')) unsure();
  }

  /** Where a quoted scalar starting at `at` ends (after its closing quote), if on the same line. */
  private quoteEnd(at: number, end: number): number | undefined {
    const text = this.text;
    const quote = text[at];
    for (let j = at + 1; j < end; j++) {
      const c = text[j];
      if (quote === '"' && c === '\\') j++;
      else if (c === quote) {
        if (quote === "'" && text[j + 1] === "'") j++;
        else return j + 1;
      }
    }
    return undefined;
  }

  /** A key written at `at`: its text as the document reads it, where it ends, and its colon. */
  private keyAt(at: number, end: number): { text: string; end: number; colon: number } | undefined {
    const text = this.text;
    const c = text[at];
    if (c === undefined || at >= end) return undefined;
    if (c === '"' || c === "'") {
      const close = this.quoteEnd(at, end);
      if (close === undefined) return undefined;
      const colon = skipSpaces(text, close, end);
      if (text[colon] !== ':' || !(colon + 1 === end || text[colon + 1] === ' ')) return undefined;
      return { text: unquote(text.slice(at, close)), end: close, colon };
    }
    if (PLAIN_FORBIDDEN_START.test(c) && !(c === '-' && text[at + 1] !== ' ' && at + 1 < end)) return undefined;
    for (let j = at; j < end; j++) {
      if (text[j] === ' ' && text[j + 1] === '#') return undefined;
      if (text[j] === ':' && (j + 1 === end || text[j + 1] === ' ')) {
        let keyEnd = j;
        while (keyEnd > at && text[keyEnd - 1] === ' ') keyEnd--;
        return { text: text.slice(at, keyEnd), end: keyEnd, colon: j };
      }
    }
    return undefined;
  }

  /** A flow collection (`{…}` or `[…]`) closed on its own line; anything else is unsure. */
  private flow(at: number, end: number): { node: Node; end: number } {
    const text = this.text;
    const open = text[at]!;
    const close = open === '{' ? '}' : ']';
    const map: MapNode = { kind: 'map', offset: at, entries: new Map() };
    const seq: SeqNode = { kind: 'seq', offset: at, items: [] };
    let j = skipSpaces(text, at + 1, end);
    if (text[j] === close) return { node: open === '{' ? map : seq, end: j + 1 };
    for (;;) {
      if (open === '{') {
        const key = this.flowScalar(j, end, true);
        if (key.kind !== 'scalar' || key.keyText === undefined) return unsure();
        let k = skipSpaces(text, key.end, end);
        if (text[k] !== ':') unsure();
        k = skipSpaces(text, k + 1, end);
        const value = this.flowItem(k, end);
        map.entries.set(key.keyText, { key: j, keyEnd: key.end, value: value.node });
        j = skipSpaces(text, value.end, end);
      } else {
        const value = this.flowItem(j, end);
        seq.items.push({ dash: undefined, value: value.node });
        j = skipSpaces(text, value.end, end);
        if (text[j] === ':') unsure(); // `[a: 1]`, a pair in a list
      }
      if (text[j] === close) return { node: open === '{' ? map : seq, end: j + 1 };
      if (text[j] !== ',') unsure();
      j = skipSpaces(text, j + 1, end);
      if (text[j] === close) return { node: open === '{' ? map : seq, end: j + 1 };
    }
  }

  private flowItem(at: number, end: number): { node: Node; end: number } {
    const c = this.text[at];
    if (c === '{' || c === '[') return this.flow(at, end);
    const scalar = this.flowScalar(at, end, false);
    return { node: { kind: 'scalar', offset: at, to: scalar.end }, end: scalar.end };
  }

  /** A quoted or plain scalar inside a flow collection; as a key, its text as the document reads it. */
  private flowScalar(at: number, end: number, isKey: boolean): { kind: 'scalar'; end: number; keyText?: string } {
    const text = this.text;
    const c = text[at];
    if (c === undefined || at >= end) return unsure();
    if (c === '"' || c === "'") {
      const close = this.quoteEnd(at, end) ?? unsure();
      return { kind: 'scalar', end: close, ...(isKey && { keyText: unquote(text.slice(at, close)) }) };
    }
    if (PLAIN_FORBIDDEN_START.test(c) && !(c === '-' && /[^\s,[\]{}]/.test(text[at + 1] ?? ''))) unsure();
    let j = at;
    for (; j < end; j++) {
      const d = text[j];
      if (d === ',' || d === '[' || d === ']' || d === '{' || d === '}') break;
      if (d === ':' && /[\s,[\]{}]/.test(text[j + 1] ?? ' ')) break;
      if (d === ' ' && text[j + 1] === '#') unsure();
    }
    let last = j;
    while (last > at && text[last - 1] === ' ') last--;
    if (last === at) unsure();
    return { kind: 'scalar', end: last, ...(isKey && { keyText: text.slice(at, last) }) };
  }
}

function skipSpaces(text: string, at: number, end: number): number {
  while (at < end && text.charCodeAt(at) === 32) at++;
  return at;
}

/** A quoted key's text: single quotes double their quote; double quotes take JSON's escapes here, else unsure. */
function unquote(written: string): string {
  if (written[0] === "'") return written.slice(1, -1).replace(/''/g, "'");
  if (!written.includes('\\')) return written.slice(1, -1);
  try {
    return JSON.parse(written) as string;
  } catch {
    return unsure();
  }
}
