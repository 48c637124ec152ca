// `lamd report <phase>`: load and check the workspace, refuse when the files the report reads have
// errors (exit 1) unless --draft, render the phase reports (Markdown or HTML) and write them
// atomically into <workspace>/reports/ or --out.
import { and, render, t, type MessageLanguage, type Text, type TextList } from '../../i18n/messages.js';
import { today as localToday } from '../../calendar/today.js';
import { join, resolve } from 'node:path';
import { checkLoaded } from '../../check/index.js';
import { checkPeriodOption, checkTodayOption } from '../options.js';
import { printErrors } from '../checked-workspace.js';
import { reportScope, withoutExamples, type ExampleCount } from '../../check/report-scope.js';
import { summarize } from '../../diagnostics.js';
import { UsageError } from '../../errors.js';
import { availableLanguages } from '../../report/i18n.js';
import { isPhase, REPORT_FORMATS, REPORT_PHASES, renderMarkdown, reportFileName, reportToHtml, type MarkdownReport, type Phase, type ReportFormat } from '../../report/index.js';
import { bindReports } from '../../report/bind.js';
import { loadBranding, type Branding } from '../../report/branding.js';
import { buildReportModel } from '../../report/model.js';
import { cssString, PAPER_SIZES, type Paper } from '../../report/print.js';
import { TemplateError, templateSources, unusedTemplates } from '../../report/template-files.js';
import { loadWorkspace } from '../../workspace/load.js';
import { findWorkspaceRoot } from '../../workspace/find.js';
import type { CliIO } from '../io.js';
import type { GlobalOptions } from '../global-options.js';
import { StagedFiles } from '../staged-files.js';

export interface ReportOptions {
  municipality?: string;
  format?: string;
  out?: string;
  lang?: string;
  today?: string;
  paper?: string;
  period?: string;
  /** Write the report even though documents it reads have errors, marked as a draft. */
  draft?: boolean;
  /** With `all`: one document binding every phase. */
  single?: boolean;
}

const PHASE_CHOICES = [...REPORT_PHASES, 'all'];

export async function run(io: CliIO, global: GlobalOptions, phase: string, options: ReportOptions = {}): Promise<number> {
  if (phase !== 'all' && !isPhase(phase)) throw new UsageError(t('report.unknown-phase', { phase, phases: PHASE_CHOICES.join(', ') }));
  const format = (options.format ?? 'md') as ReportFormat;
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(t('report.unknown-format', { format: String(options.format), formats: REPORT_FORMATS.join(', ') }));
  checkTodayOption(options.today);
  const today = options.today ?? localToday();
  checkPeriodOption(options.period);
  if (options.period !== undefined && phase !== 'progress' && phase !== 'all') {
    throw new UsageError(t('report.period-not-progress'));
  }
  if (options.single && phase !== 'all') throw new UsageError(t('report.single-not-all', { format: format === 'md' ? 'pdf' : format }));
  if (options.single && format === 'md') throw new UsageError(t('report.single-markdown'));
  const paper = (options.paper ?? 'a4') as Paper;
  if (!(PAPER_SIZES as readonly string[]).includes(paper)) throw new UsageError(t('report.unknown-paper', { paper: String(options.paper), sizes: PAPER_SIZES.join(', ') }));
  // Chromium is looked for before any work, so a machine without one fails at once with the command that installs it.
  const pdf = format === 'pdf' ? await import('../../report/pdf.js') : undefined;
  const chromium = pdf ? await pdfUsable(() => pdf.findChromium(io.env)) : undefined;

  const language = global.language ?? 'en';
  const say = (text: Text) => `lamd: ${render(language, text)}\n`;
  // Asked before loading, whose own refusal would offer to name files, which a report does not take.
  if (global.workspace === undefined && findWorkspaceRoot(io.cwd) === undefined) throw new UsageError(t('report.no-workspace'));
  const load = await loadWorkspace({ cwd: io.cwd, ...(global.workspace !== undefined ? { workspace: global.workspace } : {}) });
  if (!load.root) throw new UsageError(t('report.no-workspace'));
  const sources = usable(() => templateSources(load.root!));

  // Cheap usage checks come before the (slower) check of every document.
  const languages = availableLanguages(sources);
  // `IT`, `fr-FR` and `ar_TN.UTF-8` all name a catalogue by their language part.
  const lang = options.lang !== undefined ? options.lang.trim().toLowerCase().split(/[-_.@]/)[0]! : defaultLanguage(load.documents, languages.map((l) => l.lang), io, language);
  if (!languages.some((l) => l.lang === lang)) {
    throw new UsageError(t('report.no-catalogue', { lang, languages: languages.map((l) => l.lang).join(', ') }));
  }

  if (options.municipality !== undefined) {
    const slugs = municipalitySlugs(load.documents);
    if (slugs.length > 0 && !slugs.includes(options.municipality)) {
      throw new UsageError(t('report.unknown-municipality', { municipality: options.municipality, municipalities: slugs.join(', ') }));
    }
  }

  const result = await checkLoaded(load, { today, ...(global.language ? { language: global.language } : {}) });
  const workspaceFile = load.documents.find((d) => d.kind === 'workspace')?.file;
  const scope = reportScope(load.documents, result.diagnostics, { ...(options.municipality !== undefined ? { focus: options.municipality } : {}), draft: options.draft === true, ...(workspaceFile ? { workspaceFile } : {}) });
  if (scope.blocking.length > 0) {
    const errors = scope.blocking;
    await printErrors(io, global, load, errors);
    io.stderr(say(t('report.refused', { scope: options.municipality !== undefined ? 'focus' : 'workspace', count: errors.length, draft: options.draft ? 'yes' : 'no' })));
    return 1;
  }
  const listed = (files: { file: string; errors: number }[]) => files.map((f) => render(language, t('report.file-errors', { file: f.file, count: f.errors }))).join(', ');
  if (scope.leftOut.length > 0) {
    io.stderr(say(t('cli.note', { note: t('report.left-out', { files: listed(scope.leftOut) }) })));
  }
  const isDraft = scope.unchecked.length > 0;
  if (isDraft) io.stderr(say(t('cli.warning', { warning: t('report.writing-draft', { files: listed(scope.unchecked) }) })));
  else if (options.draft) io.stderr(say(t('cli.note', { note: t('report.draft-not-needed') })));
  const warnings = summarize(result.diagnostics, result.files.length).warnings;
  if (warnings > 0) io.stderr(say(t('cli.note', { note: t('report.warnings', { count: warnings }) })));

  for (const unused of unusedTemplates(sources)) io.stderr(say(t('cli.warning', { warning: t('report.unused-template', { file: unused.file, reason: unused.reason }) })));

  const { documents, examples } = withoutExamples(scope.documents);
  if (examples.total > 0) io.stderr(say(t('cli.note', { note: t('report.examples-left-out', { examples: describeExamples(examples) }) })));
  const model = buildReportModel(documents, load.root);
  if (options.municipality !== undefined && !model.municipalities.some((m) => m.slug === options.municipality)) {
    throw new UsageError(t('report.unknown-municipality', { municipality: options.municipality, municipalities: model.municipalities.map((m) => m.slug).join(', ') }));
  }

  // Logos are read once, and only for the formats that embed them.
  let loaded: Branding | undefined;
  const branding = () => (loaded ??= loadBranding(load.root!, model.workspace));

  // Every report is made before any is put in place: a broken template leaves the old reports as they
  // were. Markdown and HTML reports are written (under temporary names) as soon as each is made, so
  // memory holds one report at a time, not all six of `report all`.
  const outDir = options.out !== undefined ? resolve(io.cwd, options.out) : join(load.root, 'reports');
  const files = new StagedFiles(outDir, io.cwd);
  try {
    const phases: Phase[] = phase === 'all' ? [...REPORT_PHASES] : [phase as Phase];
    const outputs: { name: string; content: string | Uint8Array; report: MarkdownReport }[] = [];
    const overrides = new Set<string>();
    usable(() => {
      const renderPhase = (p: Phase): MarkdownReport => {
        const period = p === 'progress' ? options.period : undefined;
        const report = renderMarkdown(model, sources, { phase: p, lang, today, ...(options.municipality !== undefined ? { focus: options.municipality } : {}), ...(period !== undefined ? { period } : {}) });
        for (const file of report.overrides) {
          if (!overrides.has(file)) io.stderr(say(t('report.using-override', { what: file.endsWith('.json') ? 'catalogue' : 'template', file })));
          overrides.add(file);
        }
        return report;
      };
      const document = (p: Phase | 'all', period: string | undefined, report: MarkdownReport): void => {
        if (examples.total > 0) markExamplesLeftOut(report);
        if (isDraft) markDraft(report);
        const base = reportFileName(p, lang, format, options.municipality, period);
        const name = isDraft ? draftFileName(base) : base;
        if (format === 'docx') outputs.push({ name, content: '', report });
        else {
          const content = format === 'md' ? report.markdown : markBoundHtml(markDraftHtml(reportToHtml(report, { paper, branding: branding() }), report, isDraft), options.single === true);
          if (format === 'pdf') outputs.push({ name, content, report });
          else files.stage(name, content);
        }
      };
      // With --single the phases become one document, marked once as a whole.
      if (options.single) {
        const rendered = phases.map(renderPhase);
        document('all', options.period, bindReports(rendered, rendered[0]!.messages.text('heading.report_all')));
      } else {
        for (const p of phases) document(p, p === 'progress' ? options.period : undefined, renderPhase(p));
      }
    });
    if (format === 'docx') {
      const [{ reportToDocx }, { chromiumRasterizer, rasterizer }, { findChromium }] = await Promise.all([import('../../report/docx.js'), import('../../report/raster.js'), import('../../report/pdf.js')]);
      const viaChromium = docxChromium(() => findChromium(io.env), chromiumTimeout(io.env), chromiumRasterizer);
      const rasterize = rasterizer() ?? viaChromium;
      const said = new Set<string>();
      for (const output of outputs) {
        const docx = await reportToDocx(output.report, { paper, branding: branding(), draft: isDraft, sectionsOnNewPage: options.single === true, ...(rasterize ? { rasterize } : {}), ...(viaChromium ? { rasterizeWebp: viaChromium } : {}) });
        files.stage(output.name, docx.bytes);
        for (const note of docx.notes) {
          if (!said.has(note.id + JSON.stringify(note.values))) io.stderr(say(t('cli.note', { note })));
          said.add(note.id + JSON.stringify(note.values));
        }
      }
    }
    if (pdf && chromium) {
      const timeoutMs = chromiumTimeout(io.env);
      for (const output of outputs) {
        if (io.stderrIsTTY) io.stderr(say(t('report.printing', { file: output.name, chromium })));
        files.stage(output.name, await pdfUsable(() => pdf.htmlToPdf(output.content as string, { chromium, timeoutMs })));
      }
    }
    files.commit((file) => io.stderr(say(t('cli.wrote', { file }))));
  } catch (error) {
    files.discard();
    throw error;
  }
  return 0;
}

/** Pictures for Word through the machine's Chromium, when resvg has no binary here; undefined without a Chromium. */
function docxChromium<R>(find: () => string, timeoutMs: number, make: (chromium: string, timeoutMs: number) => R): R | undefined {
  try {
    return make(find(), timeoutMs);
  } catch {
    return undefined;
  }
}

/** How long Chromium may print one report: LAMD_CHROMIUM_TIMEOUT seconds, else two minutes. */
function chromiumTimeout(env: NodeJS.ProcessEnv): number {
  const seconds = Number(env.LAMD_CHROMIUM_TIMEOUT);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 120_000;
}

/** Runs `work`, turning a PDF that cannot be made into a lamd failure (exit 2) with Chromium's message. */
async function pdfUsable<T>(work: () => T | Promise<T>): Promise<T> {
  const { PdfError } = await import('../../report/pdf.js');
  try {
    return await work();
  } catch (error) {
    if (error instanceof PdfError) throw new UsageError(error.text ?? error.message);
    throw error;
  }
}

/** `roadmap.tanger.en.md` → `roadmap.tanger.en.draft.md`: a draft is never mistaken for the report. */
function draftFileName(name: string): string {
  const dot = name.lastIndexOf('.');
  return `${name.slice(0, dot)}.draft${name.slice(dot)}`;
}

/** The kinds of example documents, in the order a note lists them. */
const EXAMPLE_KINDS = ['roadmap', 'practice', 'activity', 'profile', 'stakeholder'];

/** `1 road map, 1 practice and 2 stakeholders`, in the language of the run. */
function describeExamples(examples: ExampleCount): TextList {
  const order = (kind: string) => (EXAMPLE_KINDS.includes(kind) ? EXAMPLE_KINDS.indexOf(kind) : EXAMPLE_KINDS.length);
  return and([...examples.byKind].sort(([a], [b]) => order(a) - order(b)).map(([kind, count]) => t('report.example-count', { kind, count })));
}

/** Says under the report's title that examples were left out, so no reader wonders where they went. */
function markExamplesLeftOut(report: MarkdownReport): void {
  const note = `> ${report.messages.text('phrase.examples_left_out')}\n\n`;
  const title = /^# .*\n\n?/.exec(report.markdown);
  report.markdown = title ? `${title[0]}${title[0].endsWith('\n\n') ? '' : '\n'}${note}${report.markdown.slice(title[0].length)}` : `${note}${report.markdown}`;
}

/** Puts the draft banner at the top of the report, in its language. */
function markDraft(report: MarkdownReport): void {
  report.markdown = `> **${report.messages.text('phrase.draft_banner')}**\n\n${report.markdown}`;
}

/** Repeats the draft mark at the top of every printed page (a CSS page-margin box). */
function markDraftHtml(html: string, report: MarkdownReport, isDraft: boolean): string {
  if (!isDraft) return html;
  const style = `<style>@page { @top-center { content: ${cssString(report.messages.raw('phrase.draft_mark'))}; color: #a40000; font: bold 9pt system-ui, "Noto Sans", Arial, sans-serif; } }</style>`;
  return html.replace('</head>', `${style}\n</head>`);
}

/** In a bound record, each phase starts a printed page (the table of contents' heading is inside its nav, not matched). */
function markBoundHtml(html: string, bound: boolean): string {
  if (!bound) return html;
  return html.replace('</head>', '<style>@media print { main > h2 { break-before: page; } }</style>\n</head>');
}

/** Runs `work`, turning a template that cannot be used into a usage error (exit 2). */
function usable<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof TemplateError) throw new UsageError(error.text ?? error.message);
    throw error;
  }
}

function municipalitySlugs(documents: readonly { kind: string; value: Record<string, unknown> }[]): string[] {
  const list = documents.find((d) => d.kind === 'workspace')?.value.municipalities;
  return Array.isArray(list) ? list.flatMap((m: unknown) => (m && typeof m === 'object' && typeof (m as { slug?: unknown }).slug === 'string' ? [(m as { slug: string }).slug] : [])) : [];
}

/** The workspace's first report language when lamd can write it, else English (with a note). */
function defaultLanguage(documents: readonly { kind: string; path?: string; value: Record<string, unknown> }[], available: readonly string[], io: CliIO, language: MessageLanguage): string {
  const workspace = documents.find((d) => d.kind === 'workspace');
  const languages = workspace?.value.languages;
  const first = Array.isArray(languages) && typeof languages[0] === 'string' ? languages[0] : undefined;
  if (first === undefined) return 'en';
  if (available.includes(first)) return first;
  io.stderr(`lamd: ${render(language, t('cli.note', { note: t('report.no-catalogue-first', { lang: first }) }))}\n`);
  return 'en';
}
