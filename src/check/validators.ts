// The schema validators, compiled ahead of time by scripts/compile-schemas.mjs, one module per kind:
// every kind's at once (`validators`); validators-for.ts loads only those a run needs.
import type { DocumentKind } from '../workspace/kinds.js';
// @ts-expect-error -- generated JavaScript without type declarations
import { workspace } from './generated/validator-workspace.js';
// @ts-expect-error -- generated JavaScript without type declarations
import { profile } from './generated/validator-profile.js';
// @ts-expect-error -- generated JavaScript without type declarations
import { practice } from './generated/validator-practice.js';
// @ts-expect-error -- generated JavaScript without type declarations
import { roadmap } from './generated/validator-roadmap.js';
// @ts-expect-error -- generated JavaScript without type declarations
import { stakeholders } from './generated/validator-stakeholders.js';
// @ts-expect-error -- generated JavaScript without type declarations
import { activity } from './generated/validator-activity.js';
// @ts-expect-error -- generated JavaScript without type declarations
import { progress } from './generated/validator-progress.js';
export { refDescriptions } from './ref-descriptions.js';

export interface AjvError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
  parentSchema?: Record<string, unknown>;
  data?: unknown;
}

export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: AjvError[] | null;
}

export const validators = { workspace, profile, practice, roadmap, stakeholders, activity, progress } as Record<DocumentKind, CompiledValidator>;
