// The words every format uses for a run's outcome: one summary sentence, one line of versions.
import type { FormatContext } from './context.js';

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `a`, `a and b`, `a, b and c`. */
function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

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
export function runSentence(context: Pick<FormatContext, 'summary' | 'strict'>, filesWithProblems: number): RunSentence {
  const { files, errors, warnings, infos } = context.summary;
  const counts = [errors && plural(errors, 'error'), warnings && plural(warnings, 'warning'), infos && plural(infos, 'info')].filter(
    (part): part is string => typeof part === 'string',
  );
  if (counts.length === 0) return { outcome: 'clean', symbol: '✔', text: `${plural(files, 'file')} checked, no problems` };
  const where = filesWithProblems > 0 && filesWithProblems < files ? `in ${filesWithProblems} of ${plural(files, 'file')} checked` : `in ${plural(files, 'file')} checked`;
  let text = `${list(counts)} ${where}`;
  if (context.strict && warnings > 0) text += `; warnings fail the run (--strict)`;
  const outcome: Outcome = runFailed(context) ? 'failed' : warnings > 0 ? 'warnings' : 'infos';
  const symbol = outcome === 'failed' ? '✖' : outcome === 'warnings' ? '⚠' : 'ℹ';
  return { outcome, symbol, text };
}

/** What produced the output, so a result can be traced to the lamd, schemas and SDG list it used. */
export function toolLine(tool: FormatContext['tool']): string {
  return `${tool.name} ${tool.version} · document schema version ${tool.schemaVersion} · SDG code list: ${tool.sdgCodeList}`;
}

/**
 * Where to read about a rule: its page on the web when lamd has a homepage, else the command that
 * prints the page offline. The same words in the annotations and in JUnit.
 */
export function helpPointer(ruleId: string, context: Pick<FormatContext, 'rule'>): string {
  return context.rule(ruleId).helpUri ?? `lamd explain ${ruleId}`;
}
