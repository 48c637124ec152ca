// What a rule module is, whatever its area (references, method): metadata the registry, docs and
// outputs read, and one check function over the whole workspace.
import type { LoadedDocument } from '../workspace/load.js';
import type { Finding } from './finding.js';
import type { WorkspaceIndex } from './workspace-index.js';
import type { RuleMeta } from './rule-meta.js';

export interface RuleContext {
  documents: readonly LoadedDocument[];
  index: WorkspaceIndex;
  /** The date used as "today" (YYYY-MM-DD), settable with --today for reproducible CI. */
  today: string;
}

export interface RuleModule {
  meta: RuleMeta;
  check(context: RuleContext): Finding[];
}

/** Documents of one kind, typed loosely: rules read them defensively. */
export function documentsOf(context: RuleContext, kind: LoadedDocument['kind']): LoadedDocument[] {
  return context.documents.filter((d) => d.kind === kind);
}
