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

/**
 * A summary as a list: which of SUMMARY_KEYS (in their order) it holds as scalars and which as
 * something else, as two bit masks, then the scalars in that order. A third of the header is summaries.
 */
export type PackedSummary = [scalars: number, other: number, ...values: Array<string | number | boolean | null>];

const KEYS = [...SUMMARY_KEYS];
/** Each key's bit in a packed summary. */
const KEY_BIT = new Map(KEYS.map((key, i) => [key, 1 << i]));

export function packSummary(summary: Summary): PackedSummary {
  let scalars = 0;
  let other = 0;
  const values: Array<string | number | boolean | null> = [];
  KEYS.forEach((key, i) => {
    if (Object.hasOwn(summary.scalars, key)) {
      scalars |= 1 << i;
      values.push(summary.scalars[key]!);
    }
    if (summary.other.includes(key)) other |= 1 << i;
  });
  return [scalars, other, ...values];
}

/** The `other` of the summaries that have none (nearly all): one list, never added to. */
const NO_OTHER: string[] = Object.freeze([]) as unknown as string[];

export function unpackSummary(packed: PackedSummary): Summary {
  const [scalars, other] = packed;
  const summary: Summary = { scalars: {}, other: other === 0 ? NO_OTHER : [] };
  let at = 2;
  for (let i = 0; i < KEYS.length; i++) {
    if (scalars & (1 << i)) summary.scalars[KEYS[i]!] = packed[at++]!;
    if (other & (1 << i)) summary.other.push(KEYS[i]!);
  }
  return summary;
}

/** The value a packed summary holds for a key as a scalar; undefined when it holds none. */
export function packedScalar(packed: PackedSummary, key: string): string | number | boolean | null | undefined {
  const bit = KEY_BIT.get(key);
  return bit !== undefined && packed[0] & bit ? packed[2 + bitCount(packed[0] & (bit - 1))] : undefined;
}

function bitCount(n: number): number {
  let count = 0;
  for (let m = n; m !== 0; m &= m - 1) count++;
  return count;
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
  return lazyRoadmap(name, path, packSummary(summary), () => roadmapValueOf(name, read()));
}

/**
 * A road map that answers the summary's keys from the summary and anything else from `whole()`,
 * called once. The cache also wraps loaded road maps in one to learn which of them a check read in
 * full (`materialized`).
 */
export function lazyRoadmap(name: string, path: string | undefined, summary: PackedSummary, whole: () => Record<string, unknown>): StandIn {
  return new LazyRoadmap(name, path, summary, whole);
}

/** What one lazy road map knows; its proxy's handler is shared by all (thousands are made per run). */
interface LazyState {
  full: Record<string, unknown> | undefined;
  /** Packed: the cache keeps summaries so, and answers from them without unpacking two thousand. */
  summary: PackedSummary;
  whole: () => Record<string, unknown>;
}

const parsed = (state: LazyState): Record<string, unknown> => (state.full ??= state.whole());

const LAZY: ProxyHandler<LazyState> = {
  get(state, key) {
    if (state.full) return Reflect.get(state.full, key);
    const bit = typeof key === 'string' ? KEY_BIT.get(key) : undefined;
    if (bit !== undefined) {
      const packed = state.summary;
      if (packed[0] & bit) return packed[2 + bitCount(packed[0] & (bit - 1))];
      // Absent from the document: what a plain object answers.
      if (!(packed[1] & bit)) return Reflect.get(Object.prototype, key);
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
    summary: PackedSummary,
    whole: () => Record<string, unknown>,
  ) {
    if (path !== undefined) this.path = path;
    this.#state = { full: undefined, summary, whole };
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
