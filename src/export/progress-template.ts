// The progress workbook an officer fills in instead of writing YAML: a sheet `Indicators` (one row per
// indicator of each road map) and a sheet `Actions` (one row per action). Row 1 holds the column keys,
// row 2 the labels in the report language; known values are filled in and locked, and the cells to
// fill carry drop-downs and numeric checks. Values already reported for the period are filled in too.
import type { Messages } from '../report/i18n.js';
import type { ReportModel } from '../report/model.js';
import type { ProgressDocument } from '../types/generated/index.js';
import { planPlace } from '../report/views/plan-link.js';
import type { XlsxSheet } from './xlsx.js';

export const INDICATOR_KEYS = ['municipality', 'roadmap', 'indicator', 'name', 'unit', 'baseline', 'target', 'actual', 'date', 'women', 'men', 'means_of_verification', 'comment'] as const;
export const ACTION_KEYS = ['municipality', 'roadmap', 'action', 'title', 'lead_unit', 'status', 'percent_complete', 'currency', 'allocated', 'committed', 'spent', 'plan_reference', 'note'] as const;
export const SHEET_KEYS = { Indicators: INDICATOR_KEYS, Actions: ACTION_KEYS } as const;
export type SheetName = keyof typeof SHEET_KEYS;

/** The cells an officer fills in; the others are what lamd knows, locked. */
export const EDITABLE: Record<SheetName, ReadonlySet<string>> = {
  Indicators: new Set(['actual', 'date', 'women', 'men', 'means_of_verification', 'comment']),
  Actions: new Set(['status', 'percent_complete', 'currency', 'allocated', 'committed', 'spent', 'plan_reference', 'note']),
};

export const ACTION_STATUS_VALUES = ['planned', 'in-progress', 'done', 'postponed', 'cancelled'] as const;

/** What each column holds, for the sheet's cell types and for reading it back. */
export const COLUMN_TYPES: Record<string, 'text' | 'value' | 'number' | 'date'> = {
  baseline: 'value',
  target: 'value',
  actual: 'value',
  date: 'date',
  women: 'number',
  men: 'number',
  percent_complete: 'number',
  allocated: 'number',
  committed: 'number',
  spent: 'number',
};

const WIDTHS: Record<string, number> = { municipality: 14, roadmap: 26, indicator: 20, action: 20, name: 40, title: 40, unit: 14, lead_unit: 26, means_of_verification: 30, comment: 30, note: 30, plan_reference: 30, status: 13, date: 12 };

/** Where the period and the workspace are recorded in the workbook's properties, to read them back. */
export const TEMPLATE_SUBJECT_PREFIX = 'lamd progress template ';

export interface TemplateOptions {
  period: string;
  focus?: string;
  m: Messages;
  /**
   * Action statuses as their labels in the report language, in the drop-down and the cells (XLSX, read by
   * people); as keys otherwise (CSV, like the results matrix). Import reads both.
   */
  statusLabels?: boolean;
}

function measureValue(value: unknown): string | number | undefined {
  if (value && typeof value === 'object' && 'value' in value) {
    const v = (value as { value: unknown }).value;
    return typeof v === 'number' || typeof v === 'string' ? v : undefined;
  }
  return undefined;
}

export function progressTemplate(model: ReportModel, options: TemplateOptions): XlsxSheet[] {
  const indicators: (string | number | undefined)[][] = [];
  /** Rows of indicators measured in numbers: their `actual` cell asks for a number. */
  const numeric = new Set<number>();
  const actions: (string | number | undefined)[][] = [];
  const status = (s: string | undefined) => (s !== undefined && options.statusLabels ? options.m.raw(`label.action_status.${s}`) : s);
  for (const r of model.roadmaps) {
    if (options.focus !== undefined && r.municipality !== options.focus) continue;
    const existing: ProgressDocument | undefined = (model.progress.get(r.id) ?? []).find((p) => p.period === options.period);
    for (const o of r.objectives ?? []) {
      for (const i of o.indicators ?? []) {
        // An indicator without an id cannot be reported on; `progress/never-measured` asks for one.
        if (i.id === undefined) continue;
        const e = existing?.indicators?.find((x) => x.indicator === i.id);
        if (typeof i.target?.value === 'number' || typeof i.baseline?.value === 'number') numeric.add(indicators.length);
        indicators.push([r.municipality, r.id, i.id, i.name, i.unit, measureValue(i.baseline), measureValue(i.target), e?.actual, e?.date, e?.by_sex?.women, e?.by_sex?.men, e?.means_of_verification, e?.comment]);
      }
    }
    for (const a of r.actions ?? []) {
      const e = existing?.actions?.find((x) => x.action === a.id);
      const b = e?.budget;
      actions.push([r.municipality, r.id, a.id, a.title, a.lead_unit, status(e?.status), e?.percent_complete, b?.currency ?? r.costing?.currency, b?.allocated, b?.committed, b?.spent, b?.plan ? planPlace(b.plan) : b?.plan_reference, e?.note]);
    }
  }
  const columns = (keys: readonly string[]) =>
    keys.map((key) => ({ key, label: options.m.raw(`sheet.column.${key}`), type: COLUMN_TYPES[key] ?? ('text' as const), width: WIDTHS[key] ?? 12 }));
  return [
    {
      name: 'Indicators',
      keysRow: true,
      columns: columns(INDICATOR_KEYS),
      rows: indicators,
      editable: EDITABLE.Indicators,
      bounds: { women: { min: 0 }, men: { min: 0 } },
      dates: new Set(['date']),
      numericCell: (row, key) => key === 'actual' && numeric.has(row),
    },
    {
      name: 'Actions',
      keysRow: true,
      columns: columns(ACTION_KEYS),
      rows: actions,
      editable: EDITABLE.Actions,
      lists: { status: ACTION_STATUS_VALUES.map((s) => status(s)!) },
      bounds: { percent_complete: { min: 0, max: 100 }, allocated: { min: 0 }, committed: { min: 0 }, spent: { min: 0 } },
    },
  ];
}
