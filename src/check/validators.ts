// The schema validators, compiled ahead of time by scripts/compile-schemas.mjs: every kind's at
// once (`validators`), or only those a run needs (validatorsFor).
import type { DocumentKind } from '../workspace/kinds.js';
// @ts-expect-error -- generated JavaScript without type declarations
import * as generated from './generated/validators.js';
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

export const validators = generated as unknown as Record<DocumentKind, CompiledValidator>;
