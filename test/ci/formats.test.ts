// The CI formats judged by the programs that consume them: the SARIF multitool with GitHub's
// ingestion rules, and Jenkins' junit-10.xsd (through libxml2, compiled to WebAssembly).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { describe, expect, it } from 'vitest';
import { FIXTURES, REPO, tempDir } from '../helpers/lamd.js';
import { sarif } from '../helpers/outputs.js';
import { brokenWorkspace, copyExample, validateIn } from './broken-workspace.js';

const require = createRequire(import.meta.url);

interface MultitoolResult {
  /** The log file the result is about. */
  file: string;
  level: string;
  ruleId: string;
  message: string;
}

/**
 * Runs the multitool's `validate` on SARIF logs, one invocation for all (it takes 1-2 s to start),
 * with GitHub's rules and the SARIF rules at every level, and returns what it reports. The binary is
 * called directly: the package's bin.js goes through a shell, which would split `Gh;Sarif` at the
 * `;`. .NET runs without ICU in invariant mode, so a bare machine runs it too.
 */
function multitool(logs: Record<string, string>): MultitoolResult[] {
  const dir = tempDir();
  const files = Object.entries(logs).map(([name, log]) => {
    writeFileSync(join(dir, `${name}.sarif`), log);
    return join(dir, `${name}.sarif`);
  });
  const binary = require('@microsoft/sarif-multitool') as string;
  const output = join(dir, 'multitool-report.json');
  const result = spawnSync(binary, ['validate', ...files, '--rule-kind', 'Gh;Sarif', '--level', 'Error;Warning;Note', '--output', output, '--log', 'ForceOverwrite'], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1', DOTNET_CLI_TELEMETRY_OPTOUT: '1' },
  });
  if (result.error) throw result.error;
  expect(result.stdout, result.stderr).toContain('Analysis completed successfully');
  const report = JSON.parse(readFileSync(output, 'utf8'));
  return (report.runs[0].results ?? []).map((r: any) => ({
    file: String(r.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '').replace(/^.*\//, '').replace(/\.sarif$/, ''),
    level: r.level ?? 'warning',
    ruleId: r.ruleId,
    message: r.message?.text ?? JSON.stringify(r.message),
  }));
}

const junitXsd = readFileSync(join(FIXTURES, 'junit-10.xsd'), 'utf8');

async function junitErrors(xml: string): Promise<string[]> {
  const result = await validateXML({ xml: [{ fileName: 'lamd.xml', contents: xml }], schema: [junitXsd] });
  return result.errors.map((e) => e.rawMessage);
}

describe('sarif, as the SARIF multitool judges it', () => {
  it("reports nothing with GitHub's rules on a broken workspace's log, and does object to a wrong log", async () => {
    const run = await validateIn(brokenWorkspace(), { format: 'sarif' });
    expect(run.status).toBe(1);
    const log = sarif(run.stdout);
    // The log holds what the rules are about: errors, warnings, findings about a whole file.
    expect(log.runs[0].results.map((r: any) => r.ruleId)).toEqual(expect.arrayContaining(['schema/type', 'references/practice', 'file/empty', 'file/binary']));
    const wrong = JSON.parse(run.stdout);
    for (const rule of wrong.runs[0].tool.driver.rules) delete rule.fullDescription;
    for (const result of wrong.runs[0].results) delete result.locations[0].physicalLocation.region;

    // The same log in French: rule descriptions and messages in the run's language.
    const french = await validateIn(brokenWorkspace(), { format: 'sarif', lang: 'fr' });
    expect(sarif(french.stdout).runs[0].language).toBe('fr');

    const found = multitool({ broken: run.stdout, french: french.stdout, wrong: JSON.stringify(wrong) });
    const about = (file: string, kind: RegExp) => found.filter((r) => r.file === file && kind.test(r.ruleId)).map((r) => `${r.level} ${r.ruleId}: ${r.message}`);
    // The multitool read the French log as it read the English one (its notes are there too).
    expect(about('french', /^SARIF/).length).toBe(about('broken', /^SARIF/).length);
    for (const file of ['broken', 'french']) {
      expect(about(file, /^GH/), file).toEqual([]);
      // The SARIF rules' errors and warnings, but one: with no homepage in package.json, lamd names no
      // informationUri rather than an address it does not control. Their notes ask for optional
      // extras (embedded file contents, snippets, message ids, URIs reachable from an offline machine).
      expect(about(file, /^SARIF/).filter((r) => !r.startsWith('note ') && !r.includes('ProvideToolnformationUri')), file).toEqual([]);
    }
    // The same multitool objects to what lamd used to write.
    expect(about('wrong', /^GH2012$/).length).toBeGreaterThan(0);
    expect(about('wrong', /^SARIF2017$/).length).toBeGreaterThan(0);
  });
});

describe("junit, as Jenkins' junit-10.xsd judges it", () => {
  it("accepts the report of a broken workspace", async () => {
    const run = await validateIn(brokenWorkspace(), { format: 'junit' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('<failure type="error"');
    expect(await junitErrors(run.stdout)).toEqual([]);
  });

  // Every bundled example (a folder of examples/ holding lamd.yaml).
  const examples = readdirSync(join(REPO, 'examples')).filter((e) => existsSync(join(REPO, 'examples', e, 'lamd.yaml')));
  it('finds the bundled examples', () => expect(examples).toEqual(expect.arrayContaining(['las-pilot', 'next-edition-sousse'])));
  for (const example of examples) {
    it(`accepts the report of the bundled example ${example}`, async () => {
      const run = await validateIn(copyExample(example), { format: 'junit', today: '2026-01-01' });
      expect(run.stdout).toContain('<testsuites');
      expect(await junitErrors(run.stdout)).toEqual([]);
    });
  }

  it('is judged by a schema that does reject a wrong report', async () => {
    const run = await validateIn(brokenWorkspace(), { format: 'junit' });
    const errors = await junitErrors(run.stdout.replace('<testsuites name', '<testsuites skipped="0" name').replace(/<testcase name="([^"]*)"/, '<testcase file="$1" name="$1"'));
    expect(errors.join('\n')).toMatch(/skipped/);
    expect(errors.join('\n')).toMatch(/file/);
  });
});
