// Types of scripts/compile-schemas.mjs, for the tests that import it.
export const KINDS: string[];
export const EDITOR_KEYWORDS: string[];
export function loadSchemas(dir?: URL): Array<Record<string, unknown>>;
export function compileSchemas(): void;
export function lengthChecksByCodeUnits(code: string): string;
