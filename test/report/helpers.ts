// Shared by the report tests: load a workspace the way `lamd report` does, render phases in-process,
// and read Markdown tables back cell by cell.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';
import { checkLoaded } from '../../src/check/index.js';
import { REPORT_PHASES, renderMarkdown, reportToHtml, type MarkdownReport, type Phase } from '../../src/report/index.js';
import { buildReportModel, type ReportModel } from '../../src/report/model.js';
import { templateSources, type TemplateSources } from '../../src/report/template-files.js';
import { loadWorkspace } from '../../src/workspace/load.js';

export const REPO = resolve(import.meta.dirname, '../..');
export const VALID = join(REPO, 'test/fixtures/workspaces/valid');
export const INJECTION = join(REPO, 'test/fixtures/report/injection');
export const LAS_PILOT = join(REPO, 'examples/las-pilot');
/** Reports are rendered as of this day in the tests, so overdue actions do not change with the calendar. */
export const TODAY = '2024-06-01';

export interface LoadedWorkspace {
  model: ReportModel;
  sources: TemplateSources;
}

/** Loads and checks a workspace; fails the test if it has validation errors, as `lamd report` would refuse it. */
export async function loadValid(root: string): Promise<LoadedWorkspace> {
  const load = await loadWorkspace({ cwd: root, workspace: root });
  const result = await checkLoaded(load, { today: TODAY });
  const errors = result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}: ${d.ruleId} ${d.message}`);
  expect(errors, `${root} must validate without errors`).toEqual([]);
  return { model: buildReportModel(load.documents, load.root), sources: templateSources(load.root) };
}

export function render(ws: LoadedWorkspace, phase: Phase, lang: string, focus?: string): MarkdownReport {
  return renderMarkdown(ws.model, ws.sources, { phase, lang, today: TODAY, ...(focus !== undefined ? { focus } : {}) });
}

/** Every phase in every format: `{ name, content }`. */
export function renderAll(ws: LoadedWorkspace, lang: string): { name: string; content: string }[] {
  return REPORT_PHASES.flatMap((phase) => {
    const report = render(ws, phase, lang);
    return [
      { name: `${phase}.${lang}.md`, content: report.markdown },
      { name: `${phase}.${lang}.html`, content: reportToHtml(report) },
    ];
  });
}

/** The cells of a table row, honouring backslash escapes (`\|` is not a cell boundary). */
export function cells(line: string): string[] {
  const out: string[] = [];
  let cell = '';
  const text = line.trim();
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length) {
      cell += c + text[++i]!;
      continue;
    }
    if (c === '|') {
      out.push(cell);
      cell = '';
      continue;
    }
    cell += c;
  }
  out.push(cell);
  // A row starts and ends with a pipe: drop the empty pieces outside them.
  if (text.startsWith('|')) out.shift();
  if (text.endsWith('|') && !text.endsWith('\\|')) out.pop();
  return out.map((c) => c.trim());
}

/** Every GFM table of a Markdown text (outside code fences), as rows of cells. */
export function markdownTables(markdown: string): string[][][] {
  const tables: string[][][] = [];
  let current: string[][] | undefined;
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    if (!fenced && line.trimStart().startsWith('|')) {
      if (!current) tables.push((current = []));
      current.push(cells(line));
    } else {
      current = undefined;
    }
  }
  return tables;
}

/** The rows of the one table in `markdown`. */
export function tableRows(markdown: string): string[][] {
  const tables = markdownTables(markdown);
  expect(tables).toHaveLength(1);
  return tables[0]!;
}

/** Checks that every row of every table has as many cells as its header. */
export function expectTablesIntact(markdown: string, label: string): number {
  const tables = markdownTables(markdown);
  for (const table of tables) {
    const width = table[0]!.length;
    for (const row of table) expect(row.length, `${label}: a row of a ${width}-column table has ${row.length} cells: | ${row.join(' | ')} |`).toBe(width);
    expect(table[1]!.every((c) => /^:?-{3,}:?$/.test(c)), `${label}: the second row of a table is its delimiter row`).toBe(true);
  }
  return tables.length;
}

/** lamd's own report catalogue for `lang` (templates/reports/i18n), flattened to dotted keys and texts. */
export function readReportCatalogue(lang: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (value: unknown, prefix: string): void => {
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      const path = prefix ? `${prefix}.${key}` : key;
      if (typeof child === 'string') out.set(path, child);
      else walk(child, path);
    }
  };
  walk(JSON.parse(readFileSync(join(REPO, 'templates/reports/i18n', `${lang}.json`), 'utf8')), '');
  return out;
}
