// Issue 13 item 2: a rule does not build advice on a value the schema already rejected.
import { describe, expect, it } from 'vitest';
import { check, lines, WORKSPACE_YAML } from '../helpers/workspace.js';

const STAKEHOLDERS = `kind: stakeholders
schema_version: 1
stakeholders:
  - { id: diaspora, name: Diaspora association, type: diaspora-association, level: local }
`;

const roadmap = (body: string) => `kind: roadmap
schema_version: 1
id: governance
municipality: milan
title: Intersectoral governance
${body}`;

describe('no follow-on findings', () => {
  it('goal "18" is reported once, without "choose targets of goal 18"', async () => {
    const result = await check({
      'lamd.yaml': WORKSPACE_YAML,
      'municipalities/milan/roadmaps/governance.yaml': roadmap('sdg:\n  goal: "18"\n  targets: ["10.7"]\n'),
    });
    const all = lines(result, { methodRules: true });
    expect(all.some((l) => l.includes('schema/format') && l.includes('sdg.goal'))).toBe(true);
    expect(all.join('\n')).not.toContain('goal 18');
    expect(all.join('\n')).not.toContain('roadmap/single-sdg');
  });

  it('still names targets of another goal when the goal is valid', async () => {
    const result = await check({
      'lamd.yaml': WORKSPACE_YAML,
      'municipalities/milan/roadmaps/governance.yaml': roadmap('sdg:\n  goal: "8"\n  targets: ["10.7"]\n'),
    });
    expect(lines(result, { methodRules: true }).join('\n')).toContain('choose targets of goal 8');
  });

  it('involvement: NO is an enum error, not also "takes part only in implementation"', async () => {
    const result = await check({
      'lamd.yaml': WORKSPACE_YAML,
      'stakeholders.yaml': STAKEHOLDERS,
      'municipalities/milan/roadmaps/governance.yaml': roadmap('sdg: { goal: "10" }\nworking_group:\n  - { stakeholder: diaspora, involvement: NO }\n'),
    });
    const all = lines(result, { methodRules: true }).join('\n');
    expect(all).toContain('schema/enum `working_group[0].involvement` is "NO"');
    expect(all).not.toContain('only in implementation');
    expect(all).not.toContain('roadmap/design-inclusion');
  });

  it('still warns when the involvement is valid but implementation only', async () => {
    const result = await check({
      'lamd.yaml': WORKSPACE_YAML,
      'stakeholders.yaml': STAKEHOLDERS,
      'municipalities/milan/roadmaps/governance.yaml': roadmap('sdg: { goal: "10" }\nworking_group:\n  - { stakeholder: diaspora, involvement: implementation }\n'),
    });
    expect(lines(result, { methodRules: true }).join('\n')).toContain('takes part only in implementation');
  });
});
