// The results matrix donors ask for: one row per indicator of every road map, in the logframe's shape
// (baseline, target, latest actual, % of target, status, means of verification). Pure: model → rows.
import { textIn } from '../i18n/names.js';
import { INDICATOR_STATUSES, type IndicatorStatus } from '../check/progress.js';
import type { ReportModel } from '../report/model.js';
import { reportsUpTo, trackRoadmap } from '../report/views/progress.js';
import type { Sheet } from './table.js';

/** The columns, in order: their keys are the CSV header and the contract of other programs. */
export const RESULTS_MATRIX_COLUMNS = [
  { key: 'municipality', type: 'text', width: 16 },
  { key: 'roadmap', type: 'text', width: 28 },
  { key: 'objective', type: 'text', width: 32 },
  { key: 'indicator_id', type: 'text', width: 20 },
  { key: 'indicator', type: 'text', width: 40 },
  { key: 'unit', type: 'text', width: 14 },
  { key: 'baseline', type: 'value', width: 11 },
  { key: 'baseline_date', type: 'date', width: 12 },
  { key: 'target', type: 'value', width: 11 },
  { key: 'target_date', type: 'date', width: 12 },
  { key: 'actual', type: 'value', width: 11 },
  { key: 'actual_date', type: 'date', width: 12 },
  { key: 'period', type: 'text', width: 10 },
  { key: 'percent_of_target', type: 'percent', width: 11 },
  { key: 'status', type: 'text', width: 12 },
  { key: 'means_of_verification', type: 'text', width: 32 },
  { key: 'comment', type: 'text', width: 32 },
] as const;

export type ResultsMatrixKey = (typeof RESULTS_MATRIX_COLUMNS)[number]['key'];
export type Cell = string | number | undefined;

export interface ResultsMatrixOptions {
  /** Only this municipality. */
  focus?: string;
  /** The language names given per language are written in (the workspace's report languages after it); English when not given. */
  lang?: string;
  /** Actuals up to this reporting period (the latest when undefined). */
  period?: string;
  /** The words for the sheet's name, each status and each column, in the report language. */
  labels: { sheet: string; status: Record<IndicatorStatus, string>; columns: Record<ResultsMatrixKey, string> };
}

export function resultsMatrix(model: ReportModel, options: ResultsMatrixOptions): Sheet {
  const names = new Map(model.municipalities.map((m) => [m.slug, textIn(m.name, options.lang ?? 'en', model.workspace.languages ?? [])]));
  const rows: Cell[][] = [];
  for (const r of model.roadmaps) {
    if (options.focus !== undefined && r.municipality !== options.focus) continue;
    const history = reportsUpTo(model.progress.get(r.id) ?? [], options.period);
    for (const { indicator, objective, tracking } of trackRoadmap(r, history, undefined)) {
      const latest = tracking.latest;
      const entry = latest?.entry as { means_of_verification?: string; comment?: string } | undefined;
      const row: Record<ResultsMatrixKey, Cell> = {
        municipality: names.get(r.municipality) ?? r.municipality,
        roadmap: r.title,
        objective,
        indicator_id: indicator.id,
        indicator: indicator.name,
        unit: indicator.unit,
        baseline: tracking.baseline?.value,
        baseline_date: tracking.baseline?.date,
        target: tracking.target?.value,
        target_date: tracking.target?.date,
        actual: latest?.value,
        actual_date: latest?.date,
        period: latest?.period,
        percent_of_target: tracking.percentOfTarget,
        status: options.labels.status[tracking.status],
        means_of_verification: entry?.means_of_verification ?? indicator.means_of_verification,
        comment: entry?.comment,
      };
      rows.push(RESULTS_MATRIX_COLUMNS.map((c) => row[c.key]));
    }
  }
  return {
    name: options.labels.sheet,
    columns: RESULTS_MATRIX_COLUMNS.map((c) => ({ key: c.key, label: options.labels.columns[c.key], type: c.type, width: c.width })),
    rows,
  };
}

export { INDICATOR_STATUSES };
