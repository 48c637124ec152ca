// `lamd schema [kind]` prints a schema; `--out <dir>` writes them all for editors and other tools.
import { render, t } from '../../i18n/messages.js';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UsageError, writeRefused } from '../../errors.js';
import { packageFile } from '../../package-root.js';
import type { CliIO } from '../io.js';
import type { GlobalOptions } from '../global-options.js';
import { writeFileAtomic } from '../write-file.js';

export interface SchemaOptions {
  out?: string;
  force?: boolean;
}

const SCHEMA_NAMES = ['workspace', 'profile', 'practice', 'roadmap', 'stakeholders', 'activity', 'progress', 'common'];

export async function run(io: CliIO, global: GlobalOptions, kind: string | undefined, options: SchemaOptions = {}): Promise<number> {
  const dir = packageFile('schemas');
  const say = (id: string, values?: Record<string, string | number>) => render(global.language ?? 'en', t(id, values));
  if (options.out === undefined) {
    if (kind === undefined) {
      io.stdout(`${SCHEMA_NAMES.map((k) => `${k}\t${JSON.parse(readFileSync(join(dir, `${k}.schema.json`), 'utf8')).$id}`).join('\n')}\n`);
      io.stderr(`${say('schema.list-hint')}\n`);
      return 0;
    }
    if (!SCHEMA_NAMES.includes(kind)) throw new UsageError(t('schema.unknown-kind', { kind, kinds: SCHEMA_NAMES.join(', ') }));
    io.stdout(readFileSync(join(dir, `${kind}.schema.json`), 'utf8'));
    return 0;
  }
  if (kind !== undefined) throw new UsageError(t('schema.out-with-kind'));
  const out = resolve(io.cwd, options.out);
  if (existsSync(out) && !statIsDir(out)) throw new UsageError(t('schema.out-is-file', { out: options.out }));
  const files = readdirSync(dir).filter((f) => f.endsWith('.schema.json')).sort();
  // Refuse before writing anything, so a refusal leaves the folder as it was.
  const clobbered = files.filter((f) => existsSync(join(out, f)) && readFileSync(join(out, f), 'utf8') !== readFileSync(join(dir, f), 'utf8'));
  if (clobbered.length && !options.force) {
    throw new UsageError(t('schema.out-differs', { count: clobbered.length, out: options.out, files: clobbered.join(', ') }));
  }
  try {
    mkdirSync(out, { recursive: true });
  } catch (error) {
    throw writeRefused(error, options.out);
  }
  for (const f of files) writeFileAtomic(join(out, f), readFileSync(join(dir, f), 'utf8'), join(options.out, f));
  io.stderr(`${say('schema.wrote', { count: files.length, out: options.out })}\n`);
  return 0;
}

function statIsDir(path: string): boolean {
  return statSync(path).isDirectory();
}
