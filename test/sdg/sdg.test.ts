// The SDG reference module against the shipped data, and `lamd sdg` run in-process with a fake terminal.
import { describe, expect, it, vi } from 'vitest';
import { describeIds, parseQuery, run, wrap, type SdgOptions } from '../../src/cli/commands/sdg.js';
import type { CliIO } from '../../src/cli/io.js';
import { UsageError } from '../../src/errors.js';
import {
  SDG_LANGUAGES,
  compareSdgIds,
  findGoal,
  findIndicator,
  findTarget,
  indicatorRepeats,
  indicatorsOfTarget,
  isSdgLanguageCode,
  isTarget,
  loadSdg,
  migrationRelevance,
  migrationTargets,
  targetsOfGoal,
  titleLanguage,
} from '../../src/reference/sdg.js';
import { SDG_CODE_LIST_VERSION } from '../../src/version.js';
import { captureIO } from '../helpers/lamd.js';

describe('the SDG code list', () => {
  for (const lang of SDG_LANGUAGES) {
    it(`has 17 goals, 169 targets and 252 indicator entries in ${lang}`, () => {
      const list = loadSdg(lang);
      expect(list.language).toBe(lang);
      expect(list.goals).toHaveLength(17);
      expect(list.targets).toHaveLength(169);
      expect(list.indicators).toHaveLength(252);
    });

    it(`uses the same ids in ${lang} as in English`, () => {
      const ids = (l: typeof lang) => {
        const list = loadSdg(l);
        return [...list.goals, ...list.targets, ...list.indicators].map((e) => e.id);
      };
      expect(ids(lang)).toEqual(ids('en'));
    });
  }

  it('finds goals, targets and indicators by the ids the UN writes', () => {
    expect(findGoal('10')).toMatchObject({ id: '10', short: 'Reduced inequalities' });
    expect(findTarget('10.7')?.title).toMatch(/^Facilitate orderly, safe, regular and responsible migration/);
    expect(findTarget('10.c')).toMatchObject({ id: '10.c', goal: '10' });
    expect(findIndicator('10.7.2')).toMatchObject({ id: '10.7.2', targets: ['10.7'] });
    expect(findGoal('18')).toBeUndefined();
    expect(findTarget('10.99')).toBeUndefined();
    expect(findIndicator('10.7.9')).toBeUndefined();
  });

  it('gives the titles in the language asked for', () => {
    expect(findGoal('10', 'it')?.short).toBe('Riduzione delle disuguaglianze');
    expect(findTarget('10.7', 'fr')?.title).toMatch(/^Faciliter la migration/);
    expect(findTarget('10.7', 'es')?.title).toMatch(/^Facilitar la migración/);
    expect(findTarget('10.7', 'ar')?.title).toMatch(/الهجرة/);
  });

  it('lists the targets of a goal and the indicators of a target in order', () => {
    expect(targetsOfGoal('10').map((t) => t.id)).toEqual(['10.1', '10.2', '10.3', '10.4', '10.5', '10.6', '10.7', '10.a', '10.b', '10.c']);
    expect(indicatorsOfTarget('10.7').map((i) => i.id)).toEqual(['10.7.1', '10.7.2', '10.7.3', '10.7.4']);
    expect(targetsOfGoal('17')).toHaveLength(19);
    expect(targetsOfGoal('18')).toEqual([]);
    expect(indicatorsOfTarget('10.99')).toEqual([]);
  });

  it('knows which ids are targets', () => {
    expect(isTarget('10.c')).toBe(true);
    expect(isTarget('10.7')).toBe(true);
    expect(isTarget('10.99')).toBe(false);
    expect(isTarget('10')).toBe(false);
    expect(isTarget('10.7.2')).toBe(false);
    expect(isTarget('__proto__')).toBe(false);
  });

  it('knows the targets of the index when asked before the index is built (as lamd validate asks)', async () => {
    vi.resetModules();
    const fresh = await import('../../src/reference/sdg.js');
    const ids = loadSdg('en').targets.map((t) => t.id);
    for (const id of ids) expect(fresh.isTarget(id), id).toBe(true);
    expect(fresh.isTarget('10.99')).toBe(false);
    // Built afterwards, the index lists the same targets.
    expect(fresh.loadSdg('en').targets.map((t) => t.id)).toEqual(ids);
  });

  it('finds the same indicator repeated under other numbers', () => {
    expect(indicatorRepeats('1.5.1').map((r) => r.id)).toEqual(['11.5.1', '13.1.1']);
    expect(indicatorRepeats('13.1.1', 'fr').map((r) => [r.id, r.target])).toEqual([['1.5.1', '1.5'], ['11.5.1', '11.5']]);
    expect(indicatorRepeats('10.7.2')).toEqual([]);
  });

  it('gives every title in composed form (NFC), as people type it', () => {
    for (const lang of SDG_LANGUAGES) {
      const list = loadSdg(lang);
      for (const e of [...list.goals, ...list.targets, ...list.indicators]) expect(e.title.normalize('NFC'), `${lang} ${e.id}`).toBe(e.title);
    }
  });

  it('orders ids as the UN lists them', () => {
    expect(['10.a', '2', '10', '17.10', '17.9', '10.7', '1.5.1', '10.7.2'].sort(compareSdgIds)).toEqual(['1.5.1', '2', '10', '10.7', '10.7.2', '10.a', '17.9', '17.10']);
    expect(loadSdg('en').targets.map((t) => t.id)).toEqual(loadSdg('en').targets.map((t) => t.id).sort(compareSdgIds));
  });

  it('accepts Albanian and falls back to English titles', () => {
    expect(isSdgLanguageCode('sq')).toBe(true);
    expect(isSdgLanguageCode('de')).toBe(false);
    expect(titleLanguage('sq')).toBe('en');
    expect(loadSdg('sq').language).toBe('en');
    expect(findGoal('10', 'sq')?.short).toBe('Reduced inequalities');
  });

  it('reads each language once', () => {
    expect(loadSdg('it')).toBe(loadSdg('it'));
    expect(Object.isFrozen(loadSdg('en').targets)).toBe(true);
  });
});

describe('the migration-relevant targets', () => {
  const list = migrationTargets();

  it('lists direct and related targets, each a real target with a reason', () => {
    expect(list.direct.length).toBeGreaterThan(0);
    expect(list.related.length).toBeGreaterThan(0);
    for (const t of [...list.direct, ...list.related]) {
      expect(isTarget(t.id), t.id).toBe(true);
      expect(t.reason.trim(), t.id).not.toBe('');
    }
    expect(list.direct.map((t) => t.id)).toContain('10.7');
    expect(list.direct.map((t) => t.id)).toContain('10.c');
  });

  it('puts no target in both lists, nor twice in one', () => {
    const ids = [...list.direct, ...list.related].map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('says whether and why a target is relevant', () => {
    expect(migrationRelevance('10.7')).toMatchObject({ relevance: 'direct' });
    expect(migrationRelevance('10.2')).toMatchObject({ relevance: 'related' });
    expect(migrationRelevance('10.1')).toBeUndefined();
  });
});

// ---- lamd sdg, in-process ----

function terminal(overrides: Partial<CliIO> = {}) {
  const captured = captureIO(process.cwd());
  return { io: { ...captured, ...overrides }, stdout: () => captured.out, stderr: () => captured.err };
}

async function sdg(query: string | undefined, options: SdgOptions = {}, overrides: Partial<CliIO> = {}) {
  const t = terminal(overrides);
  const status = await run(t.io, {}, query, options);
  return { status, stdout: t.stdout(), stderr: t.stderr() };
}

async function sdgJson(query: string | undefined, options: SdgOptions = {}) {
  const result = await sdg(query, { ...options, json: true });
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as Record<string, any>;
}

describe('lamd sdg (in-process)', () => {
  it('lists the 17 goals, one per line, with short name and title', async () => {
    const result = await sdg(undefined);
    expect(result.status).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(17);
    expect(lines[9]).toMatch(/^10\s+Reduced inequalities\s+Reduce inequality within and among countries$/);
  });

  it('shows a goal and its targets', async () => {
    const result = await sdg('10');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Goal 10: Reduced inequalities\nReduce inequality within and among countries\n\n10\.1 /);
    expect(result.stdout).toMatch(/\n10\.7  Facilitate orderly/);
    expect(result.stdout).toMatch(/\n10\.c  By 2030, reduce to less than 3 per cent/);
    expect(result.stderr).toMatch(/Migration-relevant: 10\.7, 10\.c \(direct\); 10\.2, 10\.3 \(related\)/);
  });

  it('shows a target, whether it is migration-relevant, and its indicators', async () => {
    const result = await sdg('10.7');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Target 10\.7 \(goal 10: Reduced inequalities\)\nFacilitate orderly/);
    expect(result.stdout).toMatch(/\nMigration-relevant \(direct\): /);
    for (const id of ['10.7.1', '10.7.2', '10.7.3', '10.7.4']) expect(result.stdout).toMatch(new RegExp(`\\n${id.replaceAll('.', '\\.')}  `));
  });

  it('shows an indicator and its target, and where else it is listed', async () => {
    const result = await sdg('10.7.2');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Indicator 10\.7\.2 \(target 10\.7, goal 10: Reduced inequalities\)\nNumber of countries with migration policies/);
    expect(result.stdout).toMatch(/\n10\.7  Facilitate orderly/);
    const repeated = await sdg('1.5.1');
    expect(repeated.stdout).toMatch(/also listed as 11\.5\.1 \(target 11\.5\) and 13\.1\.1 \(target 13\.1\)\./);
  });

  it('forgives case, an SDG prefix and leading zeros', async () => {
    expect(parseQuery('10.C')).toEqual({ kind: 'target', id: '10.c' });
    expect(parseQuery(' SDG 10 ')).toEqual({ kind: 'goal', id: '10' });
    expect(parseQuery('sdg10.7.2')).toEqual({ kind: 'indicator', id: '10.7.2' });
    expect(parseQuery('10.07')).toEqual({ kind: 'target', id: '10.7' });
  });

  describe('a lookup that finds nothing: exit 2, the message says what exists', () => {
    const cases: [string, string][] = [
      ['18', 'lamd: There is no SDG goal 18. The goals are 1–17.\n'],
      ['0', 'lamd: There is no SDG goal 0. The goals are 1–17.\n'],
      ['10.99', 'lamd: There is no SDG target 10.99. Goal 10 has targets 10.1–10.7, 10.a–10.c.\n'],
      ['18.1', 'lamd: There is no SDG target 18.1: there is no goal 18. The goals are 1–17.\n'],
      ['10.7.9', 'lamd: There is no SDG indicator 10.7.9. Target 10.7 has indicators 10.7.1–10.7.4.\n'],
      ['10.9.1', 'lamd: There is no SDG indicator 10.9.1: there is no target 10.9. Goal 10 has targets 10.1–10.7, 10.a–10.c.\n'],
    ];
    for (const [query, message] of cases) {
      it(`lamd sdg ${query}`, async () => {
        const result = await sdg(query);
        expect(result).toEqual({ status: 2, stdout: '', stderr: message });
      });
    }

    it('prints nothing on stdout under --json either', async () => {
      expect(await sdg('10.99', { json: true })).toMatchObject({ status: 2, stdout: '' });
    });
  });

  it('rejects a query that is no SDG id as a usage error (exit 2)', async () => {
    for (const query of ['abc', '', '10.7.a', '10..7', '1234', '10.7.2.1']) {
      await expect(sdg(query), query).rejects.toThrow(UsageError);
    }
    await expect(sdg('abc')).rejects.toThrow(/`abc` is not an SDG goal, target or indicator/);
  });

  it('lists the migration-relevant targets, direct and related, with titles and reasons', async () => {
    const result = await sdg(undefined, { migration: true });
    expect(result.status).toBe(0);
    const [direct, related] = result.stdout.split(/\nRelated: /);
    expect(direct).toMatch(/^Migration-relevant SDG targets\n\nDirect: /);
    expect(direct).toMatch(/\n10\.7   Facilitate orderly.*\n\s+Why: orderly, safe, regular/);
    expect(related).toMatch(/\n1\.3 {3}/);
    // Listed in the UN's order, not the file's (8.5 comes first in migration-targets.json).
    const ids = [...related!.matchAll(/^(\d+\.\w+)\s/gm)].map((m) => m[1]!);
    expect(ids).toEqual([...ids].sort(compareSdgIds));
  });

  it('filters the migration-relevant targets by goal', async () => {
    const json = await sdgJson('10', { migration: true });
    expect(json.view).toBe('migration');
    expect(json.goal).toMatchObject({ id: '10' });
    expect(json.direct.map((t: { id: string }) => t.id)).toEqual(['10.7', '10.c']);
    expect(json.related.map((t: { id: string }) => t.id)).toEqual(['10.2', '10.3']);
    expect(json.direct[0].migration).toMatchObject({ relevance: 'direct' });
  });

  it('answers a goal without migration-relevant targets with an empty list and exit 0', async () => {
    const result = await sdg('7', { migration: true });
    expect(result).toMatchObject({ status: 0, stdout: '' });
    expect(result.stderr).toMatch(/Goal 7 has no migration-relevant targets/);
    expect(await sdgJson('7', { migration: true })).toMatchObject({ direct: [], related: [] });
  });

  it('refuses --migration with a target or an unknown goal', async () => {
    await expect(sdg('10.7', { migration: true })).rejects.toThrow(/--migration takes a goal/);
    expect(await sdg('18', { migration: true })).toMatchObject({ status: 2, stderr: /There is no SDG goal 18/ });
  });

  it('gives titles in another language', async () => {
    const result = await sdg('10', { lang: 'it' });
    expect(result.stdout).toMatch(/^Goal 10: Riduzione delle disuguaglianze\nRidurre la disuguaglianza/);
    expect((await sdg('10.7', { lang: 'FR' })).stdout).toMatch(/Faciliter la migration/);
    expect((await sdg('10.7', { lang: 'es-ES' })).stdout).toMatch(/Facilitar la migración/);
  });

  it('prints Arabic as it is, spaces tidied', async () => {
    const result = await sdg('10.7', { lang: 'ar' });
    expect(result.stdout).toContain(findTarget('10.7', 'ar')!.title.replace(/\s+/g, ' ').trim());
    expect(result.stdout).not.toMatch(/[\u200e\u200f\u202a-\u202e]/);
  });

  it('shows English for Albanian, and says so on stderr', async () => {
    const result = await sdg('10', { lang: 'sq' });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Goal 10: Reduced inequalities/);
    expect(result.stderr).toMatch(/no SDG titles in Albanian \(sq\) yet; showing them in English/);
    const json = await sdgJson('10', { lang: 'sq' });
    expect(json).toMatchObject({ language: 'en', requestedLanguage: 'sq' });
  });

  it('refuses an unknown language with exit 2, listing the valid ones', async () => {
    await expect(sdg(undefined, { lang: 'de' })).rejects.toThrow(UsageError);
    await expect(sdg(undefined, { lang: 'de' })).rejects.toThrow("There are no SDG titles in `de`. Choose one of: en, it, fr, ar, es, sq");
  });

  describe('--json', () => {
    it('names the code list, the language and the view on every answer', async () => {
      for (const [query, options, view] of [
        [undefined, {}, 'goals'],
        ['10', {}, 'goal'],
        ['10.7', {}, 'target'],
        ['10.7.2', {}, 'indicator'],
        [undefined, { migration: true }, 'migration'],
      ] as const) {
        const json = await sdgJson(query, options);
        expect(json).toMatchObject({ formatVersion: 1, codeList: SDG_CODE_LIST_VERSION, language: 'en', requestedLanguage: 'en', view, query: query ?? null });
      }
    });

    it('has a stable shape per view', async () => {
      const goals = await sdgJson(undefined);
      expect(goals.goals).toHaveLength(17);
      expect(Object.keys(goals.goals[0])).toEqual(['id', 'short', 'title']);

      const goal = await sdgJson('10');
      expect(goal.targets).toHaveLength(10);
      expect(goal.targets[0]).toEqual({ id: '10.1', goal: '10', title: findTarget('10.1')!.title, migration: null });

      const target = await sdgJson('10.7', { lang: 'ar' });
      expect(target.target.title).toBe(findTarget('10.7', 'ar')!.title);
      expect(target.goal.id).toBe('10');
      expect(target.indicators.map((i: { id: string }) => i.id)).toEqual(['10.7.1', '10.7.2', '10.7.3', '10.7.4']);

      const indicator = await sdgJson('11.5.1');
      expect(indicator.indicator).toEqual({ id: '11.5.1', title: findIndicator('11.5.1')!.title, targets: ['11.5'] });
      expect(indicator.targets.map((t: { id: string }) => t.id)).toEqual(['11.5']);
      expect(indicator.alsoListedAs).toEqual([{ id: '1.5.1', target: '1.5' }, { id: '13.1.1', target: '13.1' }]);
    });
  });

  describe('wrapping', () => {
    it('wraps to the terminal width when stdout is a terminal, with a hanging indent', async () => {
      const result = await sdg('10', { columns: 60 }, { stdoutIsTTY: true });
      const lines = result.stdout.trimEnd().split('\n');
      for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(60);
      const at = lines.findIndex((l) => l.startsWith('10.b  '));
      expect(lines[at + 1]).toMatch(/^ {6}\S/);
    });

    it('never wraps when stdout is piped', async () => {
      const result = await sdg('10', { columns: 40 });
      expect(result.stdout).toMatch(/\n10\.b  Encourage official development assistance .* national plans and programmes\n/);
    });

    it('moves titles below the ids on a narrow terminal', async () => {
      const result = await sdg(undefined, { columns: 50 }, { stdoutIsTTY: true });
      const lines = result.stdout.split('\n');
      expect(lines).toContain('9   Industry, innovation and infrastructure');
      for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(50);
    });

    it('keeps a word longer than the line whole', () => {
      expect(wrap('a bb ccc', 3)).toEqual(['a', 'bb', 'ccc']);
      expect(wrap('abcdef gh', 4)).toEqual(['abcdef', 'gh']);
    });

    it('counts a wide character as two cells, as the code frame does, and an accent as none', () => {
      expect(wrap('東京 東京', 5)).toEqual(['東京', '東京']);
      expect(wrap('e\u0301te\u0301 ete', 7)).toEqual(['e\u0301te\u0301 ete']);
    });
  });

  it('describes runs of ids as ranges', () => {
    expect(describeIds(['10.1', '10.2', '10.3', '10.a', '10.b'])).toBe('10.1–10.3, 10.a, 10.b');
    expect(describeIds(['17.6.1'])).toBe('17.6.1');
    expect(describeIds(['1.1', '1.3', '1.4', '1.5'])).toBe('1.1, 1.3–1.5');
  });
});
