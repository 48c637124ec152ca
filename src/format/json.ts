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

export const formatJson: Formatter = (diagnostics, context) => {
  const groups = groupByFile(diagnostics, context.files);
  return jsonReport({ body: groups.map((g) => jsonFileFragment(g, context.rule)).join(',\n'), filesWithProblems: groups.filter((g) => g.diagnostics.length > 0).length }, context);
};

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
export function jsonFileFragment(group: FileGroup, rule: FormatContext['rule']): string {
  const file: JsonFile = {
    file: group.file,
    errors: group.errors,
    warnings: group.warnings,
    infos: group.infos,
    diagnostics: group.diagnostics.map((d) => jsonDiagnostic(d, rule(d.ruleId).helpUri)),
  };
  return indented(JSON.stringify(file, null, 2), FILE_INDENT);
}

/** The file entries sit two levels deep: in the report, in `files`. */
const FILE_INDENT = '    ';

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

function jsonDiagnostic(d: Diagnostic, helpUri: string | undefined): JsonDiagnostic {
  // Built field by field: a stable key order, and nothing the Diagnostic may carry beyond the contract.
  return {
    ruleId: d.ruleId,
    severity: d.severity,
    message: d.message,
    ...(d.messageId !== undefined && { messageId: d.messageId }),
    ...(d.range && {
      range: {
        start: { line: d.range.start.line, column: d.range.start.column },
        end: { line: d.range.end.line, column: d.range.end.column },
      },
    }),
    ...(d.pointer !== undefined && { pointer: d.pointer }),
    ...(helpUri !== undefined && { helpUri }),
  };
}
