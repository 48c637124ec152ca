// The `json` output: one versioned document for the whole run, shaped by docs/json-output.schema.json.
import type { Diagnostic, Range, Severity } from '../diagnostics.js';
import type { FormatContext, Formatter } from './context.js';
import { runFailed } from './describe-run.js';
import { groupByFile, type FileGroup } from './group-by-file.js';

/**
 * Bumped only when a field is removed, renamed or changes meaning; fields may be added within a
 * version. Programs reading the output check it first (docs/json-output.md).
 */
export const JSON_FORMAT_VERSION = 1;

/** The shape documented in docs/json-output.md; key order here is the order in the output. */
export interface JsonReport {
  formatVersion: typeof JSON_FORMAT_VERSION;
  /** The language of the messages. */
  language: string;
  tool: { name: 'lamd'; version: string; schemaVersion: number; sdgCodeList: string };
  summary: { ok: boolean; strict: boolean; files: number; filesWithProblems: number; errors: number; warnings: number; infos: number };
  files: JsonFile[];
  /** The rules documents silence on themselves (`suppress:`), with their reasons. */
  suppressions: JsonSuppression[];
}

export interface JsonSuppression {
  file: string;
  ruleId: string;
  reason: string;
  /** How many findings it silenced in this run. */
  silenced: number;
}

export interface JsonFile {
  file: string;
  errors: number;
  warnings: number;
  infos: number;
  diagnostics: JsonDiagnostic[];
}

export interface JsonDiagnostic {
  ruleId: string;
  severity: Severity;
  message: string;
  /** Stable id of the message, the same in every language. */
  messageId?: string;
  range?: Range;
  pointer?: string;
  /** The rule's page on the web; only when lamd's package.json names a homepage. */
  helpUri?: string;
}

/**
 * The whole report, joined once from its pieces: the text around the files' entries joined to them
 * afterwards would be copied whole again when written out (megabytes for thousands of findings).
 */
export const formatJson: Formatter = (diagnostics, context) => {
  const parts = [''];
  const { filesWithProblems, hasFiles } = writeFiles(parts, diagnostics, context.files, context.rule);
  const [before, after] = jsonReportAround(filesWithProblems, context, hasFiles);
  parts[0] = before;
  parts.push(after);
  return parts.join('');
};

/** The report's files, every file's entry in order (`files` lists those without diagnostics too). */
export function jsonFiles(diagnostics: readonly Diagnostic[], files: readonly string[], rule: FormatContext['rule']): PrintedFiles {
  const parts: string[] = [];
  const { filesWithProblems } = writeFiles(parts, diagnostics, files, rule);
  return { body: parts.join(''), filesWithProblems };
}

/** Pushes the entries of the report's files onto `out`, joined by `,\n`. */
function writeFiles(out: string[], diagnostics: readonly Diagnostic[], files: readonly string[], rule: FormatContext['rule']): { filesWithProblems: number; hasFiles: boolean } {
  const groups = groupByFile(diagnostics, files);
  const quote = quoter();
  let filesWithProblems = 0;
  for (let i = 0; i < groups.length; i++) {
    if (i > 0) out.push(',\n');
    const group = groups[i]!;
    if (group.diagnostics.length > 0) filesWithProblems++;
    writeFileEntry(out, group, rule, quote);
  }
  return { filesWithProblems, hasFiles: groups.length > 0 };
}

/** The report's files as the formatter prints them (a cache keeps each file's part of `body`). */
export interface PrintedFiles {
  /** The entries of `files`, each as jsonFileFragment writes it, joined by `,\n`. */
  body: string;
  /** How many of the files have findings. */
  filesWithProblems: number;
}

/**
 * One file's entry of the report's `files`, exactly as `JSON.stringify(report, null, 2)` prints it
 * there: a whole report is the same text whether its files were written now or kept from a run before.
 */
export function jsonFileFragment(group: FileGroup, rule: FormatContext['rule'], quote: (text: string) => string = quoter()): string {
  const parts: string[] = [];
  writeFileEntry(parts, group, rule, quote);
  return parts.join('');
}

/**
 * JSON strings, each written once per run: a network's thousands of findings repeat a few messages,
 * rule ids, pointers and links. File names, each written once, are not kept.
 */
export function quoter(): (text: string) => string {
  const written = new Map<string, string>();
  return (text) => {
    let json = written.get(text);
    if (json === undefined) written.set(text, (json = JSON.stringify(text)));
    return json;
  };
}

/** The file entries sit two levels deep (in the report, in `files`); a diagnostic's fields three levels deeper. */
const FILE = '    ';
const ITEM = ' '.repeat(8);
const FIELD = ' '.repeat(10);

/**
 * A file's entry, pushed onto `out` as JSON.stringify(…, null, 2) writes it at its depth, fields in
 * JsonFile's and jsonDiagnostic's order (test/format/json-fragment.test.ts holds the two to the same
 * text). A diagnostic is three pieces: the text of its rule, severity and message, and the text of
 * its pointer and link, each written once per run (see DiagnosticPieces), around its range.
 * Building an object per diagnostic and stringifying each file cost 2,000 road maps with 8,040
 * findings more than twice as much; pushing each field as pieces of its own, a sixth more than this.
 */
function writeFileEntry(out: string[], group: FileGroup, rule: FormatContext['rule'], quote: (text: string) => string): void {
  out.push(`${FILE}{\n${FILE}  "file": ${JSON.stringify(group.file)},\n${FILE}  "errors": ${jsonNumber(group.errors)},\n${FILE}  "warnings": ${jsonNumber(group.warnings)},\n${FILE}  "infos": ${jsonNumber(group.infos)},\n${FILE}  "diagnostics": `);
  if (group.diagnostics.length === 0) {
    out.push(EMPTY_DIAGNOSTICS);
    return;
  }
  const pieces = piecesOf(quote);
  for (let i = 0; i < group.diagnostics.length; i++) {
    const d = group.diagnostics[i]!;
    out.push(i === 0 ? FIRST_ITEM : NEXT_ITEM, pieces.head(d));
    if (d.range) pushRange(out, d.range);
    out.push(pieces.tail(d.pointer, rule(d.ruleId).helpUri));
  }
  out.push(END_DIAGNOSTICS);
}

const EMPTY_DIAGNOSTICS = `[]\n${FILE}}`;
const FIRST_ITEM = `[\n${ITEM}{\n`;
const NEXT_ITEM = `,\n${ITEM}{\n`;
const END_DIAGNOSTICS = `\n${FILE}  ]\n${FILE}}`;

/**
 * A diagnostic's range, after its message, as JSON.stringify writes it there: its four numbers
 * between constant pieces, pushed as they are. One template per range made a string of nine parts
 * for the final join to flatten, at twice the time on 8,040 findings.
 */
function pushRange(out: string[], { start, end }: Range): void {
  out.push(RANGE_START_LINE, jsonNumber(start.line), RANGE_COLUMN, jsonNumber(start.column), RANGE_END_LINE, jsonNumber(end.line), RANGE_COLUMN, jsonNumber(end.column), RANGE_END);
}

const RANGE_START_LINE = `,\n${FIELD}"range": {\n${FIELD}  "start": {\n${FIELD}    "line": `;
const RANGE_COLUMN = `,\n${FIELD}    "column": `;
const RANGE_END_LINE = `\n${FIELD}  },\n${FIELD}  "end": {\n${FIELD}    "line": `;
const RANGE_END = `\n${FIELD}  }\n${FIELD}}`;

/**
 * The text before and after a diagnostic's range, each written once per run: the findings of a
 * network say a few things (one message, rule and severity) at a few pointers with one link per rule.
 */
interface DiagnosticPieces {
  /** `"ruleId"`, `"severity"`, `"message"` and `"messageId"`, each on its line. */
  head(d: Diagnostic): string;
  /** `"pointer"` and `"helpUri"`, and the end of the diagnostic's object. */
  tail(pointer: string | undefined, helpUri: string | undefined): string;
}

/** Heads by message first: its text is the same string for every finding that says it (check/wording.ts). */
type Head = { ruleId: string; severity: Severity; messageId: string | undefined; text: string };

const runPieces = new WeakMap<(text: string) => string, DiagnosticPieces>();

/** The pieces written with one quoter: one set per run, as the quoter is. */
function piecesOf(quote: (text: string) => string): DiagnosticPieces {
  let pieces = runPieces.get(quote);
  if (pieces) return pieces;
  const heads = new Map<string, Head[]>();
  const tails = new Map<string | undefined, Map<string | undefined, string>>();
  pieces = {
    head: (d) => {
      let list = heads.get(d.message);
      if (!list) heads.set(d.message, (list = []));
      for (const h of list) if (h.ruleId === d.ruleId && h.severity === d.severity && h.messageId === d.messageId) return h.text;
      let text = `${FIELD}"ruleId": ${quote(d.ruleId)},\n${FIELD}"severity": ${quote(d.severity)},\n${FIELD}"message": ${quote(d.message)}`;
      if (d.messageId !== undefined) text += `,\n${FIELD}"messageId": ${quote(d.messageId)}`;
      list.push({ ruleId: d.ruleId, severity: d.severity, messageId: d.messageId, text });
      return text;
    },
    tail: (pointer, helpUri) => {
      let byLink = tails.get(pointer);
      if (!byLink) tails.set(pointer, (byLink = new Map()));
      let text = byLink.get(helpUri);
      if (text === undefined) {
        text = '';
        if (pointer !== undefined) text += `,\n${FIELD}"pointer": ${quote(pointer)}`;
        if (helpUri !== undefined) text += `,\n${FIELD}"helpUri": ${quote(helpUri)}`;
        byLink.set(helpUri, (text += `\n${ITEM}}`));
      }
      return text;
    },
  };
  runPieces.set(quote, pieces);
  return pieces;
}

/** A number as JSON.stringify writes it: null for what JSON cannot hold. */
function jsonNumber(n: number): string {
  return Number.isFinite(n) ? String(n) : 'null';
}

/** JSON text has no raw line breaks inside strings, so every line break starts a line to indent. */
function indented(json: string, indent: string): string {
  return indent + json.replaceAll('\n', `\n${indent}`);
}

/** The whole report from its files, in order; key order as JsonReport declares it. */
export function jsonReport(files: PrintedFiles, context: FormatContext): string {
  const [before, after] = jsonReportAround(files.filesWithProblems, context, files.body !== '');
  return before + files.body + after;
}

/**
 * The report's text before and after the entries of its files (`body`, joined by `,\n`), for a
 * writer that holds them as bytes (a cache's kept entries); `hasFiles` false: there are none.
 */
export function jsonReportAround(filesWithProblems: number, context: FormatContext, hasFiles: boolean): [before: string, after: string] {
  const head: Omit<JsonReport, 'files' | 'suppressions'> = {
    formatVersion: JSON_FORMAT_VERSION,
    language: context.language ?? 'en',
    tool: { name: context.tool.name, version: context.tool.version, schemaVersion: context.tool.schemaVersion, sdgCodeList: context.tool.sdgCodeList },
    // The run's own totals (they decide the exit code), even when --quiet lists fewer diagnostics.
    summary: {
      ok: !runFailed(context),
      strict: context.strict,
      files: context.summary.files,
      filesWithProblems,
      errors: context.summary.errors,
      warnings: context.summary.warnings,
      infos: context.summary.infos,
    },
  };
  const suppressions: JsonSuppression[] = (context.suppressions ?? []).map((s) => ({ file: s.file, ruleId: s.ruleId, reason: s.reason, silenced: s.silenced }));
  // `{ … }` of the head without its closing brace, then the two lists that end the report.
  const opening = JSON.stringify(head, null, 2).slice(0, -2);
  const closing = `,\n  "suppressions": ${indented(JSON.stringify(suppressions, null, 2), '  ').slice(2)}\n}\n`;
  return hasFiles ? [`${opening},\n  "files": [\n`, `\n  ]${closing}`] : [`${opening},\n  "files": []`, closing];
}
