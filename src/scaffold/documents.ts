// What every scaffolded document shares: the modeline that points editors to the workspace's own
// copy of the schemas, and the views of a municipality and of SDG goals the templates fill in.
import { posix } from 'node:path';
import { findGoal, migrationTargets, targetsOfGoal } from '../reference/sdg.js';
import type { DocumentKind } from '../workspace/kinds.js';
import { countryName } from '../reference/countries.js';
import { SCHEMA_COPY_DIR } from './schema-copy.js';
import { shortenId } from './slug.js';
import type { View } from './render.js';
import { localizedName, nameIn } from './names.js';
import { isMessageLanguage, render, t, type MessageLanguage } from '../i18n/messages.js';

/** The language lamd writes a document's text in: the workspace's first language when lamd has its words, else English. */
export function documentLanguage(lang: string | undefined): MessageLanguage {
  return lang !== undefined && isMessageLanguage(lang) ? lang : 'en';
}

/**
 * The first line of a document at `path` (workspace-relative): the yaml-language-server modeline,
 * with a path relative to the document, as the language server resolves it. `schemas` is the folder
 * of the schemas, workspace-relative (see schemaFolderOf); null writes no modeline.
 */
export function modeline(kind: DocumentKind, path: string, schemas: string | null = SCHEMA_COPY_DIR): string {
  if (schemas === null) return '';
  // A web address or an absolute path reads the same from every document.
  const schema = ABSOLUTE.test(schemas) ? `${schemas}/${kind}.schema.json` : posix.relative(posix.dirname(path), `${schemas}/${kind}.schema.json`);
  return `# yaml-language-server: $schema=${schema}\n`;
}

/** A document's full text: its modeline, then the rendered template. */
export function withModeline(kind: DocumentKind, path: string, body: string, schemas: string | null = SCHEMA_COPY_DIR): string {
  return modeline(kind, path, schemas) + body;
}

/** A web address (https://…) or an absolute path: a schema place taken as it is. */
const ABSOLUTE = /^(?:[a-z][a-z0-9+.-]*:\/\/|\/|[a-z]:[\\/])/i;

/** A modeline as yaml-language-server reads one: a comment, any spacing around its name and colon. */
const WORKSPACE_MODELINE = /^#\s+yaml-language-server\s*:.*\$schema=(\S+)\/workspace\.schema\.json\s*$/;

/**
 * Where a new document of an existing workspace points editors for its schemas: where the workspace's
 * lamd.yaml points in the comments that open it (the copy lamd init makes, or the repository's
 * schemas/ in lamd's examples), or nowhere (null) when it points nowhere, as the workspace's other
 * documents then have no modeline either.
 */
export function schemaFolderOf(workspaceText: string): string | null {
  for (const line of workspaceText.replace(/^\uFEFF/, '').split('\n')) {
    const trimmed = line.trim();
    // Comments, and the markers that may open a YAML stream (`%YAML 1.2`, `---`), before the first key.
    if (trimmed !== '' && !trimmed.startsWith('#') && !trimmed.startsWith('%') && trimmed !== '---') break;
    const found = WORKSPACE_MODELINE.exec(trimmed);
    if (found) return ABSOLUTE.test(found[1]!) ? found[1]! : posix.normalize(found[1]!);
  }
  return null;
}

export interface MunicipalityAnswers {
  slug: string;
  /** The name as written locally (any script). */
  name: string;
  /** The name in Latin letters, when the local one is in another script. */
  latinName?: string;
  country: string;
  languages: string[];
  leadUnit?: string;
  localPartner?: string;
}

/** The id of the lead unit's entry in stakeholders.yaml (`<slug>-lead-unit`, within 64 characters). */
export function leadUnitId(slug: string): string {
  return `${shortenId(slug, 64 - '-lead-unit'.length)}-lead-unit`;
}

/**
 * What the templates say of a municipality. `nameValue` is lamd.yaml's `name` (one text, or one per
 * language); `name` is the name in `lang`, the language lamd writes the documents in.
 */
export function municipalityView(m: MunicipalityAnswers, lang = 'en'): View {
  const nameValue = localizedName(m.name, m.latinName, m.languages);
  const name = nameIn(nameValue, lang);
  return {
    slug: m.slug,
    name,
    nameValue,
    municipalityName: name,
    country: m.country,
    countryName: countryName(m.country) ?? m.country,
    hasLanguages: m.languages.length > 0,
    languages: m.languages,
    hasLeadUnit: m.leadUnit !== undefined,
    leadUnit: m.leadUnit,
    leadUnitId: leadUnitId(m.slug),
    leadUnitName: m.leadUnit ?? render(documentLanguage(lang), t('scaffold.lead-unit-placeholder', { name })),
    hasLocalPartner: m.localPartner !== undefined,
    localPartner: m.localPartner,
  };
}

/**
 * The targets of a goal that concern migration (lamd's list: direct first, then related), at most
 * `max`; the goal's first target when none does, so a road map always names one.
 */
export function migrationTargetsOf(goal: string, max = 3): { targets: string[]; migration: boolean } {
  const list = migrationTargets();
  const of = (entries: readonly { id: string }[]) => entries.map((t) => t.id).filter((id) => id.split('.')[0] === goal);
  const targets = [...of(list.direct), ...of(list.related)].slice(0, max);
  if (targets.length) return { targets, migration: true };
  const first = targetsOfGoal(goal)[0];
  return { targets: first ? [first.id] : [], migration: false };
}

/**
 * SDG targets whose text fits what the examples describe: a municipality coordinating its work on
 * migration across departments and with migrants' associations (migration policy, inclusion,
 * participation, partnerships, data, access to services and work). Other migration targets
 * (trafficking, forced labour, remittances, scholarships, disasters) are real but another subject,
 * and an example that links to them teaches the wrong link. Best fit first.
 */
export const COORDINATION_TARGETS: readonly string[] = ['10.7', '10.2', '10.3', '16.7', '16.b', '17.17', '17.18', '11.3', '8.8', '8.5', '1.3', '3.8', '4.5'];

/** The targets of `goal` that fit the examples' text, best first, at most `max`. */
export function exampleTargetsOf(goal: string, max = 3): string[] {
  return COORDINATION_TARGETS.filter((id) => id.split('.')[0] === goal).slice(0, max);
}

/** The goal the example road map is linked to: the first goal of interest with a target that fits its text, else 10 (reduced inequalities, the goal of migration policy). */
export function exampleGoal(sdgs: readonly string[]): string {
  return sdgs.find((goal) => exampleTargetsOf(goal).length > 0) ?? '10';
}

export function goalView(goal: string, lang = 'en'): View {
  const found = findGoal(goal, lang === 'fr' || lang === 'it' ? lang : 'en');
  return { id: goal, short: found?.short ?? `Goal ${goal}`, title: found?.title ?? '' };
}
