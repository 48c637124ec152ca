// `lamd new <kind>` end to end (in-process): each kind, then `lamd validate` passes; lamd.yaml and
// stakeholders.yaml keep every comment; duplicates and unsafe ids are refused with nothing written.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { newExamples } from '../../src/scaffold/new-help.js';
import { REPO, runLamd, tempDir } from '../helpers/lamd.js';
import { files, fingerprint, NO_STACK, validateSummary } from './helpers.js';

async function workspace(): Promise<string> {
  const cwd = tempDir();
  const result = await runLamd(['init', 'demo', '--yes', '--name', 'Sfax', '--country', 'TN', '--lang', 'fr,ar', '--partner', 'CeSPI (IT)', '--start', '2025-01-01', '--end', '2025-12-31'], { cwd });
  expect(result.status).toBe(0);
  return join(cwd, 'demo');
}

/** Whether every line of `before` is still in `after`, in the same order. */
function keepsEveryLine(before: string, after: string): boolean {
  const old = before.split('\n');
  let i = 0;
  for (const line of after.split('\n')) if (i < old.length && line === old[i]) i++;
  return i === old.length;
}

describe('lamd new, each kind, then lamd validate', () => {
  it('municipality: adds the folder, the profile and the entry in lamd.yaml, keeping every comment', async () => {
    const root = await workspace();
    const before = readFileSync(join(root, 'lamd.yaml'), 'utf8');
    const result = await runLamd(['new', 'municipality', '--name', 'Tiranë', '--country', 'AL', '--lang', 'sq', '--lead-unit', 'Urban Economic Development Directory', '--local-partner', 'cespi'], { cwd: root });
    expect(result.stderr).not.toMatch(NO_STACK);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('municipalities/tirane/profile.yaml\nlamd.yaml\n');
    const after = readFileSync(join(root, 'lamd.yaml'), 'utf8');
    expect(keepsEveryLine(before, after)).toBe(true);
    expect((after.match(/^\s*#/gm) ?? []).length).toBeGreaterThan((before.match(/^\s*#/gm) ?? []).length);
    expect((YAML.parse(after) as { municipalities: unknown[] }).municipalities[1]).toEqual({
      slug: 'tirane',
      name: 'Tiranë',
      country: 'AL',
      languages: ['sq'],
      lead_unit: 'Urban Economic Development Directory',
      local_partner: 'cespi',
    });
    const { status, summary } = await validateSummary(root);
    expect(status).toBe(0);
    expect(summary).toMatchObject({ errors: 0, warnings: 4, infos: 2, files: 6 });
  });

  it('points a new document\'s editor to the schemas where the workspace\'s lamd.yaml points, or nowhere as the workspace does', async () => {
    const pilot = join(tempDir(), 'las-pilot');
    cpSync(join(REPO, 'examples/las-pilot'), pilot, { recursive: true });
    // lamd's examples point to the repository's schemas/, not to a copy in .lamd/ they do not carry.
    const practice = await runLamd(['new', 'practice', 'night-desk', '--municipality', 'milan', '--title', 'Night desk', '--cluster', 'access-to-services'], { cwd: pilot });
    expect(practice.status, practice.stderr).toBe(0);
    expect(readFileSync(join(pilot, 'municipalities/milan/practices/night-desk.yaml'), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=../../../../../schemas/practice.schema.json');
    const monitoring = join(tempDir(), 'illustrative-monitoring');
    cpSync(join(REPO, 'examples/illustrative-monitoring'), monitoring, { recursive: true });
    const municipality = await runLamd(['new', 'municipality', 'riva', '--name', 'Riva', '--country', 'IT'], { cwd: monitoring });
    expect(municipality.status, municipality.stderr).toBe(0);
    expect(readFileSync(join(monitoring, 'municipalities/riva/profile.yaml'), 'utf8')).not.toMatch(/yaml-language-server/);
  });

  it('municipality in non-Latin script: a transliterated slug, said so, or the one of its Latin name', async () => {
    const root = await workspace();
    const guessed = await runLamd(['new', 'municipality', '--name', 'تونس', '--country', 'TN'], { cwd: root });
    expect(guessed.status).toBe(0);
    expect(guessed.stderr).toMatch(/the folder of تونس is municipalities\/twns\/, from a transliteration of its name/);
    const named = await runLamd(['new', 'municipality', '--name', 'سوسة', '--name-latin', 'Sousse', '--country', 'TN', '--lang', 'fr,ar'], { cwd: root });
    expect(named.status, named.stderr).toBe(0);
    expect(named.stdout).toContain('municipalities/sousse/profile.yaml');
    // Added again under another folder, the same town would be counted twice in every report.
    const before = fingerprint(root);
    const again = await runLamd(['new', 'municipality', 'tunis', '--name', 'تونس', '--country', 'TN'], { cwd: root });
    expect(again.status).toBe(2);
    expect(again.stderr).toBe('lamd: The workspace already has a municipality named تونس (TN): `twns`, in municipalities/twns/. lamd new adds a municipality; to give that one another folder, rename municipalities/twns/ and its slug in lamd.yaml (and every reference to it). If this is another town of the same name, give it a name that tells the two apart in the reports, such as --name "تونس (its province)". Nothing was written.\n');
    // The spelling named is the one that matched: here the Latin name of the entry written in two scripts.
    const latin = await runLamd(['new', 'municipality', 'sousse-2', '--name', 'SOUSSE', '--country', 'TN'], { cwd: root });
    expect(latin.status).toBe(2);
    expect(latin.stderr).toMatch(/named Sousse \(TN\): `sousse`/);
    expect(fingerprint(root)).toEqual(before);
    // One name in two countries is two towns.
    expect((await runLamd(['new', 'municipality', 'sousse-it', '--name', 'Sousse', '--country', 'IT'], { cwd: root })).status).toBe(0);
    expect((await runLamd(['new', 'municipality', 'tunis', '--name', 'تونس', '--country', 'TN'], { cwd: await workspace() })).status).toBe(0);
  });

  it('one meaning per flag: --name names a new municipality, --municipality is always a slug, with the slug meant suggested from names too', async () => {
    const root = await workspace();
    // The old spelling still works for a new municipality, with a note.
    const old = await runLamd(['new', 'municipality', 'sousse', '--municipality', 'Sousse', '--country', 'TN'], { cwd: root });
    expect(old.status).toBe(0);
    expect(old.stderr).toMatch(/note: the name of a new municipality is now given with --name \(--name "Sousse"\)/);
    expect((YAML.parse(readFileSync(join(root, 'lamd.yaml'), 'utf8')) as { municipalities: Array<{ name: string }> }).municipalities[1]!.name).toBe('Sousse');
    const both = await runLamd(['new', 'municipality', 'x', '--name', 'X', '--municipality', 'X', '--country', 'TN'], { cwd: root });
    expect(both.status).toBe(2);
    expect(both.stderr).toMatch(/Give --name only/);
    const before = fingerprint(root);
    for (const [given, meant] of [['Sousse', '`sousse` \\(Sousse\\)'], ['SFAX', '`sfax` \\(Sfax\\)'], [' sousse ', null]] as const) {
      const result = await runLamd(['new', 'practice', 'one-stop-shop', '--municipality', given, '--cluster', 'access-to-services', '--dry-run'], { cwd: root });
      if (meant === null) {
        expect(result.status, given).toBe(0);
        continue;
      }
      expect(result.status, given).toBe(2);
      expect(result.stderr).toMatch(new RegExp(`--municipality "${given}": --municipality takes the municipality's slug, its folder name\\. Did you mean ${meant}\\?`));
      expect(result.stderr).not.toMatch(NO_STACK);
    }
    const unknown = await runLamd(['new', 'stakeholder', '--name', 'Welfare', '--type', 'municipal-department', '--municipality', 'Tunis'], { cwd: root });
    expect(unknown.stderr).toMatch(/--municipality "Tunis" is not a safe id: it contains uppercase letters\. Did you mean `tunis`\?/);
    expect(fingerprint(root)).toEqual(before);
  });

  it('practice, roadmap, stakeholder and activity, found from a subfolder or with -C', async () => {
    const root = await workspace();
    const sub = join(root, 'municipalities/sfax');
    const practice = await runLamd(['new', 'practice', '--title', 'One-stop shop', '--municipality', 'sfax', '--cluster', 'access-to-services'], { cwd: sub });
    expect(practice.status).toBe(0);
    expect(practice.stdout).toBe('practices/one-stop-shop.yaml\n');
    // With one municipality in the workspace, --municipality defaults to it.
    expect((await runLamd(['new', 'roadmap', 'intersectoral-governance', '--sdg', '16'], { cwd: root })).status).toBe(0);
    const stakeholders = readFileSync(join(root, 'stakeholders.yaml'), 'utf8');
    expect((await runLamd(['-C', root, 'new', 'stakeholder', '--name', 'Welfare Area', '--type', 'municipal-department', '--municipality', 'sfax'])).status).toBe(0);
    expect((await runLamd(['-C', root, 'new', 'stakeholder', 'experts', '--name', 'Experts with a migrant background', '--type', 'expert', '--migration-background'])).status).toBe(0);
    expect(keepsEveryLine(stakeholders, readFileSync(join(root, 'stakeholders.yaml'), 'utf8'))).toBe(true);
    expect((await runLamd(['-C', root, 'new', 'activity', '--type', 'peer-exchange', '--date', '2025-03-04', '--mode', 'online', '--municipality', 'sfax'])).status).toBe(0);
    expect(files(root)).toEqual(
      expect.arrayContaining([
        'municipalities/sfax/practices/one-stop-shop.yaml',
        'municipalities/sfax/roadmaps/intersectoral-governance.yaml',
        'activities/2025-03-04-peer-exchange.yaml',
      ]),
    );
    const registry = YAML.parse(readFileSync(join(root, 'stakeholders.yaml'), 'utf8')) as { stakeholders: Array<{ id: string }> };
    expect(registry.stakeholders.map((s) => s.id)).toEqual(['sfax-lead-unit', 'example-department', 'example-migrant-association', 'welfare-area', 'experts']);
    const activity = YAML.parse(readFileSync(join(root, 'activities/2025-03-04-peer-exchange.yaml'), 'utf8')) as Record<string, unknown>;
    expect(activity).toMatchObject({ kind: 'activity', id: 'peer-exchange', type: 'peer-exchange', date: '2025-03-04', mode: 'online', municipalities: ['sfax'] });
    const { status, summary } = await validateSummary(root);
    // Exit 0: the new road map is a skeleton, and the method rules list what it still needs as warnings.
    expect(status).toBe(0);
    expect(summary.errors).toBe(0);
  });

  it('numbers a second activity of the same type', async () => {
    const root = await workspace();
    expect((await runLamd(['new', 'activity', '--type', 'training', '--date', '2025-03-01'], { cwd: root })).stdout).toBe('activities/2025-03-01-training.yaml\n');
    expect((await runLamd(['new', 'activity', '--type', 'training', '--date', '2025-04-01'], { cwd: root })).stdout).toBe('activities/2025-04-01-training-2.yaml\n');
    expect((await validateSummary(root)).status).toBe(0);
  });

  it('--dry-run prints what would be written and changes nothing', async () => {
    const root = await workspace();
    const before = fingerprint(root);
    const result = await runLamd(['-C', root, 'new', 'municipality', 'tirane', '--name', 'Tiranë', '--country', 'AL', '--dry-run']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/tirane\/profile\.yaml\n.*lamd\.yaml\n$/);
    expect(result.stderr).toMatch(/^Dry run: would add the municipality tirane/);
    expect(fingerprint(root)).toEqual(before);
  });
});

describe('lamd new --help', () => {
  it('explains one kind, its example and each allowed value, with lamd new <kind> --help', async () => {
    const practice = await runLamd(['new', 'practice', '--help']);
    expect(practice.status).toBe(0);
    expect(practice.stdout).toMatch(/lamd new practice: adds a practice/);
    expect(practice.stdout).toMatch(/Example:\n {4}lamd new practice one-stop-shop --municipality sousse --cluster access-to-services/);
    expect(practice.stdout).toMatch(/--cluster takes one of:\n {4}governance-and-coordination: how the municipality organises/);
    expect(practice.stdout).not.toMatch(/lamd new stakeholder:/);
    const stakeholder = await runLamd(['new', 'stakeholder', '--help']);
    expect(stakeholder.stdout).toMatch(/--type takes one of:\n(.*\n)* {4}migrant-association: An association of migrants\n/);
    expect(stakeholder.stdout).toMatch(/--level takes one of:\n {4}local: /);
  });

  it('lists every kind with its example and allowed values, with lamd new --help', async () => {
    const all = await runLamd(['new', '--help']);
    for (const kind of ['municipality', 'practice', 'roadmap', 'stakeholder', 'activity']) expect(all.stdout).toMatch(new RegExp(`lamd new ${kind}: adds`));
    expect(all.stdout).toMatch(/--type: municipality, municipal-department, national-ministry/);
    expect(all.stdout).toMatch(/--mode: online, in-person, hybrid/);
    expect(all.stdout.split('\n').filter((l) => !l.startsWith('    lamd ')).every((l) => l.length <= 80)).toBe(true);
  });

  it.each(['en', 'fr', 'it'] as const)('gives examples that work (%s)', async (language) => {
    const root = await workspace();
    for (const example of newExamples(language)) {
      const argv = [...example.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!).slice(1);
      const result = await runLamd(['-C', root, ...argv]);
      expect(result.stderr, example).not.toMatch(/Error|refuse|not /);
      expect(result.status, example).toBe(0);
    }
    expect((await validateSummary(root)).summary).toMatchObject({ errors: 0 });
  });
});

describe('lamd new refuses with exit 2 and writes nothing', () => {
  it.each([
    [['new', 'municipality', '--name', 'Sfax', '--country', 'TN'], /already has the municipality `sfax`/],
    [['new', 'municipality', 'sfax-2', '--name', 'Sfax', '--country', 'XX'], /--country "XX" is not an ISO 3166-1/],
    [['new', 'municipality', '--name', 'Tunis', '--country', 'TN', '--local-partner', 'nobody'], /no implementing partner with that id/],
    [['new', 'practice', 'example-practice', '--cluster', 'access-to-services'], /already has a practice with the id `example-practice`/],
    [['new', 'roadmap', 'example-roadmap'], /already has a road map with the id `example-roadmap`/],
    [['new', 'stakeholder', 'sfax-lead-unit', '--name', 'X', '--type', 'ngo'], /already has a stakeholder with the id `sfax-lead-unit`/],
    [['new', 'practice', '../x', '--cluster', 'access-to-services'], /The id "\.\.\/x" is not a safe id/],
    [['new', 'practice', 'My Practice', '--cluster', 'access-to-services'], /contains spaces/],
    [['new', 'practice', 'aux', '--cluster', 'access-to-services'], /Windows reserves/],
    [['new', 'practice', 'x', '--cluster', 'nonsense'], /--cluster "nonsense" is not one of: governance-and-coordination/],
    [['new', 'practice', 'x'], /lamd new practice needs --cluster <cluster>\./],
    [['new', 'practice', '--cluster', 'access-to-services'], /needs an id \(after the kind\) or --title <title>/],
    [['new', 'practice', 'x', '--cluster', 'access-to-services', '--municipality', 'tunis'], /no municipality `tunis`/],
    [['new', 'roadmap', 'x', '--sdg', '10,11'], /linked to one SDG goal/],
    [['new', 'stakeholder', '--name', 'مجلس', '--type', 'ngo'], /needs \[id\]/],
    [['new', 'activity', '--type', 'training', '--date', '2025-03'], /must be a full date/],
    [['new', 'activity', '--type', 'party'], /--type "party" is not one of: training/],
    [['new', 'activity', '--type', 'training', '--cluster', 'x'], /--cluster does not apply to `lamd new activity`/],
    [['new', 'thing'], /lamd new cannot make a `thing`/],
  ])('%j', async (args, message) => {
    const root = await workspace();
    const before = fingerprint(root);
    const result = await runLamd(args, { cwd: root });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(NO_STACK);
    expect(fingerprint(root)).toEqual(before);
  });

  it('refuses a new file where one already exists', async () => {
    const root = await workspace();
    writeFileSync(join(root, 'activities/2025-03-01-kickoff.yaml'), 'not lamd\n');
    const before = fingerprint(root);
    const result = await runLamd(['new', 'activity', 'kickoff', '--type', 'training', '--date', '2025-03-01'], { cwd: root });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/activities\/2025-03-01-kickoff\.yaml already exists; lamd never replaces a file/);
    expect(fingerprint(root)).toEqual(before);
  });

  it('outside a workspace', async () => {
    const result = await runLamd(['new', 'practice', 'x', '--cluster', 'access-to-services'], { cwd: tempDir() });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/No lamd\.yaml here or in any parent folder\. Run `lamd init`/);
  });

  it('when lamd.yaml is not well-formed', async () => {
    const root = await workspace();
    writeFileSync(join(root, 'lamd.yaml'), 'kind: workspace\nmunicipalities: [unclosed\n');
    const before = fingerprint(root);
    const result = await runLamd(['new', 'municipality', '--name', 'Tunis', '--country', 'TN'], { cwd: root });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/lamd\.yaml is not well-formed YAML/);
    expect(fingerprint(root)).toEqual(before);
  });
});
