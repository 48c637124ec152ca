// The workspace workflow, end to end, as a new user's first push runs it: lamd published from a clean
// copy of the repository holding the suite's build, to a real npm registry on loopback
// (Verdaccio, serving lamd's dependencies at the versions package-lock.json pins: see
// seedFromLockfile), a workspace scaffolded with `--lamd-package` naming that release, and the
// generated workflow's `run:` steps executed verbatim, in order, in a clean copy of the workspace,
// against that registry. Installing succeeds, validation annotates a broken road map, exit codes are
// as documented.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import YAML from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run as init } from '../../src/cli/commands/init.js';
import { captureIO, REPO, tempDir } from '../helpers/lamd.js';
import { freePort, npmAsync, startRegistry, type Registry } from './registry.js';

const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { name: string; version: string };

/** GitHub runs `shell: bash` steps as `bash --noprofile --norc -eo pipefail {0}`. */
function runStep(script: string, cwd: string, env: NodeJS.ProcessEnv, timeout = 180_000) {
  const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], { cwd, env, encoding: 'utf8', timeout });
  if (result.error) throw new Error(`step did not finish within ${timeout / 1000} s: ${result.error.message}\n${result.stderr}`);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
}

let work: string;
let registry: Registry | undefined;
const timings: Record<string, number> = {};
const timed = async <T>(label: string, f: () => T | Promise<T>): Promise<T> => {
  const start = Date.now();
  try {
    return await f();
  } finally {
    timings[label] = Date.now() - start;
  }
};

/** The environment a runner gives the steps, pointed at the loopback registry; global installs stay in the test's folder. */
function runnerEnv(registryUrl: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const prefix = join(work, 'global');
  const bin = process.platform === 'win32' ? prefix : join(prefix, 'bin');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: `${bin}${delimiter}${process.env.PATH ?? ''}`,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    // GitHub's Ubuntu runners' locale.
    LANG: 'C.UTF-8',
    GITHUB_STEP_SUMMARY: join(work, 'step-summary.md'),
    npm_config_registry: registryUrl,
    npm_config_prefix: prefix,
    // The user's npm cache, shared by every run of this test: packages fetched once stay.
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    // Bounded: a registry that does not answer fails in seconds, with npm's message.
    npm_config_fetch_timeout: '30000',
    npm_config_fetch_retries: '1',
    npm_config_fetch_retry_mintimeout: '1000',
    npm_config_fetch_retry_maxtimeout: '2000',
    ...extra,
  };
  for (const key of ['LC_ALL', 'LC_MESSAGES', 'NO_COLOR', 'FORCE_COLOR', 'npm_config_userconfig', 'NODE_OPTIONS', 'VITEST', 'VITEST_WORKER_ID', 'VITEST_POOL_ID']) delete env[key];
  env.NO_COLOR = '1';
  return env;
}

beforeAll(async () => {
  work = tempDir({ until: 'file' });
  // The registry starts while the clone is copied (a separate process: the two overlap).
  const starting = timed('start Verdaccio (alongside the copy)', () => startRegistry(join(work, 'registry'), pkg.name, { lockfile: join(REPO, 'package-lock.json') }));
  starting.catch(() => undefined);
  // 1. A clean copy of what the package is made of: the files git tracks (and new ones not ignored),
  //    no sources, and the suite's build (npm test builds before the tests run, as the package's
  //    prepack does: package.test.ts).
  const clone = join(work, 'clone');
  await timed('copy', () => {
    const files = spawnSync('git', ['ls-files', '-co', '--exclude-standard', '-z', 'package.json', 'LICENSE', 'README.md', 'bin', 'schemas', 'templates', 'docs', 'data', 'messages'], { cwd: REPO, encoding: 'utf8' })
      .stdout.split('\0')
      .filter((f) => f && existsSync(join(REPO, f)));
    for (const f of files) cpSync(join(REPO, f), join(clone, f), { recursive: false });
    for (const built of ['dist/main.cjs', 'dist/vendor/exceljs.cjs', 'dist/THIRD-PARTY-NOTICES.txt']) expect(existsSync(join(REPO, built)), `${built}: lamd is built (npm run build)`).toBe(true);
    cpSync(join(REPO, 'dist'), join(clone, 'dist'), { recursive: true });
  });
  // 2. The registry, and lamd published to it: npm packs the clone as `files` in package.json says,
  //    the build aside (--ignore-scripts: prepack would build it again).
  registry = await starting;
  await timed('publish', () =>
    npmAsync(['publish', '--ignore-scripts', '--registry', registry!.url, '--userconfig', registry!.userconfig], { cwd: clone, env: { ...process.env, npm_config_update_notifier: 'false' } }),
  );
}, 240_000);

afterAll(async () => {
  await registry?.stop();
  // Measured, so the cost of this test stays visible (README: "The test suite").
  process.stderr.write(`workflow e2e timings (ms): ${JSON.stringify(timings)}\n`);
});

describe('the workflow lamd init writes, run against a registry', () => {
  it('installs the lamd named with --lamd-package, annotates a broken road map and exits as documented', async () => {
    // 4. A workspace scaffolded with --lamd-package naming the release just published.
    const made = tempDir();
    const io = captureIO(made, { CI: 'true' });
    const spec = `${pkg.name}@${pkg.version}`;
    expect(await init(io, {}, 'ws', { yes: true, municipality: 'Sfax', country: 'TN', lang: 'fr', start: '2025-01-01', end: '2026-12-31', lamdPackage: spec })).toBe(0);
    // A push with a broken road map: the SDG goal written as a number.
    const roadmap = 'municipalities/sfax/roadmaps/example-roadmap.yaml';
    const text = readFileSync(join(made, 'ws', roadmap), 'utf8');
    expect(text).toMatch(/^ {2}goal: "10"$/m);
    writeFileSync(join(made, 'ws', roadmap), text.replace(/^ {2}goal: "10"$/m, '  goal: 10'));
    // 5. The runner's checkout: a clean folder holding the workspace's files.
    const checkout = join(work, 'checkout');
    cpSync(join(made, 'ws'), checkout, { recursive: true });

    const workflow = YAML.parse(readFileSync(join(checkout, '.github/workflows/lamd.yml'), 'utf8'), { version: '1.2' }) as { defaults?: { run?: { shell?: string } }; jobs: Record<string, { steps: Step[] }> };
    expect(workflow.defaults?.run?.shell).toBe('bash');
    const steps = workflow.jobs.validate!.steps;
    // The steps that are actions are the runner's business (checkout, setup-node), done above by hand.
    expect(steps.filter((s) => s.uses).map((s) => s.uses!.replace(/@.*/, ''))).toEqual(['actions/checkout', 'actions/setup-node']);
    const runs = steps.filter((s) => s.run !== undefined);
    // The workspace is French, and so are the step names the Actions page shows.
    expect(runs.map((s) => s.name)).toEqual(['Installer lamd', 'Vérifier les documents']);

    const env = runnerEnv(registry!.url);
    const [install, validate] = await timed('workflow steps', () => runs.map((s) => runStep(s.run!, checkout, { ...env, ...s.env })));
    expect(install!.status, `${install!.stdout}\n${install!.stderr}\n${registry!.log()}`).toBe(0);
    // Its log line too.
    expect(install!.stdout).toContain(`Installation de ${spec}`);
    // The lamd installed is the one published, with its own version.
    expect(runStep('lamd --version', checkout, env).stdout.trim()).toBe(pkg.version);
    // It installed lamd and its native module only; the libraries bundled into its dist/vendor work
    // without their packages: Word (docx, jszip, and @resvg/resvg-js's drawings), Excel both ways
    // (exceljs), a name transliterated (any-ascii), a package spec parsed (npm-package-arg), a country
    // searched (i18n-iso-countries). (The prompts' bundle runs in scaffold/interactive.e2e.test.ts.)
    const installed = join(work, 'global', process.platform === 'win32' ? 'node_modules/lamd' : 'lib/node_modules/lamd');
    expect(readdirSync(join(installed, 'node_modules'))).toEqual(['@resvg']);
    const pilot = join(REPO, 'examples/las-pilot');
    const out = join(work, 'out');
    const libraries = runStep(
      [
        `lamd report roadmap --format docx -C "${pilot}" --out "${out}" --today 2024-06-01`,
        `lamd export progress-template -C "${pilot}" --period 2025-H1 -o "${out}/progress.xlsx"`,
        `lamd import progress "${out}/progress.xlsx" -C "${pilot}" --period 2025-H1 --dry-run`,
        `lamd init "${out}/ws" --yes --name طنجة --country MA --lamd-package ${spec}`,
        `! lamd init "${out}/ws2" --yes --name Sousse --country Tunisie`,
      ].join('\n'),
      checkout,
      env,
    );
    expect(libraries.status, libraries.stderr).toBe(0);
    expect(readFileSync(join(out, 'roadmap.en.docx')).subarray(0, 2).toString()).toBe('PK');
    // Its timelines drawn: the native rasteriser, the one library required from node_modules, loaded.
    expect(libraries.stderr).not.toMatch(/cannot draw|left out of the Word report/);
    expect(libraries.stderr).toMatch(/\d+ rows to fill in for 2025-H1/);
    // Read back: the workbook opened, its rows found (none filled in, so nothing is written).
    expect(libraries.stderr).toMatch(/progress.xlsx reports nothing for 2025-H1: no value is filled in/);
    expect(existsSync(join(out, 'ws/municipalities/tnja/profile.yaml'))).toBe(true);
    expect(libraries.stderr).toMatch(/TN \(Tunisia\)/);

    // Exit 1: the documents have problems; the road map is annotated at the goal's line.
    expect(validate!.status, validate!.stderr).toBe(1);
    const goalLine = text.split('\n').findIndex((l) => l === '  goal: "10"') + 1;
    expect(validate!.stdout).toMatch(new RegExp(`^::error file=${roadmap.replace(/[./]/g, '\\$&')},line=${goalLine},endLine=${goalLine},col=\\d+,endColumn=\\d+,title=lamd schema/type::`, 'm'));
    // In the workspace's French, although the runner's locale (LANG=C.UTF-8) would say English.
    expect(validate!.stdout).toMatch(/^lamd \S+: ✖ 1 erreur/m);
    expect(readFileSync(env.GITHUB_STEP_SUMMARY!, 'utf8')).toContain('| erreur | schema/type |');

    // Exit 0 once the road map is fixed, and 2 for a usage error, as the README's table says.
    writeFileSync(join(checkout, roadmap), text);
    expect(runStep(runs[1]!.run!, checkout, env).status).toBe(0);
    expect(runStep('lamd validate --format nope', checkout, env).status).toBe(2);
    expect(runStep('lamd explain single-sdg', checkout, env).stdout).toMatch(/^# roadmap\/single-sdg\n/);
  }, 240_000);

  it("fails the install with npm's message, and quickly, when the registry refuses", async () => {
    const checkout = tempDir();
    writeFileSync(join(checkout, 'lamd.yaml'), `kind: workspace\nlamd_package: ${pkg.name}@${pkg.version}\n`);
    mkdirSync(join(checkout, '.github'));
    cpSync(join(REPO, 'templates/workspace/_github/lamd-package.mjs'), join(checkout, '.github/lamd-package.mjs'));
    const workflow = YAML.parse(readFileSync(join(REPO, 'templates/workspace/_github/workflows/lamd.yml'), 'utf8')) as { jobs: { validate: { steps: Step[] } } };
    const install = workflow.jobs.validate.steps.find((s) => s.name === 'Install lamd')!;
    // Nothing listens on this port: every request is refused.
    const closed = `http://127.0.0.1:${await freePort()}/`;
    const started = Date.now();
    const result = runStep(install.run!, checkout, runnerEnv(closed, { npm_config_cache: join(checkout, 'npm-cache') }), 60_000);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/ECONNREFUSED/);
    expect(Date.now() - started).toBeLessThan(45_000);
  }, 60_000);
});
