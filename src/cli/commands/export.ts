// `lamd export results-matrix | progress-template`: the workspace as spreadsheets for donors and for
// officers. Loads and checks the workspace (a workspace with errors is refused, exit 1), builds the
// sheets, and writes CSV or XLSX atomically, never over a file without --force.
import { render, t, type MessageLanguage } from '../../i18n/messages.js';
import { textIn } from '../../i18n/names.js';
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { INDICATOR_STATUSES } from '../../check/progress.js';
import { UsageError } from '../../errors.js';
import { toCsv } from '../../export/csv.js';
import { ACTION_KEYS, INDICATOR_KEYS, progressTemplate, TEMPLATE_SUBJECT_PREFIX } from '../../export/progress-template.js';
import { RESULTS_MATRIX_COLUMNS, resultsMatrix, type ResultsMatrixKey } from '../../export/results-matrix.js';
import type { Sheet } from '../../export/table.js';
import type { XlsxAbout } from '../../export/xlsx.js';
import type { Messages } from '../../report/i18n.js';
import type { ReportModel } from '../../report/model.js';
import { checkedWorkspace } from '../checked-workspace.js';
import type { GlobalOptions } from '../global-options.js';
import type { CliIO } from '../io.js';
import { writeFileAtomic } from '../write-file.js';
import { shellWord } from '../../shell-word.js';

export interface ExportOptions {
  format?: string;
  output?: string;
  municipality?: string;
  period?: string;
  lang?: string;
  today?: string;
  force?: boolean;
}

/** Writes `content` to -o (atomically, never over a file without --force), or CSV to stdout. */
export function writeOutput(io: CliIO, output: string | undefined, content: string | Uint8Array, force: boolean | undefined, language: MessageLanguage = 'en'): void {
  if (output === undefined) {
    if (typeof content !== 'string') throw new UsageError(t('export.xlsx-needs-file'));
    io.stdout(content);
    return;
  }
  const path = resolve(io.cwd, output);
  const shown = relative(io.cwd, path) || path;
  if (existsSync(path) && !force) throw new UsageError(t('export.file-exists', { file: shown }));
  writeFileAtomic(path, content, shown);
  io.stderr(`lamd: ${render(language, t('cli.wrote', { file: shown }))}\n`);
}

function formatOf(options: ExportOptions): 'csv' | 'xlsx' {
  const format = options.format ?? (options.output !== undefined && /\.xlsx$/i.test(options.output) ? 'xlsx' : 'csv');
  if (format !== 'csv' && format !== 'xlsx') throw new UsageError(t('export.unknown-format', { format }));
  const other = format === 'csv' ? 'xlsx' : 'csv';
  if (options.output !== undefined && new RegExp(`\\.${other}$`, 'i').test(options.output)) throw new UsageError(t('export.extension-mismatch', { output: options.output, other, format }));
  return format;
}

export async function run(io: CliIO, global: GlobalOptions, what: string, options: ExportOptions = {}): Promise<number> {
  if (what !== 'results-matrix' && what !== 'progress-template') throw new UsageError(t('export.unknown-what', { what }));
  const format = formatOf(options);
  if (what === 'progress-template') {
    if (options.period === undefined) throw new UsageError(t('export.template-needs-period'));
    if (options.output === undefined) throw new UsageError(t('export.template-needs-file'));
  }
  const ws = await checkedWorkspace(io, global, options, `export ${what}`);
  if (!ws) return 1;
  const { model, m } = ws;
  const focus = options.municipality !== undefined ? { focus: options.municipality } : {};

  if (what === 'results-matrix') {
    const labels = {
      sheet: m.raw('sheet.results_matrix'),
      status: Object.fromEntries(INDICATOR_STATUSES.map((s) => [s, format === 'csv' ? s : m.raw(`label.indicator_status.${s}`)])) as Record<(typeof INDICATOR_STATUSES)[number], string>,
      // In the results matrix `indicator` is the indicator's text (its id is `indicator_id`).
      columns: Object.fromEntries(RESULTS_MATRIX_COLUMNS.map((c) => [c.key, m.raw(`sheet.column.${c.key === 'indicator' ? 'name' : c.key}`)])) as Record<ResultsMatrixKey, string>,
    };
    const sheet = resultsMatrix(model, { ...focus, ...(options.period !== undefined ? { period: options.period } : {}), labels, lang: m.lang });
    if (format === 'csv') writeOutput(io, options.output, toCsv(sheet), options.force, global.language);
    else {
      const { writeXlsx } = await import('../../export/xlsx.js');
      writeOutput(io, options.output, await writeXlsx([sheet], aboutWorkbook(model, m, ws.today), m.dir), options.force, global.language);
    }
    return 0;
  }

  const sheets = progressTemplate(model, { period: options.period!, m, statusLabels: format !== 'csv', ...focus });
  if (format === 'csv') writeOutput(io, options.output, templateCsv(sheets), options.force, global.language);
  else {
    const { writeXlsx } = await import('../../export/xlsx.js');
    writeOutput(io, options.output, await writeXlsx(sheets, { ...aboutWorkbook(model, m, ws.today), subject: `${TEMPLATE_SUBJECT_PREFIX}${options.period}` }, m.dir), options.force, global.language);
  }
  const rows = sheets.reduce((n, s) => n + s.rows.length, 0);
  // The command to run next, as it must be typed from here: with the workspace when one was named.
  const workspace = global.workspace !== undefined ? `-C ${shellWord(global.workspace)} ` : '';
  io.stderr(`lamd: ${render(global.language ?? 'en', t('export.rows-to-fill', { count: rows, period: options.period!, command: `lamd ${workspace}import progress ${shellWord(options.output!)} --period ${options.period}` }))}\n`);
  return 0;
}

/**
 * The programme the workbook comes from, in its properties and on a last sheet `About`: a workbook
 * travels without its workspace, and an illustrative workspace says so in its edition and description.
 */
function aboutWorkbook(model: ReportModel, m: Messages, today: string): XlsxAbout {
  const { programme } = model.workspace;
  const name = textIn(programme.name, m.lang, model.workspace.languages ?? []) ?? '';
  const title = programme.edition ? m.plain('phrase.name_role', { name, role: programme.edition }) : name;
  const rows: [string, string][] = [[m.raw('sheet.about.programme'), name]];
  if (programme.edition) rows.push([m.raw('sheet.about.edition'), programme.edition]);
  if (programme.description) rows.push([m.raw('sheet.about.description'), programme.description.trim()]);
  rows.push([m.raw('sheet.about.written'), m.plain('sheet.about.written_value', { date: today })]);
  return { title, ...(programme.description ? { description: programme.description.trim() } : {}), sheet: { name: m.raw('sheet.about.sheet'), rows } };
}

/** The CSV form of the template: one file, a `sheet` column first, then the keys of both sheets. */
export function templateCsv(sheets: readonly Sheet[]): string {
  const keys = [...new Set<string>([...INDICATOR_KEYS, ...ACTION_KEYS])];
  const union: Sheet = { name: 'progress', columns: keys.map((key) => ({ key, label: key, type: 'text', width: 10 })), rows: [] };
  const bodies = sheets.map((s) => {
    const rows = s.rows.map((row) => keys.map((k) => {
      const j = s.columns.findIndex((c) => c.key === k);
      return j < 0 ? undefined : row[j];
    }));
    return toCsv({ ...union, rows }, 'key', { key: 'sheet', value: s.name });
  });
  // One header, then the rows of every sheet.
  return bodies[0]! + bodies.slice(1).map((b) => b.replace(/^\uFEFF[^\r\n]*\r\n/, '')).join('');
}
