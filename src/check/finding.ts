// A problem found by a workspace check, before it becomes a positioned Diagnostic.
import type { Severity } from '../diagnostics.js';
import type { LoadedDocument } from '../workspace/load.js';
import type { Target } from '../workspace/locate.js';
import type { Text } from '../i18n/messages.js';

export interface Finding {
  doc: LoadedDocument;
  pointer: string;
  ruleId: string;
  /** A catalogue message (rendered in the run's language); a plain string only for text quoted as is. */
  message: Text | string;
  /** Point at the key instead of the value. */
  target?: Target;
  /** Overrides the rule's default severity (rules that grade their own findings). */
  severity?: Severity;
  /**
   * Pointers of the values the finding was drawn from. When the schema rejected one of them (or a
   * value inside it), the finding is dropped: its advice would rest on a value already wrong.
   * The finding's own pointer always counts.
   */
  dependsOn?: string[];
}
