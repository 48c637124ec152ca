// "Did you mean": the banded distance agrees with the textbook one, and long input costs nothing.
import { describe, expect, it } from 'vitest';
import { closest, editDistance, MAX_SUGGESTION_INPUT } from '../../src/check/suggest.js';
import { random } from '../fuzz/mutants.js';

/** The full-table optimal-string-alignment distance, as lamd computed it before bounding it. */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}


describe('editDistance', () => {
  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('titel', 'title')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('agrees with the full table whenever the distance is within the limit, and says "over" otherwise', () => {
    const next = random(18);
    const word = (n: number) => Array.from({ length: n }, () => 'abcd'[Math.floor(next() * 4)]).join('');
    for (let k = 0; k < 3000; k++) {
      const a = word(Math.floor(next() * 12));
      const b = word(Math.floor(next() * 12));
      const max = Math.floor(next() * 6);
      const exact = reference(a, b);
      const bounded = editDistance(a, b, max);
      if (exact <= max) expect(bounded, `${a} ${b} ${max}`).toBe(exact);
      else expect(bounded, `${a} ${b} ${max}`).toBe(max + 1);
      expect(editDistance(a, b)).toBe(exact);
    }
  });
});

describe('closest', () => {
  it('suggests likely typos and prefixes, nothing far off', () => {
    expect(closest('titel', ['title', 'summary'])).toBe('title');
    expect(closest('self', ['identified', 'self-assessed'])).toBe('self-assessed');
    expect(closest('zzzzzz', ['title', 'summary'])).toBeUndefined();
    // The first of equally close candidates wins, as before the bound.
    expect(closest('cat', ['bat', 'hat'])).toBe('bat');
    expect(closest('Bologna', ['bologna'])).toBe('bologna');
  });

  it('gives no suggestion for a value longer than a few hundred characters, and does no work for it', () => {
    const long = 'x'.repeat(MAX_SUGGESTION_INPUT + 1);
    expect(closest(long, [long])).toBeUndefined();
    // A million-character value against a thousand million-character ids: instant, because nothing is measured.
    const huge = 'm'.repeat(1_000_000);
    const started = performance.now();
    expect(closest(huge, Array.from({ length: 1000 }, () => huge))).toBeUndefined();
    expect(closest('milan', Array.from({ length: 1000 }, () => huge))).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
