// Applies the workspace's rule settings (lamd.yaml `rules:`) and each document's `suppress:` list
// to findings: severities change, suppressed findings are dropped but counted with their reason.
import type { Severity } from '../diagnostics.js';
import { t, type Text } from '../i18n/messages.js';
import type { LoadedDocument } from '../workspace/load.js';
import type { Finding } from './finding.js';
import { keyPointer } from './workspace-index.js';
import { ruleMeta, RULES, type RuleSeverity } from './rules.js';
import { closest } from './suggest.js';
import { obj, objects, str } from './values.js';

export interface Suppression {
  file: string;
  ruleId: string;
  reason: string;
  /** How many findings it silenced in this run. */
  silenced: number;
}

export interface Settled {
  findings: Array<Finding & { severity: Severity }>;
  suppressions: Suppression[];
  /** The findings a document silenced, with the severity they would have had and the reason. */
  suppressed: Array<Finding & { severity: Severity; justification: string }>;
}

export interface RuleSettings {
  /** The severity lamd.yaml gives each adjustable rule it names. */
  severities: Map<string, RuleSeverity>;
  /** Entries that name no rule, or a rule whose severity cannot change, in the order written. */
  refused: Array<{ id: string; why: 'unknown' | 'fixed' }>;
}

/** Reads lamd.yaml's `rules:` mapping (any value: a wrong shape is the schema's to report). */
export function readRuleSettings(rules: unknown): RuleSettings {
  const settings: RuleSettings = { severities: new Map(), refused: [] };
  for (const [id, level] of Object.entries(obj(rules) ?? {})) {
    const meta = ruleMeta(id);
    if (!meta) settings.refused.push({ id, why: 'unknown' });
    else if (!meta.adjustable) settings.refused.push({ id, why: 'fixed' });
    else if (level === 'error' || level === 'warning' || level === 'info' || level === 'off') settings.severities.set(id, level);
  }
  return settings;
}

function unknownRule(id: string): Text {
  const guess = closest(id, RULES.map((r) => r.id));
  return guess ? t('settings/unknown-rule.did-you-mean', { id, guess }) : t('settings/unknown-rule.none', { id });
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/**
 * A finding's severity: the one lamd.yaml sets for its rule, else the rule's default. A finding its
 * rule graded lower (an overlap rather than an order error) keeps its grade below that, but never
 * rises above it, and `off` silences it as every other finding of the rule.
 */
function severityOf(finding: Finding, configured: RuleSeverity | undefined): RuleSeverity {
  const level = configured ?? ruleMeta(finding.ruleId)?.severity ?? 'error';
  if (!finding.severity || level === 'off') return level;
  return RANK[finding.severity] < RANK[level] ? finding.severity : level;
}

export function settle(findings: readonly Finding[], documents: readonly LoadedDocument[], workspace: LoadedDocument | undefined): Settled {
  const out: Settled = { findings: [], suppressions: [], suppressed: [] };
  const extra: Finding[] = [];

  const { severities: configured, refused } = readRuleSettings(workspace?.value.rules);
  for (const { id, why } of refused) {
    const pointer = keyPointer('/rules', id);
    if (why === 'unknown') extra.push({ doc: workspace!, pointer, target: 'key', ruleId: 'settings/unknown-rule', message: unknownRule(id) });
    else extra.push({ doc: workspace!, pointer, target: 'key', ruleId: 'settings/fixed-rule', message: t('settings/fixed-rule.severity', { id }) });
  }

  const suppressed = new Map<LoadedDocument, Map<string, Suppression & { pointer: string }>>();
  for (const doc of documents) {
    for (const [entry, pointer] of objects(doc.value.suppress, '/suppress')) {
      const id = str(entry.rule);
      const reason = str(entry.reason);
      if (!id || !reason) continue;
      const meta = ruleMeta(id);
      if (!meta) {
        extra.push({ doc, pointer: `${pointer}/rule`, ruleId: 'settings/unknown-rule', message: unknownRule(id) });
        continue;
      }
      if (!meta.adjustable) {
        extra.push({ doc, pointer: `${pointer}/rule`, ruleId: 'settings/fixed-rule', message: t('settings/fixed-rule.suppressed', { id }) });
        continue;
      }
      const map = suppressed.get(doc) ?? new Map();
      map.set(id, { file: doc.file, ruleId: id, reason, silenced: 0, pointer: `${pointer}/rule` });
      suppressed.set(doc, map);
    }
  }

  for (const finding of [...findings, ...extra]) {
    const severity = severityOf(finding, configured.get(finding.ruleId));
    const suppression = suppressed.get(finding.doc)?.get(finding.ruleId);
    if (suppression) {
      suppression.silenced++;
      if (severity !== 'off') out.suppressed.push({ ...finding, severity, justification: suppression.reason });
      continue;
    }
    if (severity !== 'off') out.findings.push({ ...finding, severity });
  }

  for (const [doc, map] of suppressed) {
    for (const { pointer, ...suppression } of map.values()) {
      out.suppressions.push(suppression);
      const level = configured.get('settings/unused-suppression') ?? 'info';
      if (suppression.silenced === 0 && level !== 'off') {
        out.findings.push({
          doc,
          pointer,
          ruleId: 'settings/unused-suppression',
          severity: level,
          message: t('settings/unused-suppression.unused', { id: suppression.ruleId }),
        });
      }
    }
  }
  return out;
}
