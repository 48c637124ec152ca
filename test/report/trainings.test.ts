// Trainings in the profile report (issue 16): participants by municipality, unit, level and sex, never
// names, and the donor figure "civil servants trained, by sex" for the network.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { messagesFor } from '../../src/report/index.js';
import { profileView } from '../../src/report/views/profile.js';
import { tempDir } from '../helpers/lamd.js';
import { LAS_PILOT, loadValid, render, REPO, TODAY, VALID, type LoadedWorkspace } from './helpers.js';

let trained: LoadedWorkspace;
let pilot: LoadedWorkspace;
beforeAll(async () => {
  const root = tempDir({ until: 'file' });
  cpSync(VALID, root, { recursive: true });
  writeFileSync(join(root, 'activities/2022-06-01-training.yaml'), readFileSync(join(REPO, 'test/fixtures/rules/training/counted-in-full.yaml'), 'utf8'));
  trained = await loadValid(root);
  pilot = await loadValid(LAS_PILOT);
});

describe('training tables', () => {
  it('add up the groups per municipality and for the network, with those whose sex is not recorded apart', () => {
    const view = profileView({ model: trained.model, m: messagesFor(trained.sources, 'en'), today: TODAY, focus: undefined });
    expect(view.trainedBySex).toEqual({ women: '7', men: '5', unknown: '1', total: '13' });
    expect(view.trainingTable.map((t) => [t.heading, t.totals])).toEqual([
      ['Participants from Sfax', { women: '5', men: '3', unknown: '0', total: '8' }],
      ['Participants from طنجة', { women: '2', men: '2', unknown: '1', total: '5' }],
    ]);
    expect(view.trainingTable[1]!.rows[1]).toMatchObject({ unit: "Mayor's office", level: 'Political', women: 'not recorded', men: '1', unknown: '1', total: '2' });
  });

  it('print the modules, trainers, evaluation and the figure by sex, in every language', () => {
    const markdown = render(trained, 'profile', 'en').markdown;
    expect(markdown).toContain('### Civil servants trained, by sex');
    expect(markdown).toContain('| 7 | 5 | 1 | 13 |');
    expect(markdown).toContain('- **Trainers:** University of Sfax (Core module) and Migrants with experience of the municipal services (Module 2)');
    expect(markdown).toContain('- **Evaluation:** 2.4 before, 3.9 after (average self-assessed knowledge, 1 to 5) 11 respondents The same questionnaire before and after');
    for (const [lang, heading] of [['fr', 'Agents formés, par sexe'], ['it', 'Personale comunale formato, per sesso'], ['ar', 'الموظفون المدرَّبون، حسب الجنس'], ['sq', 'Nëpunës të trajnuar, sipas gjinisë']] as const) {
      expect(render(trained, 'profile', lang).markdown).toContain(`### ${heading}`);
    }
  });

  it('say, in the pilot, that the participants are not recorded, and print no figure', () => {
    const markdown = render(pilot, 'profile', 'en').markdown;
    expect(markdown).toContain('- **Participants:** not recorded');
    expect(markdown).not.toContain('Civil servants trained, by sex');
  });
});
