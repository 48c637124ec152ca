// A glance at a document's bytes: whether it surely is a road map (or a practice, an activity, a
// profile) and which id it declares, without parsing it, so that a run over named road maps can leave
// out the workspace's documents they cannot refer to.
import { closeSync, constants, openSync, readSync } from 'node:fs';
import { hasLoneCarriageReturn } from './text-positions.js';

/** Bytes a glance reads at most: a road map is a few kilobytes; a larger file is loaded as usual. */
const GLANCE_BYTES = 64 * 1024;
let glanceBuffer: Buffer | undefined;

/**
 * A small file's bytes, read into a buffer shared by every call (valid until the next one), or
 * undefined when the file cannot be opened or read or fills the buffer. Three system calls (open,
 * read, close), where readDocumentFile makes five: with 2,000 road maps left out, the calls are most
 * of the time. Opened non-blocking, and read once into a bounded buffer: a FIFO or device put in place
 * of a file cannot make lamd wait or read without end. A regular file's read returns less than asked
 * only at its end.
 */
export function glanceBytes(path: string): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    const buffer = (glanceBuffer ??= Buffer.allocUnsafe(GLANCE_BYTES));
    const read = readSync(fd, buffer, 0, GLANCE_BYTES, null);
    return read < GLANCE_BYTES ? buffer.subarray(0, read) : undefined;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

const SPACE = 0x20;
const TAB = 0x09;
const CR = 0x0d;
const LF = 0x0a;
const HASH = 0x23;
const DASH = 0x2d;
const KIND_VALUE = /^[ \t]*(?:roadmap|"roadmap"|'roadmap')(?:[ \t]+#.*)?[ \t]*$/;

/**
 * What a road map's text tells at a glance, without parsing it: undefined unless it surely is a
 * block-style document whose top-level `kind` is `roadmap`; then its top-level `id` as written
 * (in the latin-1 reading of its bytes; null when it has none or it is null). Sure means that every
 * line at column 0 with content is a plain key (`key:`), a list item (`- `), a comment or, before
 * the first key, `---`; the first with content is a key; one key is `kind`, read `roadmap`; at most
 * one is `id`, a plain or simply quoted scalar; neither value goes on to the next line. In such a
 * text, js-yaml and the `yaml` package find the top-level keys at those lines (or find no document),
 * so a quoted or explicit key, a merge key, a tag, an anchor, a flow collection, a second document,
 * a tab, a carriage return alone or a byte-order mark, where a `kind` or `id` could hide, leaves the file to the parser.
 */
export function glanceAtRoadmap(bytes: Uint8Array): { id: string | null } | undefined {
  return glanceAtText(latin1(bytes));
}

/** A text read one character per byte, as UTF-8 bytes are read at a glance. */
function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/** glanceAtRoadmap of the bytes' latin-1 reading. */
function glanceAtText(text: string): { id: string | null } | undefined {
  const lines = topLevelLines(text, ['id']);
  if (lines === undefined || !kindIs(text, lines.kindAt, KIND_VALUE)) return undefined;
  // An `id:x` line (strayKeys) is no plain key: keyValue finds it unsure, or the id written twice.
  const id = keyValue(text, 'id', lines.counts[0]!, lines.lastAt[0]!);
  return id === undefined ? undefined : { id: id.value };
}

/**
 * The top-level lines of a text that is surely block-style (see glanceAtRoadmap), in one pass: where
 * its one `kind:` line starts, and for each of `keys` how many lines start with `key:`, where the last
 * one starts, and whether one of them is no plain key (`id:x`), which leaves unsure a glance that
 * does not read that key. Undefined when the text is not sure or has no or several `kind:` lines.
 */
function topLevelLines(text: string, keys: readonly string[]): { kindAt: number; counts: number[]; lastAt: number[]; strayKeys: boolean[] } | undefined {
  // A carriage return alone breaks a line for YAML, not for this scan.
  if (hasLoneCarriageReturn(text)) return undefined;
  // Before the first key: blank lines, comments, and the start marker.
  let at = 0;
  for (;;) {
    if (at >= text.length) return undefined;
    let end = text.indexOf('\n', at);
    if (end === -1) end = text.length;
    const content = text.slice(at, end).trim();
    const first = text.charCodeAt(at);
    if (first !== SPACE && first !== HASH && first !== CR && content !== '---' && at !== end) break;
    if (content !== '' && content[0] !== '#' && !(content === '---' && first === DASH)) return undefined;
    at = end + 1;
  }
  // From there on, every line at column 0 with content is a plain key or a list item; the lines
  // between them (indented, blank, comments) are only stepped over, which is most of the text.
  if (plainKeyEnd(text, at) === -1) return undefined;
  let kinds = 0;
  let kindAt = -1;
  const keyed = keys.map((key) => `${key}:`);
  const counts = keys.map(() => 0);
  const lastAt = keys.map(() => -1);
  const strayKeys = keys.map(() => false);
  for (let line = at; line !== -1; line = nextAtColumn0(text, line)) {
    if (text.startsWith('kind:', line)) {
      kinds++;
      kindAt = line;
      continue;
    }
    let k = keyed.length - 1;
    while (k >= 0 && !text.startsWith(keyed[k]!, line)) k--;
    if (k !== -1) {
      counts[k]!++;
      lastAt[k] = line;
      if (!keyOrItem(text, line)) strayKeys[k] = true;
    } else if (!keyOrItem(text, line)) return undefined;
  }
  return kinds === 1 ? { kindAt, counts, lastAt, strayKeys } : undefined;
}

/** Whether the `kind:` line at `kindAt` holds a value `kindValue` accepts, on that line. */
function kindIs(text: string, kindAt: number, kindValue: RegExp): boolean {
  const kind = valueAt(text, kindAt, 5);
  return kind !== undefined && kindValue.test(kind);
}

/** The value of a key written `count` times, the last at `at`: null when not written; undefined when written twice or not simply. */
function keyValue(text: string, key: string, count: number, at: number): { value: string | null } | undefined {
  if (count > 1) return undefined;
  if (count === 0) return { value: null };
  const written = valueAt(text, at, key.length + 1);
  const scalar = written === undefined ? undefined : simpleScalar(written);
  return scalar === undefined ? undefined : { value: scalar };
}

/** The start of the next line after `line` that is at column 0 with content (not indented, blank or a comment), or -1. */
function nextAtColumn0(text: string, line: number): number {
  const last = text.length - 1;
  for (let nl = text.indexOf('\n', line); nl !== -1 && nl < last; nl = text.indexOf('\n', nl + 1)) {
    const first = text.charCodeAt(nl + 1);
    // A carriage return is always followed by a line feed here: a blank line.
    if (first !== SPACE && first !== HASH && first !== LF && first !== CR) return nl + 1;
  }
  return -1;
}

/** Whether the line at `line` is a plain key or a list item. */
function keyOrItem(text: string, line: number): boolean {
  if (text.charCodeAt(line) !== DASH) return plainKeyEnd(text, line) !== -1;
  const next = line + 1 < text.length ? text.charCodeAt(line + 1) : LF;
  return next === SPACE || next === TAB || next === CR || next === LF;
}

/** The rest of the line after the `key:` of `length` characters at `line`; undefined when the value goes on below. */
function valueAt(text: string, line: number, length: number): string | undefined {
  if (plainKeyEnd(text, line) !== line + length) return undefined;
  let end = text.indexOf('\n', line);
  if (end === -1) end = text.length;
  if (continued(text, end + 1)) return undefined;
  return text.slice(line + length, text.charCodeAt(end - 1) === CR ? end - 1 : end);
}

/** Where a plain key written at `at` ends (after its `:`, followed by a space, a tab or the line's end), or -1. */
function plainKeyEnd(text: string, at: number): number {
  const first = text.charCodeAt(at);
  if (!((first >= 0x61 && first <= 0x7a) || (first >= 0x41 && first <= 0x5a) || first === 0x5f)) return -1;
  for (let i = at + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === DASH) continue;
    if (c !== 0x3a) return -1;
    const next = i + 1 < text.length ? text.charCodeAt(i + 1) : LF;
    return next === SPACE || next === TAB || next === CR || next === LF ? i + 1 : -1;
  }
  return -1;
}

/** The text of a scalar written on one line after `key:`, or null for none; undefined when not simple. */
function simpleScalar(value: string): string | null | undefined {
  if (value.includes('\n')) return undefined;
  const v = value.replace(/^[ \t]+/, '');
  if (v === '' || v[0] === '#') return null;
  if (v[0] === '"') return /^"([^"\\]*)"(?:[ \t]+#.*)?[ \t]*$/.exec(v)?.[1];
  if (v[0] === "'") return /^'([^']*)'(?:[ \t]+#.*)?[ \t]*$/.exec(v)?.[1];
  // Indicators that begin something other than a plain scalar (or a plain scalar read another way).
  if ('-?:,[]{}&*!|>%@`'.includes(v[0]!)) return undefined;
  const comment = v.search(/[ \t]#/);
  return (comment === -1 ? v : v.slice(0, comment)).replace(/[ \t]+$/, '');
}

/** Whether the next line with content is indented: a plain value above it would go on there. */
function continued(text: string, from: number): boolean {
  for (let start = from; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (text.slice(start, end).trim() !== '') return text.charCodeAt(start) === SPACE || text.charCodeAt(start) === TAB;
    start = end + 1;
  }
  return false;
}

/**
 * Whether a road map can be left out of a run over named road maps: its bytes, read at a glance, show
 * that it surely is a road map, with an id none of `namedIds` has (the named road maps' ids, each as
 * the latin-1 reading of its UTF-8 bytes, as glanceAtRoadmap gives ids). No bytes leave nothing out.
 */
export function leavesOut(bytes: Uint8Array | undefined, namedIds: ReadonlySet<string>): boolean {
  if (bytes === undefined) return false;
  // glanceBytes gives a Buffer already; wrapping one again costs more than the searches (2,000 files).
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Searched in its bytes, and decoded only when unsure: a text for each of 2,000 files was 14 MB of
  // garbage, which took the named run to eight scavenges and a mark-compact instead of four scavenges.
  return surelyOtherRoadmapBytes(buffer, namedIds) || glancedOther(buffer.toString('latin1'), namedIds);
}

/** The kinds of document glanceAtDocument reads, by the top-level key the workspace index finds them by. */
export const GLANCED_KINDS = { practice: 'id', activity: 'id', profile: 'municipality' } as const;
const GLANCED = Object.entries(GLANCED_KINDS).map(([kind, key]) => ({ kind: kind as keyof typeof GLANCED_KINDS, key, value: new RegExp(`^[ \\t]*(?:${kind}|"${kind}"|'${kind}')(?:[ \\t]+#.*)?[ \\t]*$`) }));
const GLANCED_KEYS = [...new Set(GLANCED.map((g) => g.key))];

/**
 * What a document's bytes tell at a glance, as glanceAtRoadmap tells of a road map: undefined unless
 * it surely is a block-style document of one of GLANCED_KINDS; then its kind and the value of the key
 * its index entry is found by (null when it has none), decoded from UTF-8 as the loader decodes it.
 */
export function glanceAtDocument(bytes: Uint8Array): { kind: keyof typeof GLANCED_KINDS; key: string | null } | undefined {
  const text = latin1(bytes);
  // One pass notes every glanced kind's key; the kind's value then says which key counts.
  const lines = topLevelLines(text, GLANCED_KEYS);
  if (lines === undefined) return undefined;
  const glanced = GLANCED.find((g) => kindIs(text, lines.kindAt, g.value));
  if (glanced === undefined) return undefined;
  const k = GLANCED_KEYS.indexOf(glanced.key);
  // A line starting like another key but no plain key is one glanceAtRoadmap would not be sure of.
  if (lines.strayKeys.some((stray, i) => stray && i !== k)) return undefined;
  const value = keyValue(text, glanced.key, lines.counts[k]!, lines.lastAt[k]!);
  return value === undefined ? undefined : { kind: glanced.kind, key: value.value === null ? null : Buffer.from(value.value, 'latin1').toString() };
}

/**
 * Whether a document can be left out of a run over named road maps until one of their references
 * is not found (see loadWorkspace): its bytes, read at a glance, show that it surely is of one of
 * GLANCED_KINDS, and its key's value is none of `mentioned` (every string the named road maps hold).
 * No bytes leave nothing out.
 */
export function leavesOutUnmentioned(bytes: Uint8Array | undefined, mentioned: ReadonlySet<string>): boolean {
  return bytes !== undefined && unmentioned(glanceAtDocument(bytes), mentioned);
}

function unmentioned(glance: ReturnType<typeof glanceAtDocument>, mentioned: ReadonlySet<string>): boolean {
  return glance !== undefined && (glance.key === null || !mentioned.has(glance.key));
}

/** By glanceAtRoadmap's look at every line: whether the text is a road map with an id none of `namedIds` has. */
function glancedOther(text: string, namedIds: ReadonlySet<string>): boolean {
  const glance = glanceAtText(text);
  return glance !== undefined && (glance.id === null || !namedIds.has(glance.id));
}

const BACKSLASH = 0x5c;

/**
 * The quick way to be sure of what glanceAtRoadmap finds by a look at every line, for bytes read one
 * character per byte: a handful of searches in the bytes, where that look decodes them and steps
 * through every line (in a run that glances at thousands of files once, mostly before V8 has
 * optimised it). True when the text is, for js-yaml and the `yaml` package alike, a road map whose id
 * none of `namedIds` has, or no road map document at all:
 *
 * - without a backslash, no scalar holds an escape, so a key or a value is the text written, but
 *   for line folding (which puts in a space or a line break) and, in single quotes, `''` for `'`;
 * - `kind` is written once, at the start of a line, as a plain key whose value on that line is
 *   `roadmap`. A key read as `kind` anywhere in the document (quoted, explicit, an alias, a merged
 *   mapping's) has those letters in the text, so this line is the only one: the document's `kind`
 *   is `roadmap` when the line is a top-level key, and there is no `kind` at all (so no document
 *   lamd checks) when it is inside something else, a quoted scalar over several lines for one;
 * - no named id is written anywhere: an id with no white space and no `'` can only be read from
 *   text that holds it whole.
 *
 * test/speed/roadmap-scan.test.ts holds it to the same searches written over text, and to the loader.
 */
export function surelyOtherRoadmapBytes(bytes: Buffer, namedIds: ReadonlySet<string>): boolean {
  if (bytes.indexOf(BACKSLASH) !== -1) return false;
  const kind = bytes.indexOf('kind');
  if (kind === -1 || (kind > 0 && bytes[kind - 1] !== LF) || bytes.indexOf('kind', kind + 1) !== -1) return false;
  if (!searchable(namedIds)) return false;
  for (const id of namedIds) if (bytes.indexOf(id, 0, 'latin1') !== -1) return false;
  // valueAt's plainKeyEnd: `kind:` then a space, a tab or the line's end.
  const length = bytes.length;
  const after = kind + 5 < length ? bytes[kind + 5]! : LF;
  if (bytes[kind + 4] !== 0x3a || !(after === SPACE || after === TAB || after === CR || after === LF)) return false;
  let end = bytes.indexOf(LF, kind);
  if (end === -1) end = length;
  if (continuedBytes(bytes, end + 1)) return false;
  return KIND_VALUE.test(bytes.toString('latin1', kind + 5, bytes[end - 1] === CR ? end - 1 : end));
}

/** continued over bytes: a line is blank when all its bytes are what String#trim takes away in the latin-1 reading. */
function continuedBytes(bytes: Buffer, from: number): boolean {
  const length = bytes.length;
  for (let start = from; start < length; ) {
    let end = bytes.indexOf(LF, start);
    if (end === -1) end = length;
    for (let i = start; i < end; i++) {
      const c = bytes[i]!;
      if (!((c >= TAB && c <= CR) || c === SPACE || c === 0xa0)) return bytes[start] === SPACE || bytes[start] === TAB;
    }
    start = end + 1;
  }
  return false;
}

/** Whether every named id can only be read from text that holds it whole (see surelyOtherRoadmapBytes). */
const searchableIds = new WeakMap<ReadonlySet<string>, boolean>();
function searchable(namedIds: ReadonlySet<string>): boolean {
  let yes = searchableIds.get(namedIds);
  // White space, which line folding makes, and a single quote, which `''` in single quotes makes.
  if (yes === undefined) searchableIds.set(namedIds, (yes = [...namedIds].every((id) => id !== '' && !/[\s']/.test(id))));
  return yes;
}
