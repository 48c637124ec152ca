// lamd reads values with js-yaml (fast) and positions with `yaml` (exact ranges). These tests prove
// both read every file the same way: YAML 1.2 core, duplicate keys, one document per file.
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { parseYamlText, readYamlText } from '../../src/workspace/source.js';
import { YAML_PACKAGE_OPTIONS } from '../../src/workspace/yaml-options.js';

function viaYamlPackage(text: string): { value?: unknown; error: boolean } {
  const docs = parseDocument(text, YAML_PACKAGE_OPTIONS);
  // `yaml` reports unknown tags as warnings and unresolved aliases when converting; both are errors to lamd.
  if (docs.errors.length || docs.warnings.length) return { error: true };
  try {
    return { value: docs.toJS({ maxAliasCount: -1 }), error: false };
  } catch {
    return { error: true };
  }
}

async function viaLamd(text: string): Promise<{ value?: unknown; error: boolean }> {
  const parsed = await readYamlText('test.yaml', text);
  const error = parsed.diagnostics.some((d) => d.severity === 'error' && d.ruleId.startsWith('yaml/'));
  return error ? { error } : { value: parsed.value, error };
}

const SCALARS = [
  'NO', 'no', 'yes', 'Yes', 'on', 'off', 'y', 'n', 'true', 'True', 'TRUE', 'tRue', 'false', 'FALSE', 'null', 'Null', 'NULL', '~', '',
  '0', '012', '0o12', '0o8', '0x1F', '0xg', '0b101', '1_000', '+12', '-0', '-12', '1.5', '1e3', '1E3', '+1.5e-3', '1e', 'e3', '.5', '-.5', '+.5',
  '0.', '1.', '+.inf', '.Inf', '-.INF', '.nan', '.NaN', '.NAN', '+.nan', '2021-05-01', '2021-05-01T10:00:00Z', '12:30', '1:20:30',
  '10.7', '10.70', '0012', '+0x1', '-0x1', '-0o7', '"10"', "'yes'", '"2021-05-01"', '!!str 10', '!!int "12"', '"\\u00e9"', 'Tiranë', 'تونس',
];

describe('YAML 1.2 core, read identically by both parsers', () => {
  for (const scalar of SCALARS) {
    it(`reads \`${scalar}\` the same way`, async () => {
      const text = `value: ${scalar}\n`;
      const a = await viaLamd(text);
      const b = viaYamlPackage(text);
      expect(a.error).toBe(b.error);
      expect(a.value).toStrictEqual(b.value);
    });
  }

  it('reads country: NO as Norway and a date as text', async () => {
    expect((await viaLamd('country: NO\ndate: 2021-05-01\n')).value).toStrictEqual({ country: 'NO', date: '2021-05-01' });
  });

  const DOCUMENTS: Record<string, string> = {
    'nested collections': 'a:\n  - b: 1\n    c: [x, "y", 3]\n  - {d: e}\n',
    'block scalars': 'a: |\n  line one\n  line two\nb: >-\n  folded\n  text\n',
    'anchors and aliases': 'base: &b {x: 1}\nuse: *b\nlist: [*b, *b]\n',
    'merge key is an ordinary key in YAML 1.2': 'base: &b {x: 1}\nuse:\n  <<: *b\n  y: 2\n',
    'numeric and boolean keys become strings': '10.7: a\ntrue: b\n1: c\n',
    'quoted keys': '"a b": 1\n\'c\': 2\n',
    comments: '# top\na: 1 # trailing\n',
    'explicit document markers': '---\na: 1\n...\n',
    'empty values': 'a:\nb: ~\nc: ""\n',
  };
  for (const [name, text] of Object.entries(DOCUMENTS)) {
    it(`reads ${name} the same way`, async () => {
      const a = await viaLamd(text);
      const b = viaYamlPackage(text);
      expect(a.error).toBe(false);
      expect(a.value).toStrictEqual(b.value);
    });
  }

  const ERRORS: Record<string, string> = {
    'a duplicate key': 'a: 1\nb: 2\na: 3\n',
    'a duplicate key in a nested mapping': 'a:\n  x: 1\n  x: 2\n',
    'a duplicate key in a flow mapping': 'a: {x: 1, x: 2}\n',
    'bad indentation': 'a:\n  b: 1\n c: 2\n',
    'an unclosed quote': 'a: "open\n',
    'a tab as indentation': 'a:\n\tb: 1\n',
    'an unknown tag': 'a: !custom 1\n',
    'an undefined alias': 'a: *nowhere\n',
  };
  for (const [name, text] of Object.entries(ERRORS)) {
    it(`rejects ${name} in both parsers`, async () => {
      expect((await viaLamd(text)).error).toBe(true);
      expect(viaYamlPackage(text).error).toBe(true);
    });
  }

  it('finds several documents in a file in both parsers', () => {
    const text = 'a: 1\n---\nb: 2\n';
    expect(parseYamlText('t.yaml', text).diagnostics.map((d) => d.ruleId)).toEqual(['file/multi-document']);
    expect(() => parseDocument(text, YAML_PACKAGE_OPTIONS)).not.toThrow();
    expect(parseDocument(text, YAML_PACKAGE_OPTIONS).errors.length).toBeGreaterThan(0);
  });
});
