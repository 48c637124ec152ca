// The rule pages quote the English catalogue: every `text` block a page shows as what lamd reports is
// one of that rule's messages in messages/en.json, with real values where the message has
// placeholders, and the paragraph under each page's title is the rule's summary exactly as
// messages/en.json words it. Docs and code quote one source, as ESLint's meta.messages do.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { globSync } from 'tinyglobby';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { REPO } from '../helpers/lamd.js';
import { RULES, ruleSummary } from '../../src/check/rules.js';
import { render } from '../../src/i18n/messages.js';

const EN = JSON.parse(readFileSync(join(REPO, 'messages/en.json'), 'utf8')) as Record<string, string>;

/** A regular expression that matches what the message can print: literal text, anything for a value. */
function pattern(elements: readonly MessageFormatElement[]): string {
  return elements
    .map((e) => {
      if (e.type === TYPE.literal) return e.value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      if (e.type === TYPE.select || e.type === TYPE.plural) return `(?:${Object.values(e.options).map((o) => pattern(o.value)).join('|')}|.*?)`;
      return '.*?';
    })
    .join('');
}

const quoted = (page: string) => [...page.matchAll(/lamd reports[^\n]*\n\n```text\n([\s\S]*?)\n```/g)].map((m) => m[1]!);

describe('rule pages quote the English catalogue', () => {
  const pages = globSync('docs/rules/*/*.md', { cwd: REPO });
  for (const page of pages) {
    const ruleId = page.replace(/^docs\/rules\//, '').replace(/\.md$/, '');
    const messages = Object.entries(EN).filter(([id]) => id.startsWith(`${ruleId}.`));
    const blocks = quoted(readFileSync(join(REPO, page), 'utf8'));
    if (blocks.length === 0 || messages.length === 0) continue;
    it(`${ruleId}: every message the page shows is one of the rule's messages`, () => {
      const matchers = messages.map(([id, source]) => ({ id, re: new RegExp(`^${pattern(parse(source, { ignoreTag: true }))}$`, 's') }));
      const unmatched = blocks.flatMap((block) => block.split('\n').filter((line) => line.trim() !== '' && !matchers.some((m) => m.re.test(line.trim()))));
      expect(unmatched, `not in messages/en.json under ${ruleId}.*`).toEqual([]);
    });
  }
});

describe('rule pages quote the English summary', () => {
  it('opens every page with the rule’s summary from messages/en.json, under its title', () => {
    const wrong = RULES.flatMap((rule) => {
      const [title, blank, summary] = readFileSync(join(REPO, 'docs/rules', `${rule.id}.md`), 'utf8').split('\n');
      const expected = render('en', ruleSummary(rule));
      return title === `# ${rule.id}` && blank === '' && summary === expected ? [] : [`${rule.id}: "${summary}" ≠ "${expected}"`];
    });
    expect(wrong).toEqual([]);
  });
});
