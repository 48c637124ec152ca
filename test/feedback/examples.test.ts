// Issue 13 item 4: examples announce themselves, reports leave them out, and a new profile's missing
// endorsement is an info until phase 1.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run as report } from '../../src/cli/commands/report.js';
import { checkLoaded } from '../../src/check/index.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { planInit } from '../../src/scaffold/plan-init.js';
import { tempDir } from '../helpers/lamd.js';
import { check, WORKSPACE_YAML } from '../helpers/workspace.js';
import { exitCode, recordIO } from './io.js';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

function scaffold(): string {
  const root = tempDir();
  const files = planInit({
    network: 'Réseau test',
    municipality: { slug: 'sousse', name: 'Sousse', country: 'TN', languages: ['fr', 'ar'], leadUnitId: 'sousse-migration-desk', leadUnitName: 'Migration desk' } as never,
    partners: [{ name: 'Partner NGO' }],
    start: '2025-01',
    end: '2026-12',
    sdgs: ['10'],
    reportLanguages: ['en'],
    lamdVersion: '0.1.0',
    lamdPackage: 'lamd@0.1.0',
  });
  for (const f of files) {
    mkdirSync(dirname(join(root, f.path)), { recursive: true });
    writeFileSync(join(root, f.path), f.content);
  }
  return root;
}

async function validate(root: string, today = '2025-02-01') {
  return (await checkLoaded(await loadWorkspace({ cwd: root }), { today })).diagnostics;
}

describe('a freshly scaffolded workspace', () => {
  it('warns about each example until it is removed', async () => {
    const root = scaffold();
    const examples = (await validate(root)).filter((d) => d.ruleId === 'workspace/examples-remaining');
    expect(examples.map((d) => `${d.file} ${d.severity}`).sort()).toEqual([
      'municipalities/sousse/practices/example-practice.yaml warning',
      'municipalities/sousse/roadmaps/example-roadmap.yaml warning',
      'stakeholders.yaml warning',
      'stakeholders.yaml warning',
    ]);
    expect(examples.find((d) => d.file.endsWith('example-roadmap.yaml'))!.message).toBe(
      'This road map is an example written by lamd init; reports leave it out. Write a real one (`lamd new roadmap <id> --municipality <slug> --sdg <goal>`), then delete this file.',
    );
    rmSync(join(root, 'municipalities/sousse/practices/example-practice.yaml'));
    rmSync(join(root, 'municipalities/sousse/roadmaps/example-roadmap.yaml'));
    const registry = join(root, 'stakeholders.yaml');
    writeFileSync(registry, readFileSync(registry, 'utf8').replace(/\n    example: true/g, ''));
    expect((await validate(root)).filter((d) => d.ruleId === 'workspace/examples-remaining')).toEqual([]);
  });

  it('reminds about the endorsement as info, without a suppression, while the programme is preparing', async () => {
    const root = scaffold();
    expect(readFileSync(join(root, 'municipalities/sousse/profile.yaml'), 'utf8')).not.toMatch(/^suppress:/m);
    const endorsement = (await validate(root)).filter((d) => d.ruleId === 'endorsement/municipality');
    expect(endorsement.map((d) => d.severity)).toEqual(['info']);
  });

  it('leaves the examples out of its reports', async () => {
    const root = scaffold();
    const rec = recordIO(root);
    const code = await exitCode(() => report(rec.io, { workspace: root }, 'roadmap', { today: '2025-02-01' }), rec);
    expect(code, rec.err()).toBe(0);
    expect(rec.err()).toContain('left out 1 road map, 1 practice and 2 stakeholders marked as examples');
    const text = readFileSync(join(root, 'reports', readdirSync(join(root, 'reports'))[0]!), 'utf8');
    expect(text).not.toContain('Example: coordinating');
    expect(text).toMatch(/^# Road maps\n\n> Documents marked as examples \(example: true\) are left out of this report and its totals.\n/);
  });
});

describe('endorsement/municipality by phase', () => {
  const profile = 'kind: profile\nschema_version: 1\nmunicipality: milan\n';
  const calendar = (c: string) => WORKSPACE_YAML + `calendar:\n${c}`;
  const severity = async (workspace: string, today: string) => {
    const result = await check({ 'lamd.yaml': workspace, 'municipalities/milan/profile.yaml': profile, 'municipalities/tirana/profile.yaml': profile.replace('milan', 'tirana') }, []);
    void today;
    return [...new Set(result.diagnostics.filter((d) => d.ruleId === 'endorsement/municipality').map((d) => d.severity))];
  };

  it('is info before phase 1 starts and a warning from then on', async () => {
    const root = tempDir();
    const write = (name: string, text: string) => {
      mkdirSync(dirname(join(root, name)), { recursive: true });
      writeFileSync(join(root, name), text);
    };
    write('lamd.yaml', calendar('  preparatory: { start: 2025-01 }\n  profile: { start: 2025-04-01 }\n'));
    write('municipalities/milan/profile.yaml', profile);
    write('municipalities/tirana/profile.yaml', profile.replace('milan', 'tirana'));
    const at = async (today: string) => [...new Set((await validate(root, today)).filter((d) => d.ruleId === 'endorsement/municipality').map((d) => d.severity))];
    expect(await at('2025-03-31')).toEqual(['info']);
    expect(await at('2025-04-01')).toEqual(['warning']);
  });

  it('keeps its severity without a calendar', async () => {
    expect(await severity(WORKSPACE_YAML, '2025-01-01')).toEqual(['warning']);
  });
});
