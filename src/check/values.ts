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

/**
 * Items of a list with their JSON Pointer, skipping items that are not mappings. An array rather than
 * a generator: every rule walks lists this way, and a generator's steps cost several times a loop's
 * before V8 has optimised them, which on a cold run it mostly has not. The list's pointer is
 * `pointer`, or with `key`, `${pointer}/${key}` (see childPointer): how a rule names a list under an
 * item whose pointer it was given, `objects(o.indicators, p, 'indicators')`.
 */
export function objects(value: unknown, pointer: string, key?: string): Array<[Obj, string]> {
  const out: Array<[Obj, string]> = [];
  if (!Array.isArray(value)) return out;
  let pointers: string[] | undefined;
  for (let i = 0; i < value.length; i++) {
    const item = obj(value[i]);
    if (item) out.push([item, (pointers ??= itemPointers(listPointer(pointer, key), value.length))[i]!]);
  }
  return out;
}

/** Strings of a list with their JSON Pointer (an array, as objects gives; `key` as there). */
export function strings(value: unknown, pointer: string, key?: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  if (!Array.isArray(value)) return out;
  let pointers: string[] | undefined;
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i];
    if (typeof item === 'string') out.push([item, (pointers ??= itemPointers(listPointer(pointer, key), value.length))[i]!]);
  }
  return out;
}

function listPointer(pointer: string, key: string | undefined): string {
  return key === undefined ? pointer : childPointer(pointer, key);
}

/**
 * `${pointer}/${key}`, kept for the run: objects(list, p, 'indicators') under an item's pointer p finds
 * the list's kept pointers without a new string, which looking them up would first copy and hash
 * (`/objectives/0/indicators` for every objective of every road map, by several rules).
 */
function childPointer(pointer: string, key: string): string {
  let children = keptChildren.get(pointer);
  if (children === undefined) {
    children = new Map();
    if (keptChildren.size < MAX_KEPT_LISTS) keptChildren.set(pointer, children);
  }
  let child = children.get(key);
  if (child === undefined) children.set(key, (child = `${pointer}/${key}`));
  return child;
}

const keptChildren = new Map<string, Map<string, string>>();

/**
 * The pointers of a list's first `length` items: kept for the run, up to MAX_KEPT_ITEMS per list and
 * MAX_KEPT_LISTS lists, since every road map has `/actions/0` and `/objectives/1/indicators/0` and the
 * rules walked them all, most of them to find nothing, a new string per item and rule (a tenth of a
 * 2,000-road-map run's allocations). Past either bound, the pointers are made for this call alone.
 */
function itemPointers(pointer: string, length: number): string[] {
  let kept = keptPointers.get(pointer);
  if (kept === undefined) {
    kept = [];
    if (keptPointers.size < MAX_KEPT_LISTS) keptPointers.set(pointer, kept);
  }
  const keep = Math.min(length, MAX_KEPT_ITEMS);
  for (let i = kept.length; i < keep; i++) kept.push(`${pointer}/${i}`);
  if (length <= kept.length) return kept;
  // A longer list than is kept: the kept pointers, then the rest made now.
  const all = kept.slice();
  for (let i = all.length; i < length; i++) all.push(`${pointer}/${i}`);
  return all;
}

const keptPointers = new Map<string, string[]>();
/**
 * Lists whose pointers are kept (and pointers whose children's are), and items per list: a generated
 * workspace's thousands of shapes stop there.
 */
export const MAX_KEPT_LISTS = 10_000;
export const MAX_KEPT_ITEMS = 1_000;
