// The workspace's own copy of lamd's JSON Schemas (.lamd/schemas/), which the modelines and
// .vscode/settings.json point to so editors check documents offline; and whether that copy still
// matches the schemas of the lamd that is running.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { t, type Text } from '../i18n/messages.js';
import { join, relative } from 'node:path';
import { packageFile } from '../package-root.js';
import { shellWord } from '../shell-word.js';

/** Where a workspace keeps its copy, relative to the workspace root (always with forward slashes). */
export const SCHEMA_COPY_DIR = '.lamd/schemas';

export type SchemaCopyStatus = 'missing' | 'current' | 'stale';

export interface SchemaCopyComparison {
  status: SchemaCopyStatus;
  /** Schema files of the running lamd that the copy lacks or holds in another version. */
  differing: string[];
}

/** The schema files lamd ships, by file name, sorted. */
export function shippedSchemas(dir: string = packageFile('schemas')): Array<{ name: string; content: string }> {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.schema.json'))
    .sort()
    .map((name) => ({ name, content: readFileSync(join(dir, name), 'utf8') }));
}

/** The files of a fresh copy, as workspace-relative paths. */
export function schemaCopyFiles(dir?: string): Array<{ path: string; content: string }> {
  return shippedSchemas(dir).map(({ name, content }) => ({ path: `${SCHEMA_COPY_DIR}/${name}`, content }));
}

/**
 * Compares the workspace's copy with the running lamd's schemas, byte for byte. `missing`: the
 * workspace has no .lamd/schemas/ folder (it was not made by `lamd init`, or the copy was removed);
 * `stale`: a schema file is missing from the copy or differs; `current`: every file matches. Files the
 * copy holds beyond lamd's own are ignored. Reads files; prints nothing.
 */
export function compareSchemaCopy(root: string, shippedDir?: string): SchemaCopyComparison {
  const copy = join(root, ...SCHEMA_COPY_DIR.split('/'));
  try {
    if (!statSync(copy).isDirectory()) return { status: 'missing', differing: [] };
  } catch {
    return { status: 'missing', differing: [] };
  }
  const differing: string[] = [];
  for (const { name, content } of shippedSchemas(shippedDir)) {
    let current: string | undefined;
    try {
      current = readFileSync(join(copy, name), 'utf8');
    } catch {
      current = undefined;
    }
    if (current !== content) differing.push(name);
  }
  return { status: differing.length ? 'stale' : 'current', differing };
}

/**
 * The note `lamd validate` prints (on stderr) when the copy is stale, or undefined when there is
 * nothing to say. `cwd` is where the person runs lamd, so the command it suggests works as typed.
 */
export function schemaCopyNote(root: string, cwd: string, lamdVersion: string, shippedDir?: string): Text | undefined {
  const { status, differing } = compareSchemaCopy(root, shippedDir);
  if (status !== 'stale') return undefined;
  const rel = relative(cwd, join(root, ...SCHEMA_COPY_DIR.split('/'))).split('\\').join('/') || SCHEMA_COPY_DIR;
  return t('validate.schema-copy-stale', {
    folder: rel,
    version: lamdVersion,
    files: differing.slice(0, 3).join(', '),
    more: Math.max(differing.length - 3, 0),
    command: `lamd schema --out ${shellWord(rel)} --force`,
  });
}
