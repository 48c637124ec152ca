// A road map known without parsing it: its id, slug and flags from a summary, its whole text parsed
// only if a check reads further. Used by the cache and by the parallel check, whose main thread
// knows the road maps the workers read.
import type { LoadedDocument } from '../workspace/load.js';
import { roadmapValueOf } from '../workspace/source.js';

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
  return lazyRoadmap(name, path, summary, () => roadmapValueOf(name, read()));
}

/**
 * A road map that answers the summary's keys from the summary and anything else from `whole()`,
 * called once. The cache also wraps loaded road maps in one to learn which of them a check read in
 * full (`materialized`).
 */
export function lazyRoadmap(name: string, path: string | undefined, summary: Summary, whole: () => Record<string, unknown>): StandIn {
  return new LazyRoadmap(name, path, summary, whole);
}

/** What one lazy road map knows; its proxy's handler is shared by all (thousands are made per run). */
interface LazyState {
  full: Record<string, unknown> | undefined;
  scalars: Summary['scalars'];
  other: readonly string[];
  whole: () => Record<string, unknown>;
}

const parsed = (state: LazyState): Record<string, unknown> => (state.full ??= state.whole());

const LAZY: ProxyHandler<LazyState> = {
  get(state, key) {
    if (state.full) return Reflect.get(state.full, key);
    if (typeof key === 'string') {
      if (Object.hasOwn(state.scalars, key)) return state.scalars[key];
      if (SUMMARY_KEYS.has(key) && !state.other.includes(key)) return Reflect.get(Object.prototype, key);
    }
    return Reflect.get(parsed(state), key);
  },
  has: (state, key) => Reflect.has(parsed(state), key),
  ownKeys: (state) => Reflect.ownKeys(parsed(state)),
  getOwnPropertyDescriptor: (state, key) => Reflect.getOwnPropertyDescriptor(parsed(state), key),
  set: (state, key, value) => Reflect.set(parsed(state), key, value),
  defineProperty: (state, key, descriptor) => Reflect.defineProperty(parsed(state), key, descriptor),
  deleteProperty: (state, key) => Reflect.deleteProperty(parsed(state), key),
};

class LazyRoadmap implements StandIn {
  readonly kind = 'roadmap' as const;
  declare readonly path?: string;
  readonly #state: LazyState;
  readonly #proxy: Record<string, unknown>;

  constructor(
    readonly file: string,
    path: string | undefined,
    summary: Summary,
    whole: () => Record<string, unknown>,
  ) {
    if (path !== undefined) this.path = path;
    this.#state = { full: undefined, scalars: summary.scalars, other: summary.other, whole };
    this.#proxy = new Proxy(this.#state, LAZY) as unknown as Record<string, unknown>;
  }

  get value(): Record<string, unknown> {
    return this.#state.full ?? this.#proxy;
  }

  materialize(): void {
    parsed(this.#state);
  }

  get materialized(): boolean {
    return this.#state.full !== undefined;
  }
}
