// Defensive readers for document values: workspace checks run on documents that may have failed
// the schema, so every access tolerates a value of the wrong type.

export type Obj = Record<string, unknown>;

export function obj(value: unknown): Obj | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Obj) : undefined;
}

export function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Items of a list with their JSON Pointer, skipping items that are not mappings. */
export function* objects(value: unknown, pointer: string): Generator<[Obj, string]> {
  const items = arr(value);
  for (let i = 0; i < items.length; i++) {
    const item = obj(items[i]);
    if (item) yield [item, `${pointer}/${i}`];
  }
}

/** Strings of a list with their JSON Pointer. */
export function* strings(value: unknown, pointer: string): Generator<[string, string]> {
  const items = arr(value);
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (typeof item === 'string') yield [item, `${pointer}/${i}`];
  }
}
