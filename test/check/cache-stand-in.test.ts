// A road map the cache places from its packed summary answers the summary's keys as the parsed road
// map does, without parsing it, and parses it for anything else.
import jsyaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/workspace/source.js';
import { lazyRoadmap, packedScalar, packSummary, standIn, summarize, SUMMARY_KEYS, unpackSummary } from '../../src/check/stand-in.js';

const KEYS = [...SUMMARY_KEYS];
/** What a summary key may hold: short scalars (kept), and what is not kept (a long string, a list, a mapping). */
const VALUES: unknown[] = ['roadmap', '', 'x'.repeat(200), 'x'.repeat(201), 0, 2, 1.5, true, false, null, ['a'], { a: 1 }];

/** Every road map of one or two summary keys with each kind of value, and some with none. */
function* roadmaps(): Generator<Record<string, unknown>> {
  yield {};
  yield { objectives: [] };
  for (const [i, key] of KEYS.entries()) {
    for (const value of VALUES) {
      yield { [key]: value, objectives: [] };
      const next = KEYS[(i + 1) % KEYS.length]!;
      for (const other of VALUES.slice(0, 4)) yield { [next]: other, [key]: value };
    }
  }
}

describe('a road map placed from its packed summary', () => {
  it('answers every summary key as the road map itself, unparsed, and parses it for any other key', () => {
    let cases = 0;
    for (const value of roadmaps()) {
      const packed = packSummary(summarize(value));
      expect(unpackSummary(packed)).toEqual(summarize(value));
      for (const key of KEYS) {
        let parses = 0;
        const doc = lazyRoadmap('r.yaml', undefined, packed, () => (parses++, structuredClone(value)));
        expect(doc.value[key], `${key} of ${JSON.stringify(value)}`).toEqual(value[key]);
        const scalar = summarize(value).scalars[key];
        expect(packedScalar(packed, key)).toBe(scalar);
        // A key the summary holds as a short scalar, or does not hold at all, is answered without parsing.
        const answered = scalar !== undefined || !Object.hasOwn(value, key);
        expect(parses, `${key} of ${JSON.stringify(value)}`).toBe(answered ? 0 : 1);
        expect(doc.materialized).toBe(!answered);
        expect(doc.value.objectives).toEqual(value.objectives);
        expect(parses).toBe(1);
        cases++;
      }
    }
    expect(cases).toBeGreaterThan(300);
  });

  it("answers from a road map's bytes as the loader reads them (standIn: a road map a parallel check's worker read)", () => {
    let cases = 0;
    for (const value of roadmaps()) {
      // The bytes a worker read, and the road map the loader makes of them.
      const bytes = Buffer.from(jsyaml.dump({ kind: 'roadmap', ...value, owner: 'unit' }));
      const parsed = parseSource('r.yaml', bytes).value as Record<string, unknown>;
      let reads = 0;
      const doc = standIn('r.yaml', 'r.yaml', summarize(parsed), () => (reads++, bytes));
      expect(reads).toBe(0);
      for (const key of KEYS) {
        const before = reads;
        expect(doc.value[key], `${key} of ${JSON.stringify(parsed)}`).toEqual(parsed[key]);
        // Short scalars and absent keys come from the summary, without reading; anything else reads the bytes, once.
        const answered = summarize(parsed).scalars[key] !== undefined || !Object.hasOwn(parsed, key);
        expect(reads, `${key} of ${JSON.stringify(parsed)}`).toBe(answered ? before : 1);
      }
      expect(doc.value.owner).toBe('unit');
      expect(doc.value.objectives).toEqual(parsed.objectives);
      expect(reads).toBe(1);
      cases++;
    }
    expect(cases).toBeGreaterThan(100);
  });
});
