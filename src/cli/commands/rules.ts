// `lamd rules`: every rule lamd checks, its severity in this workspace, and what it checks.
import { render, t } from '../../i18n/messages.js';
import { join, resolve } from 'node:path';
import { ruleDocsBase, ruleDocsUrl } from '../../check/rule-docs.js';
import { RULES, type RuleSeverity } from '../../check/rules.js';
import { readRuleSettings } from '../../check/settings.js';
import { packageManifest } from '../../package-root.js';
import { obj } from '../../check/values.js';
import { findWorkspaceRoot, readWorkspaceFile, requireWorkspaceAt } from '../../workspace/find.js';
import { parseSource } from '../../workspace/source.js';
import type { CliIO } from '../io.js';
import type { GlobalOptions } from '../global-options.js';

export interface RulesOptions {
  json?: boolean;
}

export async function run(io: CliIO, global: GlobalOptions, options: RulesOptions = {}): Promise<number> {
  const root = global.workspace !== undefined ? requireWorkspaceAt(resolve(io.cwd, global.workspace)) : findWorkspaceRoot(io.cwd);
  // Only the settings are needed: read lamd.yaml alone. `lamd validate` reports problems in it.
  const configured = root ? readRuleSettings(obj(parseSource('lamd.yaml', readWorkspaceFile(root)).value)?.rules).severities : new Map<string, RuleSeverity>();
  const manifest = packageManifest();
  const base = ruleDocsBase(manifest.homepage, manifest.version);
  const rows = RULES.map((meta) => ({
    id: meta.id,
    severity: configured.get(meta.id) ?? meta.severity,
    defaultSeverity: meta.severity,
    adjustable: meta.adjustable,
    summary: meta.summary,
    ...(meta.section ? { section: meta.section } : {}),
    // A web address only when lamd names a homepage; `lamd explain <id>` prints the page either way.
    ...(base !== undefined && { docs: ruleDocsUrl(meta.id, base) }),
  }));
  if (options.json) {
    io.stdout(`${JSON.stringify({ workspace: root ?? null, rules: rows }, null, 2)}\n`);
    return 0;
  }
  const width = Math.max(...rows.map((r) => r.id.length));
  const lines = rows.map((r) => {
    const severity = r.severity === r.defaultSeverity ? r.severity : `${r.severity}*`;
    return `${r.id.padEnd(width)}  ${severity.padEnd(8)}  ${r.summary}${r.section ? ` (publication ${r.section})` : ''}`;
  });
  io.stdout(`${lines.join('\n')}\n`);
  const changed = rows.filter((r) => r.severity !== r.defaultSeverity).length;
  io.stderr(`${render(global.language ?? 'en', t('rules.footer', { count: rows.length, settings: root ? join(root, 'lamd.yaml') : 'none', changed }))}\n`);
  return 0;
}
