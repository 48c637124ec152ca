// The workspace as reports read it: typed documents, in a stable order, with lookups by id. Built
// only from a workspace that passed validation, so every document follows its schema.
import type { ActivityDocument, PracticeDocument, ProfileDocument, RoadmapDocument, StakeholdersDocument, WorkspaceDocument } from '../types/generated/index.js';
import type { LoadedDocument } from '../workspace/load.js';

export type MunicipalityEntry = WorkspaceDocument['municipalities'][number];
export type PartnerEntry = NonNullable<WorkspaceDocument['partners']>[number];
export type StakeholderEntry = StakeholdersDocument['stakeholders'][number];
export type Source = NonNullable<WorkspaceDocument['sources']>[number];
export type Phase = 'preparatory' | 'profile' | 'capitalization' | 'roadmap' | 'final';

export interface ReportModel {
  workspace: WorkspaceDocument;
  /** In lamd.yaml's order. */
  municipalities: MunicipalityEntry[];
  profiles: Map<string, ProfileDocument>;
  /** By owning municipality (lamd.yaml's order), then id. */
  practices: PracticeDocument[];
  /** By municipality (lamd.yaml's order), then id. */
  roadmaps: RoadmapDocument[];
  /** By date, then id; undated last. */
  activities: ActivityDocument[];
  stakeholders: Map<string, StakeholderEntry>;
  partners: Map<string, PartnerEntry>;
}

function isRootWorkspace(doc: LoadedDocument, root: string | undefined): boolean {
  if (doc.kind !== 'workspace') return false;
  if (root === undefined || doc.path === undefined) return true;
  return doc.path === `${root}/lamd.yaml` || doc.path === `${root}\\lamd.yaml`;
}

/** Builds the model from the documents of a loaded, valid workspace. */
export function buildReportModel(documents: readonly LoadedDocument[], root?: string): ReportModel {
  const workspaceDoc = documents.find((d) => isRootWorkspace(d, root));
  if (!workspaceDoc) throw new Error('A report needs the workspace file lamd.yaml.');
  const workspace = workspaceDoc.value as unknown as WorkspaceDocument;
  const municipalities = [...workspace.municipalities];
  const order = new Map(municipalities.map((m, i) => [m.slug, i]));
  const rank = (slug: string) => order.get(slug) ?? Number.MAX_SAFE_INTEGER;
  const byMunicipalityThenId = <T extends { municipality: string; id: string }>(a: T, b: T) => rank(a.municipality) - rank(b.municipality) || compare(a.id, b.id);

  const of = <T>(kind: LoadedDocument['kind']) => documents.filter((d) => d.kind === kind).map((d) => d.value as unknown as T);
  const profiles = new Map<string, ProfileDocument>();
  for (const p of of<ProfileDocument>('profile')) if (!profiles.has(p.municipality)) profiles.set(p.municipality, p);
  const stakeholders = new Map<string, StakeholderEntry>();
  for (const registry of of<StakeholdersDocument>('stakeholders')) for (const s of registry.stakeholders) if (!stakeholders.has(s.id)) stakeholders.set(s.id, s);
  const partners = new Map<string, PartnerEntry>();
  for (const p of workspace.partners ?? []) if (!partners.has(p.id)) partners.set(p.id, p);

  return {
    workspace,
    municipalities,
    profiles,
    practices: of<PracticeDocument>('practice').sort(byMunicipalityThenId),
    roadmaps: of<RoadmapDocument>('roadmap').sort(byMunicipalityThenId),
    activities: of<ActivityDocument>('activity').sort((a, b) => compare(a.date ?? '9999', b.date ?? '9999') || compare(a.id, b.id)),
    stakeholders,
    partners,
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
