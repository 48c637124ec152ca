// Where report templates and catalogues are read from: lamd's own folder (templates/reports/) and,
// for overrides, the workspace's templates/reports/. Files are found by name only — names are checked
// against a strict pattern, never joined as paths — and an override must be a regular file inside
// the workspace with no other name (no symbolic or hard link), so a template cannot make lamd read
// anything else.
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readFileSync, realpathSync, type Stats } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { packageFile } from '../package-root.js';
import { t, type Text } from '../i18n/messages.js';
import { MessageError } from '../errors.js';

/** A template or catalogue that cannot be used; the CLI reports it as a usage error (exit 2), in the language of the run. */
export class TemplateError extends MessageError {
  override name = 'TemplateError';
}

/** Largest template or catalogue lamd reads (bytes). */
export const MAX_TEMPLATE_BYTES = 512 * 1024;

/** `roadmap.md.mustache`, `_sdg.md.mustache`, `i18n/it.json`: the only names lamd ever reads. */
const FILE_NAME = /^(?:i18n\/[a-z]{2,3}\.json|_?[a-z0-9]+(?:-[a-z0-9]+)*\.md\.mustache)$/;

export interface TemplateSources {
  /** lamd's own templates/reports folder. */
  readonly shippedDir: string;
  /** The workspace's root, when overrides may come from it. */
  readonly workspaceRoot?: string;
  /** `<workspace>/templates/reports`, when the workspace has one. */
  readonly overrideDir?: string;
  /** Names of the regular files in the override folder (or its `i18n` subfolder). */
  listOverride(sub: '' | 'i18n'): string[];
}

export interface TemplateFile {
  text: string;
  /** The file as named to the user: relative to the workspace for an override. */
  display: string;
  origin: 'shipped' | 'override';
}

export function templateSources(workspaceRoot: string | undefined, shippedDir = packageFile('templates', 'reports')): TemplateSources {
  let overrideDir: string | undefined;
  if (workspaceRoot !== undefined) {
    const candidate = join(workspaceRoot, 'templates', 'reports');
    let stat;
    try {
      stat = lstatSync(candidate);
    } catch {
      // no override folder
    }
    if (stat?.isSymbolicLink()) throw new TemplateError(t('template.symlink-folder'));
    if (stat?.isDirectory()) overrideDir = candidate;
  }
  const listOverride = (sub: '' | 'i18n'): string[] => {
    if (!overrideDir) return [];
    try {
      return readdirSync(sub ? join(overrideDir, sub) : overrideDir).sort();
    } catch {
      return [];
    }
  };
  return { shippedDir, ...(workspaceRoot !== undefined ? { workspaceRoot } : {}), ...(overrideDir ? { overrideDir } : {}), listOverride };
}

export interface UnusedTemplate {
  /** The file, relative to the workspace. */
  file: string;
  /** Why lamd does not read it, and where it belongs, for the user. */
  reason: Text;
}

function fileNames(dir: string): string[] {
  let stat;
  try {
    stat = lstatSync(dir);
  } catch {
    return [];
  }
  if (!stat.isDirectory()) return [];
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => entry.name)
      .sort();
  } catch {
    return [];
  }
}

/**
 * Report templates and catalogues in a workspace that lamd will never read, so that a misplaced
 * override is not silently ignored: `.mustache` files and catalogues put straight in `templates/`
 * (overrides belong in `templates/reports/`), and names in `templates/reports/` that are no template,
 * partial or catalogue lamd reads. Only names are looked at; no file is read.
 */
export function unusedTemplates(sources: TemplateSources): UnusedTemplate[] {
  const root = sources.workspaceRoot;
  if (root === undefined) return [];
  const out: UnusedTemplate[] = [];
  const shipped = new Set(fileNames(sources.shippedDir));
  for (const name of fileNames(join(root, 'templates'))) {
    if (!name.endsWith('.mustache')) continue;
    out.push({ file: `templates/${name}`, reason: t('report.unused.template-misplaced', { name }) });
  }
  for (const name of fileNames(join(root, 'templates', 'i18n'))) {
    if (!name.endsWith('.json')) continue;
    out.push({ file: `templates/i18n/${name}`, reason: t('report.unused.catalogue-misplaced', { name }) });
  }
  if (sources.overrideDir) {
    for (const name of sources.listOverride('')) {
      if (!name.endsWith('.mustache') || shipped.has(name) || (name.startsWith('_') && FILE_NAME.test(name))) continue;
      const phases = [...shipped].filter((n) => !n.startsWith('_') && n.endsWith('.md.mustache'));
      out.push({ file: `templates/reports/${name}`, reason: t('report.unused.not-a-template', { phases: phases.join(', ') }) });
    }
    for (const name of sources.listOverride('i18n')) {
      if (!name.endsWith('.json') || FILE_NAME.test(`i18n/${name}`)) continue;
      out.push({ file: `templates/reports/i18n/${name}`, reason: t('report.unused.not-a-catalogue') });
    }
  }
  return out;
}

/**
 * Reads `name` (a template file name or `i18n/<lang>.json`) from the override folder, lamd's
 * folder, or either (override first). Returns undefined when there is no such file.
 */
export function readTemplateFile(sources: TemplateSources, name: string, where: 'override' | 'shipped' | 'any'): TemplateFile | undefined {
  if (!FILE_NAME.test(name)) throw new TemplateError(`\`${name}\` is not a report template name lamd reads.`);
  if (where !== 'shipped' && sources.overrideDir && sources.workspaceRoot !== undefined) {
    const found = readOverride(sources.workspaceRoot, sources.overrideDir, name);
    if (found) return found;
  }
  if (where === 'override') return undefined;
  const path = join(sources.shippedDir, ...name.split('/'));
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  return { text, display: path, origin: 'shipped' };
}

function readOverride(root: string, dir: string, name: string): TemplateFile | undefined {
  const path = join(dir, ...name.split('/'));
  const display = relative(root, path).split(sep).join('/');
  let stat;
  try {
    stat = lstatSync(path);
  } catch {
    return undefined;
  }
  if (stat.isSymbolicLink()) throw new TemplateError(t('template.symlink', { file: display }));
  if (!stat.isFile()) throw new TemplateError(t('template.not-a-file', { file: display, type: fileKind(stat) }));
  // A hard link is the same file under two names, one of which may be outside the workspace
  // (\`ln /some/secret templates/reports/x.md.mustache\`): nothing in the link says which.
  if (stat.nlink > 1) {
    throw new TemplateError(t('template.hard-link', { file: display, command: `cp ${display} x && mv x ${display}` }));
  }
  if (stat.size > MAX_TEMPLATE_BYTES) throw new TemplateError(t('template.too-big', { file: display, size: String(Math.round(stat.size / 1024)), limit: MAX_TEMPLATE_BYTES / 1024 }));
  // The folders above it may be links too: the file must really be inside the workspace.
  const real = realpathSync(path);
  const realRoot = realpathSync(root);
  if (!real.startsWith(realRoot + sep)) throw new TemplateError(t('template.outside', { file: display, target: real }));
  const bytes = readChecked(real, stat, display);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new TemplateError(t('template.not-utf8', { file: display }));
  }
  return { text, display, origin: 'override' };
}

/**
 * Reads the file that was checked, not whatever is at its path a moment later: opened without
 * following a link and without waiting on a pipe, then compared with what lstat saw.
 */
function readChecked(path: string, seen: Stats, display: string): Buffer {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    throw new TemplateError(t('template.unreadable', { file: display, ...describeFsError(error) }));
  }
  try {
    const now = fstatSync(fd);
    if (now.ino !== seen.ino || now.dev !== seen.dev || !now.isFile() || now.nlink > 1 || now.size > MAX_TEMPLATE_BYTES) {
      throw new TemplateError(t('template.changed', { file: display }));
    }
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

function describeFsError(error: unknown): { why: 'denied' | 'link' | 'other'; code: string } {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM') return { why: 'denied', code };
  if (code === 'ELOOP') return { why: 'link', code };
  return { why: 'other', code: code ?? String(error) };
}

/** What stands where a template file should be, as the `template.not-a-file` message selects it. */
function fileKind(stat: Stats): string {
  if (stat.isDirectory()) return 'folder';
  if (stat.isFIFO()) return 'fifo';
  if (stat.isSocket()) return 'socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'device';
  return stat.isSymbolicLink() ? 'link' : 'other';
}
