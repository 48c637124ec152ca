// The Markdown reports in two real renderers: Debian's cmark-gfm (GitHub's own parser, in its safe
// mode) and markdown-it with HTML off. Both must show the same headings and the same tables, cell by
// cell, and no report may hold raw HTML such as `<br>` (dropped by one, printed literally by the other).
import { execFileSync } from 'node:child_process';
import MarkdownIt from 'markdown-it';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPORT_PHASES } from '../../src/report/index.js';
import { INJECTION, LAS_PILOT, loadValid, render, VALID, type LoadedWorkspace } from './helpers.js';

const CMARK = process.env.LAMD_CMARK_GFM ?? 'cmark-gfm';

function cmarkGfm(markdown: string): string {
  try {
    return execFileSync(CMARK, ['--extension', 'table', '--extension', 'autolink', '--extension', 'strikethrough'], { input: markdown, encoding: 'utf8', timeout: 10_000 });
  } catch (error) {
    throw new Error(`cmark-gfm could not be run as ${CMARK} (install it with \`apt-get install cmark-gfm\`; scripts/test-setup.mjs does): ${(error as Error).message}`, { cause: error });
  }
}

const markdownIt = new MarkdownIt({ html: false, linkify: false });

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" };
const text = (html: string) =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, e: string) => ENTITIES[e]!)
    .replace(/\s+/g, ' ')
    .trim();

/** What a reader sees of a page's structure: every heading, and every table cell by cell. */
function structure(html: string): string[] {
  const out: string[] = [];
  for (const match of html.matchAll(/<h([1-6])[^>]*>([\s\S]*?)<\/h\1>|<table[^>]*>([\s\S]*?)<\/table>/g)) {
    if (match[1]) {
      out.push(`h${match[1]} ${text(match[2]!)}`);
      continue;
    }
    for (const row of match[3]!.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)) {
      out.push(`| ${[...row[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => text(c[1]!)).join(' | ')} |`);
    }
  }
  return out;
}

const WORKSPACES = { valid: VALID, 'las-pilot': LAS_PILOT, injection: INJECTION } as const;
const loaded: Partial<Record<string, LoadedWorkspace>> = {};
beforeAll(async () => {
  for (const [name, root] of Object.entries(WORKSPACES)) loaded[name] = await loadValid(root);
});

describe('cmark-gfm and markdown-it read the same report', () => {
  for (const name of Object.keys(WORKSPACES)) {
    for (const lang of name === 'las-pilot' ? ['en', 'it'] : ['en', 'ar']) {
      it(`${name}, every phase in ${lang}`, () => {
        for (const phase of REPORT_PHASES) {
          const { markdown } = render(loaded[name]!, phase, lang);
          const where = `${name} ${phase}.${lang}`;
          expect(markdown, where).not.toMatch(/<br\b/i);
          const gfm = structure(cmarkGfm(markdown));
          const it = structure(markdownIt.render(markdown));
          expect(gfm.filter((l) => l.startsWith('|')).length, `${where}: tables`).toBeGreaterThan(0);
          expect(it, where).toEqual(gfm);
        }
      });
    }
  }
});
