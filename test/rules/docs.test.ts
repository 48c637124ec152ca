// The registry, the rule pages under docs/rules and their index agree: every rule has a page, every page
// a rule, the README lists each rule once with its registered severity and its summary as the English
// catalogue words it, and no page of a fixed rule offers a way to turn it down.
import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES, ruleSummary } from '../../src/check/rules.js';
import { render } from '../../src/i18n/messages.js';

const DOCS = join(import.meta.dirname, '../../docs/rules');

function page(id: string): string {
  return readFileSync(join(DOCS, `${id}.md`), 'utf8');
}

/** Every Markdown file under docs/rules, as a rule id (`roadmap/single-sdg`). */
function pageIds(): string[] {
  return readdirSync(DOCS, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .map((f) => f.split(sep).join('/').replace(/\.md$/, ''))
    .filter((id) => id !== 'README')
    .sort();
}

/** The body of a `## <title>` section, up to the next `## ` heading. */
function section(text: string, title: string): string {
  const start = text.indexOf(`\n## ${title}\n`);
  if (start === -1) return '';
  const rest = text.slice(start + title.length + 5);
  const end = rest.search(/\n## /);
  return end === -1 ? rest : rest.slice(0, end);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('rule documentation', () => {
  it('has a page for every registered rule, titled with its id', () => {
    for (const rule of RULES) {
      const text = page(rule.id);
      expect(text.split('\n')[0], rule.id).toBe(`# ${rule.id}`);
    }
  });

  it('has no page for a rule that is not registered', () => {
    const registered = new Set(RULES.map((r) => r.id));
    expect(pageIds().filter((id) => !registered.has(id))).toEqual([]);
  });

  it('gives every page the same sections', () => {
    for (const rule of RULES) {
      const text = page(rule.id);
      for (const title of ['What it checks', 'Why', 'Default severity', 'Examples', 'How to fix', 'How to turn it down']) {
        expect(section(text, title).trim(), `${rule.id}: ## ${title}`).not.toBe('');
      }
    }
  });

  it('states the registered default severity and adjustability on every page', () => {
    for (const rule of RULES) {
      const text = page(rule.id);
      expect(section(text, 'Default severity'), rule.id).toMatch(new RegExp(`^\\s*\\*\\*${rule.severity}\\*\\*`));
      expect(text, rule.id).toContain(`**Adjustable:** ${rule.adjustable ? 'yes' : 'no'}`);
    }
  });

  it('cites the publication section of every method rule', () => {
    for (const rule of RULES.filter((r) => r.section)) {
      expect(page(rule.id), rule.id).toContain(`*Flexible and Locally Led*, section ${rule.section}`);
    }
  });

  it('shows how to change each adjustable rule under `rules:` in lamd.yaml', () => {
    for (const rule of RULES.filter((r) => r.adjustable)) {
      const text = section(page(rule.id), 'How to turn it down');
      expect(text, rule.id).toContain('rules:');
      expect(text, rule.id).toMatch(new RegExp(`^\\s+${escape(rule.id)}: (error|warning|info|off)\\b`, 'm'));
    }
  });

  it('does not offer a way to turn a fixed rule down', () => {
    for (const rule of RULES.filter((r) => !r.adjustable)) {
      const text = page(rule.id);
      expect(section(text, 'How to turn it down'), rule.id).toMatch(/cannot be turned down/);
      // No lamd.yaml setting and no suppression naming the rule, anywhere on its page.
      expect(text, rule.id).not.toMatch(new RegExp(`^\\s+${escape(rule.id)}: (error|warning|info|off)\\b`, 'm'));
      expect(text, rule.id).not.toMatch(new RegExp(`rule: ${escape(rule.id)}\\s*$`, 'm'));
    }
  });

  describe('README index', () => {
    const readme = readFileSync(join(DOCS, 'README.md'), 'utf8');
    const rows = [...readme.matchAll(/^\| \[`([^`]+)`\]\(([^)]+)\) \| ([^|]+) \| ([^|]+) \| (.+) \|$/gm)].map((m) => ({
      id: m[1]!,
      link: m[2]!,
      severity: m[3]!.trim(),
      adjustable: m[4]!.trim(),
      summary: m[5]!.trim(),
    }));

    it('lists every rule exactly once', () => {
      const counts = new Map<string, number>();
      for (const row of rows) counts.set(row.id, (counts.get(row.id) ?? 0) + 1);
      expect(RULES.filter((r) => counts.get(r.id) !== 1).map((r) => `${r.id} ×${counts.get(r.id) ?? 0}`)).toEqual([]);
      const registered = new Set(RULES.map((r) => r.id));
      expect(rows.filter((r) => !registered.has(r.id)).map((r) => r.id)).toEqual([]);
    });

    it('links each rule to its page, with its registered severity, adjustability and summary', () => {
      for (const row of rows) {
        const rule = RULES.find((r) => r.id === row.id)!;
        expect(row.link, row.id).toBe(`${row.id}.md`);
        expect(row.severity, row.id).toBe(rule.severity);
        expect(row.adjustable, row.id).toBe(rule.adjustable ? 'yes' : 'no');
        // The summary exactly as messages/en.json words it, then the publication section of a method rule.
        const summary = render('en', ruleSummary(rule));
        expect(row.summary, row.id).toBe(rule.section ? `${summary} (publication section ${rule.section})` : summary);
      }
    });

    it('explains severities, `lamd rules`, settings, suppressions, --strict and --today', () => {
      for (const needle of ['`lamd rules`', 'rules:', 'suppress:', 'reason:', '--strict', '--today', 'cannot be turned']) {
        expect(readme, needle).toContain(needle);
      }
    });
  });

  it('links only to pages that exist', () => {
    const ids = new Set(pageIds());
    const files = ['README', ...ids];
    for (const file of files) {
      const text = readFileSync(join(DOCS, `${file}.md`), 'utf8');
      const base = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';
      for (const [, target] of text.matchAll(/\]\(([^)#:]+\.md)(?:#[^)]*)?\)/g)) {
        const resolved = join(base, target!).split(sep).join('/').replace(/\.md$/, '');
        expect(resolved === 'README' || ids.has(resolved), `${file}.md → ${target}`).toBe(true);
      }
    }
  });
});
