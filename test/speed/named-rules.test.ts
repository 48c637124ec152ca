// A check that reports some files of a workspace (one road map named) gives the rules that look at
// one document at a time only those files, and skips a rule that reports on none of their kinds
// (src/check/rule-reach.ts): on every rule case, each file with findings, checked as the only file
// reported, is told exactly what the whole run tells it.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkLoaded, type CheckResult } from '../../src/check/index.js';
import { ONE_DOCUMENT_AT_A_TIME, REPORTS_ONLY_ON } from '../../src/check/rule-reach.js';
import { METHOD_RULES } from '../../src/check/method/index.js';
import { REFERENCE_RULES } from '../../src/check/references/index.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { CASES, caseWorkspace, readCase } from '../helpers/rule-cases.js';

/** What a result says about one file. */
function about(result: CheckResult, file: string) {
  return {
    diagnostics: result.diagnostics.filter((d) => d.file === file),
    suppressions: result.suppressions.filter((s) => s.file === file),
    suppressed: result.suppressed.filter((d) => d.file === file),
  };
}

describe('a check that reports some files of a workspace', () => {
  it('tells each file what the whole run tells it, on every rule case', async () => {
    const names = readdirSync(CASES, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yaml')).sort();
    const compared = new Set<string>();
    const misplaced: string[] = [];
    for (const name of names) {
      const c = readCase(name);
      // A case that expects no finding adds nothing to compare.
      if (!/^# expect:/m.test(c.text)) continue;
      const root = caseWorkspace(c);
      const load = await loadWorkspace({ cwd: root });
      const whole = await checkLoaded(load, { today: c.today });
      const kinds = new Map(load.documents.map((d) => [d.file, d.kind]));
      for (const d of whole.diagnostics) {
        const on = REPORTS_ONLY_ON.get(d.ruleId);
        if (on && !on.includes(kinds.get(d.file)!)) misplaced.push(`${name}: ${d.ruleId} on a ${kinds.get(d.file)}`);
      }
      const files = new Set([c.path, ...whole.diagnostics.map((d) => d.file), ...whole.suppressions.map((s) => s.file)]);
      for (const file of files) {
        const named = await checkLoaded({ ...load, reported: new Set([file]) }, { today: c.today });
        expect(about(named, file), `${name}: ${file}`).toEqual(about(whole, file));
        for (const d of about(whole, file).diagnostics) compared.add(d.ruleId);
      }
    }
    expect(misplaced).toEqual([]);
    // Every rule the tables name was held to the whole run on at least one finding.
    const named = [...ONE_DOCUMENT_AT_A_TIME, ...REPORTS_ONLY_ON.keys()];
    expect(named.filter((id) => !compared.has(id))).toEqual([]);
    // And the tables name only rules that exist.
    const ids = new Set([...METHOD_RULES, ...REFERENCE_RULES].map((r) => r.meta.id));
    expect(named.filter((id) => !ids.has(id))).toEqual([]);
  });
});
