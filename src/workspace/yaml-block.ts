// Reads the plain block-YAML subset lamd's documents are written in, several times faster than
// js-yaml, to the very value js-yaml would give, and steps aside (undefined) for anything else.
//
// The contract (test/workspace/yaml-block.test.ts holds it, with fuzzing): for any text, either
// undefined, or a value deep-equal to what `jsyaml.loadAll(text, …, { schema: YAML_12_CORE })` gives
// for a text of one document, keys in the same order, scalars resolved by yaml-core.ts. It never
// reports an error: whatever it is not sure of, js-yaml reads as before, with its diagnostics.
//
// What it takes: block mappings and sequences (a sequence may sit at its key's indentation), `- key:
// value` mappings in sequences, one-line flow sequences and mappings, one-line plain, single- and
// double-quoted scalars (the escapes JSON shares with YAML), `|` and `>` block scalars with `-`, `+` or
// clip chomping, comments, CRLF line ends. What it refuses, among others: tabs, control characters,
// anchors, aliases, tags, `?` keys, directives and document markers, scalars or flow collections
// over several lines, duplicate or `__proto__` keys, keys that would read as something other than
// their own text (`True:`, `0x10:`), block scalars with explicit indentation or lines of spaces.
import { hasLoneCarriageReturn } from './text-positions.js';
import { resolvePlainScalar, staysText } from './yaml-core.js';

/**
 * The document held in `text`, read without js-yaml; undefined when the text is outside the subset
 * (then js-yaml must read it). Unlike js-yaml's, its strings share no memory with `text` (see own),
 * so a document kept does not keep its file's text alive, and load.ts need not copy it. The value
 * of readBlock alone, as the tests hold it to js-yaml's; source.ts reads through readBlock.
 */
export function readBlockYaml(text: string): unknown {
  return readBlock(text)?.value;
}

/** What the block reader read from a text: the document, and what source.ts still asks of the text. */
export interface BlockReading {
  value: unknown;
  /** Whether a line holds spaces and nothing else (which the reader skips as blank; js-yaml may not, see mayReadDifferently). */
  lineOfSpaces: boolean;
}

/** readBlockYaml, with what it noticed on the way (see BlockReading). */
export function readBlock(text: string): BlockReading | undefined {
  if (hasDoubtfulCharacter(text) || hasDocumentMarker(text) || hasLoneCarriageReturn(text)) return undefined;
  try {
    const reader = new BlockReader(text);
    const value = reader.document();
    return { value, lineOfSpaces: reader.lineOfSpaces };
  } catch {
    // NOT_MINE, or anything unforeseen (a stack overflow): either way js-yaml decides.
    return undefined;
  }
}

/**
 * Characters the subset never holds: tabs (YAML and js-yaml disagree on where they may be), control
 * and non-printable characters (js-yaml rejects them), the byte order mark inside a text, the
 * non-ASCII line breaks; and surrogates, which are fine only in pairs.
 */
const SUSPECT_CHARACTER = /[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]/g;

function hasDoubtfulCharacter(text: string): boolean {
  SUSPECT_CHARACTER.lastIndex = 0;
  for (let m = SUSPECT_CHARACTER.exec(text); m !== null; m = SUSPECT_CHARACTER.exec(text)) {
    const at = m.index;
    const c = text.charCodeAt(at);
    const next = text.charCodeAt(at + 1);
    // A high surrogate followed by a low one is one character beyond the BMP (an emoji, say).
    if (c < 0xd800 || c > 0xdbff || !(next >= 0xdc00 && next <= 0xdfff)) return true;
    SUSPECT_CHARACTER.lastIndex = at + 2;
  }
  return false;
}

/** A line that starts with `---` or `...`: a document marker, or close enough to one to leave to js-yaml. */
const DOCUMENT_MARKER = /^(?:---|\.\.\.)/m;

function hasDocumentMarker(text: string): boolean {
  return DOCUMENT_MARKER.test(text);
}

const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const HASH = 0x23;
const DASH = 0x2d;
const COLON = 0x3a;
const COMMA = 0x2c;
const SINGLE = 0x27;
const DOUBLE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_SQUARE = 0x5b;
const CLOSE_SQUARE = 0x5d;
const OPEN_CURLY = 0x7b;
const CLOSE_CURLY = 0x7d;
const PIPE = 0x7c;
const GREATER = 0x3e;

/** Nesting past this is no lamd document; js-yaml (limit 100) gives the verdict. */
const MAX_NESTING = 64;

/** Thrown when the text leaves the subset; caught once, in readBlock, and never shown. */
class NotMine extends Error {}
const NOT_MINE = new NotMine();
function notMine(): never {
  throw NOT_MINE;
}

/** Characters that may not start a plain scalar here (YAML indicators, quotes, brackets, spaces). */
const NOT_PLAIN_START: boolean[] = [];
for (const c of ' \r\n,[]{}#&*!|>\'"%@`?:') NOT_PLAIN_START[c.charCodeAt(0)] = true;

/** The characters where a plain scalar may stop (see plainStop), in block context and in flow collections. */
const BLOCK_STOP: boolean[] = [];
for (const c of '\r\n:#') BLOCK_STOP[c.charCodeAt(0)] = true;
const FLOW_STOP: boolean[] = [...BLOCK_STOP];
for (const c of ',[]{}') FLOW_STOP[c.charCodeAt(0)] = true;

/** The characters next() looks for, by their index. */
const SEARCHED = ['#', ':', '\\', '\n', '\r'];
const NEXT_HASH = 0;
const NEXT_COLON = 1;
const NEXT_BACKSLASH = 2;
const NEXT_LF = 3;
const NEXT_CR = 4;

/** Keys read lately, by a hash of their text (see plainKey); a power of two long. */
const KEY_CACHE: Array<string | undefined> = new Array<string | undefined>(1024).fill(undefined);

/**
 * Text values read lately, by a hash of their text (see sharedText); a power of two long. Documents
 * repeat many of their values (ids, statuses, units, roles, sources' titles, dates), and a value
 * found here costs no new string: on the findings workspace of 2,000 road maps, what the run's
 * collections promote out of the young generation falls by a fifth (52 to 42.5 MB).
 */
const VALUE_CACHE: Array<string | undefined> = new Array<string | undefined>(4096).fill(undefined);
/** Values longer than this are not looked for in VALUE_CACHE: long texts seldom repeat. */
const LONGEST_SHARED = 64;

/**
 * V8 makes a slice of 13 characters or more a view that keeps the whole text alive (a SlicedString);
 * shorter slices are copies already.
 */
const SHORTEST_VIEW = 13;

/**
 * `s` in a string of its own, sharing no memory with the text it was sliced from: a string joined
 * from two parts (a ConsString), which reading a character flattens in place into one new string,
 * letting the parts, views on the text, go. Measured cheaper than `('\0' + s).slice(1)` and far
 * cheaper than copying each whole document afterwards (structuredClone).
 */
function own(s: string): string {
  if (s.length < SHORTEST_VIEW) return s;
  const copy = s.slice(0, 1) + s.slice(1);
  copy.charCodeAt(0);
  return copy;
}

/** A plain scalar's value (see own for why its text is copied). */
function plainValue(text: string): unknown {
  const value = resolvePlainScalar(text);
  return typeof value === 'string' ? own(value) : value;
}

/** How many properties V8 gives an object by `object[key] = value` before making it a dictionary. */
const KEYED_PROPERTIES = 16;

function isFlowIndicator(c: number): boolean {
  return c === COMMA || c === OPEN_SQUARE || c === CLOSE_SQUARE || c === OPEN_CURLY || c === CLOSE_CURLY;
}

/**
 * A recursive-descent reader over the text's lines. Block readers leave `pos` at the start of the
 * line after what they read; `at` is where a one-line reader (key, scalar, flow collection) stopped.
 * Indentation is counted in spaces; `n` is always the indentation of the collection being read.
 */
class BlockReader {
  private readonly text: string;
  private readonly end: number;
  private pos = 0;
  private at = 0;
  private depth = 0;
  /** See next(): where each of SEARCHED was last found, and from where it was looked for. */
  private readonly found = [-1, -1, -1, -1, -1];
  private readonly searchedFrom = [0, 0, 0, 0, 0];
  /**
   * The entries of the sequences being read, nested ones above their parents', from `top` down:
   * each sequence is then copied out at its exact length. An array grown by push keeps room for
   * 16 more entries, which on 10,000 road maps held ~40 MB.
   */
  private readonly entries: unknown[] = [];
  private top = 0;
  /** Whether a line of spaces only was skipped as blank (see BlockReading). */
  lineOfSpaces = false;

  constructor(text: string) {
    this.text = text;
    this.end = text.length;
  }

  /** The one document: a block mapping or sequence starting at column 0, and nothing after it. */
  document(): unknown {
    if (this.skipToContent() !== 0) notMine();
    const value = this.blockNode(this.pos, 0);
    if (this.skipToContent() !== -1) notMine();
    return value;
  }

  // --- Lines -------------------------------------------------------------------------------------

  /** Where the line after the one holding `i` starts (or the end of the text). */
  private nextLineStart(i: number): number {
    const nl = this.text.indexOf('\n', i);
    return nl === -1 ? this.end : nl + 1;
  }

  /** Whether `i` is at a line's end (LF, CRLF or the end of the text). */
  private atEol(i: number): boolean {
    const c = this.text.charCodeAt(i);
    return i >= this.end || c === LF || c === CR;
  }

  /** Whether only a comment or nothing follows `i` (which follows a space or starts a line). */
  private atEolOrComment(i: number): boolean {
    return this.atEol(i) || this.text.charCodeAt(i) === HASH;
  }

  /** Skips spaces from `i`. */
  private spaces(i: number): number {
    while (this.text.charCodeAt(i) === SPACE) i++;
    return i;
  }

  /**
   * From `pos` (a line start), past blank and comment-only lines: the indentation of the next line
   * with content, `pos` left at its start; -1 at the end of the text.
   */
  private skipToContent(): number {
    let p = this.pos;
    while (p < this.end) {
      const i = this.spaces(p);
      if (!this.atEolOrComment(i)) {
        this.pos = p;
        return i - p;
      }
      if (i > p && this.atEol(i)) this.lineOfSpaces = true;
      p = this.nextLineStart(i);
    }
    this.pos = this.end;
    return -1;
  }

  /** After a one-line value ending at `i`: only spaces and a comment may follow; `pos` to the next line. */
  private endOfLine(i: number): void {
    const j = this.spaces(i);
    // A `#` glued to a quote or bracket is a comment to js-yaml but not to YAML: not ours.
    if (!this.atEol(j) && !(j > i && this.text.charCodeAt(j) === HASH)) notMine();
    this.pos = this.nextLineStart(j);
  }

  /**
   * The position of the next `char` at or after `i` (the end of the text when there is none). Kept
   * per character, so that looking for a rare one (`#`, a backslash) scans the text once, not once
   * per line.
   */
  private next(char: number, i: number): number {
    let at = this.found[char]!;
    if (at < i || this.searchedFrom[char]! > i) {
      at = this.text.indexOf(SEARCHED[char]!, i);
      if (at === -1) at = this.end;
      this.found[char] = at;
      this.searchedFrom[char] = i;
    }
    return at;
  }

  private enter(): void {
    if (++this.depth > MAX_NESTING) notMine();
  }

  // --- Block collections ------------------------------------------------------------------------

  /** A block sequence or mapping whose first entry starts at `p`, in column `n`. */
  private blockNode(p: number, n: number): unknown {
    return this.isSequenceEntry(p) ? this.blockSequence(p, n) : this.blockMapping(p, n);
  }

  /** A `-` followed by a space or the line's end. */
  private isSequenceEntry(p: number): boolean {
    if (this.text.charCodeAt(p) !== DASH) return false;
    const next = this.text.charCodeAt(p + 1);
    return next === SPACE || this.atEol(p + 1);
  }

  /** A block sequence whose first `-` is at `p`, in column `n`; the others are in the same column. */
  private blockSequence(p: number, n: number): unknown[] {
    this.enter();
    const from = this.top;
    for (;;) {
      const lineStart = p - n;
      const q = this.spaces(p + 1);
      if (this.atEolOrComment(q)) {
        // The entry's node starts on a later, more indented line; an empty entry is null.
        this.pos = this.nextLineStart(q);
        const indent = this.skipToContent();
        // js-yaml reads a `-` less indented after an empty entry as one more entry of this sequence.
        if (indent >= 0 && indent < n && this.isSequenceEntry(this.pos + indent)) notMine();
        this.push(indent > n ? this.blockNode(this.pos + indent, indent) : null);
      } else {
        this.push(this.compactNode(q, q - lineStart, n));
      }
      const indent = this.skipToContent();
      if (indent === n && this.isSequenceEntry(this.pos + n)) {
        p = this.pos + n;
        continue;
      }
      if (indent > n) notMine(); // js-yaml: "bad indentation of a sequence entry"
      break;
    }
    this.depth--;
    return this.popSequence(from);
  }

  /** Adds an entry to the innermost sequence being read (see entries). */
  private push(entry: unknown): void {
    this.entries[this.top++] = entry;
  }

  /** The entries pushed since `from`, as a sequence of its own. */
  private popSequence(from: number): unknown[] {
    const sequence = this.entries.slice(from, this.top);
    this.top = from;
    return sequence;
  }

  /** What follows `- ` on the same line, at `q` in column `c`, inside a sequence in column `n`. */
  private compactNode(q: number, c: number, n: number): unknown {
    if (this.isSequenceEntry(q)) return this.blockSequence(q, c);
    if (this.keyAt(q) !== undefined) return this.blockMapping(q, c);
    return this.inlineValue(q, n);
  }

  /** A block mapping whose first key starts at `p`, in column `n`; the other keys are in the same column. */
  private blockMapping(p: number, n: number): Record<string, unknown> {
    this.enter();
    const mapping: Record<string, unknown> = {};
    let size = 0;
    for (;;) {
      const key = this.keyAt(p);
      if (key === undefined) notMine();
      if (key === '__proto__' || Object.prototype.hasOwnProperty.call(mapping, key)) notMine();
      const q = this.spaces(this.at);
      let value: unknown;
      if (this.atEolOrComment(q)) {
        // The value is on later lines: more indented, or a sequence in the key's own column.
        this.pos = this.nextLineStart(q);
        const indent = this.skipToContent();
        if (indent > n) value = this.blockNode(this.pos + indent, indent);
        else if (indent === n && this.isSequenceEntry(this.pos + n)) value = this.blockSequence(this.pos + n, n);
        else value = null;
      } else {
        value = this.inlineValue(q, n);
      }
      mapping[key] = value;
      size++;
      const indent = this.skipToContent();
      if (indent === n) {
        p = this.pos + n;
        continue;
      }
      if (indent > n) notMine(); // js-yaml: "bad indentation of a mapping entry", or a multi-line scalar
      break;
    }
    this.depth--;
    // V8 turns an object given more than 16 properties by `mapping[key]` into a slow dictionary
    // (every road map has more); a copy made by spreading has fast properties and a shape shared
    // with the other road maps', as js-yaml's documents had once copied by structuredClone.
    return size > KEYED_PROPERTIES ? { ...mapping } : mapping;
  }

  /**
   * The key of a `key: ` or `key:` at the line's end starting at `p`, with `at` just after the colon;
   * undefined when the line is no mapping entry. Plain keys must read as their own text.
   */
  private keyAt(p: number): string | undefined {
    const t = this.text;
    const c = t.charCodeAt(p);
    let key: string;
    let i: number;
    if (c === DOUBLE || c === SINGLE) {
      key = c === DOUBLE ? this.doubleQuoted(p) : this.singleQuoted(p);
      i = this.spaces(this.at);
      if (t.charCodeAt(i) !== COLON) return undefined;
    } else {
      if (!this.isPlainStart(p)) return undefined;
      i = this.plainStop(p, BLOCK_STOP);
      if (t.charCodeAt(i) !== COLON) return undefined;
      key = this.plainKey(p, this.trimEnd(p, i));
    }
    if (t.charCodeAt(i + 1) !== SPACE && !this.atEol(i + 1)) notMine();
    this.at = i + 1;
    return key;
  }

  /**
   * The text of a plain key from `p` to `e`, which must read as its own text: js-yaml turns a key
   * like `True` or `0x10` into the string of its value ("true", "16"). Most keys repeat, within a
   * document and across documents: a key found in KEY_CACHE costs no new string, and V8 no lookup
   * of a new property name.
   */
  private plainKey(p: number, e: number): string {
    const t = this.text;
    const length = e - p;
    const slot = (length * 7 + t.charCodeAt(p) * 31 + t.charCodeAt(p + (length >> 1)) * 3 + t.charCodeAt(e - 1)) & (KEY_CACHE.length - 1);
    const cached = KEY_CACHE[slot];
    if (cached !== undefined && cached.length === length && t.startsWith(cached, p)) return cached;
    const key = own(t.slice(p, e));
    if (String(resolvePlainScalar(key)) !== key) notMine();
    // A key held here outlives its text: a view would keep the text alive (see own).
    KEY_CACHE[slot] = key;
    return key;
  }

  /**
   * The text from `p` to `e` as a string of its own (see own): the very string given the last time
   * the same text was read, when VALUE_CACHE still holds it. Strings are values, so sharing one is
   * invisible to whoever reads it.
   */
  private sharedText(p: number, e: number): string {
    const t = this.text;
    const length = e - p;
    if (length === 0 || length > LONGEST_SHARED) return own(t.slice(p, e));
    // Five characters and the length, as plainKey's hash: values of one shape that differ elsewhere
    // (`2026-12-31` and `2027-12-31`) take one slot and put each other out. Hashing every character
    // (FNV-1a) shared more dates, 1 MB less for the run to promote on 2,000 road maps, and measured
    // slower all the same.
    const q = length >> 2;
    const slot = (length * 7 + t.charCodeAt(p) * 31 + t.charCodeAt(p + q) * 17 + t.charCodeAt(p + 2 * q) * 5 + t.charCodeAt(p + 3 * q) * 3 + t.charCodeAt(e - 1)) & (VALUE_CACHE.length - 1);
    const cached = VALUE_CACHE[slot];
    if (cached !== undefined && cached.length === length && t.startsWith(cached, p)) return cached;
    const value = own(t.slice(p, e));
    VALUE_CACHE[slot] = value;
    return value;
  }

  /** A plain scalar's value from `p` to `e` (see plainValue), a text shared when it stays one. */
  private plainValueAt(p: number, e: number): unknown {
    return e > p && staysText(this.text.charCodeAt(p)) ? this.sharedText(p, e) : plainValue(this.text.slice(p, e));
  }

  /**
   * Where a plain scalar starting at `p` stops on its line: at the line's end, a comment (` #`), a
   * `: ` or a `:` at the line's end, and inside flow collections (`stops` FLOW_STOP) at `,[]{}` and
   * at a `:` before one of those.
   */
  private plainStop(p: number, stops: boolean[]): number {
    const t = this.text;
    for (let i = p; ; i++) {
      const c = t.charCodeAt(i);
      if (stops[c] !== true) {
        if (i < this.end) continue;
        return i;
      }
      if (c === COLON) {
        const next = t.charCodeAt(i + 1);
        if (next === SPACE || this.atEol(i + 1) || (stops === FLOW_STOP && isFlowIndicator(next))) return i;
      } else if (c === HASH) {
        if (t.charCodeAt(i - 1) === SPACE) return i;
      } else {
        return i;
      }
    }
  }

  /** `e` moved back over the spaces before it (not past `p`). */
  private trimEnd(p: number, e: number): number {
    while (e > p && this.text.charCodeAt(e - 1) === SPACE) e--;
    return e;
  }

  /** Whether a plain scalar may start at `p`: no indicator, and a `-` only before something else than a space. */
  private isPlainStart(p: number): boolean {
    const c = this.text.charCodeAt(p);
    if (NOT_PLAIN_START[c] || p >= this.end) return false;
    if (c === DASH) {
      const next = this.text.charCodeAt(p + 1);
      return !(next === SPACE || this.atEol(p + 1) || isFlowIndicator(next));
    }
    return true;
  }

  // --- Values on one line (or a block scalar) ---------------------------------------------------

  /** The value of a key or an entry starting at `q` on its line, in a collection in column `n`. */
  private inlineValue(q: number, n: number): unknown {
    const t = this.text;
    const c = t.charCodeAt(q);
    if (c === PIPE || c === GREATER) return this.blockScalar(q, n);
    let value: unknown;
    if (c === OPEN_SQUARE || c === OPEN_CURLY) value = this.flowCollection(q);
    else if (c === DOUBLE) value = this.doubleQuoted(q);
    else if (c === SINGLE) value = this.singleQuoted(q);
    else {
      if (!this.isPlainStart(q)) notMine();
      // Most of a document's text is such values: found with indexOf rather than character by character.
      const nl = t.indexOf('\n', q);
      const eol = nl === -1 ? this.end : t.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
      let stop = eol;
      for (let h = this.next(NEXT_HASH, q); h < eol; h = this.next(NEXT_HASH, h + 1)) {
        if (t.charCodeAt(h - 1) === SPACE) {
          stop = h; // a comment
          break;
        }
      }
      for (let c = this.next(NEXT_COLON, q); c < stop; c = this.next(NEXT_COLON, c + 1)) {
        // `a: b: c` is an error to js-yaml, and `a: b:` too.
        if (t.charCodeAt(c + 1) === SPACE || this.atEol(c + 1)) notMine();
      }
      // A continuation on the next lines would be more indented than `n`: the caller refuses it.
      this.pos = nl === -1 ? this.end : nl + 1;
      return this.plainValueAt(q, this.trimEnd(q, stop));
    }
    this.endOfLine(this.at);
    return value;
  }

  /** A single-quoted scalar on one line starting at `p`; `at` after the closing quote. */
  private singleQuoted(p: number): string {
    const t = this.text;
    let value = '';
    let from = p + 1;
    for (let i = from; ; i++) {
      if (this.atEol(i)) notMine();
      if (t.charCodeAt(i) !== SINGLE) continue;
      if (t.charCodeAt(i + 1) === SINGLE) {
        value += t.slice(from, i + 1); // '' is one quote
        from = ++i + 1;
        continue;
      }
      this.at = i + 1;
      return own(value + t.slice(from, i));
    }
  }

  /** A double-quoted scalar on one line starting at `p`; `at` after the closing quote. */
  private doubleQuoted(p: number): string {
    const t = this.text;
    // The common case, no escape: the next quote closes it, if on the same line.
    const close = t.indexOf('"', p + 1);
    if (close !== -1 && this.next(NEXT_BACKSLASH, p) > close && this.next(NEXT_LF, p) > close && this.next(NEXT_CR, p) > close) {
      this.at = close + 1;
      return this.sharedText(p + 1, close);
    }
    let escaped = false;
    for (let i = p + 1; ; i++) {
      if (this.atEol(i)) notMine();
      const c = t.charCodeAt(i);
      if (c === BACKSLASH) {
        escaped = true;
        i++;
        if (this.atEol(i)) notMine(); // a line continuation
      } else if (c === DOUBLE) {
        this.at = i + 1;
        if (!escaped) return this.sharedText(p + 1, i);
        // JSON's escapes mean the same in YAML; any other (\x41, \e, \N, \ ...) throws: not ours.
        const value: unknown = JSON.parse(t.slice(p, i + 1));
        return value as string;
      }
    }
  }

  /**
   * A flow sequence or mapping that opens at `p` and closes on the same line; `at` after it. Only
   * `[a, "b"]` and `{ key: value, … }` shapes: no empty entries, trailing commas, pairs in
   * sequences, keys without values or comments.
   */
  private flowCollection(p: number): unknown {
    const t = this.text;
    this.enter();
    const isMapping = t.charCodeAt(p) === OPEN_CURLY;
    const close = isMapping ? CLOSE_CURLY : CLOSE_SQUARE;
    const from = this.top;
    const mapping: Record<string, unknown> | undefined = isMapping ? {} : undefined;
    let size = 0;
    let i = this.spaces(p + 1);
    if (t.charCodeAt(i) !== close) {
      for (;;) {
        if (isMapping) {
          const key = this.flowKey(i);
          if (key === '__proto__' || Object.prototype.hasOwnProperty.call(mapping, key)) notMine();
          mapping![key] = this.flowNode(this.spaces(this.at));
          size++;
        } else {
          this.push(this.flowNode(i));
        }
        i = this.spaces(this.at);
        const c = t.charCodeAt(i);
        if (c === close) break;
        if (c !== COMMA) notMine();
        i = this.spaces(i + 1);
        if (t.charCodeAt(i) === close) notMine();
      }
    }
    this.at = i + 1;
    this.depth--;
    if (mapping === undefined) return this.popSequence(from);
    return size > KEYED_PROPERTIES ? { ...mapping } : mapping; // see blockMapping
  }

  /** A key in a flow mapping, followed by `: `; `at` after the colon. */
  private flowKey(i: number): string {
    const t = this.text;
    const c = t.charCodeAt(i);
    let key: string;
    if (c === DOUBLE || c === SINGLE) {
      key = c === DOUBLE ? this.doubleQuoted(i) : this.singleQuoted(i);
    } else {
      const stop = this.flowPlainStop(i);
      key = this.plainKey(i, this.trimEnd(i, stop));
    }
    const colon = this.spaces(this.at);
    if (t.charCodeAt(colon) !== COLON || t.charCodeAt(colon + 1) !== SPACE) notMine();
    this.at = colon + 1;
    return key;
  }

  /** An entry or value in a flow collection: a nested one, a quoted or a plain scalar; `at` after it. */
  private flowNode(i: number): unknown {
    const c = this.text.charCodeAt(i);
    if (c === OPEN_SQUARE || c === OPEN_CURLY) return this.flowCollection(i);
    if (c === DOUBLE) return this.doubleQuoted(i);
    if (c === SINGLE) return this.singleQuoted(i);
    const stop = this.flowPlainStop(i);
    return this.plainValueAt(i, this.trimEnd(i, stop));
  }

  /** Where a plain scalar inside a flow collection stops, which must be on its line; `at` there. */
  private flowPlainStop(i: number): number {
    if (!this.isPlainStart(i)) notMine();
    const stop = this.plainStop(i, FLOW_STOP);
    const c = this.text.charCodeAt(stop);
    // A comment, or a flow collection over several lines.
    if (c === HASH || this.atEol(stop)) notMine();
    this.at = stop;
    return stop;
  }

  /**
   * A `|` or `>` block scalar whose header is at `p`, under a collection in column `n`, following
   * js-yaml's readBlockScalar step by step; `pos` at the first line after it.
   */
  private blockScalar(p: number, n: number): string {
    const t = this.text;
    const folded = t.charCodeAt(p) === GREATER;
    let i = p + 1;
    const indicator = t.charCodeAt(i);
    const chomping = indicator === DASH ? 'strip' : indicator === 0x2b /* + */ ? 'keep' : 'clip';
    if (chomping !== 'clip') i++;
    // An explicit indentation (`|2`) or anything else glued to the header: not ours.
    if (!this.atEol(i)) {
      if (t.charCodeAt(i) !== SPACE) notMine();
      i = this.spaces(i);
      if (!this.atEolOrComment(i)) notMine();
    }
    let lineStart = this.nextLineStart(i);
    let textIndent = n + 1;
    let detected = false;
    let didReadContent = false;
    let atMoreIndented = false;
    let emptyLines = 0;
    let value = '';
    for (;;) {
      if (lineStart >= this.end) break;
      const content = this.spaces(lineStart);
      if (this.atEol(content)) {
        // A line of spaces only, which js-yaml may count as the text's indentation (S98Z): not ours.
        if (content > lineStart) notMine();
        emptyLines++;
        lineStart = this.nextLineStart(content);
        continue;
      }
      const lineIndent = detected ? Math.min(content - lineStart, textIndent) : content - lineStart;
      if (!detected && lineIndent > textIndent) textIndent = lineIndent;
      if (lineIndent < textIndent) break;
      const from = lineStart + lineIndent;
      if (folded) {
        if (t.charCodeAt(from) === SPACE) {
          // More indented lines are not folded, except for the first line of content.
          atMoreIndented = true;
          value += '\n'.repeat(didReadContent ? 1 + emptyLines : emptyLines);
        } else if (atMoreIndented) {
          atMoreIndented = false;
          value += '\n'.repeat(emptyLines + 1);
        } else if (emptyLines === 0) {
          if (didReadContent) value += ' ';
        } else {
          value += '\n'.repeat(emptyLines);
        }
      } else {
        value += '\n'.repeat(didReadContent ? 1 + emptyLines : emptyLines);
      }
      didReadContent = true;
      detected = true;
      emptyLines = 0;
      const nl = t.indexOf('\n', from);
      let to = nl === -1 ? this.end : nl;
      if (t.charCodeAt(to - 1) === CR) to--;
      value += t.slice(from, to);
      lineStart = nl === -1 ? this.end : nl + 1;
    }
    if (chomping === 'keep') value += '\n'.repeat(didReadContent ? 1 + emptyLines : emptyLines);
    else if (chomping === 'clip' && didReadContent) value += '\n';
    this.pos = lineStart;
    return own(value);
  }
}
