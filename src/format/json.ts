// The `json` output: one versioned document for the whole run, shaped by docs/json-output.schema.json.
import type { Diagnostic, Range, Severity } from '../diagnostics.js';
import type { Formatter } from './context.js';
import { runFailed } from './describe-run.js';
import { groupByFile } from './group-by-file.js';

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
  const report: JsonReport = {
    formatVersion: JSON_FORMAT_VERSION,
    language: context.language ?? 'en',
    tool: { name: context.tool.name, version: context.tool.version, schemaVersion: context.tool.schemaVersion, sdgCodeList: context.tool.sdgCodeList },
    // The run's own totals (they decide the exit code), even when --quiet lists fewer diagnostics.
    summary: {
      ok: !runFailed(context),
      strict: context.strict,
      files: context.summary.files,
      filesWithProblems: groups.filter((g) => g.diagnostics.length > 0).length,
      errors: context.summary.errors,
      warnings: context.summary.warnings,
      infos: context.summary.infos,
    },
    files: groups.map((g) => ({
      file: g.file,
      errors: g.errors,
      warnings: g.warnings,
      infos: g.infos,
      diagnostics: g.diagnostics.map((d) => jsonDiagnostic(d, context.rule(d.ruleId).helpUri)),
    })),
    suppressions: (context.suppressions ?? []).map((s) => ({ file: s.file, ruleId: s.ruleId, reason: s.reason, silenced: s.silenced })),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
};

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
