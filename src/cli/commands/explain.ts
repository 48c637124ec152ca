// `lamd explain <rule>`: a rule's page (docs/rules/<id>.md, shipped with lamd) in the terminal,
// offline, as `ruff rule` does: what it checks, why, examples, how to fix it and how to turn it down.
// The pages are written in English only; in another language, the rule's summary and facts come
// first in that language, with a line saying that the page follows in English.
import { render, t, type MessageLanguage } from '../../i18n/messages.js';
import { Chalk } from 'chalk';
import { closest } from '../../check/suggest.js';
import { ruleDocsBase, ruleDocsUrl, rulePage } from '../../check/rule-docs.js';
import { RULES, ruleMeta, ruleSummary } from '../../check/rules.js';
import { UsageError } from '../../errors.js';
import { packageManifest } from '../../package-root.js';
import { useColor, type CliIO } from '../io.js';
import type { GlobalOptions } from '../global-options.js';
import { messageLanguage } from '../locale.js';

export interface ExplainOptions {
  /** The language of the summary and the words around the page (default: from LC_ALL, LC_MESSAGES or LANG, else English). */
  lang?: string;
}

export async function run(io: CliIO, global: GlobalOptions, rule: string, options: ExplainOptions = {}): Promise<number> {
  const language = global.language ?? messageLanguage(io.env, options.lang);
  const id = resolveRuleId(rule);
  const page = rulePage(id);
  // Every rule of the registry has a page (a test holds the docs to that); say so plainly if not.
  if (page === undefined) throw new Error(`the page of rule ${id} (docs/rules/${id}.md) is missing from this installation of lamd`);
  const manifest = packageManifest();
  const url = ruleDocsUrl(id, ruleDocsBase(manifest.homepage, manifest.version));
  const color = useColor(io, 'stdout', global.color);
  const chalk = color ? new Chalk({ level: 1 }) : undefined;
  const body = chalk ? highlight(page, chalk) : page;
  const online = url ? `\n${render(language, t('explain.online', { url }))}\n` : '';
  io.stdout(`${language === 'en' ? '' : preamble(id, language, chalk)}${body.trimEnd()}\n${online}`);
  return 0;
}

/** The rule's summary and facts in the language of the run, and a line saying the page is in English. */
function preamble(id: string, language: MessageLanguage, chalk: InstanceType<typeof Chalk> | undefined): string {
  const meta = ruleMeta(id)!;
  const title = render(language, t('explain.title', { id, summary: ruleSummary(meta) }));
  const facts = render(language, t('explain.facts', { severity: meta.severity, adjustable: meta.adjustable ? 'yes' : 'no', section: meta.section ?? 'none' }));
  const note = render(language, t('explain.page-in-english'));
  return `${chalk ? chalk.bold(title) : title}\n${facts}\n${chalk ? chalk.dim(note) : note}\n\n`;
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
