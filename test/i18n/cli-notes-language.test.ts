// lamd's notes, refusals and "wrote …" lines in the language of the run: report, export and the
// workspace checks they share speak French or Italian from LANG or --lang, as validate does.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { afterWriting } from '../../src/cli/after-writing.js';
import { processIO } from '../../src/cli/io.js';
import { brokenWorkspace } from '../ci/broken-workspace.js';
import { captureIO, copyFixture, runLamd, tempDir } from '../helpers/lamd.js';
import { LAMD_VERSION } from '../../src/version.js';
import { SFAX_ROADMAP, withSfaxError } from '../helpers/workspace.js';


/** The lines lamd says about itself (not the findings it prints as validate does). */
const lamdLines = (stderr: string) => stderr.split('\n').filter((line) => line.startsWith('lamd: '));

describe('lamd report speaks the language of the run', () => {
  it('--lang it: the left-out note and the "wrote" line in Italian', async () => {
    const root = withSfaxError();
    const result = await runLamd(['report', 'roadmap', '-m', 'tangier', '--lang', 'it', '--today', '2024-06-01'], { cwd: root });
    expect(result.status, result.stderr).toBe(0);
    expect(lamdLines(result.stderr)).toEqual([
      `lamd: nota: esclusi da questo rapporto perché contengono errori: ${SFAX_ROADMAP} (1 errore). \`lamd validate\` li elenca.`,
      'lamd: scritto: reports/roadmap.tangier.it.md',
    ]);
  });

  it('LANG=fr_FR.UTF-8: the refusal, with its plural and the --draft hint, in French', async () => {
    const root = withSfaxError();
    const result = await runLamd(['report', 'roadmap', '-m', 'sfax', '--today', '2024-06-01'], { cwd: root, env: { LANG: 'fr_FR.UTF-8' } });
    expect(result.status).toBe(1);
    // The findings that explain the refusal are French too, as validate prints them, ids unchanged.
    expect(result.stderr).toContain('  14:28  erreur  Il n’existe pas de pratique `no-such-practice` parmi les pratiques');
    expect(result.stderr).toContain('references/practice');
    expect(result.stderr).toContain(`✖ 1 erreur dans 1 fichier vérifié\nlamd ${LAMD_VERSION} · version 1 du schéma des documents`);
    expect(lamdLines(result.stderr)).toEqual([
      'lamd: aucun rapport n’a été écrit : les fichiers que lit ce rapport ont 1 erreur. Corrigez-la et relancez le rapport. Pour voir le rapport d’ici là, ajoutez --draft (il est marqué comme brouillon sur chaque page).',
    ]);
    const draft = await runLamd(['report', 'roadmap', '--draft', '--today', '2024-06-01'], { cwd: root, env: { LANG: 'fr_FR.UTF-8' } });
    expect(draft.status).toBe(0);
    expect(lamdLines(draft.stderr)[0]).toBe(`lamd: avertissement\u00a0: écriture d’un brouillon\u00a0: il contient des données en erreur provenant de ${SFAX_ROADMAP} (1 erreur). Chaque page l’indique\u202f; ne le diffusez pas comme version définitive.`);
  });

  it('the examples left out, counted and listed in each language', async () => {
    const root = tempDir();
    const init = await runLamd(['init', root, '--yes', '--name', 'Sousse', '--country', 'TN', '--start', '2025-01-01', '--end', '2025-12-31']);
    expect(init.status, init.stderr).toBe(0);
    const note = async (lang: string) => lamdLines((await runLamd(['report', 'roadmap', '--lang', lang, '--today', '2025-02-01'], { cwd: root })).stderr).find((l) => l.includes('example: true'));
    expect(await note('en')).toBe('lamd: note: left out 1 road map, 1 practice and 2 stakeholders marked as examples (`example: true`); `lamd validate` lists them until they are replaced.');
    expect(await note('fr')).toContain('(`example: true`) : 1 feuille de route, 1 pratique et 2 acteurs ;');
    expect(await note('it')).toContain('(`example: true`): 1 road map, 1 pratica e 2 attori;');
  });
});

describe('the whole-workspace check of export speaks the language of the run', () => {
  it('LANG=fr_FR.UTF-8: a workspace with errors is refused in French, with an ICU plural', async () => {
    const root = brokenWorkspace();
    const result = await runLamd(['export', 'results-matrix'], { cwd: root, env: { LANG: 'fr_FR.UTF-8' } });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(lamdLines(result.stderr).at(-1)).toMatch(/^lamd: rien n’a été écrit\u00a0: l’espace de travail a \d+ erreurs\. Corrigez-les et relancez lamd export results-matrix\.$/);
  });

  it('outside a workspace: French for export (its own words: it takes no files), Italian for validate (the loader\'s)', async () => {
    const empty = tempDir();
    const exported = await runLamd(['export', 'results-matrix'], { cwd: empty, env: { LANG: 'fr_FR.UTF-8' } });
    expect(exported.status).toBe(2);
    expect(exported.stderr).toBe('lamd: Aucun lamd.yaml ici ni dans un dossier parent, et lamd export results-matrix travaille sur un espace de travail entier. Lancez la commande dans l’un d’eux, indiquez -C <espace de travail>, ou lancez `lamd init` pour en créer un.\n');
    const validated = await runLamd(['validate'], { cwd: empty, env: { LC_ALL: 'it_IT.UTF-8' } });
    expect(validated.status).toBe(2);
    expect(validated.stderr).toMatch(/^lamd: Nessun lamd\.yaml qui né in una cartella superiore\./);
  });

  it('the progress template: rows to fill in and the next command, in Italian', async () => {
    const root = copyFixture('valid');
    const result = await runLamd(['export', 'progress-template', '--period', '2024-H1', '-o', 'progress.csv', '--lang', 'it', '--today', '2024-06-01'], { cwd: root });
    expect(result.status, result.stderr).toBe(0);
    expect(lamdLines(result.stderr)).toEqual(['lamd: scritto: progress.csv', expect.stringMatching(/^lamd: \d+ righe da compilare per 2024-H1; poi eseguite `lamd import progress progress\.csv --period 2024-H1`\.$/)]);
  });
});

describe('Ctrl-C once init or new has written', () => {
  it('is the process’s first SIGINT listener when lamd runs in its own process', () => {
    const handler = () => {};
    const io = processIO();
    try {
      io.onInterrupt(handler);
      expect(process.listeners('SIGINT')[0]).toBe(handler);
    } finally {
      process.removeListener('SIGINT', handler);
    }
  });

  it('says in Italian that every file was written, and exits 130', () => {
    const io = captureIO(tempDir());
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    const listeners = process.listenerCount('SIGINT');
    try {
      afterWriting(io, 'it');
      // Given to the run's IO, not to the test runner's process; called as a Ctrl-C would.
      expect(process.listenerCount('SIGINT')).toBe(listeners);
      expect(io.interrupts).toHaveLength(1);
      io.interrupts[0]!();
      expect(io.err).toBe('\nlamd: interrotto, ma solo dopo che tutti i file erano stati scritti; nessuno è scritto a metà.\n');
      expect(exit).toHaveBeenCalledWith(130);
    } finally {
      exit.mockRestore();
    }
  });
});

describe('lamd init speaks the language of the locale', () => {
  it('LANG=it_IT.UTF-8: the dry run counted in Italian; the closing message names the country in Italian', async () => {
    const parent = tempDir();
    const dry = await runLamd(['init', 'rete', '--yes', '--dry-run', '--name', 'Sousse', '--country', 'TN'], { cwd: parent, env: { LANG: 'it_IT.UTF-8' } });
    expect(dry.status, dry.stderr).toBe(0);
    const files = dry.stdout.trim().split('\n').length;
    expect(dry.stderr).toBe(`Prova a vuoto: in rete sarebbero scritti ${files} file; non è stato scritto nulla.\n`);
    const done = await runLamd(['init', 'rete', '--yes', '--name', 'Sousse', '--country', 'TN', '--lang', 'kli'], { cwd: parent, env: { LANG: 'it_IT.UTF-8' } });
    expect(done.status, done.stderr).toBe(0);
    expect(done.stderr).toContain('lamd: nota: kli non è un codice di lingua che lamd conosce; mantenuto come indicato.\n');
    expect(done.stderr).toMatch(/Sousse, Tunisia \(TN\)/);
    const french = await runLamd(['init', 'reseau', '--yes', '--name', 'Sousse', '--country', 'MA'], { cwd: parent, env: { LANG: 'fr_FR.UTF-8' } });
    expect(french.stderr).toMatch(/pour Sousse, Maroc \(MA\), dans reseau/);
  });
});

describe('errors raised below the CLI reach the person in the language of the run', () => {
  it('lamd sdg: a lookup that finds nothing, in French; its long help, in Italian', async () => {
    const missing = await runLamd(['sdg', '10.99'], { env: { LANG: 'fr_FR.UTF-8' } });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('lamd: Il n’y a pas de cible ODD 10.99. L’objectif 10 a les cibles 10.1–10.7, 10.a–10.c.\n');
    const help = await runLamd(['sdg', '--help'], { env: { LANG: 'it_IT.UTF-8' } });
    expect(help.stdout).toContain('Codici di uscita: 0 trovato;');
    expect(help.stdout).toContain('  Target = {id, goal, title, migration: null | {relevance: "direct" | "related", reason}}\nalsoListedAs elenca lo stesso indicatore con i suoi altri numeri.\nTitoli: i testi ufficiali dell’ONU;');
  });

  it('a report template lamd cannot use, a Chromium it cannot run, a wrong --today and -C: each in the language of the run', async () => {
    const root = copyFixture('valid');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(root, 'templates/reports'), { recursive: true });
    writeFileSync(join(root, 'templates/reports/roadmap.md.mustache'), '{{> Bad Name}}\n');
    const template = await runLamd(['report', 'roadmap', '--today', '2024-06-01'], { cwd: root, env: { LANG: 'fr_FR.UTF-8' } });
    expect(template.status).toBe(2);
    expect(template.stderr).toContain('lamd: templates/reports/roadmap.md.mustache : `{{> Bad Name}}` n’est pas un nom de partiel que lamd accepte');
    const pdf = await runLamd(['report', 'roadmap', '--format', 'pdf', '--lang', 'it'], { cwd: root, env: { LAMD_CHROMIUM: '/nowhere/chromium' } });
    expect(pdf.stderr).toBe('lamd: LAMD_CHROMIUM vale /nowhere/chromium, che non è un programma che lamd possa eseguire. Indicate un eseguibile di Chromium o di Chrome, oppure rimuovete la variabile per usare quello nel PATH.\n');
    const today = await runLamd(['report', 'roadmap', '--today', '2024-13-01'], { cwd: root, env: { LANG: 'fr_FR.UTF-8' } });
    expect(today.stderr).toBe('lamd: --today 2024-13-01 n’est pas une date ; écrivez-la AAAA-MM-JJ.\n');
    const elsewhere = await runLamd(['-C', 'nowhere', 'validate'], { cwd: root, env: { LANG: 'it_IT.UTF-8' } });
    expect(elsewhere.stderr).toBe(`lamd: La cartella dello spazio di lavoro ${join(root, 'nowhere')} non esiste.\n`);
  });
});

describe('lamd import refuses a file that is no workbook in the language of the run', () => {
  it('LANG=fr_FR.UTF-8: a binary file named .csv; --lang it: an .xlsx that is no zip', async () => {
    const root = copyFixture('valid');
    writeFileSync(join(root, 'progress.csv'), Buffer.from([0x00, 0x01, 0x02, 0x41]));
    const binary = await runLamd(['import', 'progress', 'progress.csv', '--period', '2024-H1', '--today', '2024-06-01'], { cwd: root, env: { LANG: 'fr_FR.UTF-8' } });
    expect(binary.status).toBe(2);
    expect(binary.stderr).toBe('lamd: progress.csv n’est pas un tableur : ni un classeur XLSX ni du texte CSV.\n');
    writeFileSync(join(root, 'progress.xlsx'), 'indicator,actual\n');
    const notZip = await runLamd(['import', 'progress', 'progress.xlsx', '--period', '2024-H1', '--lang', 'it', '--today', '2024-06-01'], { cwd: root });
    expect(notZip.stderr).toBe('lamd: progress.xlsx non è una cartella di lavoro XLSX (non è un file zip). Esportate di nuovo la cartella con `lamd export progress-template`.\n');
  });
});

describe('report and export outside a workspace', () => {
  it('lamd report says it works on a whole workspace, without the advice to name files (which only validate takes)', async () => {
    const report = await runLamd(['report', 'roadmap'], { cwd: tempDir() });
    expect(report.status).toBe(2);
    expect(report.stderr).toBe('lamd: No lamd.yaml here or in any parent folder, and a report is made from a whole workspace. Run lamd report inside one, pass -C <workspace>, or run `lamd init` to create one.\n');
  });
});
