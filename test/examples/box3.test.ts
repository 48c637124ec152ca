// The pilot example reproduces Box 3 of the IOM publication (issue 5): for each municipality, the
// `roadmap` report lamd renders (in-process, as `lamd report` does) has a row for every activity Box 3 reports, and every
// stakeholder of Box 3's "stakeholders involved" column is named in those rows. The expected lists come
// from test/fixtures/box3-expected.yaml, which records Box 3 itself (not the example's wording).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FIXTURES, REPO, runLamd, tempDir } from '../helpers/lamd.js';
import { markdownTables } from '../report/helpers.js';

const PILOT = join(REPO, 'examples/las-pilot');

interface ExpectedStakeholder {
  name: string;
  box3?: string;
}
interface ExpectedActivity {
  box3: string;
  actions: string[];
}
interface ExpectedHeading {
  heading: string;
  activities: ExpectedActivity[];
  stakeholders?: ExpectedStakeholder[];
}
interface ExpectedRoadmap {
  roadmap: string;
  headings: ExpectedHeading[];
  /** A column Box 3 gives for the whole road map rather than for one heading (Milan). */
  stakeholders?: ExpectedStakeholder[];
}

const EXPECTED = parse(readFileSync(join(FIXTURES, 'box3-expected.yaml'), 'utf8')) as Record<string, ExpectedRoadmap>;
const CATALOGUE = JSON.parse(readFileSync(join(REPO, 'templates/reports/i18n/en.json'), 'utf8')) as {
  column: { number: string; activity: string; stakeholders_involved: string };
};

/** A Markdown cell as its reader sees it: lamd's backslash escapes removed. */
function plain(markdown: string): string {
  return markdown.replace(/\\(.)/g, '$1').trim();
}

interface ActivityRow {
  title: string;
  stakeholders: string[];
}

/** The rows of the report's one "No. | Activity | Stakeholders involved" table. */
function activityRows(markdown: string): ActivityRow[] {
  const header = [CATALOGUE.column.number, CATALOGUE.column.activity, CATALOGUE.column.stakeholders_involved];
  const tables = markdownTables(markdown).filter((t) => t[0]!.map(plain).join('|') === header.join('|'));
  expect(tables, 'the report has one Box 3-shaped table').toHaveLength(1);
  return tables[0]!.slice(2).map(([number, activity, stakeholders], i) => {
    expect(number, `row ${i + 1} of the activities table is numbered`).toBe(String(i + 1));
    const bold = /^\*\*(.+?)\*\*(?: – |$)/.exec(activity!);
    expect(bold, `row ${i + 1} of the activities table starts with the action's title in bold`).not.toBeNull();
    return { title: plain(bold![1]!), stakeholders: stakeholders!.split('; ').map(plain) };
  });
}

/** Action id → title, read from the example's road map. */
function actionTitles(slug: string, roadmap: string): Map<string, string> {
  const doc = parse(readFileSync(join(PILOT, 'municipalities', slug, 'roadmaps', `${roadmap}.yaml`), 'utf8')) as {
    actions?: { id: string; title: string }[];
  };
  return new Map((doc.actions ?? []).map((a) => [a.id, a.title]));
}

describe('the pilot example reproduces Box 3 in each roadmap report', () => {
  it('the fixture covers the three pilot municipalities', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(['bologna', 'milan', 'tirana']);
  });

  for (const [slug, expected] of Object.entries(EXPECTED)) {
    describe(slug, () => {
      let markdown = '';
      let rows: ActivityRow[] = [];
      let titles = new Map<string, string>();

      beforeAll(async () => {
        const out = tempDir({ until: 'file' });
        const result = await runLamd(['report', 'roadmap', '--municipality', slug, '--format', 'md', '--lang', 'en', '-C', PILOT, '--out', out, '--today', '2024-06-01']);
        expect(result.status).toBe(0);
        markdown = readFileSync(join(out, `roadmap.${slug}.en.md`), 'utf8');
        rows = activityRows(markdown);
        titles = actionTitles(slug, expected.roadmap);
      });

      /** The title of an action the fixture names; fails if the road map no longer has it. */
      const titleOf = (id: string): string => {
        const title = titles.get(id);
        expect(title, `action \`${id}\` exists in ${expected.roadmap}`).toBeDefined();
        return title!;
      };
      const rowsOf = (ids: readonly string[]): ActivityRow[] => ids.map((id) => rows.find((r) => r.title === titleOf(id))).filter((r) => r !== undefined);

      it('shows every Box 3 heading as an objective of the road map', () => {
        const headings = markdown.split('\n').filter((l) => l.startsWith('#### ')).map((l) => plain(l.slice(5)));
        for (const { heading } of expected.headings) expect(headings, `heading "${heading}"`).toContain(heading);
      });

      for (const { heading, activities } of expected.headings) {
        for (const activity of activities) {
          it(`has a row for each action realising "${activity.box3}" (${heading})`, () => {
            expect(activity.actions.length).toBeGreaterThan(0);
            for (const id of activity.actions) {
              expect(rows.map((r) => r.title), `row for action \`${id}\``).toContain(titleOf(id));
            }
          });
        }
      }

      it('has no activity row that Box 3 does not report', () => {
        const expectedTitles = expected.headings.flatMap((h) => h.activities.flatMap((a) => a.actions)).map(titleOf);
        expect(rows.map((r) => r.title).sort()).toEqual([...expectedTitles].sort());
      });

      for (const { heading, activities, stakeholders } of expected.headings) {
        if (!stakeholders) continue;
        it(`names every stakeholder of Box 3's column for "${heading}" in that heading's rows`, () => {
          const headingRows = rowsOf(activities.flatMap((a) => a.actions));
          expect(headingRows.length).toBeGreaterThan(0);
          const named = new Set(headingRows.flatMap((r) => r.stakeholders));
          for (const s of stakeholders) expect([...named], `${s.name}${s.box3 ? ` (Box 3: ${s.box3})` : ''}`).toContain(s.name);
        });
      }

      if (expected.stakeholders) {
        const column = expected.stakeholders;
        it("names every stakeholder of Box 3's column for the whole road map in the activities table", () => {
          const named = new Set(rows.flatMap((r) => r.stakeholders));
          for (const s of column) expect([...named], `${s.name}${s.box3 ? ` (Box 3: ${s.box3})` : ''}`).toContain(s.name);
        });
      }
    });
  }
});
