// `lamd init` end to end without a terminal (in-process; the built binary for pipes and permissions): the
// workspace it makes validates with no diagnostic, bad input is one message and exit 2 with nothing
// written, nothing is ever overwritten.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { asOrdinaryUser, BIN, REPO, runLamd, tempDir } from '../helpers/lamd.js';
import { files, fingerprint, NO_STACK, validateSummary } from './helpers.js';

const VERSION = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string }).version;
const SFAX = ['--yes', '--name', 'Sfax', '--country', 'TN', '--lang', 'fr,ar', '--start', '2025-01-01', '--end', '2025-12-31'];

describe('lamd init: the done criteria', () => {
  it.each([
    ['Sfax', [], 'sfax'],
    ['Tiranë', [], 'tirane'],
    ['صفاقس', ['--slug', 'sfax'], 'sfax'],
    ['صفاقس', [], 'sfqs'],
  ])('%s: init then validate -C exits 0 with only the reminders of its examples', async (name, extra, slug) => {
    const cwd = tempDir();
    const init = await runLamd(['init', 'demo', '--yes', '--name', name, '--country', name === 'Tiranë' ? 'AL' : 'TN', '--lang', 'fr,ar', ...extra], { cwd });
    expect(init.stderr).not.toMatch(NO_STACK);
    expect(init.status).toBe(0);
    expect(init.stdout).toBe('');
    expect(init.stderr).toMatch(/Created a lamd workspace/);
    const { status, summary } = await validateSummary(join(cwd, 'demo'));
    expect(status).toBe(0);
    // Four examples (a practice, a road map, two stakeholders) and the endorsement still to record.
    expect(summary).toMatchObject({ errors: 0, warnings: 4, infos: 1, files: 5 });
    expect(files(join(cwd, 'demo'))).toContain(`municipalities/${slug}/profile.yaml`);
    const workspace = YAML.parse(readFileSync(join(cwd, 'demo/lamd.yaml'), 'utf8')) as { municipalities: Array<{ name: string; slug: string }> };
    expect(workspace.municipalities).toMatchObject([{ name, slug }]);
  });

  it('creates the workspace in the current folder when no folder is given, and validates from there', async () => {
    const cwd = tempDir();
    expect((await runLamd(['init', ...SFAX], { cwd })).status).toBe(0);
    expect((await runLamd(['validate'], { cwd })).status).toBe(0);
  });

  it('writes every file the issue asks for', async () => {
    const cwd = tempDir();
    expect((await runLamd(['init', 'demo', ...SFAX, '--partner', 'CeSPI (IT)', '--lead-unit', 'Direction: #1', '--sdg', '11,10'], { cwd })).status).toBe(0);
    expect(files(join(cwd, 'demo'))).toEqual([
      '.github/lamd-package.mjs',
      '.github/workflows/lamd.yml',
      '.gitignore',
      '.lamd/schemas/activity.schema.json',
      '.lamd/schemas/common.schema.json',
      '.lamd/schemas/practice.schema.json',
      '.lamd/schemas/profile.schema.json',
      '.lamd/schemas/progress.schema.json',
      '.lamd/schemas/roadmap.schema.json',
      '.lamd/schemas/stakeholders.schema.json',
      '.lamd/schemas/workspace.schema.json',
      '.vscode/settings.json',
      '.vscode/tasks.json',
      'README.md',
      'activities/README.md',
      'lamd.yaml',
      'municipalities/sfax/practices/example-practice.yaml',
      'municipalities/sfax/profile.yaml',
      'municipalities/sfax/roadmaps/example-roadmap.yaml',
      'stakeholders.yaml',
    ]);
    for (const name of ['workspace', 'common', 'roadmap']) {
      expect(readFileSync(join(cwd, `demo/.lamd/schemas/${name}.schema.json`), 'utf8')).toBe(readFileSync(join(REPO, `schemas/${name}.schema.json`), 'utf8'));
    }
    const roadmap = YAML.parse(readFileSync(join(cwd, 'demo/municipalities/sfax/roadmaps/example-roadmap.yaml'), 'utf8')) as { sdg: { goal: string } };
    expect(roadmap.sdg.goal).toBe('11');
    expect((await validateSummary(join(cwd, 'demo'))).summary).toMatchObject({ errors: 0, warnings: 4, infos: 1 });
  });

  it('writes a GitHub workflow that is valid YAML, runs on push and pull request, installs the pinned lamd and validates with --format github', async () => {
    const cwd = tempDir();
    expect((await runLamd(['init', 'demo', ...SFAX], { cwd })).status).toBe(0);
    const workflow = YAML.parseDocument(readFileSync(join(cwd, 'demo/.github/workflows/lamd.yml'), 'utf8'), { version: '1.2', uniqueKeys: true });
    expect(workflow.errors).toEqual([]);
    const value = workflow.toJS() as { on: Record<string, unknown>; jobs: Record<string, { 'runs-on': string; steps: Array<{ run?: string; uses?: string }> }> };
    expect(Object.keys(value.on).sort()).toEqual(['pull_request', 'push']);
    const steps = Object.values(value.jobs).flatMap((job) => job.steps);
    expect(steps.some((s) => s.uses?.startsWith('actions/checkout@'))).toBe(true);
    expect(steps.some((s) => s.uses?.startsWith('actions/setup-node@'))).toBe(true);
    const runs = steps.map((s) => s.run ?? '');
    // It installs the package lamd.yaml names, by default this lamd's own name and version.
    const install = runs.findIndex((r) => r.includes('"$(node .github/lamd-package.mjs)"') && r.includes('npm install --global'));
    expect(readFileSync(join(cwd, 'demo/lamd.yaml'), 'utf8')).toContain(`\nlamd_package: lamd@${VERSION}\n`);
    // Sfax works in French, and GitHub's runners in English (LANG=C.UTF-8): the annotations are asked in French.
    const validate = runs.findIndex((r) => r === 'lamd validate --format github --lang fr');
    expect(install).toBeGreaterThanOrEqual(0);
    expect(validate).toBeGreaterThan(install);
  });

  it('points every document at the workspace copy of its schema, and .vscode/settings.json too', async () => {
    const cwd = tempDir();
    expect((await runLamd(['init', 'demo', ...SFAX], { cwd })).status).toBe(0);
    const root = join(cwd, 'demo');
    for (const file of files(root).filter((f) => f.endsWith('.yaml') && !f.startsWith('.'))) {
      const first = readFileSync(join(root, file), 'utf8').split('\n')[0]!;
      const schema = /^# yaml-language-server: \$schema=(\S+)$/.exec(first)?.[1];
      expect(schema, file).toBeDefined();
      expect(schema!.startsWith('http')).toBe(false);
      expect(readFileSync(join(root, file, '..', schema!), 'utf8')).toContain('"$schema"');
    }
    const settings = JSON.parse(readFileSync(join(root, '.vscode/settings.json'), 'utf8')) as { 'yaml.schemas': Record<string, string> };
    for (const schema of Object.keys(settings['yaml.schemas'])) expect(readFileSync(join(root, schema), 'utf8')).toContain('"$id"');
  });
});

describe('lamd init --municipality, the older spelling of --name', () => {
  it('still works, with a note that --municipality is a slug everywhere else', async () => {
    const cwd = tempDir();
    const result = await runLamd(['init', 'demo', '--yes', '--municipality', 'Sfax', '--country', 'TN'], { cwd });
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/note: the name of the first municipality is now given with --name \(--name "Sfax"\)/);
    expect(readFileSync(join(cwd, 'demo/lamd.yaml'), 'utf8')).toMatch(/name: Sfax/);
    const empty = await runLamd(['init', 'demo2', '--yes', '--municipality', ' ', '--country', 'TN'], { cwd });
    expect(empty.stderr).toMatch(/--municipality is empty/);
  });
});

describe('lamd init never asks without a terminal, and names what is missing', () => {
  it('exits 2 naming --name and --country, writing nothing', async () => {
    const cwd = tempDir();
    const result = await runLamd(['init', 'demo', '--yes'], { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/lamd init needs --name <name> and --country <code>\./);
    expect(fingerprint(cwd)).toEqual({});
  });

  it('asks nothing when CI is unset but standard input is not a terminal', async () => {
    const cwd = tempDir();
    const result = await runLamd(['init', 'demo', '--name', 'Sfax'], { cwd, env: { CI: undefined } });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/needs --country <code>/);
    expect(fingerprint(cwd)).toEqual({});
  });

  it('does not hang on an open pipe with no data', async () => {
    const cwd = tempDir();
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
    delete env.CI;
    const child = spawn(process.execPath, [BIN, 'init', 'demo'], { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const status = await new Promise<number | null>((done) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        done(null);
      }, 15_000);
      child.on('exit', (code) => {
        clearTimeout(timer);
        done(code);
      });
    });
    child.stdin.end();
    expect(status).toBe(2);
    expect(stderr).toMatch(/needs --name <name> and --country <code>/);
  });

  it('names the folder of a municipality written in another script after a transliteration, and says so', async () => {
    const cwd = tempDir();
    const result = await runLamd(['init', 'sfax', '--yes', '--name', 'صفاقس', '--country', 'TN', '--lang', 'fr,ar'], { cwd });
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/^lamd: note: the folder of صفاقس is municipalities\/sfqs\/, from a transliteration of its name\. Give its name in Latin letters with --name-latin/m);
    expect(files(join(cwd, 'sfax'))).toContain('municipalities/sfqs/profile.yaml');
    expect(await validateSummary(join(cwd, 'sfax'))).toMatchObject({ status: 0, summary: { errors: 0, warnings: 4 } });
  });

  it("never takes the folder's name for the municipality's: in the current folder too, the name gives it", async () => {
    const cwd = tempDir();
    const result = await runLamd(['init', '--yes', '--name', 'Тирана', '--country', 'AL'], { cwd });
    expect(result.status).toBe(0);
    expect(files(cwd)).toContain('municipalities/tirana/profile.yaml');
  });

  it('names the folder after the Latin name given with --name-latin', async () => {
    const cwd = tempDir();
    const result = await runLamd(['init', 'w', '--yes', '--name', 'Αθήνα', '--name-latin', 'Athens', '--country', 'GR'], { cwd });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).not.toMatch(/transliteration/);
    expect(files(join(cwd, 'w'))).toContain('municipalities/athens/profile.yaml');
  });
});

describe('lamd init refuses bad input with one message, exit 2 and nothing written', () => {
  it.each([
    [['--slug', '../x'], /--slug "\.\.\/x" is not a safe id: it contains a slash/],
    [['--slug', 'my city'], /contains spaces/],
    [['--slug', 'Sfax'], /uppercase/],
    [['--slug', 'nul'], /Windows reserves/],
    [['--slug', 'x'.repeat(65)], /65 characters long/],
    [['--country', 'XX'], /--country "XX" is not an ISO 3166-1 alpha-2 country code/],
    [['--country', 'Tunisia'], /Did you mean TN \(Tunisia\)/],
    [['--start', '2025-06-01', '--end', '2025-05-31'], /--end 2025-05-31 is before --start 2025-06-01/],
    [['--start', '2025-02-30'], /--start "2025-02-30" is not a date/],
    [['--lang', 'frnch'], /"frnch" is not a language lamd knows/],
    [['--sdg', '18'], /"18" is not an SDG goal/],
    [['--name', ' '], /--name is empty/],
    [['--municipality', 'Sfax'], /takes the name of the first municipality with --name; --municipality is its older spelling\. Give --name only/],
  ])('%j', async (extra, message) => {
    const cwd = tempDir();
    const args = ['init', 'demo', '--yes', '--name', 'Sfax', '--country', 'TN', ...extra];
    const result = await runLamd(args, { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toMatch(NO_STACK);
    expect(fingerprint(cwd)).toEqual({});
  });

  it('refuses a target that is a file', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'demo'), 'a file');
    const before = fingerprint(cwd);
    const result = await runLamd(['init', 'demo', ...SFAX], { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^lamd: demo is a file, not a folder/);
    expect(fingerprint(cwd)).toEqual(before);
  });

  it('refuses a folder that is already a workspace, even with --force', async () => {
    const cwd = tempDir();
    expect((await runLamd(['init', 'demo', ...SFAX], { cwd })).status).toBe(0);
    const before = fingerprint(cwd);
    const result = await runLamd(['init', 'demo', ...SFAX, '--force'], { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/already a lamd workspace.*lamd new municipality/);
    expect(fingerprint(cwd)).toEqual(before);
  });

  it('refuses a read-only folder with one clear message', () => {
    const cwd = tempDir();
    const ro = join(cwd, 'ro');
    mkdirSync(ro);
    chmodSync(cwd, 0o755);
    chmodSync(ro, 0o555);
    try {
      // Root ignores permission bits: run lamd as an unprivileged user then.
      const asUser = asOrdinaryUser();
      const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', CI: 'true' };
      const result = spawnSync(process.execPath, [BIN, 'init', 'ro/demo', ...SFAX], { cwd, env, encoding: 'utf8', ...asUser });
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/^lamd: Cannot write in .*ro: permission denied \(the folder is read-only for you\)\. Nothing was written\.\n$/);
      expect(fingerprint(ro)).toEqual({});
      const inside = spawnSync(process.execPath, [BIN, 'init', 'ro', ...SFAX], { cwd, env, encoding: 'utf8', ...asUser });
      expect(inside.status).toBe(2);
      expect(inside.stderr).toMatch(/permission denied/);
      expect(fingerprint(ro)).toEqual({});
    } finally {
      chmodSync(ro, 0o755);
    }
  });
});

describe('lamd init never overwrites', () => {
  function crowded(): { cwd: string; target: string } {
    const cwd = tempDir();
    const target = join(cwd, 'repo');
    mkdirSync(join(target, '.vscode'), { recursive: true });
    writeFileSync(join(target, 'README.md'), '# My repository\n');
    writeFileSync(join(target, '.vscode/settings.json'), '{ "editor.tabSize": 4 }\n');
    writeFileSync(join(target, 'notes.txt'), 'mine\n');
    return { cwd, target };
  }

  it('refuses a folder that is not empty without --force, changing nothing', async () => {
    const { cwd, target } = crowded();
    const before = fingerprint(target);
    const result = await runLamd(['init', 'repo', ...SFAX], { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/repo is not empty\. Pass --force/);
    expect(fingerprint(target)).toEqual(before);
  });

  it('accepts a folder holding only .git', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'repo/.git'), { recursive: true });
    expect((await runLamd(['init', 'repo', ...SFAX], { cwd })).status).toBe(0);
  });

  it('with --force, lists the files in the way first, keeps them byte for byte, and adds the rest', async () => {
    const { cwd, target } = crowded();
    const before = fingerprint(target);
    const result = await runLamd(['init', 'repo', ...SFAX, '--force'], { cwd });
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/^These files exist and are kept as they are \(lamd never overwrites a file; lamd's versions are not written\):\n {2}repo\/\.vscode\/settings\.json\n {2}repo\/README\.md\n/);
    // The kept editor settings lack lamd's schema mapping: lamd prints it to merge by hand.
    expect(result.stderr).toMatch(/merge this into repo\/\.vscode\/settings\.json:\n {2}\{\n {4}"yaml\.schemas": \{\n/);
    expect(result.stderr).toMatch(/\nCreated a lamd workspace/);
    const after = fingerprint(target);
    for (const [path, sum] of Object.entries(before)) expect(after[path], path).toBe(sum);
    expect(Object.keys(after)).toEqual(expect.arrayContaining(['lamd.yaml', 'municipalities/sfax/profile.yaml', '.lamd/schemas/roadmap.schema.json']));
    expect((await validateSummary(target)).status).toBe(0);
  });

  it('with --force, still refuses when a workspace document is in the way', async () => {
    const { cwd, target } = crowded();
    writeFileSync(join(target, 'stakeholders.yaml'), 'kind: stakeholders\n');
    const before = fingerprint(target);
    const result = await runLamd(['init', 'repo', ...SFAX, '--force'], { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/already holds repo\/stakeholders\.yaml/);
    expect(fingerprint(target)).toEqual(before);
  });

  it('--dry-run lists every file that would be written, on stdout, and writes nothing', async () => {
    const cwd = tempDir();
    const dry = await runLamd(['init', 'demo', ...SFAX, '--dry-run'], { cwd });
    expect(dry.status).toBe(0);
    expect(fingerprint(cwd)).toEqual({});
    expect(dry.stderr).toMatch(/Dry run: 20 files would be written in demo; nothing was written\./);
    expect((await runLamd(['init', 'demo', ...SFAX], { cwd })).status).toBe(0);
    expect(dry.stdout.trim().split('\n')).toEqual(files(join(cwd, 'demo')).map((f) => `demo/${f}`));
  });

  it('--dry-run in a crowded folder shows the files it would keep, and changes nothing', async () => {
    const { cwd, target } = crowded();
    const before = fingerprint(target);
    const dry = await runLamd(['init', 'repo', ...SFAX, '--dry-run'], { cwd });
    // The exit code predicts the real run, which refuses without --force; the plan is shown anyway.
    expect(dry.status).toBe(2);
    expect((await runLamd(['init', 'repo', ...SFAX], { cwd })).status).toBe(2);
    expect(dry.stdout).not.toMatch(/^repo\/README\.md$|settings\.json/m);
    expect(dry.stdout).toMatch(/^repo\/lamd\.yaml$/m);
    expect(dry.stderr).toMatch(/needs --force/);
    expect(dry.stderr).toMatch(/would be kept as they are, not overwritten:\n {2}repo\/\.vscode\/settings\.json\n {2}repo\/README\.md/);
    expect(dry.stderr).toMatch(/without --force, lamd init would refuse/);
    const forced = await runLamd(['init', 'repo', ...SFAX, '--dry-run', '--force'], { cwd });
    expect(forced.status).toBe(0);
    expect(forced.stdout).toBe(dry.stdout);
    expect(fingerprint(target)).toEqual(before);
  });
});

describe('lamd init: what the audit found', () => {
  it('quotes answers that YAML would read as numbers, so the workspace still validates', async () => {
    const cwd = tempDir();
    const init = await runLamd(['init', 'n', '--yes', '--name', 'Sfax', '--country', 'TN', '--network', '2030', '--lead-unit', '2030', '--slug', 'sfax'], { cwd });
    expect(init.status).toBe(0);
    expect(readFileSync(join(cwd, 'n/lamd.yaml'), 'utf8')).toMatch(/name: "2030"/);
    expect(await validateSummary(join(cwd, 'n'))).toMatchObject({ status: 0, summary: { errors: 0 } });
  });

  it('makes the workspace folder readable by the team, as mkdir would', async () => {
    const cwd = tempDir();
    expect((await runLamd(['init', 'shared', ...SFAX], { cwd })).status).toBe(0);
    mkdirSync(join(cwd, 'plain'));
    expect((statSync(join(cwd, 'shared')).mode & 0o777).toString(8)).toBe((statSync(join(cwd, 'plain')).mode & 0o777).toString(8));
  });

  it('says when the schema copy editors use has drifted from lamd, and how to refresh it', async () => {
    const cwd = tempDir();
    expect((await runLamd(['init', 'ws', ...SFAX], { cwd })).status).toBe(0);
    expect((await runLamd(['validate', '-C', 'ws'], { cwd })).stderr).not.toMatch(/note/);
    writeFileSync(join(cwd, 'ws/.lamd/schemas/common.schema.json'), '{"$id": "an older copy"}\n');
    const stale = await runLamd(['validate', '-C', 'ws'], { cwd });
    expect(stale.status).toBe(0);
    expect(stale.stderr).toMatch(/^lamd: note: the workspace's copy of the schemas \(ws\/\.lamd\/schemas\/\) differs from lamd .+ \(common\.schema\.json\).*Refresh it with `lamd schema --out ws\/\.lamd\/schemas --force`/m);
    expect((await runLamd(['validate', '-C', 'ws', '--format', 'json'], { cwd })).stderr).toMatch(/lamd: note: the workspace's copy/);
    expect((await runLamd(['schema', '--out', 'ws/.lamd/schemas', '--force'], { cwd })).status).toBe(0);
    expect((await runLamd(['validate', '-C', 'ws'], { cwd })).stderr).not.toMatch(/note/);
  });

  it('gives the real reason when a name cannot become a folder name', async () => {
    const cwd = tempDir();
    const result = await runLamd(['init', 'CON', '--yes', '--name', 'Con', '--country', 'IT'], { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/it would be `con`, a name Windows reserves for a device\), nor can the workspace folder's name, so give one, for example --slug/);
    expect(fingerprint(cwd)).toEqual({});
  });
});
