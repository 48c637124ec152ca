// A road map known without parsing it: its id, slug and flags from a summary, its whole text parsed
// only if a check reads further. Used by the cache and by the parallel check, whose main thread
// knows the road maps the workers read.
import type { LoadedDocument } from '../workspace/load.js';
import { parseYamlText } from '../workspace/source.js';

/**
 * What a road map's top level holds under the keys other documents' checks read (its id, owner, kind
 * and `example` flag), so a stand-in answers them without parsing: `scalars` holds those that are
 * short scalars, `other` names those that are something else. Every other key parses the file.
 */
export interface Summary {
  scalars: Record<string, string | number | boolean | null>;
  other: string[];
}

/** The keys a summary answers for: absent from both lists means absent from the document. */
export const SUMMARY_KEYS: ReadonlySet<string> = new Set(['kind', 'schema_version', 'id', 'municipality', 'example', 'title']);

export function summarize(value: Record<string, unknown>): Summary {
  const summary: Summary = { scalars: {}, other: [] };
  for (const key of SUMMARY_KEYS) {
    if (!Object.hasOwn(value, key)) continue;
    const v = value[key];
    if (v === null || typeof v === 'number' || typeof v === 'boolean' || (typeof v === 'string' && v.length <= 200)) summary.scalars[key] = v;
    else summary.other.push(key);
  }
  return summary;
}

export interface StandIn extends LoadedDocument {
  /** Parses the file now, so `value` is the document itself from here on. */
  materialize(): void;
  /** Whether anything read past the summary (the file was parsed, or the document handed over). */
  readonly materialized: boolean;
}

/**
 * A road map from its summary; anything more than the summary parses the file as the loader would
 * (js-yaml and the same tree walk), once. Only for files js-yaml alone reads (no slow path).
 */
export function standIn(name: string, path: string, summary: Summary, read: () => Uint8Array): StandIn {
  return lazyRoadmap(name, path, summary, () => parseYamlText(name, new TextDecoder('utf-8', { fatal: true }).decode(read())).value as Record<string, unknown>);
}

/**
 * A road map that answers the summary's keys from the summary and anything else from `whole()`,
 * called once. The cache also wraps loaded road maps in one to learn which of them a check read in
 * full (`materialized`).
 */
export function lazyRoadmap(name: string, path: string | undefined, summary: Summary, whole: () => Record<string, unknown>): StandIn {
  let full: Record<string, unknown> | undefined;
  const parse = (): Record<string, unknown> => (full ??= whole());
  const { scalars } = summary;
  const other = new Set(summary.other);
  const proxy = new Proxy({} as Record<string, unknown>, {
    get(_, key) {
      if (full) return Reflect.get(full, key);
      if (typeof key === 'string') {
        if (Object.hasOwn(scalars, key)) return scalars[key];
        if (SUMMARY_KEYS.has(key) && !other.has(key)) return Reflect.get(Object.prototype, key);
      }
      return Reflect.get(parse(), key);
    },
    has: (_, key) => Reflect.has(parse(), key),
    ownKeys: () => Reflect.ownKeys(parse()),
    getOwnPropertyDescriptor: (_, key) => Reflect.getOwnPropertyDescriptor(parse(), key),
    set: (_, key, value) => Reflect.set(parse(), key, value),
    defineProperty: (_, key, descriptor) => Reflect.defineProperty(parse(), key, descriptor),
    deleteProperty: (_, key) => Reflect.deleteProperty(parse(), key),
  });
  return {
    file: name,
    ...(path !== undefined ? { path } : {}),
    kind: 'roadmap',
    get value() {
      return full ?? proxy;
    },
    materialize() {
      parse();
    },
    get materialized() {
      return full !== undefined;
    },
  };
}
