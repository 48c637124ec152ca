// CSV as spreadsheets open it: RFC 4180 (commas, CRLF, double quotes), UTF-8 with a byte-order mark so
// Excel reads Arabic and accented names, and text that a spreadsheet would run as a formula defused.
import type { Sheet } from './table.js';

// A cell starting with one of these is a formula to Excel and LibreOffice (OWASP: CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: string | number | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The sheet as CSV: a header row of column keys, then the rows. */
export function toCsv(sheet: Sheet, header: 'key' | 'label' = 'key', extra?: { key: string; value: string }): string {
  const head = sheet.columns.map((c) => (header === 'key' ? c.key : c.label));
  const lines = [[...(extra ? [extra.key] : []), ...head].map(csvField).join(',')];
  for (const row of sheet.rows) lines.push([...(extra ? [extra.value] : []), ...row].map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
