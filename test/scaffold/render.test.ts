// Template values are escaped for the file they land in: any name round-trips through YAML, shows
// as typed in Markdown, and no template can bypass the escaping.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { markdownText, renderText, yamlValue } from '../../src/scaffold/render.js';
import { REPO } from '../helpers/lamd.js';

const TRICKY = [
  'Sfax',
  'صفاقس',
  'Tiranë',
  'a: b # c',
  "it's \"quoted\"",
  'NO',
  'yes',
  'null',
  '~',
  '12',
  '0o17',
  '1:20',
  '- dash',
  '? question',
  '[bracket]',
  '{brace}',
  '*star',
  '&anchor',
  '!tag',
  '%percent',
  '@at',
  '`tick',
  '|pipe',
  '>fold',
  ' leading space',
  'trailing space ',
  'line\nbreak',
  'tab\there',
  '',
  'Réseau: "méditerranéen" # test',
  'x'.repeat(300),
];

describe('yamlValue', () => {
  it.each(TRICKY.map((s) => [s]))('%j round-trips as a mapping value and inside a flow list', (value) => {
    const block = YAML.parse(`name: ${yamlValue(value)}\n`, { version: '1.2' }) as { name: unknown };
    expect(block.name).toBe(value);
    expect(yamlValue(value)).not.toContain('\n');
    const flow = YAML.parse(`list: ${yamlValue([value, 'other'])}\n`, { version: '1.2' }) as { list: unknown };
    expect(flow.list).toEqual([value, 'other']);
  });

  it('also reads the same under YAML 1.1, which older tools use', () => {
    for (const value of ['NO', 'yes', 'on', '1:20', '010', '2021-05-01x', '1_000']) {
      expect((YAML.parse(`v: ${yamlValue(value)}\n`, { version: '1.1' }) as { v: unknown }).v).toBe(value);
    }
  });

  it('writes dates plain and SDG targets quoted, as lamd reads them', () => {
    expect(yamlValue('2025-01-01')).toBe('2025-01-01');
    expect(yamlValue('2025-01')).toBe('2025-01');
    expect(yamlValue(['10.7', '10.c'])).toMatch(/^\["10\.7", "?10\.c"?\]$/);
    expect(yamlValue('10')).toBe('"10"');
    // A name or a year of four digits is a number to a YAML reader unless quoted.
    expect(yamlValue('2030')).toBe('"2030"');
    expect(yamlValue('0123')).toBe('"0123"');
    expect(yamlValue(['fr', 'ar'])).toBe('[fr, ar]');
  });
});

describe('markdownText', () => {
  it('neutralises Markdown and HTML', () => {
    expect(markdownText('*a* _b_ [c](d) <script>x</script> | # & `e`')).toBe('\\*a\\* \\_b\\_ \\[c\\]\\(d\\) &lt;script\\>x&lt;/script\\> \\| \\# &amp; \\`e\\`');
    expect(markdownText('line\nbreak')).toBe('line break');
    expect(markdownText('صفاقس')).toBe('صفاقس');
  });
});

describe('renderText', () => {
  it('escapes every value for the kind of file', () => {
    expect(renderText('x.yaml', 'name: {{name}}\n', { name: 'a: b' })).toBe('name: "a: b"\n');
    expect(renderText('x.md', '# {{name}}\n', { name: '*a*' })).toBe('# \\*a\\*\n');
    expect(renderText('x.json', '{"a": {{name}}}', { name: 'q"' })).toBe('{"a": "q\\""}');
  });

  it('refuses placeholders that would bypass the escaping', () => {
    expect(() => renderText('x.yaml', 'name: {{{name}}}\n', { name: 'a' })).toThrow(/unescaped placeholder/);
    expect(() => renderText('x.yaml', 'name: {{&name}}\n', { name: 'a' })).toThrow(/unescaped placeholder/);
    expect(() => renderText('x.txt', '{{name}}\n', { name: 'a' })).toThrow(/does not know how to escape/);
  });

  it('no shipped scaffold template uses an unescaped placeholder', () => {
    const walk = (dir: string): string[] => readdirSync(dir).flatMap((e) => (statSync(join(dir, e)).isDirectory() ? walk(join(dir, e)) : [join(dir, e)]));
    const files = ['workspace', 'municipality', 'examples', 'new'].flatMap((d) => walk(join(REPO, 'templates', d)));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) expect(readFileSync(file, 'utf8'), file).not.toMatch(/\{\{\{|\{\{&/);
  });
});
