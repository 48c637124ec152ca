// `lamd sdg` end to end (in-process, standard streams as pipes): exit codes, streams, --json, from a
// folder that is not a workspace (the command needs none).
import { describe, expect, it } from 'vitest';
import { SDG_CODE_LIST_VERSION } from '../../src/version.js';
import { runLamd, tempDir } from '../helpers/lamd.js';

const STACK = /\n\s+at .+:\d+:\d+/;

async function sdg(...args: string[]) {
  const result = await runLamd(['sdg', ...args], { cwd: tempDir() });
  expect(result.stderr).not.toMatch(STACK);
  return result;
}

async function sdgJson(...args: string[]) {
  const result = await sdg(...args, '--json');
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Record<string, any>;
}

describe('lamd sdg', () => {
  it('lists the 17 goals on stdout, one per line when piped', async () => {
    const result = await sdg();
    expect(result.status).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(17);
    expect(lines[9]).toMatch(/^10\s+Reduced inequalities\s+Reduce inequality within and among countries$/);
  });

  it('shows a goal with its targets, a target with its indicators, an indicator with its target', async () => {
    const goal = await sdg('10');
    expect(goal.status).toBe(0);
    expect(goal.stdout).toMatch(/^Goal 10: Reduced inequalities\n/);
    expect(goal.stdout).toMatch(/\n10\.c  By 2030, reduce/);

    const target = await sdg('10.7');
    expect(target.status).toBe(0);
    expect(target.stdout).toMatch(/\n10\.7\.4  Proportion of the population who are refugees/);

    const indicator = await sdg('10.7.2');
    expect(indicator.status).toBe(0);
    expect(indicator.stdout).toMatch(/^Indicator 10\.7\.2 \(target 10\.7, goal 10: Reduced inequalities\)/);
  });

  it('exits 2 with a helpful message when the id does not exist', async () => {
    const target = await sdg('10.99');
    expect(target).toMatchObject({ status: 2, stdout: '' });
    expect(target.stderr).toBe('lamd: There is no SDG target 10.99. Goal 10 has targets 10.1–10.7, 10.a–10.c.\n');
    expect(await sdg('18')).toMatchObject({ status: 2, stderr: 'lamd: There is no SDG goal 18. The goals are 1–17.\n' });
    expect(await sdg('10.7.9', '--json')).toMatchObject({ status: 2, stdout: '' });
  });

  it('exits 2 on a query that is no SDG id, an unknown language or an unknown option', async () => {
    const malformed = await sdg('abc');
    expect(malformed).toMatchObject({ status: 2, stdout: '' });
    expect(malformed.stderr).toMatch(/^lamd: `abc` is not an SDG goal, target or indicator/);

    const language = await sdg('10', '--lang', 'de');
    expect(language.status).toBe(2);
    expect(language.stderr).toMatch(/Choose one of: en, it, fr, ar, es, sq/);

    expect((await sdg('--bogus')).status).toBe(2);
    expect((await sdg('10.7', '--migration')).status).toBe(2);
  });

  it('lists the migration-relevant targets, grouped, and filters them by goal', async () => {
    const all = await sdg('--migration');
    expect(all.status).toBe(0);
    expect(all.stdout).toMatch(/\nDirect: [^\n]*\n[\s\S]*\nRelated: /);
    expect(all.stdout).toMatch(/\n10\.7 +Facilitate orderly[^\n]*\n +Why: /);

    const json = await sdgJson('10', '-m');
    expect(json.direct.map((t: { id: string }) => t.id)).toEqual(['10.7', '10.c']);
    expect(json.related.map((t: { id: string }) => t.id)).toEqual(['10.2', '10.3']);
  });

  it('gives titles in Italian, French, Arabic and Spanish, and English for Albanian with a note', async () => {
    // --lang it is also the language lamd speaks in: its own words around the titles are Italian.
    const italian = await sdg('10', '--lang', 'it');
    expect(italian.stdout).toMatch(/^Obiettivo 10: Riduzione delle disuguaglianze/);
    expect(italian.stderr).toMatch(/^Target che riguardano le migrazioni: 10\.7, 10\.c \(direttamente\); 10\.2, 10\.3 \(indirettamente\)\./);
    expect((await sdg('10.7', '--lang', 'fr')).stdout).toMatch(/Faciliter la migration/);
    expect((await sdg('10.7', '--lang', 'es')).stdout).toMatch(/Facilitar la migración/);
    expect((await sdg('10.7', '--lang', 'ar')).stdout).toMatch(/الهجرة/);

    const albanian = await sdg('10', '--lang', 'sq');
    expect(albanian.status).toBe(0);
    expect(albanian.stdout).toMatch(/^Goal 10: Reduced inequalities/);
    expect(albanian.stderr).toMatch(/no SDG titles in Albanian \(sq\) yet; showing them in English/);
  });

  it('without --lang, gives the titles in the language of the locale, as its own words are', async () => {
    const french = await runLamd(['sdg', '8'], { env: { LANG: 'fr_FR.UTF-8' } });
    expect(french.stdout).toMatch(/^Objectif 8\s: Travail décent et croissance économique\n/);
    const english = await runLamd(['sdg', '8'], { env: { LANG: 'C.UTF-8' } });
    expect(english.stdout).toMatch(/^Goal 8: Decent work and economic growth\n/);
  });

  it('prints JSON that names the SDG code list, the language and the view', async () => {
    const json = await sdgJson('10.7', '--lang', 'sq');
    expect(json).toMatchObject({
      formatVersion: 1,
      codeList: SDG_CODE_LIST_VERSION,
      language: 'en',
      requestedLanguage: 'sq',
      view: 'target',
      query: '10.7',
      target: { id: '10.7', goal: '10', migration: { relevance: 'direct' } },
      goal: { id: '10', short: 'Reduced inequalities' },
    });
    expect(json.indicators.map((i: { id: string }) => i.id)).toEqual(['10.7.1', '10.7.2', '10.7.3', '10.7.4']);
    expect((await sdgJson()).goals).toHaveLength(17);
  });

  it('documents exit codes and the JSON shape in its help', async () => {
    const help = await sdg('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/formatVersion, codeList/);
    // What the help says each example exits with is what it does exit with.
    const said = /Exit codes: 0 found; 2 the goal, target or indicator does not exist \(e\.g\. ([^;]+);[\s\S]*?not an SDG id at all \(e\.g\. (\w+)\)/.exec(help.stdout);
    expect(said, help.stdout).not.toBeNull();
    const examples = [...said![1]!.split(', '), said![2]!];
    expect(examples).toEqual(['18', '10.99', '10.7.9', 'abc']);
    for (const id of examples) expect((await sdg(id)).status, id).toBe(2);
    expect(help.stdout).not.toMatch(/\b1 the goal/);
  });
});
