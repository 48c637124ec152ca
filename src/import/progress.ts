// Turns a filled-in progress workbook into progress documents: every cell checked against what its
// column needs (one problem per cell, addressed `Indicators!H7`, in the report language), then one
// document per road map with something reported, new or merged into the period's existing one.
// Pure: workbook and workspace in, planned files and problems out; the CLI writes.
import { isMap, isNode, isScalar, isSeq, parseDocument, stringify, type Document, type Scalar, type YAMLMap } from 'yaml';
import { join } from 'node:path';
import { isCalendarDate } from '../calendar/dates.js';
import { addMonths, periodRange, periodsOverlap } from '../calendar/periods.js';
import { programmeEnd } from '../check/progress.js';
import { formatList } from '../i18n/format.js';
import { UsageError } from '../errors.js';
import { t, type Text } from '../i18n/messages.js';
import { ACTION_STATUS_VALUES, SHEET_KEYS, TEMPLATE_SUBJECT_PREFIX, type SheetName } from '../export/progress-template.js';
import type { Catalogue, Messages } from '../report/i18n.js';
import type { ReportModel } from '../report/model.js';
import { planPlace } from '../report/views/plan-link.js';
import type { PlannedFile } from '../scaffold/apply.js';
import { schemaFolderOf, withModeline } from '../scaffold/documents.js';
import { SCHEMA_COPY_DIR } from '../scaffold/schema-copy.js';
import { WORKSPACE_FILE } from '../workspace/kinds.js';
import type { RoadmapDocument } from '../types/generated/index.js';
import type { LoadedDocument } from '../workspace/load.js';
import { columnLetter, type CellRead, type RowRead, type SheetRead, type WorkbookRead } from './workbook.js';

export interface ImportRequest {
  workbook: WorkbookRead;
  /** How the file is named in messages. */
  file: string;
  period?: string;
  model: ReportModel;
  /** The workspace's documents, to find the progress files that already exist. */
  documents: readonly LoadedDocument[];
  /** The workspace root, to name files relative to it. */
  root: string;
  m: Messages;
  /** YYYY-MM-DD: the date a new report is recorded as made. */
  today: string;
  /** The text of an existing document (absolute path), to merge into. */
  readText: (path: string) => string;
  /** The report catalogues of every language, whose action status labels are read as well as `m`'s. */
  catalogues?: readonly Catalogue[];
}

export interface ImportPlan {
  period: string;
  /** One message per wrong cell; when any, nothing is to be written. */
  problems: string[];
  files: (PlannedFile & { roadmap: string; existing: boolean })[];
}

type Entry = Record<string, unknown>;

/** The period: --period, else the one the workbook was exported for; the two must agree when both are known. */
function periodOf(request: ImportRequest): string {
  const fromFile = request.workbook.subject?.startsWith(TEMPLATE_SUBJECT_PREFIX) ? request.workbook.subject.slice(TEMPLATE_SUBJECT_PREFIX.length).trim() : undefined;
  if (request.period !== undefined && fromFile !== undefined && request.period !== fromFile) {
    // Its rows were filled in for the workbook's period; filing them under another would misdate every value.
    throw new UsageError(t('import.period-mismatch', { file: request.file, exported: fromFile, period: request.period }));
  }
  const period = request.period ?? fromFile;
  if (period === undefined) throw new UsageError(t('import.no-period', { file: request.file }));
  if (!periodRange(period)) throw new UsageError(t('import.bad-period', { period }));
  return period;
}

/** The sheets lamd wrote, each with every key of row 1; anything else means this is not lamd's workbook. */
function sheetsOf(request: ImportRequest): Map<SheetName, SheetRead> {
  const out = new Map<SheetName, SheetRead>();
  const missing: Text[] = [];
  for (const name of Object.keys(SHEET_KEYS) as SheetName[]) {
    const sheet = request.workbook.sheets.get(name);
    if (!sheet) {
      // The CSV form may leave a sheet out: a file of actions only is fine.
      if (request.workbook.format === 'xlsx') missing.push(t('import.sheet-missing', { sheet: name }));
      continue;
    }
    const lacking = SHEET_KEYS[name].filter((k) => !sheet.columns.has(k));
    if (lacking.length) missing.push(t('import.columns-missing', { where: request.workbook.format === 'xlsx' ? 'sheet' : 'line', sheet: name, count: lacking.length, keys: lacking.map((k) => `\`${k}\``).join(', ') }));
    else out.set(name, sheet);
  }
  // CSV rows of another sheet are reported row by row (planImport); a file of only those is still a progress CSV.
  const others = request.workbook.format === 'csv' && [...request.workbook.sheets.keys()].some((s) => !(s in SHEET_KEYS));
  if (missing.length || (out.size === 0 && !others)) {
    const found = [...request.workbook.sheets.keys()].map((s) => `\`${s}\``).join(', ') || t('import.none');
    // At most one problem per sheet, and there are two sheets.
    const problems = missing.length === 0 ? t('import.no-sheets') : missing.length === 1 ? missing[0]! : t('import.two-problems', { first: missing[0]!, second: missing[1]! });
    throw new UsageError(t('import.not-lamds', { file: request.file, problems, found }));
  }
  return out;
}

export function planImport(request: ImportRequest): ImportPlan {
  const period = periodOf(request);
  const sheets = sheetsOf(request);
  const { m } = request;
  // Each cell's problem with where it is, to list them as the officer reads the file: by line in a CSV
  // (one sequence of lines, whatever the sheet), by sheet then row in a workbook; then by column.
  const found: { at: number[]; text: string }[] = [];
  const problems: string[] = [];
  const roadmaps = new Map(request.model.roadmaps.map((r) => [r.id, r]));
  const byRoadmap = new Map<string, { indicators: Entry[]; actions: Entry[] }>();
  const statusLabels = new Map<string, string>();
  for (const s of ACTION_STATUS_VALUES) {
    statusLabels.set(s, s);
    statusLabels.set(m.raw(`label.action_status.${s}`).toLowerCase(), s);
    for (const catalogue of request.catalogues ?? []) {
      const label = catalogue.get(`label.action_status.${s}`)?.toLowerCase();
      // A label that reads as another status in another language would be ambiguous; the first reading stays.
      if (label !== undefined && !statusLabels.has(label)) statusLabels.set(label, s);
    }
  }
  // Listed the language's way: Arabic separates with «،», and every language says "or" its own way.
  const statusChoices = formatList(ACTION_STATUS_VALUES.map((s) => m.raw(`label.action_status.${s}`)), m.locale, 'disjunction');

  if (request.workbook.format === 'csv') {
    // A row whose `sheet` is neither Indicators nor Actions (a typo, a translation, blank) would otherwise vanish.
    for (const [name, sheet] of request.workbook.sheets) {
      if (name in SHEET_KEYS) continue;
      for (const row of sheet.rows) found.push({ at: [0, row.row, 0], text: m.plain(name === '' ? 'sheet.problem.missing_sheet' : 'sheet.problem.unknown_sheet', { cell: `${request.file}:${row.row}`, key: 'sheet', value: name }) });
    }
  }
  const range = periodRange(period)!;
  const when: When = { period, range, today: request.today };
  for (const [name, sheet] of sheets) {
    const seen = new Set<string>();
    const idKey = name === 'Indicators' ? 'indicator' : 'action';
    for (const row of sheet.rows) {
      const where = (key: string) => (request.workbook.format === 'xlsx' ? `${name}!${columnLetter(sheet.columns.get(key)!)}${row.row}` : `${request.file}:${row.row} (${name})`);
      const sheetOrder = request.workbook.format === 'csv' ? 0 : Object.keys(SHEET_KEYS).indexOf(name);
      const problem = (code: string, key: string, values: Record<string, string> = {}) =>
        found.push({ at: [sheetOrder, row.row, sheet.columns.get(key) ?? 0], text: m.plain(`sheet.problem.${code}`, { cell: where(key), key, ...values }) });
      const text = (key: string): string | undefined => {
        const cell = row.cells.get(key);
        return cell?.kind === 'text' ? cell.value : cell?.kind === 'number' ? String(cell.value) : cell?.kind === 'date' ? cell.value : undefined;
      };

      const roadmapId = text('roadmap');
      const id = text(idKey);
      if (roadmapId === undefined) {
        problem('missing_id', 'roadmap');
        continue;
      }
      const roadmap = roadmaps.get(roadmapId);
      if (!roadmap) {
        problem('unknown_roadmap', 'roadmap', { value: roadmapId });
        continue;
      }
      const municipality = text('municipality');
      if (municipality !== undefined && municipality !== roadmap.municipality) problem('wrong_municipality', 'municipality', { value: municipality, roadmap: roadmapId, owner: roadmap.municipality });
      if (id === undefined) {
        problem('missing_id', idKey);
        continue;
      }
      const known = name === 'Indicators' ? indicatorIds(roadmap) : (roadmap.actions ?? []).map((a) => a.id);
      if (!known.includes(id)) {
        problem('unknown_id', idKey, { value: id, roadmap: roadmapId });
        continue;
      }
      if (seen.has(`${roadmapId}/${id}`)) {
        problem('duplicate_row', idKey, { value: id });
        continue;
      }
      seen.add(`${roadmapId}/${id}`);

      const entry = name === 'Indicators' ? readIndicator(row, roadmap, id, problem, when) : readAction(row, id, problem, statusLabels, statusChoices, structuredPlans(request.model, roadmapId, period, id));
      if (!entry) continue;
      const group = byRoadmap.get(roadmapId) ?? { indicators: [], actions: [] };
      (name === 'Indicators' ? group.indicators : group.actions).push(entry);
      byRoadmap.set(roadmapId, group);
    }
  }
  found.sort((a, b) => a.at[0]! - b.at[0]! || a.at[1]! - b.at[1]! || a.at[2]! - b.at[2]!);
  problems.push(...found.map((f) => f.text));
  if (problems.length) return { period, problems, files: [] };

  // A report for this period beside one for an overlapping period (2026-Q3 beside 2026-H2) would count
  // values twice (progress/overlapping-periods): refused before anything is written.
  for (const roadmapId of byRoadmap.keys()) {
    for (const d of request.documents) {
      if (d.kind !== 'progress' || d.value.roadmap !== roadmapId || typeof d.value.period !== 'string' || d.value.period === period) continue;
      const other = periodRange(d.value.period);
      if (other && periodsOverlap(range, other)) problems.push(m.plain('sheet.problem.overlapping_period', { roadmap: roadmapId, other: d.value.period, period, path: d.path !== undefined ? relativePath(request.root, d.path) : d.file }));
    }
  }
  if (problems.length) return { period, problems, files: [] };

  const files: ImportPlan['files'] = [];
  for (const [roadmapId, group] of byRoadmap) {
    const roadmap = roadmaps.get(roadmapId)!;
    const path = `municipalities/${roadmap.municipality}/progress/${roadmapId}-${period}.yaml`;
    const existing = request.documents.find((d) => d.kind === 'progress' && d.value.roadmap === roadmapId && d.value.period === period && d.path !== undefined);
    if (existing) {
      const text = request.readText(existing.path!);
      files.push({ path: relativePath(request.root, existing.path!), content: merge(text, group), replaces: text, roadmap: roadmapId, existing: true });
    } else {
      files.push({ path, content: newDocument(request, path, roadmap, period, group), roadmap: roadmapId, existing: false });
    }
  }
  return { period, problems, files };
}

function indicatorIds(roadmap: RoadmapDocument): string[] {
  return (roadmap.objectives ?? []).flatMap((o) => (o.indicators ?? []).flatMap((i) => (i.id !== undefined ? [i.id] : [])));
}

type Problem = (code: string, key: string, values?: Record<string, string>) => void;

const STRICT_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

function number(cell: CellRead | undefined, key: string, problem: Problem, bounds: { min?: number; max?: number } = { min: 0 }): number | undefined {
  if (!cell || cell.kind === 'empty') return undefined;
  if (cell.kind === 'formula-without-value') return void problem('formula_without_value', key);
  if (cell.kind === 'error') return void problem('formula_error', key, { value: cell.value });
  let value: number;
  if (cell.kind === 'number') value = cell.value;
  else if (cell.kind === 'text' && STRICT_NUMBER.test(cell.value.replace(/\s/g, ''))) value = Number(cell.value.replace(/\s/g, ''));
  else return void problem('not_a_number', key, { value: cell.value });
  if (bounds.min !== undefined && value < bounds.min && bounds.max === undefined) return void problem('negative', key, { value: String(value) });
  if ((bounds.min !== undefined && value < bounds.min) || (bounds.max !== undefined && value > bounds.max)) return void problem('out_of_range', key, { value: String(value), min: String(bounds.min ?? ''), max: String(bounds.max ?? '') });
  return value;
}

/** A date cell, an ISO date, or an unambiguous day/month/year; `01/03/2025` is refused as ambiguous. */
function date(cell: CellRead | undefined, key: string, problem: Problem): string | undefined {
  if (!cell || cell.kind === 'empty') return undefined;
  if (cell.kind === 'formula-without-value') return void problem('formula_without_value', key);
  if (cell.kind === 'error') return void problem('formula_error', key, { value: cell.value });
  if (cell.kind === 'date') return cell.value;
  const value = cell.kind === 'number' ? String(cell.value) : cell.value;
  if (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value) && isCalendarDate(value)) return value;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (m) {
    const [a, b, y] = [Number(m[1]), Number(m[2]), m[3]!];
    if (a !== b && a <= 12 && b <= 12) return void problem('ambiguous_date', key, { value });
    const [day, month] = a > 12 ? [a, b] : b > 12 ? [b, a] : [a, b];
    const iso = `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    if (isCalendarDate(iso)) return iso;
  }
  return void problem('not_a_date', key, { value });
}

function text(cell: CellRead | undefined, key: string, problem: Problem): string | undefined {
  if (!cell || cell.kind === 'empty') return undefined;
  if (cell.kind === 'formula-without-value') return void problem('formula_without_value', key);
  if (cell.kind === 'error') return void problem('formula_error', key, { value: cell.value });
  return cellText(String(cell.value));
}

/**
 * A cell's text as a document can hold it: Word's line and page breaks pasted into a cell (U+000B,
 * U+000C) become line breaks, and the other invisible controls YAML cannot hold unescaped (DEL and
 * C1, which neither the yaml package nor JSON escapes) are dropped; tab, line ends and NEL stay.
 */
function cellText(value: string): string {
  return value.replace(/[\x0b\x0c]/g, '\n').replace(/[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]/g, '');
}

/** The period imported and today, to tell a measurement date that cannot be right. */
interface When {
  period: string;
  range: { start: string; end: string };
  today: string;
}

/** How far from its period a measurement may be dated: a survey closes late, a register is read early. */
const DATE_SLACK_MONTHS = 6;

function readIndicator(row: RowRead, roadmap: RoadmapDocument, id: string, problem: Problem, when: When): Entry | undefined {
  const indicator = (roadmap.objectives ?? []).flatMap((o) => o.indicators ?? []).find((i) => i.id === id)!;
  const numeric = typeof indicator.target?.value === 'number' || typeof indicator.baseline?.value === 'number';
  const cell = row.cells.get('actual');
  let actual: number | string | undefined;
  if (cell?.kind === 'text' && !numeric && !/^[+-]?[\d.,\s]+$/.test(cell.value)) actual = cell.value; // a qualitative indicator's state in words
  else if (cell?.kind === 'date') problem('not_a_number', 'actual', { value: cell.value });
  else actual = number(cell, 'actual', problem, {});
  const women = number(row.cells.get('women'), 'women', problem);
  const men = number(row.cells.get('men'), 'men', problem);
  const entry: Entry = { indicator: id };
  if (actual !== undefined) entry.actual = actual;
  const measured = date(row.cells.get('date'), 'date', problem);
  if (measured !== undefined) {
    // A partial date (2026-12, 2026) is compared by its first day.
    const day = measured.length === 4 ? `${measured}-01-01` : measured.length === 7 ? `${measured}-01` : measured;
    if (day > when.today) problem('date_in_future', 'date', { value: measured, today: when.today });
    else if (day < addMonths(when.range.start, -DATE_SLACK_MONTHS) || day > addMonths(when.range.end, DATE_SLACK_MONTHS)) problem('date_outside_period', 'date', { value: measured, period: when.period, start: when.range.start, end: when.range.end });
    entry.date = measured;
  }
  if (women !== undefined || men !== undefined) entry.by_sex = { ...(women !== undefined ? { women } : {}), ...(men !== undefined ? { men } : {}) };
  for (const key of ['means_of_verification', 'comment']) {
    const value = text(row.cells.get(key), key, problem);
    if (value !== undefined) entry[key] = value;
  }
  return Object.keys(entry).length > 1 ? entry : undefined;
}

/**
 * The plan links (`plan`) a road map's progress reports already give with fields, by the words the
 * workbook shows for them: a plan reference read back unchanged keeps its fields instead of becoming words.
 * The link of this period's report wins, this action's above all: another period's link to the same place
 * may carry another status or date, and taking it would change the report being merged.
 */
function structuredPlans(model: ReportModel, roadmap: string, period: string, action: string): Map<string, object> {
  const reports = model.progress.get(roadmap) ?? [];
  const entries = [
    ...reports.filter((r) => r.period !== period).flatMap((r) => r.actions ?? []),
    ...reports.filter((r) => r.period === period).flatMap((r) => [...(r.actions ?? [])].sort((a, b) => Number(a.action === action) - Number(b.action === action))),
  ];
  const out = new Map<string, object>();
  for (const entry of entries) {
    const link = entry.budget?.plan;
    if (link !== undefined) out.set(planPlace(link), link);
  }
  // Words this report gives for this action read back as those words, not as another report's fields.
  const own = reports.find((r) => r.period === period)?.actions?.find((a) => a.action === action)?.budget;
  if (own?.plan === undefined && typeof own?.plan_reference === 'string') out.delete(own.plan_reference);
  return out;
}

function readAction(row: RowRead, id: string, problem: Problem, statuses: Map<string, string>, choices: string, plans: ReadonlyMap<string, object>): Entry | undefined {
  const entry: Entry = { action: id };
  const statusCell = row.cells.get('status');
  const status = text(statusCell, 'status', problem);
  if (status !== undefined) {
    const known = statuses.get(status.toLowerCase()) ?? statuses.get(status.toLowerCase().replace(/\s+/g, '-'));
    if (known) entry.status = known;
    else problem('unknown_status', 'status', { value: status, choices });
  }
  const percent = number(row.cells.get('percent_complete'), 'percent_complete', problem, { min: 0, max: 100 });
  if (percent !== undefined) entry.percent_complete = percent;
  const budget: Entry = {};
  const currency = text(row.cells.get('currency'), 'currency', problem);
  if (currency !== undefined) {
    if (/^[A-Za-z]{3}$/.test(currency)) budget.currency = currency.toUpperCase();
    else problem('not_a_currency', 'currency', { value: currency });
  }
  for (const key of ['allocated', 'committed', 'spent']) {
    const value = number(row.cells.get(key), key, problem);
    if (value !== undefined) budget[key] = value;
  }
  const plan = text(row.cells.get('plan_reference'), 'plan_reference', problem);
  if (plan !== undefined) {
    const link = plans.get(plan);
    if (link) budget.plan = link;
    else budget.plan_reference = plan;
  }
  // A currency says what the amounts are in; with none it is the template's, filled in from the road map's
  // costing, and is not a report: kept, it would add a key to a report the officer left as it was.
  if (!['allocated', 'committed', 'spent'].some((k) => k in budget)) delete budget.currency;
  if (Object.keys(budget).length) entry.budget = budget;
  const note = text(row.cells.get('note'), 'note', problem);
  if (note !== undefined) entry.note = note;
  return Object.keys(entry).length > 1 ? entry : undefined;
}

function relativePath(root: string, path: string): string {
  return path.slice(root.length + 1).split(/[\\/]/).join('/');
}

function newDocument(request: ImportRequest, path: string, roadmap: RoadmapDocument, period: string, group: { indicators: Entry[]; actions: Entry[] }): string {
  const end = programmeEnd({ value: request.model.workspace as unknown as Record<string, unknown> } as LoadedDocument);
  const range = periodRange(period)!;
  const stage = end !== undefined && range.start > end ? 'after' : 'during';
  const by = roadmap.monitoring?.responsible ?? request.model.municipalities.find((mu) => mu.slug === roadmap.municipality)?.lead_unit ?? request.m.plain('phrase.not_recorded');
  const doc = parseDocument('{}') as Document;
  // The comment is written in the import's language, as `lamd new` writes its documents' comments; YAML wants each line led by a space.
  const header = request.m.plain('sheet.import.header', { roadmap: roadmap.id, period, file: request.file.replace(/^.*[\\/]/, '') });
  doc.commentBefore = header
    .split('\n')
    .map((line) => ` ${line}`)
    .join('\n');
  const value = {
    kind: 'progress',
    schema_version: 1,
    roadmap: roadmap.id,
    municipality: roadmap.municipality,
    period,
    stage,
    reported: { by, date: request.today },
    ...(group.indicators.length ? { indicators: group.indicators } : {}),
    ...(group.actions.length ? { actions: group.actions } : {}),
  };
  doc.contents = doc.createNode(value) as never;
  return withModeline('progress', path, doc.toString({ lineWidth: 0 }), schemasOf(request));
}

/** Where the workspace's documents point editors for the schemas (see schemaFolderOf); lamd's copy when lamd.yaml cannot be read. */
function schemasOf(request: ImportRequest): string | null {
  try {
    return schemaFolderOf(request.readText(join(request.root, WORKSPACE_FILE)));
  } catch {
    return SCHEMA_COPY_DIR;
  }
}

/**
 * The existing document with each imported entry merged into the one of the same id, or added; the rest
 * kept. Merged key by key, down into `by_sex` and `budget`: an empty cell gives no key, so the value stays
 * as it was. Only scalars whose value changed are touched, on their own nodes, so their comments and the
 * style of the mappings around them stay; an unchanged workbook gives back the text as it was. Anything
 * added reprints the whole document (see README, `lamd import progress`).
 */
function merge(text: string, group: { indicators: Entry[]; actions: Entry[] }): string {
  const doc = parseDocument(text);
  const edits: ScalarEdit[] = [];
  // Anything more than a scalar set in place (an entry or key added, a node replaced) has no place in the
  // original text to go to: then the document is printed whole, comments and styles still kept.
  const change = { structural: false };
  for (const [list, idKey, entries] of [['indicators', 'indicator', group.indicators], ['actions', 'action', group.actions]] as const) {
    if (!entries.length) continue;
    const current = doc.get(list, true);
    if (!isSeq(current)) {
      doc.set(list, doc.createNode(entries));
      change.structural = true;
      continue;
    }
    for (const entry of entries) {
      const item = current.items.find((i) => isMap(i) && i.get(idKey) === entry[idKey]);
      if (isMap(item)) mergeMap(doc, item, entry, edits, change);
      else {
        current.items.push(doc.createNode(entry));
        change.structural = true;
      }
    }
  }
  // Printed whole, the document comes out with LF: a file edited on Windows keeps its CRLF, as it does when edited in place.
  if (change.structural) {
    const printed = doc.toString({ lineWidth: 0 });
    return text.includes('\r\n') ? printed.replace(/\r?\n/g, '\r\n') : printed;
  }
  // Each changed scalar is written over its own characters, from the end so earlier offsets hold.
  let out = text;
  for (const edit of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

interface ScalarEdit {
  start: number;
  end: number;
  text: string;
}

/** Keys whose value is read from one cell (the plan's words): replaced whole when it differs, never merged. */
const WHOLE = new Set(['plan']);
/** Keys that say the same thing in two ways (the plan with fields, or in words): setting one drops the other. */
const ALTERNATIVES: Record<string, string> = { plan: 'plan_reference', plan_reference: 'plan' };

function mergeMap(doc: Document, map: YAMLMap, value: Entry, edits: ScalarEdit[], change: { structural: boolean }): void {
  for (const [key, v] of Object.entries(value)) {
    const node = map.get(key, true);
    const plain = typeof v === 'object' && v !== null && !Array.isArray(v);
    if (plain && isMap(node) && !WHOLE.has(key)) {
      mergeMap(doc, node, v as Entry, edits, change);
      continue;
    }
    const other = ALTERNATIVES[key];
    if (other !== undefined && map.has(other)) {
      map.delete(other);
      change.structural = true;
    }
    if (node !== undefined && isNode(node) && sameValue(node.toJSON(), v)) continue;
    if (isScalar(node) && !plain) {
      const edit = scalarEdit(node, v);
      if (edit) edits.push(edit);
      else change.structural = true;
      // A string keeps its node and so its quoting; a number gets a fresh node, keeping the comments, so an
      // old `1.50` does not print a new 2 as `2.00`.
      if (typeof node.value === 'string' && typeof v === 'string') node.value = v;
      else {
        const fresh = doc.createNode(v) as Scalar;
        fresh.comment = node.comment;
        fresh.commentBefore = node.commentBefore;
        fresh.spaceBefore = node.spaceBefore;
        map.set(key, fresh);
      }
      continue;
    }
    map.set(key, doc.createNode(v));
    change.structural = true;
  }
}

/** The new scalar's text over the old one's characters, when it can stand there on one line as is. */
function scalarEdit(node: Scalar, value: unknown): ScalarEdit | undefined {
  // An empty value (`comment:`) has no characters to write over.
  if (!node.range || node.range[0] === node.range[1] || node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') return undefined;
  let text: string;
  if (typeof value === 'number' && Number.isFinite(value)) text = String(value);
  else if (typeof value === 'string' && !/[\n\r]/.test(value)) {
    // Plain where YAML itself would write it plain and no flow mapping could misread it; else in the old
    // node's quotes. Double quotes read the same anywhere, and JSON's escapes are YAML's.
    const asYaml = stringify(value, { lineWidth: 0 }).trimEnd();
    if (node.type === 'PLAIN' && asYaml === value && !/[,[\]{}#]/.test(value)) text = value;
    // Single quotes have no escapes: a control character (a pasted Word line break, U+000B) written raw makes a file YAML refuses.
    else if (node.type === 'QUOTE_SINGLE' && !/[\x00-\x08\x0b-\x1f\x7f-\x9f]/u.test(value)) text = `'${value.replace(/'/g, "''")}'`;
    else text = JSON.stringify(value);
  } else return undefined;
  return { start: node.range[0], end: node.range[1], text };
}

/** Deep equality of plain data, key order aside. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameValue((a as Entry)[k], (b as Entry)[k]));
}
