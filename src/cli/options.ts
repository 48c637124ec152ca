// Option values several commands share (--today, --period), checked once with one wording, and the
// printing of the errors that stop a command that needs a workspace without errors (report, export).
import { isCalendarDate } from '../check/dates.js';
import { isPeriod } from '../check/progress.js';
import { ruleLookup } from '../check/rule-docs.js';
import { summarize, type Diagnostic } from '../diagnostics.js';
import { UsageError } from '../errors.js';
import type { FormatContext } from '../format/context.js';
import { loadFormatter } from '../format/index.js';
import { packageManifest } from '../package-root.js';
import { LAMD_VERSION, SCHEMA_VERSION, SDG_CODE_LIST_VERSION } from '../version.js';
import type { LoadResult } from '../workspace/load.js';
import { useColor, type CliIO } from './io.js';
import type { GlobalOptions } from './main.js';

/** Refuses a --today that is not a calendar day written YYYY-MM-DD. */
export function checkTodayOption(today: string | undefined): void {
  if (today !== undefined && !(/^\d{4}-\d{2}-\d{2}$/.test(today) && isCalendarDate(today))) {
    throw new UsageError(`--today ${today} is not a date; write it YYYY-MM-DD.`);
  }
}

/** Refuses a --period that is not a reporting period (a year, a half-year or a quarter). */
export function checkPeriodOption(period: string | undefined): void {
  if (period !== undefined && !isPeriod(period)) {
    throw new UsageError(`--period ${period} is not a reporting period. Write a year (2025), a half-year (2025-H1, 2025-H2) or a quarter (2025-Q1 to 2025-Q4).`);
  }
}

/**
 * Prints `errors` on stderr as `lamd validate` would (pretty, with code frames); `files` are the files the
 * summary counts as checked (by default those with errors).
 */
export async function printErrors(io: CliIO, global: GlobalOptions, load: LoadResult, errors: Diagnostic[], files = [...new Set(errors.map((d) => d.file))]): Promise<void> {
  const context: FormatContext = {
    tool: { name: 'lamd', version: LAMD_VERSION, schemaVersion: SCHEMA_VERSION, sdgCodeList: SDG_CODE_LIST_VERSION, homepage: packageManifest().homepage },
    summary: summarize(errors, files.length),
    files,
    texts: load.texts,
    rule: ruleLookup(),
    strict: false,
    color: useColor(io, 'stderr', global.color),
    cwd: io.cwd,
  };
  io.stderr((await loadFormatter('pretty'))(errors, context));
}
