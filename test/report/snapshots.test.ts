// The Markdown of every phase, for the test workspace and the pilot example, in English and Italian,
// kept as files under __snapshots__/ so a change to a report is reviewed like a change to code.
// After an intended change: `npx vitest run test/report/snapshots.test.ts -u`, then read the diff.
import { beforeAll, describe, expect, it } from 'vitest';
import { REPORT_LANGUAGES } from '../../src/report/i18n.js';
import { REPORT_PHASES } from '../../src/report/index.js';
import { expectTablesIntact, INJECTION, LAS_PILOT, loadValid, markdownTables, render, renderAll, VALID, type LoadedWorkspace } from './helpers.js';

const WORKSPACES = { valid: VALID, 'las-pilot': LAS_PILOT } as const;

const loaded: Partial<Record<string, LoadedWorkspace>> = {};
beforeAll(async () => {
  for (const [name, root] of Object.entries({ ...WORKSPACES, injection: INJECTION })) loaded[name] = await loadValid(root);
});

for (const name of Object.keys(WORKSPACES)) {
  describe(`${name} reports`, () => {
    for (const phase of REPORT_PHASES) {
      for (const lang of ['en', 'it']) {
        it(`${phase} in ${lang}`, async () => {
          const { markdown } = render(loaded[name]!, phase, lang);
          expectTablesIntact(markdown, `${name} ${phase}.${lang}`);
          await expect(markdown).toMatchFileSnapshot(`./__snapshots__/${name}/${phase}.${lang}.md`);
        });
      }
    }
  });
}

describe('one municipality (--municipality)', () => {
  for (const phase of REPORT_PHASES) {
    it(`${phase} for Sfax`, async () => {
      const { markdown } = render(loaded.valid!, phase, 'en', 'sfax');
      expectTablesIntact(markdown, `sfax ${phase}`);
      expect(markdown).not.toMatch(/^\| طنجة \|/m); // no row of the other municipality
      await expect(markdown).toMatchFileSnapshot(`./__snapshots__/valid-sfax/${phase}.en.md`);
    });
  }
});

describe('endorsement tables', () => {
  it('leave no cell empty: a column recorded for no row is left out and named under the table, a missing value is a dash', () => {
    const columns = ['Type', 'Date', 'Given by', 'Reference', 'What'];
    let rows = 0;
    for (const name of Object.keys(WORKSPACES)) {
      for (const phase of ['preparatory', 'profile', 'roadmap'] as const) {
        for (const table of markdownTables(render(loaded[name]!, phase, 'en').markdown)) {
          const header = table[0]!;
          if (header[0] !== 'Type' || !header.includes('Given by') || !header.every((h) => columns.includes(h))) continue;
          for (const row of table.slice(2)) {
            rows++;
            expect(row.filter((cell) => cell === ''), `${name} ${phase}: | ${row.join(' | ')} |`).toEqual([]);
          }
        }
      }
    }
    expect(rows).toBeGreaterThan(3);
  });
});

describe('no report ever shows a programming value', () => {
  for (const lang of REPORT_LANGUAGES) {
    it(`in ${lang}, every phase of every workspace, Markdown and HTML`, () => {
      for (const [name, ws] of Object.entries(loaded)) {
        for (const { name: file, content } of renderAll(ws!, lang)) {
          const where = `${name}/${file}`;
          expect(content, where).not.toMatch(/\bundefined\b/);
          expect(content, where).not.toMatch(/\bnull\b/);
          expect(content, where).not.toContain('[object Object]');
          expect(content, where).not.toMatch(/\bNaN\b/);
          expect(content, where).not.toMatch(/\bInfinity\b/);
          expect(content, where).not.toMatch(/\{[a-z][a-zA-Z_]*\}/); // an unfilled placeholder
          if (file.endsWith('.md')) expectTablesIntact(content, where);
        }
      }
    });
  }
});
