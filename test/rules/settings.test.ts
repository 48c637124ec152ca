// lamd.yaml's `rules:` and a document's `suppress:` change what is reported, and say so.
import { describe, expect, it } from 'vitest';
import { copyFixture, runLamd } from '../helpers/lamd.js';
import { sarif } from '../helpers/outputs.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROADMAP = 'municipalities/sfax/roadmaps/inclusive-services.yaml';

/** The valid fixture with a road map whose design involves no migrants' organisation. */
function workspaceWithFinding(): string {
  const root = copyFixture('valid');
  const path = join(root, ROADMAP);
  writeFileSync(path, readFileSync(path, 'utf8').replace('- { stakeholder: diaspora-association, involvement: both }', '- { stakeholder: diaspora-association, involvement: implementation }'));
  return root;
}

function setRules(root: string, rules: string) {
  const path = join(root, 'lamd.yaml');
  // Replaces the whole `rules:` block, so it can be called again on the same workspace.
  writeFileSync(path, readFileSync(path, 'utf8').replace(/^rules:\n(?: {2}.*\n)*/m, `rules:\n${rules}`));
}

describe('severity overrides and suppressions, end to end', () => {
  it('a warning passes by default and fails under --strict', async () => {
    const root = workspaceWithFinding();
    const result = await runLamd(['validate', '--today', '2024-06-01'], { cwd: root });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/roadmap\/design-inclusion/);
    expect((await runLamd(['validate', '--strict', '--today', '2024-06-01'], { cwd: root })).status).toBe(1);
  });

  it('lamd.yaml can raise a rule to error (exit 1) or turn it off (exit 0, even under --strict)', async () => {
    const root = workspaceWithFinding();
    setRules(root, '  roadmap/design-inclusion: error\n');
    expect((await runLamd(['validate', '--today', '2024-06-01'], { cwd: root })).status).toBe(1);
    setRules(root, '  roadmap/design-inclusion: off\n');
    const off = await runLamd(['validate', '--strict', '--today', '2024-06-01'], { cwd: root });
    expect(off.status).toBe(0);
    expect(off.stdout).not.toMatch(/design-inclusion/);
  });

  it('an unknown rule id or a fixed rule in lamd.yaml is itself an error', async () => {
    const root = copyFixture('valid');
    setRules(root, '  roadmap/desing-inclusion: off\n  yaml/syntax: off\n');
    const result = await runLamd(['validate', '--format', 'json', '--today', '2024-06-01'], { cwd: root });
    expect(result.status).toBe(1);
    const text = result.stdout;
    expect(text).toMatch(/settings\/unknown-rule/);
    expect(text).toMatch(/did you mean `roadmap\/design-inclusion`/);
    expect(text).toMatch(/settings\/fixed-rule/);
  });

  it('a document can suppress a rule with a recorded reason, and lamd counts and lists it', async () => {
    const root = workspaceWithFinding();
    setRules(root, '  roadmap/design-inclusion: error\n');
    const path = join(root, ROADMAP);
    writeFileSync(path, `${readFileSync(path, 'utf8')}suppress:\n  - rule: roadmap/design-inclusion\n    reason: The diaspora association joined after the design (minutes of 2023-03-01).\n`);
    const result = await runLamd(['validate', '--list-suppressions', '--today', '2024-06-01'], { cwd: root });
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/inclusive-services\.yaml: roadmap\/design-inclusion suppressed \(1 finding\): The diaspora association joined after the design/);
    expect(result.stderr).toMatch(/1 suppression silenced 1 finding\./);

    // Machine outputs carry them too: json lists the suppression, sarif keeps the finding as suppressed.
    const json = JSON.parse((await runLamd(['validate', '--format', 'json', '--today', '2024-06-01'], { cwd: root })).stdout);
    expect(json.suppressions).toEqual([{ file: ROADMAP, ruleId: 'roadmap/design-inclusion', reason: 'The diaspora association joined after the design (minutes of 2023-03-01).', silenced: 1 }]);
    const log = sarif((await runLamd(['validate', '--format', 'sarif', '--today', '2024-06-01'], { cwd: root })).stdout);
    expect(log.runs[0].results).toMatchObject([
      { ruleId: 'roadmap/design-inclusion', level: 'error', suppressions: [{ kind: 'inSource', justification: expect.stringMatching(/joined after the design/) }] },
    ]);
  });

  it('a suppression cannot silence a rule that is not adjustable: the finding stays, and the suppression is an error', async () => {
    const root = copyFixture('valid');
    const path = join(root, ROADMAP);
    // Two actions with one id: progress reports could not tell them apart (ids/unique, fixed).
    const text = readFileSync(path, 'utf8').replace(/^actions:\n/m, 'actions:\n  - id: leaflets\n    title: More leaflets\n');
    writeFileSync(path, `${text}suppress:\n  - rule: ids/unique\n    reason: The second batch of leaflets is the same action.\n`);
    const result = await runLamd(['validate', '--format', 'json', '--today', '2024-06-01'], { cwd: root });
    expect(result.status).toBe(1);
    const json = JSON.parse(result.stdout);
    const found = json.files.flatMap((f: { path: string; diagnostics: { ruleId: string }[] }) => f.diagnostics.map((d) => d.ruleId)).sort();
    expect(found).toEqual(['ids/unique', 'settings/fixed-rule']);
    expect(json.suppressions).toEqual([]);
  });

  it('a suppression that silences nothing is reported as info', async () => {
    const root = copyFixture('valid');
    const path = join(root, ROADMAP);
    writeFileSync(path, `${readFileSync(path, 'utf8')}suppress:\n  - rule: roadmap/evidence\n    reason: No indicators yet.\n`);
    const result = await runLamd(['validate', '--today', '2024-06-01'], { cwd: root });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/settings\/unused-suppression/);
  });
});

describe('lamd rules', () => {
  it('lists every rule with its severity in this workspace', async () => {
    const root = copyFixture('valid');
    setRules(root, '  roadmap/evidence: info\n');
    const json = JSON.parse((await runLamd(['rules', '--json'], { cwd: root })).stdout) as { rules: Array<{ id: string; severity: string; defaultSeverity: string }> };
    expect(json.rules.find((r) => r.id === 'roadmap/evidence')).toMatchObject({ severity: 'info', defaultSeverity: 'warning' });
    expect(json.rules.find((r) => r.id === 'roadmap/single-sdg')).toMatchObject({ severity: 'error' });
    const text = await runLamd(['rules'], { cwd: root });
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/^roadmap\/evidence\s+info\*\s+Every objective has an indicator/m);
  });
});
