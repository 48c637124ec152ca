// The final report, for the sharing and learning event (publication 5.1.1): the state of the art of
// each road map (genesis, development, results, criticalities), then the municipalities compared
// through the lenses of the publication's analysis (4.1–4.7), with the programme's own goals and
// results (4.3), coordination by level (4.5) and lessons (4.7).
import type { RoadmapDocument } from '../../types/generated/index.js';
import { joinMd, md, opt, strong, type Md } from '../markdown.js';
import type { Source } from '../model.js';
import { baseView, inScope, localName, municipalityName, partnerName, roadmapHeading, scopedMunicipalities, sourceLines, texts, type BaseView, type ViewContext } from './context.js';
import { figureView, activitiesOf, activityCard, type ActivityCard } from './profile.js';
import { reportsUpTo, trackRoadmap } from './progress.js';
import { isOverdue } from '../../calendar/overdue.js';
import { roadmapsInScope, sdgGoal } from './roadmap.js';
import { calendarView, type CalendarView } from './calendar.js';
import { institutionalisedIn, institutionalisedStatus, planPlaceMd } from './plan-link.js';

const FACTORS = ['change-in-migration-patterns', 'change-in-legislation', 'consolidating-existing-initiatives', 'policy-coherence', 'political-will', 'international-networking'] as const;

export interface StateOfTheArtCard {
  /** The title with the municipality in front, unless the title already names it. */
  heading: Md;
  title: Md;
  municipality: Md;
  goal: Md;
  period: Md;
  progress: Md;
  recorded: boolean;
  genesis: Md[];
  development: Md[];
  results: Md[];
  criticalities: Md[];
  lessons: Md[];
}

export interface FinalView extends BaseView {
  events: ActivityCard[];
  roadmaps: StateOfTheArtCard[];
  /** The programme calendar and the time each road map had between its approval and the final event (4.6, 4.7). */
  calendar: CalendarView;
  lenses: {
    context: { name: Md; country: Md; population: Md; foreignShare: Md; model: Md; decentralisation: Md; startingPoint: Md }[];
    triggering: { header: Md[]; rows: { name: Md; cells: Md[] }[]; notes: { name: Md; factor: Md; description: Md }[] };
    objectives: { name: Md; roadmap: Md; objectives: Md; results: Md; institutionalisation: Md }[];
    /** Programme-level goals and results (4.3), from lamd.yaml's `results`. */
    programme: { type: Md; statement: Md; municipalities: Md; sources: Md }[];
    stakeholders: { name: Md; members: Md; design: Md; implementation: Md; types: Md; migrantVoices: Md }[];
    coordination: { name: Md; leadUnit: Md; partner: Md; workingGroups: Md; monitoring: Md }[];
    /** The coordination mechanism by level (4.5), from lamd.yaml's `coordination`. */
    coordinationLevels: { level: Md; items: { municipality: Md | undefined; lead: Md | undefined; bodies: Md | undefined; involvement: Md | undefined; description: Md | undefined; sources: Md | undefined }[] }[];
    challenges: { name: Md; items: Md[] }[];
    /** The programme's lessons (4.7), from lamd.yaml's `lessons`. */
    programmeLessons: { theme: Md; phase: Md | undefined; lesson: Md; sources: Md | undefined }[];
    /** Each road map's own lessons; only road maps that record some. */
    lessons: { name: Md; roadmap: Md; heading: Md; items: Md[] }[];
    /** True when neither the programme nor any road map records a lesson. */
    noLessons: boolean;
  };
}

/** "People served: 420 of 600 (70 %)", one line per measured indicator; undefined when nothing was measured. */
function measuredResults(ctx: ViewContext, r: RoadmapDocument): Md | undefined {
  const { m } = ctx;
  const lines = trackRoadmap(r, reportsUpTo(ctx.model.progress.get(r.id) ?? [], undefined), undefined)
    .filter((t) => t.tracking.latest !== undefined)
    .map(({ indicator, tracking }) => {
      const actual = typeof tracking.latest!.value === 'number' ? m.number(tracking.latest!.value) : md(tracking.latest!.value);
      const target = tracking.target ? (typeof tracking.target.value === 'number' ? m.number(tracking.target.value) : md(tracking.target.value)) : undefined;
      const value = target
        ? m.text('phrase.actual_of_target', { actual, target, percent: tracking.percentOfTarget !== undefined ? m.percent(tracking.percentOfTarget) : md('–') })
        : actual;
      return m.text('phrase.labelled', { label: md(indicator.name), text: value });
    });
  return lines.length ? m.semicolons(lines) : undefined;
}

/** Where the road map entered the municipality's plans, each instrument with its status as it stands. */
function institutionalisation(ctx: ViewContext, r: RoadmapDocument): Md {
  const { m } = ctx;
  const entries = institutionalisedIn(r, ctx.model.progress.get(r.id) ?? []).map((i) => {
    const status = institutionalisedStatus(ctx, i);
    return status ? m.text('phrase.name_role', { name: planPlaceMd(i.link) ?? m.notRecorded, role: status }) : planPlaceMd(i.link) ?? m.notRecorded;
  });
  return m.orNotRecorded(m.semicolons(entries));
}

function orNotRecorded(ctx: ViewContext, paragraphs: Md[]): Md[] {
  return paragraphs.length > 0 ? paragraphs : [ctx.m.notRecorded];
}

function stateOfTheArt(ctx: ViewContext, r: RoadmapDocument): StateOfTheArtCard {
  const { m } = ctx;
  const s = r.state_of_the_art;
  const actions = r.actions ?? [];
  const done = actions.filter((a) => a.status === 'done').length;
  const overdue = actions.filter((a) => isOverdue(a.end, a.status, ctx.today)).length;
  return {
    heading: roadmapHeading(ctx, r),
    title: md(r.title),
    municipality: municipalityName(ctx, r.municipality),
    goal: sdgGoal(ctx, r.sdg),
    period: m.orNotRecorded(m.period(r.period)),
    progress: actions.length === 0 ? m.text('phrase.no_actions') : m.text('phrase.final_progress', { done, total: actions.length, overdue }),
    recorded: s !== undefined,
    genesis: orNotRecorded(ctx, m.paragraphs(s?.genesis)),
    development: orNotRecorded(ctx, m.paragraphs(s?.development)),
    results: orNotRecorded(ctx, m.paragraphs(s?.results)),
    criticalities: orNotRecorded(ctx, m.paragraphs(s?.criticalities)),
    lessons: texts(s?.lessons),
  };
}

const COORDINATION_LEVELS = ['between-municipalities', 'within-municipality', 'external-stakeholders'] as const;

function sourcesInline(ctx: ViewContext, sources: readonly Source[] | undefined): Md | undefined {
  return sources?.length ? ctx.m.semicolons(sourceLines(ctx, sources)) : undefined;
}

/** Programme-level entries concern the scoped municipality when they name it, or name none (the whole network). */
function concernsScope(ctx: ViewContext, slugs: readonly string[] | undefined): boolean {
  return !slugs?.length || slugs.some((s) => inScope(ctx, s));
}

export function finalView(ctx: ViewContext): FinalView {
  const { m, model } = ctx;
  const municipalities = scopedMunicipalities(ctx);
  const roadmaps = roadmapsInScope(ctx);
  const ofMunicipality = (slug: string) => roadmaps.filter((r) => r.municipality === slug);
  const programmeLessons = (model.workspace.lessons ?? []).map((l) => ({
    theme: m.orNotRecorded(m.label('lesson_theme', l.theme)),
    phase: m.label('phase_name', l.phase),
    lesson: md(l.lesson),
    sources: sourcesInline(ctx, l.sources),
  }));
  const roadmapLessons = roadmaps
    .map((r) => ({ name: municipalityName(ctx, r.municipality), roadmap: md(r.title), heading: roadmapHeading(ctx, r), items: texts(r.state_of_the_art?.lessons) }))
    .filter((l) => l.items.length > 0);
  const yes = m.text('phrase.yes');
  const no = m.text('phrase.no');

  return {
    ...baseView(ctx, 'final'),
    events: activitiesOf(ctx, 'final-event').map((a) => activityCard(ctx, a)),
    roadmaps: roadmaps.map((r) => stateOfTheArt(ctx, r)),
    calendar: calendarView(ctx),
    lenses: {
      context: municipalities.map((mu) => {
        const p = model.profiles.get(mu.slug);
        return {
          name: localName(ctx, mu.name),
          country: m.country(mu.country)!,
          population: figureView(ctx, md(''), p?.population).value,
          foreignShare: figureView(ctx, md(''), p?.foreign_residents?.share).value,
          model: m.orNotRecorded(m.label('organisational_model', p?.organisational_model?.model)),
          decentralisation: m.orNotRecorded(p?.competences?.decentralisation ? md(p.competences.decentralisation) : undefined),
          startingPoint: m.orNotRecorded(p?.starting_point ? md(p.starting_point) : undefined),
        };
      }),
      triggering: {
        header: FACTORS.map((f) => m.label('triggering_factor', f)!),
        rows: municipalities.map((mu) => {
          const factors = new Set((model.profiles.get(mu.slug)?.triggering_factors ?? []).map((f) => f.factor));
          return { name: localName(ctx, mu.name), cells: FACTORS.map((f) => (factors.has(f) ? md('✓') : md('–'))) };
        }),
        notes: municipalities.flatMap((mu) =>
          (model.profiles.get(mu.slug)?.triggering_factors ?? [])
            .filter((f) => f.description)
            .map((f) => ({ name: localName(ctx, mu.name), factor: m.label('triggering_factor', f.factor)!, description: md(f.description!) })),
        ),
      },
      objectives: roadmaps.map((r) => ({
        name: municipalityName(ctx, r.municipality),
        roadmap: md(r.title),
        objectives: m.orNotRecorded(m.semicolons((r.objectives ?? []).map((o) => md(o.title)))),
        // Measured results first (the actuals of the progress reports); the free text when there are none.
        results: m.orNotRecorded(measuredResults(ctx, r) ?? (r.state_of_the_art?.results ? md(r.state_of_the_art.results) : undefined)),
        institutionalisation: institutionalisation(ctx, r),
      })),
      programme: (model.workspace.results ?? [])
        .filter((r) => concernsScope(ctx, r.municipalities))
        .map((r) => ({
          type: m.label('programme_result', r.type)!,
          statement: md(r.statement),
          municipalities: r.municipalities?.length ? m.list(r.municipalities.map((s) => municipalityName(ctx, s)))! : m.text('phrase.whole_network'),
          sources: m.orNotRecorded(sourcesInline(ctx, r.sources)),
        })),
      stakeholders: municipalities.map((mu) => {
        const members = ofMunicipality(mu.slug).flatMap((r) => r.working_group ?? []);
        const ids = new Set(members.map((w) => w.stakeholder));
        const design = members.filter((w) => w.involvement !== 'implementation');
        const implementation = members.filter((w) => w.involvement !== 'design');
        const types = new Map<string, number>();
        for (const id of ids) {
          const type = model.stakeholders.get(id)?.type;
          if (type) types.set(type, (types.get(type) ?? 0) + 1);
        }
        const voices = design.some((w) => model.stakeholders.get(w.stakeholder)?.migration_background === true);
        return {
          name: localName(ctx, mu.name),
          members: m.number(ids.size),
          design: m.number(new Set(design.map((w) => w.stakeholder)).size),
          implementation: m.number(new Set(implementation.map((w) => w.stakeholder)).size),
          types: m.orNotRecorded(m.semicolons([...types].map(([type, n]) => m.text('phrase.count_of', { label: m.label('stakeholder_type', type)!, count: n })))),
          migrantVoices: members.length === 0 ? m.notRecorded : voices ? yes : no,
        };
      }),
      coordination: municipalities.map((mu) => {
        const groups = ofMunicipality(mu.slug).map((r) => m.text('phrase.name_role', { name: md(r.title), role: m.text('phrase.members', { count: (r.working_group ?? []).length }) }));
        const monitoring = ofMunicipality(mu.slug)
          .filter((r) => r.monitoring?.arrangements)
          .map((r) => md(r.monitoring!.arrangements!));
        return {
          name: localName(ctx, mu.name),
          leadUnit: m.orNotRecorded(mu.lead_unit ? md(mu.lead_unit) : undefined),
          partner: m.orNotRecorded(partnerName(ctx, mu.local_partner)),
          workingGroups: m.orNotRecorded(m.semicolons(groups)),
          monitoring: m.orNotRecorded(m.semicolons(monitoring)),
        };
      }),
      coordinationLevels: COORDINATION_LEVELS.map((level) => ({
        level: m.label('coordination_level', level)!,
        items: (model.workspace.coordination ?? [])
          .filter((c) => c.level === level && (c.municipality === undefined || inScope(ctx, c.municipality)))
          .map((c) => ({
            municipality: c.municipality ? municipalityName(ctx, c.municipality) : undefined,
            lead: opt(c.lead),
            bodies: m.list(texts(c.bodies)),
            involvement: m.label('involvement', c.involvement),
            description: opt(c.description),
            sources: sourcesInline(ctx, c.sources),
          })),
      })).filter((l) => l.items.length > 0),
      challenges: municipalities
        .map((mu) => {
          // Each kind of challenge once per city: a profile's constraint ("Crisis: COVID-19 pandemic")
          // and a road map's risk of the same kind are one line. The road maps' criticalities are
          // already in their state of the art above, so they are not repeated here.
          const p = model.profiles.get(mu.slug);
          const byKind = new Map<Md, Md[]>();
          const add = (label: Md, text: Md) => {
            const list = byKind.get(label) ?? [];
            if (!list.includes(text)) list.push(text);
            byKind.set(label, list);
          };
          for (const c of p?.constraints ?? []) add(m.label('constraint', c.type)!, md(c.title));
          for (const r of ofMunicipality(mu.slug)) {
            for (const k of r.risks ?? []) {
              const mitigation = k.mitigation ? m.text('phrase.in_parentheses', { text: m.text('phrase.labelled', { label: m.text('column.mitigation'), text: md(k.mitigation) }) }) : undefined;
              add(m.label('risk', k.type)!, mitigation ? joinMd([md(k.description), mitigation], ' ') : md(k.description));
            }
          }
          const items = [...byKind].map(([label, texts]) => m.text('phrase.labelled', { label: strong(label), text: joinMd(texts, ' · ') }));
          return { name: localName(ctx, mu.name), items };
        })
        .filter((c) => c.items.length > 0),
      programmeLessons,
      lessons: roadmapLessons,
      noLessons: programmeLessons.length === 0 && roadmapLessons.length === 0,
    },
  };
}
