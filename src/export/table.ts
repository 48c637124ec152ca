// A sheet as lamd's exports hold it before it becomes CSV or XLSX: typed columns and rows of cells.

export type ColumnType = 'text' | 'value' | 'number' | 'date' | 'percent';

export interface Column {
  /** The stable key: the CSV header, row 1 of a progress template. */
  key: string;
  /** The header people read, in the report language. */
  label: string;
  /** text; value (a number or a text); number; date (YYYY[-MM[-DD]]); percent (15.2 means 15.2 %). */
  type: ColumnType;
  /** Width in characters. */
  width: number;
}

export interface Sheet {
  name: string;
  columns: Column[];
  rows: (string | number | undefined)[][];
}
