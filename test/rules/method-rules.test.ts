// Runs every case under test/fixtures/rules (see its README) against the method and references rules,
// ESLint-style: the exact findings, at their exact positions, and nothing else.
import { readdirSync } from 'node:fs';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLoaded } from '../../src/check/index.js';
import { METHOD_RULES } from '../../src/check/method/index.js';
import { REFERENCE_RULES } from '../../src/check/references/index.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { FIXTURES } from '../helpers/lamd.js';
import { CASE_TODAY, CASES, caseWorkspace, readCase, type RuleCase } from '../helpers/rule-cases.js';

const JUDGED_IDS = new Set([...METHOD_RULES, ...REFERENCE_RULES].map((r) => r.meta.id));

async function findings(c: RuleCase): Promise<string[]> {
  const root = caseWorkspace(c);
  const result = await checkLoaded(await loadWorkspace({ cwd: root }), { today: c.today });
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
    const result = await checkLoaded(await loadWorkspace({ cwd: join(FIXTURES, 'workspaces/valid') }), { today: CASE_TODAY });
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
