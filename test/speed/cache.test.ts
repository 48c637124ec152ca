// `lamd validate --cache` and the lazy load of named road maps give exactly what a cold run of every
// document gives: on a generated network with findings of many kinds, after changes to a road map and
// to the documents road maps depend on, with a damaged cache, and with a cache that cannot be written.
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateWithCache } from '../../src/check/cache.js';
import { checkLoaded } from '../../src/check/index.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { runLamd, tempDir } from '../helpers/lamd.js';
import { roadmapPath, writeNetwork } from './network.js';

const TODAY = '2026-06-30';
const FORMATS = ['json', 'pretty'] as const;

async function validate(dir: string, format: string, ...more: string[]) {
  return runLamd(['validate', '--format', format, '--today', TODAY, ...more], { cwd: dir });
}

let lastCold = '';

/** Every format's output of a cold run and of a cached one must agree; the cached run's notes are returned. */
async function expectSameAsCold(dir: string, ...cacheArgs: string[]): Promise<string[]> {
  const notes: string[] = [];
  for (const format of FORMATS) {
    const cold = await validate(dir, format);
    if (format === 'json') lastCold = cold.stdout;
    const warm = await validate(dir, format, ...(cacheArgs.length ? cacheArgs : ['--cache']));
    expect(warm.stdout, format).toBe(cold.stdout);
    expect(warm.status, format).toBe(cold.status);
    const extra = warm.stderr.split('\n').filter((line) => !cold.stderr.split('\n').includes(line));
    notes.push(...extra);
  }
  return notes;
}

function network(count?: number): string {
  const dir = tempDir();
  writeNetwork(dir, count);
  return dir;
}

describe('lamd validate --cache', () => {
  it('gives a cold run\'s output when warm, after a road map changed, and reuses the others unparsed', async () => {
    const dir = network();
    const cold = await validate(dir, 'json');
    expect(cold.status).toBe(1);
    const rules = new Set((JSON.parse(cold.stdout).files as Array<{ diagnostics: Array<{ ruleId: string }> }>).flatMap((f) => f.diagnostics.map((d) => d.ruleId)));
    // The network carries findings of many kinds, from the schema, the references, dates and the method.
    for (const rule of ['schema/enum', 'dates/valid', 'dates/order', 'references/practice', 'references/indicator', 'endorsement/roadmap', 'privacy/contact-data', 'ids/unique', 'yaml/syntax', 'yaml/duplicate-key', 'settings/unused-suppression']) expect(rules).toContain(rule);

    expect(await expectSameAsCold(dir)).toEqual([]);
    appendFileSync(join(dir, roadmapPath(10)), 'horizon: Until 2030, then the council decides.\n');
    expect(await expectSameAsCold(dir)).toEqual([]);

    writeFileSync(join(dir, roadmapPath(11)), readFileSync(join(dir, roadmapPath(11)), 'utf8').replace('status: in-progress', 'status: started'));
    const run = await validateWithCache({ cwd: dir, paths: [] }, { today: TODAY });
    const roadmaps = run.load.documents.filter((d) => d.kind === 'roadmap').length;
    // Only the changed road map and the two the cache never keeps (a duplicate key and a later
    // duplicate are still read fast; the syntax error is no document) are checked again.
    expect(run.reused).toBeGreaterThanOrEqual(roadmaps - 3);
    expect(run.notes).toEqual([]);
  });

  it('checks again the road maps whose results rest on a changed document', async () => {
    const dir = network();
    await validate(dir, 'json', '--cache');
    const before = (await validate(dir, 'json')).stdout;
    // A practice the road maps build on: no longer capitalized, which the road maps' results now say.
    const practice = join(dir, 'municipalities/valmare/practices/info-desk.yaml');
    writeFileSync(practice, readFileSync(practice, 'utf8').replace(/stage: \S+/, 'stage: identified'));
    expect(await expectSameAsCold(dir)).toEqual([]);
    expect(lastCold).not.toBe(before);
    expect(lastCold).toContain('roadmap/learning-continuum');
    // A progress report on a generated road map: now about another period.
    const progress = join(dir, 'municipalities/valmare/progress/gen-003-2025-H2.yaml');
    writeFileSync(progress, readFileSync(progress, 'utf8').replace('indicator: dup-objective\n', 'indicator: dup-objectives\n'));
    expect(await expectSameAsCold(dir)).toEqual([]);
    // The rule settings in lamd.yaml.
    appendFileSync(join(dir, 'lamd.yaml'), 'rules:\n  endorsement/roadmap: info\n');
    expect(await expectSameAsCold(dir)).toEqual([]);
    // A road map taking an id another one declares later: the later one now has the duplicate.
    writeFileSync(join(dir, roadmapPath(1)), readFileSync(join(dir, roadmapPath(1)), 'utf8').replace('id: gen-001', 'id: gen-002'));
    expect(await expectSameAsCold(dir)).toEqual([]);
    // --today and the language are part of the cache's key.
    const cold = await runLamd(['validate', '--format', 'json', '--today', '2030-01-01', '--lang', 'fr'], { cwd: dir });
    const warm = await runLamd(['validate', '--format', 'json', '--today', '2030-01-01', '--lang', 'fr', '--cache'], { cwd: dir });
    expect(warm.stdout).toBe(cold.stdout);
  });

  it('ignores a damaged or foreign cache file with one note, and still gives the right output', async () => {
    const dir = network(20);
    const file = join(dir, '.lamd/cache/validate.json');
    for (const damage of ['{"format": "lamd validate cache", "version": 1, "key": ', '{"some": "other tool"}', '']) {
      await validate(dir, 'json', '--cache');
      const cache = JSON.parse(readFileSync(file, 'utf8'));
      writeFileSync(file, damage || JSON.stringify({ ...cache, files: { ...cache.files, [Object.keys(cache.files)[0]!]: { ...Object.values(cache.files)[0] as object, result: { diagnostics: 'all fine' } } } }));
      const notes = await expectSameAsCold(dir);
      expect(notes.filter((n) => n.includes('.lamd/cache/validate.json'))).toHaveLength(1);
      expect(notes[0]).toContain('damaged or was not written by lamd');
    }
  });

  it('turns caching off with one note when the cache cannot be written, and the run goes on', async () => {
    const dir = network(10);
    writeFileSync(join(dir, 'not-a-folder'), 'a file where the cache folder would go\n');
    const notes = await expectSameAsCold(dir, '--cache-location', 'not-a-folder/cache');
    expect(notes).toHaveLength(FORMATS.length);
    for (const note of notes) expect(note).toMatch(/^lamd: note: caching is off for this run: the cache cannot be written in not-a-folder\/cache \(ENOTDIR\)/);
  });

  it('keeps the cache where --cache-location says, a folder or a .json file', async () => {
    const dir = network(10);
    mkdirSync(join(dir, 'elsewhere'));
    expect(await expectSameAsCold(dir, '--cache-location', 'elsewhere')).toEqual([]);
    expect(JSON.parse(readFileSync(join(dir, 'elsewhere/validate.json'), 'utf8')).format).toBe('lamd validate cache');
    expect(await expectSameAsCold(dir, '--cache-location', 'my-cache.json')).toEqual([]);
    expect(JSON.parse(readFileSync(join(dir, 'my-cache.json'), 'utf8')).format).toBe('lamd validate cache');
  });
});

describe('lamd validate <road map>', () => {
  it('reports exactly what loading every document would, without parsing the other road maps', async () => {
    const dir = network(20);
    for (const i of [0, 1, 2, 3, 4, 5, 6, 9]) {
      const paths = [roadmapPath(i)];
      const lazy = await loadWorkspace({ cwd: dir, paths, onlyWhatNamedRoadmapsNeed: true });
      const full = await loadWorkspace({ cwd: dir, paths });
      expect(lazy.documents.filter((d) => d.kind === 'roadmap').map((d) => d.file)).toEqual(paths);
      expect(await checkLoaded(lazy, { today: TODAY })).toEqual(await checkLoaded(full, { today: TODAY }));
    }
    // The later of two road maps with the same id, named with the first: both are checked.
    const both = [roadmapPath(0), 'municipalities/valmare/roadmaps/gen-copy.yaml'];
    const lazy = await loadWorkspace({ cwd: dir, paths: both, onlyWhatNamedRoadmapsNeed: true });
    const full = await loadWorkspace({ cwd: dir, paths: both });
    expect(await checkLoaded(lazy, { today: TODAY })).toEqual(await checkLoaded(full, { today: TODAY }));
  });
});
