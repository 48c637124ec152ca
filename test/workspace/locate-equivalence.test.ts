// The quick scan of a file's lines (yaml-positions.ts) gives every position the `yaml` package's syntax
// tree gives: on every fixture, example and template file, for every pointer into it and the pointers
// that leave it, at the value and at the key. Where the scan is unsure it must say so, never guess.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import type { Range } from '../../src/diagnostics.js';
import { createLocator, createTreeLocator, type Locator } from '../../src/workspace/locate.js';
import { scanPositions } from '../../src/workspace/yaml-positions.js';
import { REPO } from '../helpers/lamd.js';

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

const escape = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

/** Every pointer into a value, and from each one that leads to a collection a child that is not there. */
function pointers(value: unknown, at = ''): string[] {
  const out = [at];
  if (Array.isArray(value)) {
    value.forEach((item, i) => out.push(...pointers(item, `${at}/${i}`)));
    out.push(`${at}/${value.length}`, `${at}/x`);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) out.push(...pointers(item, `${at}/${escape(key)}`));
    out.push(`${at}/not-there`, `${at}/not-there/0`);
  } else {
    out.push(`${at}/0`);
  }
  return out;
}

const show = (r: Range) => `${r.start.line}:${r.start.column}-${r.end.line}:${r.end.column}`;

/** Compares two locators on every pointer, at the value and at the key; returns how many places it compared. */
function compare(quick: Locator, tree: Locator, all: readonly string[], name: string, mismatches: string[]): number {
  for (const pointer of all) {
    for (const target of ['value', 'key'] as const) {
      const [a, b] = [show(quick(pointer, target)), show(tree(pointer, target))];
      if (a !== b) mismatches.push(`${name} ${pointer} (${target}): scan ${a}, tree ${b}`);
    }
  }
  return all.length * 2;
}

const FILES = ['test/fixtures', 'examples', 'templates'].flatMap((dir) => yamlFiles(join(REPO, dir)));

describe('locating positions by the scan of lines', () => {
  it('gives exactly the syntax tree positions for every pointer of every fixture, example and template', () => {
    let scanned = 0;
    let compared = 0;
    const mismatches: string[] = [];
    for (const file of FILES) {
      const text = readFileSync(file, 'utf8');
      let value: unknown;
      try {
        // js-yaml, as lamd reads documents (json: a duplicated key keeps its last value, as the locators do).
        value = load(text, { json: true });
      } catch {
        continue; // not YAML lamd reads: never located
      }
      if (scanPositions(text) !== undefined) scanned++;
      const quick = createLocator(text);
      const tree = createTreeLocator(text);
      const name = relative(REPO, file);
      compared += compare(quick, tree, pointers(value), name, mismatches);
    }
    expect(mismatches.slice(0, 20)).toEqual([]);
    expect(compared).toBeGreaterThan(10_000);
    // The scan is for the files lamd's users write: it must read most of them, not leave them all to the tree.
    expect(scanned / FILES.length).toBeGreaterThan(0.8);
  });

  it('reads every example document by the scan', () => {
    const examples = yamlFiles(join(REPO, 'examples'));
    const left = examples.filter((file) => scanPositions(readFileSync(file, 'utf8')) === undefined).map((file) => relative(REPO, file));
    expect(left).toEqual([]);
  });
});

/** A seeded generator of YAML in the styles documents use, with the odd corners the scan must get right or leave. */
function randomDocument(seed: number): string {
  let state = seed >>> 0 || 1;
  const random = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const keys = ['id', 'title', 'a b', '"quoted key"', "'single'", 'status', 'x', 'id', 'k/j', 'tilde~', '"esc\\"aped"', 'n1'];
  const scalars = [
    'plain',
    'two words',
    '2024-05-01',
    '12',
    '"double"',
    '"with \\" escape"',
    "'single ''quoted'''",
    'url http://x.org/a#b',
    'trailing   ',
    'value # comment',
    '-5',
    '""',
    "''",
    'null',
    '~',
  ];
  const flowScalars = ['a', 'b c', '"q, r"', "'s'", '1', 'http://x'];
  const flow = (depth: number): string => {
    if (random() < 0.5) {
      const items = Array.from({ length: Math.floor(random() * 3) }, () => (depth < 2 && random() < 0.2 ? flow(depth + 1) : pick(flowScalars)));
      return `[${items.join(pick([', ', ',']))}${items.length && random() < 0.2 ? ',' : ''}]`;
    }
    const entries = Array.from({ length: Math.floor(random() * 3) }, () => `${pick(['k', 'role', '"q"', 'k'])}: ${depth < 2 && random() < 0.2 ? flow(depth + 1) : pick(flowScalars)}`);
    return `{${pick([' ', ''])}${entries.join(', ')}${entries.length && random() < 0.2 ? ',' : ''}${pick([' ', ''])}}`;
  };
  const lines: string[] = [];
  const comment = (indent: number) => {
    if (random() < 0.1) lines.push(`${' '.repeat(Math.max(0, indent + pick([0, 0, 2, 5, -2, -indent])))}# a comment`);
    if (random() < 0.08) lines.push('');
  };
  const blockScalar = (indent: number): string[] => {
    const body = Array.from({ length: Math.floor(random() * 3) }, (_, i) => (i === 0 && random() < 0.2 ? '' : `${' '.repeat(indent + 2)}${pick(['text', 'a longer line of text', 'x', '# not a comment'])}`));
    return body;
  };
  const value = (indent: number, depth: number, inSeq: boolean): { inline: string; below: string[] } => {
    const r = random();
    if (depth < 4 && r < 0.25) {
      const saved = lines.length;
      map(indent + pick([2, 2, 4]), depth + 1);
      return { inline: pick(['', '', ' # why']), below: lines.splice(saved) };
    }
    if (depth < 4 && r < 0.4) {
      const saved = lines.length;
      seq(inSeq ? indent + 2 : indent + pick([0, 2]), depth + 1);
      return { inline: '', below: lines.splice(saved) };
    }
    if (r < 0.5) return { inline: ` ${pick(['|', '>', '|-', '>+', '>-  # c'])}`, below: blockScalar(indent) };
    if (r < 0.6) return { inline: ` ${flow(0)}`, below: [] };
    if (r < 0.65) return { inline: ` ${pick(['folded', 'first'])}`, below: [`${' '.repeat(indent + 2)}${pick(['continued', 'more words'])}`] };
    if (r < 0.7) return { inline: '', below: [] };
    return { inline: `${pick([' ', ' ', '   '])}${pick(scalars)}`, below: [] };
  };
  const map = (indent: number, depth: number, first?: string) => {
    const n = 1 + Math.floor(random() * 4);
    for (let i = 0; i < n; i++) {
      comment(indent);
      const key = pick(keys);
      const { inline, below } = value(indent, depth, false);
      if (i === 0 && first !== undefined) lines.push(`${first}${key}:${inline}`);
      else lines.push(`${' '.repeat(indent)}${key}${pick([':', ':', ' :'])}${inline}`);
      lines.push(...below);
    }
  };
  const seq = (indent: number, depth: number) => {
    const n = 1 + Math.floor(random() * 3);
    for (let i = 0; i < n; i++) {
      comment(indent);
      const r = random();
      if (depth < 4 && r < 0.4) {
        map(indent + 2, depth + 1, `${' '.repeat(indent)}- `);
      } else if (r < 0.5) {
        lines.push(`${' '.repeat(indent)}-`);
      } else {
        const { inline, below } = value(indent, depth, true);
        lines.push(`${' '.repeat(indent)}-${inline}`);
        lines.push(...below);
      }
    }
  };
  if (random() < 0.2) lines.push('# yaml-language-server: $schema=x', '');
  map(0, 0);
  return `${lines.join('\n')}${random() < 0.9 ? '\n' : ''}`;
}

describe('locating positions by the scan of lines, on generated documents', () => {
  it('agrees with the syntax tree on 200 seeded documents, or leaves them to it', () => {
    let scanned = 0;
    let valid = 0;
    for (let seed = 1; seed <= Number(process.env.LOCATE_SEEDS ?? 200); seed++) {
      const text = randomDocument(seed);
      let value: unknown;
      try {
        value = load(text, { json: true });
      } catch {
        continue;
      }
      valid++;
      if (scanPositions(text) !== undefined) scanned++;
      const mismatches: string[] = [];
      compare(createLocator(text), createTreeLocator(text), pointers(value), `seed ${seed}`, mismatches);
      if (mismatches.length) console.log(text);
      expect(mismatches.slice(0, 5), text).toEqual([]);
    }
    expect(valid).toBeGreaterThan(150);
    expect(scanned).toBeGreaterThan(valid / 3);
  });
});
