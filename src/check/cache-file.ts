// The file `lamd validate --cache` keeps: a line with the SHA-256 of the rest, one line of JSON (what
// each file was, by its size, times and content hash, and where its results are), then the results
// themselves as the output prints them, so a run reads the whole cache without parsing what it prints.
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync, writevSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { DocumentKind } from '../workspace/kinds.js';
import { SUMMARY_KEYS, type Summary } from './stand-in.js';

export const CACHE_FORMAT = 'lamd validate cache';
/** 1: one JSON document of diagnostics (lamd before the stat-keyed cache); 2: header line and blob. */
export const CACHE_VERSION = 2;

/** Where a text lies in the blob: its byte offset and length. */
export type Segment = [offset: number, length: number];

/** One file's results as the run printed them. */
export interface PrintedResult {
  /**
   * The file's entry in the JSON output (see format/json.ts jsonFileFragment) and the `,\n` after it.
   * A run writes the entries of the files it reports first, in the output's order, so the next run
   * prints what stayed the same as a few long stretches of the blob.
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

/**
 * A summary as a list: which of SUMMARY_KEYS (in their order) it holds as scalars and which as
 * something else, as two bit masks, then the scalars in that order. A third of the header is summaries.
 */
export type PackedSummary = [scalars: number, other: number, ...values: Array<string | number | boolean | null>];

const KEYS = [...SUMMARY_KEYS];

export function packSummary(summary: Summary): PackedSummary {
  let scalars = 0;
  let other = 0;
  const values: Array<string | number | boolean | null> = [];
  KEYS.forEach((key, i) => {
    if (Object.hasOwn(summary.scalars, key)) {
      scalars |= 1 << i;
      values.push(summary.scalars[key]!);
    }
    if (summary.other.includes(key)) other |= 1 << i;
  });
  return [scalars, other, ...values];
}

export function unpackSummary([scalars, other, ...values]: PackedSummary): Summary {
  const summary: Summary = { scalars: {}, other: [] };
  let at = 0;
  KEYS.forEach((key, i) => {
    if (scalars & (1 << i)) summary.scalars[key] = values[at++]!;
    if (other & (1 << i)) summary.other.push(key);
  });
  return summary;
}

export interface FileEntry {
  /** `size:mtimeNs:ctimeNs:inode` when read; null when the file changed too close to the cache's writing to trust it (git's "racily clean"). */
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

export interface CacheHeader {
  format: typeof CACHE_FORMAT;
  version: typeof CACHE_VERSION;
  /** lamd's build, the schema and SDG versions, the date, the language and where the workspace is seen from. */
  key: string;
  /** The fingerprint of the workspace beside its road maps that the road maps' own results were drawn from. */
  facts: string;
  /** By path relative to the workspace root. */
  files: Record<string, FileEntry>;
  /** Most recent first: a run over the whole workspace and runs over named files keep their own. */
  rests: RestEntry[];
}

export interface CacheContents {
  header: CacheHeader;
  blob: Buffer;
}

/** What reading the cache gave: its contents, nothing (none yet, or made by another lamd), or a file not to trust. */
export type CacheRead = { contents: CacheContents } | { none: true } | { damaged: true };

export function readCacheFile(file: string, key: string): CacheRead {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    // No cache yet (or no folder for one, which writing it will say): nothing to ignore.
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? { none: true } : { damaged: true };
  }
  // The checksum's line, the header's, then the blob.
  const first = bytes.indexOf(0x0a);
  const second = first === -1 ? -1 : bytes.indexOf(0x0a, first + 1);
  if (first !== 43 || second === -1) return otherLayout(bytes, first) ? { none: true } : { damaged: true };
  let header: unknown;
  try {
    header = JSON.parse(bytes.toString('utf8', first + 1, second));
  } catch {
    return { damaged: true };
  }
  if (!isRecord(header) || header.format !== CACHE_FORMAT || typeof header.key !== 'string') return { damaged: true };
  // Made by another lamd, or for another date, language or folder: nothing in it applies, and nothing is wrong.
  if (header.version !== CACHE_VERSION || header.key !== key) return { none: true };
  // Every byte after the first line is checked: what lamd wrote is read as it was written, and
  // anything else (a change, a truncation, another tool's file) is set aside. The entries' shapes
  // are then lamd's own, with this build (the key says so), and are not checked one by one.
  if (bytes.toString('latin1', 0, first) !== sha256(bytes.subarray(first + 1))) return { damaged: true };
  if (!isString(header.facts) || !isRecord(header.files) || !Array.isArray(header.rests)) return { damaged: true };
  return { contents: { header: header as unknown as CacheHeader, blob: bytes.subarray(second + 1) } };
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

/** The blob of the cache being written: new texts, and segments carried over from the old blob without a copy. */
export class BlobWriter {
  readonly #parts: Buffer[] = [];
  #length = 0;
  #carried: { blob: Buffer; start: number; end: number } | undefined;

  add(value: string): Segment {
    return this.#push(Buffer.from(value, 'utf8'));
  }

  carry(blob: Buffer, [offset, length]: Segment): Segment {
    // What follows the last part carried in the same blob extends it: unchanged entries lie one
    // after the other, and the file is then written in a few long parts.
    const last = this.#carried;
    if (last && last.blob === blob && last.end === offset) {
      const at = this.#length;
      last.end += length;
      this.#parts[this.#parts.length - 1] = blob.subarray(last.start, last.end);
      this.#length += length;
      return [at, length];
    }
    const segment = this.#push(blob.subarray(offset, offset + length));
    this.#carried = { blob, start: offset, end: offset + length };
    return segment;
  }

  #push(part: Buffer): Segment {
    this.#carried = undefined;
    const at = this.#length;
    this.#parts.push(part);
    this.#length += part.length;
    return [at, part.length];
  }

  /** The blob's parts, in order (written as they are, never put together). */
  get parts(): readonly Buffer[] {
    return this.#parts;
  }
}

/**
 * Writes the cache atomically (a temporary file renamed over it). `header` is called once the
 * temporary file exists, with the file system's time of its creation, so that entries modified too
 * close to the writing can be marked to be read again. Returns the error code when it cannot be written.
 */
export function writeCacheFile(file: string, blobWriter: BlobWriter, header: (now: bigint) => CacheHeader): string | undefined {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  let fd: number | undefined;
  try {
    mkdirSync(dirname(file), { recursive: true });
    fd = openSync(tmp, 'w');
    const now = fstatSync(fd, { bigint: true }).mtimeNs;
    const head = Buffer.from(`${JSON.stringify(header(now))}\n`, 'utf8');
    const hash = createHash('sha256').update(head);
    for (const part of blobWriter.parts) hash.update(part);
    writeAll(fd, [Buffer.from(`${hash.digest('base64url')}\n`, 'latin1'), head, ...blobWriter.parts]);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, file);
    return undefined;
  } catch (error) {
    try {
      if (fd !== undefined) closeSync(fd);
      rmSync(tmp, { force: true });
    } catch {
      // Nothing more to undo.
    }
    return (error as NodeJS.ErrnoException).code ?? String(error);
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

export const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('base64url');

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
