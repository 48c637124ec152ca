// What every rule declares about itself, whichever area it belongs to: its id, default severity and
// whether a workspace may change it. Its one-line summary lives in the CLI catalogue under
// `rule.<id>.summary`, one source for every language, the docs and the outputs.
import { t, type Text, type TextValue } from '../i18n/messages.js';
import type { Severity } from '../diagnostics.js';

export type RuleSeverity = Severity | 'off';

export interface RuleMeta {
  /** Stable id, `<area>/<name>`. */
  id: string;
  /** Severity when the workspace does not change it. */
  severity: RuleSeverity;
  /** Values the summary names, when it quotes a constant of the rule (a grace period, a limit). */
  summaryValues?: Readonly<Record<string, TextValue>>;
  /** Whether lamd.yaml's `rules:` may change the severity. Reading and schema rules cannot be turned down. */
  adjustable: boolean;
  /** Section of the IOM publication the rule comes from, when it encodes the method. */
  section?: string;
}

/** The catalogue id of a rule's one-line summary. */
export function summaryId(id: string): string {
  return `rule.${id}.summary`;
}

/** A rule's one-line summary, what it checks, to be rendered in the language of the run. */
export function ruleSummary(meta: Pick<RuleMeta, 'id' | 'summaryValues'>): Text {
  return t(summaryId(meta.id), meta.summaryValues ? { ...meta.summaryValues } : undefined);
}
