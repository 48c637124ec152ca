// The `pretty` format: what a person reads at a terminal, frames included, with and without colour.
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { formatPretty, wrapWords } from '../../src/format/pretty.js';
import { displayWidth } from '../../src/format/terminal-text.js';
import { terminalWidth, type CliIO } from '../../src/cli/io.js';
import { codeFrame, codeFrameByCells, splitLines } from '../../src/format/code-frame.js';
import { captureIO } from '../helpers/lamd.js';
import { random } from '../fuzz/mutants.js';
import { CLEAN, MANY, ONE, ROADMAP, TEXTS, context, diagnostic, manyContext, oneContext, range, zeroContext } from './helpers.js';
import { describeWorkTime, timeWorkSync } from '../helpers/work-time.js';

const plain = { gutter: (s: string) => s, marker: (s: string) => s };
const ESC = '\u001b';

describe('pretty', () => {
  it('says so when there is no problem', () => {
    expect(formatPretty([], zeroContext())).toMatchInlineSnapshot(`
      "✔ 3 files checked, no problems
      lamd 1.2.3 · document schema version 1 · SDG code list: SDG test list 2024 <&> "v1"
      "
    `);
  });

  it('shows one problem with its code frame and the rule id', () => {
    expect(formatPretty(ONE, oneContext())).toMatchInlineSnapshot(`
      "municipalities/milan/roadmaps/governance.yaml
        6:14  error  \`sdg.goal\` is 10, a number: write it in quotes, "10".  schema/type
          5 | title: Governance of migration
        > 6 | sdg: { goal: 10 }
            |              ^~
          7 | builds_on: [nowhere]

      ✖ 1 error in 1 of 2 files checked
      lamd 1.2.3 · document schema version 1 · SDG code list: SDG test list 2024 <&> "v1"
      "
    `);
  });

  it('groups many problems by file, in the order the files were checked', async () => {
    const output = formatPretty(MANY, manyContext());
    await expect(output).toMatchFileSnapshot('__snapshots__/pretty-many.txt');
    // The clean file is not listed; the others appear in context.files order, not alphabetically.
    const headings = output.split('\n').filter((line) => /^\S/.test(line) && !line.startsWith('✖') && !line.startsWith('lamd '));
    expect(headings).toEqual(['activities/empty.yaml', ROADMAP, 'municipalities/الرباط/roadmaps/plan, 50%: "a|b" <&> 🚀.yaml', 'municipalities/tirana/profile.yaml']);
  });

  it('uses no ANSI code with colour off, and some with colour on', () => {
    expect(formatPretty(MANY, manyContext())).not.toContain(ESC);
    const coloured = formatPretty(MANY, manyContext({ color: true }));
    expect(coloured).toMatch(/\u001b\[31m/); // red for errors
    expect(coloured).toMatch(/\u001b\[2m/); // dim for rule ids, infos and the footer
    // Without the codes, the coloured output reads the same as the plain one.
    expect(coloured.replace(/\u001b\[\d+(;\d+)*m/g, '')).toBe(formatPretty(MANY, manyContext()));
  });

  it('prints a problem without a range, or about a file with no text, without a frame', () => {
    const d = [diagnostic('a.yaml', 'error', 'file/binary', 'This file is binary.'), diagnostic('b.yaml', 'error', 'yaml/syntax', 'Broken.', range(3, 1))];
    const output = formatPretty(d, context(d));
    expect(output).not.toContain(' | ');
    expect(output).toContain('\n  -  error  This file is binary.  file/binary\n');
    expect(output).toContain('  3:1  error  Broken.  yaml/syntax');
  });

  it('ends with a summary whose words agree with the numbers', () => {
    const summary = (d: ReturnType<typeof diagnostic>[], files: string[], strict = false) =>
      formatPretty(d, context(d, { files, strict })).trimEnd().split('\n').at(-2);
    const e = (file: string) => diagnostic(file, 'error', 'schema/type', 'x');
    const w = (file: string) => diagnostic(file, 'warning', 'references/practice', 'x');
    const i = (file: string) => diagnostic(file, 'info', 'settings/unused-suppression', 'x');
    expect(summary([], ['a'])).toBe('✔ 1 file checked, no problems');
    expect(summary([], ['a', 'b'])).toBe('✔ 2 files checked, no problems');
    expect(summary([e('a')], ['a'])).toBe('✖ 1 error in 1 file checked');
    expect(summary([e('a'), e('a'), w('b')], ['a', 'b', 'c'])).toBe('✖ 2 errors and 1 warning in 2 of 3 files checked');
    expect(summary([w('a')], ['a', 'b'])).toBe('⚠ 1 warning in 1 of 2 files checked');
    expect(summary([w('a'), w('a')], ['a', 'b'], true)).toBe('✖ 2 warnings in 1 of 2 files checked; warnings fail the run (--strict)');
    expect(summary([i('a')], ['a', 'b'])).toBe('ℹ 1 info in 1 of 2 files checked');
    expect(summary([e('a'), w('b'), i('b'), i('b')], ['a', 'b'])).toBe('✖ 1 error, 1 warning and 2 infos in 2 files checked');
  });

  it('records the versions in a dim footer', () => {
    const footer = formatPretty([], zeroContext()).trimEnd().split('\n').at(-1);
    expect(footer).toBe('lamd 1.2.3 · document schema version 1 · SDG code list: SDG test list 2024 <&> "v1"');
    expect(formatPretty([], zeroContext({ color: true })).trimEnd().split('\n').at(-1)).toBe(`${ESC}[2m${footer}${ESC}[22m`);
  });

  it('counts the whole run in the summary, even when --quiet shows errors only', () => {
    const all = [diagnostic(ROADMAP, 'error', 'schema/type', 'x', range(6, 14)), diagnostic(CLEAN, 'warning', 'references/practice', 'y')];
    const output = formatPretty([all[0]!], context([all[0]!], { files: [CLEAN, ROADMAP], all }));
    expect(output).not.toContain('references/practice');
    expect(output).toContain('✖ 1 error and 1 warning in 1 of 2 files checked');
  });

  it('keeps control characters and bidi overrides in messages and file names from reaching the terminal', () => {
    const d = [diagnostic(`evil${ESC}[2J\u202e.yaml`, 'error', 'schema/type', `red ${ESC}[31m text\u0007 and \u202edesrever\r\nnext line`)];
    const output = formatPretty(d, context(d));
    expect(output).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(output).toContain('evil␛[2J<U+202E>.yaml');
    expect(output).toContain('red ␛[31m text␇ and <U+202E>desrever');
    // The second line of a message is indented under the first.
    const lines = output.split('\n');
    const first = lines.findIndex((l) => l.includes('red '));
    expect(lines[first + 1]).toBe(`${' '.repeat(lines[first]!.indexOf('red '))}next line`);
  });
});

describe('code frames', () => {
  const frame = (text: string, at: ReturnType<typeof range>, options?: Parameters<typeof codeFrame>[3]) => codeFrame(splitLines(text), at, plain, options);

  it('shows one line above and below, with aligned line numbers', () => {
    const text = Array.from({ length: 12 }, (_, i) => `line ${i + 1}`).join('\n');
    expect(frame(text, range(10, 6, 10, 8))).toEqual(['   9 | line 9', '> 10 | line 10', '     |      ^~', '  11 | line 11']);
    expect(frame(text, range(1, 1, 1, 5))).toEqual(['> 1 | line 1', '    | ^~~~', '  2 | line 2']);
    expect(frame(text, range(12, 1, 12, 1))).toEqual(['  11 | line 11', '> 12 | line 12', '     | ^']);
  });

  it('marks to the end of the line when the range goes on to the next lines', () => {
    expect(frame('a: b\nkey: [1,\n  2]\n', range(2, 6, 3, 5))).toEqual(['  1 | a: b', '> 2 | key: [1,', '    |      ^~~', '  3 |   2]']);
  });

  it('puts the marker under the right character after tabs, wide characters, emoji and RTL text', () => {
    // `名前` and `東京` are two columns each in a terminal, the emoji too, a tab reaches the next stop of 4.
    expect(frame('名前: 東京 🚀 x', range(1, 5, 1, 7))).toEqual(['> 1 | 名前: 東京 🚀 x', '    |       ^~~~']);
    expect(frame('a: 🚀 x', range(1, 7, 1, 8))).toEqual(['> 1 | a: 🚀 x', '    |       ^']);
    expect(frame('k:\t"a\tb"', range(1, 4, 1, 8))).toEqual(['> 1 | k:  "a  b"', '    |     ^~~~~']);
    expect(frame('title: "خطة الهجرة"', range(1, 8, 1, 20))).toEqual(['> 1 | title: "خطة الهجرة"', '    |        ^~~~~~~~~~~~']);
    // A combining accent takes no column: `é` written as e + U+0301.
    expect(frame('ne\u0301e: x', range(1, 7, 1, 8))).toEqual(['> 1 | ne\u0301e: x', '    |      ^']);
  });

  it('shows control characters and bidi controls instead of passing them to the terminal', () => {
    const out = frame(`a: "${ESC}[31m\u202eevil\u0000"\r\nb: 1\r\n`, range(1, 4, 1, 15))!;
    expect(out.join('\n')).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202e]/);
    expect(out[0]).toBe('> 1 | a: "␛[31m<U+202E>evil␀"');
    expect(out[2]).toBe('  2 | b: 1');
  });

  it('cuts a long line around the problem and keeps the marker under it', () => {
    const line = `${'a'.repeat(300)}TARGET${'b'.repeat(300)}`;
    const out = frame(`short\n${line}\n${'c'.repeat(600)}`, range(2, 301, 2, 307))!;
    for (const l of out) expect(l.length).toBeLessThanOrEqual(170);
    const [above, target, marker, below] = out;
    expect(above).toBe('  1 | …');
    expect(target).toMatch(/^> 2 \| …a+TARGETb+…$/);
    expect(marker!.indexOf('^')).toBe(target!.indexOf('TARGET'));
    expect(marker).toMatch(/\^~{5}$/);
    expect(below).toMatch(/^ {2}3 \| …c+…$/);
  });

  it('cuts a line of megabytes before laying it out, with the marker still under the problem', () => {
    // A 5 MB line would be five million cells if laid out whole; the frame reads only a slice of it.
    const line = `${'a'.repeat(2_500_000)}\u6771TARGET\t${'🚀'.repeat(1_250_000)}`;
    const { result: framed, time } = timeWorkSync(() => frame(`k: 1\n${line}\n${'c'.repeat(3_000_000)}`, range(2, 2_500_002, 2, 2_500_008)));
    expect(time.cpuMs, describeWorkTime(time)).toBeLessThan(1000);
    const out = framed!;
    for (const l of out) expect(l.length).toBeLessThanOrEqual(170);
    const [above, target, marker, below] = out;
    expect(above).toBe('  1 | …');
    // A tab in a cut line is laid out from the cut, not from the line's start: one to four spaces.
    expect(target).toMatch(/^> 2 \| …a+東TARGET {1,4}(🚀)+…$/);
    // `東` is two columns wide, so the marker sits one column further right than the index says.
    expect(marker!.indexOf('^')).toBe(target!.indexOf('TARGET') + 1);
    expect(marker).toMatch(/ \^~{5}$/);
    expect(below).toMatch(/^ {2}3 \| …c+…$/);
    // The problem at the very start of a long line, and at its very end.
    expect(frame(line, range(1, 1, 1, 2))![0]).toMatch(/^> 1 \| a+…$/);
    const atEnd = frame(line, range(1, line.length, 1, line.length + 1))!;
    expect(atEnd[0]).toMatch(/^> 1 \| …(🚀)+$/);
  });

  it('draws no frame for a position outside the text, and never throws on odd ranges', () => {
    expect(frame('a: 1\n', range(5, 1))).toBeUndefined();
    expect(frame('a: 1\n', range(0, 1))).toBeUndefined();
    expect(frame('a: 1', range(1, 99, 1, 120))).toEqual(['> 1 | a: 1', '    |     ^']);
    expect(frame('a: 1', range(1, 3, 1, 1))).toEqual(['> 1 | a: 1', '    |   ^']);
    // Just past the last line: an error at the end of the file.
    expect(frame('a: 1\n', range(2, 1))).toEqual(['  1 | a: 1', '> 2 |', '    | ^']);
    // A lone surrogate is shown as U+FFFD.
    expect(frame('a: \ud800x', range(1, 4, 1, 5))).toEqual(['> 1 | a: \ufffdx', '    |    ^']);
  });

  it('measures characters as a terminal does', () => {
    expect(['a', 'é', 'ب', '東', '🚀', '\u0301', '\u200d', 'e\u0301', '👩‍👩‍👧'].map(displayWidth)).toEqual([1, 1, 1, 2, 2, 0, 0, 1, 2]);
    // Printable ASCII (measured without string-width) is a column a character; a colour code is none.
    const ascii = Array.from({ length: 0x5f }, (_, i) => String.fromCharCode(0x20 + i)).join('');
    expect(displayWidth(ascii)).toBe(ascii.length);
    expect(displayWidth('\u001b[31mred\u001b[39m')).toBe(3);
  });

  it('puts the marker under a character after a family emoji and a letter with its accent', () => {
    // One grapheme each: the emoji sequence takes two columns, the accented e one.
    expect(frame('a: 👩‍👩‍👧 e\u0301x', range(1, 15, 1, 16))).toEqual(['> 1 | a: 👩‍👩‍👧 e\u0301x', '    |        ^']);
  });

  it('shows a line of printable ASCII as it shows it character by character, cut, windowed or not', () => {
    // Seeded: every run draws the same lines, ranges and widths.
    const next = random(17);
    const pick = (n: number) => Math.floor(next() * n);
    const ascii = () => String.fromCharCode(0x20 + pick(0x5f));
    // Half the lines printable ASCII only (the shortcut); the others with a tab, a wide or an accented
    // character or a control here and there (cells), which the frame shows around the target line.
    const other = ['\t', '東', 'é', 'e\u0301', '\u0007', '🚀'];
    const line = () => {
      const length = [0, 1, 5, 40, 90, 200, 1500][pick(7)]!;
      const pure = pick(2) === 0;
      let text = '';
      for (let i = 0; i < length; i++) text += !pure && pick(60) === 0 ? other[pick(other.length)]! : ascii();
      return text;
    };
    const oddColumns = [0, -5, Number.NaN, 1e9];
    const widths = [20, 40, 80, 160, 20.5, Number.NaN, 0, Number.POSITIVE_INFINITY];
    const seen = { windowed: 0, cut: 0, oddColumn: 0 };
    for (let i = 0; i < 1500; i++) {
      const lines = Array.from({ length: 1 + pick(4) }, line);
      const startLine = 1 + pick(lines.length);
      const target = lines[startLine - 1]!;
      const startColumn = pick(8) === 0 ? oddColumns[pick(oddColumns.length)]! : 1 + pick(target.length + 2);
      const endLine = startLine + pick(2);
      const at = range(startLine, startColumn, endLine, endLine === startLine ? startColumn + pick(30) : 1 + pick(20));
      const maxWidth = widths[pick(widths.length)]!;
      const options = { context: pick(3), maxWidth };
      const fast = codeFrame(lines, at, plain, options);
      expect(fast, JSON.stringify({ lines, at, options })).toEqual(codeFrameByCells(lines, at, plain, options));
      if (!/^[\x20-\x7e]*$/.test(target)) continue;
      if (target.length > 1000) seen.cut++;
      else if (target.length > (Number.isNaN(maxWidth) ? 160 : Math.max(maxWidth, 20))) seen.windowed++;
      if (!Number.isFinite(startColumn) || startColumn < 1 || startColumn > target.length + 1) seen.oddColumn++;
    }
    // The shortcut was taken where it matters: lines wider than the window, cut lines, odd columns.
    expect(seen.windowed).toBeGreaterThan(100);
    expect(seen.cut).toBeGreaterThan(50);
    expect(seen.oddColumn).toBeGreaterThan(50);
  });
});

describe('pretty at a terminal', () => {
  const LONG = 'The road map records no political endorsement. Add one under `endorsements`, or the plan it has entered under `institutionalisation`: road maps that outlast the programme need the political level behind them.';
  const widest = (output: string) => Math.max(...output.split('\n').map(displayWidth));

  it('wraps messages at spaces to the width, with a hanging indent under the message', () => {
    const d = [diagnostic(ROADMAP, 'warning', 'endorsement/roadmap', LONG, range(1, 1, 1, 14))];
    const output = formatPretty(d, context(d, { texts: TEXTS, width: 60 }));
    expect(widest(output)).toBeLessThanOrEqual(60);
    const lines = output.split('\n');
    const first = lines.findIndex((l) => l.includes('The road map'));
    const column = lines[first]!.indexOf('The road map');
    expect(lines[first + 1]!.slice(0, column).trim()).toBe('');
    expect(lines[first + 1]![column]).not.toBe(' ');
    // Nothing is lost or cut: the lines joined are the message again, and the rule id is whole.
    const message = lines.slice(first, first + 6).join(' ').replace(/\s+/g, ' ');
    expect(message).toContain(LONG);
    expect(output).toMatch(/ endorsement\/roadmap$/m);
  });

  it('does not wrap without a width (a pipe, a file, a CI log)', () => {
    const d = [diagnostic(ROADMAP, 'warning', 'endorsement/roadmap', LONG, range(1, 1, 1, 14))];
    expect(formatPretty(d, context(d, { texts: TEXTS }))).toContain(`${LONG}  endorsement/roadmap\n`);
  });

  it('never splits a rule id or a file:line:col: the rule id takes its own line when it does not fit', () => {
    const message = 'See municipalities/tanger/roadmaps/governance-and-coordination.yaml:12:7 for the other one, which is here';
    const d = [diagnostic(ROADMAP, 'error', 'workspace/examples-remaining-in-the-workspace', message, range(1, 1))];
    const output = formatPretty(d, context(d, { width: 50 }));
    const lines = output.split('\n');
    expect(lines.some((l) => l.trim() === 'municipalities/tanger/roadmaps/governance-and-coordination.yaml:12:7')).toBe(true);
    expect(lines.some((l) => l.trim() === 'workspace/examples-remaining-in-the-workspace')).toBe(true);
    // Only the words longer than the room overflow it.
    for (const line of lines) if (displayWidth(line) > 50) expect(line.trim()).not.toContain(' ');
  });

  it('measures wide characters and keeps a French no-break space with its word', () => {
    expect(displayWidth('東京 🚀 é')).toBe(9);
    expect(wrapWords('aaaa bbbb cccc', 9)).toEqual(['aaaa bbbb', 'cccc']);
    expect(wrapWords('東京東京 東京', 9)).toEqual(['東京東京', '東京']);
    expect(wrapWords('Objectif\u00a01\u00a0: les migrants', 12)).toEqual(['Objectif\u00a01\u00a0:', 'les migrants']);
    expect(wrapWords('  - indented item here', 12)).toEqual(['  - indented', 'item here']);
  });

  it('draws code frames no wider than the terminal', () => {
    const text = `kind: roadmap\ntitle: ${'word '.repeat(40)}TARGET ${'tail '.repeat(40)}\n`;
    const d = [diagnostic(ROADMAP, 'error', 'schema/type', 'x', range(2, 208, 2, 214))];
    const output = formatPretty(d, context(d, { texts: { [ROADMAP]: text }, width: 70 }));
    expect(widest(output)).toBeLessThanOrEqual(70);
    const lines = output.split('\n');
    const marker = lines.find((l) => l.includes('^'))!;
    expect(marker.indexOf('^')).toBe(lines.find((l) => l.includes('TARGET'))!.indexOf('TARGET'));
  });

  it('prints one code frame for several findings at the same place, under the first', () => {
    const at = range(1, 1, 1, 14);
    const d = [
      diagnostic(ROADMAP, 'warning', 'endorsement/roadmap', 'No political endorsement.', at),
      diagnostic(ROADMAP, 'warning', 'roadmap/cross-sectoral', 'No municipal department.', at),
      diagnostic(ROADMAP, 'warning', 'roadmap/evidence', 'No objectives.', at),
      diagnostic(ROADMAP, 'error', 'schema/type', '`sdg.goal` is 10.', range(6, 14, 6, 16)),
    ];
    const output = formatPretty(d, context(d, { texts: TEXTS }));
    expect(output.split('> 1 | kind: roadmap').length - 1).toBe(1);
    expect(output).toContain(
      [
        '  1:1   warning  No political endorsement.  endorsement/roadmap',
        '  > 1 | kind: roadmap',
        '      | ^~~~~~~~~~~~~',
        '    2 | schema_version: 1',
        '  1:1   warning  No municipal department.  roadmap/cross-sectoral',
        '  1:1   warning  No objectives.  roadmap/evidence',
        '',
        '  6:14  error    `sdg.goal` is 10.  schema/type',
        '    5 | title: Governance of migration',
        '  > 6 | sdg: { goal: 10 }',
      ].join('\n'),
    );
  });
});

describe('the terminal width', () => {
  const io = (over: Partial<CliIO>): CliIO => ({ ...captureIO('/'), stdoutIsTTY: true, stderrIsTTY: true, ...over });

  it('wraps only at a terminal: COLUMNS, then its width, then 80', () => {
    expect(terminalWidth(io({ stdoutIsTTY: false, env: { COLUMNS: '60' }, stdoutColumns: 60 }), 'stdout')).toBeUndefined();
    expect(terminalWidth(io({ env: { COLUMNS: '60' }, stdoutColumns: 120 }), 'stdout')).toBe(60);
    expect(terminalWidth(io({ env: { COLUMNS: 'wide' }, stdoutColumns: 120 }), 'stdout')).toBe(120);
    expect(terminalWidth(io({ stderrColumns: 100 }), 'stderr')).toBe(100);
    expect(terminalWidth(io({}), 'stdout')).toBe(80);
  });

  it('lamd validate wraps a new road map to the terminal and frames its document-level warnings once', async () => {
    const { main } = await import('../../src/cli/main.js');
    let out = '';
    const cwd = fileURLToPath(new URL('../fixtures/workspaces/valid/', import.meta.url));
    const status = await main(['node', 'lamd', 'validate', '../../invalid/roadmap-missing-sdg.yaml'], io({ cwd, env: { NO_COLOR: '1' }, stdoutColumns: 60, stdout: (t) => void (out += t) }));
    expect(status).toBe(1);
    for (const line of out.split('\n')) if (displayWidth(line) > 60) expect(line.trim()).not.toContain(' ');
    expect(out.split('> 1 | kind: roadmap').length - 1).toBe(1);
    for (const id of ['endorsement/roadmap', 'roadmap/cross-sectoral', 'roadmap/design-inclusion', 'roadmap/evidence', 'roadmap/learning-continuum']) {
      expect(out).toMatch(new RegExp(`(^| )${id}$`, 'm'));
    }
  });
});
