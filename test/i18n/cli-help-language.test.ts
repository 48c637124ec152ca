// lamd's help and usage errors in the officer's language: command and option descriptions, commander's
// own headings and parse errors, and the usage errors of the commands, under LANG=fr or --lang.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { helpLanguage } from '../../src/cli/main.js';
import { runLamd, tempDir } from '../helpers/lamd.js';
import { WORKSPACE_YAML, writeWorkspace } from '../helpers/workspace.js';

const FR = { LANG: 'fr_FR.UTF-8' };
/** Help as one line: commander wraps it at 80 columns. */
const flat = (text: string) => text.replace(/[ \n]+/g, ' ');

describe('help in the language of the locale', () => {
  it('LANG=fr_FR.UTF-8 lamd validate --help: French descriptions and headings', async () => {
    const { status, stdout } = await runLamd(['validate', '--help'], { env: FR });
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Utilisation\u00a0: lamd validate/);
    expect(flat(stdout)).toContain('vérifie les documents\u00a0: YAML, schéma, références, dates et règles de la méthode');
    expect(stdout).toContain('Options\u00a0:');
    expect(stdout).toContain('échouer aussi sur les avertissements');
    expect(stdout).toContain('valeurs');
    expect(flat(stdout)).not.toMatch(/fail on warnings|choices:|Usage:/);
  });

  it('LANG=fr_FR.UTF-8 lamd report --help: French descriptions', async () => {
    const { status, stdout } = await runLamd(['report', '--help'], { env: FR });
    expect(status).toBe(0);
    expect(flat(stdout)).toContain('produit un rapport de phase en Markdown, HTML, PDF ou Word');
    expect(stdout).toContain('rapport sur cette seule commune');
    expect(flat(stdout)).not.toContain('render a phase report');
  });

  it('LANG=fr and LANG=it: the examples of lamd new --help and the JSON views of lamd sdg --help hold no English phrase', async () => {
    const french = flat((await runLamd(['new', '--help'], { env: FR })).stdout);
    expect(french).toContain('--title "Guichet unique pour les nouveaux arrivants"');
    expect(french).toContain('--title "Des services ouverts à tous les habitants"');
    expect(french).toContain('--name "Direction de l’action sociale"');
    const italian = flat((await runLamd(['new', '--help'], { env: { LANG: 'it_IT.UTF-8' } })).stdout);
    expect(italian).toContain('--title "Sportello unico per i nuovi arrivati"');
    for (const help of [french, italian]) expect(help).not.toMatch(/One-stop shop|Services open to|Welfare Area/);
    const sdg = flat((await runLamd(['sdg', '--help'], { env: FR })).stdout);
    expect(sdg).toContain('alsoListedAs donne le même indicateur sous ses autres numéros.');
    expect(sdg).not.toContain('the same indicator');
  });

  it('never starts a wrapped help line with the colon or semicolon that French keeps after a no-break space', async () => {
    const starts: string[] = [];
    for (const command of [[], ['validate'], ['report'], ['init'], ['new'], ['export'], ['import'], ['sdg'], ['rules'], ['explain'], ['schema']]) {
      const { stdout } = await runLamd([...command, '--help'], { env: FR });
      for (const line of stdout.split('\n')) if (/^\s*[:;?!]/.test(line)) starts.push(`${command.join(' ') || 'lamd'}: ${line}`);
    }
    expect(starts).toEqual([]);
  });

  it('lamd --help lists the commands in Italian under LANG=it, and in English with no locale', async () => {
    const it_ = await runLamd(['--help'], { env: { LANG: 'it_IT.UTF-8' } });
    expect(it_.stdout).toContain('Comandi:');
    expect(flat(it_.stdout)).toContain('controlla i documenti: YAML, schema, riferimenti, date e regole del metodo');
    expect(it_.stdout).toContain('mostra l’aiuto di un comando');
    const en = await runLamd(['--help']);
    expect(en.stdout).toContain('Commands:');
    expect(flat(en.stdout)).toContain('check documents: YAML, schema, references, dates and method rules');
  });

  it('a command whose --lang is its output language gives its help in that language; init and new follow the locale', () => {
    expect(helpLanguage(['report', 'all', '--lang', 'it', '--help'], FR)).toBe('it');
    expect(helpLanguage(['-C', 'ws', 'validate', '--lang=fr'], {})).toBe('fr');
    expect(helpLanguage(['report', '--lang', 'ar'], FR)).toBe('fr');
    expect(helpLanguage(['init', '--lang', 'it'], FR)).toBe('fr');
    expect(helpLanguage(['new', 'municipality', '--lang', 'it'], {})).toBe('en');
  });
});

describe('usage errors in the language of the locale', () => {
  it('LANG=fr: a kind lamd new cannot make is refused in French (exit 2)', async () => {
    const { status, stderr } = await runLamd(['new', 'city'], { env: FR, cwd: tempDir() });
    expect(status).toBe(2);
    expect(stderr).toContain('lamd new ne sait pas créer «\u202fcity\u202f». Il crée\u00a0: municipality, practice');
  });

  it('LANG=fr: an option that does not apply to the kind is refused in French', async () => {
    const { status, stderr } = await runLamd(['new', 'practice', '--country', 'IT'], { env: FR, cwd: tempDir() });
    expect(status).toBe(2);
    expect(stderr).toContain('L’option --country ne s’applique pas à `lamd new practice`\u202f; ses options sont --municipality, --title, --cluster.');
  });

  it('LANG=fr: lamd init refuses a folder that is not empty in French, naming --force', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.txt'), 'x');
    const { status, stderr } = await runLamd(['init', dir, '--yes'], { env: FR });
    expect(status).toBe(2);
    expect(stderr).toContain('n’est pas vide. Ajoutez --force pour créer l’espace de travail parmi ses fichiers');
  });

  it('LANG=it: lamd schema and lamd explain refuse an unknown name in Italian', async () => {
    const schema = await runLamd(['schema', 'budget'], { env: { LANG: 'it_IT.UTF-8' } });
    expect(schema.status).toBe(2);
    expect(schema.stderr).toContain('Non esiste lo schema `budget`. Gli schemi sono: workspace, profile');
    const explain = await runLamd(['explain', 'roadmap/single-sgd'], { env: { LANG: 'it_IT.UTF-8' } });
    expect(explain.status).toBe(2);
    expect(explain.stderr).toMatch(/Non esiste la regola «roadmap\/single-sgd»\. Forse intendevate roadmap\/single-sdg\? `lamd rules` elenca le \d+ regole/);
  });

  it('LANG=fr: lamd new says in French what it would add, and LANG=it: lamd rules ends in Italian', async () => {
    const root = writeWorkspace({ 'lamd.yaml': WORKSPACE_YAML });
    const args = ['new', 'activity', 'exchange-2025', '--type', 'peer-exchange', '--title', 'Échange', '--date', '2025-03-01', '--yes', '--dry-run'];
    const dry = await runLamd(args, { env: FR, cwd: root });
    expect(dry.status).toBe(0);
    expect(dry.stderr).toContain('Simulation\u00a0: lamd devrait ajouter l’activité exchange-2025 (échange entre pairs)\u202f; rien n’a été écrit.');
    const rules = await runLamd(['rules'], { env: { LANG: 'it_IT.UTF-8' }, cwd: root });
    expect(rules.stderr).toMatch(/^\d+ regole; gravità come impostate in .*lamd\.yaml\. Modificate una regola regolabile/);
  });

  it('LANG=fr: lamd report and lamd export refuse a wrong phase or period in French', async () => {
    const report = await runLamd(['report', 'budget'], { env: FR });
    expect(report.status).toBe(2);
    expect(report.stderr).toContain('Il n’existe pas de phase de rapport `budget`. Les phases sont\u00a0: preparatory');
    const root = writeWorkspace({ 'lamd.yaml': WORKSPACE_YAML });
    const exported = await runLamd(['export', 'progress-template', '-o', 'p.xlsx'], { env: FR, cwd: root });
    expect(exported.status).toBe(2);
    expect(exported.stderr).toContain('lamd export progress-template a besoin de la période de rapport\u00a0: --period 2025-H1');
  });

  it("LANG=it: commander's parse errors, in Italian", async () => {
    const unknown = await runLamd(['validate', '--strit'], { env: { LANG: 'it_IT.UTF-8' } });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe('errore: opzione sconosciuta «--strit»\n(Forse intendevate --strict?)\n');
    const choice = await runLamd(['validate', '-f', 'xml'], { env: FR });
    expect(choice.stderr).toContain('ne peut pas valoir «\u202fxml\u202f». Valeurs possibles\u00a0: pretty, json');
    const english = await runLamd(['validate', '--strit']);
    expect(english.stderr).toBe("error: unknown option '--strit'\n(Did you mean --strict?)\n");
  });
});
