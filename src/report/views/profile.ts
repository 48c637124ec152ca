// The phase 1 report: one City Migration Profile per municipality, laid out the way the
// publication's Box 2 presents them (figures, origins, history, framework, networks), with every
// figure in a table; then the training activities held.
import type { ActivityDocument, ProfileDocument } from '../../types/generated/index.js';
import { joinMd, md, mdLink, opt, type Md } from '../markdown.js';
import {
  baseView,
  endorsementViews,
  inScope,
  municipalityNames,
  practiceTitle,
  countView,
  localName,
  municipalityName,
  qualified,
  scopedMunicipalities,
  softFactorViews,
  sourceLines,
  stakeholderName,
  texts,
  triggeringFactorViews,
  type BaseView,
  type EndorsementView,
  type FactorView,
  type ViewContext,
} from './context.js';
import { constraintViews, type ConstraintView } from './constraints.js';

type Figure = NonNullable<ProfileDocument['population']>;

export interface FigureView {
  label: Md;
  value: Md;
  asOf: Md;
  breakdown: Md;
  note: Md;
}

export interface ProfileCard {
  name: Md;
  country: Md;
  hasProfile: boolean;
  asOf: Md;
  summary: Md[];
  figures: FigureView[];
  foreignDefinition: Md | undefined;
  origins: { country: Md; share: Md; asOf: Md }[];
  mobility: { label: Md; text: Md }[];
  diaspora: Md[];
  history: { period: Md; text: Md }[];
  competences: { decentralisation: Md | undefined; local: Md[]; national: Md[] } | undefined;
  framework: { title: Md; type: Md; level: Md; when: Md; description: Md | undefined; pillars: Md[] }[];
  organisationalModel: { model: Md; description: Md | undefined } | undefined;
  initiatives: { title: Md; period: Md | undefined; description: Md | undefined; practice: Md | undefined }[];
  networks: { name: Md; period: Md | undefined; description: Md | undefined }[];
  startingPoint: Md | undefined;
  triggeringFactors: FactorView[];
  softFactors: FactorView[];
  endorsements: EndorsementView[];
  constraints: ConstraintView[];
  challenges: { title: Md; cluster: Md | undefined; description: Md | undefined }[];
  dataGaps: Md[];
  sources: Md[];
}

export interface ActivityCard {
  title: Md;
  type: Md;
  date: Md;
  mode: Md;
  sessions: Md | undefined;
  municipalities: Md;
  stakeholders: Md | undefined;
  theme: Md | undefined;
  module: Md | undefined;
  clusters: Md | undefined;
  practices: Md | undefined;
  outcomes: Md[];
  followUps: Md[];
  planned: Md | undefined;
  format: Md | undefined;
  host: Md | undefined;
  presentations: Md[];
  delegations: Md[];
  products: Md[];
  criticalAreas: Md[];
  coDeveloped: Md | undefined;
  trainers: Md | undefined;
  learningObjectives: Md[];
  participantsTotal: Md | undefined;
  evaluation: Md | undefined;
}

export interface ProfileView extends BaseView {
  profiles: ProfileCard[];
  trainings: ActivityCard[];
  /** One row per group of participants, by municipality (training, unit, level, women, men, sex not recorded, total). */
  trainingTable: { heading: Md; rows: { training: Md; unit: Md; level: Md; women: Md; men: Md; unknown: Md; total: Md }[]; totals: TrainedBySex }[];
  /** The donor figure for the network: civil servants trained, by sex, over every training's groups. */
  trainedBySex: TrainedBySex | undefined;
}

export interface TrainedBySex {
  women: Md;
  men: Md;
  unknown: Md;
  total: Md;
}

export function figureView(ctx: ViewContext, label: Md, figure: Figure | undefined): FigureView {
  const { m } = ctx;
  if (!figure) return { label, value: m.notRecorded, asOf: m.notRecorded, breakdown: md(''), note: md('') };
  let value: Md;
  if (figure.value === undefined || figure.not_recorded) value = m.notRecorded;
  else {
    const number = figure.unit === 'percent' ? m.percent(figure.value) : m.number(figure.value);
    const unit = figure.unit === 'households' ? m.text('phrase.households', { value: number }) : number;
    value = qualified(ctx, unit, figure.qualifier, figure.approximate);
  }
  const format = (v: number) => (figure.unit === 'percent' ? m.percent(v) : m.number(v));
  const breakdown: Md[] = [];
  if (figure.by_sex?.women !== undefined) breakdown.push(m.text('phrase.women', { value: format(figure.by_sex.women) }));
  if (figure.by_sex?.men !== undefined) breakdown.push(m.text('phrase.men', { value: format(figure.by_sex.men) }));
  for (const [group, v] of Object.entries(figure.by_age ?? {})) breakdown.push(m.text('phrase.age_group', { group: md(group), value: format(v) }));
  const notes: Md[] = [];
  if (figure.note) notes.push(md(figure.note));
  notes.push(...sourceLines(ctx, figure.sources));
  return { label, value, asOf: m.orNotRecorded(m.date(figure.as_of)), breakdown: m.semicolons(breakdown), note: joinMd(notes, ' ') };
}

const MOBILITY = ['immigration', 'emigration', 'transit', 'return', 'internal', 'displacement'] as const;

function profileCard(ctx: ViewContext, slug: string): ProfileCard {
  const { m, model } = ctx;
  const entry = model.municipalities.find((mu) => mu.slug === slug)!;
  const p = model.profiles.get(slug);
  const card: ProfileCard = {
    name: localName(ctx, entry.name),
    country: m.country(entry.country)!,
    hasProfile: p !== undefined,
    asOf: m.orNotRecorded(m.date(p?.as_of)),
    summary: m.paragraphs(p?.summary),
    figures: [],
    foreignDefinition: undefined,
    competences: undefined,
    organisationalModel: undefined,
    startingPoint: opt(p?.starting_point),
    origins: (p?.top_origins ?? []).map((o) => ({
      country: m.country(o.country)!,
      share: o.share === undefined ? m.notRecorded : m.percent(o.share),
      asOf: m.orNotRecorded(m.date(o.as_of)),
    })),
    mobility: MOBILITY.filter((k) => p?.mobility?.[k]).map((k) => ({ label: m.text(`label.mobility.${k}`), text: md(p!.mobility![k]!) })),
    diaspora: m.paragraphs(p?.diaspora),
    history: (p?.migration_history ?? []).map((h) => ({ period: m.orNotRecorded(h.period ? m.token(h.period) : undefined), text: md(h.text) })),
    framework: (p?.framework ?? []).map((f) => ({
      title: md(f.title),
      type: m.label('framework_type', f.type)!,
      level: m.orNotRecorded(m.label('framework_level', f.level)),
      when: m.orNotRecorded(f.adopted ? m.dated('phrase.adopted', f.adopted) : m.period(f.period)),
      description: opt(f.description),
      pillars: texts(f.pillars),
    })),
    initiatives: (p?.initiatives ?? []).map((i) => ({
      title: md(i.title),
      period: m.period(i.period),
      description: opt(i.description),
      practice: i.practice ? m.text('phrase.recorded_as_practice', { practice: practiceTitle(ctx, i.practice) }) : undefined,
    })),
    networks: (p?.city_networks ?? []).map((n) => ({
      name: md(n.name),
      period: m.period(n.period),
      description: opt(n.description),
    })),
    triggeringFactors: triggeringFactorViews(ctx, p),
    softFactors: softFactorViews(ctx, p),
    endorsements: endorsementViews(ctx, p?.endorsements),
    constraints: constraintViews(ctx, p),
    challenges: (p?.challenges ?? []).map((c) => ({
      title: md(c.title),
      cluster: m.label('cluster', c.cluster),
      description: opt(c.description),
    })),
    dataGaps: texts(p?.data_gaps),
    sources: sourceLines(ctx, p?.sources),
  };
  if (p) {
    card.figures.push(figureView(ctx, m.text('label.figure.population'), p.population));
    card.figures.push(figureView(ctx, m.text('label.figure.foreign_share'), p.foreign_residents?.share));
    card.figures.push(figureView(ctx, m.text('label.figure.foreign_count'), p.foreign_residents?.count));
    if (p.foreign_residents?.definition) card.foreignDefinition = m.text('phrase.foreign_definition', { definition: md(p.foreign_residents.definition) });
    if (p.competences) {
      card.competences = { decentralisation: opt(p.competences.decentralisation), local: texts(p.competences.local), national: texts(p.competences.national) };
    }
    if (p.organisational_model) {
      card.organisationalModel = { model: m.label('organisational_model', p.organisational_model.model)!, description: opt(p.organisational_model.description) };
    }
  }
  return card;
}

export function activityCard(ctx: ViewContext, a: ActivityDocument): ActivityCard {
  const { m } = ctx;
  const date = a.date && a.end_date ? m.period({ start: a.date, end: a.end_date }) : m.date(a.date);
  const card: ActivityCard = {
    title: md(a.title),
    type: m.label('activity_type', a.type)!,
    date: m.orNotRecorded(date),
    mode: m.orNotRecorded(m.label('mode', a.mode)),
    municipalities: m.orNotRecorded(municipalityNames(ctx, a.municipalities)),
    stakeholders: m.list((a.stakeholders ?? []).map((s) => (s.role ? m.text('phrase.name_role', { name: stakeholderName(ctx, s.stakeholder), role: md(s.role) }) : stakeholderName(ctx, s.stakeholder)))),
    sessions: countView(ctx, a.sessions),
    theme: opt(a.theme),
    module: m.list([...new Set([...(a.toolbox_module ? [a.toolbox_module] : []), ...(a.toolbox_modules ?? [])])].map((mod) => m.text(`label.toolbox_module.${mod}`))),
    clusters: m.list((a.clusters ?? []).map((c) => m.label('cluster', c)!)),
    practices: m.list((a.practices ?? []).map((p) => practiceTitle(ctx, p))),
    outcomes: texts(a.outcomes),
    followUps: texts(a.follow_ups),
    planned: m.period(a.planned),
    format: m.label('activity_format', a.format),
    host: a.host ? municipalityName(ctx, a.host) : undefined,
    presentations: (a.presentations ?? []).map((p) => {
      const unit = p.stakeholder ? stakeholderName(ctx, p.stakeholder) : opt(p.unit);
      const who = unit ? m.text('phrase.name_role', { name: municipalityName(ctx, p.municipality), role: unit }) : municipalityName(ctx, p.municipality);
      const what = p.practice ? practiceTitle(ctx, p.practice) : m.orNotRecorded(opt(p.topic));
      return m.text('phrase.labelled', { label: who, text: what });
    }),
    delegations: (a.delegations ?? []).map((d) => {
      const units = m.list([...texts(d.units), ...(d.stakeholders ?? []).map((id) => stakeholderName(ctx, id))]);
      return units ? m.text('phrase.labelled', { label: municipalityName(ctx, d.municipality), text: units }) : municipalityName(ctx, d.municipality);
    }),
    products: (a.products ?? []).map((p) => {
      const title = mdLink(md(p.title), p.url);
      return p.type ? m.text('phrase.name_role', { name: title, role: m.label('product_type', p.type)! }) : title;
    }),
    criticalAreas: (a.critical_areas ?? []).map((c) => (c.municipality ? m.text('phrase.labelled', { label: municipalityName(ctx, c.municipality), text: md(c.area) }) : md(c.area))),
    coDeveloped: m.list((a.co_developed ?? []).map((p) => practiceTitle(ctx, p))),
    trainers: m.list(
      (a.trainers ?? []).map((t) => {
        const name = t.stakeholder ? stakeholderName(ctx, t.stakeholder) : md(t.description ?? '');
        return t.role ? m.text('phrase.name_role', { name, role: md(t.role) }) : name;
      }),
    ),
    learningObjectives: texts(a.learning_objectives),
    participantsTotal: a.type === 'training' ? participantsSummary(ctx, a) : undefined,
    evaluation: evaluationSummary(ctx, a.evaluation),
  };
  return card;
}

/** "24 (women 14, men 10)", the total as the source gives it, or "not recorded"; undefined when nothing is recorded. */
function participantsSummary(ctx: ViewContext, a: ActivityDocument): Md | undefined {
  const { m } = ctx;
  const p = a.participants;
  if (!p) return undefined;
  if (p.not_recorded) return m.notRecorded;
  const counts = trainingCounts(a);
  if (counts.groups > 0) {
    const parts = [m.text('phrase.women', { value: m.number(counts.women) }), m.text('phrase.men', { value: m.number(counts.men) })];
    if (counts.unknown > 0) parts.push(m.text('phrase.sex_not_recorded', { value: m.number(counts.unknown) }));
    return m.text('phrase.total_breakdown', { total: m.number(counts.total), breakdown: joinMd(parts, ', ') });
  }
  return countView(ctx, p.total);
}

/** Participants of a training added up from its groups: women, men, those whose sex is not recorded. */
function trainingCounts(a: ActivityDocument): { women: number; men: number; unknown: number; total: number; groups: number } {
  let women = 0;
  let men = 0;
  let unknown = 0;
  const groups = a.participants?.groups ?? [];
  for (const g of groups) {
    const w = g.women ?? 0;
    const mn = g.men ?? 0;
    women += w;
    men += mn;
    unknown += Math.max(0, (g.total ?? w + mn) - w - mn);
  }
  return { women, men, unknown, total: women + men + unknown, groups: groups.length };
}

function evaluationSummary(ctx: ViewContext, e: ActivityDocument['evaluation']): Md | undefined {
  if (!e) return undefined;
  const { m } = ctx;
  const parts: Md[] = [];
  if (e.pre !== undefined && e.post !== undefined) parts.push(m.text('phrase.pre_post', { pre: m.number(e.pre), post: m.number(e.post) }));
  if (e.scale) parts.push(m.text('phrase.in_parentheses', { text: md(e.scale) }));
  if (e.respondents !== undefined) parts.push(m.text('phrase.respondents', { count: e.respondents }));
  if (e.method) parts.push(md(e.method));
  for (const f of e.findings ?? []) parts.push(md(f));
  return parts.length ? joinMd(parts, ' ') : undefined;
}

/** Activities of a type that concern the municipalities in scope (all of them without --municipality). */
export function activitiesOf(ctx: ViewContext, type: ActivityDocument['type']): ActivityDocument[] {
  return ctx.model.activities.filter((a) => a.type === type && (ctx.focus === undefined || (a.municipalities ?? []).length === 0 || (a.municipalities ?? []).some((s) => inScope(ctx, s))));
}

export function profileView(ctx: ViewContext): ProfileView {
  return {
    ...baseView(ctx, 'profile'),
    profiles: scopedMunicipalities(ctx).map((mu) => profileCard(ctx, mu.slug)),
    trainings: activitiesOf(ctx, 'training').map((a) => activityCard(ctx, a)),
    ...trainingFigures(ctx, activitiesOf(ctx, 'training')),
  };
}

/**
 * The training tables: each municipality's groups of participants, and the network's civil servants
 * trained by sex. Groups are added up as recorded; a training known only by a total adds that total to
 * "sex not recorded" when it is an exact number (a qualified total cannot be added up, and stays on
 * its card).
 */
function trainingFigures(ctx: ViewContext, trainings: readonly ActivityDocument[]): Pick<ProfileView, 'trainingTable' | 'trainedBySex'> {
  const { m } = ctx;
  const sums = new Map<string, { women: number; men: number; unknown: number }>();
  const add = (slug: string, women: number, men: number, unknown: number) => {
    const s = sums.get(slug) ?? { women: 0, men: 0, unknown: 0 };
    sums.set(slug, { women: s.women + women, men: s.men + men, unknown: s.unknown + unknown });
  };
  const rows = new Map<string, ProfileView['trainingTable'][number]['rows']>();
  for (const a of trainings) {
    const date = m.date(a.date);
    const training = date ? joinMd([md(a.title), m.text('phrase.in_parentheses', { text: date })], ' ') : md(a.title);
    for (const g of a.participants?.groups ?? []) {
      if (!g.municipality || !inScope(ctx, g.municipality)) continue;
      const women = g.women ?? 0;
      const men = g.men ?? 0;
      const unknown = Math.max(0, (g.total ?? women + men) - women - men);
      add(g.municipality, women, men, unknown);
      const list = rows.get(g.municipality) ?? [];
      list.push({
        training,
        unit: m.orNotRecorded(opt(g.unit)),
        level: m.orNotRecorded(m.label('participant_level', g.level)),
        women: g.women === undefined ? m.notRecorded : m.number(women),
        men: g.men === undefined ? m.notRecorded : m.number(men),
        unknown: m.number(unknown),
        total: m.number(women + men + unknown),
      });
      rows.set(g.municipality, list);
    }
    // A total without groups belongs to the training's municipalities together: counted for the network only.
    const total = a.participants?.total;
    if (!(a.participants?.groups ?? []).length && typeof total === 'number' && ctx.focus === undefined) add('', 0, 0, total);
  }
  const figure = (s: { women: number; men: number; unknown: number }): TrainedBySex => ({
    women: m.number(s.women),
    men: m.number(s.men),
    unknown: m.number(s.unknown),
    total: m.number(s.women + s.men + s.unknown),
  });
  const trainingTable = scopedMunicipalities(ctx)
    .filter((mu) => rows.has(mu.slug))
    .map((mu) => ({ heading: m.text('phrase.trained_in', { municipality: municipalityName(ctx, mu.slug) }), rows: rows.get(mu.slug)!, totals: figure(sums.get(mu.slug)!) }));
  const all = [...sums.values()].reduce((x, y) => ({ women: x.women + y.women, men: x.men + y.men, unknown: x.unknown + y.unknown }), { women: 0, men: 0, unknown: 0 });
  return { trainingTable, trainedBySex: sums.size > 0 ? figure(all) : undefined };
}
