// `lamd validate [paths...]`: load, check, format, and exit 1 when the documents have problems.
import { appendFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { summarize, type Diagnostic } from '../../diagnostics.js';
import { UsageError } from '../../errors.js';
import { checkLoaded } from '../../check/index.js';
import { checkTodayOption } from '../options.js';
import { ruleLookup } from '../../check/rule-docs.js';
import { packageManifest } from '../../package-root.js';
import type { FormatContext } from '../../format/context.js';
import { loadFormatter } from '../../format/index.js';
import { LAMD_VERSION, SCHEMA_VERSION, SDG_CODE_LIST_VERSION } from '../../version.js';
import { loadWorkspace } from '../../workspace/load.js';
import { terminalWidth, useColor, type CliIO } from '../io.js';
import type { GlobalOptions } from '../global-options.js';
import { writeFileAtomic } from '../write-file.js';

export interface ValidateOptions {
  format?: 'pretty' | 'json' | 'github' | 'junit' | 'sarif';
  strict?: boolean;
  quiet?: boolean;
  output?: string;
  today?: string;
  listSuppressions?: boolean;
}

export async function run(io: CliIO, global: GlobalOptions, paths: string[] = [], options: ValidateOptions = {}): Promise<number> {
  const format = options.format ?? 'pretty';
  checkTodayOption(options.today);
  const load = await loadWorkspace({ cwd: io.cwd, ...(global.workspace !== undefined ? { workspace: global.workspace } : {}), paths, readStdin: io.readStdin });
  if (load.reported.size === 0) throw new UsageError('There is no document to check in this workspace yet.');
  const result = await checkLoaded(load, options.today !== undefined ? { today: options.today } : {});

  // --quiet shows what fails the run: errors, and under --strict warnings too.
  const failing = (d: Diagnostic) => d.severity === 'error' || (Boolean(options.strict) && d.severity === 'warning');
  const shown: Diagnostic[] = options.quiet ? result.diagnostics.filter(failing) : result.diagnostics;
  const summary = summarize(result.diagnostics, result.files.length);
  const toFile = options.output !== undefined;
  const width = toFile ? undefined : terminalWidth(io, 'stdout');
  const context: FormatContext = {
    tool: { name: 'lamd', version: LAMD_VERSION, schemaVersion: SCHEMA_VERSION, sdgCodeList: SDG_CODE_LIST_VERSION, homepage: packageManifest().homepage },
    summary,
    files: result.files,
    texts: load.texts,
    rule: ruleLookup(),
    strict: Boolean(options.strict),
    color: !toFile && format === 'pretty' && useColor(io, 'stdout', global.color),
    ...(width !== undefined && { width }),
    cwd: io.cwd,
    suppressions: result.suppressions,
    suppressed: result.suppressed,
  };
  const formatter = await loadFormatter(format);
  const output = formatter(shown, context);
  if (toFile) writeFileAtomic(resolve(io.cwd, options.output!), output, options.output);
  else io.stdout(output);

  if (format === 'github' && io.env.GITHUB_STEP_SUMMARY) {
    const { githubStepSummary } = await import('../../format/github.js');
    try {
      appendFileSync(io.env.GITHUB_STEP_SUMMARY, githubStepSummary(shown, context));
    } catch (error) {
      // The summary is a courtesy: the annotations are out, so the documents' verdict stands.
      io.stderr(`lamd: warning: could not write the step summary to ${io.env.GITHUB_STEP_SUMMARY} (${(error as NodeJS.ErrnoException).code ?? String(error)}); the annotations above are complete.\n`);
    }
  }
  if (!options.quiet) {
    const notes = [...result.notes];
    // Editors check against the workspace's own copy of the schemas; say when it has drifted.
    if (load.root) {
      const { schemaCopyNote } = await import('../../scaffold/schema-copy.js');
      const stale = schemaCopyNote(load.root, io.cwd, LAMD_VERSION);
      if (stale) notes.push(stale);
    }
    for (const note of notes) io.stderr(`lamd: note: ${note}\n`);
  }
  if (options.listSuppressions) {
    for (const s of result.suppressions) io.stderr(`${s.file}: ${s.ruleId} suppressed (${s.silenced} finding${s.silenced === 1 ? '' : 's'}): ${s.reason}\n`);
  }
  if (result.suppressions.length && !options.quiet) {
    const silenced = result.suppressions.reduce((n, s) => n + s.silenced, 0);
    io.stderr(`${result.suppressions.length} suppression${result.suppressions.length === 1 ? '' : 's'} silenced ${silenced} finding${silenced === 1 ? '' : 's'}${options.listSuppressions ? '' : ' (--list-suppressions shows them)'}.\n`);
  }
  // Machine formats keep stdout for data; people still get the one-line summary, on stderr.
  if (format !== 'pretty' || toFile) io.stderr(`${summaryLine(summary)}\n`);

  const failed = summary.errors > 0 || (options.strict === true && summary.warnings > 0);
  return failed ? 1 : 0;
}

export function summaryLine(s: { files: number; errors: number; warnings: number }): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(s.files, 'file')} checked: ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}.`;
}
