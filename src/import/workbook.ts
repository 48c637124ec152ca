// Reads a progress workbook (XLSX) or its CSV form back into cells, within bounds: the file's size,
// the zip's entries and their inflated sizes (a zip bomb stops here, before any library inflates it),
// the number of rows. Formulas give their saved value and are never evaluated. What is not a workbook
// lamd can read is a UsageError (exit 2) that says why.
import { inflateRawSync } from 'node:zlib';
import { UsageError } from '../errors.js';
import { t } from '../i18n/messages.js';

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_INFLATED_BYTES = 100 * 1024 * 1024;
export const MAX_ENTRIES = 2000;
/** A progress workbook has one row per indicator or action: far fewer than this. */
export const MAX_ROWS = 20_000;

export type CellRead =
  | { kind: 'empty' }
  | { kind: 'number'; value: number }
  | { kind: 'text'; value: string }
  | { kind: 'date'; value: string }
  | { kind: 'formula-without-value' }
  /** A formula whose saved result is an error (#DIV/0!, #N/A, #REF!), or an error typed in. */
  | { kind: 'error'; value: string };

export interface RowRead {
  /** 1-based row number in the sheet (or line number in the CSV). */
  row: number;
  cells: Map<string, CellRead>;
}

export interface SheetRead {
  name: string;
  /** Column key → 1-based column number. */
  columns: Map<string, number>;
  rows: RowRead[];
}

export interface WorkbookRead {
  format: 'xlsx' | 'csv';
  /** From the workbook's properties, when lamd wrote it. */
  subject?: string;
  sheets: Map<string, SheetRead>;
}

/** `H` for column 8, `AA` for 27. */
export function columnLetter(n: number): string {
  let out = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) out = String.fromCharCode(65 + ((c - 1) % 26)) + out;
  return out;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/**
 * Reads the zip's central directory and inflates every entry with a hard cap, so that what exceljs
 * later inflates is known to be small. Returns every inflated part by name (the worksheets, to count their rows).
 */
export function checkZip(bytes: Uint8Array, name: string): Map<string, Buffer> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const corrupt = (why: 'no_toc' | 'bad_toc' | 'no_part' | 'short_part' | 'bad_part' | 'compression', part = '') => new UsageError(t('workbook.damaged', { file: name, why, part }));
  // End of central directory: the last 22 bytes, or earlier when the zip has a comment.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt('no_toc');
  const entries = buf.readUInt16LE(eocd + 10);
  let offset = buf.readUInt32LE(eocd + 16);
  if (entries > MAX_ENTRIES) throw new UsageError(t('workbook.too-many-parts', { file: name, count: String(entries) }));
  const sheets = new Map<string, Buffer>();
  let total = 0;
  for (let e = 0; e < entries; e++) {
    if (offset + 46 > buf.length || buf.readUInt32LE(offset) !== 0x02014b50) throw corrupt('bad_toc');
    const method = buf.readUInt16LE(offset + 10);
    const compressed = buf.readUInt32LE(offset + 20);
    const declared = buf.readUInt32LE(offset + 24);
    const nameLength = buf.readUInt16LE(offset + 28);
    const extraLength = buf.readUInt16LE(offset + 30);
    const commentLength = buf.readUInt16LE(offset + 32);
    const flags = buf.readUInt16LE(offset + 8);
    const local = buf.readUInt32LE(offset + 42);
    const entryName = buf.toString('utf8', offset + 46, offset + 46 + nameLength);
    offset += 46 + nameLength + extraLength + commentLength;
    if (flags & 0x1) throw new UsageError(t('workbook.password', { file: name }));
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) throw corrupt('no_part', entryName);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (start + compressed > buf.length) throw corrupt('short_part', entryName);
    const data = buf.subarray(start, start + compressed);
    const room = MAX_INFLATED_BYTES - total;
    let inflated: Buffer;
    if (method === 0) inflated = data;
    else if (method === 8) {
      try {
        inflated = inflateRawSync(data, { maxOutputLength: Math.max(1, Math.min(room, declared + 1)) });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || /Cannot create a Buffer larger|maxOutputLength/i.test(String(error))) {
          throw new UsageError(t('workbook.bomb', { file: name, what: 'either', limit: String(MAX_INFLATED_BYTES / 1024 / 1024) }));
        }
        throw corrupt('bad_part', entryName);
      }
    } else throw corrupt('compression', entryName);
    if (inflated.length !== declared) throw new UsageError(t('workbook.bomb', { file: name, what: 'declared', limit: String(MAX_INFLATED_BYTES / 1024 / 1024) }));
    total += inflated.length;
    if (total > MAX_INFLATED_BYTES) throw new UsageError(t('workbook.bomb', { file: name, what: 'limit', limit: String(MAX_INFLATED_BYTES / 1024 / 1024) }));
    sheets.set(entryName, inflated);
  }
  return sheets;
}

function countRows(xml: Buffer): number {
  let n = 0;
  for (let i = xml.indexOf('<row'); i >= 0; i = xml.indexOf('<row', i + 4)) {
    const next = xml[i + 4];
    if (next === 0x20 || next === 0x3e || next === 0x2f) n++; // `<row ` `<row>` `<row/`, not `<rowBreaks`
  }
  return n;
}

function tooManyRows(name: string, rows: number): UsageError {
  return new UsageError(t('workbook.too-many-rows', { file: name, rows, limit: MAX_ROWS }));
}

/** Reads an XLSX or CSV file's bytes. `name` is how the file is shown in messages. */
export async function readWorkbook(bytes: Uint8Array, name: string): Promise<WorkbookRead> {
  if (bytes.length > MAX_FILE_BYTES) throw new UsageError(t('workbook.too-big', { file: name, size: String(Math.round(bytes.length / 1024 / 1024)), limit: String(MAX_FILE_BYTES / 1024 / 1024) }));
  if (startsWith(bytes, CFB_MAGIC)) throw new UsageError(t('workbook.old-or-locked', { file: name }));
  if (startsWith(bytes, ZIP_MAGIC)) return readXlsx(bytes, name);
  if (/\.xlsx$/i.test(name)) throw new UsageError(t('workbook.not-zip', { file: name }));
  return readCsv(bytes, name);
}

async function readXlsx(bytes: Uint8Array, name: string): Promise<WorkbookRead> {
  const parts = checkZip(bytes, name);
  for (const [part, xml] of parts) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(part)) continue;
    const rows = countRows(xml);
    if (rows > MAX_ROWS) throw tooManyRows(name, rows);
  }
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new UsageError(t('workbook.unreadable', { file: name }));
  }
  const sheets = new Map<string, SheetRead>();
  workbook.eachSheet((ws) => {
    const columns = new Map<string, number>();
    ws.getRow(1).eachCell({ includeEmpty: false }, (cell, col) => {
      const key = plainText(cell.value);
      if (key && !columns.has(key.trim())) columns.set(key.trim(), col);
    });
    const rows: RowRead[] = [];
    const last = ws.actualRowCount === 0 ? 0 : ws.rowCount;
    for (let r = 3; r <= last; r++) {
      const row = ws.getRow(r);
      const cells = new Map<string, CellRead>();
      for (const [key, col] of columns) cells.set(key, readCell(row.getCell(col).value));
      if ([...cells.values()].some((c) => c.kind !== 'empty')) rows.push({ row: r, cells });
    }
    sheets.set(ws.name, { name: ws.name, columns, rows });
  });
  const subject = workbook.subject;
  return { format: 'xlsx', ...(subject ? { subject } : {}), sheets };
}

function plainText(value: unknown): string | undefined {
  const cell = readCell(value);
  if (cell.kind === 'text') return cell.value;
  if (cell.kind === 'number') return String(cell.value);
  return undefined;
}

/** One cell as lamd reads it: a formula by its saved result, rich text as its text, a date as YYYY-MM-DD. */
export function readCell(value: unknown): CellRead {
  if (value === null || value === undefined) return { kind: 'empty' };
  if (typeof value === 'number') return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'empty' };
  if (typeof value === 'string') return value.trim() === '' ? { kind: 'empty' } : { kind: 'text', value: value.trim() };
  if (typeof value === 'boolean') return { kind: 'text', value: String(value) };
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? { kind: 'empty' } : { kind: 'date', value: value.toISOString().slice(0, 10) };
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('formula' in v || 'sharedFormula' in v) {
      const result = v.result;
      if (result instanceof Date || (result !== undefined && result !== null && typeof result !== 'object')) return readCell(result);
      if (result && typeof result === 'object' && 'error' in result) return { kind: 'error', value: String((result as { error: unknown }).error) };
      return { kind: 'formula-without-value' };
    }
    if (Array.isArray(v.richText)) return readCell((v.richText as { text?: string }[]).map((t) => t.text ?? '').join(''));
    if ('text' in v) return readCell(v.text);
    if ('error' in v) return { kind: 'error', value: String(v.error) };
  }
  return { kind: 'empty' };
}

export interface CsvRecord {
  fields: string[];
  /** 1-based line on which the record starts (a quoted cell may run over several lines). */
  line: number;
}

/** Splits CSV text (RFC 4180: commas, double quotes, CRLF or LF) into records. */
export function parseCsv(text: string, separator = ','): string[][] {
  return parseCsvRecords(text, Infinity, separator).map((r) => r.fields);
}

/** The records of CSV text with the line each starts on; stops after `limit` records. */
export function parseCsvRecords(text: string, limit = Infinity, separator = ','): CsvRecord[] {
  const records: CsvRecord[] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < text.length && records.length < limit; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === separator) {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push({ fields: record, line: start });
      line++;
      start = line;
      record = [];
      field = '';
    } else field += c;
  }
  if ((field !== '' || record.length) && records.length < limit) {
    record.push(field);
    records.push({ fields: record, line: start });
  }
  return records;
}

/** Line breaks in `text` (CRLF counted once), without splitting it: a cheap upper bound on its records. */
function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  if (n === 0) for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) n++; // old Mac line ends
  return n;
}

function readCsv(bytes: Uint8Array, name: string): WorkbookRead {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError(t('workbook.not-text', { file: name }));
  }
  if (/[\u0000-\u0008\u000e-\u001f]/.test(text.slice(0, 4096))) throw new UsageError(t('workbook.not-a-sheet', { file: name }));
  text = text.replace(/^\uFEFF/, '');
  // Count lines before parsing: a huge file is refused without building its records.
  const lines = countLines(text);
  const rowsAtLeast = lines - (/[\r\n]$/.test(text) ? 1 : 0);
  // Without quotes every line is a record: the count is exact, and nothing need be parsed.
  if (rowsAtLeast > MAX_ROWS && !text.includes('"')) throw tooManyRows(name, rowsAtLeast);
  let records = parseCsvRecords(text, MAX_ROWS + 2);
  // Excel in French (and other languages that write decimal commas) saves CSV with semicolons: then the
  // whole header is one field. Read as such, the file is the same table; a decimal comma is still refused cell by cell.
  if (records[0]?.fields.length === 1 && records[0].fields[0]!.includes(';')) records = parseCsvRecords(text, MAX_ROWS + 2, ';');
  if (records.length - 1 > MAX_ROWS) throw tooManyRows(name, Math.max(rowsAtLeast, records.length - 1));
  const header = (records[0]?.fields ?? []).map((h) => h.trim());
  const sheetColumn = header.indexOf('sheet');
  if (sheetColumn < 0) {
    // LibreOffice and Excel save one sheet per CSV file, without a `sheet` column: say how to make the one-file form.
    const oneSheet = header.includes('indicator') ? 'Indicators' : header.includes('action') ? 'Actions' : undefined;
    throw new UsageError(oneSheet ? t('import.csv-one-sheet', { file: name, sheet: oneSheet }) : t('import.csv-no-sheet-column', { file: name }));
  }
  const sheets = new Map<string, SheetRead>();
  records.slice(1).forEach(({ fields: record, line }) => {
    if (record.every((f) => f.trim() === '')) return;
    const sheetName = (record[sheetColumn] ?? '').trim();
    let sheet = sheets.get(sheetName);
    if (!sheet) {
      sheet = { name: sheetName, columns: new Map(header.map((h, j) => [h, j + 1] as [string, number]).filter(([h]) => h !== '' && h !== 'sheet')), rows: [] };
      sheets.set(sheetName, sheet);
    }
    const cells = new Map<string, CellRead>();
    for (const [key, col] of sheet.columns) {
      const raw = record[col - 1] ?? '';
      const value = raw.startsWith("'") && /^'[=+\-@]/.test(raw) ? raw.slice(1) : raw;
      cells.set(key, value.trim() === '' ? { kind: 'empty' } : { kind: 'text', value: value.trim() });
    }
    sheet.rows.push({ row: line, cells });
  });
  return { format: 'csv', sheets };
}
