// Templates are data, not code: CI renders reports from workspaces that arrive in pull requests, so a
// workspace's override of a report template must not be able to run JavaScript, read files, or
// unescape user text. Each test below is one way a hostile override could try.
import { execFileSync } from 'node:child_process';
import { cpSync, linkSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportToHtml } from '../../src/report/index.js';
import { TemplateError, templateSources, unusedTemplates } from '../../src/report/template-files.js';
import { renderTemplate } from '../../src/report/templates.js';
import { tempDir } from '../helpers/lamd.js';
import { INJECTION, loadValid, render, VALID } from './helpers.js';
import { render as renderText } from '../../src/i18n/messages.js';
import { describeWorkTime, timeWorkSync } from '../helpers/work-time.js';

/** A copy of a fixture workspace with the given files added under templates/reports/. */
function workspaceWith(fixture: string, templates: Record<string, string>): string {
  const root = join(tempDir(), 'ws');
  cpSync(fixture, root, { recursive: true });
  for (const [name, text] of Object.entries(templates)) {
    const path = join(root, 'templates', 'reports', name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  return root;
}

/** A file outside the workspace a hostile template would like to read. */
function plantSecret(root: string): string {
  const secret = 'TOP-SECRET-6f1d2c';
  writeFileSync(join(dirname(root), 'secret.md.mustache'), secret);
  writeFileSync(join(dirname(root), '_secret.md.mustache'), secret);
  return secret;
}

async function renderOverride(fixture: string, templates: Record<string, string>, phase: 'preparatory' | 'roadmap' = 'preparatory') {
  const ws = await loadValid(workspaceWith(fixture, templates));
  return render(ws, phase, 'en');
}

describe('workspace overrides', () => {
  it('replaces a phase template from the workspace', async () => {
    const report = await renderOverride(VALID, { 'preparatory.md.mustache': '# Our own {{title}}\n\n{{#municipalities}}- {{name}}\n{{/municipalities}}' });
    expect(report.markdown).toBe('# Our own Preparatory phase: the network and where each municipality starts\n\n- Sfax\n- طنجة\n');
    expect(report.overrides).toEqual(['templates/reports/preparatory.md.mustache']);
  });

  it('replaces a single partial, used by lamd\'s own templates', async () => {
    const report = await renderOverride(VALID, { '_footer.md.mustache': '\nMade by the network secretariat.\n' });
    expect(report.markdown.trimEnd().endsWith('Made by the network secretariat.')).toBe(true);
    expect(report.overrides).toEqual(['templates/reports/_footer.md.mustache']);
  });

  it('overrides catalogue texts, escaped like user text, and ignores keys English does not define', async () => {
    const report = await renderOverride(VALID, {
      'i18n/en.json': JSON.stringify({ heading: { report_preparatory: '<script>alert(1)</script> Getting started' }, __proto__: { polluted: 'yes' }, extra: { key: 'x' } }),
    });
    expect(report.markdown.split('\n')[0]).toBe('# \\<script\\>alert(1)\\</script\\> Getting started');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // A catalogue override is named among the overrides used, like a template.
    expect(report.overrides).toEqual(['templates/reports/i18n/en.json']);
  });

  it('names the catalogue override of the report\'s language only', async () => {
    const ws = await loadValid(workspaceWith(VALID, { 'i18n/it.json': JSON.stringify({ heading: { report_final: 'Evento finale' } }), '_footer.md.mustache': 'Ours.' }));
    expect(render(ws, 'final', 'it').overrides).toEqual(['templates/reports/i18n/it.json', 'templates/reports/_footer.md.mustache']);
    expect(render(ws, 'final', 'en').overrides).toEqual(['templates/reports/_footer.md.mustache']);
  });

  it('lists the templates and catalogues a workspace put where lamd does not read them', () => {
    const root = workspaceWith(VALID, { '_footer.md.mustache': 'x', '_extra.md.mustache': 'x', 'roadmaps.md.mustache': 'x', 'roadmap.mustache': 'x', 'notes.txt': 'x', 'i18n/it.json': '{}', 'i18n/Italian.json': '{}' });
    mkdirSync(join(root, 'templates/i18n'), { recursive: true });
    writeFileSync(join(root, 'templates/roadmap.md.mustache'), 'x');
    writeFileSync(join(root, 'templates/README.md'), 'x');
    writeFileSync(join(root, 'templates/i18n/fr.json'), '{}');
    expect(unusedTemplates(templateSources(root)).map((u) => u.file)).toEqual([
      'templates/roadmap.md.mustache',
      'templates/i18n/fr.json',
      'templates/reports/roadmap.mustache',
      'templates/reports/roadmaps.md.mustache',
      'templates/reports/i18n/Italian.json',
    ]);
    const [misplaced] = unusedTemplates(templateSources(root));
    expect(renderText('en', misplaced!.reason)).toBe('report template overrides belong in templates/reports/ (move it to templates/reports/roadmap.md.mustache)');
    expect(unusedTemplates(templateSources(VALID))).toEqual([]);
    expect(unusedTemplates(templateSources(undefined))).toEqual([]);
  });
});

describe('a hostile override cannot read files', () => {
  for (const name of ['../../secret', '../secret', '/etc/passwd', '..%2Fsecret', 'secret/../../secret', 'i18n/en.json', '_secret', 'SECRET']) {
    it(`refuses the partial {{> ${name}}}`, async () => {
      const root = workspaceWith(VALID, { 'preparatory.md.mustache': `before {{> ${name}}} after` });
      const secret = plantSecret(root);
      const ws = await loadValid(root);
      let error: unknown;
      try {
        render(ws, 'preparatory', 'en');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(TemplateError);
      expect((error as Error).message).toContain('templates/reports/preparatory.md.mustache');
      expect((error as Error).message).not.toContain(secret);
    });
  }

  it('refuses a partial that is a symbolic link, even to a file inside the workspace', async () => {
    const root = workspaceWith(VALID, { 'preparatory.md.mustache': '{{> linked}}' });
    symlinkSync(join(root, 'lamd.yaml'), join(root, 'templates/reports/_linked.md.mustache'));
    const ws = await loadValid(root);
    expect(() => render(ws, 'preparatory', 'en')).toThrow(/symbolic link/);
  });

  it('refuses a template that is a hard link, naming it, and does not read what it links to', async () => {
    const root = workspaceWith(VALID, { '_unused.md.mustache': '' });
    const secret = plantSecret(root);
    // `ln` outside → inside: the one name inside the workspace looks like any file but for its link count.
    linkSync(join(dirname(root), 'secret.md.mustache'), join(root, 'templates/reports/preparatory.md.mustache'));
    const ws = await loadValid(root);
    let message = '';
    try {
      render(ws, 'preparatory', 'en');
    } catch (error) {
      expect(error).toBeInstanceOf(TemplateError);
      message = (error as Error).message;
    }
    expect(message).toMatch(/^templates\/reports\/preparatory\.md\.mustache is a hard link .*Replace it with a copy/);
    expect(message).not.toContain(secret);
  });

  it('refuses a template that is a named pipe or a folder, without waiting on the pipe', async () => {
    const root = workspaceWith(VALID, { 'preparatory.md.mustache': '{{> piped}}' });
    execFileSync('mkfifo', [join(root, 'templates/reports/_piped.md.mustache')]);
    mkdirSync(join(root, 'templates/reports/roadmap.md.mustache'));
    const ws = await loadValid(root);
    expect(() => render(ws, 'preparatory', 'en')).toThrow(/^templates\/reports\/_piped\.md\.mustache is a named pipe \(FIFO\), not a regular file/);
    expect(() => render(ws, 'roadmap', 'en')).toThrow(/^templates\/reports\/roadmap\.md\.mustache is a folder, not a regular file/);
  });

  it('refuses a templates/reports folder that is a link, and templates reached through a linked templates/', async () => {
    const outside = tempDir();
    writeFileSync(join(outside, 'preparatory.md.mustache'), 'OUTSIDE-CONTENT');
    mkdirSync(join(outside, 'reports'));
    writeFileSync(join(outside, 'reports', 'preparatory.md.mustache'), 'OUTSIDE-CONTENT');

    const linkedReports = join(tempDir(), 'ws');
    cpSync(VALID, linkedReports, { recursive: true });
    mkdirSync(join(linkedReports, 'templates'));
    symlinkSync(outside, join(linkedReports, 'templates', 'reports'));
    expect(() => templateSources(linkedReports)).toThrow(/templates\/reports is a symbolic link/);

    const linkedTemplates = join(tempDir(), 'ws');
    cpSync(VALID, linkedTemplates, { recursive: true });
    symlinkSync(outside, join(linkedTemplates, 'templates'));
    const ws = await loadValid(linkedTemplates);
    expect(() => render(ws, 'preparatory', 'en')).toThrow(/leads outside the workspace/);
  });
});

describe('a hostile override cannot run code', () => {
  it('never calls a function, even one left in a view', () => {
    let called = 0;
    const view = { t: {}, f: () => `called ${++called}`, nested: { g: () => ++called } };
    const root = workspaceWith(VALID, { 'preparatory.md.mustache': '[{{f}}][{{{f}}}][{{&f}}][{{#f}}body{{/f}}][{{^f}}none{{/f}}][{{nested.g}}]' });
    const text = renderTemplate(templateSources(root), 'preparatory', view).text;
    expect(called).toBe(0);
    expect(text).toBe('[][][][][none][]');
  });

  it('cannot reach prototypes: constructor, __proto__, toString', async () => {
    const report = await renderOverride(VALID, {
      'preparatory.md.mustache': [
        'a[{{constructor}}]',
        'b[{{constructor.constructor}}]',
        'c[{{#constructor.constructor}}return process{{/constructor.constructor}}]',
        'd[{{__proto__}}][{{__proto__.constructor}}]',
        'e[{{#municipalities}}{{toString}}{{valueOf}}{{constructor.name}}{{/municipalities}}]',
        'f[{{title.constructor}}][{{programme.name.constructor.constructor}}]',
        'g[{{#municipalities.constructor}}x{{/municipalities.constructor}}][{{municipalities.pop}}]',
        'h[{{#t}}{{hasOwnProperty}}{{/t}}]',
      ].join('\n'),
    });
    expect(report.markdown).toBe('a[]\nb[]\nc[]\nd[][]\ne[]\nf[][]\ng[][]\nh[]\n');
  });

  it('treats lambdas, delimiter changes and comments as plain template text', async () => {
    const report = await renderOverride(INJECTION, {
      'preparatory.md.mustache': '{{! a comment }}{{=<% %>=}}[<%programme.name%>][<%{programme.name}%>][<%& programme.name%>]<%={{ }}=%>[{{#lambda}}x{{/lambda}}]',
    });
    const name = '\\<script\\>window.\\_\\_pwned = 1; alert(\'programme\')\\</script\\> Network';
    expect(report.markdown).toBe(`[${name}][${name}][${name}][]\n`);
  });

  it('keeps user data escaped under triple braces and {{& }}', async () => {
    const report = await renderOverride(
      INJECTION,
      { 'roadmap.md.mustache': '{{#roadmaps}}{{{title}}}|{{&title}}|{{title}}\n{{#activities}}{{{activity}}}\n{{/activities}}{{/roadmaps}}' },
      'roadmap',
    );
    const [first, ...rest] = report.markdown.trimEnd().split('\n');
    const parts = first!.split(/(?<!\\)\|/);
    expect(new Set(parts).size).toBe(1);
    expect(parts[0]).toBe('\\<img src=x onerror=alert(1)\\> road map \\| title');
    expect(rest.join('\n')).toContain('\\</text\\>\\<script\\>window.\\_\\_pwned=1\\</script\\>');
  });

  it('renders <script>, event handlers and javascript: links written in a template as inert text in HTML', async () => {
    const report = await renderOverride(VALID, {
      'preparatory.md.mustache': [
        '# {{title}}',
        '',
        '<script>window.__pwned = 1</script>',
        '',
        '<img src=x onerror="window.__pwned=1">',
        '',
        '<style>@import url(https://example.org/x.css); body { background: url(https://example.org/x.png) }</style>',
        '',
        '[click](javascript:window.__pwned=1) [data](data:text/html,<script>alert(1)</script>) [ok](https://example.org)',
        '',
        '![tracker](https://example.org/pixel.png) <iframe src="https://example.org"></iframe>',
        '',
        '<a href="javascript:alert(1)">raw link</a> <svg onload=alert(1)></svg> line<br>break',
      ].join('\n'),
    });
    const html = reportToHtml(report);
    const body = html.slice(html.indexOf('<body>'));
    expect(body).not.toMatch(/<(script|img|style|iframe|svg|object|embed|link|meta)\b/i);
    expect(body).not.toMatch(/<a\s[^>]*href="(?!https?:|mailto:|#)/i);
    expect(body).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
    expect(body).toContain('&lt;script&gt;window.__pwned = 1&lt;/script&gt;');
    expect(body).toContain('<a href="https://example.org">ok</a>');
    expect(body).toContain('<a href="https://example.org/pixel.png">tracker</a>');
    expect(body).toContain('line&lt;br&gt;break');
    // Only <style> in the head, lamd's own; the page may fetch nothing and run nothing.
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"`);
  });
});

describe('a hostile override cannot loop or explode', () => {
  it('stops a partial that includes itself', async () => {
    const ws = await loadValid(workspaceWith(VALID, { 'preparatory.md.mustache': '{{> loop}}', '_loop.md.mustache': 'x{{> loop}}' }));
    expect(() => render(ws, 'preparatory', 'en')).toThrow(/nested more than 16 deep/);
  });

  it('stops sections nested to repeat without end', async () => {
    const nest = (depth: number): string => (depth === 0 ? '{{phase}}' : `{{#calendar}}${nest(depth - 1)}{{/calendar}}`);
    const ws = await loadValid(workspaceWith(VALID, { 'preparatory.md.mustache': nest(12) }));
    const { time } = timeWorkSync(() => expect(() => render(ws, 'preparatory', 'en')).toThrow(/too much work/));
    expect(time.cpuMs, describeWorkTime(time)).toBeLessThan(15_000);
  });

  it('stops partials that fan out, naming the template and the partial, within a second or two', async () => {
    // Sixteen partials, each including the next three times: 43 million inclusions if let run.
    const templates: Record<string, string> = { 'preparatory.md.mustache': '# Fan-out\n{{> p1}}\n', '_p16.md.mustache': 'leaf {{title}}\n' };
    for (let i = 1; i < 16; i++) templates[`_p${i}.md.mustache`] = `a{{> p${i + 1}}}{{> p${i + 1}}}{{> p${i + 1}}}\n`;
    const ws = await loadValid(workspaceWith(VALID, templates));
    const { time } = timeWorkSync(() =>
      expect(() => render(ws, 'preparatory', 'en')).toThrow(
        /^templates\/reports\/preparatory\.md\.mustache includes partials more than 100,000 times \(in templates\/reports\/_p\d+\.md\.mustache, included through \{\{> p1\}\} → \{\{> p2\}\} → \{\{> p3\}\} → … → /,
      ),
    );
    // Today about 0.5 s; before the bound, 45–127 s. Generous, so a busy machine cannot fail it.
    expect(time.cpuMs, describeWorkTime(time)).toBeLessThan(10_000);
  });

  it('stops a template whose output grows past the size budget, naming the partial', async () => {
    // Few inclusions, each writing a lot: a 400 KB partial included 4^6 times is over 1 GB.
    const big = 'x'.repeat(400 * 1024);
    const templates: Record<string, string> = { 'preparatory.md.mustache': '{{> b1}}', '_b7.md.mustache': big };
    for (let i = 1; i < 7; i++) templates[`_b${i}.md.mustache`] = `{{> b${i + 1}}}{{> b${i + 1}}}{{> b${i + 1}}}{{> b${i + 1}}}`;
    const ws = await loadValid(workspaceWith(VALID, templates));
    const { time } = timeWorkSync(() => expect(() => render(ws, 'preparatory', 'en')).toThrow(/produces more than 64 MB of Markdown \(in templates\/reports\/_b7\.md\.mustache, included through/));
    expect(time.cpuMs, describeWorkTime(time)).toBeLessThan(10_000);
  });

  it('reports a malformed template at its line and column, saying what is wrong in the person\'s language', async () => {
    const failure = async (templates: Record<string, string>, lang: 'en' | 'fr' = 'en') => {
      const ws = await loadValid(workspaceWith(VALID, templates));
      try {
        render(ws, 'preparatory', 'en');
      } catch (error) {
        return renderText(lang, (error as TemplateError).text!);
      }
      throw new Error('the template rendered');
    };
    const file = 'templates/reports/preparatory.md.mustache';
    expect(await failure({ 'preparatory.md.mustache': '# x\n{{#municipalities}} never closed\n' })).toBe(`${file}:2:1: the section {{#municipalities}} that starts here is never closed; add {{/municipalities}} where it should end.`);
    expect(await failure({ 'preparatory.md.mustache': '{{#a}}{{^b}}{{/b}}\n  {{^a}}\n' })).toBe(`${file}:2:3: the section {{^a}} that starts here is never closed; add {{/a}} where it should end.`);
    expect(await failure({ 'preparatory.md.mustache': '# x\n{{#a}}\n{{/b}}\n' })).toBe(`${file}:3:1: {{/b}} comes while the section {{#a}} is still open; close that section first with {{/a}}, or correct the name.`);
    expect(await failure({ 'preparatory.md.mustache': '# x\n  {{/b}}\n' })).toBe(`${file}:2:3: {{/b}} closes a section that is not open; remove it, or open the section before it with {{#b}}.`);
    expect(await failure({ 'preparatory.md.mustache': '# {{title}}\nabc {{title\n\nmore' })).toBe(`${file}:2:5: the tag that starts here with {{ is never closed; end it with }}.`);
    // In a partial, the partial is named.
    expect(await failure({ 'preparatory.md.mustache': '# x\n{{> broken}}\n', '_broken.md.mustache': 'ok\n{{#x}}\n' })).toBe('templates/reports/_broken.md.mustache:2:1: the section {{#x}} that starts here is never closed; add {{/x}} where it should end.');
    expect(await failure({ 'preparatory.md.mustache': '# x\n  {{/b}}\n' }, 'fr')).toBe(`${file}:2:3\u00a0: {{/b}} ferme une section qui n’est pas ouverte\u202f; supprimez-le, ou ouvrez la section avant lui avec {{#b}}.`);
    // Tags inside a comment are no tags: the section open is the one outside it.
    expect(await failure({ 'preparatory.md.mustache': '{{#a}}\n{{! was {{#b}} }}\n' })).toBe(`${file}:1:1: the section {{#a}} that starts here is never closed; add {{/a}} where it should end.`);
    expect(await failure({ 'preparatory.md.mustache': '{{#a}}\n{{! {{/a}} }}\n' })).toBe(`${file}:1:1: the section {{#a}} that starts here is never closed; add {{/a}} where it should end.`);
    // With other delimiters, lamd cannot find the opening tag: the section is named, at the end of the file
    // where Mustache found it open, in no delimiters the file does not use.
    expect(await failure({ 'preparatory.md.mustache': '{{=<% %>=}}\n<%#a%>\n' })).toBe(`${file}:3:1: the section "a" is still open at the end of the file; close it where it should end.`);
    expect(await failure({ 'preparatory.md.mustache': '{{=<% %>=}}\n<%#a%>\n' }, 'fr')).toBe(
      `${file}:3:1\u00a0: la section «\u202fa\u202f» est encore ouverte à la fin du fichier\u202f; fermez-la là où elle doit finir.`,
    );
    // An error lamd has no words for, as Mustache words it.
    expect(await failure({ 'preparatory.md.mustache': '{{==}}' })).toBe(`${file}: Invalid tags: `);
  });
});
