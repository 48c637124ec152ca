// `lamd report` as a user runs it: files written, exit codes, usage errors, atomic replacement. Most run
// in-process (runLamd); a few run the built binary, for the bundle's report code and the process's exit code.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, lamd, runLamd, tempDir } from '../helpers/lamd.js';

const NO_STACK = /\n\s+at .+:\d+:\d+/;
const PHASE_FILES = ['capitalization.en.md', 'final.en.md', 'preparatory.en.md', 'profile.en.md', 'progress.en.md', 'roadmap.en.md'];

describe('lamd report', () => {
  it('writes every phase into <workspace>/reports/ and says what it wrote', () => {
    const root = copyFixture('valid');
    const result = lamd(['report', 'all', '-C', root, '--today', '2024-06-01']);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    expect(readdirSync(join(root, 'reports')).sort()).toEqual(PHASE_FILES);
    const written = result.stderr.split('\n').filter((l) => l.startsWith('lamd: wrote ')).map((l) => l.replace(/^.*\/reports\//, ''));
    expect(written.sort()).toEqual(PHASE_FILES);
    expect(readFileSync(join(root, 'reports/roadmap.en.md'), 'utf8')).toMatch(/^# Road maps\n/);
  });

  it('uses the workspace\'s first report language by default, and --lang to choose', async () => {
    const root = copyFixture('valid');
    writeFileSync(join(root, 'lamd.yaml'), readFileSync(join(root, 'lamd.yaml'), 'utf8').replace('languages: [en, fr]', 'languages: [it, en]'));
    expect((await runLamd(['report', 'profile', '-C', root])).status).toBe(0);
    expect(readFileSync(join(root, 'reports/profile.it.md'), 'utf8')).toMatch(/^# Profili migratori delle città\n/);
    expect((await runLamd(['report', 'profile', '-C', root, '--lang', 'ar'])).status).toBe(0);
    expect(readFileSync(join(root, 'reports/profile.ar.md'), 'utf8')).toMatch(/^# الملفات التعريفية للهجرة في المدن\n/);
  });

  it('writes one self-contained HTML page per phase with --format html, into --out', () => {
    const root = copyFixture('valid');
    const out = join(tempDir(), 'site');
    const result = lamd(['report', 'roadmap', '-C', root, '--format', 'html', '--out', out, '--today', '2024-06-01']);
    expect(result.status).toBe(0);
    expect(readdirSync(out)).toEqual(['roadmap.en.html']);
    const html = readFileSync(join(out, 'roadmap.en.html'), 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en" dir="ltr">/);
    expect(html).toContain('<svg');
    expect(existsSync(join(root, 'reports'))).toBe(false);
  });

  it('reports on one municipality with --municipality, in a file named for it', async () => {
    const root = copyFixture('valid');
    expect((await runLamd(['report', 'roadmap', '-C', root, '-m', 'sfax'])).status).toBe(0);
    expect(readFileSync(join(root, 'reports/roadmap.sfax.en.md'), 'utf8')).toContain('This report covers Sfax only.');
  });

  it('replaces an existing report atomically, leaving no temporary file', async () => {
    const root = copyFixture('valid');
    mkdirSync(join(root, 'reports'));
    writeFileSync(join(root, 'reports/final.en.md'), 'old report');
    writeFileSync(join(root, 'reports/notes.md'), 'kept');
    expect((await runLamd(['report', 'final', '-C', root])).status).toBe(0);
    expect(readFileSync(join(root, 'reports/final.en.md'), 'utf8')).toMatch(/^# Final event/);
    expect(readFileSync(join(root, 'reports/notes.md'), 'utf8')).toBe('kept');
    expect(readdirSync(join(root, 'reports')).sort()).toEqual(['final.en.md', 'notes.md']);
  });

  it('refuses a workspace with validation errors: the errors, exit 1, no report', () => {
    const root = copyFixture('valid');
    const roadmap = join(root, 'municipalities/sfax/roadmaps/inclusive-services.yaml');
    writeFileSync(roadmap, readFileSync(roadmap, 'utf8').replace('goal: "10"', 'goal: 10'));
    const result = lamd(['report', 'all', '-C', root]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('inclusive-services.yaml');
    expect(result.stderr).toMatch(/schema\//);
    expect(result.stderr).toContain('no report was written');
    expect(existsSync(join(root, 'reports'))).toBe(false);
    expect(result.stderr).not.toMatch(NO_STACK);
  });

  it('is a usage error (exit 2) to ask for an unknown language, listing the languages', () => {
    const result = lamd(['report', 'all', '-C', copyFixture('valid'), '--lang', 'xx']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('lamd: lamd has no report catalogue for the language `xx`. The languages are: en, it, fr, sq, ar (a workspace can add one as templates/reports/i18n/<code>.json).\n');
  });

  it('is a usage error (exit 2) to ask for an unknown phase, listing the phases', async () => {
    const result = await runLamd(['report', 'summary', '-C', copyFixture('valid')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('lamd: There is no report phase `summary`. The phases are: preparatory, profile, capitalization, roadmap, final, progress, all.\n');
    expect((await runLamd(['report', '-C', copyFixture('valid')])).status).toBe(2);
  });

  it('is a usage error (exit 2) to name an unknown municipality, format or date', async () => {
    const root = copyFixture('valid');
    const municipality = await runLamd(['report', 'profile', '-C', root, '--municipality', 'milan']);
    expect(municipality.status).toBe(2);
    expect(municipality.stderr).toContain('The municipalities are: sfax, tangier.');
    expect((await runLamd(['report', 'profile', '-C', root, '--format', 'odt'])).status).toBe(2);
    expect((await runLamd(['report', 'profile', '-C', root, '--paper', 'a3'])).status).toBe(2);
    expect((await runLamd(['report', 'profile', '-C', root, '--today', '2024-02-30'])).status).toBe(2);
    expect(existsSync(join(root, 'reports'))).toBe(false);
  });

  it('uses a workspace\'s template override, and refuses a hostile one with exit 2 and no report', async () => {
    const root = copyFixture('valid');
    mkdirSync(join(root, 'templates/reports'), { recursive: true });
    writeFileSync(join(root, 'templates/reports/_footer.md.mustache'), '\nOur footer.\n');
    const good = await runLamd(['report', 'final', '-C', root]);
    expect(good.status).toBe(0);
    expect(good.stderr).toContain("using the workspace's template templates/reports/_footer.md.mustache");
    expect(readFileSync(join(root, 'reports/final.en.md'), 'utf8').trimEnd().endsWith('Our footer.')).toBe(true);

    writeFileSync(join(root, 'templates/reports/_footer.md.mustache'), '{{> ../../../../etc/passwd}}');
    const bad = await runLamd(['report', 'all', '-C', root]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^lamd: templates\/reports\/_footer\.md\.mustache: `\{\{> \.\.\/\.\.\/\.\.\/\.\.\/etc\/passwd\}\}` is not a partial name lamd accepts/);
    expect(bad.stderr).not.toMatch(/root:/);
    expect(bad.stderr).not.toMatch(NO_STACK);
    expect(readdirSync(join(root, 'reports'))).toEqual(['final.en.md']);
  });

  it('says in one line, exit 2, when the file system refuses a report (a folder in the way)', async () => {
    const root = copyFixture('valid');
    const out = join(tempDir(), 'out');
    mkdirSync(join(out, 'roadmap.en.md', 'x'), { recursive: true });
    const result = await runLamd(['report', 'roadmap', '-C', root, '-o', out]);
    expect(result.status).toBe(2);
    const lines = result.stderr.split('\n').filter((l) => l !== '' && !l.startsWith('lamd: note: '));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^lamd: Cannot write .*roadmap\.en\.md: a folder of that name is in the way\.$/);
    expect(result.stderr).not.toMatch(NO_STACK);
    expect(result.stderr).not.toMatch(/bug in lamd|EISDIR|Error:/);
    // The folder is as it was, and no temporary file is left beside it.
    expect(readdirSync(out)).toEqual(['roadmap.en.md']);
    expect(readdirSync(join(out, 'roadmap.en.md'))).toEqual(['x']);
  });

  it('names a catalogue override on stderr, and warns about templates put where lamd does not read them', async () => {
    const root = copyFixture('valid');
    mkdirSync(join(root, 'templates/reports/i18n'), { recursive: true });
    writeFileSync(join(root, 'templates/reports/i18n/en.json'), JSON.stringify({ heading: { report_final: 'Closing event' } }));
    writeFileSync(join(root, 'templates/roadmap.md.mustache'), '# Ignored\n');
    const result = await runLamd(['report', 'final', '-C', root]);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain("lamd: using the workspace's catalogue templates/reports/i18n/en.json\n");
    expect(result.stderr).toContain('lamd: warning: templates/roadmap.md.mustache is not used: report template overrides belong in templates/reports/ (move it to templates/reports/roadmap.md.mustache).\n');
    expect(readFileSync(join(root, 'reports/final.en.md'), 'utf8')).toMatch(/^# Closing event\n/);
    // Announced once, however many reports use it.
    const all = await runLamd(['report', 'all', '-C', root]);
    expect(all.stderr.split('\n').filter((l) => l.includes('i18n/en.json'))).toHaveLength(1);
    expect(all.stderr.split('\n').filter((l) => l.includes('is not used'))).toHaveLength(1);
  });

  it('says how to start outside a workspace', async () => {
    const result = await runLamd(['report', 'all'], { cwd: tempDir() });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/No lamd.yaml/);
  });
});
