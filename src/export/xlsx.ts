// Writes sheets as an XLSX workbook with exceljs (loaded only by the commands that write one): real
// number and date cells, a frozen header with filters and widths, and, for the progress template, a
// hidden row of column keys, drop-down lists, numeric validation and locked known values.
import ExcelJS from 'exceljs';
import { isDay } from '../calendar/dates.js';
import { columnLetter } from '../import/workbook.js';
import type { Column, Sheet } from './table.js';

export interface XlsxSheet extends Sheet {
  /** Row 1 holds the column keys (hidden), row 2 the labels, data from row 3. Otherwise row 1 is the labels. */
  keysRow?: boolean;
  /** Keys of the columns a person fills in: their data cells are unlocked and the sheet is protected. */
  editable?: ReadonlySet<string>;
  /** Drop-down values per column key. */
  lists?: Readonly<Record<string, readonly string[]>>;
  /** Bounds of numeric columns, per key. */
  bounds?: Readonly<Record<string, { min: number; max?: number }>>;
  /** Columns that take a date: a date cell is asked for. */
  dates?: ReadonlySet<string>;
  /** Per row (0-based data row) and key: this cell takes any number (a quantitative indicator's value). */
  numericCell?: (row: number, key: string) => boolean;
}

/** A date cell for a whole date (YYYY-MM-DD); a partial one stays text. */
function dateCell(value: string): Date | string {
  return isDay(value) ? new Date(`${value}T00:00:00Z`) : value;
}

function cellValue(column: Column, value: string | number | undefined): ExcelJS.CellValue {
  if (value === undefined) return null;
  if (column.type === 'date' && typeof value === 'string') return dateCell(value);
  if (column.type === 'percent' && typeof value === 'number') return value / 100;
  return value;
}

const NUMBER_FORMAT: Partial<Record<Column['type'], string>> = { date: 'yyyy-mm-dd', percent: '0.0%', number: '#,##0.##' };

/** What the workbook says about itself: its properties, and a last sheet that a reader sees. */
export interface XlsxAbout {
  subject?: string;
  /** The programme's name and edition: an illustrative workspace's edition says it is one. */
  title?: string;
  description?: string;
  /** Sheet `About`: label and value per row. */
  sheet?: { name: string; rows: readonly (readonly [string, string])[] };
}

/** `direction`: the report language's; a right-to-left language's sheets run from the right, as Excel shows them for an Arabic reader. */
export async function writeXlsx(sheets: readonly XlsxSheet[], about: XlsxAbout = {}, direction: 'ltr' | 'rtl' = 'ltr'): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'lamd';
  // A fixed date keeps the file the same for the same documents.
  workbook.created = new Date(Date.UTC(2000, 0, 1));
  workbook.modified = workbook.created;
  if (about.subject !== undefined) workbook.subject = about.subject;
  if (about.title !== undefined) workbook.title = about.title;
  if (about.description !== undefined) workbook.description = about.description;
  const filters: FilterName[] = [];
  const rightToLeft = direction === 'rtl';
  sheets.forEach((sheet, i) => filters.push(addSheet(workbook, sheet, i, rightToLeft)));
  if (about.sheet) {
    // A left-to-right sheet keeps exceljs's default view, so the file stays as it was.
    const ws = workbook.addWorksheet(about.sheet.name, rightToLeft ? { views: [{ rightToLeft }] } : {});
    ws.columns = [{ width: 24 }, { width: 90 }];
    for (const [label, value] of about.sheet.rows) {
      const row = ws.addRow([label, value]);
      row.getCell(1).font = { bold: true };
      row.alignment = { vertical: 'top', wrapText: true };
    }
  }
  withFilterNames(workbook, filters);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

interface FilterName {
  name: '_xlnm._FilterDatabase';
  localSheetId: number;
  ranges: string[];
}

/**
 * exceljs writes a sheet's autoFilter but not the sheet-local name `_xlnm._FilterDatabase` that Excel
 * writes beside it, and LibreOffice shows no filter buttons without that name. exceljs renders the
 * names its workbook model lists (with a localSheetId, as it does for print areas), so the filter
 * names are added to that list as it is read at write time.
 */
function withFilterNames(workbook: ExcelJS.Workbook, filters: readonly FilterName[]): void {
  const names = workbook.definedNames as unknown as { model: unknown[] };
  const own = Object.getPrototypeOf(names) as object;
  const getter = Object.getOwnPropertyDescriptor(own, 'model')?.get;
  if (!getter) throw new Error('exceljs no longer has definedNames.model; the filter names cannot be written.');
  Object.defineProperty(names, 'model', {
    configurable: true,
    get: () => [...(getter.call(names) as unknown[]), ...filters],
    set: (value: unknown) => Object.getOwnPropertyDescriptor(own, 'model')?.set?.call(names, value),
  });
}

function addSheet(workbook: ExcelJS.Workbook, sheet: XlsxSheet, index: number, rightToLeft: boolean): FilterName {
  const headerRow = sheet.keysRow ? 2 : 1;
  const ws = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: headerRow, xSplit: 0, rightToLeft }] });
  ws.columns = sheet.columns.map((c) => ({ key: c.key, width: c.width, ...(NUMBER_FORMAT[c.type] ? { style: { numFmt: NUMBER_FORMAT[c.type]! } } : {}) }));
  if (sheet.keysRow) {
    const keys = ws.getRow(1);
    keys.values = sheet.columns.map((c) => c.key);
    keys.hidden = true;
  }
  const header = ws.getRow(headerRow);
  header.values = sheet.columns.map((c) => c.label);
  header.font = { bold: true };
  header.alignment = { vertical: 'top', wrapText: true };
  sheet.rows.forEach((values, i) => {
    const row = ws.getRow(headerRow + 1 + i);
    sheet.columns.forEach((column, j) => {
      const cell = row.getCell(j + 1);
      cell.value = cellValue(column, values[j]);
      if (NUMBER_FORMAT[column.type]) cell.numFmt = NUMBER_FORMAT[column.type]!;
      if (!sheet.editable?.has(column.key)) return;
      cell.protection = { locked: false };
      const list = sheet.lists?.[column.key];
      const bounds = sheet.bounds?.[column.key] ?? (sheet.numericCell?.(i, column.key) ? { min: -1e15, max: 1e15 } : undefined);
      if (sheet.dates?.has(column.key)) {
        cell.dataValidation = { type: 'date', allowBlank: true, operator: 'greaterThan', formulae: [new Date(Date.UTC(1900, 0, 1))], showErrorMessage: true, errorStyle: 'stop' };
        cell.numFmt = 'yyyy-mm-dd';
      }
      if (list) {
        cell.dataValidation = { type: 'list', allowBlank: true, formulae: [`"${list.join(',')}"`], showErrorMessage: true, errorStyle: 'stop' };
      } else if (bounds) {
        cell.dataValidation = {
          type: 'decimal',
          allowBlank: true,
          operator: bounds.max === undefined ? 'greaterThanOrEqual' : 'between',
          formulae: bounds.max === undefined ? [bounds.min] : [bounds.min, bounds.max],
          showErrorMessage: true,
          errorStyle: 'stop',
        };
      }
    });
  });
  const last = headerRow + Math.max(sheet.rows.length, 1);
  ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: last, column: sheet.columns.length } };
  const filter: FilterName = { name: '_xlnm._FilterDatabase', localSheetId: index, ranges: [`'${sheet.name.replace(/'/g, "''")}'!$A$${headerRow}:$${columnLetter(sheet.columns.length)}$${last}`] };
  // Known values are locked, without a password: the sheet says what not to change, and a person who
  // must can still unprotect it.
  if (sheet.editable) void ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, autoFilter: true, sort: true });
  return filter;
}
