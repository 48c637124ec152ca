// lamd init in the workspace's language: a municipality named in Arabic script with its Latin name
// gets the folder of the Latin name, lamd.yaml names it per language, the reports in French say
// "Tanger" and those in Arabic "طنجة"; what lamd writes into the documents is in French.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { runLamd, tempDir } from '../helpers/lamd.js';

describe('lamd init in the languages of the municipality', () => {
  it('طنجة with --municipality-latin Tanger: municipalities/tanger/, "Tanger" in French reports, "طنجة" in Arabic ones', async () => {
    const cwd = tempDir();
    const init = await runLamd(['init', 'tanger-network', '--yes', '--municipality', 'طنجة', '--municipality-latin', 'Tanger', '--country', 'MA', '--lang', 'fr,ar', '--partner', 'Association Tanger Migrations (MA)'], { cwd });
    expect(init.status, init.stderr).toBe(0);
    const root = join(cwd, 'tanger-network');
    const workspace = YAML.parse(readFileSync(join(root, 'lamd.yaml'), 'utf8')) as {
      languages: string[];
      municipalities: Array<{ slug: string; name: unknown }>;
      partners: Array<{ role: string }>;
      programme: { name: string };
    };
    // No --network: lamd's default name, in the workspace's language too.
    expect(workspace.programme.name).toBe('Réseau pour l’intégration de la migration');
    expect(workspace.municipalities).toMatchObject([{ slug: 'tanger', name: { fr: 'Tanger', ar: 'طنجة' } }]);
    // Reports default to the municipality's languages, then English; the documents are written in the first.
    expect(workspace.languages).toEqual(['fr', 'ar', 'en']);
    expect(workspace.partners[0]!.role).toMatch(/^Partenaire de mise en œuvre/);
    expect(readFileSync(join(root, 'municipalities/tanger/profile.yaml'), 'utf8')).toMatch(/^# Profil migratoire de la ville de Tanger/m);

    expect((await runLamd(['validate', '-C', root])).status).toBe(0);
    const out = join(cwd, 'out');
    for (const lang of ['fr', 'ar']) {
      const report = await runLamd(['report', 'preparatory', '-C', root, '--lang', lang, '--out', out]);
      expect(report.status, report.stderr).toBe(0);
    }
    const reports = (lang: string) => readFileSync(join(out, `preparatory.${lang}.md`), 'utf8');
    expect(reports('fr')).toContain('Tanger');
    expect(reports('fr')).not.toContain('طنجة');
    expect(reports('ar')).toContain('طنجة');
  });

  it('a municipality in Latin letters keeps one name; reports in its languages and English', async () => {
    const cwd = tempDir();
    const init = await runLamd(['init', 'w', '--yes', '--name', 'Latina', '--country', 'IT', '--lang', 'it', '--partner', 'CeSPI (IT)'], { cwd });
    expect(init.status, init.stderr).toBe(0);
    const workspace = YAML.parse(readFileSync(join(cwd, 'w/lamd.yaml'), 'utf8')) as { languages: string[]; municipalities: Array<{ name: unknown }>; partners: Array<{ role: string }> };
    expect(workspace.municipalities[0]!.name).toBe('Latina');
    expect(workspace.languages).toEqual(['it', 'en']);
    expect(workspace.partners[0]!.role).toMatch(/^Partner attuatore/);
    expect((await runLamd(['validate', '-C', join(cwd, 'w')])).status).toBe(0);
  });

  it('speaks the language of the locale: LANG=it_IT.UTF-8 says what it made in Italian', async () => {
    const cwd = tempDir();
    const init = await runLamd(['init', 'w', '--yes', '--name', 'Latina', '--country', 'IT'], { cwd, env: { LANG: 'it_IT.UTF-8' } });
    expect(init.status, init.stderr).toBe(0);
    expect(init.stderr).toMatch(/^Creato uno spazio di lavoro lamd per Latina, .* in w: \d+ file\./m);
    expect(init.stderr).toContain('compilate il profilo migratorio della città');
  });

  it('suggests country codes with the names of the locale: LANG=fr Maroc → MA (Maroc), LANG=it Marocco → MA (Marocco)', async () => {
    const cwd = tempDir();
    const french = await runLamd(['init', 'w', '--yes', '--name', 'Tanger', '--country', 'Maroc'], { cwd, env: { LANG: 'fr_FR.UTF-8' } });
    expect(french.status).toBe(2);
    expect(french.stderr).toContain('Vouliez-vous dire MA (Maroc)\u202f?');
    expect((await runLamd(['init', 'ws', '--yes', '--name', 'Tanger', '--country', 'MA'], { cwd })).status).toBe(0);
    const guinea = await runLamd(['new', 'municipality', '--name', 'Conakry', '--country', 'Guinée', '-C', join(cwd, 'ws')], { cwd, env: { LANG: 'fr_FR.UTF-8' } });
    expect(guinea.stderr).toMatch(/GN \(Guinée\)/);
    const italian = await runLamd(['init', 'w', '--yes', '--name', 'Tangeri', '--country', 'Marocco'], { cwd, env: { LANG: 'it_IT.UTF-8' } });
    expect(italian.stderr).toContain('Intendevate MA (Marocco)?');
    expect(`${french.stderr}${guinea.stderr}${italian.stderr}`).not.toMatch(/Morocco|Guinea\b/);
  });
});
