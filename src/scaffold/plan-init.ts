// Plans the files of a new workspace (`lamd init`) from the answers: the template tree of
// templates/workspace/, the first municipality's profile, the example practice and road map, and
// the copy of the schemas. Pure apart from reading lamd's own templates and schemas; writes nothing.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { PlannedFile } from './apply.js';
import { documentLanguage, exampleGoal, exampleTargetsOf, goalView, municipalityView, withModeline, type MunicipalityAnswers } from './documents.js';
import { localizedName, nameIn } from './names.js';
import { render, t, type MessageLanguage } from '../i18n/messages.js';
import { renderTemplate, templatesDir, type View } from './render.js';
import { schemaCopyFiles } from './schema-copy.js';
import { slugify } from './slug.js';
import type { DocumentKind } from '../workspace/kinds.js';
import type { PartnerAnswer } from './answers.js';

export interface InitAnswers {
  /** Name of the programme or network; without one, lamd's default name in the workspace's language. */
  network?: string;
  municipality: Omit<MunicipalityAnswers, 'localPartner'>;
  /** The implementing partners (country: the municipality's when not given); the first accompanies the first municipality. */
  partners: PartnerAnswer[];
  /** Programme start and end (YYYY[-MM[-DD]]). */
  start: string;
  end: string;
  /** SDG goals of interest, the first one first ("10"). */
  sdgs: string[];
  /** Languages of the reports, the default first. */
  reportLanguages: string[];
  /** The lamd that creates the workspace. */
  lamdVersion: string;
  /** The npm package spec of the lamd CI installs (lamd.yaml's `lamd_package`). */
  lamdPackage: string;
}

export interface PartnerEntry {
  id: string;
  name: string;
  country: string;
  role: string;
  supports: string[];
}

export const EXAMPLE_PRACTICE = 'example-practice';
export const EXAMPLE_ROADMAP = 'example-roadmap';

/** Documents of templates/workspace/, by their path in the workspace. */
const WORKSPACE_DOCUMENTS: Readonly<Record<string, DocumentKind>> = { 'lamd.yaml': 'workspace', 'stakeholders.yaml': 'stakeholders' };

/** Implementing partners with safe, unique ids: from the name when it transliterates, else partner-N. */
export function partnerEntries(answers: readonly PartnerAnswer[], country: string, municipality: string, lang: MessageLanguage = 'en'): PartnerEntry[] {
  const used = new Set<string>();
  return answers.map(({ name, country: own }, i) => {
    const base = slugify(name)?.slice(0, 60).replace(/-+$/, '') || `partner-${i + 1}`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return {
      id,
      name,
      country: own ?? country,
      role: render(lang, t('scaffold.partner-role')),
      supports: [municipality],
    };
  });
}

/** Files of a template tree, as paths relative to it; a leading `_` in a name stands for `.` (npm drops dotfiles such as .gitignore). */
export function templateTree(dir: string, prefix = ''): Array<{ template: string; path: string }> {
  const out: Array<{ template: string; path: string }> = [];
  for (const entry of readdirSync(dir).sort()) {
    const full = join(dir, entry);
    const name = entry.startsWith('_') ? `.${entry.slice(1)}` : entry;
    if (statSync(full).isDirectory()) {
      for (const child of templateTree(full, `${prefix}${entry}/`)) out.push({ template: child.template, path: `${name}/${child.path}` });
    } else {
      out.push({ template: `${prefix}${entry}`, path: name });
    }
  }
  return out;
}

export function planInit(answers: InitAnswers): PlannedFile[] {
  const m = answers.municipality;
  // Everything lamd writes into the documents is in the workspace's first language.
  const lang = documentLanguage(answers.reportLanguages[0]);
  const partners = partnerEntries(answers.partners, m.country, m.slug, lang);
  const municipality: MunicipalityAnswers = { ...m, ...(partners[0] ? { localPartner: partners[0].id } : {}) };
  // The examples describe coordinating the municipality's work on migration: their targets must say so.
  const goal = exampleGoal(answers.sdgs);
  const fitting = [...new Set(answers.sdgs.flatMap((g) => exampleTargetsOf(g, 2)))].slice(0, 6);
  const practiceTargets = fitting.length ? fitting : exampleTargetsOf(goal, 2);
  const view: View = {
    ...municipalityView(municipality, lang),
    // The language of the texts lamd writes, recorded where it is the workspace's: where lamd falls
    // back to English, the partners' own texts will be in the workspace's language, and a report
    // would mark them as English.
    contentLanguage: lang === answers.reportLanguages[0] ? lang : undefined,
    network: answers.network ?? render(lang, t('scaffold.default-network')),
    hasPartners: partners.length > 0,
    partners,
    start: answers.start,
    end: answers.end,
    reportLanguages: answers.reportLanguages,
    lamdVersion: answers.lamdVersion,
    lamdPackage: answers.lamdPackage,
    sdgs: answers.sdgs.map((goal) => goalView(goal, lang)),
    sdgGoal: goal,
    sdgGoalTargets: exampleTargetsOf(goal),
    sdgTargets: practiceTargets,
    exampleDepartmentName: render(lang, t('scaffold.example-department', { name: nameIn(localizedName(m.name, m.latinName, m.languages), lang) })),
    // The messages of .github/lamd-package.mjs; `{code}` is filled in by the script when it runs.
    ciUnreadable: render(lang, t('scaffold.ci.unreadable', { code: '{code}' })),
    ciNoPackage: render(lang, t('scaffold.ci.no-package')),
    exampleAssociationName: render(lang, t('scaffold.example-association', { name: nameIn(localizedName(m.name, m.latinName, m.languages), lang) })),
  };

  const files: PlannedFile[] = [];
  for (const { template, path } of templateTree(join(templatesDir(), 'workspace'))) {
    const body = renderTemplate(`workspace/${template}`, view, lang);
    const kind = WORKSPACE_DOCUMENTS[path];
    files.push({ path, content: kind ? withModeline(kind, path, body) : body });
  }
  const folder = `municipalities/${m.slug}`;
  const document = (kind: DocumentKind, path: string, template: string) => files.push({ path, content: withModeline(kind, path, renderTemplate(template, view, lang)) });
  document('profile', `${folder}/profile.yaml`, 'municipality/profile.yaml');
  document('practice', `${folder}/practices/${EXAMPLE_PRACTICE}.yaml`, 'examples/practice.yaml');
  document('roadmap', `${folder}/roadmaps/${EXAMPLE_ROADMAP}.yaml`, 'examples/roadmap.yaml');
  files.push(...schemaCopyFiles());
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
