// What a rule module is, whatever its area (references, method): metadata the registry, docs and
// outputs read, and one check function over the whole workspace.
import type { LoadedDocument } from '../workspace/load.js';
import type { Finding } from './finding.js';
import type { WorkspaceIndex } from './workspace-index.js';
import type { RuleMeta } from './rule-meta.js';
import type { StringFindings } from './string-walk.js';

export interface RuleContext {
  documents: readonly LoadedDocument[];
  index: WorkspaceIndex;
  /** The date used as "today" (YYYY-MM-DD), settable with --today for reproducible CI. */
  today: string;
  /** What the one walk over every string of `documents` found (string-walk.ts), when the check made it. */
  strings?: StringFindings;
}

export interface RuleModule {
  meta: RuleMeta;
  check(context: RuleContext): Finding[];
}

// Sorted by kind once per list of documents: some forty rules ask for the road maps of the same list.
const byKind = new WeakMap<readonly LoadedDocument[], Map<string, LoadedDocument[]>>();

/** Documents of one kind, in their order, typed loosely: rules read them defensively (and must not change the list). */
export function documentsOf(context: RuleContext, kind: LoadedDocument['kind']): readonly LoadedDocument[] {
  let kinds = byKind.get(context.documents);
  if (!kinds) {
    kinds = new Map();
    for (const doc of context.documents) {
      const list = kinds.get(doc.kind);
      if (list) list.push(doc);
      else kinds.set(doc.kind, [doc]);
    }
    byKind.set(context.documents, kinds);
  }
  return kinds.get(kind) ?? [];
}
