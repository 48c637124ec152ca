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
import { blockSpotOf } from '../../src/workspace/yaml-positions.js';
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
    const t = tally();
    for (const text of corners) compareText(text, 'corner', t);
    expect(t.wrong).toEqual([]);
    expect(t.texts).toBe(corners.length);
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
