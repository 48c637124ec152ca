// The registry of every rule lamd checks, with its default severity and documentation. The engine
// knows rules only through this list; `lamd rules`, the docs and the output formats read it.
import { METHOD_RULES } from './method/index.js';
import { REFERENCE_RULES } from './references/index.js';
import type { RuleMeta } from './rule-meta.js';

export type { RuleMeta, RuleSeverity } from './rule-meta.js';

const fixed = (id: string, summary: string): RuleMeta => ({ id, severity: 'error', summary, adjustable: false });

/** Rules that guard reading files and the schema: a document that breaks them cannot be understood. */
export const CORE_RULES: readonly RuleMeta[] = [
  fixed('file/empty', 'A document file holds a YAML document.'),
  fixed('file/too-large', 'A document file is at most 5 MB.'),
  fixed('file/binary', 'A document file is text, not binary.'),
  fixed('file/encoding', 'A document file is UTF-8.'),
  fixed('file/unreadable', 'A document file or folder can be read.'),
  fixed('file/outside-workspace', 'No symbolic link leads out of the workspace.'),
  fixed('file/multi-document', 'A file holds one YAML document.'),
  fixed('yaml/syntax', 'The YAML is well-formed (YAML 1.2, core schema).'),
  fixed('yaml/duplicate-key', 'No key appears twice in the same mapping.'),
  fixed('yaml/alias-limit', 'YAML aliases do not expand without bound.'),
  fixed('document/not-a-mapping', 'A document is a mapping of key: value lines.'),
  fixed('document/kind', 'A document names a known kind.'),
  fixed('document/unsafe-key', 'No `__proto__` key.'),
  fixed('schema/required', 'Required fields are present.'),
  fixed('schema/unknown-property', 'Every field is one the schema knows.'),
  fixed('schema/type', 'Every value has the expected type.'),
  fixed('schema/enum', 'Values from a closed list are on the list.'),
  fixed('schema/format', 'Ids, dates, codes and addresses have their expected form.'),
  fixed('schema/empty', 'Texts and required lists are not empty.'),
  fixed('schema/duplicate-item', 'Lists of ids do not repeat an item.'),
  fixed('schema/range', 'Numbers are within their bounds.'),
  fixed('schema/version', 'The document follows a schema version this lamd reads.'),
  fixed('schema/invalid', 'Any other schema violation.'),
];

/** Workspace-level rules: ids, references and dates across documents. */
export const WORKSPACE_RULES: readonly RuleMeta[] = [
  { id: 'workspace/single', severity: 'error', summary: 'A workspace has one lamd.yaml and one stakeholder registry.', adjustable: false },
  { id: 'ids/unique', severity: 'error', summary: 'Ids are unique per kind across the workspace.', adjustable: false },
  ...REFERENCE_RULES.map((r) => r.meta),
  { id: 'references/logo', severity: 'warning', summary: 'Every logo lamd.yaml names is an image file of the workspace, at most 2 MB.', adjustable: true },
  { id: 'dates/valid', severity: 'error', summary: 'Every date exists in the calendar.', adjustable: false },
  { id: 'dates/order', severity: 'error', summary: 'Nothing ends before it starts.', adjustable: true },
  { id: 'dates/target-before-baseline', severity: 'error', summary: "An indicator's target is not dated before its baseline.", adjustable: true },
  { id: 'dates/future', severity: 'warning', summary: 'Things recorded as done (endorsements, adoption, finished actions) are not dated after today.', adjustable: true },
  { id: 'ids/file-name', severity: 'warning', summary: "A road map's or practice's id matches its file name.", adjustable: true },
];

/** Rules about the rule settings themselves. */
export const SETTINGS_RULES: readonly RuleMeta[] = [
  { id: 'settings/unknown-rule', severity: 'error', summary: 'Rule settings and suppressions name rules that exist.', adjustable: false },
  { id: 'settings/fixed-rule', severity: 'error', summary: 'Only adjustable rules are turned down or suppressed.', adjustable: false },
  { id: 'settings/unused-suppression', severity: 'info', summary: 'A suppression silences something.', adjustable: true },
];

export const RULES: readonly RuleMeta[] = [...CORE_RULES, ...WORKSPACE_RULES, ...METHOD_RULES.map((r) => r.meta), ...SETTINGS_RULES];

const BY_ID = new Map(RULES.map((r) => [r.id, r]));

export function ruleMeta(id: string): RuleMeta | undefined {
  return BY_ID.get(id);
}
