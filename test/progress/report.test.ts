// The progress report of the illustrative example: trends over two periods, status by department,
// budget execution per action and per plan reference, in every report language; and --period.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkLoaded } from '../../src/check/index.js';
import { REPORT_LANGUAGES } from '../../src/report/i18n.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { renderMarkdown, reportToHtml } from '../../src/report/index.js';
import { INDICATOR_STATUSES } from '../../src/check/progress.js';
import { institutionalisedIn } from '../../src/report/views/plan-link.js';
import type { ProgressDocument, RoadmapDocument } from '../../src/types/generated/index.js';
import { tempDir } from '../helpers/lamd.js';
import { expectTablesIntact, loadValid, markdownTables, REPO, type LoadedWorkspace } from '../report/helpers.js';

export const ILLUSTRATIVE = join(REPO, 'examples/illustrative-monitoring');
const TODAY = '2026-09-01';

let ws: LoadedWorkspace;
beforeAll(async () => {
  ws = await loadValid(ILLUSTRATIVE);
});

const render = (lang: string, period?: string, phase: 'progress' | 'final' | 'roadmap' = 'progress') =>
  renderMarkdown(ws.model, ws.sources, { phase, lang, today: TODAY, ...(period !== undefined ? { period } : {}) });

function table(markdown: string, firstHeader: string): string[][] {
  const found = markdownTables(markdown).find((t) => t[0]![0] === firstHeader && t[0]!.length > 5);
  expect(found, `a table starting with ${firstHeader}`).toBeDefined();
  return found!;
}

describe('the illustrative example', () => {
  it('validates with no finding at all on a fixed day, and says in every file that its data is invented', async () => {
    const load = await loadWorkspace({ cwd: ILLUSTRATIVE, workspace: ILLUSTRATIVE });
    const result = await checkLoaded(load, { today: TODAY });
    expect(result.diagnostics.map((d) => `${d.file} ${d.ruleId} ${d.message}`)).toEqual([]);
    for (const doc of load.documents) expect(load.texts.get(doc.file), doc.file).toMatch(/ILLUSTRATIVE DATA/);
    expect(load.documents.filter((d) => d.kind === 'progress').map((d) => d.value.period).sort()).toEqual(['2025-H2', '2025-H2', '2026-H1', '2026-H1']);
  });
});

describe('lamd report progress', () => {
  for (const lang of REPORT_LANGUAGES) {
    it(`renders in ${lang}, tables intact`, async () => {
      const report = render(lang);
      expectTablesIntact(report.markdown, `progress.${lang}`);
      expect(reportToHtml(report)).toContain(`lang="${lang}"`);
      if (lang === 'en' || lang === 'fr') await expect(report.markdown).toMatchFileSnapshot(`./__snapshots__/illustrative-monitoring/progress.${lang}.md`);
    });
  }

  it('shows the trend across the two periods, % of target and status', () => {
    const rows = table(render('en').markdown, 'Objective');
    const desk = rows.find((r) => r[1] === 'People helped by the information desk')!;
    expect(desk.slice(3)).toEqual(['400 (30 June 2025)', '1,200 (31 December 2027)', '780 (30 June 2026)', '65%', '610 → 780', 'On track']);
    const staff = rows.find((r) => r[1] === 'Front-office staff trained in intercultural communication')!;
    expect(staff.slice(6)).toEqual(['31.7%', '12 → 19', 'Off track']);
  });

  it('groups actions by lead unit, with their latest status and % done', () => {
    const md = render('en').markdown;
    const unit = md.slice(md.indexOf('#### Area Politiche Sociali'), md.indexOf('#### Servizio Relazioni Internazionali'));
    expect(unit).toContain('| Open the information desk in two more districts | In progress | 70% | – |');
    expect(md).toContain('| Propose objectives for the DUP 2027-2029 | Done | 100% | – |');
  });

  it('shows budget execution per action and per plan reference', () => {
    const md = render('en').markdown;
    expect(md).toContain('| Ouvrir le guichet de la diaspora à l\'hôtel de ville | TND\u00a045,000 | TND\u00a044,000 | TND\u00a041,500 | 92.2% |');
    // Two actions on "PAI 2026, projet 7" add up: 45,000 + 50,000 allocated, 41,500 + 0 spent.
    expect(md).toContain('| PAI 2026, projet 7 | TND\u00a095,000 | TND\u00a056,000 | TND\u00a041,500 | 43.7% |');
    expect(md).toContain('| Valmare | Servizi comunali accessibili a tutti | 2026-H1 | 0 | 2 | 1 | 0 | 0 | 1 of 3 | €31,200 of €55,000 | submitted |');
  });

  it('stops at --period: the first report only, its deviations and next steps', () => {
    const md = render('en', '2025-H2').markdown;
    expect(md).toContain('As at the end of 2025-H2.');
    const desk = table(md, 'Objective').find((r) => r[1] === 'People helped by the information desk')!;
    expect(desk.slice(5, 8)).toEqual(['610 (31 December 2025)', '50.8%', '610']);
    expect(md).toContain('The second district desk opens three months late.');
    expect(md).not.toContain('Training is behind schedule');
  });

  it("puts the actuals in the final report's objectives and results lens", () => {
    const md = render('en', undefined, 'final').markdown;
    expect(md).toContain('People helped by the information desk: 780 of 1,200 (65%)');
  });

  it("shows a road map's institutionalisation as its latest progress report records it, in the final and road-map reports as in the progress report", () => {
    const final = markdownTables(render('en', undefined, 'final').markdown).find((t) => t[0]!.at(-1) === 'Institutionalised in')!;
    const institutionalised = (name: string) => final.find((r) => r[0] === name)!.at(-1);
    // The road map plans PAI 2026; the 2026-H1 report says the council adopted it.
    expect(institutionalised('Bahra')).toBe('PAI 2026 (adopted)');
    // The report names another instrument than the road map: both, the reported one first.
    expect(institutionalised('Valmare')).toBe('DUP 2027-2029 (submitted); DUP 2025-2027 – Mission 12 – Programme 04 (planned)');
    expect(render('en').markdown).toMatch(/\| Bahra \| .* \| adopted \|\n/);
    const roadmap = render('en', undefined, 'roadmap').markdown;
    expect(roadmap).toContain('| PAI 2026 | Budget | adopted – 12 May 2026 |');
    expect(roadmap).toContain('| DUP 2027-2029 | – | – | submitted – 30 June 2026 |\n| DUP 2025-2027 | Mission 12 – Programme 04 | Programming document | planned |');
  });

  it('applies a reported institutionalisation that names no instrument to the road map’s only one, and a budget line named twice to one row', () => {
    const report = (institutionalisation: object) => [{ period: '2026-H1', institutionalisation } as unknown as ProgressDocument];
    const roadmap = (institutionalisation: object[]) => ({ institutionalisation }) as unknown as RoadmapDocument;
    const one = roadmap([{ instrument: 'PAI 2026', type: 'budget', status: 'planned' }]);
    expect(institutionalisedIn(one, report({ status: 'adopted' }))).toEqual([{ link: { instrument: 'PAI 2026', type: 'budget', status: 'adopted' }, status: 'adopted', date: undefined, reported: true }]);
    const twice = roadmap([
      { instrument: 'PAI 2026', section: 'Line 3', status: 'planned' },
      { instrument: 'PAI 2026', section: 'Line 7', status: 'planned' },
    ]);
    expect(institutionalisedIn(twice, report({ status: 'adopted', instrument: 'PAI 2026', section: 'Line 7' })).map((i) => [i.link.section, i.status])).toEqual([
      ['Line 3', 'planned'],
      ['Line 7', 'adopted'],
    ]);
    expect(institutionalisedIn(twice, report({ status: 'adopted', instrument: 'PAI 2026' })).map((i) => [i.link.section, i.status])).toEqual([
      ['Line 3', 'adopted'],
      ['Line 7', 'planned'],
    ]);
  });

  it('shows on the road map’s card the institutionalisation the network table shows, from the latest report that records one', async () => {
    const root = tempDir();
    cpSync(ILLUSTRATIVE, root, { recursive: true });
    const latest = join(root, 'municipalities/bahra/progress/bahra-diaspora-investment-2026-H1.yaml');
    writeFileSync(latest, readFileSync(latest, 'utf8').replace(/^institutionalisation: .*\n/m, ''));
    const edited = await loadValid(root);
    const markdown = renderMarkdown(edited.model, edited.sources, { phase: 'progress', lang: 'en', today: TODAY }).markdown;
    expect(markdown).toMatch(/\| Bahra \| .* \| planned \|\n/);
    expect(markdown).toContain('- **Institutionalisation:** planned (PAI 2026; as of the 2025-H2 report)');
  });

  it('names in the template guide every count per status a progress override can print', () => {
    const guide = readFileSync(join(REPO, 'templates/reports/README.md'), 'utf8');
    for (const status of INDICATOR_STATUSES) expect(guide).toContain(`\`${status.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())}\``);
  });
});
