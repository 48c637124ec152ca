// The file `lamd validate --cache` keeps: one line of JSON (what each file was, by its size, times and
// content hash, and where its results are), then the results themselves as the output prints them,
// checked by a SHA-256 of their bytes, so a run reads the whole cache without parsing what it prints.
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isDocumentKind, type DocumentKind } from '../workspace/kinds.js';
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
  /** SHA-256 of the blob, base64url. */
  sum: string;
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
  const newline = bytes.indexOf(0x0a);
  let header: unknown;
  try {
    header = JSON.parse(bytes.toString('utf8', 0, newline === -1 ? bytes.length : newline));
  } catch {
    return { damaged: true };
  }
  if (!isRecord(header) || header.format !== CACHE_FORMAT || typeof header.key !== 'string') return { damaged: true };
  // Made by another lamd, or for another date, language or folder: nothing in it applies, and nothing is wrong.
  if (header.version !== CACHE_VERSION || header.key !== key) return { none: true };
  if (newline === -1) return { damaged: true };
  const blob = bytes.subarray(newline + 1);
  if (typeof header.sum !== 'string' || header.sum !== sha256(blob) || !isHeader(header, blob.length)) return { damaged: true };
  return { contents: { header, blob } };
}

/** The text of a segment. */
export function text(blob: Buffer, [offset, length]: Segment): string {
  return blob.toString('utf8', offset, offset + length);
}

/** The blob of the cache being written: new texts, and segments carried over from the old blob without a copy. */
export class BlobWriter {
  readonly #parts: Buffer[] = [];
  #length = 0;

  add(value: string): Segment {
    return this.#push(Buffer.from(value, 'utf8'));
  }

  carry(blob: Buffer, [offset, length]: Segment): Segment {
    return this.#push(blob.subarray(offset, offset + length));
  }

  #push(part: Buffer): Segment {
    const at = this.#length;
    this.#parts.push(part);
    this.#length += part.length;
    return [at, part.length];
  }

  bytes(): Buffer {
    return Buffer.concat(this.#parts, this.#length);
  }
}

/**
 * Writes the cache atomically (a temporary file renamed over it). `header` is called once the
 * temporary file exists, with the file system's time of its creation, so that entries modified too
 * close to the writing can be marked to be read again. Returns the error code when it cannot be written.
 */
export function writeCacheFile(file: string, blobWriter: BlobWriter, header: (now: bigint) => Omit<CacheHeader, 'sum'>): string | undefined {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  let fd: number | undefined;
  try {
    mkdirSync(dirname(file), { recursive: true });
    fd = openSync(tmp, 'w');
    const now = fstatSync(fd, { bigint: true }).mtimeNs;
    const blob = blobWriter.bytes();
    const head = Buffer.from(`${JSON.stringify({ ...header(now), sum: sha256(blob) })}\n`, 'utf8');
    writeAll(fd, head);
    writeAll(fd, blob);
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

function writeAll(fd: number, bytes: Buffer): void {
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
}

export const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('base64url');

// --- The shape of a header, checked before anything in it is used. --------------------------------

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

function isSegment(v: unknown, size: number): v is Segment {
  return Array.isArray(v) && v.length === 2 && isCount(v[0]) && isCount(v[1]) && v[0] + v[1] <= size;
}

function isPrinted(v: unknown, size: number): v is PrintedResult {
  if (!isRecord(v) || !isSegment(v.j, size) || (v.x !== undefined && !isSegment(v.x, size))) return false;
  return Array.isArray(v.c) && v.c.length === 3 && v.c.every(isCount);
}

function isPackedSummary(v: unknown): v is PackedSummary {
  if (!Array.isArray(v) || v.length < 2 || !isCount(v[0]) || !isCount(v[1]) || v[0] >= 1 << KEYS.length || v[1] >= 1 << KEYS.length) return false;
  let count = 0;
  for (let i = 0; i < KEYS.length; i++) if (v[0] & (1 << i)) count++;
  return v.length === 2 + count && v.slice(2).every((s) => s === null || ['string', 'number', 'boolean'].includes(typeof s));
}

function isDoc(v: unknown, size: number): v is DocEntry {
  if (!isRecord(v) || !isDocumentKind(v.kind) || typeof v.fast !== 'boolean') return false;
  if (v.id !== undefined && v.id !== null && !isString(v.id)) return false;
  if ((v.sm !== undefined && !isPackedSummary(v.sm)) || (v.sk !== undefined && !isString(v.sk))) return false;
  return (v.v === undefined || isSegment(v.v, size)) && (v.read === undefined || isSegment(v.read, size));
}

function isFile(v: unknown, size: number): v is FileEntry {
  if (!isRecord(v) || !(v.st === null || isString(v.st)) || !(v.h === null || isString(v.h))) return false;
  if (v.doc !== undefined && !isDoc(v.doc, size)) return false;
  const own = v.own;
  return own === undefined || (isRecord(own) && (own.first === undefined || isString(own.first)) && isPrinted(own.r, size));
}

function isRest(v: unknown, size: number): v is RestEntry {
  if (!isRecord(v) || !isString(v.key) || !Array.isArray(v.deep) || !v.deep.every(isString) || !Array.isArray(v.notes) || !v.notes.every(isString)) return false;
  return isRecord(v.files) && Object.values(v.files).every((r) => isPrinted(r, size));
}

function isHeader(v: Record<string, unknown>, size: number): v is Record<string, unknown> & CacheHeader {
  if (!isString(v.facts) || !isRecord(v.files) || !Array.isArray(v.rests)) return false;
  for (const entry of Object.values(v.files)) if (!isFile(entry, size)) return false;
  return v.rests.every((r) => isRest(r, size));
}
