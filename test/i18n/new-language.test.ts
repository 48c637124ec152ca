// lamd new in the officer's language: its questions, choice labels, refusals, notes and help in French
// or Italian from the locale, the same flags and values underneath. The prompts are scripted through the
// terminal's Asker (CliIO.asker), which @inquirer/prompts implements on a real terminal.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/io.js';
import type { Asker, Choice } from '../../src/scaffold/questions.js';
import { captureIO, copyFixture, runLamd, tempDir } from '../helpers/lamd.js';

/** What each prompt was asked, and the answers given, in order. */
const script: { answers: string[]; asked: Array<{ message: string; choices?: string[]; refusal?: string }> } = { answers: [], asked: [] };

/** Prompts that answer from the script and write down what they were asked, as @inquirer/prompts would ask it. */
function scriptedAsker(): Asker {
  const next = () => script.answers.shift() ?? '';
  const names = (choices: Choice[]) => choices.map((c) => c.name);
  return {
    text: async (o) => {
      // The refusal of an empty answer, as the prompt would show it before asking again.
      const refusal = o.validate('');
      script.asked.push({ message: o.message, ...(refusal !== true ? { refusal } : {}) });
      const answer = next();
      return answer === '' && o.default !== undefined ? o.default : answer;
    },
    search: async (o) => (script.asked.push({ message: o.message, choices: names(o.source('tun')) }), next()),
    select: async (o) => (script.asked.push({ message: o.message, choices: names(o.choices) }), next()),
    checkbox: async (o) => (script.asked.push({ message: o.message, choices: names(o.choices) }), next().split(',')),
  };
}

/** A terminal on both ends, outside CI, in `locale`: lamd may ask. */
function terminal(cwd: string, locale: string): CliIO & { out: string; err: string } {
  return Object.assign(captureIO(cwd, { LANG: locale }), { stdinIsTTY: true, stderrIsTTY: true, asker: scriptedAsker() });
}

async function asked(cwd: string, locale: string, args: string[], answers: string[]) {
  script.answers = [...answers];
  script.asked = [];
  const { main } = await import('../../src/cli/main.js');
  const io = terminal(cwd, locale);
  const status = await main(['node', 'lamd', ...args], io);
  return { status, io, asked: script.asked };
}

describe('lamd new asks in the language of the locale', () => {
  it('LANG=fr_FR.UTF-8: a practice, every question and choice in French, the values as the documents write them', async () => {
    const root = copyFixture('valid');
    const run = await asked(root, 'fr_FR.UTF-8', ['new', 'practice'], ['Guichet unique', '', 'sfax', 'access-to-services']);
    expect(run.status, run.io.err).toBe(0);
    expect(run.asked.map((a) => a.message)).toEqual([
      'Titre de la pratique',
      'Identifiant de la pratique (son nom de fichier) : minuscules a-z, chiffres et traits d’union',
      'Commune à laquelle appartient la pratique',
      'Groupe thématique (il regroupe les pratiques pour les échanges entre pairs)',
    ]);
    expect(run.asked[0]!.refusal).toBe('Une réponse est nécessaire ici.');
    expect(run.asked[3]!.choices).toContain('Accès aux services (access-to-services)');
    expect(existsSync(join(root, 'municipalities/sfax/practices/guichet-unique.yaml'))).toBe(true);
    expect(run.io.err).toMatch(/Pratique guichet-unique de sfax ajoutée/);
  });

  it('LANG=it_IT.UTF-8: a stakeholder, with its types and levels named in Italian, and how an answer was read', async () => {
    const root = copyFixture('valid');
    const run = await asked(root, 'it_IT.UTF-8', ['new', 'stakeholder'], ['Sportello migranti', 'Sportello Migranti', 'municipal-department', 'local', '']);
    expect(run.status, run.io.err).toBe(0);
    expect(run.asked.map((a) => a.message)).toEqual([
      'Nome dell’organizzazione, dell’ufficio o del ruolo (senza recapiti personali)',
      'Identificativo con cui citarlo: minuscole a-z, cifre e trattini',
      'Tipo',
      'Livello',
      'Comune a cui appartiene o in cui opera',
    ]);
    expect(run.asked[2]!.choices).toContain('Settore comunale (municipal-department)');
    expect(run.asked[3]!.choices).toEqual(['Locale (local)', 'Nazionale (national)', 'Internazionale (international)', 'Livello non registrato (not-recorded)']);
    expect(run.asked[4]!.choices![0]).toBe('(nessuno: livello nazionale o internazionale)');
    expect(run.io.err).toContain('  lamd lo interpreta come: sportello-migranti\n');
  });

  it('LANG=it_IT.UTF-8: a road map, the SDGs offered by their Italian titles', async () => {
    const root = copyFixture('valid');
    const run = await asked(root, 'it_IT.UTF-8', ['new', 'roadmap'], ['Servizi per tutti', '', 'sfax', '10']);
    expect(run.status, run.io.err).toBe(0);
    expect(run.asked.map((a) => a.message)).toEqual([
      'Titolo della road map',
      'Identificativo della road map (il nome del suo file): minuscole a-z, cifre e trattini',
      'Comune a cui appartiene la road map',
      'L’unico SDG a cui è collegata la road map',
    ]);
    expect(run.asked[3]!.choices).toContain('10. Riduzione delle disuguaglianze');
    expect(run.io.err).toMatch(/Aggiunta la road map servizi-per-tutti di sfax/);
  });

  it('LANG=fr_FR.UTF-8: lamd init asks every question in French, the SDGs by their French titles', async () => {
    const parent = tempDir();
    const run = await asked(parent, 'fr_FR.UTF-8', ['init', 'reseau'], ['', 'Sousse', '', 'TN', 'fr, arabe', '', '', '2025-01-01', '', '10']);
    expect(run.status, run.io.err).toBe(0);
    expect(run.asked.map((a) => a.message)).toEqual([
      'Nom du programme ou du réseau',
      'Nom de la première commune, tel qu’il s’écrit sur place',
      'Nom du dossier (identifiant) de la commune : minuscules a-z, chiffres et traits d’union',
      'Pays de la commune (tapez pour chercher)',
      expect.stringMatching(/^Langues de travail de la commune/),
      expect.stringMatching(/^Service qui pilote le processus/),
      expect.stringMatching(/^Partenaires de mise en œuvre/),
      'Début du programme (AAAA-MM-JJ, ou 1er mars 2025)',
      'Fin du programme (AAAA-MM-JJ, ou 1er mars 2025)',
      expect.stringMatching(/^ODD d’intérêt/),
    ]);
    expect(run.asked[9]!.choices).toContain('10. Inégalités réduites');
    expect(run.io.err).toMatch(/pour Sousse, Tunisie \(TN\), dans reseau/);
  });

  it('LANG=fr_FR.UTF-8: a municipality, the countries named in French', async () => {
    const root = copyFixture('valid');
    const run = await asked(root, 'fr_FR.UTF-8', ['new', 'municipality'], ['Sousse', '', 'TN', 'fr, arabe', '']);
    expect(run.status, run.io.err).toBe(0);
    expect(run.asked[0]!.message).toBe('Nom de la commune, tel qu’il s’écrit sur place');
    expect(run.asked[2]!.message).toBe('Pays de la commune (tapez pour chercher)');
    expect(run.asked[2]!.choices![0]).toBe('Tunisie (TN)');
    expect(run.io.err).toContain('  lamd comprend : fr, ar\n');
  });
});

describe('lamd new without questions, in the language of the locale', () => {
  it('names every missing answer at once, in French, with the reasons', async () => {
    const root = copyFixture('valid');
    const result = await runLamd(['new', 'practice'], { cwd: root, env: { LANG: 'fr_FR.UTF-8' } });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'lamd: Il manque à lamd new practice : un identifiant (après le type de document) ou --title <titre>, --municipality <slug> et --cluster <cluster>. lamd ne pose aucune question avec --yes, quand CI est défini, ou quand l’entrée standard ou la sortie d’erreur n’est pas un terminal : donnez ces valeurs sur la ligne de commande. Rien n’a été écrit.\n',
    );
  });

  it('refuses a bad value in Italian, naming the flag', async () => {
    const root = copyFixture('valid');
    const result = await runLamd(['new', 'activity', '--type', 'party', '--date', '2025-03-04'], { cwd: root, env: { LC_ALL: 'it_IT.UTF-8' } });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('lamd: --type "party" non è uno dei valori: training, internal-consultation, peer-exchange, final-event.\n');
    const unsafe = await runLamd(['new', 'practice', 'Guichet Unique', '--municipality', 'sfax'], { cwd: root, env: { LC_ALL: 'it_IT.UTF-8' } });
    expect(unsafe.stderr).toBe('lamd: L’identificativo "Guichet Unique" non è un identificativo sicuro: contiene spazi. Intendevate `guichet-unique`?\n');
  });

  it('its help, per kind, with each allowed value explained in French', async () => {
    const result = await runLamd(['new', 'activity', '--help'], { env: { LANG: 'fr_FR.UTF-8' } });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('lamd new activity : ajoute une activité du programme');
    expect(result.stdout).toContain('  Exemple :\n');
    expect(result.stdout).toContain('  --type prend l’une des valeurs :\n    training: Une session de formation\n');
    expect(result.stdout).toContain('    hybrid: En présentiel, avec des participants en ligne\n');
    expect(result.stdout).toMatch(/Chaque option ne s’applique qu’aux types de documents qu’elle nomme\s+ci-dessus/);
    // English keeps the schema's own descriptions, without the title that repeats the value.
    const english = await runLamd(['new', 'practice', '--help']);
    expect(english.stdout).toContain('  --cluster takes one of:\n    governance-and-coordination: how the municipality organises and coordinates\n');
  });
});
