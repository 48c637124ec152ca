// `lamd explain <rule>` in-process: every rule's page, offline; a misspelt rule is a usage error
// with the closest id; rule links exist only when package.json names a homepage.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveRuleId, run } from '../../src/cli/commands/explain.js';
import type { CliIO } from '../../src/cli/io.js';
import { plainText, ruleDocsBase, ruleDocsUrl, ruleHelp, ruleLookup } from '../../src/check/rule-docs.js';
import { RULES } from '../../src/check/rules.js';
import { t } from '../../src/i18n/messages.js';
import { UsageError } from '../../src/errors.js';
import { captureIO, REPO } from '../helpers/lamd.js';

async function explain(rule: string, overrides: Partial<CliIO> = {}) {
  const captured = captureIO(REPO);
  const status = await run({ ...captured, ...overrides }, {}, rule);
  return { status, stdout: captured.out };
}

describe('lamd explain', () => {
  it("prints every rule's page as shipped, and no address when lamd names no homepage", async () => {
    for (const { id } of RULES) {
      const result = await explain(id);
      expect(result.status).toBe(0);
      expect(result.stdout).toBe(`${readFileSync(join(REPO, 'docs/rules', `${id}.md`), 'utf8').trimEnd()}\n`);
    }
  });

  it('takes a rule by its name alone when only one area has it, and ignores case and .md', async () => {
    expect(resolveRuleId('single-sdg')).toBe('roadmap/single-sdg');
    expect(resolveRuleId('Roadmap/Single-SDG.md')).toBe('roadmap/single-sdg');
    expect((await explain('design-inclusion')).stdout).toMatch(/^# roadmap\/design-inclusion\n/);
  });

  it('refuses a rule that does not exist, suggesting the closest id (exit 2 through the CLI)', () => {
    expect(() => resolveRuleId('roadmap/single-sgd')).toThrow(
      new UsageError(t('explain.unknown-rule', { typed: 'roadmap/single-sgd', suggestion: 'roadmap/single-sdg', count: RULES.length })),
    );
    expect(() => resolveRuleId('roadmap/single-sgd')).toThrow(`There is no rule "roadmap/single-sgd". Did you mean roadmap/single-sdg? \`lamd rules\` lists the ${RULES.length} rules lamd checks.`);
    expect(() => resolveRuleId('design-inclusio')).toThrow(/Did you mean roadmap\/design-inclusion\?/);
    expect(() => resolveRuleId('../../package')).toThrow(/^There is no rule "..\/..\/package"\. `lamd rules`/);
    expect(() => resolveRuleId('empty')).toThrow(/several rules: file\/empty, schema\/empty/);
  });

  it('bolds headings on a colour terminal, and only there', async () => {
    const colour = await explain('schema/type', { stdoutIsTTY: true });
    expect(colour.stdout).toContain('\u001b[1m# schema/type\u001b[22m');
    const plain = await explain('schema/type', { stdoutIsTTY: true, env: { NO_COLOR: '1' } });
    expect(plain.stdout).not.toContain('\u001b[');
  });
});

describe('rule links', () => {
  it('derive from a GitHub homepage, pointing at the tag of the release', () => {
    for (const homepage of ['https://github.com/org/lamd', 'https://github.com/org/lamd#readme', 'https://github.com/org/lamd.git', 'https://github.com/org/lamd/']) {
      expect(ruleDocsUrl('roadmap/single-sdg', ruleDocsBase(homepage, '1.4.0'))).toBe('https://github.com/org/lamd/blob/v1.4.0/docs/rules/roadmap/single-sdg.md');
    }
  });

  it('derive from any other site as the repository served under it', () => {
    expect(ruleDocsBase('https://lamd.example.org', '1.0.0')).toBe('https://lamd.example.org/docs/rules/');
    expect(ruleDocsBase('https://example.org/tools/lamd/?x=1#top', '1.0.0')).toBe('https://example.org/tools/lamd/docs/rules/');
  });

  it('do not exist without a usable homepage', () => {
    for (const homepage of [undefined, '', '  ', 'not a url', 'file:///etc/lamd', 'javascript:alert(1)']) expect(ruleDocsBase(homepage, '1.0.0')).toBeUndefined();
    expect(ruleDocsUrl('schema/type', undefined)).toBeUndefined();
    const lookup = ruleLookup({ version: '1.0.0' });
    expect(lookup('schema/type').helpUri).toBeUndefined();
    expect(lookup('schema/type').help?.markdown).toMatch(/^# schema\/type\n/);
  });

  it('between pages follow the homepage, or become their text', () => {
    const page = 'See [settings/fixed-rule](../settings/fixed-rule.md) and [type](type.md), [IOM](https://publications.iom.int/x).';
    expect(ruleHelp('schema/required', page, 'https://github.com/o/r/blob/v1/docs/rules/').markdown).toBe(
      'See [settings/fixed-rule](https://github.com/o/r/blob/v1/docs/rules/settings/fixed-rule.md) and [type](https://github.com/o/r/blob/v1/docs/rules/schema/type.md), [IOM](https://publications.iom.int/x).',
    );
    expect(ruleHelp('schema/required', page, undefined).markdown).toBe('See settings/fixed-rule and type, [IOM](https://publications.iom.int/x).');
  });

  it('are carried as text in help without Markdown marks', () => {
    expect(plainText('# a/b\n\n**Area:** x · *Flexible*\n\n```yaml\nk: v\n```\n[IOM](https://x.org)')).toBe('a/b\n\nArea: x · Flexible\n\nk: v\nIOM (https://x.org)');
  });
});
