// `lamd import progress FILE.xlsx|FILE.csv`: reads a filled-in progress workbook, refuses it whole
// when any cell is wrong (exit 1, one line per cell), and otherwise writes or updates the period's
// progress documents, atomically and never over a file without --force, then validates them.
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { checkLoaded } from '../../check/index.js';
import { ruleLookup } from '../../check/rule-docs.js';
import { summarize } from '../../diagnostics.js';
import { UsageError } from '../../errors.js';
import type { FormatContext } from '../../format/context.js';
import { loadFormatter } from '../../format/index.js';
import { planImport } from '../../import/progress.js';
import { readWorkbook } from '../../import/workbook.js';
import { packageManifest } from '../../package-root.js';
import { applyPlan, checkPlan } from '../../scaffold/apply.js';
import { LAMD_VERSION, SCHEMA_VERSION, SDG_CODE_LIST_VERSION } from '../../version.js';
import { loadWorkspace } from '../../workspace/load.js';
import { useColor, type CliIO } from '../io.js';
import type { GlobalOptions } from '../main.js';
import { checkedWorkspace } from './export.js';

export interface ImportOptions {
  period?: string;
  dryRun?: boolean;
  force?: boolean;
  lang?: string;
  today?: string;
}

export async function run(io: CliIO, global: GlobalOptions, what: string, file: string, options: ImportOptions = {}): Promise<number> {
  if (what !== 'progress') throw new UsageError(`lamd imports progress only: \`lamd import progress <file>.xlsx\`, not \`${what}\`.`);
  const path = resolve(io.cwd, file);
  const shown = relative(io.cwd, path) || file;
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `There is no file ${shown}.` : code === 'EISDIR' ? `${shown} is a folder, not a workbook.` : `${shown} cannot be read (${code ?? 'unknown error'}).`);
  }
  const workbook = await readWorkbook(bytes, shown);

  const ws = await checkedWorkspace(io, global, options, 'import progress');
  if (!ws) return 1;
  const root = ws.load.root!;
  const plan = planImport({
    workbook,
    file: shown,
    ...(options.period !== undefined ? { period: options.period } : {}),
    model: ws.model,
    documents: ws.load.documents,
    root,
    m: ws.m,
    today: ws.today,
    readText: (p) => readFileSync(p, 'utf8'),
  });
  if (plan.problems.length) {
    for (const problem of plan.problems) io.stderr(`${problem}\n`);
    io.stderr(`lamd: nothing was written: ${plan.problems.length} cell${plan.problems.length === 1 ? ' is' : 's are'} not what ${plan.problems.length === 1 ? 'its column needs' : 'their columns need'}. Correct ${plan.problems.length === 1 ? 'it' : 'them'} in ${shown} and import it again.\n`);
    return 1;
  }
  if (plan.files.length === 0) {
    io.stderr(`lamd: ${shown} reports nothing for ${plan.period}: no value is filled in. Nothing was written.\n`);
    return 0;
  }
  const checked = checkPlan(root, plan.files);
  const inTheWay = checked.filter((f) => f.state === 'exists');
  if (inTheWay.length) {
    io.stderr(`lamd: nothing was written: ${inTheWay.map((f) => f.path).join(', ')} ${inTheWay.length === 1 ? 'is' : 'are'} in the way but not a progress report lamd could read for ${plan.period}. Move ${inTheWay.length === 1 ? 'it' : 'them'} aside, or fix ${inTheWay.length === 1 ? 'it' : 'them'} (\`lamd validate\`), and import again.\n`);
    return 2;
  }
  const updates = plan.files.filter((f) => f.existing);
  if (updates.length && !options.force) {
    io.stderr(`lamd: nothing was written: these progress reports for ${plan.period} exist already, and lamd does not change them without --force:\n${updates.map((f) => `  ${f.path}\n`).join('')}Pass --force to update them with the workbook's values (other entries and comments are kept).\n`);
    return 2;
  }
  if (options.dryRun) {
    for (const f of checked) io.stdout(`# ${f.path} (${f.state === 'new' ? 'new' : f.state === 'same' ? 'unchanged' : 'updated'})\n${f.content}\n`);
    io.stderr(`lamd: dry run: ${checked.length} progress report${checked.length === 1 ? '' : 's'} would be written for ${plan.period}; nothing was written.\n`);
    return 0;
  }
  for (const f of applyPlan(root, checked)) io.stderr(`lamd: wrote ${relative(io.cwd, resolve(root, f)) || f}\n`);

  // Validate what was written, in its workspace, as `lamd validate` would.
  const written = plan.files.map((f) => resolve(root, f.path));
  const load = await loadWorkspace({ cwd: io.cwd, workspace: root, paths: written });
  const result = await checkLoaded(load, { today: ws.today });
  const summary = summarize(result.diagnostics, result.files.length);
  if (result.diagnostics.length) {
    const context: FormatContext = {
      tool: { name: 'lamd', version: LAMD_VERSION, schemaVersion: SCHEMA_VERSION, sdgCodeList: SDG_CODE_LIST_VERSION, homepage: packageManifest().homepage },
      summary,
      files: result.files,
      texts: load.texts,
      rule: ruleLookup(),
      strict: false,
      color: useColor(io, 'stderr', global.color),
      cwd: io.cwd,
    };
    io.stderr((await loadFormatter('pretty'))(result.diagnostics, context));
  }
  return summary.errors > 0 ? 1 : 0;
}
