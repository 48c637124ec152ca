// The workspace a command needs whole and without errors (report, export, import): loaded, checked,
// and refused with its errors printed as `lamd validate` prints them.
import { checkLoaded } from '../check/index.js';
import { ruleLookup } from '../check/rule-docs.js';
import { summarize, type Diagnostic } from '../diagnostics.js';
import { UsageError } from '../errors.js';
import { render, t } from '../i18n/messages.js';
import type { FormatContext } from '../format/context.js';
import { loadFormatter } from '../format/index.js';
import { packageManifest } from '../package-root.js';
import { availableLanguages, Messages, loadCatalogue } from '../report/i18n.js';
import { buildReportModel, type ReportModel } from '../report/model.js';
import { templateSources } from '../report/template-files.js';
import { today as localToday } from '../calendar/today.js';
import { LAMD_VERSION, SCHEMA_VERSION, SDG_CODE_LIST_VERSION } from '../version.js';
import { findWorkspaceRoot } from '../workspace/find.js';
import { loadWorkspace, type LoadResult } from '../workspace/load.js';
import type { GlobalOptions } from './global-options.js';
import { useColor, type CliIO } from './io.js';
import { checkPeriodOption, checkTodayOption } from './options.js';

export interface CheckedWorkspace {
  load: LoadResult;
  model: ReportModel;
  m: Messages;
  today: string;
}

/** Loads and checks the workspace as `lamd report` does; undefined (errors printed) when it has errors. */
export async function checkedWorkspace(io: CliIO, global: GlobalOptions, options: { lang?: string; today?: string; municipality?: string; period?: string }, doing: string): Promise<CheckedWorkspace | undefined> {
  checkTodayOption(options.today);
  checkPeriodOption(options.period);
  const today = options.today ?? localToday();
  // Asked before loading, whose own refusal would offer to name files, which these commands do not take.
  if (global.workspace === undefined && findWorkspaceRoot(io.cwd) === undefined) throw new UsageError(t('checked.needs-workspace', { command: doing }));
  const load = await loadWorkspace({ cwd: io.cwd, ...(global.workspace !== undefined ? { workspace: global.workspace } : {}) });
  if (!load.root) throw new UsageError(t('checked.needs-workspace', { command: doing }));
  const sources = templateSources(load.root);
  const languages = availableLanguages(sources).map((l) => l.lang);
  const workspaceLanguages = load.documents.find((d) => d.kind === 'workspace')?.value.languages;
  const preferred = Array.isArray(workspaceLanguages) && typeof workspaceLanguages[0] === 'string' ? workspaceLanguages[0] : 'en';
  const lang = options.lang !== undefined ? options.lang.trim().toLowerCase().split(/[-_.@]/)[0]! : languages.includes(preferred) ? preferred : 'en';
  if (!languages.includes(lang)) throw new UsageError(t('checked.no-catalogue', { lang, languages: languages.join(', ') }));

  const result = await checkLoaded(load, { today, ...(global.language ? { language: global.language } : {}) });
  const summary = summarize(result.diagnostics, result.files.length);
  if (summary.errors > 0) {
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    await printErrors(io, global, load, errors, result.files);
    io.stderr(`lamd: ${render(global.language ?? 'en', t('checked.refused', { count: summary.errors, command: doing }))}\n`);
    return undefined;
  }
  const model = buildReportModel(load.documents, load.root);
  if (options.municipality !== undefined && !model.municipalities.some((mu) => mu.slug === options.municipality)) {
    throw new UsageError(t('report.unknown-municipality', { municipality: options.municipality, municipalities: model.municipalities.map((mu) => mu.slug).join(', ') }));
  }
  const m = new Messages({ lang, catalogue: loadCatalogue(sources, lang) });
  return { load, model, m, today };
}

/**
 * Prints `errors` (or any findings) on stderr as `lamd validate` would (pretty, with code frames, in the
 * run's language); `files` are the files the summary counts as checked (by default those with findings).
 */
export async function printErrors(io: CliIO, global: GlobalOptions, load: LoadResult, errors: Diagnostic[], files = [...new Set(errors.map((d) => d.file))]): Promise<void> {
  const context: FormatContext = {
    tool: { name: 'lamd', version: LAMD_VERSION, schemaVersion: SCHEMA_VERSION, sdgCodeList: SDG_CODE_LIST_VERSION, homepage: packageManifest().homepage },
    summary: summarize(errors, files.length),
    files,
    texts: load.texts,
    rule: ruleLookup(),
    strict: false,
    color: useColor(io, 'stderr', global.color),
    cwd: io.cwd,
    ...(global.language ? { language: global.language } : {}),
  };
  io.stderr((await loadFormatter('pretty'))(errors, context));
}
