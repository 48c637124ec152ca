// Walking a block-read text's lines to a pointer (yaml-positions.ts, blockSpotOf) gives every position
// the whole-file locator gives (the scan of lines, or the `yaml` syntax tree where the scan is unsure):
// on every YAML file of the repository and generated road map the block reader takes, and on thousands
// of seeded random documents and mutants of them, for every pointer, at the value and at the key.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import type { Range } from '../../src/diagnostics.js';
import { pointerSegments } from '../../src/diagnostics.js';
import { createLocator } from '../../src/workspace/locate.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { readBlockYaml } from '../../src/workspace/yaml-block.js';
import { blockSpotOf, scanPositions, SEARCHES_ANSWERED, spotOf } from '../../src/workspace/yaml-positions.js';
import { random } from '../fuzz/mutants.js';
import { REPO } from '../helpers/lamd.js';
import { mutate, pointers, randomDocument, randomStyledDocument, SMALL } from './yaml-generators.js';
// @ts-expect-error the bench's generator is plain JavaScript
import { ensureWorkspace } from '../../bench/generate.mjs';

const show = (r: Range) => `${r.start.line}:${r.start.column}-${r.end.line}:${r.end.column}`;

interface Tally {
  texts: number;
  /** Places compared, and of them those the walk answered itself (not left to the whole-file locator). */
  compared: number;
  walked: number;
  wrong: string[];
}

/** Every one of `texts` is read by the block reader, and walked to as the whole-file scan points. */
function expectEachWalkedAsScanned(texts: readonly string[], name: string): void {
  const t = tally();
  for (const text of texts) compareText(text, name, t);
  expect(t.wrong).toEqual([]);
  expect(t.texts).toBe(texts.length);
}

/** Pointers compared per text at most. */
const MAX_POINTERS = 150;

const tally = (): Tally => ({ texts: 0, compared: 0, walked: 0, wrong: [] });

/**
 * For a text the block reader takes: the walking locator against the whole-file one on every pointer
 * of its value and the pointers that leave it, at the value and at the key. Texts it refuses are skipped.
 */
function compareText(text: string, name: string, into: Tally, countWalks = true): void {
  const value = readBlockYaml(text);
  if (value === undefined) return;
  into.texts++;
  // Every pointer walked to, none left to the scan that follows a file's first few findings.
  const walking = createLocator(text, true, Infinity);
  const whole = createLocator(text, false);
  const all = pointers(value);
  // A long document's pointers sampled evenly: the walk is the same from one to the next, the suite's time is not.
  const stride = Math.ceil(all.length / MAX_POINTERS);
  for (const pointer of all.filter((_, i) => i % stride === 0)) {
    for (const target of ['value', 'key'] as const) {
      into.compared++;
      if (countWalks && blockSpotOf(text, pointerSegments(pointer), target) !== undefined) into.walked++;
      const [a, b] = [show(walking(pointer, target)), show(whole(pointer, target))];
      if (a !== b && into.wrong.length < 5) into.wrong.push(`${name} ${pointer} (${target}): walk ${a}, whole file ${b}\n${JSON.stringify(text)}`);
    }
  }
}

describe('walking to a position in a block-read text', () => {
  it('gives the whole-file positions on every YAML file of the repository and on generated road maps', () => {
    const files = [
      ...globSync(['**/*.yaml', '**/*.yml'], { cwd: REPO, ignore: ['node_modules/**', 'bench/workspaces/**', 'dist/**'], absolute: true }),
      ...(() => {
        const { dir } = ensureWorkspace(300, { log: () => {} }) as { dir: string };
        return globSync('**/*.yaml', { cwd: dir, absolute: true }).filter((_, i) => i % 10 === 0);
      })(),
    ].sort();
    const t = tally();
    for (const file of files) compareText(readFileSync(file, 'utf8'), file, t);
    expect(t.wrong).toEqual([]);
    expect(t.texts).toBeGreaterThan(200);
    // Past the end of a list the walk leaves the answer to the whole file; nearly everything else it answers.
    expect(t.walked / t.compared).toBeGreaterThan(0.8);
  });

  it('gives the whole-file positions on thousands of random documents of every shape, mutated or not', () => {
    const rand = random(41);
    const t = tally();
    for (let n = 0; n < 1600; n++) {
      let text = n % 2 === 0 ? randomDocument(rand) : randomStyledDocument(n);
      if (rand() < 0.5) for (let k = 1 + Math.floor(rand() * 2); k > 0; k--) text = mutate(text, rand);
      compareText(text, `document ${n}`, t);
    }
    expect(t.wrong).toEqual([]);
    expect(t.texts).toBeGreaterThan(500);
    expect(t.walked / t.compared).toBeGreaterThan(0.6);
  });

  it('gives the whole-file positions on seeded mutants of real documents', () => {
    const seeds = [SMALL, SMALL, SMALL, ...['examples/las-pilot/municipalities/milan/roadmaps/milan-pilot-roadmap.yaml', 'examples/las-pilot/lamd.yaml'].map((name) => readFileSync(join(REPO, name), 'utf8'))];
    const rand = random(43);
    const t = tally();
    for (let n = 0; n < 150; n++) {
      let text = seeds[n % seeds.length]!;
      for (let k = 1 + Math.floor(rand() * 3); k > 0; k--) text = mutate(text, rand);
      compareText(text, `mutant ${n}`, t);
    }
    expect(t.wrong).toEqual([]);
    expect(t.texts).toBeGreaterThan(40);
  });

  it('points where the whole file points on the corners of the subset', () => {
    const corners = [
      'a: 1\nb:\n- x\n- y\nc: 2\n',
      'list:\n  - id: a\n    n: ~\n  - - nested\n  -\n  - after\n',
      'text: |\n  one\n\n  two\nnext: >-\n  x\nlast: |+\n\n',
      'a: b\n   # a comment more indented\nc: d\n',
      'a:\n  # under\n  b: 1\n# at the edge\n  c: 2\n',
      '"quoted key": 1\n\'single\': 2\n"esc\\"aped": 3\nk/j: 4\ntilde~: 5\n',
      'flow: { a: [1, 2], "b": { c: d } }\nseq: [x, [y, z], {k: v}]\n',
      '# yaml-language-server: $schema=x\n\nkind: roadmap\nid: r\n',
      'a: 1\r\nb: 2\r\n',
      'a: x\nb: |\n short\n',
    ];
    expectEachWalkedAsScanned(corners, 'corner');
  });

  it('finds a key or an item by searching for its line where it may, and by stepping where it may not', () => {
    // Each text has the searched key or item past entries the search jumps over, and something the
    // search must not take for it: a list in the keys' column, a quoted key, a key that starts another,
    // the same key in another map or item, a map of a list item ending before the key, an item past a
    // list's end or a list ended by a key in its column.
    const texts = [
      'kind: roadmap\nsdg:\n  goal: "1"\n  targets: [a]\nobjectives:\n  - id: o1\n    indicators:\n      - name: x\n  - id: o2\n    indicators: []\n',
      'a:\n- x\n- y\nb: 1\nc:\n  b: 2\n',
      '"b": 1\nc: 2\n',
      'c: 0\n"b": 1\nbb: 2\n',
      'bb: 1\nb: 2\n',
      'list:\n  - a: 1\n    b: 2\n  - a: 3\n    c: 4\nb: 5\n',
      'list:\n  - a: 1\n  - a: 2\n    b: |\n      - not an item\n      b: not a key\n  -\n  - last\nnext: 1\n',
      'top:\n- 1\n- 2\nafter: 3\n',
      'a:\n  b:\n    c: 1\n  d: 2\nb: 3\n',
      'x: 1 # b: no\n# b: comment\nb: 2\n',
      'a:\n  - 1\nb:\n  - 2\n  - 3\n',
    ];
    expectEachWalkedAsScanned(texts, 'searched');
    const at = (text: string, path: string[]) => blockSpotOf(text, path, 'key')?.from;
    // Which of the answers below the search gave (the steps would give them all, only slower).
    const answered = (text: string, path: string[]) => {
      const before = { ...SEARCHES_ANSWERED };
      at(text, path);
      return { keys: SEARCHES_ANSWERED.keys - before.keys, items: SEARCHES_ANSWERED.items - before.items };
    };
    // `objectives` past `kind` and `sdg`, item 1 past item 0, `indicators` past `id`: three searches.
    expect(answered(texts[0]!, ['objectives', '1', 'indicators'])).toEqual({ keys: 2, items: 1 });
    // `list` is the first key (stepped to); item 1 and its `c` are searched for.
    expect(answered(texts[5]!, ['list', '1', 'c'])).toEqual({ keys: 1, items: 1 });
    expect(answered(texts[9]!, ['b'])).toEqual({ keys: 1, items: 0 });
    expect(answered(texts[8]!, ['a', 'd'])).toEqual({ keys: 1, items: 0 });
    // Left to the steps: a key after a quoted one, a list in the keys' column, the first key and a
    // key the first one starts with.
    expect(answered(texts[3]!, ['b'])).toEqual({ keys: 0, items: 0 });
    expect(answered(texts[4]!, ['b'])).toEqual({ keys: 0, items: 0 });
    expect(answered(texts[1]!, ['b'])).toEqual({ keys: 0, items: 0 });
    expect(answered(texts[4]!, ['bb'])).toEqual({ keys: 0, items: 0 });
    expect(at(texts[0]!, ['objectives', '1', 'indicators'])).toBe(texts[0]!.indexOf('indicators: []'));
    expect(at(texts[1]!, ['b'])).toBe(texts[1]!.indexOf('b: 1'));
    expect(at(texts[5]!, ['list', '1', 'c'])).toBe(texts[5]!.indexOf('c: 4'));
    expect(at(texts[5]!, ['b'])).toBe(texts[5]!.indexOf('b: 5'));
    expect(blockSpotOf(texts[6]!, ['list', '3'], 'value')).toEqual({ from: texts[6]!.indexOf('last'), to: texts[6]!.indexOf('last') + 4 });
    expect(blockSpotOf(texts[6]!, ['list', '4'], 'value')).toBeUndefined();
    expect(blockSpotOf(texts[7]!, ['top', '2'], 'value')).toBeUndefined();
    expect(at(texts[8]!, ['a', 'd'])).toBe(texts[8]!.indexOf('d: 2'));
    expect(blockSpotOf(texts[8]!, ['a', 'b', 'd'], 'key')).toEqual({ from: texts[8]!.indexOf('b:'), to: texts[8]!.indexOf('b:') + 1 });
    expect(at(texts[9]!, ['b'])).toBe(texts[9]!.indexOf('b: 2'));
    // Paths that leave the document where a search past a map's or a list's end would find something.
    const leaving: Array<[number, string[]]> = [[5, ['list', '0', 'c']], [5, ['list', '1', 'b']], [8, ['a', 'b', 'd']], [6, ['list', '1', 'c']], [1, ['c', 'x']], [0, ['objectives', '0', 'indicators', '1']], [10, ['a', '1']], [10, ['b', '2']]];
    for (const [i, path] of leaving) {
      for (const target of ['value', 'key'] as const) expect(blockSpotOf(texts[i]!, path, target), `${i} ${path.join('/')}`).toEqual(spotOf(scanPositions(texts[i]!)!, path, target));
    }
  });

  it('leaves a CRLF text, past the end of a list and a list in a list on one line to the whole file', () => {
    expect(blockSpotOf('a: 1\r\nb: 2\r\n', ['b'], 'value')).toBeUndefined();
    expect(blockSpotOf('a:\n  - x\n', ['a', '1'], 'value')).toBeUndefined();
    expect(blockSpotOf('a:\n  - - x\n', ['a', '0'], 'value')).toBeUndefined();
    expect(blockSpotOf('a:\n  - x\n', ['a', '0'], 'value')).toEqual({ from: 7, to: 8 });
    expect(blockSpotOf('a: 1\n', [], 'value')).toEqual({ from: 0, to: Number.MAX_SAFE_INTEGER });
  });
});

describe('the texts of a loaded workspace', () => {
  it('say which files the block reader read, so only those are walked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lamd-block-positions-'));
    try {
      mkdirSync(join(dir, 'municipalities', 'town', 'roadmaps'), { recursive: true });
      writeFileSync(join(dir, 'lamd.yaml'), 'kind: workspace\nschemaVersion: 1\n');
      writeFileSync(join(dir, 'municipalities', 'town', 'roadmaps', 'plain.yaml'), 'kind: roadmap\nid: plain\n');
      // An anchor and an alias: js-yaml reads this one, and the whole-file locator places its findings.
      writeFileSync(join(dir, 'municipalities', 'town', 'roadmaps', 'anchored.yaml'), 'kind: roadmap\nid: &x anchored\ntitle: *x\n');
      const load = await loadWorkspace({ cwd: dir, workspace: dir });
      const byName = (name: string) => [...load.reported].find((f) => f.endsWith(name))!;
      expect(load.texts.blockRead?.(byName('plain.yaml'))).toBe(true);
      expect(load.texts.blockRead?.(byName('anchored.yaml'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
