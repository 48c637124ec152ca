// What every output format is given: the run's facts, never the environment itself.
import type { Summary } from '../diagnostics.js';
import type { RuleDocs } from '../check/rule-docs.js';
import type { SuppressedDiagnostic } from '../check/index.js';
import type { Suppression } from '../check/settings.js';
import type { SourceTexts } from '../workspace/texts.js';
import type { MessageLanguage } from '../i18n/messages.js';

export interface FormatContext {
  /** lamd's version, the schema version and the SDG code list the run used; its homepage when it names one. */
  tool: { name: 'lamd'; version: string; schemaVersion: number; sdgCodeList: string; homepage?: string };
  summary: Summary;
  /** Every file checked, as shown to the user, in order. */
  files: readonly string[];
  /** File texts, for code frames. */
  texts: SourceTexts;
  /** Looks up a rule's metadata, its page and (when lamd has a homepage) the page's address. */
  rule: (id: string) => RuleDocs;
  /** Whether warnings make the run fail (--strict). */
  strict: boolean;
  /** The language of lamd's own words in the output (messages come already in it); English by default. */
  language?: MessageLanguage;
  /** Whether to use ANSI colours (pretty only). */
  color: boolean;
  /** Display columns pretty output wraps to; absent: no wrapping (not a terminal). */
  width?: number;
  /** Directory paths are relative to (for SARIF's uriBaseId and absolute URIs). */
  cwd: string;
  /** The rules documents silence on themselves, with their reasons (json). */
  suppressions?: readonly Suppression[];
  /** The findings they silenced, positioned (sarif records them as suppressed results). */
  suppressed?: readonly SuppressedDiagnostic[];
}

export type Formatter = (diagnostics: readonly import('../diagnostics.js').Diagnostic[], context: FormatContext) => string;
