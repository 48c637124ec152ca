// The corrections lamd made to the vendored SDG data (data/sdg/SOURCES.md, "Corrections made in lamd")
// stay made, and each is recorded there.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/lamd.js';

interface SdgFile {
  goals: { id: string; title: string; short: string }[];
  targets: { id: string; title: string }[];
  indicators: { id: string; title: string }[];
}
const read = (lang: string) => JSON.parse(readFileSync(join(REPO, 'data/sdg', `sdg.${lang}.json`), 'utf8')) as SdgFile;
const SOURCES = readFileSync(join(REPO, 'data/sdg/SOURCES.md'), 'utf8');

describe('corrections to the vendored SDG data', () => {
  const fr = read('fr');
  const ar = read('ar');

  it('French: goal 8 is "Travail décent et croissance économique"', () => {
    expect(fr.goals.find((g) => g.id === '8')!.short).toBe('Travail décent et croissance économique');
    expect(SOURCES).toContain('Travaux décent et croissance économique');
  });

  it('French: indicator 10.7.2 has no English word left', () => {
    const title = fr.indicators.find((i) => i.id === '10.7.2')!.title.normalize('NFC');
    expect(title).toMatch(/régulière et responsable$/);
    expect(JSON.stringify(fr)).not.toMatch(/\bresponsible\b/);
    expect(SOURCES).toContain('responsible');
  });

  it('Arabic: no title keeps tatweel (U+0640) stretching its words', () => {
    const texts = [...ar.goals.flatMap((g) => [g.title, g.short]), ...ar.targets.map((t) => t.title), ...ar.indicators.map((i) => i.title)];
    expect(texts.length).toBeGreaterThan(400);
    expect(texts.filter((t) => t.includes('\u0640'))).toEqual([]);
    expect(SOURCES).toContain('U+0640');
  });
});
