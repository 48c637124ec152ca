// The workbooks lamd exports in the report language: every sheet tab lamd names is translated (the
// progress template's Indicators and Actions stay: import reads them), and an Arabic workbook runs
// from right to left on every sheet, as the Arabic reports do.
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { REPORT_LANGUAGES } from '../../src/report/i18n.js';
import { REPO, runLamd, tempDir } from '../helpers/lamd.js';

const TODAY = '2027-01-20';

async function exported(root: string, args: readonly string[]): Promise<ExcelJS.Workbook> {
  const result = await runLamd(['export', ...args, '-f', 'xlsx', '-o', 'out.xlsx', '--force', '--today', TODAY], { cwd: root });
  expect(result.status, result.stderr).toBe(0);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(join(root, 'out.xlsx'));
  return workbook;
}

const rightToLeft = (workbook: ExcelJS.Workbook) => workbook.worksheets.map((w) => (w.views as ExcelJS.WorksheetView[] | null)?.[0]?.rightToLeft === true);

describe('exported workbooks in the report language', () => {
  it('name the results matrix in Arabic and run every sheet of an Arabic workbook from the right', async () => {
    const root = tempDir();
    cpSync(join(REPO, 'examples/illustrative-monitoring'), root, { recursive: true });
    const matrix = await exported(root, ['results-matrix', '--lang', 'ar']);
    expect(matrix.worksheets.map((w) => w.name)).toEqual(['مصفوفة النتائج', 'حول']);
    expect(rightToLeft(matrix)).toEqual([true, true]);
    // The frozen header stays frozen when the sheet runs from the right.
    expect(matrix.worksheets[0]!.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const template = await exported(root, ['progress-template', '--period', '2026-H2', '--lang', 'ar']);
    expect(template.worksheets.map((w) => w.name)).toEqual(['Indicators', 'Actions', 'حول']);
    expect(rightToLeft(template)).toEqual([true, true, true]);
    const italian = await exported(root, ['results-matrix', '--lang', 'it']);
    expect(italian.worksheets.map((w) => w.name)).toEqual(['Matrice dei risultati', 'Informazioni']);
    expect(rightToLeft(italian)).toEqual([false, false]);
  });

  it('every sheet name in every report catalogue is one Excel accepts', () => {
    expect(REPORT_LANGUAGES.length).toBe(5);
    for (const lang of REPORT_LANGUAGES) {
      const { sheet } = JSON.parse(readFileSync(join(REPO, 'templates/reports/i18n', `${lang}.json`), 'utf8')) as { sheet: { results_matrix: string; about: { sheet: string } } };
      // At most 31 characters, none of []:*?/\, and no apostrophe first or last.
      for (const name of [sheet.results_matrix, sheet.about.sheet]) expect(name, lang).toMatch(/^(?!')[^[\]:*?/\\]{1,31}(?<!')$/);
    }
  });
});
