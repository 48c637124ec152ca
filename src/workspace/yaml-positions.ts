// Where the nodes of a YAML file are, found with one scan of its lines: the block style lamd's
// documents are written in (block maps and lists, one-line flow collections, plain, quoted and block
// scalars, comments). It gives the offsets the `yaml` package's syntax tree gives (locate.ts), at a
// small fraction of its cost, and says "unsure" for anything else, so the caller asks the tree. In a
// text the block reader took, one pointer's node is found by walking only the lines on the way to it.

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

/** A line's kind, in Lines.kind. */
const BLANK = 0;
const COMMENT = 1;
const CONTENT = 2;

/**
 * The file's lines, column by column in typed arrays rather than an object per line: a run locating
 * findings in thousands of files would otherwise spend more time collecting those objects than scanning.
 */
interface Lines {
  count: number;
  start: Int32Array;
  /** Index of the '\n' ending the line, or the text's length. */
  end: Int32Array;
  /** Spaces before the first character. */
  indent: Int32Array;
  kind: Uint8Array;
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
  return spotFound(node, holder ? { from: holder.key, to: holder.keyEnd } : undefined, target);
}

/**
 * Where a walk to a pointer ends: at `node`, the deepest node reached (undefined when the path ended
 * at a key without a value), whose key is `key`.
 */
function spotFound(node: { kind: string; offset: number; to?: number | undefined } | undefined, key: Spot | undefined, target: 'value' | 'key'): Spot | null | undefined {
  if (target === 'key' && key) return key;
  if (node && node.kind !== 'scalar' && key) return key;
  if (node) {
    if (node.kind !== 'scalar') return { from: node.offset, to: MULTI_LINE };
    return node.to === undefined ? undefined : { from: node.offset, to: node.to };
  }
  return key ?? null;
}

/**
 * spotOf for a text the block reader (yaml-block.ts) read, without scanning the whole file: it walks
 * the lines from the top to the pointer's node, stepping over every other entry by its indentation.
 * That is exact only because the reader took the text: no value then goes on over lines less
 * indented than its own (no multi-line quoted scalar or flow collection), no document markers, tabs
 * or duplicate keys. Where the full scan would be unsure of the nodes it reaches, so is this one
 * (undefined); other texts (CR line ends included) are always undefined.
 */
export function blockSpotOf(text: string, segments: readonly string[], target: 'value' | 'key'): Spot | null | undefined {
  return blockWalker(text)?.(segments, target);
}

/**
 * How many keys and items the walk found by searching for their lines (keyLine, itemLine) rather than
 * by stepping: the steps give the same answers, so only this tells the tests that the search is taken.
 */
export const SEARCHES_ANSWERED = { keys: 0, items: 0 };

/** blockSpotOf for many pointers into one text, which is looked at once for what the walk cannot take. */
export function blockWalker(text: string): ((segments: readonly string[], target: 'value' | 'key') => Spot | null | undefined) | undefined {
  if (text.includes('\r')) return undefined;
  const walk = new Walk(text);
  return (segments, target) => {
    try {
      return walk.spot(segments, target);
    } catch (error) {
      if (error instanceof Unsure) return undefined;
      throw error;
    }
  };
}

/** A block collection met on the way, not read: its first entry (a key or a dash), the column of its entries, the start of its first line. */
interface Block {
  kind: 'block-map' | 'block-seq';
  offset: number;
  column: number;
  lineStart: number;
  /** What earlier walks found in it, by key or index: a file's findings often share the start of their paths. */
  found?: Map<string | number, WalkEntry | WalkItem | undefined>;
}

interface WalkEntry {
  key: number;
  keyEnd: number;
  value: Reached | undefined;
}

interface WalkItem {
  dash: number | undefined;
  value: Reached | undefined;
}

/** What the walk holds at each step: a block collection still unread, or a node read on one line (a scalar, a flow collection). */
type Reached = Block | Node;

/** The pointer-directed walk of blockSpotOf; lines are known by where they start. */
class Walk {
  /** The document's root collection, once a walk has found it. */
  private root: Block | undefined;
  /** What nextContent found: the indentation and the end of the line. */
  private found = 0;
  private foundEnd = 0;

  constructor(private readonly text: string) {}

  spot(segments: readonly string[], target: 'value' | 'key'): Spot | null | undefined {
    if (this.root === undefined) {
      const first = this.nextContent(0);
      if (first === -1) return unsure();
      this.root = this.blockNode(first);
    }
    let node: Reached | undefined = this.root;
    let key: Spot | undefined;
    for (const segment of segments) {
      if (node.kind === 'block-map' || node.kind === 'map') {
        const entry: WalkEntry | undefined = node.kind === 'map' ? node.entries.get(segment) : this.remembered(node, segment, () => this.entry(node as Block, segment));
        if (!entry) break;
        key = { from: entry.key, to: entry.keyEnd };
        node = entry.value;
        if (!node) break;
      } else if ((node.kind === 'block-seq' || node.kind === 'seq') && /^\d+$/.test(segment)) {
        const index = Number(segment);
        const item: WalkItem | undefined = node.kind === 'seq' ? node.items[index] : this.remembered(node, index, () => this.item(node as Block, index));
        // Past the end of a list only the syntax tree knows (see spotOf).
        if (!item) return undefined;
        key = undefined;
        node = item.value;
        if (!node) return item.dash !== undefined ? { from: item.dash, to: item.dash + 1 } : undefined;
      } else {
        break;
      }
    }
    return spotFound(node, key, target);
  }

  /** What `find` finds in `block` under `key`, found once per walk of the file. */
  private remembered<T extends WalkEntry | WalkItem>(block: Block, key: string | number, find: () => T | undefined): T | undefined {
    const found = (block.found ??= new Map());
    if (found.has(key)) return found.get(key) as T | undefined;
    const value = find();
    found.set(key, value);
    return value;
  }

  /** Where the line holding `at` ends (its '\n', or the text's end). */
  private lineEnd(at: number): number {
    const end = this.text.indexOf('\n', at);
    return end === -1 ? this.text.length : end;
  }

  private indent(lineStart: number): number {
    let at = lineStart;
    while (this.text.charCodeAt(at) === SPACE) at++;
    return at - lineStart;
  }

  /**
   * The start of the first line at or after the line starting at `lineStart` that is neither blank
   * nor only a comment; -1 at the end. Its indentation is left in `found`, its end in `foundEnd`.
   */
  private nextContent(lineStart: number): number {
    const text = this.text;
    while (lineStart <= text.length) {
      let at = lineStart;
      while (text.charCodeAt(at) === SPACE) at++;
      const c = text.charCodeAt(at);
      const end = this.lineEnd(at);
      if (at < text.length && c !== LF && c !== HASH) {
        this.found = at - lineStart;
        this.foundEnd = end;
        return lineStart;
      }
      lineStart = end + 1;
    }
    return -1;
  }

  /** The block collection whose first line starts at `lineStart` (see Scan.blockNode). */
  private blockNode(lineStart: number): Block {
    const column = this.indent(lineStart);
    const at = lineStart + column;
    const end = this.lineEnd(at);
    if (isDash(this.text, at, end)) return { kind: 'block-seq', offset: at, column, lineStart };
    if (keyAt(this.text, at, end)) return { kind: 'block-map', offset: at, column, lineStart };
    return unsure();
  }

  /** The entry of a block map with the key `segment`, its value read as Scan.value reads it; undefined when there is none. */
  private entry(map: Block, segment: string): WalkEntry | undefined {
    const text = this.text;
    const column = map.column;
    const jump = this.keyLine(map, segment);
    if (jump !== -1) {
      const lineEnd = this.lineEnd(jump);
      const key = keyAt(text, jump, lineEnd) ?? unsure();
      return { key: jump, keyEnd: key.end, value: this.value(skipSpaces(text, key.colon + 1, lineEnd), lineEnd, column, true) };
    }
    let at = map.offset;
    for (;;) {
      const lineEnd = this.lineEnd(at);
      const key = keyAt(text, at, lineEnd) ?? unsure();
      const valueAt = skipSpaces(text, key.colon + 1, lineEnd);
      if (key.text === segment) return { key: at, keyEnd: key.end, value: this.value(valueAt, lineEnd, column, true) };
      // Past this entry's value: the lines more indented than the map's keys, and a list written in
      // the keys' own column (`key:` then `- item`) when nothing follows the colon.
      let next = this.nextContent(lineEnd + 1);
      const bare = valueAt === lineEnd || text.charCodeAt(valueAt) === HASH;
      const listInColumn = bare && next !== -1 && this.found === column && isDash(this.text, next + column, this.foundEnd);
      for (; next !== -1; next = this.nextContent(this.foundEnd + 1)) {
        if (this.found > column) continue;
        if (!(listInColumn && this.found === column && isDash(this.text, next + column, this.foundEnd))) break;
      }
      if (next === -1 || this.found < column) return undefined;
      at = next + column;
      // A dash in the map's column after its entries: the next item of an enclosing list.
      if (isDash(this.text, at, this.foundEnd)) return undefined;
    }
  }

  /** The item of a block list at `index`, by its dash and its value (see Scan.blockSeq); undefined past the list's end. */
  private item(seq: Block, index: number): WalkItem | undefined {
    const column = seq.column;
    const jump = index > 0 ? this.itemLine(seq, index) : -1;
    if (jump !== -1) return this.itemAt(jump, column);
    let lineStart = seq.lineStart;
    for (let n = 0; ; n++) {
      const dash = lineStart + column;
      const lineEnd = this.lineEnd(dash);
      if (n === index) return this.itemAt(lineStart, column);
      let next = this.nextContent(lineEnd + 1);
      while (next !== -1 && this.found > column) next = this.nextContent(this.foundEnd + 1);
      if (next === -1 || this.found < column || !isDash(this.text, next + column, this.foundEnd)) return undefined;
      lineStart = next;
    }
  }

  /** The item of a block list at `column` whose dash is on the line starting at `lineStart`. */
  private itemAt(lineStart: number, column: number): WalkItem {
    const text = this.text;
    const dash = lineStart + column;
    const lineEnd = this.lineEnd(dash);
    const at = skipSpaces(text, dash + 1, lineEnd);
    // `- id: x` and the lines under it: a map whose column is where its first key is written.
    if (at < lineEnd && text.charCodeAt(at) !== HASH && keyAt(text, at, lineEnd)) return { dash, value: { kind: 'block-map', offset: at, column: at - lineStart, lineStart } };
    if (isDash(this.text, at, lineEnd)) unsure(); // `- - x`, a list in a list on one line
    return { dash, value: this.value(at, lineEnd, column, false) };
  }

  /**
   * Where the key `segment` of a block map is written, found by searching the text for its line
   * rather than stepping over every entry before it (a file's findings are walked to one by one,
   * and the steps, in code run a few thousand times, cost more than a regular expression's search);
   * -1 when the search cannot tell, and the entries are stepped over. In a text the block reader
   * took, a line whose first character is in the map's column, before the first line less indented,
   * is one of its entries (values go on over more indented lines only), and keys are not repeated.
   * The search stops at the first line that is the key's, less indented, or a list item in the
   * map's column (a list written in the keys' column, `key:` then `- item`, which the steps read);
   * a quoted key, the first key and keys the pattern does not take are left to the steps too.
   */
  private keyLine(map: Block, segment: string): number {
    if (segment.length > LONGEST_SEARCHED_KEY || !SEARCHABLE_KEY.test(segment)) return -1;
    // The first key is on the map's first line, which the search (after a line break) does not see.
    if (this.text.startsWith(segment, map.offset)) return -1;
    const pattern = keyPattern(map.column, segment);
    pattern.lastIndex = map.offset;
    const found = pattern.exec(this.text);
    if (found === null || found[1] === undefined) return -1;
    SEARCHES_ANSWERED.keys++;
    return found.index + 1 + map.column;
  }

  /**
   * The start of the line of the `index`th item of a block list (index > 0), found by searching for
   * the lines in the list's column or less indented (see keyLine); -1 when the list ends before it,
   * which the steps then say.
   */
  private itemLine(seq: Block, index: number): number {
    const pattern = outlinePattern(seq.column);
    const text = this.text;
    let at = seq.lineStart;
    for (let n = 0; n < index; n++) {
      pattern.lastIndex = at;
      const found = pattern.exec(text);
      if (found === null) return -1;
      at = found.index + 1;
      if (found[0].length !== seq.column + 2 || !isDash(text, at + seq.column, this.lineEnd(at))) return -1;
    }
    SEARCHES_ANSWERED.items++;
    return at;
  }

  /** The value at `at` on a line ending at `lineEnd`, in a collection at `column`: as Scan.value reads it, a block collection left unread. */
  private value(at: number, lineEnd: number, column: number, inMap: boolean): Reached | undefined {
    const text = this.text;
    const c = at < lineEnd ? text.charCodeAt(at) : -1;
    if (c === -1 || c === HASH) {
      const following = this.nextContent(lineEnd + 1);
      if (following === -1) return undefined;
      if (this.found > column) return this.blockNode(following);
      if (inMap && this.found === column && isDash(this.text, following + column, this.foundEnd)) return this.blockNode(following);
      return undefined;
    }
    if (c === 124 /* | */ || c === 62 /* > */) return this.blockScalar(at, lineEnd, column);
    if (c === 123 /* { */ || c === 91 /* [ */) {
      const collection = flow(text, at, lineEnd);
      endOfLine(text, collection.end, lineEnd);
      return collection.node;
    }
    if (c === QUOTE || c === APOSTROPHE) {
      const close = quoteEnd(text, at, lineEnd) ?? unsure();
      endOfLine(text, close, lineEnd);
      return { kind: 'scalar', offset: at, to: close };
    }
    const end = plainScalarEnd(text, at, lineEnd);
    // As Scan.value: more indented lines go on with it (folded), a comment line among them is unsure.
    for (let next = lineEnd + 1; next <= text.length; next = this.lineEnd(next) + 1) {
      const indent = this.indent(next);
      const first = text.charCodeAt(next + indent);
      if (next + indent >= text.length || first === LF) continue;
      if (indent <= column) break;
      if (first === HASH) unsure();
      return { kind: 'scalar', offset: at, to: MULTI_LINE };
    }
    return { kind: 'scalar', offset: at, to: end };
  }

  /** As Scan.blockScalar, from the header's line and the first written line of the body. */
  private blockScalar(at: number, lineEnd: number, column: number): Leaf {
    const text = this.text;
    blockScalarHeader(text, at, lineEnd);
    const bodyStart = lineEnd + 1;
    let through = 0;
    for (let next = bodyStart; next <= text.length; next = this.lineEnd(next) + 1) {
      const indent = this.indent(next);
      if (next + indent >= text.length || text.charCodeAt(next + indent) === LF) continue;
      if (indent > column) through = Math.min(this.lineEnd(next) + 1, text.length) - bodyStart;
      break;
    }
    return { kind: 'scalar', offset: at, to: through > lineEnd - at ? MULTI_LINE : undefined };
  }
}

/** Keys keyLine searches for: plain, and read as the text they are written with. */
const SEARCHABLE_KEY = /^[A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*$/;
/** Longer keys are stepped to: a pattern holds its key, and a key of thousands of characters is no field of lamd's. */
const LONGEST_SEARCHED_KEY = 64;

/** The patterns of the searches, by what they look for (a line's column, a key). */
const patterns = new Map<string, RegExp>();
function pattern(name: string, source: () => string): RegExp {
  let found = patterns.get(name);
  if (!found) {
    // Keys differ from document to document only where they name an item of the workspace: rare.
    if (patterns.size > 4096) patterns.clear();
    patterns.set(name, (found = new RegExp(source(), 'g')));
  }
  return found;
}

/**
 * The first line, after a line break, that holds the key at `column` (then its colon; the key in the
 * first group), a list item's dash there, or content less indented (a plain key of SEARCHABLE_KEY's
 * characters needs no escaping).
 */
function keyPattern(column: number, key: string): RegExp {
  const less = column > 0 ? `| {0,${column - 1}}[^ \\n#]` : '';
  return pattern(`k${column}:${key}`, () => `\\n(?: {${column}}(?:(${key}) *:(?:[ \\n]|$)|-(?:[ \\n]|$))${less})`);
}

/** A line break then a line with content in `column` or less indented; the match ends at its first character. */
function outlinePattern(column: number): RegExp {
  return pattern(`o${column}`, () => `\\n {0,${column}}[^ \\n#]`);
}

/** Characters a plain scalar or key cannot start with (`&*!|>%@\`#,[]{}'"?:-`), by char code. */
const PLAIN_FORBIDDEN_START = new Uint8Array(128);
for (const c of '&*!|>%@`#,[]{}\'"?:-') PLAIN_FORBIDDEN_START[c.charCodeAt(0)] = 1;

const LF = 10;
const SPACE = 32;
const HASH = 35;
const DASH = 45;
const COLON = 58;
const QUOTE = 34;
const APOSTROPHE = 39;
const BACKSLASH = 92;
const COMMA = 44;

class Scan {
  private readonly lines: Lines;

  constructor(private readonly text: string) {
    let count = 1;
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++;
    const lines: Lines = { count, start: new Int32Array(count), end: new Int32Array(count), indent: new Int32Array(count), kind: new Uint8Array(count) };
    let start = 0;
    for (let i = 0; i < count; i++) {
      let end = text.indexOf('\n', start);
      if (end === -1) end = text.length;
      let indent = 0;
      while (text.charCodeAt(start + indent) === SPACE) indent++;
      lines.start[i] = start;
      lines.end[i] = end;
      lines.indent[i] = indent;
      lines.kind[i] = start + indent >= end ? BLANK : text.charCodeAt(start + indent) === HASH ? COMMENT : CONTENT;
      start = end + 1;
    }
    this.lines = lines;
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
    const text = this.text;
    const at = this.lines.start[i]!;
    const c = text.charCodeAt(at);
    if (c === 37 /* % */) return true;
    return (c === DASH || c === 46 /* . */) && text.charCodeAt(at + 1) === c && text.charCodeAt(at + 2) === c;
  }

  /** The first line at or after `i` with content (not blank, not only a comment). */
  private nextContent(i: number): number | undefined {
    const { count, kind, indent } = this.lines;
    for (; i < count; i++) {
      const k = kind[i]!;
      if (k === CONTENT) {
        if (indent[i] === 0 && this.isMarker(i)) unsure();
        return i;
      }
      if (k === COMMENT && indent[i] === 0 && this.isMarker(i)) unsure();
    }
    return undefined;
  }

  /** A block collection starting at the first character of line `i`. */
  private blockNode(i: number): { node: Node; next: number } {
    const { start, end, indent } = this.lines;
    const at = start[i]! + indent[i]!;
    if (isDash(this.text, at, end[i]!)) return this.blockSeq(i, indent[i]!);
    if (keyAt(this.text, at, end[i]!)) return this.blockMap(i, indent[i]!, at);
    return unsure();
  }

  private blockMap(i: number, column: number, firstKey: number): { node: MapNode; next: number } {
    const lines = this.lines;
    const node: MapNode = { kind: 'map', offset: firstKey, entries: new Map() };
    let at = firstKey;
    for (;;) {
      const lineEnd = lines.end[i]!;
      const key = keyAt(this.text, at, lineEnd) ?? unsure();
      const { value, next } = this.value(skipSpaces(this.text, key.colon + 1, lineEnd), i, column, true);
      node.entries.set(key.text, { key: at, keyEnd: key.end, value });
      const following = this.nextContent(next);
      if (following === undefined) return { node, next: lines.count };
      const indent = lines.indent[following]!;
      if (indent < column) return { node, next: following };
      if (indent > column) unsure();
      at = lines.start[following]! + column;
      // A dash at the map's own indentation belongs to an enclosing list (`- a: 1` then `- a: 2`).
      if (isDash(this.text, at, lines.end[following]!)) return { node, next: following };
      i = following;
    }
  }

  private blockSeq(i: number, column: number): { node: SeqNode; next: number } {
    const lines = this.lines;
    const text = this.text;
    const node: SeqNode = { kind: 'seq', offset: lines.start[i]! + column, items: [] };
    for (;;) {
      const lineStart = lines.start[i]!;
      const lineEnd = lines.end[i]!;
      const dash = lineStart + column;
      const at = skipSpaces(text, dash + 1, lineEnd);
      let item: { value: Node | undefined; next: number };
      if (at < lineEnd && text.charCodeAt(at) !== HASH && keyAt(this.text, at, lineEnd)) {
        // `- id: x` and the lines under it: a map whose column is where its first key is written.
        const map = this.blockMap(i, at - lineStart, at);
        item = { value: map.node, next: map.next };
      } else {
        if (isDash(this.text, at, lineEnd)) unsure(); // `- - x`, a list in a list on one line
        item = this.value(at, i, column, false);
      }
      node.items.push({ dash, value: item.value });
      const following = this.nextContent(item.next);
      if (following === undefined) return { node, next: lines.count };
      const indent = lines.indent[following]!;
      if (indent < column) return { node, next: following };
      if (indent > column) unsure();
      if (!isDash(this.text, lines.start[following]! + column, lines.end[following]!)) return { node, next: following };
      i = following;
    }
  }

  /**
   * The value starting at `at` on line `i` (after `key:` or `- `), inside a collection at `column`;
   * `inMap` says a list may follow at the map's own indentation (`key:` then `- item`).
   */
  private value(at: number, i: number, column: number, inMap: boolean): { value: Node | undefined; next: number } {
    const lines = this.lines;
    const lineEnd = lines.end[i]!;
    const text = this.text;
    const c = at < lineEnd ? text.charCodeAt(at) : -1;
    if (c === -1 || c === HASH) {
      // Nothing on the line: the value is the block under it, or there is none (null).
      const following = this.nextContent(i + 1);
      if (following === undefined) return { value: undefined, next: i + 1 };
      const indent = lines.indent[following]!;
      if (indent > column) return this.blockValue(following);
      if (inMap && indent === column && isDash(this.text, lines.start[following]! + column, lines.end[following]!)) return this.blockValue(following);
      return { value: undefined, next: i + 1 };
    }
    if (c === 124 /* | */ || c === 62 /* > */) return this.blockScalar(at, i, column);
    if (c === 123 /* { */ || c === 91 /* [ */) {
      const collection = flow(this.text, at, lineEnd);
      endOfLine(this.text, collection.end, lineEnd);
      return { value: collection.node, next: i + 1 };
    }
    if (c === QUOTE || c === APOSTROPHE) {
      const close = quoteEnd(this.text, at, lineEnd) ?? unsure();
      endOfLine(this.text, close, lineEnd);
      return { value: { kind: 'scalar', offset: at, to: close }, next: i + 1 };
    }
    const end = plainScalarEnd(text, at, lineEnd);
    // A plain scalar goes on over more indented lines (folded); a comment line would end it, oddly.
    let next = i + 1;
    let folded = false;
    for (; next < lines.count; next++) {
      const k = lines.kind[next]!;
      if (k === BLANK) continue;
      if (lines.indent[next]! <= column) break;
      if (k === COMMENT) unsure();
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
    const lines = this.lines;
    const lineEnd = lines.end[i]!;
    const text = this.text;
    blockScalarHeader(text, at, lineEnd);
    let next = i + 1;
    let firstText = -1;
    for (; next < lines.count; next++) {
      const blank = lines.kind[next] === BLANK;
      if (!blank && lines.indent[next]! <= column) break;
      if (!blank && firstText === -1) firstText = next;
    }
    // The tree's token ends at the header plus the body's length; it reaches past the header's line
    // when the body up to its first written line is longer than the rest of the header's line.
    const bodyStart = lineEnd + 1;
    const through = firstText !== -1 ? Math.min(lines.end[firstText]! + 1, text.length) - bodyStart : 0;
    return { value: { kind: 'scalar', offset: at, to: through > lineEnd - at ? MULTI_LINE : undefined }, next };
  }
}

/** Whether a list item's dash is at `at`: `-` then a space or the end of the line (`end`). */
function isDash(text: string, at: number, end: number): boolean {
  return text.charCodeAt(at) === DASH && (at + 1 === end || text.charCodeAt(at + 1) === SPACE);
}

/** Where a plain scalar starting at `at` ends on its line (before a ` #` comment and trailing spaces); unsure where the tree may read it otherwise. */
function plainScalarEnd(text: string, at: number, lineEnd: number): number {
  const c = text.charCodeAt(at);
  if (forbiddenStart(c) && !(c === DASH && text.charCodeAt(at + 1) !== SPACE && at + 1 < lineEnd)) unsure();
  let end = at;
  while (end < lineEnd && !(text.charCodeAt(end) === SPACE && text.charCodeAt(end + 1) === HASH)) end++; // up to ` #`
  while (end > at && text.charCodeAt(end - 1) === SPACE) end--;
  // `a: b` or a trailing colon in a plain value: the tree reads it otherwise.
  for (let j = at; j < end; j++) if (text.charCodeAt(j) === COLON && (j + 1 === end || text.charCodeAt(j + 1) === SPACE)) unsure();
  return end;
}

/** A block scalar's header at `at`: `|` or `>`, an optional `+` or `-`, then a space or the end of the line. */
function blockScalarHeader(text: string, at: number, lineEnd: number): void {
  let headerEnd = at + 1;
  const sign = text.charCodeAt(headerEnd);
  if (sign === 43 /* + */ || sign === DASH) headerEnd++;
  if (headerEnd < lineEnd && text.charCodeAt(headerEnd) !== SPACE) unsure();
  endOfLine(text, headerEnd, lineEnd);
}

/** Only spaces and a comment may follow a value on its line. */
function endOfLine(text: string, at: number, end: number): void {
  at = skipSpaces(text, at, end);
  if (at < end && !(text.charCodeAt(at) === HASH && text.charCodeAt(at - 1) === SPACE)) unsure();
}

/** Where a quoted scalar starting at `at` ends (after its closing quote), if on the same line. */
function quoteEnd(text: string, at: number, end: number): number | undefined {
  const quote = text.charCodeAt(at);
  for (let j = at + 1; j < end; j++) {
    const c = text.charCodeAt(j);
    if (quote === QUOTE && c === BACKSLASH) j++;
    else if (c === quote) {
      if (quote === APOSTROPHE && text.charCodeAt(j + 1) === APOSTROPHE) j++;
      else return j + 1;
    }
  }
  return undefined;
}

/** A key written at `at`: its text as the document reads it, where it ends, and its colon. */
function keyAt(text: string, at: number, end: number): { text: string; end: number; colon: number } | undefined {
  if (at >= end) return undefined;
  const c = text.charCodeAt(at);
  if (c === QUOTE || c === APOSTROPHE) {
    const close = quoteEnd(text, at, end);
    if (close === undefined) return undefined;
    const colon = skipSpaces(text, close, end);
    if (text.charCodeAt(colon) !== COLON || !(colon + 1 === end || text.charCodeAt(colon + 1) === SPACE)) return undefined;
    return { text: unquote(text.slice(at, close)), end: close, colon };
  }
  if (forbiddenStart(c) && !(c === DASH && text.charCodeAt(at + 1) !== SPACE && at + 1 < end)) return undefined;
  for (let j = at; j < end; j++) {
    const d = text.charCodeAt(j);
    if (d === SPACE && text.charCodeAt(j + 1) === HASH) return undefined;
    if (d === COLON && (j + 1 === end || text.charCodeAt(j + 1) === SPACE)) {
      let keyEnd = j;
      while (keyEnd > at && text.charCodeAt(keyEnd - 1) === SPACE) keyEnd--;
      return { text: text.slice(at, keyEnd), end: keyEnd, colon: j };
    }
  }
  return undefined;
}

/** A flow collection (`{…}` or `[…]`) closed on its own line; anything else is unsure. */
function flow(text: string, at: number, end: number): { node: Node; end: number } {
  const isMap = text.charCodeAt(at) === 123; /* { */
  const close = isMap ? 125 /* } */ : 93; /* ] */
  const map: MapNode = { kind: 'map', offset: at, entries: new Map() };
  const seq: SeqNode = { kind: 'seq', offset: at, items: [] };
  let j = skipSpaces(text, at + 1, end);
  if (text.charCodeAt(j) === close) return { node: isMap ? map : seq, end: j + 1 };
  for (;;) {
    if (isMap) {
      const key = flowScalar(text, j, end, true);
      if (key.keyText === undefined) return unsure();
      let k = skipSpaces(text, key.end, end);
      if (text.charCodeAt(k) !== COLON) unsure();
      k = skipSpaces(text, k + 1, end);
      const value = flowItem(text, k, end);
      map.entries.set(key.keyText, { key: j, keyEnd: key.end, value: value.node });
      j = skipSpaces(text, value.end, end);
    } else {
      const value = flowItem(text, j, end);
      seq.items.push({ dash: undefined, value: value.node });
      j = skipSpaces(text, value.end, end);
      if (text.charCodeAt(j) === COLON) unsure(); // `[a: 1]`, a pair in a list
    }
    if (text.charCodeAt(j) === close) return { node: isMap ? map : seq, end: j + 1 };
    if (text.charCodeAt(j) !== COMMA) unsure();
    j = skipSpaces(text, j + 1, end);
    if (text.charCodeAt(j) === close) return { node: isMap ? map : seq, end: j + 1 };
  }
}

function flowItem(text: string, at: number, end: number): { node: Node; end: number } {
  const c = text.charCodeAt(at);
  if (c === 123 /* { */ || c === 91 /* [ */) return flow(text, at, end);
  const scalar = flowScalar(text, at, end, false);
  return { node: { kind: 'scalar', offset: at, to: scalar.end }, end: scalar.end };
}

/** A quoted or plain scalar inside a flow collection; as a key, its text as the document reads it. */
function flowScalar(text: string, at: number, end: number, isKey: boolean): { end: number; keyText?: string } {
  if (at >= end) return unsure();
  const c = text.charCodeAt(at);
  if (c === QUOTE || c === APOSTROPHE) {
    const close = quoteEnd(text, at, end) ?? unsure();
    return { end: close, ...(isKey && { keyText: unquote(text.slice(at, close)) }) };
  }
  // A dash starts a plain scalar when something other than a space or a flow indicator follows it.
  if (forbiddenStart(c) && !(c === DASH && at + 1 < text.length && !separatesFlow(text.charCodeAt(at + 1)))) unsure();
  let j = at;
  for (; j < end; j++) {
    const d = text.charCodeAt(j);
    if (d === COMMA || d === 91 || d === 93 || d === 123 || d === 125) break;
    if (d === COLON && (j + 1 >= text.length || separatesFlow(text.charCodeAt(j + 1)))) break;
    if (d === SPACE && text.charCodeAt(j + 1) === HASH) unsure();
  }
  let last = j;
  while (last > at && text.charCodeAt(last - 1) === SPACE) last--;
  if (last === at) unsure();
  return { end: last, ...(isKey && { keyText: text.slice(at, last) }) };
}

function forbiddenStart(c: number): boolean {
  return c < 128 && PLAIN_FORBIDDEN_START[c] === 1;
}

/** White space or a flow indicator (`,[]{}`): what ends a plain scalar after `:` in a flow collection. */
function separatesFlow(c: number): boolean {
  return c === SPACE || c === 9 || c === 10 || c === 13 || c === COMMA || c === 91 || c === 93 || c === 123 || c === 125 || c === 12 || c === 11 || c === 0xa0 || c === 0xfeff || (c >= 0x2000 && c <= 0x200a) || c === 0x1680 || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

function skipSpaces(text: string, at: number, end: number): number {
  while (at < end && text.charCodeAt(at) === SPACE) at++;
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
