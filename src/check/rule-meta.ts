// What every rule declares about itself, whichever area it belongs to: its id, default severity,
// one-line summary and whether a workspace may change it.
import type { Severity } from '../diagnostics.js';

export type RuleSeverity = Severity | 'off';

export interface RuleMeta {
  /** Stable id, `<area>/<name>`. */
  id: string;
  /** Severity when the workspace does not change it. */
  severity: RuleSeverity;
  /** One line: what the rule checks. */
  summary: string;
  /** Whether lamd.yaml's `rules:` may change the severity. Reading and schema rules cannot be turned down. */
  adjustable: boolean;
  /** Section of the IOM publication the rule comes from, when it encodes the method. */
  section?: string;
}
