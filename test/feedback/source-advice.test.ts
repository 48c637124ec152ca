// Issue 13 item 1: advice quotes what the user wrote, and syntax errors name their everyday cause.
import jsyaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parseYamlText, readYamlText } from '../../src/workspace/source.js';
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
    expect(syntax('kind: roadmap\ntitle: &a\n  x: 1\nb: *c\n')).toBe('4:6 yaml/syntax YAML syntax error: unidentified alias "c".');
  });
});

// Trial report (francophone) defect 1: the parser gave up lines below an unclosed quote, or on a tab or
// a shifted line, in its own English words and with no fix.
describe('a quote left open, a tab, a shifted line: said where the mistake is, with the fix', () => {
  const scaffolded = (title: string, nl = '\n') => ['kind: roadmap', 'id: x', title, '# area_of_intervention: The local priority', '', 'sdg:', '  goal: "10"', "  # targets: [\"10.7\"]   # this goal's targets", 'schema_version: 1', ''].join(nl);
  const runsOn = (at: string, character: string, line: number) =>
    `${at} yaml/syntax YAML syntax error: The quote ${character} opened here is not closed on its line, so the text runs on to the next ${character}, on line ${line}, and YAML cannot read what follows it. Close the quote at the end of the text, on this line.`;

  it('a double quote left open is closed by the next one, lines below: the error is at the opening quote', () => {
    expect(syntax(scaffolded('title: "Feuille de route de Tanger'))).toBe(runsOn('3:8', '"', 7));
    // js-yaml may give up only at the start of the line after the closing quote.
    expect(syntax('kind: activity\ntitle: "Training: the basics\n  date: 2023-03-01\nsummary: "A day"\n')).toBe(runsOn('2:8', '"', 4));
  });

  it('a single quote left open, closed by an apostrophe in a comment further on', () => {
    expect(syntax(scaffolded("title: 'Feuille de route de Tanger"))).toBe(runsOn('3:8', "'", 8));
  });

  it('a quote left open in a list item, closed by the next item\'s', () => {
    expect(syntax('actions:\n  - title: "Abc\n    status: done\n  - title: "Def"\n')).toBe(runsOn('2:12', '"', 4));
    expect(syntax('targets:\n  - "10.7\n  - "10.c"\n')).toBe(runsOn('2:5', '"', 3));
  });

  it('a quote left open before a `---` line: at the opening quote, not at a colon in the text it swallowed', () => {
    expect(syntax('title: "abc\ndescription: Objectif : x\n---\nid: y\n')).toMatch(/^1:8 yaml\/syntax .*The quote " opened here is never closed/);
  });

  it('a quoted text that rightly spans lines is read, and an error after it is not blamed on its quote', () => {
    expect(parseYamlText('f.yaml', 'kind: roadmap\ntitle: "Feuille de\n  route"\nid: x\n').diagnostics).toEqual([]);
    expect(syntax('summary: "abc\n  def" x\nid: y\n')).toBe('2:8 yaml/syntax YAML syntax error: bad indentation of a mapping entry.');
  });

  it('an apostrophe opening a line of block text opens no quote: the error is blamed on its own cause', () => {
    const colon = /^4:12 yaml\/syntax .*The text of `title` contains a colon .*title: "L'accueil : priorité"$/;
    expect(syntax("description: |\n  'Ndrangheta e territorio\nobjectives:\n  - title: L'accueil : priorité\n")).toMatch(colon);
    // Folded, with a blank line inside; and as a list item.
    expect(syntax("description: >-\n  'Ndrangheta\n\n  e territorio\nobjectives:\n  - title: L'accueil : priorité\n")).toMatch(/^6:12 .*title: "L'accueil : priorité"$/);
    expect(syntax("items:\n  - |\n    'Ndrangheta\n  - title: L'accueil : priorité\n")).toMatch(colon);
  });

  it('the quote mark inside quoted text ends it: the other kind of quotes, with the line rewritten', () => {
    expect(syntax("kind: roadmap\ntitle: 'L'inclusion à Tanger'\n")).toBe(
      '2:10 yaml/syntax YAML syntax error: The text in quotes contains the quote mark \' itself, which ends the text here, and YAML cannot read what follows. Put the text in the other kind of quotes: title: "L\'inclusion à Tanger"',
    );
    expect(syntax('title: "Le "grand" projet"\n')).toMatch(/^1:12 .*quote mark " itself.*other kind of quotes: title: 'Le "grand" projet'$/);
    // With both kinds inside, there is no other kind to show.
    expect(syntax('title: \'L\'a "x"\'\n')).toMatch(/^1:10 .*Put the text in the other kind of quotes\.$/);
  });

  it('a tab in the indentation, at the tab, whatever the parser says about it', () => {
    const tab = 'YAML syntax error: This line is indented with a tab. YAML indents with spaces only: replace the tab with spaces, so that the line starts at the same column as the other fields of its block. Most editors can be set to type spaces when you press Tab.';
    expect(syntax('kind: roadmap\nsdg:\n\tgoal: "10"\n')).toBe(`3:1 yaml/syntax ${tab}`);
    expect(syntax('sdg:\n  goal: "10"\n  \ttargets: []\n')).toBe(`3:3 yaml/syntax ${tab}`);
    // js-yaml calls these a bad indentation and a missing document end.
    expect(syntax('sdg:\n \tgoal: "10"\n')).toBe(`2:2 yaml/syntax ${tab}`);
    expect(syntax('\tkind: roadmap\nid: x\n')).toBe(`1:1 yaml/syntax ${tab}`);
  });

  it('a tab js-yaml lets pass and the exact reading refuses, in a bracketed list\'s next line', async () => {
    const [d] = (await readYamlText('f.yaml', 'targets: ["10.7",\n\t"10.c"]\n')).diagnostics;
    expect(`${d!.range?.start.line}:${d!.range?.start.column} ${d!.message}`).toMatch(/^2:1 YAML syntax error: This line is indented with a tab\./);
  });

  it('a line shifted from its block, at the line, with the column of the line above', () => {
    const shifted = (at: string, column: number, line: number, expected: number) =>
      `${at} yaml/syntax YAML syntax error: This line starts at column ${column}, which does not match the lines around it: line ${line} above starts at column ${expected}. YAML reads the indentation to tell what belongs to what, so the fields of one block start at the same column. Move this line to column ${expected}, or to the column of the block it belongs to, with spaces.`;
    expect(syntax('kind: roadmap\nsdg:\n  goal: "10"\n   targets: []\n')).toBe(shifted('4:4', 4, 3, 3));
    // Lines of block text are no reference: the field above them is.
    expect(syntax('description: |\n  Some text\n status: done\n')).toBe(shifted('3:2', 2, 1, 1));
  });

  // Each column offered, the line moved there: the file then reads, with no error left.
  const offeredFixesRead = (text: string) => {
    const d = parseYamlText('f.yaml', text).diagnostics[0]!;
    const line = d.range!.start.line;
    const columns = [...d.message.matchAll(/(?:to|start it at) column (\d+)/g)].map((m) => Number(m[1]));
    expect(columns.length).toBeGreaterThan(0);
    for (const column of columns) {
      const lines = text.split('\n');
      lines[line - 1] = ' '.repeat(column - 1) + lines[line - 1]!.trimStart();
      expect(() => jsyaml.load(lines.join('\n')), `column ${column}`).not.toThrow();
    }
  };

  it('a line indented less than the block above: that block\'s column, or the column of the block around it', () => {
    const between = (at: string, column: number, line: number, expected: number, outerLine: number, outer: number) =>
      `${at} yaml/syntax YAML syntax error: This line starts at column ${column}, between the blocks above it: line ${line} starts at column ${expected}, and line ${outerLine}, of the block around it, at column ${outer}. YAML reads the indentation to tell what belongs to what, so the fields of one block start at the same column. Move this line, with spaces, to column ${expected} if it belongs with line ${line}, or to column ${outer} if it belongs with line ${outerLine}.`;
    expect(syntax('sdg:\n   goal: "10"\n  targets: []\n')).toBe(between('3:3', 3, 2, 4, 1, 1));
    expect(syntax('a:\n  b:\n      c: 1\n    d: 2\n')).toBe(between('4:5', 5, 3, 7, 2, 3));
    // Past the item mark: `title` may belong with `id`, not with the `-`.
    expect(syntax('actions:\n  - id: x\n   title: y\n')).toBe(between('3:4', 4, 2, 5, 1, 1));
    // A field is not offered the column of an item of text above it, whose column would not read.
    expect(syntax('sdg:\n  targets:\n    - "10.7"\n status: x\n')).toBe(between('4:2', 2, 2, 3, 1, 1));
    // Nor the column of a line of block text, or of text continued on the next line.
    expect(syntax('actions:\n  - id: x\n    notes: |\n      Some: text\n   title: y\n')).toBe(between('5:4', 4, 3, 5, 1, 1));
    expect(syntax('a:\n  summary: long\n    text goes on\n b: 1\n')).toBe(between('4:2', 2, 2, 3, 1, 1));
    // An item is offered the columns of items only: at the column of `targets`, it would not read.
    expect(syntax('x:\n  targets:\n    - a\n   - c\n')).toMatch(/^4:4 .*line 3 above starts at column 5\. .*Move this line to column 5,/);
  });

  it('every column a shifted-line hint offers reads', () => {
    for (const text of [
      'kind: roadmap\nsdg:\n  goal: "10"\n   targets: []\n',
      'actions:\n  - id: x\n   title: y\n',
      'description: |\n  Some text\n status: done\n',
      'description: >\n  Some text\n\n  more\n status: done\n',
      'sdg:\n   goal: "10"\n  targets: []\n',
      'a:\n  b:\n      c: 1\n    d: 2\n',
      'sdg:\n  targets:\n    - "10.7"\n status: x\n',
      'actions:\n  - id: x\n    notes: |\n      Some: text\n   title: y\n',
      'a:\n  summary: long\n    text goes on\n b: 1\n',
      'kind: roadmap\nid: x\n title: t\n',
      'targets:\n  - a\n  - b\n - c\n',
      'x:\n  targets:\n    - a\n   - c\n',
      'a:\n  - |\n    t\n   b: 1\n',
      'objectives:\n  - id: a\n    actions:\n      - id: x\n     status: y\n',
    ]) {
      offeredFixesRead(text);
    }
  });

  it('a line indented more than a field with plain text: a field shifted, or text continued with a colon', () => {
    const deeper = (at: string, key: string, line: number, expected: number) =>
      `${at} yaml/syntax YAML syntax error: This line is indented more than \`${key}\` on line ${line}, so YAML reads it as the rest of that value, where a field cannot start. If it is a field of its own, start it at column ${expected}, like \`${key}\`; if it continues the text of \`${key}\`, put the whole text in quotes.`;
    expect(syntax('kind: roadmap\nid: x\n title: t\n')).toBe(deeper('3:2', 'id', 2, 1));
    expect(syntax('objectives:\n  - id: a\n    title: T\n      indicators: []\n')).toBe(deeper('4:7', 'title', 3, 5));
    expect(syntax('kind: roadmap\nsummary: A long text\n  that goes on: here\n')).toBe(deeper('3:3', 'summary', 2, 1));
    // Comments and blank lines between are not the line above.
    expect(syntax('kind: roadmap\nid: x\n\n# note\n  title: t\n')).toBe(deeper('5:3', 'id', 2, 1));
  });

  it('CRLF line endings: the same lines and columns', () => {
    const crlf = (text: string) => syntax(text.replace(/\n/g, '\r\n'));
    expect(crlf(scaffolded('title: "Feuille de route de Tanger'))).toBe(runsOn('3:8', '"', 7));
    expect(crlf("kind: roadmap\ntitle: 'L'inclusion à Tanger'\n")).toMatch(/^2:10 .*other kind of quotes: title: "L'inclusion à Tanger"$/);
    expect(crlf('kind: roadmap\nsdg:\n\tgoal: "10"\n')).toMatch(/^3:1 .*indented with a tab/);
    expect(crlf('kind: roadmap\nsdg:\n  goal: "10"\n   targets: []\n')).toMatch(/^4:4 .*line 3 above starts at column 3\./);
    expect(crlf('kind: roadmap\nid: x\n title: t\n')).toMatch(/^3:2 .*indented more than `id` on line 2.*start it at column 1,/);
    expect(crlf('sdg:\n   goal: "10"\n  targets: []\n')).toMatch(/^3:3 .*line 2 starts at column 4, and line 1, .* at column 1\./);
    expect(crlf('description: |\n  Some text\n status: done\n')).toMatch(/^3:2 .*line 1 above starts at column 1\./);
  });
});
