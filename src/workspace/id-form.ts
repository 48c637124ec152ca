// The form of an id (common.schema.json#/$defs/slug): what lamd new derives and checks, and what a
// rule may suggest, since ids become file and folder names.

/** Longest id the schemas accept. */
export const MAX_ID_LENGTH = 64;

/** Lowercase a-z, digits and single hyphens. */
export const ID_FORM = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Names Windows reserves for devices: a folder or file called so cannot be created or opened there. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([
  'con', 'prn', 'aux', 'nul',
  ...Array.from({ length: 9 }, (_, i) => `com${i + 1}`),
  ...Array.from({ length: 9 }, (_, i) => `lpt${i + 1}`),
]);

/** Whether `value` is an id the schemas accept and every file system can name a file after. */
export function isSafeId(value: string): boolean {
  return value.length <= MAX_ID_LENGTH && ID_FORM.test(value) && !RESERVED_NAMES.has(value);
}
