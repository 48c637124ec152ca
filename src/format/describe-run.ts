// The words every format uses for a run's outcome: one summary sentence, one line of versions.
import type { FormatContext } from './context.js';
import { and, render, t } from '../i18n/messages.js';

/** Whether the run fails: errors, or warnings under --strict. Mirrors the CLI's exit code 1. */
export function runFailed(context: Pick<FormatContext, 'summary' | 'strict'>): boolean {
  return context.summary.errors > 0 || (context.strict && context.summary.warnings > 0);
}

export type Outcome = 'failed' | 'warnings' | 'infos' | 'clean';

export interface RunSentence {
  outcome: Outcome;
  symbol: '✖' | '⚠' | 'ℹ' | '✔';
  /** Without the symbol, e.g. `3 errors and 1 warning in 2 of 14 files checked`. */
  text: string;
}

/**
 * The one-sentence outcome of a run. Counts come from `context.summary`, the run's own totals that
 * decide the exit code, so the sentence stays true under --quiet (which shows fewer diagnostics);
 * `filesWithProblems` is counted by the caller from the diagnostics it shows.
 */
export function runSentence(context: Pick<FormatContext, 'summary' | 'strict' | 'language'>, filesWithProblems: number): RunSentence {
  const { files, errors, warnings, infos } = context.summary;
  const language = context.language ?? 'en';
  const counts = [errors && t('format.count.errors', { count: errors }), warnings && t('format.count.warnings', { count: warnings }), infos && t('format.count.infos', { count: infos })].filter(
    (part) => typeof part === 'object',
  );
  if (counts.length === 0) return { outcome: 'clean', symbol: '✔', text: render(language, t('format.run.clean', { files })) };
  const some = filesWithProblems > 0 && filesWithProblems < files;
  const text = render(language, t(some ? 'format.run.in-some' : 'format.run.in-all', { counts: and(counts), some: filesWithProblems, files, strict: context.strict && warnings > 0 ? 'yes' : 'no' }));
  const outcome: Outcome = runFailed(context) ? 'failed' : warnings > 0 ? 'warnings' : 'infos';
  const symbol = outcome === 'failed' ? '✖' : outcome === 'warnings' ? '⚠' : 'ℹ';
  return { outcome, symbol, text };
}

/** What produced the output, so a result can be traced to the lamd, schemas and SDG list it used. */
export function toolLine(tool: FormatContext['tool'], language: FormatContext['language'] = 'en'): string {
  return render(language, t('format.tool-line', { name: tool.name, version: tool.version, schemaVersion: String(tool.schemaVersion), sdgCodeList: tool.sdgCodeList }));
}

/**
 * Where to read about a rule: its page on the web when lamd has a homepage, else the command that
 * prints the page offline. The same words in the annotations and in JUnit.
 */
export function helpPointer(ruleId: string, context: Pick<FormatContext, 'rule'>): string {
  return context.rule(ruleId).helpUri ?? `lamd explain ${ruleId}`;
}
