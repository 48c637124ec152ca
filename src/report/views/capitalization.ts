// The phase 2 report: the practice catalogue by thematic cluster and by municipality, the
// municipality × cluster matrix, capitalization stages, the exchanges held, the practices borrowed,
// each municipality's challenges with the peers' practices that answer them, who presented to whom,
// what each municipality learned, and each practice's journey (publication 3.2.3, 5.1.1).
import { exchangeMunicipalities } from '../../check/method/exchange-facts.js';
import type { Obj } from '../../check/values.js';
import type { ActivityDocument, PracticeDocument } from '../../types/generated/index.js';
import { joinMd, md, opt, type Md } from '../markdown.js';
import { findTarget } from '../../reference/sdg.js';
import { activityTitle, baseView, localName, sdgLanguage, inScope, municipalityName, scopedMunicipalities, sourceLines, stakeholderName, texts, type BaseView, type ViewContext } from './context.js';
import { activitiesOf, activityCard, type ActivityCard } from './profile.js';

export const CLUSTERS = [
  'governance-and-coordination',
  'participation-and-active-citizenship',
  'culture-and-heritage',
  'communication-and-non-discrimination',
  'access-to-services',
  'education-and-training',
  'employment-and-economic-inclusion',
  'diaspora-and-co-development',
  'data-and-research',
  'international-networking',
] as const;

export const STAGES = ['identified', 'self-assessed', 'shared', 'validated', 'borrowed'] as const;

export interface PracticeCard {
  id: Md;
  title: Md;
  municipality: Md;
  cluster: Md;
  stage: Md;
  period: Md | undefined;
  leadDepartment: Md | undefined;
  departments: Md | undefined;
  stakeholders: Md[];
  mgi: Md | undefined;
  sdgTargets: Md | undefined;
  description: Md[];
  results: { result: Md; evidence: Md | undefined }[];
  strengths: Md[];
  weaknesses: Md[];
  conditions: Md[];
  transferable: Md[];
  borrowedBy: Md | undefined;
  answers: Md | undefined;
  sources: Md[];
}

export interface CapitalizationView extends BaseView {
  practiceCount: Md;
  clusters: { label: Md; practices: PracticeCard[] }[];
  byMunicipality: { name: Md; practices: { title: Md; cluster: Md; stage: Md }[] }[];
  matrix: { header: Md[]; rows: { name: Md; cells: Md[]; total: Md }[]; totals: Md[]; total: Md };
  stageSummary: { stage: Md; count: Md }[];
  stages: { title: Md; municipality: Md; stage: Md; history: Md }[];
  consultations: ActivityCard[];
  exchanges: ActivityCard[];
  borrowed: { practice: Md; from: Md; by: Md; date: Md; transfer: Md; differences: Md; feasibility: Md }[];
  /** Who presented to whom: rows present, columns heard; each cell counts presentations (3.2.3). */
  presentedTo: { header: Md[]; rows: { name: Md; cells: Md[]; total: Md }[] } | undefined;
  /** What each municipality learned in the exchanges and intends to do with it. */
  learningLog: { name: Md; entries: { exchange: Md; practice: Md; learned: Md; intention: Md; nextStep: Md }[] }[];
  /** Each practice's way through the capitalization: stages, presentations, what peers took from it, borrowings. */
  journeys: { title: Md; municipality: Md; steps: Md[] }[];
  challenges: { name: Md; items: { title: Md; cluster: Md | undefined; description: Md | undefined; answers: { practice: Md; owner: Md; stage: Md }[]; own: Md | undefined }[] }[];
}

function practiceInScope(ctx: ViewContext, p: PracticeDocument): boolean {
  return inScope(ctx, p.municipality) || (p.capitalization?.borrowed_by ?? []).some((b) => inScope(ctx, b.municipality));
}

function practiceCard(ctx: ViewContext, p: PracticeDocument): PracticeCard {
  const { m } = ctx;
  const card: PracticeCard = {
    id: md(p.id),
    title: md(p.title),
    municipality: municipalityName(ctx, p.municipality),
    cluster: m.label('cluster', p.cluster)!,
    stage: m.orNotRecorded(m.label('stage', p.capitalization?.stage)),
    stakeholders: (p.stakeholders ?? []).map((s) => (s.role ? m.text('phrase.name_role', { name: stakeholderName(ctx, s.stakeholder), role: md(s.role) }) : stakeholderName(ctx, s.stakeholder))),
    description: m.paragraphs(p.description),
    results: (p.results ?? []).map((r) => ({ result: md(r.result), evidence: opt(r.evidence) })),
    strengths: texts(p.strengths),
    weaknesses: texts(p.weaknesses),
    conditions: texts(p.replicability?.conditions),
    transferable: texts(p.replicability?.transferable_elements),
    sources: sourceLines(ctx, p.sources),
    period: m.period(p.period),
    leadDepartment: opt(p.lead_department),
    departments: m.list(texts(p.departments)),
    mgi: m.list((p.mgi_dimensions ?? []).map((d) => m.label('mgi', d)!)),
    sdgTargets: p.sdg_targets?.length
      ? m.semicolons(
          p.sdg_targets.map((t) => {
            const target = findTarget(t, sdgLanguage(ctx));
            return target ? m.text('phrase.target_with_title', { id: md(t), title: md(target.title) }) : m.token(t);
          }),
        )
      : undefined,
    borrowedBy: m.list((p.capitalization?.borrowed_by ?? []).map((b) => municipalityName(ctx, b.municipality))),
    answers: p.answers_challenges?.length ? m.semicolons(p.answers_challenges.map((ref) => challengeTitle(ctx, ref))) : undefined,
  };
  return card;
}

function challengeTitle(ctx: ViewContext, ref: string): Md {
  const [slug, id] = ref.split('/');
  const challenge = ctx.model.profiles.get(slug!)?.challenges?.find((c) => c.id === id);
  return ctx.m.text('phrase.challenge_of', { challenge: md(challenge?.title ?? id ?? ref), municipality: municipalityName(ctx, slug) });
}

function ownAnswers(ctx: ViewContext, slug: string, challenge: string): Md | undefined {
  const own = ctx.m.list(ctx.model.practices.filter((p) => p.municipality === slug && (p.answers_challenges ?? []).includes(`${slug}/${challenge}`)).map((p) => md(p.title)));
  return own ? ctx.m.text('phrase.own_answer', { practices: own }) : undefined;
}

/** A presentation at an exchange, as recorded or, for an exchange that records none, read from the practices it lists. */
interface Presentation {
  exchange: ActivityDocument;
  municipality: string;
  practice: string | undefined;
  topic: string | undefined;
  unit: Md | undefined;
  /** The other municipalities at that exchange. */
  audience: string[];
}

function presentationsOf(ctx: ViewContext, exchange: ActivityDocument): Presentation[] {
  const owner = (id: string) => ctx.model.practices.find((p) => p.id === id)?.municipality;
  const present = [...exchangeMunicipalities(exchange as unknown as Obj)];
  const recorded = exchange.presentations ?? [];
  const list = recorded.length
    ? recorded.map((p) => ({ municipality: p.municipality, practice: p.practice, topic: p.topic, unit: p.stakeholder ? stakeholderName(ctx, p.stakeholder) : opt(p.unit) }))
    : (exchange.practices ?? []).flatMap((id) => {
        const o = owner(id);
        return o ? [{ municipality: o, practice: id, topic: undefined, unit: undefined }] : [];
      });
  return list.map((p) => ({ ...p, exchange, audience: present.filter((m) => m !== p.municipality) }));
}

/** "3 March 2022, Study visit to Sfax" or the title alone for an undated exchange. */
function exchangeLabel(ctx: ViewContext, a: ActivityDocument): Md {
  const date = ctx.m.date(a.date);
  return date ? joinMd([date, md(a.title)], ', ') : md(a.title);
}

function journeyOf(ctx: ViewContext, p: PracticeDocument, presentations: readonly Presentation[], exchanges: readonly ActivityDocument[]): Md[] {
  const { m } = ctx;
  const steps: { date: string | undefined; text: Md }[] = [];
  for (const h of p.capitalization?.history ?? []) {
    const parts: Md[] = [m.label('stage', h.stage)!];
    if (h.activity) parts.push(activityTitle(ctx, h.activity));
    steps.push({ date: h.date, text: joinMd(parts, ' – ') });
  }
  for (const pr of presentations.filter((x) => x.practice === p.id)) {
    steps.push({
      date: pr.exchange.date,
      text: m.text('phrase.journey_presented', {
        presenter: pr.unit ? m.text('phrase.name_role', { name: pr.unit, role: municipalityName(ctx, pr.municipality) }) : municipalityName(ctx, pr.municipality),
        audience: m.orNotRecorded(m.list(pr.audience.map((a) => municipalityName(ctx, a)))),
        exchange: md(pr.exchange.title),
      }),
    });
  }
  for (const a of exchanges) {
    for (const l of (a.learning ?? []).filter((x) => x.practice === p.id)) {
      steps.push({
        date: a.date,
        text: m.text('phrase.journey_learned', {
          municipality: municipalityName(ctx, l.municipality),
          intention: m.orNotRecorded(m.label('intention', l.intention)),
          next: m.orNotRecorded(opt(l.next_step)),
        }),
      });
    }
    if ((a.co_developed ?? []).includes(p.id)) steps.push({ date: a.date, text: m.text('phrase.journey_co_developed', { exchange: md(a.title) }) });
  }
  for (const b of p.capitalization?.borrowed_by ?? []) {
    steps.push({ date: b.date, text: m.text('phrase.journey_borrowed', { municipality: municipalityName(ctx, b.municipality), transfer: m.orNotRecorded(m.label('transfer', b.transfer)) }) });
  }
  // Dated steps in order, then the undated ones as recorded.
  const dated = steps.filter((x) => x.date).sort((x, y) => x.date!.localeCompare(y.date!));
  return [...dated, ...steps.filter((x) => !x.date)].map((x) => (x.date ? m.text('phrase.labelled', { label: m.date(x.date)!, text: x.text }) : x.text));
}

export function capitalizationView(ctx: ViewContext): CapitalizationView {
  const { m, model } = ctx;
  const practices = model.practices.filter((p) => practiceInScope(ctx, p));
  const municipalities = scopedMunicipalities(ctx);
  const usedClusters = CLUSTERS.filter((c) => practices.some((p) => p.cluster === c));
  const count = (slug: string, cluster: string) => practices.filter((p) => p.municipality === slug && p.cluster === cluster).length;
  const cell = (n: number) => (n === 0 ? md('–') : m.number(n));

  const borrowed: CapitalizationView['borrowed'] = [];
  for (const p of practices) {
    for (const b of p.capitalization?.borrowed_by ?? []) {
      if (!inScope(ctx, p.municipality) && !inScope(ctx, b.municipality)) continue;
      borrowed.push({
        practice: md(p.title),
        from: municipalityName(ctx, p.municipality),
        by: municipalityName(ctx, b.municipality),
        date: m.orNotRecorded(m.date(b.date)),
        transfer: m.orNotRecorded(m.label('transfer', b.transfer)),
        differences: m.orNotRecorded(b.differences ? md(b.differences) : undefined),
        feasibility: m.orNotRecorded(b.feasibility ? md(b.feasibility) : undefined),
      });
    }
  }

  const exchanges = activitiesOf(ctx, 'peer-exchange');
  const presentations = exchanges.flatMap((a) => presentationsOf(ctx, a));
  const presenters = municipalities.filter((mu) => presentations.some((p) => p.municipality === mu.slug));
  const heard = (from: string, to: string) => presentations.filter((p) => p.municipality === from && p.audience.includes(to)).length;
  const presentedTo: CapitalizationView['presentedTo'] = presenters.length
    ? {
        header: municipalities.map((mu) => municipalityName(ctx, mu.slug)),
        rows: presenters.map((from) => ({
          name: municipalityName(ctx, from.slug),
          cells: municipalities.map((to) => (to.slug === from.slug ? md('·') : m.number(heard(from.slug, to.slug)))),
          total: m.number(presentations.filter((p) => p.municipality === from.slug).length),
        })),
      }
    : undefined;
  const learningLog = municipalities
    .map((mu) => ({
      name: municipalityName(ctx, mu.slug),
      entries: exchanges.flatMap((a) =>
        (a.learning ?? [])
          .filter((l) => l.municipality === mu.slug)
          .map((l) => {
            const practice = l.practice ? model.practices.find((p) => p.id === l.practice) : undefined;
            return {
              exchange: exchangeLabel(ctx, a),
              practice: l.practice ? m.text('phrase.name_role', { name: md(practice?.title ?? l.practice), role: municipalityName(ctx, practice?.municipality) }) : m.notRecorded,
              learned: m.orNotRecorded(opt(l.learned)),
              intention: m.orNotRecorded(m.label('intention', l.intention)),
              nextStep: m.orNotRecorded(opt(l.next_step)),
            };
          }),
      ),
    }))
    .filter((mu) => mu.entries.length > 0);
  const journeys = practices
    .filter((p) => inScope(ctx, p.municipality))
    .map((p) => ({ title: md(p.title), municipality: municipalityName(ctx, p.municipality), steps: journeyOf(ctx, p, presentations, exchanges) }))
    .filter((j) => j.steps.length > 0);

  return {
    ...baseView(ctx, 'capitalization'),
    presentedTo,
    learningLog,
    journeys,
    practiceCount: m.text('phrase.practice_count', { count: practices.filter((p) => inScope(ctx, p.municipality)).length }),
    clusters: usedClusters.map((c) => ({ label: m.label('cluster', c)!, practices: practices.filter((p) => p.cluster === c && inScope(ctx, p.municipality)).map((p) => practiceCard(ctx, p)) })).filter((c) => c.practices.length > 0),
    byMunicipality: municipalities.map((mu) => ({
      name: localName(ctx, mu.name),
      practices: practices
        .filter((p) => p.municipality === mu.slug)
        .map((p) => ({ title: md(p.title), cluster: m.label('cluster', p.cluster)!, stage: m.orNotRecorded(m.label('stage', p.capitalization?.stage)) })),
    })),
    matrix: {
      header: usedClusters.map((c) => m.label('cluster', c)!),
      rows: municipalities.map((mu) => ({
        name: localName(ctx, mu.name),
        cells: usedClusters.map((c) => cell(count(mu.slug, c))),
        total: m.number(practices.filter((p) => p.municipality === mu.slug).length),
      })),
      totals: usedClusters.map((c) => m.number(municipalities.reduce((n, mu) => n + count(mu.slug, c), 0))),
      total: m.number(practices.filter((p) => municipalities.some((mu) => mu.slug === p.municipality)).length),
    },
    stageSummary: STAGES.map((s) => ({ stage: m.label('stage', s)!, count: m.number(practices.filter((p) => inScope(ctx, p.municipality) && p.capitalization?.stage === s).length) })),
    stages: practices
      .filter((p) => inScope(ctx, p.municipality))
      .map((p) => ({
        title: md(p.title),
        municipality: municipalityName(ctx, p.municipality),
        stage: m.orNotRecorded(m.label('stage', p.capitalization?.stage)),
        history: m.orNotRecorded(
          m.semicolons(
            (p.capitalization?.history ?? []).map((h) => {
              const parts: Md[] = [m.label('stage', h.stage)!];
              if (h.date) parts.push(m.date(h.date)!);
              if (h.activity) parts.push(activityTitle(ctx, h.activity));
              return joinMd(parts, ' – ');
            }),
          ),
        ),
      })),
    consultations: activitiesOf(ctx, 'internal-consultation').map((a) => activityCard(ctx, a)),
    exchanges: exchanges.map((a) => activityCard(ctx, a)),
    borrowed,
    challenges: municipalities
      .map((mu) => ({
        name: localName(ctx, mu.name),
        items: (model.profiles.get(mu.slug)?.challenges ?? []).map((c) => ({
          title: md(c.title),
          cluster: m.label('cluster', c.cluster),
          description: opt(c.description),
          answers: model.practices
            .filter((p) => p.municipality !== mu.slug && (p.answers_challenges ?? []).includes(`${mu.slug}/${c.id}`))
            .map((p) => ({ practice: md(p.title), owner: municipalityName(ctx, p.municipality), stage: m.orNotRecorded(m.label('stage', p.capitalization?.stage)) })),
          own: ownAnswers(ctx, mu.slug, c.id),
        })),
      }))
      .filter((mu) => mu.items.length > 0),
  };
}
