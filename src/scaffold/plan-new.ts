// Plans the files `lamd new <kind>` adds to a workspace: a new document from templates/new/, or an
// entry appended to lamd.yaml or stakeholders.yaml with every comment kept. Pure apart from reading
// lamd's templates; the facts about the workspace come in, planned files go out.
import { UsageError } from '../errors.js';
import { parseId } from './answers.js';
import type { PlannedFile } from './apply.js';
import { documentLanguage, migrationTargetsOf, municipalityView, schemaFolderOf, withModeline, type MunicipalityAnswers } from './documents.js';
import { render, selector, t, type MessageLanguage } from '../i18n/messages.js';
import { renderTemplate } from './render.js';
import { appendToList } from './yaml-edit.js';

/** What `lamd new` needs to know about the workspace it adds to. */
export interface WorkspaceFacts {
  /** lamd.yaml as read. */
  workspaceText: string;
  /** stakeholders.yaml as read, when the workspace has one. */
  stakeholdersText?: string;
  /** `names`: every spelling lamd.yaml gives (one per language); `country`: its ISO code, when recorded. */
  municipalities: Array<{ slug: string; name: string; names?: string[]; country?: string }>;
  /** Ids of the implementing partners in lamd.yaml. */
  partners: string[];
  /** Ids already used, per kind (ids are unique per kind across the workspace). */
  ids: { practice: Set<string>; roadmap: Set<string>; activity: Set<string>; stakeholder: Set<string> };
  /** The workspace's first language (lamd.yaml's `languages`), which lamd writes new documents in. */
  language?: string;
  /** Workspace-relative paths that exist, so a new file never lands on one. */
  exists: (path: string) => boolean;
}

export const NEW_KINDS = ['municipality', 'practice', 'roadmap', 'stakeholder', 'activity'] as const;
export type NewKind = (typeof NEW_KINDS)[number];

/** Refuses an id the workspace already gives a document of this kind (also used by prompts, to ask again). */
export function requireFree(facts: WorkspaceFacts, kind: NewKind, id: string, flag = 'id'): void {
  if (kind === 'municipality') return requireNewMunicipality(facts, id);
  if (facts.ids[kind].has(id)) {
    throw new UsageError(t('new.id-taken', { kind, id, flag }));
  }
}

function requirePathFree(facts: WorkspaceFacts, path: string): void {
  if (facts.exists(path)) throw new UsageError(t('new.path-taken', { path }));
}

export function requireMunicipality(facts: WorkspaceFacts, slug: string, flag: string): { slug: string; name: string } {
  const found = facts.municipalities.find((m) => m.slug === slug);
  if (!found) {
    const known = facts.municipalities.map((m) => m.slug).join(', ');
    throw new UsageError(t('new.no-such-municipality', { flag, slug, known: known || t('new.none') }));
  }
  return found;
}

/**
 * The municipality a person means by what they gave where a slug is expected: its slug, exactly.
 * Anything else is refused with the slug it most likely stands for, found from the slugs and from
 * the names in lamd.yaml ("Sousse", "SOUSSE", "Tiranë", "صفاقس" → did you mean `sfax`).
 */
export function municipalityBySlug(facts: WorkspaceFacts, raw: string, flag: string): { slug: string; name: string } {
  const given = raw.trim();
  const exact = facts.municipalities.find((m) => m.slug === given);
  if (exact) return exact;
  const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const meant = facts.municipalities.find((m) => fold(m.slug) === fold(given) || fold(m.name) === fold(given));
  if (meant) {
    throw new UsageError(t('new.slug-meant', { flag, given: JSON.stringify(given), slug: meant.slug, name: meant.name !== meant.slug ? ` (${meant.name})` : '' }));
  }
  return requireMunicipality(facts, parseId(given, flag), flag);
}

/** A name as compared with another: the same letters whatever their case or Unicode composition. */
function sameNameKey(name: string): string {
  return name.normalize('NFC').trim().toLocaleLowerCase();
}

function requireNewMunicipality(facts: WorkspaceFacts, slug: string): void {
  if (facts.municipalities.some((m) => m.slug === slug)) {
    throw new UsageError(t('new.municipality-taken', { slug }));
  }
}

export function planMunicipality(facts: WorkspaceFacts, answers: MunicipalityAnswers): PlannedFile[] {
  requireNewMunicipality(facts, answers.slug);
  // The same town under a second folder (added again with --name-latin, say) would be counted twice in
  // every report. Two towns of one name in two countries (Tripoli, Valencia) are two municipalities.
  const spellings = new Set([answers.name, ...(answers.latinName !== undefined ? [answers.latinName] : [])].map(sameNameKey));
  for (const m of facts.municipalities) {
    if (m.country !== undefined && m.country !== answers.country) continue;
    const spelling = (m.names ?? [m.name]).find((n) => spellings.has(sameNameKey(n)));
    if (spelling !== undefined) throw new UsageError(t('new.municipality-name-taken', { name: spelling, country: m.country ?? 'none', slug: m.slug }));
  }
  if (answers.localPartner !== undefined && !facts.partners.includes(answers.localPartner)) {
    throw new UsageError(t('new.no-such-partner', { partner: answers.localPartner, known: facts.partners.join(', ') || t('new.none') }));
  }
  const profile = `municipalities/${answers.slug}/profile.yaml`;
  requirePathFree(facts, `municipalities/${answers.slug}`);
  const lang = documentLanguage(facts.language);
  const view = municipalityView(answers, lang);
  const entry = renderTemplate('municipality/entry.yaml', view, lang);
  return [
    { path: profile, content: withModeline('profile', profile, renderTemplate('municipality/profile.yaml', view, lang), schemaFolderOf(facts.workspaceText)) },
    { path: 'lamd.yaml', content: appendToList(facts.workspaceText, 'municipalities', entry, 'lamd.yaml'), replaces: facts.workspaceText },
  ];
}

export interface PracticeAnswers {
  id: string;
  title: string;
  municipality: string;
  cluster: string;
}

export function planPractice(facts: WorkspaceFacts, answers: PracticeAnswers): PlannedFile[] {
  const owner = requireMunicipality(facts, answers.municipality, '--municipality');
  requireFree(facts, 'practice', answers.id, 'id');
  const path = `municipalities/${owner.slug}/practices/${answers.id}.yaml`;
  requirePathFree(facts, path);
  const view = { ...answers, slug: owner.slug, municipalityName: owner.name };
  return [{ path, content: withModeline('practice', path, renderTemplate('new/practice.yaml', view, documentLanguage(facts.language)), schemaFolderOf(facts.workspaceText)) }];
}

export interface RoadmapAnswers {
  id: string;
  title: string;
  municipality: string;
  goal: string;
}

export function planRoadmap(facts: WorkspaceFacts, answers: RoadmapAnswers): PlannedFile[] {
  const owner = requireMunicipality(facts, answers.municipality, '--municipality');
  requireFree(facts, 'roadmap', answers.id, 'id');
  const path = `municipalities/${owner.slug}/roadmaps/${answers.id}.yaml`;
  requirePathFree(facts, path);
  const suggested = migrationTargetsOf(answers.goal);
  const view = {
    ...answers,
    slug: owner.slug,
    municipalityName: owner.name,
    goalNumber: Number(answers.goal),
    suggestedTargets: suggested.targets,
    hasMigrationTargets: suggested.migration,
  };
  return [{ path, content: withModeline('roadmap', path, renderTemplate('new/roadmap.yaml', view, documentLanguage(facts.language)), schemaFolderOf(facts.workspaceText)) }];
}

export interface StakeholderAnswers {
  id: string;
  name: string;
  type: string;
  level: string;
  municipality?: string;
  affiliation?: string;
  country?: string;
  migrationBackground: boolean;
}

export function planStakeholder(facts: WorkspaceFacts, answers: StakeholderAnswers): PlannedFile[] {
  if (answers.municipality !== undefined) requireMunicipality(facts, answers.municipality, '--municipality');
  requireFree(facts, 'stakeholder', answers.id, 'id');
  const view = {
    ...answers,
    hasMunicipality: answers.municipality !== undefined,
    hasAffiliation: answers.affiliation !== undefined,
    hasCountry: answers.country !== undefined,
  };
  const entry = renderTemplate('new/stakeholder.yaml', view, documentLanguage(facts.language));
  const path = 'stakeholders.yaml';
  if (facts.stakeholdersText !== undefined) {
    return [{ path, content: appendToList(facts.stakeholdersText, 'stakeholders', entry, path), replaces: facts.stakeholdersText }];
  }
  requirePathFree(facts, path);
  const registry = withModeline('stakeholders', path, renderTemplate('new/stakeholders.yaml', {}, documentLanguage(facts.language)), schemaFolderOf(facts.workspaceText));
  return [{ path, content: appendToList(registry, 'stakeholders', entry, path) }];
}

export interface ActivityAnswers {
  id: string;
  type: string;
  title: string;
  /** YYYY-MM-DD: the file is named after it. */
  date: string;
  mode?: string;
  municipalities: string[];
}

export function planActivity(facts: WorkspaceFacts, answers: ActivityAnswers): PlannedFile[] {
  for (const slug of answers.municipalities) requireMunicipality(facts, slug, '--municipality');
  requireFree(facts, 'activity', answers.id, 'id');
  const path = `activities/${answers.date}-${answers.id}.yaml`;
  requirePathFree(facts, path);
  const view = {
    ...answers,
    hasMode: answers.mode !== undefined,
    hasMunicipalities: answers.municipalities.length > 0,
    isTraining: answers.type === 'training',
    // A peer exchange lists each municipality as a delegation, and a training a line of participants
    // to count for each (3.2.3, 5.1.1): the fields the exchange and training rules read.
    isPeerExchange: answers.type === 'peer-exchange',
    delegations: answers.municipalities,
  };
  return [{ path, content: withModeline('activity', path, renderTemplate('new/activity.yaml', view, documentLanguage(facts.language)), schemaFolderOf(facts.workspaceText)) }];
}

const ACTIVITY_TYPES = new Set(['training', 'internal-consultation', 'peer-exchange', 'final-event']);

/** A default title for an activity of a type, in the workspace's language. */
export function activityTitle(type: string, lang: MessageLanguage): string | undefined {
  return ACTIVITY_TYPES.has(type) ? render(lang, t('scaffold.activity-title', { type: selector(type) })) : undefined;
}
