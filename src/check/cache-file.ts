// The files `lamd validate --cache` keeps: a header file (a line with the checksum of the rest, a
// line of JSON about the run, then a line per file: what it was, by its size, times and content
// hash, and where its results are) and a blob file beside it holding the results themselves as the
// output prints them. A run appends what it printed anew to the blob, in a chunk with its own
// checksum, and rewrites only the header, copying the lines of the files that did not change as the
// text they were; the blob is written afresh (compacted) when most of it is no longer referred to.
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync, writevSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isAscii } from 'node:buffer';
import * as zlib from 'node:zlib';
import type { DocumentKind } from '../workspace/kinds.js';
import type { PackedSummary } from './stand-in.js';
import { temporaryBeside } from '../temporary-file.js';


export const CACHE_FORMAT = 'lamd validate cache';
/**
 * 1: one JSON document of diagnostics (lamd before the stat-keyed cache); 2: header line and blob in
 * one file, rewritten whole by every run; 3: the blob in a file of its own, appended to; 4: a line
 * per file in the header, read when the run asks for it and copied as it was when it is the same.
 */
export const CACHE_VERSION = 4;

/** Where a text lies in the blob: its byte offset and length. */
export type Segment = [offset: number, length: number];

/** A stretch of the blob file one run wrote: its offset, its length and the checksum of its bytes (see checksum). */
export type Chunk = [offset: number, length: number, sum: string];

/** One file's results as the run printed them. */
export interface PrintedResult {
  /**
   * The file's entry in the JSON output (see format/json.ts jsonFileFragment) and the `,\n` after it.
   * A blob written afresh holds the entries of the files reported first, in the output's order, so
   * that the next run prints what stayed the same as a few long stretches of it.
   */
  j: Segment;
  /** Errors, warnings and infos. */
  c: [number, number, number];
  /** `{ suppressions, suppressed }` as JSON, when the file has either. */
  x?: Segment;
}

/** What a file held when it was read. */
export interface DocEntry {
  kind: DocumentKind;
  /** Whether js-yaml alone read it (no slow path). */
  fast: boolean;
  /** A road map's id, as the id index reads it, when its summary does not hold it. */
  id?: string | null;
  /** A road map read fast: the keys other documents' checks read (see stand-in.ts), packed. */
  sm?: PackedSummary;
  /** The summary's own key (a hash of its JSON), for the key of the other files' results. */
  sk?: string;
  /** Any other document: its value as JSON, when JSON gives back exactly what js-yaml read. */
  v?: Segment;
  /** What reading the file found (duplicate keys…), as JSON, when anything. */
  read?: Segment;
}

export interface FileEntry {
  /** `size:mtimeMs:ctimeMs:inode` when read; null when the file changed too close to the cache's writing to trust it (git's "racily clean"). */
  st: string | null;
  /** SHA-256 of the bytes, base64url; null when the file could not be read. */
  h: string | null;
  /** Absent: not a document (or left out of a run over named files). */
  doc?: DocEntry;
  /** A road map's own results, valid while the rest of the workspace has the header's `facts` and its id the same first file. */
  own?: { first?: string; r: PrintedResult };
}

/**
 * The results of every reported file that is not a cached road map, valid while `key` (over those
 * files' contents, every road map's summary and the contents of the road maps in `deep`) is the same.
 */
export interface RestEntry {
  key: string;
  /** The road maps whose whole content the checks of these files read. */
  deep: string[];
  /** The run's notes (printed on stderr). */
  notes: string[];
  files: Record<string, PrintedResult>;
}

/** The header's first line of JSON: everything but the files. */
interface HeaderLine {
  format: typeof CACHE_FORMAT;
  version: typeof CACHE_VERSION;
  /** lamd's build, the schema and SDG versions, the date, the language and where the workspace is seen from. */
  key: string;
  /** The fingerprint of the workspace beside its road maps that the road maps' own results were drawn from. */
  facts: string;
  /** Most recent first: a run over the whole workspace and runs over named files keep their own. */
  rests: RestEntry[];
  /** The blob file, in the header's folder, and the chunks of it that the segments above lie in. */
  blob: { file: string; chunks: Chunk[] };
}

/** A header as a run writes it: the files by path relative to the workspace root, in the order written. */
export interface CacheHeader extends HeaderLine {
  files: ReadonlyMap<string, FileEntry>;
}

/** A header as a run reads it: its files' lines are read when asked for. */
export interface ReadHeader extends HeaderLine {
  files: FileLines;
}

export interface CacheContents {
  header: ReadHeader;
  /** The blob file's bytes (its chunks checked). */
  blob: Buffer;
}

/**
 * The file lines of a header read. A line is the path as JSON, a comma, the entry as JSON and a
 * comma: the lines are one JSON list, read by one JSON.parse, whose paths are values, not property
 * names (two thousand of those would each be hashed and interned). An entry still as it was read is
 * written again as its line's bytes.
 */
export class FileLines {
  /** Each path's line number. */
  readonly #at = new Map<string, number>();
  /** Each line's entry, and its `st` as read (a run sets an entry's `st` to null when it is racy). */
  readonly #entries: FileEntry[] = [];
  readonly #st: Array<string | null> = [];
  /** Where each line starts in `bytes`, found when the header is written. */
  #starts: number[] | undefined;

  private constructor(readonly bytes: Buffer) {}

  /** The lines of a header's bytes; undefined when they are not lines lamd writes. */
  static read(bytes: Buffer): FileLines | undefined {
    let list: unknown;
    try {
      // lamd writes headers in ASCII (see ascii()), which latin-1 decodes fastest; a header that is not
      // ASCII (none lamd writes: one of another build has another key and is not read this far) is UTF-8.
      list = JSON.parse(`[${bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8')}null]`);
    } catch {
      return undefined;
    }
    if (!Array.isArray(list) || list.length % 2 !== 1 || (bytes.length > 0 && (bytes[bytes.length - 1] !== 0x0a || bytes[bytes.length - 2] !== 0x2c))) return undefined;
    const lines = new FileLines(bytes);
    const at = lines.#at;
    const entries = lines.#entries;
    const st = lines.#st;
    for (let i = 0; i + 1 < list.length; i += 2) {
      const rel: unknown = list[i];
      const entry = list[i + 1] as FileEntry;
      if (typeof rel !== 'string' || !isRecord(entry) || at.has(rel)) return undefined;
      at.set(rel, entries.length);
      entries.push(entry);
      st.push(entry.st);
    }
    return lines;
  }

  get size(): number {
    return this.#at.size;
  }

  get(rel: string): FileEntry | undefined {
    const line = this.#at.get(rel);
    return line === undefined ? undefined : this.#entries[line];
  }

  /** Every path, in the order of the lines. */
  paths(): IterableIterator<string> {
    return this.#at.keys();
  }

  /** Where the line `entry` was read from lies in `bytes` (its newline included), when the entry is still as read. */
  line(rel: string, entry: FileEntry): [from: number, to: number] | undefined {
    const line = this.#at.get(rel);
    if (line === undefined || this.#entries[line] !== entry || this.#st[line] !== entry.st) return undefined;
    if (!this.#starts) {
      const starts = [0];
      for (let i = this.bytes.indexOf(0x0a); i !== -1; i = this.bytes.indexOf(0x0a, i + 1)) starts.push(i + 1);
      this.#starts = starts;
    }
    return [this.#starts[line]!, this.#starts[line + 1]!];
  }
}

/** What reading the cache gave: its contents, nothing (none yet, or made by another lamd), or files not to trust. */
export type CacheRead = { contents: CacheContents } | { none: true } | { damaged: true };

/**
 * Whether a header's blob name is one lamd makes beside the header (`<header's name>.<hex>.blob`):
 * a name in that folder, never a path elsewhere. The header's own name may hold any character
 * (`--cache-location "my cache.json"`), so the name is checked by its shape, not by a character set.
 */
function ownBlobName(blobName: string, headerName: string): boolean {
  const stem = `${headerName}.`;
  // No separator (so no `..` either: the name starts with the header's own), and something between stem and suffix.
  return blobName.startsWith(stem) && blobName.endsWith('.blob') && blobName.length > stem.length + '.blob'.length && !/[/\\\0]/.test(blobName);
}

export function readCacheFile(file: string, key: string): CacheRead {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    // No cache yet (or no folder for one, which writing it will say): nothing to ignore.
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? { none: true } : { damaged: true };
  }
  // The checksum's line, then the header's.
  const first = bytes.indexOf(0x0a);
  const second = first === -1 ? -1 : bytes.indexOf(0x0a, first + 1);
  if (first !== SUM_LENGTH || second === -1) return otherLayout(bytes, first) ? { none: true } : { damaged: true };
  let header: unknown;
  try {
    header = JSON.parse(bytes.toString('utf8', first + 1, second));
  } catch {
    return { damaged: true };
  }
  // (A cache of version 3 or before was one line of JSON; it is told by its version below.)
  if (!isRecord(header) || header.format !== CACHE_FORMAT || typeof header.key !== 'string') return { damaged: true };
  // Made by another lamd, or for another date, language or folder: nothing in it applies, and nothing is wrong.
  if (header.version !== CACHE_VERSION || header.key !== key) return { none: true };
  // Every byte after the first line is checked, and every chunk of the blob: what lamd wrote is read
  // as it was written, and anything else (a change, a truncation, another tool's file) is set aside.
  // The entries' shapes are then lamd's own, with this build (the key says so), and are not checked one by one.
  const headerSum = agreement(bytes.toString('latin1', 0, first), bytes.subarray(first + 1));
  if (headerSum !== 'agrees') return headerSum === 'unknown' ? { none: true } : { damaged: true };
  if (!isString(header.facts) || !Array.isArray(header.rests) || !isRecord(header.blob)) return { damaged: true };
  const files = FileLines.read(bytes.subarray(second + 1));
  if (!files) return { damaged: true };
  const { file: blobName, chunks } = header.blob;
  if (!isString(blobName) || !ownBlobName(blobName, basename(file)) || !Array.isArray(chunks)) return { damaged: true };
  let blob: Buffer;
  try {
    blob = readFileSync(join(dirname(file), blobName));
  } catch (error) {
    // A blob gone from under a header whose checksum holds is how concurrent runs (or the sweep of
    // leftovers) can leave it, not damage: no cache, and nothing to say.
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? { none: true } : { damaged: true };
  }
  for (const chunk of chunks as unknown[]) {
    if (!Array.isArray(chunk)) return { damaged: true };
    const [offset, length, sum] = chunk as unknown[];
    if (typeof offset !== 'number' || typeof length !== 'number' || typeof sum !== 'string' || offset + length > blob.length) return { damaged: true };
    const chunkSum = agreement(sum, blob.subarray(offset, offset + length));
    if (chunkSum !== 'agrees') return chunkSum === 'unknown' ? { none: true } : { damaged: true };
  }
  return { contents: { header: { ...(header as unknown as HeaderLine), files }, blob } };
}

/**
 * Whether the file is a cache of lamd's in another layout: version 1 was one JSON document. Made by
 * another lamd, it does not apply, and nothing is wrong with it.
 */
function otherLayout(bytes: Buffer, newline: number): boolean {
  try {
    const data: unknown = JSON.parse(bytes.toString('utf8', 0, newline === -1 ? bytes.length : newline));
    return isRecord(data) && data.format === CACHE_FORMAT && data.version !== CACHE_VERSION;
  } catch {
    return false;
  }
}

/** The text of a segment. */
export function text(blob: Buffer, [offset, length]: Segment): string {
  return blob.toString('utf8', offset, offset + length);
}

/**
 * The texts a run adds to the blob. They are given the offsets they will have appended to the
 * blob read (`base`, its length), so every kept segment keeps its offset and every kept entry can be
 * written again as the object it is; a blob written afresh moves them all (see compact).
 */
export class NewTexts {
  readonly #parts = new Map<number, Buffer>();
  #length = 0;

  constructor(readonly base: number) {}

  add(value: string): Segment {
    const bytes = Buffer.from(value, 'utf8');
    const at = this.base + this.#length;
    this.#parts.set(at, bytes);
    this.#length += bytes.length;
    return [at, bytes.length];
  }

  /** The bytes of a segment `add` gave. */
  bytes([offset]: Segment): Buffer | undefined {
    return this.#parts.get(offset);
  }

  get length(): number {
    return this.#length;
  }

  /** Every text added, in order. */
  get parts(): Buffer[] {
    return [...this.#parts.values()];
  }
}

/** What a run writes: the header (given the file system's time of the writing) over the old blob and the new texts. */
export interface CacheWrite {
  /** The blob read (empty when there was none), and its file name when there was one. */
  blob: Buffer;
  blobFile: string | undefined;
  chunks: readonly Chunk[];
  texts: NewTexts;
  /** The header to write, its segments in the appended layout; `now` is the file system's time. */
  header: (now: bigint) => Omit<CacheHeader, 'blob'>;
  /** The file lines read, whose entries written unchanged are copied as their bytes. */
  lines: FileLines | undefined;
  /** The segments of the reported files' entries, in the output's order: a blob written afresh starts with them. */
  printedFirst: readonly Segment[];
  /** Bytes of the blob still referred to, old and new. */
  live: number;
}

/** A blob that keeps fewer than this part of its bytes referred to, or this many chunks, is written afresh. */
const LIVE_PART = 0.5;
const MAX_CHUNKS = 64;

/**
 * Writes the cache, one step after the other: the header's temporary file opened first (which shows
 * the folder takes the header, and gives the file system's time); then the new texts appended to the
 * blob as one chunk (or, when most of the blob is no longer referred to, or another run appended
 * meanwhile, a new blob file with only what is); then the header written and renamed over the old.
 * A crash at any point leaves a header whose chunks either check out or are set aside. Returns the
 * error code when the cache cannot be written.
 */
export function writeCacheFile(file: string, write: CacheWrite): string | undefined {
  const folder = dirname(file);
  const tmp = temporaryBeside(file);
  let fd: number | undefined;
  let header: CacheHeader;
  try {
    mkdirSync(folder, { recursive: true });
    fd = openSync(tmp, 'w');
    const head = write.header(fstatSync(fd, { bigint: true }).mtimeNs);
    const compacting = write.blobFile === undefined || write.live < (write.blob.length + write.texts.length) * LIVE_PART || write.chunks.length >= MAX_CHUNKS;
    const kept = compacting ? undefined : write.texts.length === 0 ? { file: write.blobFile!, chunks: [...write.chunks] } : appendChunk(join(folder, write.blobFile!), write);
    let lines = write.lines;
    if (kept) header = { ...head, blob: kept };
    else {
      // Every segment moves: no line is as it was.
      lines = undefined;
      // A blob of its own: only what is referred to, the reported files' entries first, in order.
      const moved = compact(write, head);
      const name = `${basename(file)}.${randomBytes(6).toString('hex')}.blob`;
      const refused = writeAtomically(join(folder, name), moved.parts);
      if (refused !== undefined) throw Object.assign(new Error(refused), { code: refused });
      header = { ...moved.header, blob: { file: name, chunks: [[0, moved.length, checksum(moved.parts)]] } };
    }
    const parts = headerParts(header, lines);
    writeAll(fd, [Buffer.from(`${checksum(parts)}\n`, 'latin1'), ...parts]);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, file);
  } catch (error) {
    undo(fd, tmp);
    return (error as NodeJS.ErrnoException).code ?? String(error);
  }
  if (header.blob.file !== write.blobFile) removeLeftovers(folder, basename(file), header.blob.file);
  return undefined;
}

/**
 * The header's bytes after its checksum: its line of JSON, then a line per file; a run of lines as
 * they were read is copied from the old header's bytes as one slice.
 */
function headerParts(header: CacheHeader, lines: FileLines | undefined): Buffer[] {
  const { format, version, key, facts, rests, blob } = header;
  const first: HeaderLine = { format, version, key, facts, rests, blob };
  const parts: Buffer[] = [];
  // Lines written now, gathered until a run of copied lines (or the end) comes.
  let texts = `${ascii(JSON.stringify(first))}\n`;
  let from = -1;
  let to = -1;
  const flush = () => {
    if (from !== -1) parts.push(lines!.bytes.subarray(from, to));
    from = to = -1;
  };
  for (const [rel, entry] of header.files) {
    const line = lines?.line(rel, entry);
    if (line && line[0] === to) to = line[1];
    else if (line) {
      flush();
      if (texts !== '') parts.push(Buffer.from(texts, 'latin1'));
      texts = '';
      [from, to] = line;
    } else {
      flush();
      texts += `${ascii(JSON.stringify(rel))},${ascii(JSON.stringify(entry))},\n`;
    }
  }
  flush();
  if (texts !== '') parts.push(Buffer.from(texts, 'latin1'));
  return parts;
}

/**
 * JSON text with every character beyond ASCII written as its escape: the header is then ASCII,
 * which the next run decodes as latin-1, the fastest decoding (a two-byte string also parses slower).
 */
function ascii(json: string): string {
  return NOT_ASCII.test(json) ? json.replace(NOT_ASCII_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : json;
}
const NOT_ASCII = /[^\x00-\x7f]/;
const NOT_ASCII_ALL = /[^\x00-\x7f]/g;

/** Files untouched for this long, other than the blob just written, are leftovers (a live run is never this slow to rename). */
const LEFTOVER_AGE_MS = 10 * 60 * 1000;

/**
 * Once a new blob is in place: blobs and temporary files of this cache that no run has touched for a
 * while. The blob just replaced is left to a later sweep, not removed at once: a run that read the old
 * header may append to it and rename its header, naming it, after this run renamed its own.
 */
function removeLeftovers(folder: string, name: string, blobFile: string): void {
  try {
    const before = Date.now() - LEFTOVER_AGE_MS;
    for (const entry of readdirSync(folder)) {
      const ours = (entry.startsWith(`${name}.`) && entry.endsWith('.blob')) || (entry.startsWith(`.${name}.`) && entry.endsWith('.tmp'));
      if (!ours || entry === blobFile) continue;
      const path = join(folder, entry);
      if (statSync(path).mtimeMs < before) rmSync(path, { force: true });
    }
  } catch {
    // Only tidying: what is left is never read.
  }
}

/** Appends the new texts to the blob file as one chunk; undefined when the file is not the one read (another run wrote to it). */
function appendChunk(path: string, write: CacheWrite): { file: string; chunks: Chunk[] } | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'a');
    if (fstatSync(fd).size !== write.blob.length) return undefined;
    const parts = write.texts.parts;
    writeAll(fd, parts);
    if (fstatSync(fd).size !== write.blob.length + write.texts.length) return undefined;
    return { file: basename(path), chunks: [...write.chunks, [write.blob.length, write.texts.length, checksum(parts)]] };
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The header with every segment moved into a blob of its own, and that blob's parts. */
function compact(write: CacheWrite, header: Omit<CacheHeader, 'blob'>): { header: Omit<CacheHeader, 'blob'>; parts: Buffer[]; length: number } {
  const parts: Buffer[] = [];
  let length = 0;
  // Where each segment went, by its offset (one text may be referred to from several entries).
  const moved = new Map<number, number>();
  // The last part taken from the old blob, which the next stretch of it may extend.
  let last: { start: number; end: number } | undefined;
  const move = (segment: Segment): Segment => {
    const [offset, size] = segment;
    const known = moved.get(offset);
    if (known !== undefined) return [known, size];
    const at = length;
    moved.set(offset, at);
    length += size;
    const added = offset >= write.texts.base ? write.texts.bytes(segment) : undefined;
    if (added) {
      parts.push(added);
      last = undefined;
    } else if (last && last.end === offset) {
      // Unchanged entries lie one after the other: the blob is then written in a few long parts.
      last.end += size;
      parts[parts.length - 1] = write.blob.subarray(last.start, last.end);
    } else {
      parts.push(write.blob.subarray(offset, offset + size));
      last = { start: offset, end: offset + size };
    }
    return [at, size];
  };
  const moveResult = (r: PrintedResult): PrintedResult => ({ j: move(r.j), c: r.c, ...(r.x ? { x: move(r.x) } : {}) });
  for (const segment of write.printedFirst) move(segment);
  const files = new Map<string, FileEntry>();
  for (const [path, entry] of header.files) {
    const out: FileEntry = { st: entry.st, h: entry.h };
    if (entry.doc) {
      const { v, read, ...doc } = entry.doc;
      out.doc = { ...doc, ...(v ? { v: move(v) } : {}), ...(read ? { read: move(read) } : {}) };
    }
    if (entry.own) out.own = { ...entry.own, r: moveResult(entry.own.r) };
    files.set(path, out);
  }
  const rests = header.rests.map((r) => ({ ...r, files: Object.fromEntries(Object.entries(r.files).map(([name, p]) => [name, moveResult(p)])) }));
  return { header: { ...header, files, rests }, parts, length };
}

/** Writes a file atomically (a temporary file renamed over it). Returns the error code when it cannot be written. */
function writeAtomically(file: string, parts: readonly Buffer[]): string | undefined {
  const tmp = temporaryBeside(file);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'w');
    writeAll(fd, parts);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, file);
    return undefined;
  } catch (error) {
    undo(fd, tmp);
    return (error as NodeJS.ErrnoException).code ?? String(error);
  }
}

/** Closes and removes a temporary file that will not be renamed. */
function undo(fd: number | undefined, tmp: string): void {
  try {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
  } catch {
    // Nothing more to undo.
  }
}

/** Writes every buffer, in order, however many system calls it takes. */
function writeAll(fd: number, buffers: readonly Buffer[]): void {
  // writev takes at most IOV_MAX (1,024 on Linux) buffers at a time.
  for (let i = 0; i < buffers.length; i += 1024) {
    const batch = buffers.slice(i, i + 1024);
    let skip = writevSync(fd, batch);
    // A short write (rare on a regular file): the rest, buffer by buffer, from where it stopped.
    for (const buffer of batch) {
      if (skip >= buffer.length) {
        skip -= buffer.length;
        continue;
      }
      for (let done = skip; done < buffer.length; ) done += writeSync(fd, buffer, done, buffer.length - done);
      skip = 0;
    }
  }
}

function hashOf(parts: readonly Uint8Array[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('base64url');
}

/**
 * A checksum's length: a SHA-256 in base64url, or CRC32_PREFIX, a CRC-32 in hex and dots to the same
 * length. One length for both, because lamd before the CRC-32 set aside a first line of any other
 * length as damage, with a note, where a cache of another lamd is set aside quietly (by its key).
 */
const SUM_LENGTH = 43;
const CRC32_PREFIX = 'crc32:';

/**
 * The checksum of the header's lines and of each blob chunk: their CRC-32 (zlib's, which Node has from
 * 20.15 and 22.2), else their SHA-256. A CRC-32 catches the damage a cache meets (a byte changed, a
 * file cut short or written over) as surely, four times as fast: a warm run over 2,000 road maps
 * checks a 5 MB blob and an 800 KB header, 3.3 ms with SHA-256, 1 ms so.
 */
/** zlib's CRC-32, or null where this Node has none (a parameter of the functions below, for their tests). */
type Crc32 = ((data: Uint8Array, value?: number) => number) | null;

export function checksum(parts: readonly Uint8Array[], crc32: Crc32 = zlib.crc32 ?? null): string {
  return crc32 !== null ? crc32Sum(parts, crc32) : hashOf(parts);
}

function crc32Sum(parts: readonly Uint8Array[], crc32: NonNullable<Crc32>): string {
  let value = 0;
  for (const part of parts) value = crc32(part, value);
  return `${CRC32_PREFIX}${value.toString(16).padStart(8, '0')}`.padEnd(SUM_LENGTH, '.');
}

/**
 * Whether `bytes` have the checksum `sum` written for them, a CRC-32 or a SHA-256 (which a Node without
 * zlib.crc32 writes); `unknown` for a CRC-32 that this Node cannot compute (lamd run by an older Node on
 * a cache a newer one wrote): the cache is then not used, and the reader says nothing of it.
 */
export function agreement(sum: string, bytes: Uint8Array, crc32: Crc32 = zlib.crc32 ?? null): 'agrees' | 'differs' | 'unknown' {
  if (sum.startsWith(CRC32_PREFIX)) return crc32 === null ? 'unknown' : sum === crc32Sum([bytes], crc32) ? 'agrees' : 'differs';
  return sum.length === SUM_LENGTH && sum === hashOf([bytes]) ? 'agrees' : 'differs';
}

export const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('base64url');

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
