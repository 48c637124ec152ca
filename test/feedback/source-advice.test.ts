// Issue 13 item 1: advice quotes what the user wrote, and syntax errors name their everyday cause.
import { describe, expect, it } from 'vitest';
import { parseYamlText } from '../../src/workspace/source.js';
import { check, lines, WORKSPACE_YAML } from '../helpers/workspace.js';

const roadmap = (body: string) => `kind: roadmap
schema_version: 1
id: governance
municipality: milan
title: Intersectoral governance
${body}`;

function syntax(text: string): string {
  const d = parseYamlText('f.yaml', text).diagnostics[0]!;
  return `${d.range?.start.line}:${d.range?.start.column} ${d.ruleId} ${d.message}`;
}

describe('advice quotes the characters written', () => {
  it('quotes 8.10 as "8.10", never as the other target 8.1', async () => {
    const result = await check({
      'lamd.yaml': WORKSPACE_YAML,
      'municipalities/milan/roadmaps/governance.yaml': roadmap('sdg:\n  goal: "8"\n  targets: [8.10, 8.5]\n'),
    });
    const messages = lines(result).join('\n');
    expect(messages).toContain('`sdg.targets[0]` should be text, not the number 8.10; put it in quotes: "8.10".');
    expect(messages).toContain('`sdg.targets[1]` should be text, not the number 8.5; put it in quotes: "8.5".');
    expect(messages).not.toContain('"8.1"');
  });

  it('says a decimal comma in a bracketed mapping is read as two items', async () => {
    const result = await check({
      'lamd.yaml': WORKSPACE_YAML,
      'municipalities/milan/roadmaps/governance.yaml': roadmap(`sdg: { goal: "10" }
objectives:
  - id: access
    title: Access
    indicators:
      - name: Share of migrants served
        baseline: { value: 12,5, date: "2021" }
`),
    });
    const messages = lines(result).join('\n');
    expect(messages).toContain('`12,5` is read as the number 12 followed by a field `5`');
    expect(messages).toContain('Write decimals with a point: 12.5.');
  });

  it('says a decimal comma on its own line needs a point', async () => {
    const result = await check({
      'lamd.yaml': WORKSPACE_YAML,
      'municipalities/milan/profile.yaml': `kind: profile
schema_version: 1
municipality: milan
population:
  value: 12,5
  unit: persons
`,
    });
    expect(lines(result).join('\n')).toContain('`population.value` should be a number, not "12,5"; write decimals with a point: 12.5.');
  });

  it('explains a value emptied by an unquoted #', async () => {
    const result = await check({
      'lamd.yaml': WORKSPACE_YAML,
      'municipalities/milan/roadmaps/governance.yaml': roadmap('sdg: { goal: "10" }\narea_of_intervention: #1 priority\n'),
    });
    expect(lines(result).join('\n')).toContain('The text after `#` is read as a comment; to keep it, put it in quotes: area_of_intervention: "#1 priority"');
  });

  it('explains list items written under a key that already has a value', async () => {
    const result = await check({
      'lamd.yaml': WORKSPACE_YAML,
      'municipalities/milan/roadmaps/governance.yaml': roadmap('sdg:\n  goal: "10"\n  targets: 10.7\n    - 10.c\n'),
    });
    expect(lines(result).join('\n')).toContain('The list items below `targets` were joined to its value on line 8');
  });
});

describe('syntax errors name their everyday cause, at its line', () => {
  it('French typography: a space before the colon inside a title', () => {
    expect(syntax('kind: roadmap\ntitle: Objectif 1 : les migrants\nid: x\n')).toBe(
      '2:8 yaml/syntax YAML syntax error: The text of `title` contains a colon followed by a space (": "), which YAML reads as the start of another field. Put the whole text in quotes: title: "Objectif 1 : les migrants"',
    );
  });

  it('a missing space after a colon is reported at its own line', () => {
    expect(syntax('kind: roadmap\nactions:\n  - id: a\n    status:done\n    title: T\n')).toBe(
      '4:12 yaml/syntax YAML syntax error: `status:done` needs a space after the colon: `status: done`. Without the space, YAML reads the whole line as text instead of a field and its value.',
    );
  });

  it('typographic quotes', () => {
    expect(syntax('kind: roadmap\ntitle: “Objectif: les migrants”\n')).toMatch(/^2:8 yaml\/syntax .*typographic quotes.*For example: title: "Objectif: les migrants"$/);
  });

  it('an unquoted # inside brackets', () => {
    expect(syntax('kind: roadmap\ntargets: [10.7, #10.c]\n')).toMatch(/^2:17 yaml\/syntax YAML syntax error: The `#` here starts a comment/);
  });

  it('a list item under a key that has a value', () => {
    expect(syntax('kind: roadmap\ntitle: Foo\n- bar\n')).toMatch(/^3:1 yaml\/syntax .*This list item is under `title`, which already has a value on line 2 \(Foo\)/);
  });

  it('leaves other syntax errors in the parser\'s words', () => {
    expect(syntax('kind: roadmap\n  title: x\n bad\n')).toMatch(/YAML syntax error: /);
  });
});
