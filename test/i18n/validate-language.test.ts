// lamd validate in the officer's language: LANG=fr_FR.UTF-8 (or --lang fr) gives French messages with
// the same rule ids, message ids and positions as in English; an unknown --lang is a usage error.
import { describe, expect, it } from 'vitest';
import { brokenWorkspace } from '../ci/broken-workspace.js';
import { runLamd } from '../helpers/lamd.js';

interface JsonRun {
  language: string;
  files: Array<{ file: string; diagnostics: Array<{ ruleId: string; messageId?: string; message: string; range?: unknown }> }>;
}

const shape = (report: JsonRun) => report.files.flatMap((f) => f.diagnostics.map((d) => ({ file: f.file, ruleId: d.ruleId, messageId: d.messageId, range: d.range })));
const messages = (report: JsonRun) => report.files.flatMap((f) => f.diagnostics.map((d) => d.message));

describe('lamd validate in the language of the locale', () => {
  it('LANG=fr_FR.UTF-8 prints French messages, with the same rule ids and positions as English', async () => {
    const root = brokenWorkspace();
    const english = await runLamd(['validate', '--format', 'json'], { cwd: root });
    const french = await runLamd(['validate', '--format', 'json'], { cwd: root, env: { LANG: 'fr_FR.UTF-8' } });
    expect(english.status).toBe(1);
    expect(french.status).toBe(1);
    const en = JSON.parse(english.stdout) as JsonRun;
    const fr = JSON.parse(french.stdout) as JsonRun;
    expect(en.language).toBe('en');
    expect(fr.language).toBe('fr');
    expect(shape(fr)).toEqual(shape(en));
    expect(shape(en).every((d) => d.messageId !== undefined)).toBe(true);
    // Every message is another text, and none is left in English.
    const [enMessages, frMessages] = [messages(en), messages(fr)];
    expect(frMessages.filter((m, i) => m === enMessages[i])).toEqual([]);
    expect(frMessages.join('\n')).toContain('`sdg.goal` doit être du texte, pas le nombre 16');
    expect(frMessages.join('\n')).toContain('Il n’existe pas de pratique `<b>nowhere</b> & co`');
    expect(french.stderr).toMatch(/fichiers vérifiés\u00a0: \d+ erreurs, \d+ avertissements?\./);
  });

  it('pretty output: French severities, summary and tool line, the rule ids and places unchanged', async () => {
    const root = brokenWorkspace();
    const english = await runLamd(['validate'], { cwd: root });
    const french = await runLamd(['validate'], { cwd: root, env: { LC_ALL: 'fr_FR.UTF-8', LANG: 'en_US.UTF-8' } });
    const places = (out: string) => [...out.matchAll(/^ {2}(\d+:\d+|-)\s+\S+\s.*?(\S+\/\S+)$/gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(places(french.stdout)).toEqual(places(english.stdout));
    expect(french.stdout).toMatch(/^ {2}\d+:\d+ +erreur +/m);
    expect(french.stdout).toMatch(/✖ \d+ erreurs(, | et )\d+ avertissements?( et \d+ informations?)? dans \d+ des \d+ fichiers vérifiés/);
    expect(french.stdout).toContain('version 1 du schéma des documents');
  });

  it('--lang it wins over the locale; LANGUAGE lists preferences as in gettext; a C locale is English', async () => {
    const root = brokenWorkspace();
    const italian = await runLamd(['validate', '--format', 'json', '--lang', 'it'], { cwd: root, env: { LANG: 'fr_FR.UTF-8' } });
    expect((JSON.parse(italian.stdout) as JsonRun).language).toBe('it');
    expect(messages(JSON.parse(italian.stdout) as JsonRun).join('\n')).toContain('Non esiste una pratica');
    const preferred = await runLamd(['validate', '--format', 'json'], { cwd: root, env: { LANG: 'de_DE.UTF-8', LANGUAGE: 'de:it' } });
    expect((JSON.parse(preferred.stdout) as JsonRun).language).toBe('it');
    const plain = await runLamd(['validate', '--format', 'json'], { cwd: root, env: { LANG: 'C', LANGUAGE: 'fr' } });
    expect((JSON.parse(plain.stdout) as JsonRun).language).toBe('en');
  });

  it('a locale lamd does not speak is English without a word; an unknown --lang is exit 2 naming the languages', async () => {
    const root = brokenWorkspace();
    const german = await runLamd(['validate', '--format', 'json'], { cwd: root, env: { LANG: 'de_DE.UTF-8' } });
    expect(german.status).toBe(1);
    expect((JSON.parse(german.stdout) as JsonRun).language).toBe('en');
    expect(german.stderr).not.toMatch(/de_DE|language/i);
    const unknown = await runLamd(['validate', '--lang', 'de'], { cwd: root });
    expect(unknown.status).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toBe('lamd: --lang de: lamd speaks en, fr, it. Choose one of them, or leave --lang out to follow LANG.\n');
    const inFrench = await runLamd(['validate', '--lang', 'xx'], { cwd: root, env: { LANG: 'fr_FR.UTF-8' } });
    expect(inFrench.stderr).toContain('lamd parle en, fr, it');
  });
});

describe('the message ids in the CI formats', () => {
  it('GitHub annotations and JUnit listings end each message with its id, the same in French', async () => {
    const root = brokenWorkspace();
    const github = await runLamd(['validate', '--format', 'github'], { cwd: root, env: { LANG: 'fr_FR.UTF-8' } });
    const annotation = github.stdout.split('\n').find((line) => line.includes('title=lamd schema/type::'))!;
    expect(annotation).toMatch(/doit être du texte.* \(lamd explain schema\/type\) \[schema\/type\.quote\]$/);
    const junit = await runLamd(['validate', '--format', 'junit'], { cwd: root });
    expect(junit.stdout).toMatch(/error references\/practice: There is no practice .* \[references\/practice\.missing\]/);
  });
});
