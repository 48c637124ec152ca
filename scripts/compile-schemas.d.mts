// Types of scripts/compile-schemas.mjs, for the tests that import it.
export const KINDS: string[];
export const EDITOR_KEYWORDS: string[];
export function loadSchemas(dir?: URL): Array<Record<string, unknown>>;
export function compileSchemas(): void;
export function schemaCompiler(schemas: Array<Record<string, unknown>>, code?: Record<string, unknown>): import('ajv/dist/2020.js').default;
export function lengthChecksByCodeUnits(code: string): string;
