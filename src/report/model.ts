// The workspace as reports read it: typed documents, in a stable order, with lookups by id. Built
// only from a workspace that passed validation, so every document follows its schema.
import type { ActivityDocument, PracticeDocument, ProfileDocument, ProgressDocument, RoadmapDocument, StakeholdersDocument, WorkspaceDocument } from '../types/generated/index.js';
import { progressByRoadmap } from '../check/progress.js';
import type { Obj } from '../check/values.js';
import type { LoadedDocument } from '../workspace/load.js';
import { isRootWorkspaceFile } from '../workspace/kinds.js';
import { textLanguages } from './text-language.js';

export type MunicipalityEntry = WorkspaceDocument['municipalities'][number];
export type PartnerEntry = NonNullable<WorkspaceDocument['partners']>[number];
export type StakeholderEntry = StakeholdersDocument['stakeholders'][number];
export type Source = NonNullable<WorkspaceDocument['sources']>[number];
/** The phases of lamd.yaml's calendar. */
export type CalendarPhase = 'preparatory' | 'profile' | 'capitalization' | 'roadmap' | 'final';
/** What `lamd report` renders: a report per phase, and the progress of the road maps. */
export type Phase = CalendarPhase | 'progress';

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
  /** Progress reports by road map id, oldest period first. */
  progress: Map<string, ProgressDocument[]>;
  stakeholders: Map<string, StakeholderEntry>;
  partners: Map<string, PartnerEntry>;
  /** Free text → the language its document is written in (`language`, else lamd.yaml's). */
  textLanguages: Map<string, string>;
}

function isRootWorkspace(doc: LoadedDocument, root: string | undefined): boolean {
  if (doc.kind !== 'workspace') return false;
  if (root === undefined || doc.path === undefined) return true;
  return isRootWorkspaceFile(doc.path, root);
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
    textLanguages: textLanguages(
      documents.map((d) => d.value),
      workspace.language,
    ),
    practices: of<PracticeDocument>('practice').sort(byMunicipalityThenId),
    roadmaps: of<RoadmapDocument>('roadmap').sort(byMunicipalityThenId),
    activities: of<ActivityDocument>('activity').sort((a, b) => compare(a.date ?? '9999', b.date ?? '9999') || compare(a.id, b.id)),
    progress: progressOf(of<ProgressDocument>('progress')),
    stakeholders,
    partners,
  };
}

function progressOf(reports: ProgressDocument[]): Map<string, ProgressDocument[]> {
  const out = new Map<string, ProgressDocument[]>();
  for (const [roadmap, list] of progressByRoadmap(reports.map((value) => ({ value: value as unknown as Obj })))) out.set(roadmap, list.map((l) => l.value as unknown as ProgressDocument));
  return out;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
