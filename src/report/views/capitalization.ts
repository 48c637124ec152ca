// The phase 2 report: the practice catalogue by thematic cluster and by municipality, the
// municipality × cluster matrix, capitalization stages, the exchanges held, the practices borrowed,
// and each municipality's challenges with the peers' practices that answer them (publication 3.2.3).
import type { PracticeDocument } from '../../types/generated/index.js';
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
            return target ? m.text('phrase.target_with_title', { id: md(t), title: md(target.title) }) : md(t);
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

  return {
    ...baseView(ctx, 'capitalization'),
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
    exchanges: activitiesOf(ctx, 'peer-exchange').map((a) => activityCard(ctx, a)),
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
