// The registry of every rule lamd checks, with its default severity and documentation. The engine
// knows rules only through this list; `lamd rules`, the docs and the output formats read it.
import { METHOD_RULES } from './method/index.js';
import { REFERENCE_RULES } from './references/index.js';
import type { RuleMeta } from './rule-meta.js';

export type { RuleMeta, RuleSeverity } from './rule-meta.js';
export { ruleSummary, summaryId } from './rule-meta.js';

const fixed = (id: string): RuleMeta => ({ id, severity: 'error', adjustable: false });

/** Rules that guard reading files and the schema: a document that breaks them cannot be understood. */
export const CORE_RULES: readonly RuleMeta[] = [
  fixed('file/empty'),
  fixed('file/too-large'),
  fixed('file/binary'),
  fixed('file/encoding'),
  fixed('file/unreadable'),
  fixed('file/outside-workspace'),
  fixed('file/multi-document'),
  fixed('yaml/syntax'),
  fixed('yaml/duplicate-key'),
  fixed('yaml/alias-limit'),
  fixed('document/not-a-mapping'),
  fixed('document/kind'),
  fixed('document/unsafe-key'),
  fixed('schema/required'),
  fixed('schema/unknown-property'),
  fixed('schema/type'),
  fixed('schema/enum'),
  fixed('schema/format'),
  fixed('schema/empty'),
  fixed('schema/duplicate-item'),
  fixed('schema/range'),
  fixed('schema/version'),
  fixed('schema/invalid'),
];

/** Workspace-level rules: ids, references and dates across documents. */
export const WORKSPACE_RULES: readonly RuleMeta[] = [
  { id: 'workspace/single', severity: 'error', adjustable: false },
  { id: 'ids/unique', severity: 'error', adjustable: false },
  ...REFERENCE_RULES.map((r) => r.meta),
  { id: 'references/logo', severity: 'warning', adjustable: true },
  { id: 'dates/valid', severity: 'error', adjustable: false },
  { id: 'dates/order', severity: 'error', adjustable: true },
  { id: 'dates/target-before-baseline', severity: 'error', adjustable: true },
  { id: 'dates/future', severity: 'warning', adjustable: true },
  { id: 'ids/file-name', severity: 'warning', adjustable: true },
];

/** Rules about the rule settings themselves. */
export const SETTINGS_RULES: readonly RuleMeta[] = [
  { id: 'settings/unknown-rule', severity: 'error', adjustable: false },
  { id: 'settings/fixed-rule', severity: 'error', adjustable: false },
  { id: 'settings/unused-suppression', severity: 'info', adjustable: true },
];

export const RULES: readonly RuleMeta[] = [...CORE_RULES, ...WORKSPACE_RULES, ...METHOD_RULES.map((r) => r.meta), ...SETTINGS_RULES];

const BY_ID = new Map(RULES.map((r) => [r.id, r]));

export function ruleMeta(id: string): RuleMeta | undefined {
  return BY_ID.get(id);
}
