// What every view builder is given, and the small pieces several reports share: names looked up by
// id, sources, endorsements, triggering and soft factors. Pure functions of the model.
import { allTexts, chooseText, type LocalizedText } from '../../i18n/names.js';
import { isSdgLanguageCode, type SdgLanguageCode } from '../../reference/sdg.js';
import { SDG_CODE_LIST_VERSION } from '../../version.js';
import type { Messages } from '../i18n.js';
import { joinMd, md, mdLink, opt, type Md } from '../markdown.js';
import type { MunicipalityEntry, Phase, ReportModel, Source } from '../model.js';
import type { ProfileDocument } from '../../types/generated/index.js';

export interface ViewContext {
  model: ReportModel;
  m: Messages;
  /** "Today" for overdue actions, YYYY-MM-DD. */
  today: string;
  /** The one municipality the report is about (--municipality), if any. */
  focus: string | undefined;
  /** The reporting period the progress report stops at (--period), if any: `2024-H1`. */
  period?: string | undefined;
}

export function texts(values: readonly string[] | undefined): Md[] {
  return (values ?? []).map((v) => md(v));
}

export function inScope(ctx: ViewContext, slug: string): boolean {
  return ctx.focus === undefined || ctx.focus === slug;
}

export function scopedMunicipalities(ctx: ViewContext): MunicipalityEntry[] {
  return ctx.model.municipalities.filter((m) => inScope(ctx, m.slug));
}

/**
 * A name in the report's language: a name map's text in that language, else in the first of the
 * workspace's report languages it has, else its first text (chooseText).
 */
export function plainName(ctx: ViewContext, name: LocalizedText | undefined): string | undefined {
  return chooseText(name, ctx.m.lang, ctx.model.workspace.languages ?? [])?.text;
}

/** The same, escaped; `orElse` (an id) when the name is missing. */
export function localName(ctx: ViewContext, name: LocalizedText | undefined, orElse = ''): Md {
  return md(plainName(ctx, name) ?? orElse);
}

export function municipalityName(ctx: ViewContext, slug: string | undefined): Md {
  if (slug === undefined) return ctx.m.notRecorded;
  const entry = ctx.model.municipalities.find((m) => m.slug === slug);
  return localName(ctx, entry?.name, slug);
}

function folded(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();
}

/**
 * Whether a title already starts with the name of its municipality: its name in lamd.yaml, or its
 * slug read as a name ("Milan: …" for Milano, slug `milan`), ignoring case and accents, followed by
 * the end of a word.
 */
export function titleNamesMunicipality(title: string, municipality: { name: LocalizedText; slug: string } | undefined): boolean {
  if (!municipality) return false;
  const text = folded(title);
  return [...allTexts(municipality.name), municipality.slug.replace(/-/g, ' ')].some((name) => {
    const n = folded(name);
    return n !== '' && text.startsWith(n) && !/^[\p{L}\p{N}]/u.test(text.slice(n.length));
  });
}

/** A road map's title with its municipality in front ("Sfax: Inclusive services"), unless the title already names it. */
export function roadmapHeading(ctx: ViewContext, roadmap: { municipality: string; title: string }): Md {
  const entry = ctx.model.municipalities.find((m) => m.slug === roadmap.municipality);
  if (titleNamesMunicipality(roadmap.title, entry)) return md(roadmap.title);
  return ctx.m.text('phrase.labelled', { label: municipalityName(ctx, roadmap.municipality), text: md(roadmap.title) });
}

/** The same in plain text, with a dash: for a timeline's title. */
export function roadmapPlainTitle(ctx: ViewContext, roadmap: { municipality: string; title: string }): string {
  const entry = ctx.model.municipalities.find((m) => m.slug === roadmap.municipality);
  return titleNamesMunicipality(roadmap.title, entry) ? roadmap.title : `${plainName(ctx, entry?.name) ?? roadmap.municipality} – ${roadmap.title}`;
}

export function municipalityNames(ctx: ViewContext, slugs: readonly string[] | undefined): Md | undefined {
  return ctx.m.list((slugs ?? []).map((s) => municipalityName(ctx, s)));
}

export function stakeholderName(ctx: ViewContext, id: string): Md {
  return localName(ctx, ctx.model.stakeholders.get(id)?.name, id);
}

export function practiceTitle(ctx: ViewContext, id: string): Md {
  return md(ctx.model.practices.find((p) => p.id === id)?.title ?? id);
}

export function activityTitle(ctx: ViewContext, id: string): Md {
  return md(ctx.model.activities.find((a) => a.id === id)?.title ?? id);
}

/** An organisation's full name with its short name after it, "International Organization for Migration (IOM)", in the report's language. */
export function organisationName(ctx: ViewContext, organisation: { name: LocalizedText; short_name?: LocalizedText }): Md {
  const name = localName(ctx, organisation.name);
  const short = plainName(ctx, organisation.short_name);
  return short === undefined || short === plainName(ctx, organisation.name) ? name : ctx.m.text('phrase.name_with_short', { name, short: md(short) });
}

export function partnerName(ctx: ViewContext, id: string | undefined): Md | undefined {
  if (id === undefined) return undefined;
  const partner = ctx.model.partners.get(id);
  return localName(ctx, partner ? (partner.short_name ?? partner.name) : undefined, id);
}

/** A source as one line, "Title, Author, 2019, Box 2", the title linked to its address when it has one. */
export function sourceLine(ctx: ViewContext, source: Source): Md {
  if (typeof source === 'string') return md(source);
  const parts: Md[] = [mdLink(md(source.title), source.url)];
  if (source.author) parts.push(md(source.author));
  if (source.year !== undefined) parts.push(md(String(source.year)));
  if (source.section) parts.push(md(source.section));
  if (source.accessed) parts.push(ctx.m.dated('phrase.accessed', source.accessed));
  return joinMd(parts, ', ');
}

export function sourceLines(ctx: ViewContext, sources: readonly Source[] | undefined): Md[] {
  return (sources ?? []).map((s) => sourceLine(ctx, s));
}

export interface BaseView {
  lang: string;
  dir: 'ltr' | 'rtl';
  t: Record<string, unknown>;
  title: Md;
  programme: {
    name: Md;
    shortName: Md | undefined;
    edition: Md | undefined;
    description: Md[];
    objectives: Md[];
    funders: Md[];
    /** Whether lamd.yaml says anything of the programme beyond its name: a section with none says "not recorded". */
    recorded: boolean;
  };
  scope: Md | undefined;
  footer: Md;
  /** lamd.yaml's funding statement and disclaimer, printed at the foot of every report. */
  branding: { funding: Md | undefined; disclaimer: Md | undefined };
}

/** The parts every report starts and ends with. */
export function baseView(ctx: ViewContext, phase: Phase): BaseView {
  const { m } = ctx;
  const programme = ctx.model.workspace.programme;
  const [description, objectives, funders] = [m.paragraphs(programme.description), texts(programme.objectives), texts(programme.funders)];
  const view: BaseView = {
    lang: m.lang,
    dir: m.dir,
    t: m.tree(),
    title: m.text(`heading.report_${phase}`),
    programme: {
      name: localName(ctx, programme.name),
      shortName: opt(plainName(ctx, programme.short_name)),
      edition: opt(programme.edition),
      description,
      objectives,
      funders,
      recorded: description.length + objectives.length + funders.length > 0,
    },
    scope: ctx.focus === undefined ? undefined : m.text('phrase.scope', { municipality: municipalityName(ctx, ctx.focus) }),
    footer: m.text('phrase.footer'),
    branding: { funding: opt(ctx.model.workspace.branding?.funding_statement), disclaimer: opt(ctx.model.workspace.branding?.disclaimer) },
  };
  return view;
}

export function sdgCodeListNote(ctx: ViewContext): Md {
  return ctx.m.text('phrase.sdg_source', { list: md(SDG_CODE_LIST_VERSION) });
}

export interface EndorsementView {
  type: Md;
  date: Md;
  by: Md | undefined;
  reference: Md | undefined;
  description: Md | undefined;
}

export function endorsementViews(ctx: ViewContext, list: ProfileDocument['endorsements']): EndorsementView[] {
  return (list ?? []).map((e) => {
    return {
      type: ctx.m.orNotRecorded(ctx.m.label('endorsement', e.type)),
      date: ctx.m.orNotRecorded(ctx.m.date(e.date)),
      by: opt(e.by),
      reference: opt(e.reference),
      description: opt(e.description),
    };
  });
}

export interface FactorView {
  label: Md;
  description: Md | undefined;
}

export function triggeringFactorViews(ctx: ViewContext, profile: ProfileDocument | undefined): FactorView[] {
  return (profile?.triggering_factors ?? []).map((f) => ({ label: ctx.m.label('triggering_factor', f.factor)!, description: opt(f.description) }));
}

export function softFactorViews(ctx: ViewContext, profile: ProfileDocument | undefined): FactorView[] {
  const soft = profile?.soft_factors;
  if (!soft) return [];
  const out: FactorView[] = [];
  for (const key of ['political_vision', 'power_relations', 'societal_values'] as const) {
    const text = soft[key];
    if (text) out.push({ label: ctx.m.text(`label.soft_factor.${key}`), description: md(text) });
  }
  return out;
}

/** Days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The language SDG titles are looked up in: the report's where lamd has them (sq falls back to English). */
export function sdgLanguage(ctx: ViewContext): SdgLanguageCode {
  return isSdgLanguageCode(ctx.m.lang) ? ctx.m.lang : 'en';
}

/** How a source gives a number (common.schema.json#/$defs/figureQualifier). */
export type Qualifier = 'exactly' | 'about' | 'more-than' | 'less-than' | 'at-least' | 'at-most';

const QUALIFIER_KEYS: Record<Qualifier, string | undefined> = {
  exactly: undefined,
  about: 'phrase.approximately',
  'more-than': 'phrase.more_than',
  'less-than': 'phrase.less_than',
  'at-least': 'phrase.at_least',
  'at-most': 'phrase.at_most',
};

/** A formatted number with the qualifier its source gives ("more than 15 %"); `about` also for the older `approximate: true`. */
export function qualified(ctx: ViewContext, value: Md, qualifier: string | undefined, approximate?: boolean): Md {
  const key = QUALIFIER_KEYS[(qualifier ?? (approximate ? 'about' : 'exactly')) as Qualifier];
  return key ? ctx.m.text(key, { value }) : value;
}

/** A count as the schema's `count` holds it (a number, or `{value, qualifier}` / `{not_recorded}`); undefined when absent. */
export function countView(ctx: ViewContext, count: number | { value?: number; qualifier?: string; not_recorded?: true } | undefined): Md | undefined {
  if (count === undefined) return undefined;
  if (typeof count === 'number') return ctx.m.number(count);
  if (count.value === undefined || count.not_recorded) return ctx.m.notRecorded;
  return qualified(ctx, ctx.m.number(count.value), count.qualifier);
}
