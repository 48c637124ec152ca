// `lamd validate [paths...]`: load, check, format, and exit 1 when the documents have problems.
import { appendFileSync, closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { resolve } from 'node:path';
import { summarize, type Diagnostic } from '../../diagnostics.js';
import { UsageError } from '../../errors.js';
import { checkLoaded, type CheckOptions, type CheckResult } from '../../check/index.js';
import { checkTodayOption } from '../options.js';
import { ruleLookup } from '../../check/rule-docs.js';
import { packageManifest } from '../../package-root.js';
import type { FormatContext } from '../../format/context.js';
import { loadFormatter } from '../../format/index.js';
import { isOwnOutput, OWN_OUTPUT_PROBE_BYTES } from '../../format/own-output.js';
import { LAMD_VERSION, SCHEMA_VERSION, SDG_CODE_LIST_VERSION } from '../../version.js';
import { loadWorkspace, type LoadOptions, type LoadResult } from '../../workspace/load.js';
import type { CachedRun } from '../../check/cache.js';
import { terminalWidth, useColor, type CliIO } from '../io.js';
import type { GlobalOptions } from '../global-options.js';
import { writeFileAtomic } from '../write-file.js';
import { messageLanguage } from '../locale.js';
import { render, t, type MessageLanguage, type Text } from '../../i18n/messages.js';
import { setKeepsCompiledCode } from '../compiled-code.js';
import { mayUseThreads } from '../../check/threads.js';

export interface ValidateOptions {
  format?: 'pretty' | 'json' | 'github' | 'junit' | 'sarif';
  strict?: boolean;
  quiet?: boolean;
  output?: string;
  /** Replace the -o file even when it is not a report lamd wrote. */
  force?: boolean;
  today?: string;
  listSuppressions?: boolean;
  /** The file standard input (`-`) stands for: an editor's unsaved text of a workspace file. */
  stdinFilename?: string;
  /** The language of the messages (default: from LC_ALL, LC_MESSAGES or LANG, else English). */
  lang?: string;
  /** Keep road maps' results between runs (`--cache`), in `cacheLocation` when given. */
  cache?: boolean;
  cacheLocation?: string;
  /** Threads that check (`--jobs`): 1 checks in the main thread alone; default: one per core on large workspaces. */
  jobs?: string | number;
}

export async function run(io: CliIO, global: GlobalOptions, paths: string[] = [], options: ValidateOptions = {}): Promise<number> {
  const format = options.format ?? 'pretty';
  const language = global.language ?? messageLanguage(io.env, options.lang);
  const say = (text: Text) => render(language, text);
  checkTodayOption(options.today);
  if (options.output === '') throw new UsageError(t('answer.empty', { flag: '--output' }));
  if (options.cacheLocation === '') throw new UsageError(t('answer.empty', { flag: '--cache-location' }));
  // Checked before the run, so a long check does not end in a refusal.
  if (options.output !== undefined && !options.force && holdsOtherThanOwnOutput(resolve(io.cwd, options.output))) {
    throw new UsageError(t('validate.output-exists', { file: options.output }));
  }
  if (options.stdinFilename !== undefined && !paths.includes('-')) throw new UsageError(t('validate.stdin-filename-without-stdin'));
  const loadOptions: LoadOptions = {
    cwd: io.cwd,
    ...(global.workspace !== undefined ? { workspace: global.workspace } : {}),
    paths,
    readStdin: io.readStdin,
    onlyWhatNamedRoadmapsNeed: true,
    ...(options.stdinFilename !== undefined ? { stdinFilename: options.stdinFilename } : {}),
  };
  const checkOptions: CheckOptions = { language, ...(options.today !== undefined ? { today: options.today } : {}) };
  const runNotes: Text[] = [];
  const jobs = jobsOption(options.jobs);
  let load: Pick<LoadResult, 'root' | 'texts'>;
  let result: CheckResult | undefined;
  let cached: CachedRun | undefined;
  if (options.cache || options.cacheLocation !== undefined) {
    const { validateWithCache } = await import('../../check/cache.js');
    // JSON is printed from the kept entries as they are: their diagnostics are read back only for the other formats, and for --quiet.
    const diagnostics = format !== 'json' || Boolean(options.quiet);
    cached = await validateWithCache(loadOptions, checkOptions, { diagnostics, ...(options.cacheLocation !== undefined ? { location: options.cacheLocation } : {}) });
    setKeepsCompiledCode(cached.usualWarmRun);
    load = { ...(cached.root !== undefined ? { root: cached.root } : {}), texts: cached.texts };
    runNotes.push(...cached.cacheNotes);
  } else {
    // The parallel check's code is loaded only where it may run (see threads.ts).
    const parallel = paths.length === 0 && mayUseThreads(jobs) ? await (await import('../../check/parallel.js')).validateInParallel(loadOptions, checkOptions, jobs) : undefined;
    if (parallel) ({ load, result } = parallel);
    else {
      const loaded = await loadWorkspace(loadOptions);
      if (loaded.reported.size === 0) throw new UsageError(t('validate.nothing-to-check'));
      load = loaded;
      result = await checkLoaded(loaded, checkOptions);
    }
  }
  // A cached run prints JSON from the entries it kept, without reading their diagnostics back; to
  // standard output, as the bytes it kept them as.
  const toFile = options.output !== undefined;
  const keptJson = format === 'json' && !options.quiet ? cached : undefined;
  const printedBytes = !toFile && io.stdoutBytes ? keptJson?.printedBytes?.() : undefined;
  const printed = !printedBytes ? keptJson?.printed() : undefined;
  if (!printed && !printedBytes && !result) result = cached!.result();
  const run = cached ?? result!;

  // --quiet shows what fails the run: errors, and under --strict warnings too.
  const failing = (d: Diagnostic) => d.severity === 'error' || (Boolean(options.strict) && d.severity === 'warning');
  const shown: Diagnostic[] = !result ? [] : options.quiet ? result.diagnostics.filter(failing) : result.diagnostics;
  const summary = cached ? { files: cached.files.length, ...cached.counts } : summarize(result!.diagnostics, result!.files.length);
  const width = toFile ? undefined : terminalWidth(io, 'stdout');
  const context: FormatContext = {
    tool: { name: 'lamd', version: LAMD_VERSION, schemaVersion: SCHEMA_VERSION, sdgCodeList: SDG_CODE_LIST_VERSION, homepage: packageManifest().homepage },
    summary,
    files: run.files,
    texts: load.texts,
    rule: ruleLookup(),
    strict: Boolean(options.strict),
    language,
    color: !toFile && format === 'pretty' && useColor(io, 'stdout', global.color),
    ...(width !== undefined && { width }),
    cwd: io.cwd,
    suppressions: run.suppressions,
    ...(result && { suppressed: result.suppressed }),
  };
  if (printedBytes) {
    const [before, after] = (await import('../../format/json.js')).jsonReportAround(printedBytes.filesWithProblems, context, printedBytes.parts.length > 0);
    io.stdout(before);
    for (const part of printedBytes.parts) io.stdoutBytes!(part);
    io.stdout(after);
  } else {
    const output = printed ? (await import('../../format/json.js')).jsonReport(printed, context) : (await loadFormatter(format))(shown, context);
    if (toFile) writeFileAtomic(resolve(io.cwd, options.output!), output, options.output);
    else io.stdout(output);
  }

  if (format === 'github' && io.env.GITHUB_STEP_SUMMARY) {
    const { githubStepSummary } = await import('../../format/github.js');
    try {
      appendFileSync(io.env.GITHUB_STEP_SUMMARY, githubStepSummary(shown, context));
    } catch (error) {
      // The summary is a courtesy: the annotations are out, so the documents' verdict stands.
      io.stderr(`lamd: ${say(t('validate.step-summary-failed', { file: io.env.GITHUB_STEP_SUMMARY, code: (error as NodeJS.ErrnoException).code ?? String(error) }))}\n`);
    }
  }
  if (!options.quiet) {
    const notes = [...run.notes, ...runNotes.map(say)];
    // Editors check against the workspace's own copy of the schemas; say when it has drifted.
    if (load.root) {
      const { schemaCopyNote } = await import('../../scaffold/schema-copy.js');
      const stale = schemaCopyNote(load.root, io.cwd, LAMD_VERSION);
      if (stale) notes.push(say(stale));
    }
    for (const note of notes) io.stderr(`lamd: ${say(t('cli.note', { note }))}\n`);
  }
  if (options.listSuppressions) {
    for (const s of run.suppressions) io.stderr(`${say(t('validate.suppression', { file: s.file, rule: s.ruleId, silenced: s.silenced, reason: s.reason }))}\n`);
  }
  if (run.suppressions.length && !options.quiet) {
    const silenced = run.suppressions.reduce((n, s) => n + s.silenced, 0);
    io.stderr(`${say(t('validate.suppressions', { suppressions: run.suppressions.length, silenced, listed: options.listSuppressions ? 'yes' : 'no' }))}\n`);
  }
  // Machine formats keep stdout for data; people still get the one-line summary, on stderr.
  if (format !== 'pretty' || toFile) io.stderr(`${summaryLine(summary, language)}\n`);

  const failed = summary.errors > 0 || (options.strict === true && summary.warnings > 0);
  return failed ? 1 : 0;
}

/** --jobs as a number of threads, 1 or more; undefined when not given. */
function jobsOption(value: string | number | undefined): number | undefined {
  if (value === undefined) return undefined;
  const jobs = Number(value);
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(t('validate.jobs-invalid', { value: String(value) }));
  return jobs;
}

function summaryLine(s: { files: number; errors: number; warnings: number }, language: MessageLanguage = 'en'): string {
  return render(language, t('validate.summary-line', { files: s.files, errors: s.errors, warnings: s.warnings }));
}

/** Whether `path` is a file holding something other than a report of lamd's (which -o may replace). */
function holdsOtherThanOwnOutput(path: string): boolean {
  let fd: number;
  try {
    // Without blocking: a named pipe with no writer would hold the run here.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    // Nothing there, or nothing lamd may read: the write says what is wrong, if anything.
    return false;
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return false;
    const size = stats.size;
    const head = Buffer.alloc(Math.min(size, OWN_OUTPUT_PROBE_BYTES));
    readSync(fd, head, 0, head.length, 0);
    const tail = Buffer.alloc(Math.min(size, OWN_OUTPUT_PROBE_BYTES));
    readSync(fd, tail, 0, tail.length, size - tail.length);
    return !isOwnOutput(head.toString('utf8'), tail.toString('utf8'));
  } catch {
    return false;
  } finally {
    closeSync(fd);
  }
}
