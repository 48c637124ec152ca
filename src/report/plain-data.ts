// The data templates see: a deep copy of a view holding only JSON data (plainData). The catalogue's
// tree of formatted messages, already such data and frozen, is shared instead of copied: it is most
// of every view, and copying it for each report was most of the copy's cost.
import { randomUUID } from 'node:crypto';

const shared = new WeakSet<object>();
/** Stands for a shared object in the copy's JSON: unguessable, so no key of the workspace's data is taken for it. */
const SHARED_KEY = `\u0000lamd-shared-${randomUUID()}`;

/**
 * Marks `value` as plainData's to share: it must hold only JSON data (strings, numbers, lists, objects)
 * and be deeply frozen, as every view then holds the very same object.
 */
export function sharePlainData<T extends object>(value: T): T {
  shared.add(value);
  return value;
}

/**
 * A deep copy holding only JSON data, so whatever a view builder left in, templates see plain values.
 * An `undefined` value becomes `null` rather than disappearing: a key that is present stops Mustache's
 * lookup at that context, where an absent one would let `{{#clusters}}` inside an activity find the
 * report's own `clusters` further up the stack. View types therefore declare every key (`T | undefined`).
 */
export function plainData(value: unknown): unknown {
  const kept: object[] = [];
  const text = JSON.stringify(value ?? {}, (_key, v: unknown) => {
    if (v === undefined) return null;
    if (typeof v === 'object' && v !== null && shared.has(v)) return { [SHARED_KEY]: kept.push(v) - 1 };
    return v;
  });
  if (kept.length === 0) return JSON.parse(text) as unknown;
  return JSON.parse(text, (_key, v: unknown) => (typeof v === 'object' && v !== null && Object.hasOwn(v, SHARED_KEY) ? kept[(v as Record<string, number>)[SHARED_KEY]!] : v)) as unknown;
}
