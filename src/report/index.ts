// Phase reports: workspace model → per-phase view model (escaped data) → Mustache template →
// Markdown → (optionally) HTML. Pure apart from reading templates; the CLI loads, checks and writes.
import { textIn } from '../i18n/names.js';
import { markdownToHtml } from './html.js';
import { loadCatalogue, Messages } from './i18n.js';
import { escapeHtml, joinMd, type Md } from './markdown.js';
import { logosCssContent, logosHtml, type Branding } from './branding.js';
import type { Paper } from './print.js';
import { LAMD_VERSION } from '../version.js';
import type { Phase, ReportModel } from './model.js';
import type { TemplateSources } from './template-files.js';
import { quietTables } from './tables.js';
import { renderTemplate } from './templates.js';
import { sameLanguage } from './text-language.js';
import { ACTION_STATUSES, type SvgLabels, type Timeline } from './timeline.js';
import { capitalizationView } from './views/capitalization.js';
import type { ViewContext } from './views/context.js';
import { finalView } from './views/final.js';
import { preparatoryView } from './views/preparatory.js';
import { profileView } from './views/profile.js';
import { progressView } from './views/progress.js';
import { roadmapReport } from './views/roadmap.js';

export type { Phase } from './model.js';
export const REPORT_PHASES: readonly Phase[] = ['preparatory', 'profile', 'capitalization', 'roadmap', 'final', 'progress'];
export const REPORT_FORMATS = ['md', 'html', 'pdf', 'docx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function isPhase(value: string): value is Phase {
  return (REPORT_PHASES as readonly string[]).includes(value);
}

export interface ReportRequest {
  phase: Phase;
  lang: string;
  /** YYYY-MM-DD: the day overdue actions are counted on. */
  today: string;
  /** Only this municipality (a slug of lamd.yaml). */
  focus?: string;
  /** The progress report stops at this reporting period (`2024-H1`). */
  period?: string;
}

export interface PhaseView {
  view: unknown;
  timelines: Timeline[];
}

/** The view model of one phase: plain data whose every string is escaped Markdown. */
export function buildView(ctx: ViewContext, phase: Phase): PhaseView {
  switch (phase) {
    case 'preparatory':
      return { view: preparatoryView(ctx), timelines: [] };
    case 'profile':
      return { view: profileView(ctx), timelines: [] };
    case 'capitalization':
      return { view: capitalizationView(ctx), timelines: [] };
    case 'roadmap':
      return roadmapReport(ctx);
    case 'final':
      return { view: finalView(ctx), timelines: [] };
    case 'progress':
      return { view: progressView(ctx), timelines: [] };
  }
}

export function messagesFor(sources: TemplateSources, lang: string): Messages {
  const overrides: string[] = [];
  return new Messages({ lang, catalogue: loadCatalogue(sources, lang, overrides), overrides });
}

export interface MarkdownReport {
  markdown: string;
  /** Plain texts for the cover and the page margins. */
  network: string;
  /** YYYY-MM-DD: the day the report is made as of (--today). */
  today: string;
  timelines: Timeline[];
  messages: Messages;
  /** The workspace's template and catalogue overrides used, relative to the workspace. */
  overrides: string[];
  /** User texts written in another language than the report's: text → its language (for HTML's `lang`). */
  textLanguages?: ReadonlyMap<string, string>;
}

/** Tidies what a template produced: no trailing spaces, at most one blank line in a row, one final newline. */
function tidyMarkdown(text: string): string {
  return `${text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

export function renderMarkdown(model: ReportModel, sources: TemplateSources, request: ReportRequest): MarkdownReport {
  const messages = messagesFor(sources, request.lang);
  const ctx: ViewContext = { model, m: messages, today: request.today, focus: request.focus, period: request.period };
  const { view, timelines } = buildView(ctx, request.phase);
  const rendered = renderTemplate(sources, request.phase, view);
  const quiet = quietTables(tidyMarkdown(rendered.text), {
    notRecorded: messages.notRecorded,
    dash: '–',
    note: (omitted, dashes) =>
      joinMd(
        [
          ...(omitted.length > 0 ? [messages.text('phrase.columns_not_recorded', { columns: messages.list(omitted as Md[])! })] : []),
          ...(dashes ? [messages.text('phrase.dash_not_recorded')] : []),
        ],
        ' ',
      ),
  });
  const programme = model.workspace.programme;
  const fallback = model.workspace.languages ?? [];
  const name = textIn(programme.name, messages.lang, fallback) ?? '';
  const short = textIn(programme.short_name, messages.lang, fallback);
  const network = short === undefined || short === name ? name : messages.plain('phrase.name_with_short', { name, short });
  const textLanguages = new Map([...model.textLanguages].filter(([, lang]) => !sameLanguage(lang, messages.lang)));
  return { markdown: tidyMarkdown(quiet), network, today: request.today, timelines, messages, overrides: [...messages.overrides, ...rendered.overrides], textLanguages };
}

export function svgLabels(m: Messages): (timeline: Timeline) => SvgLabels {
  const status = Object.fromEntries(ACTION_STATUSES.map((s) => [s, m.raw(`label.action_status.${s}`)])) as SvgLabels['status'];
  return (timeline) => ({
    title: m.plain('phrase.timeline_caption', { title: timeline.title }),
    today: m.raw('phrase.today'),
    status,
    overdue: m.raw('column.overdue'),
    milestone: m.raw('phrase.milestone'),
    span: (bar) => (bar.milestone ? m.plainDate(bar.start)! : m.plain('phrase.period', { start: m.plainDate(bar.start)!, end: m.plainDate(bar.end)! })),
    section: (group) => group || m.raw('phrase.actions'),
  });
}

export interface HtmlReportOptions {
  paper?: Paper;
  /** Logos and statements to put on the cover and at the foot (loadBranding). */
  branding?: Branding;
}

export function reportToHtml(report: MarkdownReport, options: HtmlReportOptions = {}): string {
  const m = report.messages;
  const title = /^# (.*)$/m.exec(report.markdown)?.[1] ?? '';
  const generated = m.plain('phrase.generated_on', { date: m.plainDate(report.today)!, version: LAMD_VERSION });
  const footLogos = logosCssContent(options.branding);
  return markdownToHtml(report.markdown, {
    print: {
      paper: options.paper ?? 'a4',
      title: plainFromMarkdown(title),
      network: report.network,
      generated,
      pageOf: m.raw('phrase.page_of'),
      ...(footLogos ? { footLogos } : {}),
      ...(options.branding?.funding ? { funding: options.branding.funding } : {}),
    },
    cover: `${logosHtml(options.branding, 'logos')}<p class="generated">${escapeHtml(generated)}</p>\n${options.branding?.funding ? `<p class="funding">${escapeHtml(options.branding.funding)}</p>\n` : ''}`,
    foot: logosHtml(options.branding, 'logos logos-foot'),
    lang: m.lang,
    dir: m.dir,
    locale: m.locale,
    contents: m.raw('heading.contents'),
    timelines: report.timelines,
    svgLabels: svgLabels(m),
    ...(report.textLanguages ? { textLanguages: report.textLanguages } : {}),
  });
}

/** Inline Markdown as the text it shows: lamd's backslash escapes and emphasis removed. */
export function plainFromMarkdown(text: string): string {
  return text.replace(/\*\*/g, '').replace(/\\(.)/g, '$1').trim();
}

/** `roadmap.en.md`, `profile.milan.it.html`, `progress.milan.2024-H1.it.md`, `all.en.pdf` (every phase bound in one). */
export function reportFileName(phase: Phase | 'all', lang: string, format: ReportFormat, focus?: string, period?: string): string {
  return `${phase}${focus !== undefined ? `.${focus}` : ''}${period !== undefined ? `.${period}` : ''}.${lang}.${format}`;
}
