// `lamd import progress FILE.xlsx|FILE.csv`: reads a filled-in progress workbook, refuses it whole
// when any cell is wrong (exit 1, one line per cell), and otherwise writes or updates the period's
// progress documents, atomically and never over a file without --force, then validates them.
import { render, t } from '../../i18n/messages.js';
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { checkLoaded } from '../../check/index.js';
import { summarize } from '../../diagnostics.js';
import { UsageError } from '../../errors.js';
import { planImport } from '../../import/progress.js';
import { readWorkbook } from '../../import/workbook.js';
import { availableLanguages, loadCatalogue } from '../../report/i18n.js';
import { TemplateError, templateSources } from '../../report/template-files.js';
import { applyPlan, checkPlan } from '../../scaffold/apply.js';
import { loadWorkspace } from '../../workspace/load.js';
import type { CliIO } from '../io.js';
import type { GlobalOptions } from '../global-options.js';
import { checkedWorkspace, printErrors } from '../checked-workspace.js';

export interface ImportOptions {
  period?: string;
  dryRun?: boolean;
  force?: boolean;
  lang?: string;
  today?: string;
}

export async function run(io: CliIO, global: GlobalOptions, what: string, file: string, options: ImportOptions = {}): Promise<number> {
  if (what !== 'progress') throw new UsageError(t('import.unknown-what', { what }));
  const path = resolve(io.cwd, file);
  const shown = relative(io.cwd, path) || file;
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(t('import.unreadable', { file: shown, code: code ?? 'other' }));
  }
  const workbook = await readWorkbook(bytes, shown);

  const ws = await checkedWorkspace(io, global, options, 'import progress');
  if (!ws) return 1;
  const root = ws.load.root!;
  // The workbook may have been exported in another language than this run's: its status labels are read in every one.
  // Another language's catalogue serves only for those labels: one that does not load (a broken override of a
  // language this run does not use) is skipped rather than stopping the import; this run's own was loaded strictly.
  const sources = templateSources(root);
  const statusLabels = availableLanguages(sources).flatMap((l) => {
    try {
      return [loadCatalogue(sources, l.lang)];
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      // Said, since a workbook exported in that language would have its status labels refused.
      const language = global.language ?? 'en';
      io.stderr(`lamd: ${render(language, t('cli.note', { note: error.text ? render(language, error.text) : error.message }))}\n`);
      return [];
    }
  });
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
    catalogues: statusLabels,
  });
  const { m } = ws;
  if (plan.problems.length) {
    for (const problem of plan.problems) io.stderr(`${problem}\n`);
    io.stderr(`lamd: ${m.plain('sheet.import.refused', { count: String(plan.problems.length), file: shown })}\n`);
    return 1;
  }
  if (plan.files.length === 0) {
    io.stderr(`lamd: ${m.plain('sheet.import.nothing', { file: shown, period: plan.period })}\n`);
    return 0;
  }
  const checked = checkPlan(root, plan.files);
  const inTheWay = checked.filter((f) => f.state === 'exists');
  if (inTheWay.length) {
    io.stderr(`lamd: ${m.plain('sheet.import.in_the_way', { paths: inTheWay.map((f) => f.path).join(', '), period: plan.period })}\n`);
    return 2;
  }
  const updates = plan.files.filter((f) => f.existing && checked.find((c) => c.path === f.path)?.state !== 'same');
  const list = updates.map((f) => `  ${f.path}\n`).join('');
  if (options.dryRun) {
    // A preview is always shown; what the real import would need is said, not enforced.
    for (const f of checked) io.stdout(`${render(global.language ?? 'en', t('import.dry-run-file', { path: f.path, state: f.state }))}\n${f.content}\n`);
    if (updates.length && !options.force) io.stderr(`lamd: ${m.plain('sheet.import.dry_run_force', { period: plan.period })}\n${list}`);
    // A report the workbook would leave as it is would not be written.
    io.stderr(`lamd: ${m.plain('sheet.import.dry_run', { period: plan.period, count: String(checked.filter((f) => f.state !== 'same').length) })}\n`);
    return 0;
  }
  if (updates.length && !options.force) {
    io.stderr(`lamd: ${m.plain('sheet.import.exists', { period: plan.period })}\n${list}${m.plain('sheet.import.force_hint')}\n`);
    return 2;
  }
  for (const f of applyPlan(root, checked)) io.stderr(`lamd: ${m.plain('sheet.import.wrote', { path: relative(io.cwd, resolve(root, f)) || f })}\n`);
  // A report the workbook would leave as it is is not rewritten; saying so tells the officer the import was read.
  for (const f of checked.filter((c) => c.state === 'same')) io.stderr(`lamd: ${m.plain('sheet.import.unchanged', { path: relative(io.cwd, resolve(root, f.path)) || f.path })}\n`);

  // Validate the whole workspace, as \`lamd validate\` would: a new report can clash with another file
  // (overlapping periods, a duplicate). Shown: the findings on the progress reports of the road maps touched.
  const touched = new Set(plan.files.map((f) => f.roadmap));
  const written = new Set(plan.files.map((f) => resolve(root, f.path)));
  const load = await loadWorkspace({ cwd: io.cwd, workspace: root });
  const result = await checkLoaded(load, { today: ws.today, ...(global.language ? { language: global.language } : {}) });
  const concerned = new Set(load.documents.filter((d) => (d.path !== undefined && written.has(d.path)) || (d.kind === 'progress' && touched.has(d.value.roadmap as string))).map((d) => d.file));
  const diagnostics = result.diagnostics.filter((d) => concerned.has(d.file));
  const summary = summarize(diagnostics, concerned.size);
  if (diagnostics.length) await printErrors(io, global, load, diagnostics, result.files.filter((f) => concerned.has(f)));
  return summary.errors > 0 ? 1 : 0;
}
