// scripts/compile-schemas.mjs rewrites ajv's code-point counts of minLength 1 and maxLength into
// checks of the string's length first: the verdicts must be ajv's own, emoji and lone surrogates included.
import standaloneCodeModule from 'ajv/dist/standalone/index.js';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { lengthChecksByCodeUnits, schemaCompiler } from '../../scripts/compile-schemas.mjs';

const standaloneCode = standaloneCodeModule.default;
const require = createRequire(import.meta.url);

const schema = {
  $id: 'https://lamd.dev/test/lengths.json',
  type: 'object',
  properties: { text: { type: 'string', minLength: 1 }, slug: { type: 'string', maxLength: 3 }, both: { type: 'string', minLength: 2, maxLength: 4 } },
};

/** ajv's standalone validator for `schema`, compiled by compile-schemas' own compiler (CommonJS here, to run it in place). */
function standalone(rewrite: boolean): { code: string; validate: (data: unknown) => boolean } {
  const ajv = schemaCompiler([schema], { source: true, lines: false });
  const written = standaloneCode(ajv, { lengths: schema.$id });
  const code = rewrite ? lengthChecksByCodeUnits(written) : written;
  const module = { exports: {} as Record<string, (data: unknown) => boolean> };
  const load = new Function('module', 'exports', 'require', code) as (m: typeof module, e: unknown, r: (id: string) => unknown) => void;
  load(module, module.exports, require);
  return { code, validate: module.exports.lengths! };
}

const EMOJI = '\u{1F600}';
const LONE_HIGH = '\ud800';
const STRINGS = ['', 'a', 'ab', 'abc', 'abcd', 'abcde', EMOJI, EMOJI.repeat(2), EMOJI.repeat(3), EMOJI.repeat(4), EMOJI.repeat(5), `a${EMOJI}`, `${EMOJI}ab`, LONE_HIGH, LONE_HIGH.repeat(4), `${LONE_HIGH}${EMOJI}`, 'é', 'مرحبا', 'Tiranë'];

describe('lengthChecksByCodeUnits', () => {
  const ajvs = standalone(false);
  const ours = standalone(true);

  it('rewrites the comparisons it knows and nothing else', () => {
    expect(ajvs.code).toMatch(/func\d+\(\w+\) < 1/);
    expect(ours.code).not.toMatch(/func\d+\(\w+\) < 1/);
    expect(ours.code).toMatch(/\.length < 1/);
    expect(ours.code).toMatch(/\(\w+\.length > 3 && func\d+\(\w+\) > 3\)/);
    // minLength 2 stays a count: code units say nothing about it.
    expect(ours.code).toMatch(/func\d+\(\w+\) < 2/);
  });

  it('gives ajv’s verdict on every string, whatever its characters', () => {
    for (const s of STRINGS) {
      for (const key of ['text', 'slug', 'both']) {
        expect(ours.validate({ [key]: s }), `${key}: ${JSON.stringify(s)}`).toBe(ajvs.validate({ [key]: s }));
      }
    }
    // The cases the rewrite could get wrong, by hand: three emoji are three characters (six code units).
    expect(ours.validate({ slug: EMOJI.repeat(3) })).toBe(true);
    expect(ours.validate({ slug: EMOJI.repeat(4) })).toBe(false);
    expect(ours.validate({ text: '' })).toBe(false);
  });

  it('leaves code without ajv’s counter as it is', () => {
    expect(lengthChecksByCodeUnits('const x = 1;')).toBe('const x = 1;');
  });

  it('has left no code-point count of minLength 1, and none of maxLength without its length first, in lamd’s validators', () => {
    const folder = new URL('../../src/check/generated/', import.meta.url);
    let guarded = 0;
    for (const file of readdirSync(folder).filter((f) => f.startsWith('validator-'))) {
      const code = readFileSync(new URL(file, folder), 'utf8');
      expect(code, file).not.toMatch(/func\d+\(\w+\) < 1\b/);
      const counts = code.match(/func\d+\(\w+\) > \d+/g) ?? [];
      const behindLength = code.match(/\(\w+\.length > \d+ && func\d+\(\w+\) > \d+\)/g) ?? [];
      expect(counts.length, file).toBe(behindLength.length);
      guarded += behindLength.length;
    }
    // The schemas have maxLength (ids, slugs): the rewrite must have found them.
    expect(guarded).toBeGreaterThan(0);
  });
});
