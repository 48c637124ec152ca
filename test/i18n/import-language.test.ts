// `lamd import progress` in other languages than English: its refusals in the language of the run
// (LANG), and the progress report it writes (comment and placeholders) in the language of --lang.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INDICATOR_KEYS } from '../../src/export/progress-template.js';
import { REPO, runLamd, tempDir } from '../helpers/lamd.js';

const TODAY = '2027-01-20';

describe('lamd import progress speaks the language of the run', () => {
  it('says in French what a CSV without a `sheet` column is, and counts rows the French way', async () => {
    const root = tempDir();
    cpSync(join(REPO, 'examples/illustrative-monitoring'), root, { recursive: true });
    writeFileSync(join(root, 'Indicators.csv'), `${INDICATOR_KEYS.join(',')}\r\nvalmare,valmare-inclusive-services,desk-users,,,,,905\r\n`);
    writeFileSync(join(root, 'notes.csv'), 'title,body\r\nx,y\r\n');
    writeFileSync(join(root, 'long.csv'), `sheet,indicator\r\n${'Indicators,x\r\n'.repeat(23_456)}`);
    const fr = { env: { LANG: 'fr_FR.UTF-8' }, cwd: root };
    const oneSheet = await runLamd(['import', 'progress', 'Indicators.csv', '--period', '2026-H2', '--today', TODAY], fr);
    expect(oneSheet.status).toBe(2);
    expect(oneSheet.stderr).toContain('Indicators.csv ressemble à la feuille Indicators enregistrée seule');
    const noSheet = await runLamd(['import', 'progress', 'notes.csv', '--period', '2026-H2', '--today', TODAY], fr);
    expect(noSheet.stderr).toContain('notes.csv n’a pas de colonne `sheet` sur sa première ligne');
    const long = await runLamd(['import', 'progress', 'long.csv', '--period', '2026-H2', '--today', TODAY], fr);
    expect(long.stderr).toMatch(/long\.csv a 23\u202f456 lignes\u202f; .*\(au plus 20\u202f000\)/);
  });
});

describe('a progress report written in the language of the import', () => {
  it('gives the header comment and an unknown reporter in Italian with --lang it', async () => {
    const parent = tempDir();
    expect((await runLamd(['init', 'ws', '--yes', '--name', 'Milano', '--country', 'IT'], { cwd: parent })).status).toBe(0);
    const root = join(parent, 'ws');
    expect((await runLamd(['export', 'progress-template', '--period', '2025-H1', '--lang', 'it', '-f', 'csv', '-o', 'pt.csv'], { cwd: root })).status).toBe(0);
    const lines = readFileSync(join(root, 'pt.csv'), 'utf8').split('\r\n');
    // The first indicator row: actual and date, just after its target.
    lines[1] = lines[1]!.replace(/^((?:[^,]*,){8}),,/, '$12,2025-05-01,');
    writeFileSync(join(root, 'pt.csv'), lines.join('\r\n'));
    const imported = await runLamd(['import', 'progress', 'pt.csv', '--period', '2025-H1', '--lang', 'it', '--today', '2025-07-01'], { cwd: root });
    expect(imported.stderr).toContain('scritto: municipalities/milano/progress/example-roadmap-2025-H1.yaml');
    const written = readFileSync(join(root, 'municipalities/milano/progress/example-roadmap-2025-H1.yaml'), 'utf8');
    expect(written.split('\n').slice(1, 3)).toEqual([
      '# Avanzamento della road map example-roadmap per 2025-H1, scritto da `lamd import progress` a partire da pt.csv.',
      '# Controllate `stage` e `reported`; aggiungete scostamenti, rischi e prossimi passi.',
    ]);
    expect(written).toContain('  by: non registrato\n');
    expect((await runLamd(['validate', '-q'], { cwd: root })).status).toBe(0);
  });
});
