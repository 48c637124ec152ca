// The capitalization report reads peer exchanges as the method runs them (issue 16): who presented to
// whom, what each municipality learned and intends to do, and each practice's journey.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { messagesFor } from '../../src/report/index.js';
import type { ReportModel } from '../../src/report/model.js';
import type { TemplateSources } from '../../src/report/template-files.js';
import { capitalizationView } from '../../src/report/views/capitalization.js';
import type { ViewContext } from '../../src/report/views/context.js';
import { tempDir } from '../helpers/lamd.js';
import { LAS_PILOT, loadValid, markdownTables, render, REPO, TODAY, VALID, type LoadedWorkspace } from './helpers.js';

const FULL_EXCHANGE = join(REPO, 'test/fixtures/rules/exchange/as-the-method-runs-it.yaml');

let valid: LoadedWorkspace;
let full: LoadedWorkspace;
let nextEdition: LoadedWorkspace;
let pilot: LoadedWorkspace;
beforeAll(async () => {
  valid = await loadValid(VALID);
  // The test workspace with its exchange recorded in full (the passing case of the exchange rules).
  const root = tempDir({ until: 'file' });
  cpSync(VALID, root, { recursive: true });
  writeFileSync(join(root, 'activities/2022-09-01-peer-exchange-services.yaml'), readFileSync(FULL_EXCHANGE, 'utf8'));
  full = await loadValid(root);
  nextEdition = await loadValid(join(REPO, 'examples/next-edition-sousse'));
  pilot = await loadValid(LAS_PILOT);
});

function ctx(ws: { model: ReportModel; sources: TemplateSources }, lang = 'en'): ViewContext {
  return { model: ws.model, m: messagesFor(ws.sources, lang), today: TODAY, focus: undefined };
}

describe('who presented to whom', () => {
  it('counts, for each presenting municipality, the presentations each other municipality heard', () => {
    const view = capitalizationView(ctx(full));
    expect(view.presentedTo).toEqual({
      header: ['Sfax', 'طنجة'],
      rows: [
        { name: 'Sfax', cells: ['·', '1'], total: '1' },
        { name: 'طنجة', cells: ['1', '·'], total: '1' },
      ],
    });
  });

  it('reads an older exchange that lists only practices as presented by their owners', () => {
    expect(capitalizationView(ctx(valid)).presentedTo?.rows.map((r) => [r.name, ...r.cells])).toEqual([
      ['Sfax', '·', '1'],
      ['طنجة', '1', '·'],
    ]);
  });

  it('is in the capitalization report of the next-edition example, in French and Arabic', () => {
    for (const [lang, heading] of [
      ['fr', '## Qui a présenté à qui'],
      ['ar', '## من قدَّم لمن'],
    ] as const) {
      const markdown = render(nextEdition, 'capitalization', lang).markdown;
      expect(markdown).toContain(heading);
      const matrix = markdownTables(markdown).find((t) => t[0]!.length === 5 && t.slice(2).every((row) => row.includes('·')))!;
      expect(matrix.slice(2).map((row) => row.slice(0, 4))).toEqual([
        ['Sousse', '·', '1', '1'],
        ['Latina', '1', '·', '1'],
        ['Tanger', '1', '1', '·'],
      ]);
    }
  });

  it("shows, in the pilot, the presentations of Bologna's units that Bologna's page reports, and none the sources do not give", () => {
    const view = capitalizationView(ctx(pilot));
    expect(view.presentedTo?.rows.map((r) => [r.name, ...r.cells, r.total])).toEqual([['Bologna', '·', '3', '3', '3']]);
  });
});

describe('learning log and journeys', () => {
  it('lists what each municipality learned, what it intends to do and its next step', () => {
    const view = capitalizationView(ctx(full));
    expect(view.learningLog).toEqual([
      {
        name: 'Sfax',
        entries: [{ exchange: '1 September 2022, Study visit to Sfax\'s one-stop shop', practice: 'Diaspora desk (طنجة)', learned: 'not recorded', intention: 'explore it further', nextStep: 'not recorded' }],
      },
      {
        name: 'طنجة',
        entries: [
          {
            exchange: '1 September 2022, Study visit to Sfax\'s one-stop shop',
            practice: 'One-stop shop for migrants (Sfax)',
            learned: 'One desk for every service saves residents several visits.',
            intention: 'adapt it',
            nextStep: 'A pilot desk in the city centre in 2023.',
          },
        ],
      },
    ]);
  });

  it("follows each practice through its stages, presentations, what peers took from it and who borrowed it, in date order", () => {
    const journey = capitalizationView(ctx(full)).journeys.find((j) => j.title === 'One-stop shop for migrants')!;
    expect(journey.steps).toEqual([
      '1 September 2022: Shared with peers – Study visit to Sfax\'s one-stop shop',
      '1 September 2022: presented by Social Services Department (Sfax) to طنجة (Study visit to Sfax\'s one-stop shop)',
      '1 September 2022: طنجة: adapt it; next step: A pilot desk in the city centre in 2023.',
      'borrowed by طنجة (Peer exchange)',
    ]);
  });

  it('prints the presentations, delegations, critical areas and products on the exchange itself', () => {
    const markdown = render(full, 'capitalization', 'en').markdown;
    for (const line of [
      '- **Format:** Study visit',
      '- **Host:** Sfax',
      '  - Sfax (Social Services Department): One-stop shop for migrants',
      '  - Sfax: Social Services Department and Economic Development Department',
      '  - Sfax: Opening hours that suit working residents',
      '  - Guide to opening a one-stop shop (guide)',
      '- **Sessions:** at least 3',
    ]) {
      expect(markdown).toContain(line);
    }
  });
});
