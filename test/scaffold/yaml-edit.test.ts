// Appending to a person's lamd.yaml or stakeholders.yaml keeps everything they wrote.
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { appendToList } from '../../src/scaffold/yaml-edit.js';

const ENTRY = `- slug: sfax
  name: "صفاقس: x # y"
  country: TN
  # lead_unit: to fill in
`;

const USER_FILE = `# yaml-language-server: $schema=.lamd/schemas/workspace.schema.json
# My programme, my comments.
schema_version: 1
kind: workspace   # kind after version: the user's order
programme: { name: Test network }   # inline comment, odd spacing
municipalities:
    -   slug: milan    # the first
        name: 'Milano'
        languages: [ it ]
        # a note inside milan
    # a comment before tirana
    -   { slug: tirana, name: "Tiranë", country: AL }
        # a note under tirana
# About the calendar
calendar:
  preparatory: { start: 2020-07-01 }
`;

describe('appendToList', () => {
  it('inserts the entry after the last item, leaving every other byte as it was', () => {
    const out = appendToList(USER_FILE, 'municipalities', ENTRY, 'lamd.yaml');
    const insertion = `    - slug: sfax\n      name: "صفاقس: x # y"\n      country: TN\n      # lead_unit: to fill in\n`;
    const at = USER_FILE.indexOf('# About the calendar');
    expect(out).toBe(USER_FILE.slice(0, at) + insertion + USER_FILE.slice(at));
    expect((YAML.parse(out) as { municipalities: unknown[] }).municipalities).toEqual([
      { slug: 'milan', name: 'Milano', languages: ['it'] },
      { slug: 'tirana', name: 'Tiranë', country: 'AL' },
      { slug: 'sfax', name: 'صفاقس: x # y', country: 'TN' },
    ]);
  });

  it('works on a file without a final line break, and on a list at the end of the file', () => {
    const text = 'kind: stakeholders\nstakeholders:\n  - id: a\n    name: A';
    const out = appendToList(text, 'stakeholders', '- id: b\n  name: B\n', 'stakeholders.yaml');
    expect(out).toBe('kind: stakeholders\nstakeholders:\n  - id: a\n    name: A\n  - id: b\n    name: B\n');
  });

  it('handles an unindented block list', () => {
    const text = 'municipalities:\n- slug: a\n  name: A\nother: 1\n';
    expect(appendToList(text, 'municipalities', '- slug: b\n  name: B\n', 'lamd.yaml')).toBe('municipalities:\n- slug: a\n  name: A\n- slug: b\n  name: B\nother: 1\n');
  });

  it('rebuilds flow lists through the Document API, keeping comments and key order', () => {
    const text = '# head\nzeta: 1   # z\nmunicipalities: [{ slug: a, name: A }]\nalpha: 2\n';
    const out = appendToList(text, 'municipalities', ENTRY, 'lamd.yaml');
    expect(YAML.parse(out)).toEqual({ zeta: 1, municipalities: [{ slug: 'a', name: 'A' }, { slug: 'sfax', name: 'صفاقس: x # y', country: 'TN' }], alpha: 2 });
    expect(out).toMatch(/^# head\nzeta: 1 # z\n/);
    expect(Object.keys(YAML.parse(out) as object)).toEqual(['zeta', 'municipalities', 'alpha']);
  });

  it('creates the list when the key is empty or absent', () => {
    expect(YAML.parse(appendToList('kind: stakeholders\nstakeholders:\n', 'stakeholders', '- id: a\n', 'stakeholders.yaml'))).toEqual({ kind: 'stakeholders', stakeholders: [{ id: 'a' }] });
    expect(YAML.parse(appendToList('# c\nkind: stakeholders\n', 'stakeholders', '- id: a\n', 'stakeholders.yaml'))).toEqual({ kind: 'stakeholders', stakeholders: [{ id: 'a' }] });
  });

  it('refuses files it cannot edit safely', () => {
    expect(() => appendToList('kind: [unclosed\n', 'municipalities', ENTRY, 'lamd.yaml')).toThrow(/lamd.yaml is not well-formed YAML/);
    expect(() => appendToList('- a\n', 'municipalities', ENTRY, 'lamd.yaml')).toThrow(/not a mapping/);
    expect(() => appendToList('municipalities: text\n', 'municipalities', ENTRY, 'lamd.yaml')).toThrow(/is not a list/);
  });
});
