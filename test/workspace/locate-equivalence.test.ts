// The quick scan of a file's lines (yaml-positions.ts) gives every position the `yaml` package's syntax
// tree gives: on every fixture, example and template file, for every pointer into it and the pointers
// that leave it, at the value and at the key. Where the scan is unsure it must say so, never guess.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import type { Range } from '../../src/diagnostics.js';
import { createLocator, createTreeLocator, type Locator } from '../../src/workspace/locate.js';
import { readBlockYaml } from '../../src/workspace/yaml-block.js';
import { scanPositions } from '../../src/workspace/yaml-positions.js';
import { REPO } from '../helpers/lamd.js';
import { pointers, randomStyledDocument } from './yaml-generators.js';

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
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

  it('gives the syntax tree positions for files saved with CR LF line ends', () => {
    // Windows editors save CR LF: the scan and the walk read such a file as its LF text, and put each
    // spot back at the same line and column of the CR LF text.
    let compared = 0;
    const mismatches: string[] = [];
    for (const file of FILES) {
      const text = readFileSync(file, 'utf8').replace(/\r?\n/g, '\r\n');
      let value: unknown;
      try {
        value = load(text, { json: true });
      } catch {
        continue;
      }
      const name = `${relative(REPO, file)} (CR LF)`;
      const tree = createTreeLocator(text);
      compared += compare(createLocator(text), tree, pointers(value), name, mismatches);
      if (readBlockYaml(text) !== undefined) compared += compare(createLocator(text, true, Infinity), tree, pointers(value), `${name}, walked`, mismatches);
    }
    expect(mismatches.slice(0, 20)).toEqual([]);
    expect(compared).toBeGreaterThan(20_000);
  });

  it('reads every example document by the scan', () => {
    const examples = yamlFiles(join(REPO, 'examples'));
    const left = examples.filter((file) => scanPositions(readFileSync(file, 'utf8')) === undefined).map((file) => relative(REPO, file));
    expect(left).toEqual([]);
  });
});

describe('locating positions by the scan of lines, on generated documents', () => {
  it('agrees with the syntax tree on 200 seeded documents, or leaves them to it', () => {
    let scanned = 0;
    let valid = 0;
    for (let seed = 1; seed <= Number(process.env.LOCATE_SEEDS ?? 200); seed++) {
      const text = randomStyledDocument(seed);
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
