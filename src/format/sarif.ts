// The `sarif` output: SARIF 2.1.0 for code scanning (GitHub, Azure DevOps, IDE viewers).
import type { Diagnostic, Severity } from '../diagnostics.js';
import { ruleSummary, type RuleSeverity } from '../check/rule-meta.js';
import { render, t } from '../i18n/messages.js';
import type { SuppressedDiagnostic } from '../check/index.js';
import type { FormatContext, Formatter } from './context.js';
import { runFailed } from './describe-run.js';
import { groupByFile } from './group-by-file.js';
import { isWindowsPath } from './paths.js';

const SRCROOT = '%SRCROOT%';

type SarifLevel = 'error' | 'warning' | 'note';

const LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };

export const formatSarif: Formatter = (diagnostics, context) => {
  const windows = isWindowsPath(context.cwd);
  const stdin = render(context.language ?? 'en', t('sarif.stdin'));
  const groups = groupByFile(diagnostics, context.files);
  // Files in the order the run checked them, as in every other format.
  const sorted = groups.flatMap((g) => g.diagnostics);

  // Every file checked is an artifact, so a viewer knows what was scanned, not only what failed.
  const artifactIndex = new Map<string, number>();
  const artifacts = groups.map((group, index) => {
    artifactIndex.set(group.file, index);
    return { location: artifactLocation(group.file, windows, stdin), roles: ['analysisTarget'], sourceLanguage: 'yaml' };
  });

  // Findings a document silenced stay in the log as suppressed results, with the reason given, so a
  // code-scanning service shows them as dismissed rather than losing them.
  const suppressed = (context.suppressed ?? []).filter((d) => artifactIndex.has(d.file));

  // Rules in order of first use, so the output does not depend on the size of the registry.
  const ruleIndex = new Map<string, number>();
  const rules: object[] = [];
  for (const d of [...sorted, ...suppressed]) {
    if (ruleIndex.has(d.ruleId)) continue;
    ruleIndex.set(d.ruleId, rules.length);
    rules.push(ruleDescriptor(d.ruleId, context));
  }

  const result = (d: Diagnostic) => ({
    ruleId: d.ruleId,
    ruleIndex: ruleIndex.get(d.ruleId)!,
    level: LEVEL[d.severity],
    message: { text: d.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { ...artifactLocation(d.file, windows, stdin), index: artifactIndex.get(d.file)! },
          ...regionOf(d, context),
        },
      },
    ],
    // The message's id in lamd's catalogues, the same in every language the message is shown in.
    ...((d.pointer !== undefined || d.messageId !== undefined) && { properties: { ...(d.pointer !== undefined && { pointer: d.pointer }), ...(d.messageId !== undefined && { messageId: d.messageId }) } }),
  });
  const silenced = (d: SuppressedDiagnostic) => ({ ...result(d), suppressions: [{ kind: 'inSource', status: 'accepted', justification: d.justification }] });
  // File by file, in checking order; within a file, reported and silenced findings by position.
  const results = groups.flatMap((g) =>
    [...g.diagnostics.map((d) => ({ d, out: result(d) })), ...suppressed.filter((d) => d.file === g.file).map((d) => ({ d, out: silenced(d) }))]
      .sort((a, b) => (a.d.range?.start.line ?? 0) - (b.d.range?.start.line ?? 0) || (a.d.range?.start.column ?? 0) - (b.d.range?.start.column ?? 0))
      .map((r) => r.out),
  );

  const { files, errors, warnings, infos } = context.summary;
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'lamd',
            version: context.tool.version,
            semanticVersion: context.tool.version,
            // Only an address lamd's package.json names: nobody else's.
            ...(context.tool.homepage && { informationUri: context.tool.homepage }),
            rules,
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(context.cwd) } },
        artifacts,
        results,
        // Diagnostic columns count UTF-16 code units, which is SARIF's default; said so that no viewer guesses.
        columnKind: 'utf16CodeUnits',
        // The language of the results' messages (SARIF 3.14.22).
        language: context.language ?? 'en',
        properties: {
          lamdVersion: context.tool.version,
          schemaVersion: context.tool.schemaVersion,
          sdgCodeList: context.tool.sdgCodeList,
          strict: context.strict,
          summary: { ok: !runFailed(context), files, errors, warnings, infos },
        },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

/**
 * A rule as code scanning shows it: its summary, what it checks (`fullDescription`, which GitHub
 * requires), and its whole page as help, so the explanation travels with the log even when lamd has
 * no web page to link to. The summary is in the run's language; the pages are written in English
 * only, so in another language what the rule checks is its summary, and the help stays the page.
 */
function ruleDescriptor(id: string, context: FormatContext): object {
  const { meta, helpUri, help } = context.rule(id);
  const language = context.language ?? 'en';
  const summary = render(language, meta ? ruleSummary(meta) : t('sarif.rule-fallback', { id }));
  const fallback = render(language, t('sarif.help-fallback', { summary, id }));
  const full = language === 'en' ? help?.fullDescription || summary : summary;
  return {
    id,
    name: friendlyName(id),
    shortDescription: { text: summary },
    fullDescription: { text: full },
    ...(helpUri !== undefined && { helpUri }),
    help: help ? { text: help.text, markdown: help.markdown } : { text: fallback.replace(/`/g, ''), markdown: fallback },
    ...(meta && { defaultConfiguration: defaultConfiguration(meta.severity) }),
    ...(meta?.section !== undefined && { properties: { section: meta.section } }),
  };
}

/** `roadmap/design-inclusion` → `RoadmapDesignInclusion`: SARIF's one-word name of a rule. */
export function friendlyName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part !== '')
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

function defaultConfiguration(severity: RuleSeverity): { level: SarifLevel } | { enabled: false } {
  return severity === 'off' ? { enabled: false } : { level: LEVEL[severity] };
}

/**
 * Where in the file. Diagnostic ranges end exclusively, as SARIF's `endColumn` ("the character
 * following the end") does. A finding about the whole file (empty, too large, binary) covers the
 * file's whole text, which code scanning needs to place it; a file whose text lamd could not decode
 * is placed at its first line. Standard input has no artifact to place anything in.
 */
function regionOf(d: Diagnostic, context: FormatContext): { region?: object } {
  if (d.range) {
    const { start, end } = d.range;
    return { region: { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column } };
  }
  if (d.file === '<stdin>' || d.file === '-') return {};
  const text = context.texts.has(d.file) ? context.texts.get(d.file) : undefined;
  if (text === undefined) return { region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 } };
  const lines = text.split(/\r\n|\r|\n/);
  // A final line break ends the last line; it does not open one more.
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return { region: { startLine: 1, startColumn: 1, endLine: lines.length, endColumn: lines[lines.length - 1]!.length + 1 } };
}

/** `stdin`: the words for standard input in the run's language. */
function artifactLocation(file: string, windows: boolean, stdin: string): { uri?: string; uriBaseId?: string; description?: { text: string } } {
  // Standard input has no place on disk; a made-up path would point a viewer at a file that is not there.
  if (file === '<stdin>' || file === '-') return { description: { text: stdin } };
  if (isAbsolutePath(file)) return { uri: fileUri(file) };
  return { uri: segments(file, windows).map(encodeSegment).join('/'), uriBaseId: SRCROOT };
}

/**
 * `file:` URI of a directory, with the trailing slash SARIF requires of a base. Written out rather
 * than taken from `url.pathToFileURL`, which depends on the platform lamd runs on and on its cwd.
 */
export function directoryUri(dir: string): string {
  const uri = fileUri(dir);
  return uri.endsWith('/') ? uri : `${uri}/`;
}

/** `file:` URI of an absolute POSIX or Windows path, every segment percent-encoded as UTF-8. */
export function fileUri(path: string): string {
  const drive = /^([A-Za-z]):[\\/]/.exec(path);
  if (drive) return `file:///${drive[1]}:/${segments(path.slice(3), true).map(encodeSegment).join('/')}`;
  const unc = /^\\\\([^\\]+)\\/.exec(path);
  if (unc) return `file://${encodeSegment(unc[1]!)}/${segments(path.slice(unc[0].length), true).map(encodeSegment).join('/')}`;
  return `file:///${segments(path, false).map(encodeSegment).join('/')}`;
}

/** encodeURIComponent throws on a lone surrogate; a name cannot be allowed to break the report. */
function encodeSegment(segment: string): string {
  return encodeURIComponent(segment.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));
}

function segments(path: string, windows: boolean): string[] {
  return path.split(windows ? /[\\/]/ : '/').filter((s) => s !== '');
}


function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || isWindowsPath(path);
}
