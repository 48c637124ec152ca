// Lists the document files of a workspace or of the paths a user names, without following
// symlinks out of the workspace.
import { accessSync, constants, lstatSync, readdirSync, readlinkSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { said, t, type Text } from '../i18n/messages.js';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { UsageError } from '../errors.js';
import { WORKSPACE_FILE } from './kinds.js';

export interface FoundFile {
  /** Absolute path. */
  path: string;
}

const YAML_FILE = /\.ya?ml$/i;
const SKIPPED_DIRS = new Set(['node_modules', 'reports', 'templates']);

export interface Discovery {
  files: FoundFile[];
  diagnostics: Diagnostic[];
}

/** The documents of a workspace: lamd.yaml, stakeholders.yaml, municipalities/**, activities/**. */
export function discoverWorkspace(root: string, display: (path: string) => string): Discovery {
  const out: Discovery = { files: [], diagnostics: [] };
  const realRoot = realpathSync(root);
  for (const name of [WORKSPACE_FILE, 'stakeholders.yaml']) {
    const path = join(root, name);
    if (exists(path)) visit(path, realRoot, display, out, false);
  }
  for (const dir of ['municipalities', 'activities']) {
    const path = join(root, dir);
    if (exists(path)) visit(path, realRoot, display, out, true);
  }
  return out;
}

/** The files named on the command line: files, folders (searched for YAML) and globs. */
export async function discoverPaths(
  patterns: readonly string[],
  cwd: string,
  root: string | undefined,
  display: (path: string) => string,
): Promise<Discovery> {
  const out: Discovery = { files: [], diagnostics: [] };
  const realRoot = root ? realpathSync(root) : undefined;
  for (const pattern of patterns) {
    const path = resolve(cwd, pattern);
    let stat;
    try {
      stat = statSync(path);
    } catch (error) {
      if (isGlob(pattern)) {
        const { glob } = await import('tinyglobby');
        // Links are followed so that a link to a file matches (tinyglobby drops links otherwise). A
        // match reached through a linked folder is what a folder walk never reads: skipped when it
        // leads back into the workspace (the same file twice, or a loop), reported when it leads out.
        const matches = (await glob(pattern, { cwd, absolute: true, onlyFiles: false, dot: false, followSymbolicLinks: true })).sort();
        const before = out.files.length + out.diagnostics.length;
        for (const match of matches) {
          if (isFolder(match)) continue;
          const link = firstLinkedFolder(cwd, dirname(match));
          if (link === undefined) visit(match, realRoot, display, out, false);
          else if (realRoot && !isInside(realpathOr(link), realRoot)) outside(match, realpathOr(match), display, out, 'through a linked folder');
        }
        if (out.files.length + out.diagnostics.length === before) throw new UsageError(t('paths.no-match', { pattern }));
        continue;
      }
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new UsageError(t(lstatOrNone(path)?.isSymbolicLink() ? 'paths.broken-link' : 'paths.missing', { pattern }));
      if (code === 'ELOOP' && pointsToItself(path)) throw new UsageError(t('paths.link-to-itself', { pattern }));
      throw new UsageError(t('paths.unreadable', { pattern, why: whyUnreadable(error) }));
    }
    // A pipe, socket or device named on the command line is no document: reading it could wait
    // forever (a FIFO with no writer). Standard input is how lamd reads a stream.
    if (!stat.isFile() && !stat.isDirectory()) {
      throw new UsageError(t('paths.not-a-file', { pattern, type: fileKind(stat) }));
    }
    // What the user named must be readable: that is a usage error, not a finding in a document.
    try {
      accessSync(path, constants.R_OK | (stat.isDirectory() ? constants.X_OK : 0));
    } catch (error) {
      throw new UsageError(t('paths.unreadable', { pattern, why: whyUnreadable(error) }));
    }
    if (stat.isDirectory()) {
      const before = out.files.length;
      visit(path, realRoot, display, out, true);
      if (out.files.length === before && !out.diagnostics.length) throw new UsageError(t('paths.no-yaml', { pattern }));
    } else {
      visit(path, realRoot, display, out, false);
    }
  }
  return out;
}

function visit(path: string, realRoot: string | undefined, display: (path: string) => string, out: Discovery, walk: boolean): void {
  const unreadable = (message: Text) => out.diagnostics.push({ file: display(path), severity: 'error', ruleId: 'file/unreadable', ...said(message) });
  let stat;
  try {
    stat = lstatSync(path);
  } catch (error) {
    // Gone since its folder was listed: nothing to check. Anything else (a folder above it that may
    // not be searched) is said, not skipped.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') unreadable(t('file/unreadable.cannot-look', { why: whyUnreadable(error) }));
    return;
  }
  if (stat.isSymbolicLink()) {
    let target: string;
    try {
      target = realpathSync(path);
    } catch (error) {
      unreadable(brokenLink(path, error));
      return;
    }
    if (realRoot && !isInside(target, realRoot)) {
      outside(path, target, display, out);
      return;
    }
    // Links inside the workspace are read as files, but never walked, so a link cycle cannot loop.
    let targetStat;
    try {
      targetStat = statSync(path);
    } catch (error) {
      unreadable(brokenLink(path, error));
      return;
    }
    if (targetStat.isDirectory()) return;
    if (!YAML_FILE.test(path) && walk) return;
    if (targetStat.isFile()) out.files.push({ path });
    else unreadable(notAFile(targetStat, 'link'));
    return;
  }
  if (stat.isDirectory()) {
    if (!walk) {
      // lamd.yaml or stakeholders.yaml made a folder.
      unreadable(t('file/unreadable.folder'));
      return;
    }
    let entries: Dirent[];
    try {
      entries = readdirSync(path, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (error) {
      unreadable(t('file/unreadable.folder-unreadable', { why: whyUnreadable(error) }));
      return;
    }
    // `path` is absolute and normalised, and a name holds no separator and is not `.` or `..`
    // (skipped below): joined by hand, without path.join's normalising of every file's path.
    const prefix = path.endsWith(sep) ? path : path + sep;
    for (const entry of entries) {
      if (entry.name.startsWith('.') || SKIPPED_DIRS.has(entry.name)) continue;
      // A regular file needs no lstat of its own: the folder's listing says what it is (one system
      // call less per document; a file gone since then is said when it is read).
      if (entry.isFile()) {
        if (YAML_FILE.test(entry.name)) out.files.push({ path: prefix + entry.name });
        continue;
      }
      visit(prefix + entry.name, realRoot, display, out, true);
    }
    // Its files were checked above; the name itself is a mistake worth a word (`x.yaml/x.yaml`).
    if (YAML_FILE.test(path) && out.files.every((f) => !f.path.startsWith(path + sep))) {
      unreadable(t('file/unreadable.folder-named-like-document'));
    }
    return;
  }
  if (!YAML_FILE.test(path) && walk) return;
  if (stat.isFile()) out.files.push({ path });
  else unreadable(notAFile(stat, 'file'));
}

/** Why a pipe, socket or device named like a document is not read, and what to do. */
function notAFile(stat: Stats, what: 'link' | 'file'): Text {
  return t('file/unreadable.not-a-file', { what, type: fileKind(stat) });
}

/** Why a symbolic link leads to no file, from the error of following it. */
function brokenLink(path: string, error: unknown): Text {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ELOOP') return t(pointsToItself(path) ? 'file/unreadable.link-to-itself' : 'file/unreadable.link-loop');
  if (code === 'ENOENT' || code === 'ENOTDIR') return t('file/unreadable.link-to-nothing');
  return t('file/unreadable.link-unfollowable', { why: whyUnreadable(error) });
}

function pointsToItself(path: string): boolean {
  try {
    return resolve(dirname(path), readlinkSync(path)) === resolve(path);
  } catch {
    return false;
  }
}

/** A file-system error in words for the person, with what to do about it where there is something. */
export function whyUnreadable(error: unknown): Text {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === undefined) return t('fs.other', { error: String(error) });
  return t('fs.why', { code: code === 'EPERM' ? 'EACCES' : code });
}

/** What something that is not a regular file is, as a catalogue case (`type` in `paths.not-a-file`). */
export function fileKind(stat: Stats): 'folder' | 'fifo' | 'socket' | 'device' | 'link' | 'other' {
  if (stat.isDirectory()) return 'folder';
  if (stat.isFIFO()) return 'fifo';
  if (stat.isSocket()) return 'socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'device';
  if (stat.isSymbolicLink()) return 'link';
  return 'other';
}

function outside(path: string, target: string, display: (path: string) => string, out: Discovery, how: 'link' | 'through a linked folder' = 'link'): void {
  out.diagnostics.push({
    file: display(path),
    severity: 'error',
    ruleId: 'file/outside-workspace',
    ...said(t(how === 'link' ? 'file/outside-workspace.link' : 'file/outside-workspace.linked-folder', { target })),
  });
}

/** lstat without following a link; undefined when the path does not exist or cannot be read. */
function lstatOrNone(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

const isFolder = (path: string): boolean => lstatOrNone(path)?.isDirectory() ?? false;
const exists = (path: string): boolean => lstatOrNone(path) !== undefined;

/** The first folder between `from` and `folder` (itself included) that is a symbolic link. */
function firstLinkedFolder(from: string, folder: string): string | undefined {
  const rel = relative(from, folder);
  if (rel === '' || rel.startsWith('..')) return lstatOrNone(folder)?.isSymbolicLink() ? folder : undefined;
  let path = from;
  for (const part of rel.split(sep)) {
    path = join(path, part);
    if (lstatOrNone(path)?.isSymbolicLink()) return path;
  }
  return undefined;
}

function realpathOr(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function isGlob(pattern: string): boolean {
  return /[*?[\]{}]/.test(pattern);
}

function isInside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel));
}
