// The `github` output: GitHub Actions workflow commands, one annotation per problem, and the
// Markdown step summary that lists them all (GitHub shows only ten annotations of each kind per step).
import type { Diagnostic, Severity } from '../diagnostics.js';
import type { FormatContext, Formatter } from './context.js';
import { helpPointer, runSentence, toolLine } from './describe-run.js';
import { groupByFile } from './group-by-file.js';
import { ciPath } from './paths.js';
import { withoutTerminalControls } from './terminal-text.js';
import { render, t } from '../i18n/messages.js';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * stdout holds the annotations, then one plain line with the run's outcome, so a log reader sees the
 * verdict without opening the annotations, and one with the versions used (lamd, document schema, SDG
 * code list). Both start with `lamd`, never `::`, so the runner cannot take them for commands
 * (messages cannot either: newlines are escaped).
 */
export const formatGithub: Formatter = (diagnostics, context) => {
  // Files in the order the run checked them, as in every other format.
  const groups = groupByFile(diagnostics, context.files).filter((g) => g.diagnostics.length > 0);
  const lines = groups.flatMap((g) => g.diagnostics.map((d) => annotation(d, context)));
  const sentence = runSentence(context, groups.length);
  lines.push(`${context.tool.name} ${context.tool.version}: ${sentence.symbol} ${sentence.text}`, toolLine(context.tool, context.language));
  return `${lines.join('\n')}\n`;
};

/** `::error file=F,line=L,endLine=L,col=C,endColumn=C,title=T::MESSAGE`, escaped as @actions/core does. */
export function annotation(d: Diagnostic, context: Pick<FormatContext, 'rule' | 'cwd'>): string {
  // A document's control characters (ESC above all) would reach the runner's log, which obeys them.
  const properties: Array<[string, string | number]> = [['file', withoutTerminalControls(ciPath(d.file, context.cwd))]];
  if (d.range) {
    properties.push(['line', d.range.start.line], ['endLine', d.range.end.line], ['col', d.range.start.column], ['endColumn', d.range.end.column]);
  }
  properties.push(['title', `lamd ${d.ruleId}`]);
  // The message's id closes the line: the same in every language, for scripts that read the log.
  const message = `${d.message} (${helpPointer(d.ruleId, context)})${d.messageId !== undefined ? ` [${d.messageId}]` : ''}`;
  return `::${COMMAND[d.severity]} ${properties.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',')}::${escapeData(withoutTerminalControls(message))}`;
}

/** The runner decodes these in a command's message (toolkit's `escapeData`). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values also end at `,` and the properties at `:` (toolkit's `escapeProperty`). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** Rows of the step summary's table; beyond this GitHub's 1 MiB summary limit comes close and nobody reads on. */
export const STEP_SUMMARY_ROWS = 200;

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Markdown for `$GITHUB_STEP_SUMMARY`: the outcome, the counts and a table of problems, errors first
 * so that a capped table drops infos before errors. The CLI appends it to the file.
 */
export function githubStepSummary(diagnostics: readonly Diagnostic[], context: FormatContext): string {
  const groups = groupByFile(diagnostics, context.files).filter((g) => g.diagnostics.length > 0);
  // Array.prototype.sort is stable: within a severity, rows keep the files' order and reading order.
  const sorted = groups.flatMap((g) => g.diagnostics).sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  const withProblems = groups.length;
  const sentence = runSentence(context, withProblems);
  const { files, errors, warnings, infos } = context.summary;
  const language = context.language ?? 'en';
  const words = (...ids: string[]) => `| ${ids.map((id) => cell(render(language, t(`format.summary.${id}`)))).join(' | ')} |`;
  const out = [
    `### lamd validate: ${sentence.symbol} ${cell(sentence.text)}`,
    '',
    words('errors', 'warnings', 'infos', 'files-checked', 'files-with-problems'),
    '|---:|---:|---:|---:|---:|',
    `| ${errors} | ${warnings} | ${infos} | ${files} | ${withProblems} |`,
    '',
  ];
  if (sorted.length > 0) {
    out.push(words('file', 'line', 'severity', 'rule', 'message'), '|---|---:|---|---|---|');
    for (const d of sorted.slice(0, STEP_SUMMARY_ROWS)) {
      // lamd's own link, never one from user text; without a homepage, the rule id alone.
      const helpUri = context.rule(d.ruleId).helpUri;
      const rule = helpUri === undefined ? cell(d.ruleId) : `[${cell(d.ruleId)}](${linkTarget(helpUri)})`;
      out.push(`| ${cell(ciPath(d.file, context.cwd))} | ${d.range ? d.range.start.line : ''} | ${cell(render(language, t(`format.severity.${d.severity}`)))} | ${rule} | ${cell(d.message)} |`);
    }
    out.push('');
    if (sorted.length > STEP_SUMMARY_ROWS) {
      out.push(cell(render(language, t('format.summary.more', { more: sorted.length - STEP_SUMMARY_ROWS }))), '');
    }
  }
  out.push(`<sub>${cell(toolLine(context.tool, language))}</sub>`, '');
  return `${out.join('\n')}\n`;
}

/**
 * Text inside a table cell, shown as the text it is: user text must not become markup, a link or an
 * emoji on the summary page. CommonMark lets a backslash escape any ASCII punctuation mark, so the
 * marks that start markup are escaped: emphasis, code spans, links and images, HTML, strikethrough,
 * math, and `|`, which would end the cell. `<` and `&` are escaped the same way, not as entities,
 * which would show literally inside the code spans messages use. GitHub's autolinks are broken
 * where they start: the `:` of `https://` (and of `:shortcode:` emoji) and the `.` of `www.`. It finds
 * e-mail addresses after escapes are undone, so `@` sits in its own span, which ends the address
 * for the autolinker and renders as nothing. A line break becomes `<br>`, since a cell is one line.
 */
export function cell(text: string): string {
  return text
    .replace(/[\\`*_[\]<>&|~$!]|:(?=\S)|(?<=\bwww)\./gi, (ch) => `\\${ch}`)
    .replace(/@/g, '<span>@</span>')
    .replace(/\r\n|\r|\n/g, '<br>');
}

/** A URL as a Markdown link target: spaces and parentheses would end it early. */
function linkTarget(url: string): string {
  return url.replace(/[\s()<>|]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
