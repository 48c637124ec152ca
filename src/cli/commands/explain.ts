// `lamd explain <rule>`: a rule's page (docs/rules/<id>.md, shipped with lamd) in the terminal,
// offline, as `ruff rule` does: what it checks, why, examples, how to fix it and how to turn it down.
import { t } from '../../i18n/messages.js';
import { Chalk } from 'chalk';
import { closest } from '../../check/suggest.js';
import { ruleDocsBase, ruleDocsUrl, rulePage } from '../../check/rule-docs.js';
import { RULES } from '../../check/rules.js';
import { UsageError } from '../../errors.js';
import { packageManifest } from '../../package-root.js';
import { useColor, type CliIO } from '../io.js';
import type { GlobalOptions } from '../global-options.js';

export async function run(io: CliIO, global: GlobalOptions, rule: string): Promise<number> {
  const id = resolveRuleId(rule);
  const page = rulePage(id);
  // Every rule of the registry has a page (a test holds the docs to that); say so plainly if not.
  if (page === undefined) throw new Error(`the page of rule ${id} (docs/rules/${id}.md) is missing from this installation of lamd`);
  const manifest = packageManifest();
  const url = ruleDocsUrl(id, ruleDocsBase(manifest.homepage, manifest.version));
  const color = useColor(io, 'stdout', global.color);
  const body = color ? highlight(page, new Chalk({ level: 1 })) : page;
  io.stdout(`${body.trimEnd()}\n${url ? `\nOnline: ${url}\n` : ''}`);
  return 0;
}

/**
 * The rule id for what was typed: an id (`roadmap/single-sdg`), or a rule's name alone when only
 * one area has it (`single-sdg`). Anything else is a usage error with the closest ids.
 */
export function resolveRuleId(typed: string): string {
  const wanted = typed.trim().replace(/\.md$/i, '').toLowerCase();
  const ids = RULES.map((r) => r.id);
  if (ids.includes(wanted)) return wanted;
  const byName = ids.filter((id) => id.slice(id.indexOf('/') + 1) === wanted);
  if (byName.length === 1) return byName[0]!;
  if (byName.length > 1) throw new UsageError(t('explain.ambiguous', { typed, rules: byName.join(', '), first: byName[0]! }));
  const name = closest(wanted, ids.map((id) => id.slice(id.indexOf('/') + 1)));
  const suggestion = closest(wanted, ids) ?? (name === undefined ? undefined : ids.find((id) => id.endsWith(`/${name}`)));
  throw new UsageError(t('explain.unknown-rule', { typed, suggestion: suggestion ?? 'none', count: ids.length }));
}

/** Headings bold and code dim on a colour terminal; the text itself unchanged. */
function highlight(markdown: string, chalk: InstanceType<typeof Chalk>): string {
  let fenced = false;
  return markdown
    .split('\n')
    .map((line) => {
      if (/^\s*```/.test(line)) {
        fenced = !fenced;
        return chalk.dim(line);
      }
      if (fenced) return chalk.cyan(line);
      if (/^#{1,6} /.test(line)) return chalk.bold(line);
      return line;
    })
    .join('\n');
}
