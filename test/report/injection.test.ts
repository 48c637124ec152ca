// User text goes into reports as text. The injection workspace (test/fixtures/report/injection/) is
// full of HTML, script, Markdown and Mermaid syntax; in Markdown it must read literally with every
// table intact, and in HTML it must be inert text (the browser test runs it too).
import { beforeAll, describe, expect, it } from 'vitest';
import { REPORT_PHASES, reportToHtml } from '../../src/report/index.js';
import { expectTablesIntact, INJECTION, loadValid, markdownTables, render, type LoadedWorkspace } from './helpers.js';
import { unescapeMarkup } from '../helpers/outputs.js';

let ws: LoadedWorkspace;
beforeAll(async () => {
  ws = await loadValid(INJECTION);
});

/** The text a reader sees in an HTML fragment: tags dropped, entities decoded. */
function visibleText(html: string): string {
  return unescapeMarkup(html.replace(/<style>[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ''));
}

describe('the injection workspace in Markdown', () => {
  for (const phase of REPORT_PHASES) {
    it(`${phase}: every table keeps its columns`, async () => {
      const { markdown } = render(ws, phase, 'en');
      expect(expectTablesIntact(markdown, phase)).toBeGreaterThan(0);
      await expect(markdown).toMatchFileSnapshot(`./__snapshots__/injection/${phase}.en.md`);
    });
  }

  it('keeps pipes inside their cells', () => {
    const { markdown } = render(ws, 'roadmap', 'en');
    const summary = markdownTables(markdown)[0]!;
    expect(summary[0]).toEqual(['Municipality', 'Road map', 'SDG goal', 'Actions', 'Done', 'Overdue', 'Adoption']);
    expect(summary[2]).toEqual(['\\<img src=x onerror=alert(1)\\>', '\\<img src=x onerror=alert(1)\\> road map \\| title', 'Goal 10: Reduced inequalities', '2', '1', '1', 'Approved']);
  });

  it('opens no heading, list, code span or link from user text', () => {
    for (const phase of REPORT_PHASES) {
      const { markdown } = render(ws, phase, 'en');
      const lines = markdown.split('\n');
      // Every heading line is one lamd's templates wrote: its user text, if any, has `#` escaped.
      for (const line of lines.filter((l) => /^#{1,6} /.test(l))) expect(line.replace(/^#{1,6} /, ''), phase).not.toMatch(/(?<!\\)#/);
      expect(markdown, phase).not.toMatch(/(?<!\\)\]\(javascript:/);
      expect(markdown, phase).not.toMatch(/^(?:\s*)(?:\d+\.|[-+*]) (?:looks like|star bullet|plus bullet)/m);
    }
  });
});

describe('the injection workspace in HTML', () => {
  it('shows every hostile text as the text it is', () => {
    const text = visibleText(REPORT_PHASES.map((phase) => reportToHtml(render(ws, phase, 'en'))).join('\n'));
    for (const literal of [
      "<script>window.__pwned = 1; alert('programme')</script> Network",
      '<img src=x onerror=alert(1)>',
      '<img src=x onerror="window.__pwned=1"> practice | cell',
      '[click](javascript:alert(1))',
      '# Heading department',
      '[Department](javascript:window.__pwned=1)',
      'NGO | with | pipes',
      'Beta `code` \\ backslash',
      '1. looks like an ordered list',
      '- looks like a bullet',
      '**bold** _italic_ ~~strike~~ &lt;script&gt; &amp; entity',
      '</text><script>window.__pwned=1</script> action',
      'Final <style>body{display:none}</style> event',
    ]) {
      expect(text).toContain(literal);
    }
  });
});
