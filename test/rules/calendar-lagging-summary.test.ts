// calendar/municipality-lagging reports two signs (4.6): a municipality's own phase ending after the
// network's (or most peers'), and due milestones most peers have reached. Its one-line summary, which
// `lamd rules`, `lamd explain` and SARIF's shortDescription print, names both in every language.
import { describe, expect, it } from 'vitest';
import { RULES, ruleSummary } from '../../src/check/rules.js';
import { MESSAGE_LANGUAGES, render } from '../../src/i18n/messages.js';

/** The words each language uses for the two signs: the own phase, and the milestones. */
const SIGNS = { en: ['own phase ends after', 'milestones'], fr: ['propre phase se termine après', 'étapes'], it: ['fase propria termina dopo', 'tappe'] } as const;

describe('calendar/municipality-lagging’s summary', () => {
  const rule = RULES.find((r) => r.id === 'calendar/municipality-lagging')!;
  for (const lang of MESSAGE_LANGUAGES) {
    it(`${lang}: names the own calendar ending late as well as the milestones`, () => {
      const summary = render(lang, ruleSummary(rule));
      expect(SIGNS[lang].filter((words) => !summary.includes(words))).toEqual([]);
    });
  }
});
