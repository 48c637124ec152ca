// The calendar rules name a phase in the run's language, as dates/calendar does ("phase 3 (road maps)"),
// never by its lamd.yaml key dropped into a sentence ("la phase roadmap", "la fase final termina").
import { describe, expect, it } from 'vitest';
import { PHASES } from '../../src/calendar/phases.js';
import { catalogue, MESSAGE_LANGUAGES, render, t } from '../../src/i18n/messages.js';

/** How each language names the road-map phase, the one dates/calendar already words. */
const ROADMAP = { en: 'phase 3 (road maps)', fr: 'phase 3 (feuilles de route)', it: 'fase 3 (road map)' } as const;

/** The keys that read as words of the language itself, so only a key set in code marks is wrong there. */
const KEY_ALSO_A_WORD: Readonly<Record<string, readonly string[]>> = { en: ['preparatory', 'capitalization', 'final'], fr: [], it: [] };

const VALUES = { slug: 'tangier', date: '2023-01-01', earlierDate: '2022-12-31', end: '2023-02-28', networkEnd: '2022-12-31', length: 30, days: 59, ahead: 1, peers: 1, noted: 'no' };
/** `earlier` is the earlier phase in the order messages, a count of peers in later-than-peers. */
const earlierOf = (source: string) => (/\{earlier, select\b/.test(source) ? 'capitalization' : 1);

describe('calendar messages name the phase in the run’s language', () => {
  for (const lang of MESSAGE_LANGUAGES) {
    const sources = Object.entries(catalogue(lang)).filter(([id, source]) => id.startsWith('calendar/') && /\{(phase|earlier)\b/.test(source));
    const ids = sources.map(([id]) => id);
    const values = (id: string, phase: string) => ({ ...VALUES, earlier: earlierOf(catalogue(lang)[id]!), phase });

    it(`${lang}: no lamd.yaml phase key in a sentence, outside code marks`, () => {
      expect(ids.length).toBeGreaterThan(5);
      const wrong: string[] = [];
      for (const id of ids) {
        for (const phase of PHASES) {
          const out = render(lang, t(id, values(id, phase))).replace(/`[^`]*`/g, '``');
          const keys = PHASES.filter((k) => !KEY_ALSO_A_WORD[lang]!.includes(k));
          const raw = keys.filter((k) => new RegExp(`(^|[^\\p{L}])${k}([^\\p{L}]|$)`, 'u').test(out));
          if (raw.length > 0) wrong.push(`${id} (${phase}): ${raw.join(', ')} in “${out}”`);
        }
      }
      expect(wrong).toEqual([]);
    });

    it(`${lang}: the road-map phase is worded as dates/calendar words it`, () => {
      const missing = ids.filter((id) => !render(lang, t(id, values(id, 'roadmap'))).includes(ROADMAP[lang]));
      expect(missing).toEqual([]);
    });
  }
});
