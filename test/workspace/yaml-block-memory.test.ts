// The block reader's strings share no memory with the file's text (yaml-block.ts `own`), which is why
// load.ts need not copy its documents; js-yaml's do share it, which is why load.ts copies those.
// Measured on the heap: a document kept must not keep its megabyte of text alive.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import jsyaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { readBlockYaml } from '../../src/workspace/yaml-block.js';
import { YAML_12_CORE } from '../../src/workspace/yaml-core.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const TEXTS = 8;
const PADDING = 1024 * 1024;

/** A text of about a megabyte: long values of every style, then a long comment; fresh on each call. */
function text(n: number): string {
  return [
    `plain: a plain value long enough to be a view ${n}`,
    `single: 'a single-quoted value, isn''t it ${n}'`,
    `double: "a double-quoted value, long enough ${n}"`,
    `flow: [a long flow entry number ${n}, { key: a long flow value ${n} }]`,
    `list:\n  - a long entry of a block sequence ${n}`,
    `folded: >-\n  a folded block scalar ${n}\n  over two lines`,
    `literal: |-\n  one line of a literal block scalar ${n}`,
    `long_key_of_the_mapping_${n}: 1`,
    `# ${String(n).repeat(PADDING)}`,
  ].join('\n') + '\n';
}

/** Bytes of heap still held, after collection, by the documents `read` makes of TEXTS such texts. */
function held(read: (text: string) => unknown): number {
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept: unknown[] = [];
  for (let n = 0; n < TEXTS; n++) kept.push(read(text(n)));
  gc();
  const after = process.memoryUsage().heapUsed;
  expect(kept).toHaveLength(TEXTS);
  return after - before;
}

describe('the block reader’s strings', () => {
  it('keep no file text alive, where js-yaml’s keep every one', () => {
    const viaBlock = held((t) => {
      const value = readBlockYaml(t);
      expect(value).toBeDefined();
      return value;
    });
    const viaJsYaml = held((t) => jsyaml.load(t, { schema: YAML_12_CORE }));
    // The texts are TEXTS megabytes, the documents a few kilobytes; V8 keeps the last text a regular
    // expression searched (its last match), whatever reads it.
    expect(viaJsYaml).toBeGreaterThan((TEXTS - 1) * PADDING);
    expect(viaBlock).toBeLessThan(2 * PADDING);
  });
});
