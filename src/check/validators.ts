// The shape of the schema validators that scripts/compile-schemas.mjs compiles ahead of time, one
// module per kind; validators-for.ts loads those a run needs.
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
