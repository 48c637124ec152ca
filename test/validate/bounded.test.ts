// The long-input cases of issue 18, each of which once kept lamd busy for seconds to minutes: every
// one must now finish far inside its time limit and, for the largest, inside a 256 MB heap.
// The limits are generous on purpose (the benchmark measures speed, not these tests): before the
// bounds, the same cases took 20 s to 183 s and up to 2.65 GB. In-process, the time is the thread's
// CPU time (test/helpers/work-time.ts); the real process's case is timed on the wall clock.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, lamd, tempDir } from '../helpers/lamd.js';
import { validate } from './in-process.js';
import { describeWorkTime, timeWork } from '../helpers/work-time.js';

const PRACTICE = 'municipalities/sfax/practices/one-stop-shop.yaml';
const ROADMAP = 'municipalities/sfax/roadmaps/inclusive-services.yaml';
/** Per case: today's code takes well under 2 s; the code before the bounds, 20 s and more. */
const LIMIT_MS = 10_000;

function edit(root: string, file: string, change: (text: string) => string): void {
  const path = join(root, file);
  writeFileSync(path, change(readFileSync(path, 'utf8')));
}

describe('long values and keys cost time linear in their length', () => {
  it('a 600 KB data URI where an enumeration value belongs', async () => {
    const root = copyFixture('valid');
    edit(root, PRACTICE, (t) => t.replace(/^cluster: .*$/m, `cluster: data:image/png;base64,${'QUJD'.repeat(150_000)}`));
    const { result, time } = await timeWork(() => validate(root, []));
    expect(time.cpuMs, describeWorkTime(time)).toBeLessThan(LIMIT_MS);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/`cluster` is "data:image\/png;base64,QUJD.*\.\.\.", which is not one of/);
    // The code frame shows a window of the 600 KB line, not the line.
    expect(result.stdout.length).toBeLessThan(20_000);
  }, 30_000);

  it('a 600 KB unknown key', async () => {
    const root = copyFixture('valid');
    edit(root, PRACTICE, (t) => `${t}${'a'.repeat(600_000)}: 1\n`);
    const { result, time } = await timeWork(() => validate(root, []));
    expect(time.cpuMs, describeWorkTime(time)).toBeLessThan(LIMIT_MS);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`\`${'a'.repeat(60)}…\` (600,000 characters) is not a field lamd knows`);
    expect(result.stdout.length).toBeLessThan(20_000);
  }, 30_000);

  it('an unknown key of 100,000 characters on standard input', async () => {
    const text = `${readFileSync(join(copyFixture('valid'), PRACTICE), 'utf8')}${'x'.repeat(100_000)}: 1\n`;
    const { result, time } = await timeWork(() => validate(tempDir(), ['-'], text));
    expect(time.cpuMs, describeWorkTime(time)).toBeLessThan(LIMIT_MS);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('(100,000 characters) is not a field lamd knows');
  }, 30_000);

  it('an unknown stakeholder reference of 1,000,000 characters', async () => {
    const root = copyFixture('valid');
    edit(root, ROADMAP, (t) => t.replace('stakeholder: diaspora-association', `stakeholder: ${'m'.repeat(1_000_000)}`));
    const { result, time } = await timeWork(() => validate(root, ['--format', 'json']));
    expect(time.cpuMs, describeWorkTime(time)).toBeLessThan(LIMIT_MS);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('There is no stakeholder `mmmmmmmmmm');
    expect(result.stdout).toContain('(1,000,000 characters)');
  }, 30_000);

  it('a 4.9 MB file with one long unknown key, in a real process with a 256 MB heap', () => {
    const root = copyFixture('valid');
    const before = readFileSync(join(root, PRACTICE), 'utf8');
    edit(root, PRACTICE, (t) => `${t}${'k'.repeat(4_900_000 - before.length - 4)}: 1\n`);
    const started = performance.now();
    // A heap over the limit kills the process (exit 134), so this also bounds memory.
    const result = lamd(['validate', '-C', root], { env: { NODE_OPTIONS: '--max-old-space-size=256' } });
    expect(performance.now() - started).toBeLessThan(LIMIT_MS);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/ \(4,89\d,\d{3} characters\) is not a field lamd knows/);
    expect(result.stdout.length).toBeLessThan(20_000);
  }, 30_000);

  it('lists nested 100,000 levels deep: one finding, no second reading', async () => {
    const text = `kind: practice\ndeep: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`;
    const { result, time } = await timeWork(() => validate(tempDir(), ['-'], text));
    expect(time.cpuMs, describeWorkTime(time)).toBeLessThan(LIMIT_MS);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('The document nests lists and mappings more than 100 levels deep here; lamd stops reading it.');
  }, 30_000);

  it('a file of 20,000 duplicate keys: the first hundred listed, then how many more', async () => {
    const text = `kind: practice\n${'x: y\n'.repeat(20_000)}`;
    const { result, time } = await timeWork(() => validate(tempDir(), ['-', '--format', 'json'], text));
    expect(time.cpuMs, describeWorkTime(time)).toBeLessThan(LIMIT_MS);
    expect(result.code).toBe(1);
    const diagnostics = (JSON.parse(result.stdout) as { files: Array<{ diagnostics: Array<{ ruleId: string; message: string }> }> }).files[0]!.diagnostics;
    const duplicates = diagnostics.filter((d) => d.ruleId === 'yaml/duplicate-key');
    expect(duplicates).toHaveLength(101);
    expect(duplicates.map((d) => d.message)).toContain('…and 19,899 more duplicate keys in this file; lamd lists the first 100.');
  }, 30_000);

  it('30,000 unknown fields in one mapping: the first 500 listed and located, then how many more', async () => {
    const text = `kind: practice\n${Array.from({ length: 30_000 }, (_, i) => `field-${i}: 1\n`).join('')}`;
    const { result, time } = await timeWork(() => validate(tempDir(), ['-', '--format', 'json'], text));
    expect(time.cpuMs, describeWorkTime(time)).toBeLessThan(LIMIT_MS);
    expect(result.code).toBe(1);
    const diagnostics = (JSON.parse(result.stdout) as { files: Array<{ diagnostics: Array<{ ruleId: string; message: string; range?: { start: { line: number } } }> }> }).files[0]!.diagnostics;
    expect(diagnostics).toHaveLength(501);
    expect(diagnostics.find((d) => d.message.startsWith('`field-400` is not a field'))?.range?.start.line).toBe(402);
    expect(diagnostics.map((d) => d.message)).toContainEqual(expect.stringMatching(/^…and 2\d,\d{3} more problems in this file; lamd lists the first 500\. Fix those and run again\.$/));
    // The output stays proportionate: before the cap it was 36 MB for a 360 KB file.
    expect(result.stdout.length).toBeLessThan(2_000_000);
  }, 30_000);
});
