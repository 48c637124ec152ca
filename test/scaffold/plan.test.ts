// Planning is pure: the files of `lamd init` and `lamd new`, checked in-process against the schemas
// and the method rules, for names in every script and with every awkward character.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { checkLoaded } from '../../src/check/index.js';
import type { PlannedFile } from '../../src/scaffold/apply.js';
import type { Diagnostic } from '../../src/diagnostics.js';
import { annotation } from '../../src/format/github.js';
import { modeline, schemaFolderOf } from '../../src/scaffold/documents.js';
import { partnerEntries, planInit, templateTree, type InitAnswers } from '../../src/scaffold/plan-init.js';
import { planActivity, planMunicipality, planPractice, planRoadmap, planStakeholder, type WorkspaceFacts } from '../../src/scaffold/plan-new.js';
import { SCHEMA_COPY_DIR } from '../../src/scaffold/schema-copy.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { findTarget } from '../../src/reference/sdg.js';
import { buildReportModel } from '../../src/report/model.js';
import { render, t } from '../../src/i18n/messages.js';
import { tempDir } from '../helpers/lamd.js';

function answers(overrides: Partial<InitAnswers> & { name?: string; slug?: string } = {}): InitAnswers {
  const { name = 'Sfax', slug = 'sfax', ...rest } = overrides;
  return {
    network: 'Mainstreaming migration network',
    municipality: { slug, name, country: 'TN', languages: ['fr', 'ar'] },
    partners: [],
    start: '2025-01-01',
    end: '2025-12-31',
    sdgs: ['10'],
    reportLanguages: ['en'],
    lamdVersion: '1.2.3',
    lamdPackage: 'lamd@1.2.3',
    ...rest,
  };
}

function writeAll(files: readonly PlannedFile[], root = tempDir()): string {
  for (const f of files) {
    const path = join(root, ...f.path.split('/'));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, f.content);
  }
  return root;
}

async function diagnostics(root: string) {
  const load = await loadWorkspace({ cwd: root });
  const result = await checkLoaded(load, { today: '2025-06-01' });
  // A new workspace reminds of its examples and, as info, of the endorsement to record: nothing else.
  const reminder = (d: { ruleId: string; severity: string }) => (d.ruleId === 'workspace/examples-remaining' && d.severity === 'warning') || (d.ruleId === 'endorsement/municipality' && d.severity === 'info');
  return result.diagnostics.filter((d) => !reminder(d)).map((d) => `${d.file} ${d.ruleId} ${d.message}`);
}

const contentOf = (files: readonly PlannedFile[], path: string) => files.find((f) => f.path === path)?.content ?? '';

describe('planInit', () => {
  it('plans the whole workspace, sorted', () => {
    const paths = planInit(answers()).map((f) => f.path);
    expect(paths).toEqual([...paths].sort());
    expect(paths).toEqual(
      expect.arrayContaining([
        '.github/workflows/lamd.yml',
        '.gitignore',
        '.vscode/settings.json',
        '.vscode/tasks.json',
        `${SCHEMA_COPY_DIR}/workspace.schema.json`,
        `${SCHEMA_COPY_DIR}/common.schema.json`,
        'README.md',
        'activities/README.md',
        'lamd.yaml',
        'municipalities/sfax/profile.yaml',
        'municipalities/sfax/practices/example-practice.yaml',
        'municipalities/sfax/roadmaps/example-roadmap.yaml',
        'stakeholders.yaml',
      ]),
    );
    expect(paths.some((p) => p.split('/').some((part) => part.startsWith('_')))).toBe(false);
  });

  it('is deterministic', () => {
    expect(planInit(answers())).toEqual(planInit(answers()));
  });

  it.each([
    ['Sfax', 'sfax'],
    ['Tiranë', 'tirane'],
    ['صفاقس', 'sfax'],
    ['Reggio nell’Emilia: "città" # 1', 'reggio'],
    ["L'Aquila [NO] {yes} *&!%@`|>", 'laquila'],
  ])('a workspace for %j validates with nothing but the reminders of its examples', async (name, slug) => {
    const files = planInit(answers({ name, slug, partners: [{ name: 'CeSPI', country: 'IT' }, { name: 'مركز' }], sdgs: ['11', '10', '16'] }));
    expect(await diagnostics(writeAll(files))).toEqual([]);
    const workspace = YAML.parse(contentOf(files, 'lamd.yaml'), { version: '1.2' }) as { municipalities: Array<{ name: string; slug: string }>; programme: { name: string } };
    expect(workspace.municipalities[0]).toMatchObject({ name, slug });
  });

  it('validates with nothing but the reminders of its examples for every SDG goal of interest', async () => {
    for (const goal of ['1', '5', '8', '13', '17']) {
      expect(await diagnostics(writeAll(planInit(answers({ sdgs: [goal] })))), goal).toEqual([]);
    }
  });

  it("links the example road map and practice only to targets whose text fits them (coordinating the municipality's work on migration)", () => {
    const exampleOf = (sdgs: string[]) => {
      const files = planInit(answers({ sdgs }));
      const roadmap = YAML.parse(contentOf(files, 'municipalities/sfax/roadmaps/example-roadmap.yaml')) as { title: string; sdg: { goal: string; targets: string[] } };
      const practice = YAML.parse(contentOf(files, 'municipalities/sfax/practices/example-practice.yaml')) as { sdg_targets: string[] };
      return { roadmap, practice };
    };
    // 8.7 is forced labour and child soldiers, 16.2 trafficking of children, 5.2 trafficking of women:
    // real migration targets, but not what an example about coordination works towards.
    const offTopic = /traffick|forced labour|slavery|child soldiers|remittance|scholarship|disaster|hunger/i;
    for (let g = 1; g <= 17; g++) {
      const { roadmap, practice } = exampleOf([String(g)]);
      expect(roadmap.title).toMatch(/coordinating the municipality's work on migration/);
      for (const id of [...roadmap.sdg.targets, ...practice.sdg_targets]) {
        const target = findTarget(id);
        expect(target?.title, `goal ${g}: ${id}`).toBeDefined();
        expect(target!.title, `goal ${g}: ${id}`).not.toMatch(offTopic);
      }
      expect(roadmap.sdg.targets.every((id) => id.split('.')[0] === roadmap.sdg.goal)).toBe(true);
    }
    expect(exampleOf(['8']).roadmap.sdg).toEqual({ goal: '8', targets: ['8.8', '8.5'] });
    // A goal with no target on that subject: the first chosen goal that has one, else 10.
    expect(exampleOf(['13', '16']).roadmap.sdg.goal).toBe('16');
    expect(exampleOf(['13']).roadmap.sdg).toEqual({ goal: '10', targets: ['10.7', '10.2', '10.3'] });
  });

  it('writes the answers where they belong', () => {
    const files = planInit(answers({ network: 'Réseau: "test"', municipality: { slug: 'sfax', name: 'Sfax', country: 'TN', languages: ['fr', 'ar'], leadUnit: 'Direction: #1' }, partners: [{ name: 'CeSPI', country: 'IT' }] }));
    const workspace = YAML.parse(contentOf(files, 'lamd.yaml'), { version: '1.2' }) as Record<string, unknown>;
    expect(workspace).toMatchObject({
      programme: { name: 'Réseau: "test"' },
      partners: [{ id: 'cespi', name: 'CeSPI', country: 'IT', supports: ['sfax'] }],
      municipalities: [{ slug: 'sfax', name: 'Sfax', country: 'TN', languages: ['fr', 'ar'], lead_unit: 'Direction: #1', local_partner: 'cespi' }],
      calendar: { preparatory: { start: '2025-01-01' }, final: { end: '2025-12-31' } },
      languages: ['en'],
    });
    const stakeholders = YAML.parse(contentOf(files, 'stakeholders.yaml'), { version: '1.2' }) as { stakeholders: Array<{ id: string; name: string }> };
    expect(stakeholders.stakeholders[0]).toMatchObject({ id: 'sfax-lead-unit', name: 'Direction: #1' });
  });

  it('finds the schemas where lamd.yaml points: lamd init\'s copy, a repository\'s folder, or none', () => {
    expect(schemaFolderOf('# yaml-language-server: $schema=.lamd/schemas/workspace.schema.json\nkind: workspace\n')).toBe('.lamd/schemas');
    expect(schemaFolderOf('# yaml-language-server: $schema=../../schemas/workspace.schema.json\r\nkind: workspace\r\n')).toBe('../../schemas');
    // Anywhere in the comments that open the file, with a byte-order mark and any spacing, as the language server reads it.
    expect(schemaFolderOf('\uFEFF# A network of towns\n\n#  yaml-language-server :  $schema=x/workspace.schema.json\nkind: workspace\n')).toBe('x');
    expect(schemaFolderOf('%YAML 1.2\n---\n# yaml-language-server: $schema=x/workspace.schema.json\nkind: workspace\n')).toBe('x');
    expect(schemaFolderOf('# yaml-language-server: $schema=C:/lamd/schemas/workspace.schema.json\n')).toBe('C:/lamd/schemas');
    expect(schemaFolderOf('kind: workspace\n# yaml-language-server: $schema=x/workspace.schema.json\n')).toBeNull();
    expect(schemaFolderOf('kind: workspace\n')).toBeNull();
    expect(schemaFolderOf('# yaml-language-server: $schema=https://example.org/lamd/schemas/workspace.schema.json\n')).toBe('https://example.org/lamd/schemas');
    expect(modeline('roadmap', 'municipalities/milan/roadmaps/x.yaml', 'https://example.org/lamd/schemas')).toBe('# yaml-language-server: $schema=https://example.org/lamd/schemas/roadmap.schema.json\n');
    expect(modeline('practice', 'municipalities/milan/practices/x.yaml', '../../schemas')).toBe('# yaml-language-server: $schema=../../../../../schemas/practice.schema.json\n');
    expect(modeline('practice', 'municipalities/milan/practices/x.yaml', null)).toBe('');
  });

  it('starts every document with a modeline pointing to the workspace copy of its schema', () => {
    const files = planInit(answers());
    expect(contentOf(files, 'lamd.yaml').split('\n')[0]).toBe('# yaml-language-server: $schema=.lamd/schemas/workspace.schema.json');
    expect(contentOf(files, 'stakeholders.yaml').split('\n')[0]).toBe('# yaml-language-server: $schema=.lamd/schemas/stakeholders.schema.json');
    expect(contentOf(files, 'municipalities/sfax/profile.yaml').split('\n')[0]).toBe('# yaml-language-server: $schema=../../.lamd/schemas/profile.schema.json');
    expect(contentOf(files, 'municipalities/sfax/practices/example-practice.yaml').split('\n')[0]).toBe('# yaml-language-server: $schema=../../../.lamd/schemas/practice.schema.json');
    expect(modeline('activity', 'activities/2025-01-01-x.yaml')).toBe('# yaml-language-server: $schema=../.lamd/schemas/activity.schema.json\n');
    for (const f of files.filter((f) => f.path.endsWith('.yaml'))) {
      const target = /\$schema=(\S+)/.exec(f.content.split('\n')[0]!)![1]!;
      const resolved = join(dirname(f.path), target).split('\\').join('/');
      expect(files.some((g) => g.path === resolved), `${f.path} → ${resolved}`).toBe(true);
    }
  });

  it('maps every schema in .vscode/settings.json to files of the copy', () => {
    const files = planInit(answers());
    const settings = JSON.parse(contentOf(files, '.vscode/settings.json')) as { 'yaml.schemas': Record<string, string> };
    for (const schema of Object.keys(settings['yaml.schemas'])) expect(files.some((f) => `./${f.path}` === schema), schema).toBe(true);
    expect(Object.keys(settings['yaml.schemas'])).toHaveLength(7);
  });

  it('gives VS Code a lamd validate task whose problem matchers read every annotation lamd writes', () => {
    interface Matcher { severity?: string; pattern: Record<string, string | number> }
    const tasks = JSON.parse(contentOf(planInit(answers()), '.vscode/tasks.json')) as { tasks: Array<{ command: string; problemMatcher: Matcher[] }> };
    expect(tasks.tasks.map((t) => t.command)).toEqual(['lamd validate --format pretty', 'lamd validate --format github']);
    const matchers = tasks.tasks[1]!.problemMatcher;
    // What VS Code would put in the Problems panel for one line of `--format github`.
    const read = (line: string) => {
      for (const m of matchers) {
        const found = new RegExp(m.pattern.regexp as string).exec(line);
        if (!found) continue;
        const group = (key: string) => (typeof m.pattern[key] === 'number' ? found[m.pattern[key] as number] : undefined);
        return { severity: m.severity ?? group('severity'), file: group('file'), line: group('line'), column: group('column'), endColumn: group('endColumn'), code: group('code'), message: group('message') };
      }
      return undefined;
    };
    const context = { rule: () => ({}), cwd: '/w' } as unknown as Parameters<typeof annotation>[1];
    const at = { start: { line: 36, column: 13 }, end: { line: 36, column: 17 } };
    const problem = (d: Partial<Diagnostic>): Diagnostic => ({ file: 'municipalities/sfax/roadmaps/r.yaml', severity: 'error', ruleId: 'schema/enum', message: 'is "nope", which is not one of: a, b.', ...d });
    expect(read(annotation(problem({ range: at }), context))).toEqual({ severity: 'error', file: 'municipalities/sfax/roadmaps/r.yaml', line: '36', column: '13', endColumn: '17', code: 'schema/enum', message: 'is "nope", which is not one of: a, b. (lamd explain schema/enum)' });
    expect(read(annotation(problem({ range: at, severity: 'warning', ruleId: 'roadmap/single-sdg' }), context))).toMatchObject({ severity: 'warning', code: 'roadmap/single-sdg' });
    expect(read(annotation(problem({ range: at, severity: 'info' }), context))).toMatchObject({ severity: 'info', line: '36' });
    expect(read(annotation(problem({ severity: 'warning' }), context))).toMatchObject({ severity: 'warning', file: 'municipalities/sfax/roadmaps/r.yaml', line: undefined });
    expect(read(annotation(problem({ severity: 'info' }), context))).toMatchObject({ severity: 'info', code: 'schema/enum' });
    // The closing lines are not problems.
    expect(read('lamd 0.1.0: ✖ 2 errors in 1 of 8 files checked')).toBeUndefined();
  });

  it('copies the schemas byte for byte', () => {
    const files = planInit(answers());
    const copy = files.filter((f) => f.path.startsWith(`${SCHEMA_COPY_DIR}/`));
    expect(copy.map((f) => f.path.split('/').pop())).toEqual(['activity.schema.json', 'common.schema.json', 'practice.schema.json', 'profile.schema.json', 'progress.schema.json', 'roadmap.schema.json', 'stakeholders.schema.json', 'workspace.schema.json']);
  });

  it('records the lamd package CI installs in lamd.yaml, where the workflow reads it', () => {
    const files = planInit(answers({ lamdPackage: '@org/lamd@1.2.3' }));
    const workspace = YAML.parse(contentOf(files, 'lamd.yaml'), { version: '1.2' }) as { lamd_package: string };
    expect(workspace.lamd_package).toBe('@org/lamd@1.2.3');
    const workflow = YAML.parse(contentOf(files, '.github/workflows/lamd.yml'), { version: '1.2' }) as { jobs: { validate: { steps: Array<{ run?: string }> } } };
    const runs = workflow.jobs.validate.steps.map((s) => s.run).filter(Boolean);
    expect(runs).toEqual(['package="$(node .github/lamd-package.mjs)"\necho "Installing $package"\nnpm install --global --no-audit --no-fund "$package"\n', 'lamd validate --format github']);
    expect(contentOf(files, '.github/lamd-package.mjs')).toContain('export function lamdPackage(text)');
  });

  it('writes the CI workflow and the VS Code tasks in the workspace\'s language, running the same commands', () => {
    interface Workflow { jobs: { validate: { steps: Array<Record<string, unknown>> } } }
    interface Tasks { tasks: Array<Record<string, unknown>> }
    const comments = (text: string) => text.split('\n').flatMap((line) => /^\s*# ?(.*)$/.exec(line)?.[1] ?? []).join(' ');
    const plans = Object.fromEntries(['en', 'fr', 'it'].map((lang) => [lang, planInit(answers({ reportLanguages: [lang, 'ar'] }))]));
    const runs = (lang: string) => {
      const text = contentOf(plans[lang]!, '.github/workflows/lamd.yml');
      const workflow = YAML.parse(text, { version: '1.2' }) as Workflow;
      const tasks = JSON.parse(contentOf(plans[lang]!, '.vscode/tasks.json')) as Tasks;
      const unnamed = <T extends Record<string, unknown>>(o: T, ...keys: string[]) => Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));
      // GitHub's runners have LANG=C.UTF-8: the differences allowed are the validate step's `--lang`, so
      // annotations are in the workspace's language, and the words the install step echoes to the log.
      const installing: Record<string, string> = { fr: 'Installation de', it: 'Installazione di' };
      const command = (step: Record<string, unknown>) => {
        if (lang === 'en' || typeof step.run !== 'string') return step;
        if (step.run === `lamd validate --format github --lang ${lang}`) return { ...step, run: 'lamd validate --format github' };
        return { ...step, run: step.run.replace(`echo "${installing[lang]!} $package"`, 'echo "Installing $package"') };
      };
      return { workflow: { ...workflow, jobs: { validate: { ...workflow.jobs.validate, steps: workflow.jobs.validate.steps.map((step) => command(unnamed(step, 'name'))) } } }, tasks: tasks.tasks.map((task) => unnamed(task, 'label', 'detail')) };
    };
    expect(runs('fr')).toEqual(runs('en'));
    expect(runs('it')).toEqual(runs('en'));
    for (const lang of ['fr', 'it']) {
      const text = contentOf(plans[lang]!, '.github/workflows/lamd.yml');
      expect(text, lang).toContain(`run: lamd validate --format github --lang ${lang}\n`);
      const names = (YAML.parse(text, { version: '1.2' }) as Workflow).jobs.validate.steps.flatMap((step) => (typeof step.name === 'string' ? [step.name] : []));
      const tasks = (JSON.parse(contentOf(plans[lang]!, '.vscode/tasks.json')) as Tasks).tasks.flatMap((task) => [task.label, task.detail] as string[]);
      // What a person reads: the comments, the step names, the tasks and what the install step echoes.
      const echoed = [...text.matchAll(/^\s*echo "([^"$]*)/gm)].map((m) => m[1]!);
      expect(echoed, lang).toHaveLength(1);
      for (const words of [comments(text), ...names, ...tasks, ...echoed]) expect(words, `${lang}: ${words}`).not.toMatch(/\b(the|and|every|with|which|that|this|into|Install|Installing|Validate)\b/);
      // The section of the workspace's README the workflow and its reader of lamd_package send the reader to, under its title in that README.
      for (const reference of [comments(text), contentOf(plans[lang]!, '.github/lamd-package.mjs')]) {
        const section = /README\.md,? \(?« ?([^»]+?) ?»/.exec(reference)?.[1];
        expect(section, lang).toBeDefined();
        expect(contentOf(plans[lang]!, 'README.md').split('\n')).toContain(`## ${section}`);
      }
      const root = writeAll(plans[lang]!);
      expect(execFileSync(process.execPath, ['.github/lamd-package.mjs'], { cwd: root, encoding: 'utf8' })).toBe('lamd@1.2.3\n');
      writeFileSync(join(root, 'lamd.yaml'), 'kind: workspace\n');
      const refused = spawnSync(process.execPath, ['.github/lamd-package.mjs'], { cwd: root, encoding: 'utf8' });
      expect([refused.status, refused.stdout]).toEqual([1, expect.stringMatching(lang === 'fr' ? /ne nomme aucun paquet lamd/ : /non indica alcun pacchetto lamd/)]);
      // The script fills in why lamd.yaml could not be read, inside the workspace's language.
      rmSync(join(root, 'lamd.yaml'));
      const unread = spawnSync(process.execPath, ['.github/lamd-package.mjs'], { cwd: root, encoding: 'utf8' });
      expect(unread.stdout).toBe(lang === 'fr' ? '::error title=lamd::lamd.yaml ne peut pas être lu (ENOENT)\u202f; lancez ce workflow depuis le dossier de l’espace de travail.\n' : '::error title=lamd::lamd.yaml non può essere letto (ENOENT); eseguite questo workflow dalla cartella dello spazio di lavoro.\n');
      // The tasks the README names are the ones tasks.json has.
      for (const label of tasks.filter((_, i) => i % 2 === 0)) expect(contentOf(plans[lang]!, 'README.md').replace(/\s*\n\s*/g, ' ')).toContain(`\`${label}\``);
    }
    expect(comments(contentOf(plans.en!, '.github/workflows/lamd.yml'))).toContain('README.md ("Continuous integration")');
    expect(contentOf(plans.en!, 'README.md').split('\n')).toContain('## Continuous integration');
  });

  it('records in lamd.yaml the language it wrote the texts in, when that is the workspace\'s', async () => {
    const language = (reportLanguages: string[]) => (YAML.parse(contentOf(planInit(answers({ reportLanguages })), 'lamd.yaml'), { version: '1.2' }) as { language?: string }).language;
    expect(language(['fr', 'ar', 'en'])).toBe('fr');
    expect(language(['it', 'en'])).toBe('it');
    expect(language(['en'])).toBe('en');
    // lamd writes English for Arabic, but the partners will write Arabic: a report must not call that English.
    expect(language(['ar', 'en'])).toBeUndefined();
    const root = writeAll(planInit(answers({ network: undefined, reportLanguages: ['fr', 'ar', 'en'] })));
    expect(await diagnostics(root)).toEqual([]);
    // An Arabic report marks the French texts lamd wrote as French.
    const load = await loadWorkspace({ cwd: root });
    const model = buildReportModel(load.documents, load.root);
    expect(model.textLanguages.get(render('fr', t('scaffold.default-network')))).toBe('fr');
  });

  it('escapes Markdown in the README', () => {
    const readme = contentOf(planInit(answers({ network: '*Bold* <b>x</b>' })), 'README.md');
    expect(readme.split('\n')[0]).toBe('# \\*Bold\\* &lt;b\\>x&lt;/b\\>');
  });

  it('turns _names of the template tree into dotfiles', () => {
    const tree = templateTree(join(import.meta.dirname, '../../templates/workspace'));
    expect(tree).toEqual(expect.arrayContaining([{ template: '_gitignore', path: '.gitignore' }, { template: '_github/workflows/lamd.yml', path: '.github/workflows/lamd.yml' }]));
  });

  it('gives partners safe, unique ids', () => {
    expect(partnerEntries([{ name: 'CeSPI' }, { name: 'CeSPI' }, { name: 'مركز' }, { name: 'CDI', country: 'AL' }], 'TN', 'sfax').map((p) => [p.id, p.country])).toEqual([
      ['cespi', 'TN'],
      ['cespi-2', 'TN'],
      ['partner-3', 'TN'],
      ['cdi', 'AL'],
    ]);
  });
});

async function initialised(): Promise<{ root: string; facts: WorkspaceFacts }> {
  const { readWorkspaceFacts } = await import('../../src/scaffold/workspace-facts.js');
  const root = writeAll(planInit(answers({ partners: [{ name: 'CeSPI', country: 'IT' }] })));
  return { root, facts: await readWorkspaceFacts(root) };
}

describe('plans of lamd new', () => {
  it('reads the facts of a workspace', async () => {
    const { facts } = await initialised();
    expect(facts.municipalities).toEqual([{ slug: 'sfax', name: 'Sfax', names: ['Sfax'], country: 'TN' }]);
    expect(facts.partners).toEqual(['cespi']);
    expect([...facts.ids.practice]).toEqual(['example-practice']);
    expect([...facts.ids.roadmap]).toEqual(['example-roadmap']);
    expect([...facts.ids.stakeholder].sort()).toEqual(['example-department', 'example-migrant-association', 'sfax-lead-unit']);
  });

  it('adds a municipality: its profile, and its entry appended to lamd.yaml with every comment kept', async () => {
    const { root, facts } = await initialised();
    const files = planMunicipality(facts, { slug: 'tirane', name: 'Tiranë', country: 'AL', languages: ['sq'], localPartner: 'cespi' });
    expect(files.map((f) => f.path)).toEqual(['municipalities/tirane/profile.yaml', 'lamd.yaml']);
    const edited = contentOf(files, 'lamd.yaml');
    // Only lines were added: every line of the original is still there, in order.
    const original = facts.workspaceText.split('\n');
    const lines = edited.split('\n');
    let i = 0;
    for (const line of lines) if (line === original[i]) i++;
    expect(i).toBe(original.length);
    expect(lines.length - original.length).toBeGreaterThanOrEqual(4);
    writeAll(files, root);
    expect(await diagnostics(root)).toEqual([]);
  });

  it('refuses a municipality the workspace already has, or an unknown partner', async () => {
    const { facts } = await initialised();
    expect(() => planMunicipality(facts, { slug: 'sfax', name: 'Sfax', country: 'TN', languages: [] })).toThrow(/already has the municipality `sfax`/);
    expect(() => planMunicipality(facts, { slug: 'tunis', name: 'Tunis', country: 'TN', languages: [], localPartner: 'nope' })).toThrow(/no implementing partner/);
  });

  it('adds a practice, a road map, a stakeholder and an activity that validate', async () => {
    const { root, facts } = await initialised();
    writeAll(planPractice(facts, { id: 'one-stop-shop', title: 'One-stop shop: "x" # y', municipality: 'sfax', cluster: 'access-to-services' }), root);
    writeAll(planRoadmap(facts, { id: 'governance', title: 'Governance', municipality: 'sfax', goal: '11' }), root);
    writeAll(planStakeholder(facts, { id: 'welfare', name: 'Welfare: area', type: 'municipal-department', level: 'local', municipality: 'sfax', migrationBackground: false }), root);
    writeAll(planActivity(facts, { id: 'training', type: 'training', title: 'Training', date: '2025-03-01', mode: 'online', municipalities: ['sfax'] }), root);
    const found = await diagnostics(root);
    // A new road map is a skeleton: the method rules list what it still needs, as warnings; nothing else
    // but the note that Sfax, having a road map now, has no peer exchange behind it yet.
    // And the new training, whose participants are still to be counted.
    expect(found.filter((d) => !(d.startsWith('municipalities/sfax/roadmaps/governance.yaml ') && /roadmap\/|endorsement\//.test(d)))).toEqual([
      expect.stringMatching(/^activities\/2025-03-01-training\.yaml training\/participants /),
      expect.stringMatching(/^lamd\.yaml exchange\/every-municipality /),
    ]);
  });

  it('refuses duplicate ids and files in the way', async () => {
    const { facts } = await initialised();
    expect(() => planPractice(facts, { id: 'example-practice', title: 'x', municipality: 'sfax', cluster: 'access-to-services' })).toThrow(/already has a practice with the id `example-practice`/);
    expect(() => planRoadmap(facts, { id: 'example-roadmap', title: 'x', municipality: 'sfax', goal: '10' })).toThrow(/already has a road map/);
    expect(() => planStakeholder(facts, { id: 'sfax-lead-unit', name: 'x', type: 'ngo', level: 'local', migrationBackground: false })).toThrow(/already has a stakeholder/);
    expect(() => planPractice(facts, { id: 'x', title: 'x', municipality: 'tunis', cluster: 'access-to-services' })).toThrow(/no municipality `tunis`/);
    const taken = { ...facts, exists: (p: string) => p === 'activities/2025-03-01-x.yaml' };
    expect(() => planActivity(taken, { id: 'x', type: 'training', title: 'x', date: '2025-03-01', municipalities: [] })).toThrow(/already exists/);
  });

  it('creates stakeholders.yaml when the workspace has none', async () => {
    const { facts } = await initialised();
    const { stakeholdersText: _, ...without } = facts;
    const files = planStakeholder({ ...without, exists: () => false }, { id: 'welfare', name: 'Welfare', type: 'municipal-department', level: 'local', migrationBackground: true });
    expect(files[0]!.replaces).toBeUndefined();
    expect(YAML.parse(files[0]!.content)).toEqual({ kind: 'stakeholders', schema_version: 1, stakeholders: [{ id: 'welfare', name: 'Welfare', type: 'municipal-department', level: 'local', migration_background: true }] });
  });
});
