// Runs every case under test/fixtures/rules (see its README) against the method and references rules,
// ESLint-style: the exact findings, at their exact positions, and nothing else.
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLoaded } from '../../src/check/index.js';
import { METHOD_RULES } from '../../src/check/method/index.js';
import { REFERENCE_RULES } from '../../src/check/references/index.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { FIXTURES, tempDir } from '../helpers/lamd.js';

const CASES = join(FIXTURES, 'rules');
const JUDGED_IDS = new Set([...METHOD_RULES, ...REFERENCE_RULES].map((r) => r.meta.id));

interface Case {
  name: string;
  path: string;
  text: string;
  expect: string[];
  today?: string;
  with: string[];
}

function readCase(name: string): Case {
  const text = readFileSync(join(CASES, name), 'utf8');
  const header = (key: string) => [...text.matchAll(new RegExp(`^# ${key}: (.+)$`, 'gm'))].map((m) => m[1]!.trim());
  const c: Case = { name, text, path: header('path')[0]!, expect: header('expect').sort(), with: header('with') };
  const today = header('today')[0];
  if (today) c.today = today;
  return c;
}

async function findings(c: Case): Promise<string[]> {
  const root = tempDir();
  cpSync(join(FIXTURES, 'workspaces/valid'), root, { recursive: true });
  for (const other of [...c.with.map(readCase), c]) {
    mkdirSync(dirname(join(root, other.path)), { recursive: true });
    writeFileSync(join(root, other.path), other.text);
  }
  const result = await checkLoaded(await loadWorkspace({ cwd: root }), { today: c.today ?? '2024-06-01' });
  // Only rule modules are judged here; anything else (a schema error in the case) fails loudly.
  const others = result.diagnostics.filter((d) => !JUDGED_IDS.has(d.ruleId));
  expect(others.map((d) => `${d.file}:${d.range?.start.line} ${d.ruleId} ${d.message}`)).toEqual([]);
  return result.diagnostics.map((d) => `${d.ruleId} ${d.range?.start.line}:${d.range?.start.column}`).sort();
}

const caseNames = readdirSync(CASES, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.yaml'))
  .sort();

describe('method and references rules, case by case', () => {
  it('start from a workspace no rule complains about', async () => {
    const result = await checkLoaded(await loadWorkspace({ cwd: join(FIXTURES, 'workspaces/valid') }), { today: '2024-06-01' });
    expect(result.diagnostics).toEqual([]);
  });

  for (const name of caseNames) {
    it(name.replace(/\.yaml$/, ''), async () => {
      const c = readCase(name);
      expect(c.path, `${name} needs a # path: line`).toBeTruthy();
      expect(await findings(c)).toEqual(c.expect);
    });
  }

  it('have at least one case that triggers each rule', () => {
    const triggered = new Set(caseNames.flatMap((n) => readCase(n).expect.map((e) => e.split(' ')[0])));
    expect([...JUDGED_IDS].filter((id) => !triggered.has(id))).toEqual([]);
  });

  it('have, for each references rule, a case it fails and a case it passes, in a folder named for it', () => {
    const missing: string[] = [];
    for (const { meta } of REFERENCE_RULES) {
      const folder = `${meta.id}/`;
      const cases = caseNames.filter((n) => n.split(sep).join('/').startsWith(folder)).map(readCase);
      if (!cases.some((c) => c.expect.some((e) => e.startsWith(`${meta.id} `)))) missing.push(`${meta.id}: a failing case`);
      if (!cases.some((c) => c.expect.length === 0)) missing.push(`${meta.id}: a passing case`);
    }
    expect(missing).toEqual([]);
  });
});
