// `lamd rules`: every rule lamd checks, its severity in this workspace, and what it checks, in the
// language of the run; ids and severities stay as lamd.yaml writes them.
import { render, t } from '../../i18n/messages.js';
import { join, resolve } from 'node:path';
import { ruleDocsBase, ruleDocsUrl } from '../../check/rule-docs.js';
import { RULES, ruleSummary, type RuleSeverity } from '../../check/rules.js';
import { readRuleSettings } from '../../check/settings.js';
import { packageManifest } from '../../package-root.js';
import { obj } from '../../check/values.js';
import { findWorkspaceRoot, readWorkspaceFile, requireWorkspaceAt } from '../../workspace/find.js';
import { parseSource } from '../../workspace/source.js';
import type { CliIO } from '../io.js';
import type { GlobalOptions } from '../global-options.js';
import { messageLanguage } from '../locale.js';

export interface RulesOptions {
  json?: boolean;
  /** The language of the summaries and headings (default: from LC_ALL, LC_MESSAGES or LANG, else English). */
  lang?: string;
}

export async function run(io: CliIO, global: GlobalOptions, options: RulesOptions = {}): Promise<number> {
  const language = global.language ?? messageLanguage(io.env, options.lang);
  const say = (id: string, values?: Parameters<typeof t>[1]) => render(language, t(id, values));
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
    summary: render(language, ruleSummary(meta)),
    ...(meta.section ? { section: meta.section } : {}),
    // A web address only when lamd names a homepage; `lamd explain <id>` prints the page either way.
    ...(base !== undefined && { docs: ruleDocsUrl(meta.id, base) }),
  }));
  if (options.json) {
    // Ids and severities are the stable keys; only the summaries follow the language, which is said.
    io.stdout(`${JSON.stringify({ workspace: root ?? null, language, rules: rows }, null, 2)}\n`);
    return 0;
  }
  const heading = { id: say('rules.heading.rule'), severity: say('rules.heading.severity'), summary: say('rules.heading.summary') };
  const table = [
    heading,
    ...rows.map((r) => ({
      id: r.id,
      severity: r.severity === r.defaultSeverity ? r.severity : `${r.severity}*`,
      summary: r.section ? say('rules.summary-with-section', { summary: r.summary, section: r.section }) : r.summary,
    })),
  ];
  const idWidth = Math.max(...table.map((r) => r.id.length));
  const severityWidth = Math.max(...table.map((r) => r.severity.length));
  const lines = table.map((r) => `${r.id.padEnd(idWidth)}  ${r.severity.padEnd(severityWidth)}  ${r.summary}`);
  io.stdout(`${lines.join('\n')}\n`);
  const changed = rows.filter((r) => r.severity !== r.defaultSeverity).length;
  io.stderr(`${render(language, t('rules.footer', { count: rows.length, settings: root ? join(root, 'lamd.yaml') : 'none', changed }))}\n`);
  return 0;
}
