// Loads the schema validators a check needs: one kind's module alone when the documents it checks
// are all of that kind (one road map named: a sixth of the code to compile), else every kind's.
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
  if (kinds.size === 0) return {};
  if (kinds.size === 1) {
    const [kind] = kinds as unknown as [DocumentKind];
    return { [kind]: (await ONE_KIND[kind]())[kind] as CompiledValidator };
  }
  return (await import('./validators.js')).validators;
}
