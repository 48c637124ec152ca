// Loads a workspace (or the files a user names) into documents ready to check: found, read,
// parsed, their kind known. Problems become diagnostics; one bad file never stops the others.
import { closeSync, constants, existsSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { said, t, type Text } from '../i18n/messages.js';
import { join, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { UsageError } from '../errors.js';
import { discoverPaths, discoverWorkspace, fileKind, whyUnreadable, type FoundFile } from './discover.js';
import { workspaceRootFor } from './find.js';
import { DOCUMENT_KINDS, isDocumentKind, type DocumentKind } from './kinds.js';
import { decide, MAX_FILE_BYTES, parseSource, tooLargeDiagnostic } from './source.js';
import { LazySourceTexts, type SourceTexts } from './texts.js';
import { glanceBytes, leavesOut, leavesOutUnmentioned } from './glance.js';

export interface LoadedDocument {
  /** The file as shown to the user. */
  file: string;
  /** Absolute path, or undefined for standard input. */
  path?: string;
  kind: DocumentKind;
  value: Record<string, unknown>;
  /** js-yaml's reading was final, with no second reading by the `yaml` package (see readSource). */
  readFast?: boolean;
}

export interface LoadOptions {
  cwd: string;
  /** The folder given with -C. */
  workspace?: string;
  /** Paths, folders or globs to check; empty means the whole workspace. `-` reads standard input. */
  paths?: readonly string[];
  /** Reads standard input; the CLI gives it, since core code does not touch the process's streams. */
  readStdin?: () => Promise<Uint8Array>;
  /**
   * The file standard input stands for (`--stdin-filename`), relative to `cwd`: its text replaces the
   * file's, which is not read, and its findings are the file's, as a whole run would give them.
   */
  stdinFilename?: string;
  /**
   * Reads one discovered file (default: readDocumentFile into one ReadBuffer for the load, whose
   * bytes are good until the next file is read). A seam for tests: errors a test run as root cannot
   * cause with chmod (EACCES) are injected here.
   */
  readFile?: (path: string) => DocumentBytes;
  /**
   * When every file named is a road map, leave out the workspace's other road maps: nothing reported
   * about a road map depends on another one, except a duplicate id, which is reported on the later
   * file in the workspace's order. Each road map left out is read and seen, at a glance, to be one
   * whose id differs from every named road map's (glanceAtRoadmap), never parsed; one that shares
   * an id is loaded in its place. Off unless asked: commands that use every document must not ask.
   *
   * Without `before` and `reuse`, practices, activities and profiles are left out the same way when
   * no string of the named road maps is their id (a profile: its municipality): what is reported
   * about a road map reads them only through those strings (the practices it builds on, the
   * consultations it lists, its municipality's profile), except the closest id suggested for a
   * practice or activity it names that no document declares: then the ones left out are loaded too.
   */
  onlyWhatNamedRoadmapsNeed?: boolean;
  /**
   * Offered every file found, before it is read: a document returned stands in its place, and the
   * file is not read (the parallel check lists the road maps other threads read, in their order).
   */
  before?: (file: { name: string; path: string }) => LoadedDocument | undefined;
  /**
   * Offered every file read, before it is parsed: a document returned is taken as is (a cache's
   * stand-in), and the file is not parsed. The bytes are the hook's to keep: with it, each file is
   * read into a buffer of its own.
   */
  reuse?: (file: { name: string; path: string; bytes: Uint8Array }) => LoadedDocument | undefined;
}

/** A document file's bytes, or its size alone when it is too large to read. */
export type DocumentBytes = { bytes: Uint8Array } | { tooLarge: number };

/** A discovered path that is no longer a regular file (a FIFO, a socket, a device, a folder). */
export class NotAFileError extends Error {
  override name = 'NotAFileError';
  constructor(readonly what: ReturnType<typeof fileKind>) {
    super(`not a regular file: ${what}`);
  }
}

/**
 * Reads a document file without ever waiting on it: opened non-blocking (a FIFO put in place of a
 * file after discovery would otherwise hang lamd), then checked to be a regular file of at most
 * MAX_FILE_BYTES before a byte is read: a file of gigabytes is refused without being read. Read
 * `into` a ReadBuffer, the bytes are good only until that buffer's next read.
 */
export function readDocumentFile(path: string, into?: ReadBuffer): DocumentBytes {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new NotAFileError(fileKind(stat));
    if (stat.size > MAX_FILE_BYTES) return { tooLarge: stat.size };
    return { bytes: into && stat.size > 0 ? into.read(fd, stat.size) : readFileSync(fd) };
  } finally {
    closeSync(fd);
  }
}

/**
 * One buffer that the files of a load are read into in turn, for a reader that is done with a file's
 * bytes before it reads the next (they are decoded, and the text kept): a buffer of its own for each
 * of 2,000 road maps cost an allocation outside the heap, and its collection, per file.
 */
export class ReadBuffer {
  #buffer = Buffer.allocUnsafeSlow(64 * 1024);

  /** The first `size` bytes of the file open as `fd` (fewer when it ends sooner), valid until the next read. */
  read(fd: number, size: number): Uint8Array {
    if (size > this.#buffer.length) this.#buffer = Buffer.allocUnsafeSlow(Math.min(Math.max(size, 2 * this.#buffer.length), Math.max(size, MAX_FILE_BYTES)));
    let read = 0;
    // As readFileSync reads a regular file: up to the size it had when it was opened.
    while (read < size) {
      const got = readSync(fd, this.#buffer, read, size - read, read);
      if (got === 0) break;
      read += got;
    }
    return this.#buffer.subarray(0, read);
  }
}

export interface LoadResult {
  /** The workspace root, when one was found. */
  root?: string;
  /** Every document loaded, including workspace documents loaded only to resolve references. */
  documents: LoadedDocument[];
  /** Files whose problems are reported: all of them, or only those the user named. */
  reported: Set<string>;
  /** Diagnostics found while loading; those with a `pointer` but no `range` get one in check/locate-all. */
  diagnostics: Diagnostic[];
  /**
   * Whether the workspace root holds a stakeholders.yaml at all, loaded or not: without one, every
   * stakeholder reference is unresolved; with an unreadable one, lamd cannot tell and says nothing.
   */
  hasStakeholdersFile: boolean;
  /** Absolute paths of discovered files that did not become a document (unreadable, not YAML, …). */
  unloaded: string[];
  /** The text of every file that could be decoded, for code frames and positions (read on demand). */
  texts: SourceTexts;
}

export const STDIN_NAME = '<stdin>';

export async function loadWorkspace(options: LoadOptions): Promise<LoadResult> {
  const cwd = resolve(options.cwd);
  const paths = options.paths ?? [];
  const root = workspaceRootFor(cwd, options.workspace, paths, options.stdinFilename);
  // path.relative resolves both paths on every call; discovered paths are already absolute and
  // normalised, so those inside the folder need only lose its prefix (measured: ~5 % of a warm run).
  const inside = cwd.endsWith(sep) ? cwd : cwd + sep;
  const display = (path: string) => (path.startsWith(inside) ? path.slice(inside.length) : relative(cwd, path) || '.');
  const texts = new LazySourceTexts();
  const result: LoadResult = { documents: [], reported: new Set(), diagnostics: [], texts, unloaded: [], hasStakeholdersFile: root !== undefined && existsSync(join(root, 'stakeholders.yaml')) };
  if (root) result.root = root;

  const files: FoundFile[] = [];
  const requested = new Set<string>();
  // Where each file comes in a walk of the whole workspace, when files are named (see inWorkspaceOrder).
  let walkOrder: Map<string, number> | undefined;
  if (paths.length === 0) {
    if (!root) {
      throw new UsageError(
        t('workspace.not-found'),
      );
    }
    const found = discoverWorkspace(root, display);
    files.push(...found.files);
    result.diagnostics.push(...found.diagnostics);
    for (const f of found.files) requested.add(f.path);
    for (const d of found.diagnostics) result.reported.add(d.file);
  } else {
    const named = await discoverPaths(paths.filter((p) => p !== '-'), cwd, root, display);
    result.diagnostics.push(...named.diagnostics);
    for (const d of named.diagnostics) result.reported.add(d.file);
    for (const f of named.files) requested.add(f.path);
    files.push(...named.files);
    // The rest of the workspace is loaded too, so references from the named files can be resolved.
    if (root) {
      const walk = discoverWorkspace(root, display).files;
      walkOrder = new Map(walk.map((f, i) => [f.path, i]));
      for (const f of walk) if (!requested.has(f.path)) files.push(f);
    }
  }

  // A `reuse` hook is given the bytes and may keep them: each file is then read into a buffer of its own.
  const buffer = options.reuse === undefined ? new ReadBuffer() : undefined;
  const readFile = options.readFile ?? ((path: string) => readDocumentFile(path, buffer));
  // The file standard input stands for is not read from disk: its text on stdin is the one checked.
  const stdinPath = options.stdinFilename !== undefined && paths.includes('-') ? resolve(cwd, options.stdinFilename) : undefined;
  const seen = new Set<string>(stdinPath !== undefined ? [stdinPath] : []);
  const withDuplicateKeys: Array<{ file: string; text: string }> = [];
  // Decided once the named files are read (they come first): whether other road maps can be left out,
  // and the ids they must not share with a named road map to be left out.
  let leaveOutRoadmaps: boolean | undefined;
  let namedIds: Set<string> = new Set();
  // Every string the named road maps hold, when other kinds are left out too; and those left out.
  let mentioned: Set<string> | undefined;
  const unmentioned: FoundFile[] = [];
  const roadmapsAt = root !== undefined ? roadmapPathTest(root) : undefined;
  for (const file of files) {
    if (seen.has(file.path)) continue;
    seen.add(file.path);
    const named = requested.has(file.path);
    // Named as shown only for the files a hook sees or the load keeps (not the road maps left out).
    let name = named || options.before || !leaveOutRoadmaps ? display(file.path) : undefined;
    if (named) result.reported.add(name!);
    else if (leaveOutRoadmaps === undefined) {
      leaveOutRoadmaps = Boolean(options.onlyWhatNamedRoadmapsNeed) && root !== undefined && paths.length > 0 && !paths.includes('-') && result.documents.length > 0 && result.documents.every((d) => d.kind === 'roadmap');
      if (leaveOutRoadmaps) namedIds = new Set(result.documents.flatMap((d) => (typeof d.value.id === 'string' ? [Buffer.from(d.value.id).toString('latin1')] : [])));
      if (leaveOutRoadmaps && !options.before && !options.reuse) mentioned = stringsIn(result.documents.map((d) => d.value));
    }
    const placed = options.before?.({ name: name!, path: file.path });
    if (placed) {
      result.documents.push(placed);
      continue;
    }
    if (!named && leaveOutRoadmaps) {
      if (roadmapsAt!(file.path)) {
        if (leavesOut(bytesAtAGlance(file.path, options.readFile), namedIds)) continue;
      } else if (mentioned && leavesOutUnmentioned(bytesAtAGlance(file.path, options.readFile), mentioned)) {
        unmentioned.push(file);
        continue;
      }
    }
    name ??= display(file.path);
    const bytes = readOrSay(result, name, file.path, readFile);
    if (!bytes) continue;
    const reused = options.reuse?.({ name, path: file.path, bytes });
    if (reused) {
      texts.add(name, '', file.path, bytes.length);
      result.documents.push(reused);
      continue;
    }
    // A run that leaves the other road maps out keeps a few dozen documents: no copies (see addDocument).
    if (!(await addDocument(result, texts, name, file.path, bytes, withDuplicateKeys, !leaveOutRoadmaps))) result.unloaded.push(file.path);
  }
  // A practice or activity a named road map names that no loaded document declares: its finding
  // suggests the closest id of them all, and a file that fails to load may be where it is declared.
  if (unmentioned.length > 0 && !namedReferencesFound(result.documents, requested)) {
    for (const file of unmentioned) {
      const name = display(file.path);
      const bytes = readOrSay(result, name, file.path, readFile);
      if (bytes && !(await addDocument(result, texts, name, file.path, bytes, withDuplicateKeys, false))) result.unloaded.push(file.path);
    }
  }
  // Standard input that stands for a file of the walk takes the file's place in the workspace's order;
  // any other (a text of its own, or a file not written yet) comes after every file, so an id it
  // repeats is its finding, not theirs, as it would be in a run over the workspace.
  const inWalk = stdinPath !== undefined && walkOrder?.has(stdinPath) === true;
  if (inWalk) await addStdin(stdinPath);
  if (walkOrder) inWorkspaceOrder(result.documents, walkOrder);
  if (!inWalk && paths.includes('-')) await addStdin(stdinPath);
  await listDuplicateKeys(result, withDuplicateKeys);
  return result;

  async function addStdin(path: string | undefined): Promise<void> {
    if (!options.readStdin) throw new Error('lamd was asked to read standard input, but no reader was given; this is a bug in lamd.');
    const bytes = await options.readStdin();
    const name = path !== undefined ? display(path) : STDIN_NAME;
    result.reported.add(name);
    // Its text is never read back from the path (the file on disk is not what was checked), but the
    // path places the document, for the order and for the rules that read where it lives.
    if ((await addDocument(result, texts, name, undefined, bytes, withDuplicateKeys)) && path !== undefined) result.documents[result.documents.length - 1]!.path = path;
  }
}

/** A file's bytes, or undefined when it cannot be read, which its diagnostic then says. */
function readOrSay(result: LoadResult, name: string, path: string, readFile: (path: string) => DocumentBytes): Uint8Array | undefined {
  try {
    const read = readFile(path);
    if (!('tooLarge' in read)) return read.bytes;
    result.diagnostics.push(tooLargeDiagnostic(name, read.tooLarge));
  } catch (error) {
    result.diagnostics.push({ file: name, severity: 'error', ruleId: 'file/unreadable', ...said(unreadableMessage(error)) });
  }
  result.unloaded.push(path);
  return undefined;
}

/** js-yaml stops at a file's first duplicate key; the `yaml` package lists them all. */
async function listDuplicateKeys(result: LoadResult, withDuplicateKeys: ReadonlyArray<{ file: string; text: string }>): Promise<void> {
  if (withDuplicateKeys.length === 0) return;
  const { duplicateKeyDiagnostics } = await import('./duplicate-keys.js');
  for (const { file, text } of withDuplicateKeys) {
    const all = duplicateKeyDiagnostics(file, text);
    if (all.length === 0) continue;
    result.diagnostics = [...result.diagnostics.filter((d) => !(d.file === file && d.ruleId === 'yaml/duplicate-key')), ...all];
  }
}

/**
 * Reads and parses more files into a loaded workspace, as loadWorkspace does: the parallel check's
 * workers read their road maps a batch at a time. `seen` is shown each file's bytes.
 */
export async function loadMore(result: LoadResult, files: ReadonlyArray<{ name: string; path: string }>, seen?: (file: { name: string; path: string; bytes: Uint8Array }) => void): Promise<void> {
  const texts = result.texts as LazySourceTexts;
  const withDuplicateKeys: Array<{ file: string; text: string }> = [];
  for (const { name, path } of files) {
    const bytes = readOrSay(result, name, path, readDocumentFile);
    if (!bytes) continue;
    seen?.({ name, path, bytes });
    if (!(await addDocument(result, texts, name, path, bytes, withDuplicateKeys))) result.unloaded.push(path);
  }
  await listDuplicateKeys(result, withDuplicateKeys);
}

/**
 * The document one file holds, read as loadWorkspace reads it (its problems are another thread's to
 * report); undefined when it holds none.
 */
export async function loadDocumentFile(name: string, path: string): Promise<LoadedDocument | undefined> {
  const texts = new LazySourceTexts();
  const scratch: LoadResult = { documents: [], reported: new Set(), diagnostics: [], texts, unloaded: [], hasStakeholdersFile: false };
  try {
    const read = readDocumentFile(path);
    if ('tooLarge' in read) return undefined;
    await addDocument(scratch, texts, name, path, read.bytes, []);
  } catch {
    return undefined;
  }
  return scratch.documents[0];
}

/** Parses one file into the result; returns whether it became a document lamd checks. */
async function addDocument(result: LoadResult, texts: LazySourceTexts, file: string, path: string | undefined, bytes: Uint8Array, withDuplicateKeys: Array<{ file: string; text: string }>, copy = true): Promise<boolean> {
  const first = parseSource(file, bytes);
  const parsed = first.slowPath ? await decide(file, first) : first;
  // `lamd validate README.md`: a file that is not named .yaml and does not read as a document with a
  // `kind:` is not a broken lamd document, and its YAML errors would only mislead.
  const value0 = parsed.value;
  if (path !== undefined && !/\.ya?ml$/i.test(path) && !(value0 && typeof value0 === 'object' && !Array.isArray(value0) && 'kind' in value0)) {
    result.diagnostics.push({
      file,
      severity: 'error',
      ruleId: 'document/kind',
      ...said(t('document/kind.not-a-document')),
    });
    return false;
  }
  if (parsed.text !== undefined) texts.add(file, parsed.text, path, bytes.length, first.blockRead === true && parsed.text === first.text);
  result.diagnostics.push(...parsed.diagnostics);
  if (parsed.duplicateKeys && parsed.text !== undefined) withDuplicateKeys.push({ file, text: parsed.text });
  if (parsed.value === undefined) return false;
  const value = parsed.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    result.diagnostics.push({
      file,
      severity: 'error',
      ruleId: 'document/not-a-mapping',
      ...said(t('document/not-a-mapping.holds', { what: Array.isArray(value) ? 'list' : value === null ? 'null' : typeof value === 'string' ? 'text' : typeof value })),
      pointer: '',
    });
    return false;
  }
  const record = value as Record<string, unknown>;
  const kind = record.kind;
  if (!isDocumentKind(kind)) {
    result.diagnostics.push({
      file,
      severity: 'error',
      ruleId: 'document/kind',
      ...said(
        kind === undefined
          ? t('document/kind.missing', { kinds: DOCUMENT_KINDS.join(', ') })
          : suggestKind(kind)
            ? t('document/kind.did-you-mean', { kind: String(kind), guess: suggestKind(kind)!, kinds: DOCUMENT_KINDS.join(', ') })
            : t('document/kind.unknown', { kind: String(kind), kinds: DOCUMENT_KINDS.join(', ') }),
      ),
      pointer: kind === undefined ? '' : '/kind',
    });
    return false;
  }
  // A fresh copy of what js-yaml or the `yaml` package read, because their strings are views on the
  // file's text, and V8 keeps the whole text alive for each of them: the copy lets the texts go (on
  // 10,000 road maps, ~110 MB of a 260 MB heap). The block reader's strings are their own already
  // (yaml-block.ts), and without `copy` few documents are kept and the time counts more.
  const blockRead = parsed === first && first.blockRead === true;
  const document: LoadedDocument = { file, kind, value: copy && !blockRead ? structuredClone(record) : record, readFast: !first.slowPath };
  if (path !== undefined) document.path = path;
  result.documents.push(document);
  return true;
}

/** Whether a path is where road maps live: `municipalities/<slug>/roadmaps/<id>.yaml` under the root. */
export function isRoadmapPath(path: string, root: string): boolean {
  return roadmapPathTest(root)(path);
}

/**
 * isRoadmapPath for the many paths of one root. A path joined to the root as a walk joins it is told
 * by comparing strings (resolving two paths for each of 2,000 road maps cost ~5 ms); any other
 * spelling is resolved against the root first.
 */
export function roadmapPathTest(root: string): (path: string) => boolean {
  const prefix = join(root, 'municipalities') + sep;
  const roadmaps = `${sep}roadmaps${sep}`;
  return (path) => {
    if (path.startsWith(prefix)) {
      const slash = path.indexOf(sep, prefix.length);
      return slash > prefix.length && path.startsWith(roadmaps, slash) && path.indexOf(sep, slash + roadmaps.length) === -1 && YAML_NAME.test(path);
    }
    const parts = relative(root, path).split(/[\\/]/);
    return parts.length === 4 && parts[0] === 'municipalities' && parts[2] === 'roadmaps' && YAML_NAME.test(parts[3]!);
  };
}

/**
 * Puts the documents of a run over named files in the order a run over the whole workspace loads
 * them, so the index sees ids in the same order and a named file that repeats an earlier file's id
 * is told so, as it is in a whole run. Named files outside the walk (or outside the workspace) stay first.
 */
function inWorkspaceOrder(documents: LoadedDocument[], walkOrder: ReadonlyMap<string, number>): void {
  const rank = (d: LoadedDocument) => (d.path === undefined ? -1 : (walkOrder.get(d.path) ?? -1));
  documents.sort((a, b) => rank(a) - rank(b));
}

const YAML_NAME = /\.ya?ml$/i;

/**
 * A file's bytes for a glance at whether a run over named road maps can leave it out: read here with
 * fewer system calls than readDocumentFile makes, or through the load's own reader (tests give one).
 * No bytes (a file that cannot be read here, or is large) leave nothing out: the file is then loaded
 * as usual, which says why.
 */
function bytesAtAGlance(path: string, readFile: LoadOptions['readFile']): Uint8Array | undefined {
  if (!readFile) return glanceBytes(path);
  try {
    const read = readFile(path);
    return 'bytes' in read ? read.bytes : undefined;
  } catch {
    return undefined;
  }
}

/** Every string in the values, as values or as keys. */
function stringsIn(values: readonly unknown[]): Set<string> {
  const out = new Set<string>();
  const stack = [...values];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'string') out.add(value);
    else if (Array.isArray(value)) stack.push(...value);
    else if (value !== null && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        out.add(key);
        stack.push(inner);
      }
    }
  }
  return out;
}

/**
 * Whether every practice (`builds_on`) and activity (`consultations`) the named road maps refer to
 * is declared by a loaded document: the references rules then find each, and suggest nothing. These
 * two fields are the ones references/practice and references/activity read on a road map: a new
 * road-map field holding such an id must be added here too.
 */
function namedReferencesFound(documents: readonly LoadedDocument[], named: ReadonlySet<string>): boolean {
  const declared = { practice: new Set<unknown>(), activity: new Set<unknown>() };
  for (const d of documents) if (d.kind === 'practice' || d.kind === 'activity') declared[d.kind].add(d.value.id);
  const found = (list: unknown, kind: 'practice' | 'activity') => !Array.isArray(list) || list.every((id) => typeof id !== 'string' || declared[kind].has(id));
  return documents.every((d) => d.path === undefined || !named.has(d.path) || (found(d.value.builds_on, 'practice') && found(d.value.consultations, 'activity')));
}

/** Why a discovered file could not be read, for the person who can fix it. */
function unreadableMessage(error: unknown): Text {
  if (error instanceof NotAFileError) {
    return error.what === 'folder' ? t('file/unreadable.folder') : t('file/unreadable.not-regular', { type: error.what });
  }
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EISDIR') return t('file/unreadable.folder');
  if (code === 'ENOENT') return t('file/unreadable.disappeared');
  return t('file/unreadable.cannot-read', { why: whyUnreadable(error) });
}

function suggestKind(kind: unknown): string | undefined {
  if (typeof kind !== 'string') return undefined;
  const lower = kind.toLowerCase().replace(/[\s_-]+/g, '');
  const match = DOCUMENT_KINDS.find((k) => k === lower || k.startsWith(lower) || lower.startsWith(k) || (lower.length > 3 && k.includes(lower)));
  return match;
}
