// Lists the document files of a workspace or of the paths a user names, without following
// symlinks out of the workspace.
import { accessSync, constants, lstatSync, readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
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
        if (out.files.length + out.diagnostics.length === before) throw new UsageError(`No file matches ${pattern}.`);
        continue;
      }
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new UsageError(`${pattern}: no such file or folder.`);
      throw new UsageError(`${pattern} cannot be read (${code ?? 'unknown error'}).`);
    }
    // What the user named must be readable: that is a usage error, not a finding in a document.
    try {
      accessSync(path, constants.R_OK | (stat.isDirectory() ? constants.X_OK : 0));
    } catch (error) {
      throw new UsageError(`${pattern} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}).`);
    }
    if (stat.isDirectory()) {
      const before = out.files.length;
      visit(path, realRoot, display, out, true);
      if (out.files.length === before && !out.diagnostics.length) throw new UsageError(`The folder ${pattern} holds no YAML file to check.`);
    } else {
      visit(path, realRoot, display, out, false);
    }
  }
  return out;
}

function visit(path: string, realRoot: string | undefined, display: (path: string) => string, out: Discovery, walk: boolean): void {
  let stat;
  try {
    stat = lstatSync(path);
  } catch {
    return;
  }
  if (stat.isSymbolicLink()) {
    let target: string;
    try {
      target = realpathSync(path);
    } catch {
      out.diagnostics.push({ file: display(path), severity: 'error', ruleId: 'file/unreadable', message: 'This symbolic link points to nothing (its target does not exist).' });
      return;
    }
    if (realRoot && !isInside(target, realRoot)) {
      outside(path, target, display, out);
      return;
    }
    // Links inside the workspace are read as files, but never walked, so a link cycle cannot loop.
    if (statSync(path).isDirectory()) return;
    if (YAML_FILE.test(path) || !walk) out.files.push({ path });
    return;
  }
  if (stat.isDirectory()) {
    if (!walk) return;
    let entries: string[];
    try {
      entries = readdirSync(path).sort();
    } catch (error) {
      out.diagnostics.push({ file: display(path), severity: 'error', ruleId: 'file/unreadable', message: `This folder cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}).` });
      return;
    }
    for (const entry of entries) {
      if (entry.startsWith('.') || SKIPPED_DIRS.has(entry)) continue;
      visit(join(path, entry), realRoot, display, out, true);
    }
    return;
  }
  if (stat.isFile() && (YAML_FILE.test(path) || !walk)) out.files.push({ path });
}

function outside(path: string, target: string, display: (path: string) => string, out: Discovery, how: 'link' | 'through a linked folder' = 'link'): void {
  out.diagnostics.push({
    file: display(path),
    severity: 'error',
    ruleId: 'file/outside-workspace',
    message:
      how === 'link'
        ? `This symbolic link leads outside the workspace (to ${target}); lamd does not read it. Copy the file into the workspace instead.`
        : `This file is reached through a symbolic link to a folder outside the workspace (it is ${target}); lamd does not read it. Copy the file into the workspace instead.`,
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

export function isInside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel));
}
