// The spreadsheet round trip: export the progress template, fill `actual` cells with exceljs as a
// spreadsheet saves them, import, and find the values in the YAML, the results matrix and the report
// (with % of target); bad cells refused one by one, workbooks lamd did not write refused whole.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { run as runExport } from '../../src/cli/commands/export.js';
import { run as runImport } from '../../src/cli/commands/import.js';
import { run as runReport } from '../../src/cli/commands/report.js';
import { UsageError } from '../../src/errors.js';
import { INDICATOR_KEYS, ACTION_KEYS } from '../../src/export/progress-template.js';
import { checkZip, parseCsv } from '../../src/import/workbook.js';
import { captureIO, lamd, REPO, tempDir } from '../helpers/lamd.js';
import { unescapeMarkup } from '../helpers/outputs.js';
import { describeWorkTime, timeWork } from '../helpers/work-time.js';

const EXAMPLE = join(REPO, 'examples/illustrative-monitoring');
const TODAY = '2027-01-20';
const PROGRESS = 'municipalities/valmare/progress/valmare-inclusive-services-2026-H2.yaml';

function workspace(): string {
  const root = tempDir();
  cpSync(EXAMPLE, root, { recursive: true });
  return root;
}

async function exportTemplate(root: string, file = 'progress.xlsx', extra: Record<string, string> = {}): Promise<string> {
  const out = captureIO(root);
  expect(await runExport(out, {}, 'progress-template', { period: '2026-H2', output: file, today: TODAY, ...extra })).toBe(0);
  return join(root, file);
}

/** Opens a workbook, lets `edit` change cells by column key, saves it as a spreadsheet would. */
/**
 * Writes `text` as the report, exports the period's template and imports it back as it is: the
 * report must be left byte for byte. The run's output, for what it says.
 */
async function reimportUnchanged(root: string, report: string, text: string, period = '2026-H1'): Promise<ReturnType<typeof captureIO>> {
  writeFileSync(join(root, report), text);
  await exportTemplate(root, 'progress.xlsx', { period });
  const out = captureIO(root);
  expect(await runImport(out, {}, 'progress', 'progress.xlsx', { today: TODAY })).toBe(0);
  expect(readFileSync(join(root, report), 'utf8')).toBe(text);
  return out;
}

async function fill(path: string, edit: (cell: (sheet: string, row: number, key: string) => ExcelJS.Cell) => void, out = path): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  edit((sheet, row, key) => {
    const ws = workbook.getWorksheet(sheet)!;
    const keys = ws.getRow(1).values as unknown[];
    return ws.getRow(row).getCell(keys.indexOf(key));
  });
  await workbook.xlsx.writeFile(out);
}

describe('the progress template', () => {
  it('has the sheets Indicators and Actions, row 1 the column keys (hidden), row 2 labels, data from row 3', async () => {
    const root = workspace();
    const path = await exportTemplate(root, 'progress.xlsx', { lang: 'it' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Indicators', 'Actions', 'Informazioni']);
    // The illustrative example's workbook says so, in its properties and on its last sheet.
    expect(workbook.title).toBe('Illustrative network for migration and local development (illustrative data, not a real programme)');
    expect(workbook.getWorksheet('Informazioni')!.getRow(2).values).toEqual([undefined, 'Edizione', 'illustrative data, not a real programme']);
    const indicators = workbook.getWorksheet('Indicators')!;
    expect((indicators.getRow(1).values as unknown[]).slice(1)).toEqual([...INDICATOR_KEYS]);
    expect(indicators.getRow(1).hidden).toBe(true);
    expect(indicators.getRow(2).getCell(8).value).toBe('Valore raggiunto');
    expect((indicators.getRow(3).values as unknown[]).slice(1, 8)).toEqual(['valmare', 'valmare-inclusive-services', 'desk-users', 'People helped by the information desk', 'persons', 400, 1200]);
    const actions = workbook.getWorksheet('Actions')!;
    expect((actions.getRow(1).values as unknown[]).slice(1)).toEqual([...ACTION_KEYS]);
    // Known values locked, the cells to fill open, with a drop-down for status and numeric checks.
    expect(indicators.getRow(3).getCell(3).protection?.locked).not.toBe(false);
    expect(indicators.getRow(3).getCell(8).protection?.locked).toBe(false);
    expect(actions.getRow(3).getCell(6).dataValidation).toMatchObject({ type: 'list', formulae: ['"Prevista,In corso,Conclusa,Rinviata,Annullata"'] });
    expect(actions.getRow(3).getCell(7).dataValidation).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 100] });
    expect(indicators.getRow(3).getCell(8).dataValidation).toMatchObject({ type: 'decimal' }); // a quantitative indicator's actual
    expect(indicators.getRow(3).getCell(9).dataValidation).toMatchObject({ type: 'date' });
    expect(indicators.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
  });

  it('offers and writes action statuses as labels in the report language, which import reads in any language', async () => {
    const root = workspace();
    const path = await exportTemplate(root, 'progress.xlsx', { period: '2026-H1', lang: 'fr' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const actions = workbook.getWorksheet('Actions')!;
    expect(actions.getRow(3).getCell(6).dataValidation).toMatchObject({ type: 'list', formulae: ['"Prévue,En cours,Réalisée,Reportée,Annulée"'] });
    // Reported already for 2026-H1: in progress, shown as the drop-down offers it.
    expect(actions.getRow(3).getCell(6).value).toBe('En cours');
    await fill(path, (cell) => {
      cell('Actions', 3, 'status').value = 'Réalisée';
    });
    // Imported in the workspace's language, not the workbook's.
    expect(await runImport(captureIO(root), {}, 'progress', 'progress.xlsx', { today: TODAY, force: true })).toBe(0);
    expect(readFileSync(join(root, 'municipalities/valmare/progress/valmare-inclusive-services-2026-H1.yaml'), 'utf8')).toContain('  - action: desk-extension\n    status: done\n');
  });

  it('names the workspace in the import command it suggests, when one was given with -C', async () => {
    const root = workspace();
    const out = captureIO(tempDir());
    expect(await runExport(out, { workspace: root }, 'progress-template', { period: '2026-H2', output: 'my progress.xlsx', today: TODAY })).toBe(0);
    expect(out.err).toContain(`then run \`lamd -C ${root} import progress 'my progress.xlsx' --period 2026-H2\`.`);
  });

  it('never overwrites a file without --force', async () => {
    const root = workspace();
    await exportTemplate(root);
    await expect(runExport(captureIO(root), {}, 'progress-template', { period: '2026-H2', output: 'progress.xlsx', today: TODAY })).rejects.toThrow(/already exists.*--force/);
    expect(await runExport(captureIO(root), {}, 'progress-template', { period: '2026-H2', output: 'progress.xlsx', today: TODAY, force: true })).toBe(0);
  });
});

describe('the results matrix', () => {
  it('in XLSX: real numbers and dates, a frozen header with filters, widths, labels in the report language', async () => {
    const root = workspace();
    expect(await runExport(captureIO(root), {}, 'results-matrix', { format: 'xlsx', output: 'matrix.xlsx', today: TODAY, lang: 'fr', municipality: 'bahra' })).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(root, 'matrix.xlsx'));
    const ws = workbook.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe('Commune');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.getColumn(5).width).toBe(40);
    const row = ws.getRow(2);
    expect(row.getCell(1).value).toBe('Bahra');
    expect(row.getCell(11).value).toBe(9); // actual
    expect(row.getCell(12).value).toEqual(new Date('2026-06-30T00:00:00Z')); // actual_date
    expect(row.getCell(14).value).toBe(0.45); // 45 % of target, as a percentage cell
    expect(row.getCell(14).numFmt).toBe('0.0%');
    expect(row.getCell(15).value).toBe('En retard');
    expect(ws.rowCount).toBe(4);
    expect(workbook.title).toContain('(illustrative data, not a real programme)');
    expect(workbook.description).toMatch(/None of it is real/);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Matrice des résultats', 'À propos']);
    // The sheet-local filter name Excel writes beside the autoFilter: without it LibreOffice shows no filter.
    const book = checkZip(readFileSync(join(root, 'matrix.xlsx')), 'matrix.xlsx').get('xl/workbook.xml')!.toString('utf8');
    expect(book).toContain('<definedName name="_xlnm._FilterDatabase" localSheetId="0">&apos;Matrice des résultats&apos;!$A$1:$Q$4</definedName>');
  });

  it('in CSV on standard output, with a byte-order mark and defused formulas', async () => {
    const out = captureIO(workspace());
    expect(await runExport(out, {}, 'results-matrix', { today: TODAY })).toBe(0);
    expect(out.out.startsWith('\uFEFFmunicipality,roadmap,objective,indicator_id,indicator,unit,baseline,baseline_date,target,target_date,actual,actual_date,period,percent_of_target,status,means_of_verification,comment\r\n')).toBe(true);
    const { csvField } = await import('../../src/export/csv.js');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField(-5)).toBe('-5');
  });

  it('calls an indicator with no target, or no baseline to draw a line from, not measurable, and counts it apart from on track', async () => {
    const root = workspace();
    const file = join(root, 'municipalities/valmare/roadmaps/valmare-inclusive-services.yaml');
    const yaml = readFileSync(file, 'utf8');
    const edited = yaml.replace('        target: { value: 3, date: 2026-12-31 }\n', '').replace('        baseline: { value: 400, date: 2025-06-30 }\n', '');
    expect(edited.length).toBeLessThan(yaml.length - 80);
    writeFileSync(file, edited);
    const matrix = captureIO(root);
    expect(await runExport(matrix, {}, 'results-matrix', { today: TODAY })).toBe(0);
    const rows = parseCsv(matrix.out.replace(/^\uFEFF/, ''));
    const status = (id: string) => rows.find((r) => r[3] === id)![rows[0]!.indexOf('status')];
    expect([status('desk-users'), status('staff-trained'), status('dup-objectives')]).toEqual(['not-measurable', 'off-track', 'not-measurable']);
    expect(await runReport(captureIO(root), {}, 'progress', { today: TODAY, lang: 'en', out: 'out' })).toBe(0);
    const markdown = readFileSync(join(root, 'out/progress.en.md'), 'utf8');
    expect(markdown).toContain('| Municipality | Road map | Reporting period | Achieved | On track | Off track | Not measurable | No data |');
    expect(markdown).toContain('| Valmare | Servizi comunali accessibili a tutti | 2026-H1 | 0 | 0 | 1 | 2 | 0 |');
  });
});

describe('the round trip', () => {
  it('takes the actual values into the YAML, the results matrix and the report, with % of target', async () => {
    const root = workspace();
    const path = await exportTemplate(root);
    await fill(path, (cell) => {
      cell('Indicators', 3, 'actual').value = 905;
      cell('Indicators', 3, 'date').value = new Date(Date.UTC(2026, 11, 31));
      cell('Indicators', 3, 'women').value = 480;
      // A formula counts by its saved value, as a spreadsheet stores it; lamd never evaluates it.
      cell('Indicators', 3, 'men').value = { formula: 'H3-J3', result: 425 } as ExcelJS.CellFormulaValue;
      cell('Indicators', 4, 'actual').value = 33;
      cell('Indicators', 4, 'women').value = 20;
      cell('Indicators', 4, 'men').value = 13;
      cell('Actions', 3, 'status').value = 'done';
      cell('Actions', 3, 'percent_complete').value = 100;
      cell('Actions', 3, 'allocated').value = 40000;
      cell('Actions', 3, 'committed').value = 40000;
      cell('Actions', 3, 'spent').value = 39000;
      cell('Actions', 3, 'plan_reference').value = 'DUP 2025-2027, Mission 12, Programme 04';
    });
    const imported = captureIO(root);
    expect(await runImport(imported, {}, 'progress', 'progress.xlsx', { today: TODAY })).toBe(0);
    expect(imported.err).toContain(`wrote ${PROGRESS}`);

    const yaml = readFileSync(join(root, PROGRESS), 'utf8');
    expect(yaml).toContain('period: 2026-H2');
    expect(yaml).toMatch(/- indicator: desk-users\n {4}actual: 905\n {4}date: 2026-12-31\n {4}by_sex:\n {6}women: 480\n {6}men: 425/);
    expect(yaml).toMatch(/- action: desk-extension\n {4}status: done\n {4}percent_complete: 100/);
    // Nothing was reported for Bahra: no document is made for it.
    expect(existsSync(join(root, 'municipalities/bahra/progress/bahra-diaspora-investment-2026-H2.yaml'))).toBe(false);

    const matrix = captureIO(root);
    expect(await runExport(matrix, {}, 'results-matrix', { format: 'csv', today: TODAY })).toBe(0);
    const rows = parseCsv(matrix.out.replace(/^\uFEFF/, ''));
    const header = rows[0]!;
    const desk = rows.find((r) => r[header.indexOf('indicator_id')] === 'desk-users')!;
    expect([desk[header.indexOf('actual')], desk[header.indexOf('actual_date')], desk[header.indexOf('period')], desk[header.indexOf('percent_of_target')]]).toEqual(['905', '2026-12-31', '2026-H2', '75.4']);

    const report = captureIO(root);
    expect(await runReport(report, {}, 'progress', { today: TODAY, lang: 'en', out: 'out' })).toBe(0);
    const markdown = readFileSync(join(root, 'out/progress.en.md'), 'utf8');
    expect(markdown).toContain('| 905 (31 December 2026) | 75.4% | 610 → 780 → 905 |');
  });

  it('checks every cell and writes nothing when one is wrong, in the officer language', async () => {
    const root = workspace();
    const path = await exportTemplate(root);
    await fill(path, (cell) => {
      cell('Indicators', 3, 'actual').value = '12,5';
      cell('Indicators', 4, 'actual').value = 'douze';
      cell('Indicators', 5, 'actual').value = 2;
      cell('Indicators', 5, 'date').value = '01/03/2025';
      cell('Indicators', 6, 'indicator').value = 'no-such-indicator';
      cell('Indicators', 7, 'indicator').value = null;
      cell('Indicators', 7, 'actual').value = 3;
      cell('Actions', 3, 'status').value = 'finished';
      cell('Actions', 4, 'percent_complete').value = 120;
      cell('Actions', 5, 'spent').value = { formula: 'A1*2' } as ExcelJS.CellFormulaValue;
    });
    const out = captureIO(root);
    expect(await runImport(out, {}, 'progress', 'progress.xlsx', { today: TODAY, lang: 'fr' })).toBe(1);
    expect(out.err.split('\n').filter((l) => /^\w+!/.test(l))).toEqual([
      'Indicators!H3 (actual)\u202f: «\u202f12,5\u202f» n’est pas un nombre. Écrivez des chiffres, avec un point pour les décimales (12.5).',
      'Indicators!H4 (actual)\u202f: «\u202fdouze\u202f» n’est pas un nombre. Écrivez des chiffres, avec un point pour les décimales (12.5).',
      'Indicators!I5 (date)\u202f: «\u202f01/03/2025\u202f» peut se lire jour/mois ou mois/jour. Écrivez-la AAAA-MM-JJ (2025-03-01).',
      'Indicators!C6 (indicator)\u202f: la feuille de route «\u202fbahra-diaspora-investment\u202f» n’a pas d’id «\u202fno-such-indicator\u202f».',
      'Indicators!C7 (indicator)\u202f: la ligne n’a pas d’id. Gardez les id écrits par lamd\u202f; ajoutez d’abord indicateurs et actions à la feuille de route.',
      'Actions!F3 (status)\u202f: «\u202ffinished\u202f» n’est pas un état. Choisissez parmi\u202f: Prévue, En cours, Réalisée, Reportée ou Annulée.',
      'Actions!G4 (percent_complete)\u202f: 120 est en dehors de 0 à 100.',
      'Actions!K5 (spent)\u202f: la cellule contient une formule sans valeur enregistrée. Tapez la valeur, ou enregistrez à nouveau le fichier.',
    ]);
    expect(existsSync(join(root, PROGRESS))).toBe(false);
  });

  it('updates an existing report only with --force, keeping its other entries and comments; --dry-run writes nothing', async () => {
    const root = workspace();
    const path = await exportTemplate(root);
    await fill(path, (cell) => {
      cell('Indicators', 3, 'actual').value = 850;
    });
    expect(await runImport(captureIO(root), {}, 'progress', 'progress.xlsx', { today: TODAY })).toBe(0);
    writeFileSync(join(root, PROGRESS), readFileSync(join(root, PROGRESS), 'utf8').replace('kind: progress', '# Checked by the working group.\nkind: progress') + 'next_steps: [Keep going]\n');
    await fill(path, (cell) => {
      cell('Indicators', 3, 'actual').value = 905;
    });
    const refused = captureIO(root);
    expect(await runImport(refused, {}, 'progress', 'progress.xlsx', { today: TODAY })).toBe(2);
    expect(refused.err).toContain('--force');
    const dry = captureIO(root);
    expect(await runImport(dry, {}, 'progress', 'progress.xlsx', { today: TODAY, force: true, dryRun: true })).toBe(0);
    expect(dry.out).toContain('actual: 905');
    expect(readFileSync(join(root, PROGRESS), 'utf8')).toContain('actual: 850');
    expect(await runImport(captureIO(root), {}, 'progress', 'progress.xlsx', { today: TODAY, force: true })).toBe(0);
    const yaml = readFileSync(join(root, PROGRESS), 'utf8');
    expect(yaml).toContain('actual: 905');
    expect(yaml).toContain('# Checked by the working group.');
    expect(yaml).toContain('Keep going');
  });

  it('with --force, keeps what an emptied cell held, down into by_sex and budget, and the comments and flow mappings around a changed value', async () => {
    const root = workspace();
    const report = 'municipalities/valmare/progress/valmare-inclusive-services-2026-H1.yaml';
    const before = readFileSync(join(root, report), 'utf8').replace('    actual: 780\n', '    actual: 780   # counted from the desk register\n');
    writeFileSync(join(root, report), before);
    const path = await exportTemplate(root, 'progress.xlsx', { period: '2026-H1' });
    // Indicators from row 3: desk-users, staff-trained, dup-objectives; Actions: desk-extension first.
    await fill(path, (cell) => {
      cell('Indicators', 3, 'women').value = null;
      cell('Indicators', 5, 'means_of_verification').value = null;
      cell('Actions', 3, 'committed').value = null;
      cell('Actions', 3, 'spent').value = 27000;
      cell('Indicators', 4, 'men').value = 7;
    });
    const out = captureIO(root);
    expect(await runImport(out, {}, 'progress', 'progress.xlsx', { today: TODAY, force: true })).toBe(0);
    // Only the two changed figures differ, each on its own characters.
    expect(readFileSync(join(root, report), 'utf8')).toBe(before.replace('by_sex: { women: 13, men: 6 }', 'by_sex: { women: 13, men: 7 }').replace('committed: 35000, spent: 26000', 'committed: 35000, spent: 27000'));
  });

  it('leaves a report the workbook does not change as it was, byte for byte, and says so', async () => {
    const root = workspace();
    const report = 'municipalities/valmare/progress/valmare-inclusive-services-2026-H1.yaml';
    const before = readFileSync(join(root, report), 'utf8').replace('    actual: 780\n', '    actual: 780   # counted from the desk register\n');
    // No --force needed: nothing would be changed.
    const out = await reimportUnchanged(root, report, before);
    expect(out.err).toContain(`lamd: unchanged ${report}: it already holds the workbook’s values`);
    expect(out.err).not.toContain('wrote');
  });

  it('re-imported unchanged, keeps this report’s plan link even when another period links the same place with other fields', async () => {
    const root = workspace();
    const later = 'municipalities/valmare/progress/valmare-inclusive-services-2026-H1.yaml';
    const report = 'municipalities/valmare/progress/valmare-inclusive-services-2025-H2.yaml';
    // The later report records the same budget line with a status and date of its own.
    writeFileSync(join(root, later), readFileSync(join(root, later), 'utf8').replace('section: Mission 12, budget_programme: Programme 04 }', 'section: Mission 12, budget_programme: Programme 04, status: adopted, date: 2026-03-01 }'));
    expect(lamd(['validate', '--today', TODAY], { cwd: root }).status).toBe(0);
    await reimportUnchanged(root, report, readFileSync(join(root, report), 'utf8'), '2025-H2');
  });

  it('re-imported unchanged, keeps in words a plan reference this report gives in words, though another period gives it with fields', async () => {
    const root = workspace();
    const report = 'municipalities/valmare/progress/valmare-inclusive-services-2026-H1.yaml';
    const before = readFileSync(join(root, report), 'utf8').replace('plan: { instrument: DUP 2025-2027, type: programming-document, section: Mission 01, budget_programme: Programme 10 }', 'plan_reference: "DUP 2025-2027, Mission 01, Programme 10"');
    expect(before).toContain('plan_reference: "DUP 2025-2027, Mission 01');
    await reimportUnchanged(root, report, before);
  });

  it('leaves unchanged a report whose budget gives a plan but no amounts, though the template fills in the costing’s currency', async () => {
    const root = workspace();
    const report = 'municipalities/valmare/progress/valmare-inclusive-services-2026-H1.yaml';
    const before = readFileSync(join(root, report), 'utf8').replace('budget: { currency: EUR, allocated: 40000, committed: 35000, spent: 26000, plan:', 'budget: { plan:');
    await reimportUnchanged(root, report, before);
  });

  it('writes a note with a Word line break and other controls over a single-quoted one so that the report still reads', async () => {
    const root = workspace();
    const report = 'municipalities/valmare/progress/valmare-inclusive-services-2026-H1.yaml';
    writeFileSync(join(root, report), readFileSync(join(root, report), 'utf8').replace("note: The trainers' contract is being renewed.", "note: 'The trainers'' contract is being renewed.'"));
    await exportTemplate(root, 'progress.csv', { period: '2026-H1' });
    const csv = readFileSync(join(root, 'progress.csv'), 'utf8');
    // A line break pasted from Word arrives as U+000B; DEL and C1 controls, which neither JSON nor the yaml package escape, come from other pastes.
    const filled = csv.replace("The trainers' contract is being renewed.", 'Renewed in June.\u000bTrainers start in July.\u007f\u0090');
    expect(filled).not.toBe(csv);
    writeFileSync(join(root, 'progress.csv'), filled);
    expect(await runImport(captureIO(root), {}, 'progress', 'progress.csv', { period: '2026-H1', today: TODAY, force: true })).toBe(0);
    const actions = (YAML.parse(readFileSync(join(root, report), 'utf8')) as { actions: Array<{ note?: string }> }).actions;
    expect(actions.map((a) => a.note)).toContain('Renewed in June.\nTrainers start in July.');
    expect(lamd(['validate', '--today', TODAY], { cwd: root }).status).toBe(0);
  });

  it('merged, an entry given a key it lacked keeps its comments, and a plan in words replaces the plan with fields', async () => {
    const root = workspace();
    const report = 'municipalities/valmare/progress/valmare-inclusive-services-2026-H1.yaml';
    writeFileSync(join(root, report), readFileSync(join(root, report), 'utf8').replace('    actual: 780\n', '    actual: 780 # counted from the desk register\n'));
    const path = await exportTemplate(root, 'progress.xlsx', { period: '2026-H1' });
    await fill(path, (cell) => {
      cell('Indicators', 3, 'comment').value = 'Checked by the auditor.';
      cell('Actions', 3, 'plan_reference').value = 'PAI 2026, line 3';
    });
    expect(await runImport(captureIO(root), {}, 'progress', 'progress.xlsx', { today: TODAY, force: true })).toBe(0);
    const yaml = readFileSync(join(root, report), 'utf8');
    expect(yaml).toContain('    actual: 780 # counted from the desk register\n    date: 2026-06-30\n    by_sex: { women: 420, men: 360 }\n    comment: Checked by the auditor.\n');
    expect(yaml).toContain('budget: { currency: EUR, allocated: 40000, committed: 35000, spent: 26000, plan_reference: "PAI 2026, line 3" }');
  });

  it('keeps the CRLF line ends of a report edited on Windows, when a key is added as when a value is changed', async () => {
    const root = workspace();
    const report = 'municipalities/valmare/progress/valmare-inclusive-services-2026-H1.yaml';
    writeFileSync(join(root, report), readFileSync(join(root, report), 'utf8').replace(/\n/g, '\r\n'));
    const path = await exportTemplate(root, 'progress.xlsx', { period: '2026-H1' });
    await fill(path, (cell) => {
      cell('Indicators', 3, 'comment').value = 'Checked by the auditor.';
    });
    expect(await runImport(captureIO(root), {}, 'progress', 'progress.xlsx', { today: TODAY, force: true })).toBe(0);
    const yaml = readFileSync(join(root, report), 'utf8');
    expect(yaml).toContain('    comment: Checked by the auditor.\r\n');
    expect(yaml.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('reads a plan reference back as the plan link with fields an earlier report gives, other words as words', async () => {
    const root = workspace();
    const path = await exportTemplate(root);
    await fill(path, (cell) => {
      // Actions, from row 3: Valmare's desk-extension, training, dup-proposal, then Bahra's.
      cell('Actions', 3, 'allocated').value = 40000;
      cell('Actions', 3, 'plan_reference').value = 'DUP 2025-2027, Mission 12, Programme 04';
      cell('Actions', 4, 'allocated').value = 15000;
      cell('Actions', 4, 'plan_reference').value = 'DUP 2025-2027, Mission 02';
    });
    expect(await runImport(captureIO(root), {}, 'progress', 'progress.xlsx', { today: TODAY })).toBe(0);
    const yaml = readFileSync(join(root, PROGRESS), 'utf8');
    expect(yaml).toMatch(/plan:\s*\n?\s*instrument: DUP 2025-2027\s+type: programming-document\s+section: Mission 12\s+budget_programme: Programme 04/);
    expect(yaml).toContain('plan_reference: DUP 2025-2027, Mission 02');
    expect(lamd(['validate', '--today', TODAY], { cwd: root }).status).toBe(0);
  });

  it('reads the CSV form: one file, a `sheet` column first', async () => {
    const root = workspace();
    await exportTemplate(root, 'progress.csv');
    const csv = readFileSync(join(root, 'progress.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toBe('\uFEFFsheet,municipality,roadmap,indicator,name,unit,baseline,target,actual,date,women,men,means_of_verification,comment,action,title,lead_unit,status,percent_complete,currency,allocated,committed,spent,plan_reference,note');
    const filled = csv.replace('Indicators,valmare,valmare-inclusive-services,desk-users,People helped by the information desk,persons,400,1200,,,,,', 'Indicators,valmare,valmare-inclusive-services,desk-users,People helped by the information desk,persons,400,1200,905,2026-12-31,480,425');
    expect(filled).not.toBe(csv);
    writeFileSync(join(root, 'progress.csv'), filled);
    expect(await runImport(captureIO(root), {}, 'progress', 'progress.csv', { period: '2026-H2', today: TODAY })).toBe(0);
    expect(readFileSync(join(root, PROGRESS), 'utf8')).toContain('actual: 905');
  });
});

describe('a file that is not a workbook lamd wrote', () => {
  it('is refused whole (exit 2), saying what is missing', async () => {
    const root = workspace();
    const path = await exportTemplate(root);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    workbook.getWorksheet('Indicators')!.name = 'Indicatori';
    workbook.getWorksheet('Actions')!.getRow(1).getCell(6).value = 'state';
    await workbook.xlsx.writeFile(join(root, 'renamed.xlsx'));
    await expect(runImport(captureIO(root), {}, 'progress', 'renamed.xlsx', { today: TODAY })).rejects.toThrow(
      /not a progress workbook lamd wrote: the sheet `Indicators` is missing; row 1 of the sheet `Actions` lacks the column key `status` \(sheets found: `Indicatori`, `Actions`, `About`\)/,
    );
  });

  it('is refused when it is no spreadsheet, damaged, encrypted, a zip bomb or 100,000 rows long', async () => {
    const root = workspace();
    const cases: [string, Buffer, RegExp][] = [
      ['text.xlsx', Buffer.from('hello'), /not an XLSX workbook/],
      ['binary.csv', Buffer.from([0, 1, 2, 3, 255, 254]), /neither an XLSX workbook nor UTF-8 text|not a spreadsheet/],
      ['cut.xlsx', readFileSync(await exportTemplate(root)).subarray(0, 3000), /damaged XLSX/],
      ['encrypted.xlsx', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]), /password-protected/],
    ];
    for (const [name, bytes, message] of cases) {
      writeFileSync(join(root, name), bytes);
      await expect(runImport(captureIO(root), {}, 'progress', name, { today: TODAY }), name).rejects.toThrow(message);
    }
  });

  it('stops a zip bomb before inflating it, and a sheet of 100,000 rows before parsing it', async () => {
    const { deflateRawSync } = await import('node:zlib');
    const zip = (name: string, content: Buffer, declared = content.length) => {
      const data = deflateRawSync(content);
      const nameBytes = Buffer.from(name);
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(8, 8);
      local.writeUInt32LE(data.length, 18);
      local.writeUInt32LE(declared, 22);
      local.writeUInt16LE(nameBytes.length, 26);
      const central = Buffer.alloc(46);
      central.writeUInt32LE(0x02014b50, 0);
      central.writeUInt16LE(8, 10);
      central.writeUInt32LE(data.length, 20);
      central.writeUInt32LE(declared, 24);
      central.writeUInt16LE(nameBytes.length, 28);
      const eocd = Buffer.alloc(22);
      eocd.writeUInt32LE(0x06054b50, 0);
      eocd.writeUInt16LE(1, 8);
      eocd.writeUInt16LE(1, 10);
      eocd.writeUInt32LE(46 + nameBytes.length, 12);
      eocd.writeUInt32LE(30 + nameBytes.length + data.length, 16);
      return Buffer.concat([local, nameBytes, data, central, nameBytes, eocd]);
    };
    const started = Date.now();
    // 20 MB of zeros that say they are 1 KB.
    expect(() => checkZip(zip('xl/worksheets/sheet1.xml', Buffer.alloc(20 * 1024 * 1024), 1024), 'bomb.xlsx')).toThrow(/zip bomb/);
    const rows = Buffer.from(`<worksheet><sheetData>${'<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(100_000)}</sheetData></worksheet>`);
    const root = workspace();
    writeFileSync(join(root, 'long.xlsx'), zip('xl/worksheets/sheet1.xml', rows));
    await expect(runImport(captureIO(root), {}, 'progress', 'long.xlsx', { today: TODAY })).rejects.toThrow(/100,000 rows; a progress workbook has one row per indicator or action/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('exits 2 from the binary, with no stack trace', () => {
    const root = workspace();
    writeFileSync(join(root, 'notes.xlsx'), 'not a workbook');
    const result = lamd(['import', 'progress', 'notes.xlsx', '--today', TODAY], { cwd: root });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^lamd: notes\.xlsx is not an XLSX workbook/);
    expect(result.stderr).not.toMatch(/\bat \//);
  });

  it('is a usage error without a period to report on', async () => {
    const root = workspace();
    writeFileSync(join(root, 'p.csv'), 'sheet,municipality,roadmap,indicator\r\n');
    await expect(runImport(captureIO(root), {}, 'progress', 'p.csv', { today: TODAY })).rejects.toThrow(UsageError);
  });
});

/** Runs LibreOffice headless with a profile of its own (one profile serves one instance at a time), so that several run at once. */
function soffice(root: string, profile: string, args: string[]): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.env.LAMD_SOFFICE ?? 'soffice', ['--headless', `-env:UserInstallation=file://${root}/.lo-${profile}`, ...args], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 60_000 });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

/**
 * The rows of a sheet of a flat ODS file as LibreOffice shows them: each cell's displayed text (its
 * paragraphs), repeated cells and rows spelled out, empty cells at the end of a row left off.
 */
function shownRows(fods: string, sheet: string): string[][] {
  const table = new RegExp(`<table:table table:name="${sheet}"[^>]*>([\\s\\S]*?)</table:table>`).exec(fods);
  if (!table) throw new Error(`no sheet ${sheet}`);
  const text = (xml: string) =>
    unescapeMarkup(
      [...xml.matchAll(/<text:p\b[^>]*>([\s\S]*?)<\/text:p>/g)]
        .map((p) => p[1]!.replace(/<text:s(?: text:c="(\d+)")?\/>/g, (_, n?: string) => ' '.repeat(Number(n ?? 1))).replace(/<[^>]+>/g, ''))
        .join('\n'),
    );
  const repeat = (attributes: string, name: string) => Number(new RegExp(`table:number-${name}-repeated="(\\d+)"`).exec(attributes)?.[1] ?? 1);
  const rows: string[][] = [];
  for (const row of table[1]!.matchAll(/<table:table-row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/table:table-row>)/g)) {
    const cells: string[] = [];
    for (const cell of (row[2] ?? '').matchAll(/<table:(?:covered-)?table-cell\b([^>]*?)(?:\/>|>([\s\S]*?)<\/table:(?:covered-)?table-cell>)/g)) {
      cells.push(...Array<string>(Math.min(repeat(cell[1]!, 'columns'), 1024)).fill(text(cell[2] ?? '')));
    }
    while (cells.at(-1) === '') cells.pop();
    for (let i = Math.min(repeat(row[1]!, 'rows'), 1024); i > 0; i--) rows.push(cells);
  }
  return rows;
}

describe('LibreOffice', () => {
  // The real consumer: soffice opens lamd's XLSX files without a repair prompt and converts them.
  it('opens the results matrix and the progress template, showing their values and filters, and saves a filled-in template that imports', async () => {
    const root = workspace();
    await exportTemplate(root);
    expect(await runExport(captureIO(root), {}, 'results-matrix', { format: 'xlsx', output: 'matrix.xlsx', today: TODAY })).toBe(0);
    // A copy of the template filled in, for LibreOffice to save (below).
    mkdirSync(join(root, 'filled'));
    await fill(
      join(root, 'progress.xlsx'),
      (cell) => {
        cell('Indicators', 3, 'actual').value = 905;
      },
      join(root, 'filled/progress.xlsx'),
    );
    // The two conversions at once: each is mostly LibreOffice starting.
    const [ods, resave] = await Promise.all([
      soffice(root, 'fods', ['--convert-to', 'fods', '--outdir', join(root, 'fods'), join(root, 'matrix.xlsx'), join(root, 'progress.xlsx')]),
      soffice(root, 'xlsx', ['--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', join(root, 'saved'), join(root, 'filled/progress.xlsx')]),
    ]);
    expect(ods.status, ods.stderr).toBe(0);
    // What LibreOffice shows in each cell (its flat ODS keeps the text of every cell as displayed).
    const matrix = readFileSync(join(root, 'fods/matrix.fods'), 'utf8');
    const progress = readFileSync(join(root, 'fods/progress.fods'), 'utf8');
    expect(shownRows(matrix, 'Results matrix')[1]!.join(',')).toMatch(/^Valmare,Servizi comunali accessibili a tutti,.*,780,2026-06-30,2026-H1,65\.0%,On track(?:,|$)/);
    // A percentage LibreOffice computes with, not a text: the cell's value is the fraction.
    expect(matrix).toMatch(/<table:table-cell [^>]*office:value-type="percentage" [^>]*office:value="0\.65"/);
    expect(shownRows(progress, 'Indicators')[0]).toEqual(INDICATOR_KEYS);
    expect(shownRows(progress, 'Actions')[0]).toEqual(ACTION_KEYS);
    // LibreOffice opens them with their filters on (a database range with filter buttons per sheet).
    const filters = (fods: string) => fods.match(/<table:database-range [^>]*table:display-filter-buttons="true"/g) ?? [];
    expect(filters(matrix)).toHaveLength(1);
    expect(filters(progress)).toHaveLength(2);

    // A workbook filled in and saved by LibreOffice itself imports.
    expect(resave.status, resave.stderr).toBe(0);
    expect(await runImport(captureIO(root), {}, 'progress', 'saved/progress.xlsx', { period: '2026-H2', today: TODAY })).toBe(0);
    expect(readFileSync(join(root, PROGRESS), 'utf8')).toContain('actual: 905');
  }, 60_000);
});

describe('an import that would leave the workspace wrong, or misread the officer', () => {
  /** The CSV template (it carries no period of its own) with desk-users filled in. */
  async function filledCsv(root: string): Promise<string> {
    await exportTemplate(root, 'progress.csv');
    const csv = readFileSync(join(root, 'progress.csv'), 'utf8');
    const filled = csv.replace('Indicators,valmare,valmare-inclusive-services,desk-users,People helped by the information desk,persons,400,1200,,', 'Indicators,valmare,valmare-inclusive-services,desk-users,People helped by the information desk,persons,400,1200,905,');
    expect(filled).not.toBe(csv);
    writeFileSync(join(root, 'progress.csv'), filled);
    return filled;
  }

  it('refuses, before writing, a period that overlaps one the road map already reports on', async () => {
    const root = workspace();
    await filledCsv(root);
    const out = captureIO(root);
    expect(await runImport(out, {}, 'progress', 'progress.csv', { period: '2026-Q2', today: TODAY })).toBe(1);
    expect(out.err).toContain('road map “valmare-inclusive-services” has a progress report for 2026-H1 (municipalities/valmare/progress/valmare-inclusive-services-2026-H1.yaml), which overlaps 2026-Q2.');
    expect(existsSync(join(root, 'municipalities/valmare/progress/valmare-inclusive-services-2026-Q2.yaml'))).toBe(false);
    // The advice is one the import then follows: a workbook exported for 2026-H1 (not this one, which --period would refuse).
    expect(out.err).toContain('Report these values for 2026-H1: export its workbook (`lamd export progress-template --period 2026-H1`), fill it in and import it;');
    await exportTemplate(root, 'h1.xlsx', { period: '2026-H1' });
    expect(await runImport(captureIO(root), {}, 'progress', 'h1.xlsx', { today: TODAY })).toBe(0);
  });

  it('refuses --period when the workbook was exported for another period, naming both', async () => {
    const root = workspace();
    const path = await exportTemplate(root);
    await fill(path, (cell) => {
      cell('Indicators', 3, 'actual').value = 905;
    });
    await expect(runImport(captureIO(root), {}, 'progress', 'progress.xlsx', { period: '2026-Q3', today: TODAY })).rejects.toThrow(/progress\.xlsx was exported for 2026-H2, but --period says 2026-Q3/);
    expect(existsSync(join(root, 'municipalities/valmare/progress/valmare-inclusive-services-2026-Q3.yaml'))).toBe(false);
  });

  it('reports each CSV row whose sheet is neither Indicators nor Actions, instead of dropping it', async () => {
    const root = workspace();
    const csv = await filledCsv(root);
    const lines = csv.split('\r\n');
    const bogus = lines.map((l, i) => (i === 2 ? l.replace(/^Indicators,/, 'Indikators,') : i === 3 ? l.replace(/^Indicators,/, ',') : l));
    writeFileSync(join(root, 'progress.csv'), bogus.join('\r\n'));
    const out = captureIO(root);
    expect(await runImport(out, {}, 'progress', 'progress.csv', { period: '2026-H2', today: TODAY })).toBe(1);
    expect(out.err).toContain('progress.csv:3 (sheet): “Indikators” is not Indicators or Actions.');
    expect(out.err).toContain('progress.csv:4 (sheet): the row does not say its sheet. Write Indicators or Actions.');
    expect(existsSync(join(root, PROGRESS))).toBe(false);
  });

  it('speaks the officer language in its summary lines too', async () => {
    const root = workspace();
    const path = await exportTemplate(root);
    await fill(path, (cell) => {
      cell('Indicators', 3, 'actual').value = 'douze';
    });
    const refused = captureIO(root);
    expect(await runImport(refused, {}, 'progress', 'progress.xlsx', { today: TODAY, lang: 'fr' })).toBe(1);
    expect(refused.err).toContain('lamd: rien n’a été écrit. Problèmes trouvés\u202f: 1. Corrigez-les dans progress.xlsx et importez-le à nouveau.');
    await fill(path, (cell) => {
      cell('Indicators', 3, 'actual').value = 905;
    });
    const dry = captureIO(root);
    expect(await runImport(dry, {}, 'progress', 'progress.xlsx', { today: TODAY, lang: 'it', dryRun: true })).toBe(0);
    expect(dry.err).toContain('lamd: prova: rapporti di avanzamento che sarebbero scritti per 2026-H2: 1. Non è stato scritto nulla.');
    const wrote = captureIO(root);
    expect(await runImport(wrote, {}, 'progress', 'progress.xlsx', { today: TODAY, lang: 'fr' })).toBe(0);
    expect(wrote.err).toContain(`lamd: écrit\u202f: ${PROGRESS}`);
    expect(wrote.err).not.toMatch(/nothing|wrote/);
  });

  it('--dry-run previews an update without --force, and says the import would need it', async () => {
    const root = workspace();
    const path = await exportTemplate(root);
    await fill(path, (cell) => {
      cell('Indicators', 3, 'actual').value = 850;
    });
    expect(await runImport(captureIO(root), {}, 'progress', 'progress.xlsx', { today: TODAY })).toBe(0);
    await fill(path, (cell) => {
      cell('Indicators', 3, 'actual').value = 905;
    });
    const dry = captureIO(root);
    expect(await runImport(dry, {}, 'progress', 'progress.xlsx', { today: TODAY, dryRun: true })).toBe(0);
    expect(dry.out).toContain(`# ${PROGRESS} (updated)`);
    expect(dry.out).toContain('actual: 905');
    expect(dry.err).toContain(`the import needs --force to update them:\n  ${PROGRESS}\n`);
    expect(readFileSync(join(root, PROGRESS), 'utf8')).toContain('actual: 850');
  });
});

describe('an import beside other languages and previews', () => {
  it('is not stopped by a broken catalogue of a language the run does not use', async () => {
    const root = workspace();
    const path = await exportTemplate(root);
    await fill(path, (cell) => {
      cell('Indicators', 3, 'actual').value = 905;
    });
    mkdirSync(join(root, 'templates/reports/i18n'), { recursive: true });
    writeFileSync(join(root, 'templates/reports/i18n/sq.json'), '{ "label": ');
    const out = captureIO(root);
    expect(await runImport(out, {}, 'progress', 'progress.xlsx', { today: TODAY })).toBe(0);
    expect(readFileSync(join(root, PROGRESS), 'utf8')).toContain('actual: 905');
    // Said once, naming the file: a workbook exported in that language would have its statuses refused.
    expect(out.err.match(/^lamd: note: .*templates\/reports\/i18n\/sq\.json.*$/gm)).toHaveLength(1);
  });

  it('counts in a dry run only the reports it would write, not those it would leave as they are', async () => {
    const root = workspace();
    await exportTemplate(root, 'progress.xlsx', { period: '2026-H1' });
    const dry = captureIO(root);
    expect(await runImport(dry, {}, 'progress', 'progress.xlsx', { today: TODAY, dryRun: true })).toBe(0);
    expect(dry.err).toContain('dry run: progress reports that would be written for 2026-H1: 0.');
  });

  it('lists the statuses to choose from the way the language lists alternatives', async () => {
    const root = workspace();
    const path = await exportTemplate(root);
    await fill(path, (cell) => {
      cell('Actions', 3, 'status').value = 'stalled';
    });
    const out = captureIO(root);
    expect(await runImport(out, {}, 'progress', 'progress.xlsx', { today: TODAY })).toBe(1);
    expect(out.err).toContain('Choose one of: Planned, In progress, Done, Postponed or Cancelled.');
  });
});

describe('the CSV form, read within bounds and addressed by line', () => {
  it('names the line a row starts on, after a cell that runs over several lines', async () => {
    const root = workspace();
    await exportTemplate(root, 'progress.csv');
    const lines = readFileSync(join(root, 'progress.csv'), 'utf8').split('\r\n');
    // Line 3 gets a comment of three lines; the row on line 4 of the export now starts on line 6.
    lines[2] = lines[2]!.replace(/,,,,,$/, ',,,,,"first line\nsecond line\nthird line"').replace(/^(Indicators(?:,[^,]*){7}),/, '$1,905');
    lines[3] = lines[3]!.replace(/^(Indicators(?:,[^,]*){7}),/, '$1,douze');
    writeFileSync(join(root, 'progress.csv'), lines.join('\r\n'));
    const out = captureIO(root);
    expect(await runImport(out, {}, 'progress', 'progress.csv', { period: '2026-H2', today: TODAY })).toBe(1);
    expect(out.err).toContain('progress.csv:6 (Indicators) (actual): “douze” is not a number.');
  });

  it('reads a CSV saved with semicolons, as Excel does in French, and still refuses a decimal comma', async () => {
    const root = workspace();
    await exportTemplate(root, 'progress.csv');
    const records = parseCsv(readFileSync(join(root, 'progress.csv'), 'utf8').replace(/^\uFEFF/, ''));
    const actual = records[0]!.indexOf('actual');
    const desk = records.findIndex((r) => r[3] === 'desk-users');
    const staff = records.findIndex((r) => r[3] === 'staff-trained');
    const semicolons = (rows: string[][]) => '\uFEFF' + rows.map((r) => r.map((f) => (/[;"\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(';')).join('\r\n');
    records[desk]![actual] = '905';
    writeFileSync(join(root, 'progress.csv'), semicolons(records));
    expect(await runImport(captureIO(root), {}, 'progress', 'progress.csv', { period: '2026-H2', today: TODAY })).toBe(0);
    expect(readFileSync(join(root, PROGRESS), 'utf8')).toContain('actual: 905');
    records[staff]![actual] = '12,5';
    writeFileSync(join(root, 'progress.csv'), semicolons(records));
    const out = captureIO(root);
    expect(await runImport(out, {}, 'progress', 'progress.csv', { period: '2026-H2', today: TODAY, force: true })).toBe(1);
    expect(out.err).toContain(`progress.csv:${staff + 1} (Indicators) (actual): “12,5” is not a number.`);
  });

  it('lists the problems in the order of the lines, and of the columns in a line', async () => {
    const root = workspace();
    await exportTemplate(root, 'progress.csv');
    const lines = readFileSync(join(root, 'progress.csv'), 'utf8').split('\r\n');
    // Line 3: women (column 11) and date (column 10) wrong; line 4: no sheet; line 5: actual wrong.
    lines[2] = lines[2]!.replace(/^(Indicators(?:,[^,]*){8}),,,/, '$1,31/31/2026,lots,');
    lines[3] = lines[3]!.replace(/^Indicators,/, ',');
    lines[4] = lines[4]!.replace(/^(Indicators(?:,[^,]*){7}),/, '$1,douze');
    writeFileSync(join(root, 'progress.csv'), lines.join('\r\n'));
    const out = captureIO(root);
    expect(await runImport(out, {}, 'progress', 'progress.csv', { period: '2026-H2', today: TODAY })).toBe(1);
    expect(out.err.split('\n').filter((l) => l.startsWith('progress.csv:')).map((l) => l.replace(/:(?: “| the).*$/, ''))).toEqual([
      'progress.csv:3 (Indicators) (date)',
      'progress.csv:3 (Indicators) (women)',
      'progress.csv:4 (sheet)',
      'progress.csv:5 (Indicators) (actual)',
    ]);
  });

  it('refuses 100,000 rows quickly, counting lines before parsing them', async () => {
    const root = workspace();
    const row = 'Indicators,valmare,valmare-inclusive-services,desk-users,People helped by the information desk of the town,persons,400,1200,905,2026-12-31,480,425,Register of the desk 2026,Counted twice a year,,,,,,,,,,,\r\n';
    writeFileSync(join(root, 'long.csv'), `sheet,${[...new Set([...INDICATOR_KEYS, ...ACTION_KEYS])].join(',')}\r\n${row.repeat(100_000)}`);
    const { time } = await timeWork(() => expect(runImport(captureIO(root), {}, 'progress', 'long.csv', { period: '2026-H2', today: TODAY })).rejects.toThrow(/long\.csv has 100,000 rows/));
    expect(time.cpuMs, describeWorkTime(time)).toBeLessThan(2500);
  });

  it('tells how to make the one-file form from a sheet saved on its own', async () => {
    const root = workspace();
    writeFileSync(join(root, 'Indicators.csv'), `${INDICATOR_KEYS.join(',')}\r\nvalmare,valmare-inclusive-services,desk-users,,,,,905\r\n`);
    await expect(runImport(captureIO(root), {}, 'progress', 'Indicators.csv', { period: '2026-H2', today: TODAY })).rejects.toThrow(/looks like the sheet Indicators saved on its own.*Insert a first column headed `sheet` holding Indicators on every row/);
  });
});

describe('cells that read as values but cannot be right', () => {
  it('refuses a measurement dated after today or far from the period, and a formula whose result is an error', async () => {
    const root = workspace();
    const path = await exportTemplate(root);
    await fill(path, (cell) => {
      cell('Indicators', 3, 'actual').value = 905;
      cell('Indicators', 3, 'date').value = new Date(Date.UTC(2031, 0, 1));
      cell('Indicators', 4, 'actual').value = 33;
      cell('Indicators', 4, 'date').value = '2025-01-15';
      cell('Indicators', 5, 'actual').value = 2;
      cell('Indicators', 5, 'date').value = new Date(Date.UTC(2027, 0, 5)); // just after the period: fine
      cell('Actions', 3, 'spent').value = { formula: 'J3/0', result: { error: '#DIV/0!' } } as unknown as ExcelJS.CellFormulaValue;
    });
    const out = captureIO(root);
    expect(await runImport(out, {}, 'progress', 'progress.xlsx', { today: '2027-01-10' })).toBe(1);
    expect(out.err.split('\n').filter((l) => /^\w+!/.test(l))).toEqual([
      'Indicators!I3 (date): 2031-01-01 is after today (2027-01-10). Write the date the value was measured.',
      'Indicators!I4 (date): 2025-01-15 is more than six months away from the period 2026-H2 (2026-07-01 to 2026-12-31). Write the date the value was measured, or import it for the period it belongs to.',
      'Actions!K3 (spent): the formula’s result is an error (#DIV/0!). Correct the formula, or type the value.',
    ]);
    expect(existsSync(join(root, PROGRESS))).toBe(false);
  });
});
