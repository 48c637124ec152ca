// Findings' messages are rendered once per distinct Text (src/check/wording.ts): the words must be
// exactly those rendering each Text would give, and two different Texts never share a key.
import { describe, expect, it } from 'vitest';
import { clipMessage } from '../../src/check/clip.js';
import { textKey, wording } from '../../src/check/wording.js';
import { and, render, t, type MessageLanguage, type Text, type TextValue } from '../../src/i18n/messages.js';
import { random } from '../fuzz/mutants.js';

const IDS = ['roadmap/evidence.no-indicator', 'validate.summary-line', 'endorsement/roadmap.none', 'lamd.more-problems'];
const STRINGS = ['objective-1', 'objective-2', '', '1', 'a:b', '3:abc', 'x'.repeat(200), '`q`', 'é'];

function randomText(rand: () => number): Text {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const value = (): TextValue => {
    const r = rand();
    if (r < 0.5) return pick(STRINGS);
    if (r < 0.8) return pick([0, -0, 1, 2, 2082, 1.5, 1e21]);
    if (r < 0.9) return t('cli.note', { note: pick(STRINGS) });
    return and([pick(STRINGS), pick(STRINGS)]);
  };
  // Every value a message may name, so that any id renders.
  return t(pick(IDS), { objective: value(), files: pick([1, 2, 2082]), errors: pick([0, 1]), warnings: pick([0, 3]), more: pick([1, 7]), max: 500 });
}

describe('putting findings into words', () => {
  it('gives the words rendering each Text gives, in every language, however often a Text repeats', () => {
    const rand = random(61);
    for (const language of ['en', 'fr', 'it'] as MessageLanguage[]) {
      const words = wording(language);
      const texts = Array.from({ length: 60 }, () => randomText(rand));
      for (const text of [...texts, ...texts.map((x) => structuredClone(x))]) expect(words(text)).toBe(clipMessage(render(language, text), language));
    }
  });

  it('keys Texts so that two keys are equal only for the same id and values', () => {
    const rand = random(67);
    const seen = new Map<string, Text>();
    let keyed = 0;
    for (let n = 0; n < 2000; n++) {
      const text = randomText(rand);
      const key = textKey(text);
      if (key === undefined) continue;
      keyed++;
      const before = seen.get(key);
      if (before) expect(text).toEqual(before);
      else seen.set(key, text);
    }
    expect(keyed).toBeGreaterThan(500);
    // Parts that would run together without their lengths.
    expect(textKey(t('a', { x: '1', y: '2' }))).not.toBe(textKey(t('a', { x: '1y2', y: '' })));
    expect(textKey(t('a', { x: 1 }))).not.toBe(textKey(t('a', { x: '1' })));
    expect(textKey(t('a', { x: -0 }))).toBeUndefined();
    expect(textKey(t('a', { x: and(['b']) }))).toBeUndefined();
  });
});
