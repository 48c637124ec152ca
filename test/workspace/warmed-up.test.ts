// The time bounds of issue 18 must hold in a process that has already read many broken documents, not
// only in a fresh one. Once V8 has optimized the reading code, it may compile it differently: in
// syntax-hints.ts it took two `text.indexOf('\n', i)` of different branches for one value and computed
// it on every character of a scan, so a long line cost minutes where a fresh process took a third of a
// second (the fuzz test met it only after other test files had warmed the code in its worker; issue 17).
// Here the warm-up is on purpose: three thousand small broken documents, then long lines.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseYamlText } from '../../src/workspace/source.js';
import { REPO } from '../helpers/lamd.js';
import { describeWorkTime, timeWorkSync } from '../helpers/work-time.js';

/** Small documents with syntax errors of the kinds the hints look into, around comments and block text. */
const BROKEN = [
  '# a comment\nkind: activity\ntitle: "an unclosed quote\nnote: >-\n  folded text\n',
  'kind: practice\n# comment\nsummary: |\n  literal text\n  more\nid: a\n  bad: indentation\n',
  "kind: roadmap\ntitle: 'L'inclusion' # quote closed too soon\nitems: [a, {b: c}\n",
  'kind: profile\nnotes: >\n  text\n# comment\nname: "x" y\n',
];

/** Each long-line case: the example activity with one line replaced, as the fuzz mutants do. */
function withLine(text: string, at: number, line: string): string {
  const lines = text.split('\n');
  lines[at] = line;
  return lines.join('\n');
}

describe('reading YAML in a warmed-up process', () => {
  it('keeps long lines linear after thousands of broken documents', () => {
    // The warm-up reaches the scan that went quadratic: the hint for a quote closed too soon comes from it.
    expect(parseYamlText('quote.yaml', BROKEN[2]!).diagnostics[0]?.message).toContain("the quote mark ' itself");
    for (let n = 0; n < 3_000; n++) {
      const broken = parseYamlText(`warm-${n}.yaml`, `${BROKEN[n % BROKEN.length]!}k${n}: v\n`);
      expect(broken.diagnostics.length).toBeGreaterThan(0);
    }
    const activity = readFileSync(join(REPO, 'examples/las-pilot/activities/training-mainstreaming-migration.yaml'), 'utf8');
    const cases: Record<string, string> = {
      'a line of spaces before a colon (the fuzz mutant)': withLine(activity, 4, `${' '.repeat(2_000_000)}: 1`),
      'the same, with a character outside Latin-1 further down': withLine(withLine(activity, 4, `${' '.repeat(2_000_000)}: 1`), 12, 'note: sex\ufffdof the people'),
      'a long comment, then a broken line': withLine(withLine(activity, 2, `# ${'c '.repeat(500_000)}`), 5, '  bad: indentation'),
      'a long unclosed quote': withLine(activity, 5, `title: "${'q '.repeat(500_000)}`),
    };
    for (const [name, text] of Object.entries(cases)) {
      const { result, time } = timeWorkSync(() => parseYamlText('long.yaml', text));
      expect(result.diagnostics.length, name).toBeGreaterThan(0);
      // Linear, two megabytes take tens of milliseconds; quadratic, the first case took 20 s here.
      expect(time.cpuMs, `${name}: ${describeWorkTime(time)}`).toBeLessThan(3_000);
    }
  });
});
