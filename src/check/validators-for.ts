// Loads the schema validators a check needs, each kind's module only when a document of that kind is
// checked (one road map named: a sixth of the code to compile).
import type { DocumentKind } from '../workspace/kinds.js';
import type { CompiledValidator } from './validators.js';

const ONE_KIND: Record<DocumentKind, () => Promise<Record<string, unknown>>> = {
  // @ts-expect-error -- generated JavaScript without type declarations
  workspace: () => import('./generated/validator-workspace.js'),
  // @ts-expect-error -- generated JavaScript without type declarations
  profile: () => import('./generated/validator-profile.js'),
  // @ts-expect-error -- generated JavaScript without type declarations
  practice: () => import('./generated/validator-practice.js'),
  // @ts-expect-error -- generated JavaScript without type declarations
  roadmap: () => import('./generated/validator-roadmap.js'),
  // @ts-expect-error -- generated JavaScript without type declarations
  stakeholders: () => import('./generated/validator-stakeholders.js'),
  // @ts-expect-error -- generated JavaScript without type declarations
  activity: () => import('./generated/validator-activity.js'),
  // @ts-expect-error -- generated JavaScript without type declarations
  progress: () => import('./generated/validator-progress.js'),
};

/** The validators of `kinds`, by kind. */
export async function validatorsFor(kinds: ReadonlySet<DocumentKind>): Promise<Partial<Record<DocumentKind, CompiledValidator>>> {
  const loaded = await Promise.all([...kinds].map(async (kind) => [kind, (await ONE_KIND[kind]())[kind] as CompiledValidator] as const));
  return Object.fromEntries(loaded);
}
