// The translated workspace templates (templates/locales/<lang>/) mirror the English ones: the same
// placeholders, and in YAML files the same keys in the same order, so a workspace made in French or
// Italian holds the same documents as one made in English, only its words and comments differ.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { globSync } from 'tinyglobby';
import { REPO } from '../helpers/lamd.js';

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([#^/>]?\s*[\w./-]+)\s*\}\}/g)].map((m) => m[1]!.replace(/\s+/g, ''));
const keys = (text: string) =>
  text
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .map((line) => /^(\s*(?:-\s+)?)([a-z_]+):/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => `${m[1]!.length}:${m[2]}`);

describe('translated workspace templates', () => {
  const translated = globSync('templates/locales/*/**/*', { cwd: REPO });
  it('exist in French and Italian for every template lamd init writes with words', () => {
    for (const lang of ['fr', 'it']) {
      for (const name of ['workspace/README.md', 'workspace/lamd.yaml', 'workspace/stakeholders.yaml', 'workspace/activities/README.md', 'workspace/_github/workflows/lamd.yml', 'workspace/_vscode/tasks.json', 'municipality/entry.yaml', 'municipality/profile.yaml', 'examples/practice.yaml', 'examples/roadmap.yaml']) {
        expect(translated, `${lang}/${name}`).toContain(`templates/locales/${lang}/${name}`);
      }
    }
  });

  for (const file of translated) {
    const english = file.replace(/^templates\/locales\/[a-z]{2}\//, 'templates/');
    const yaml = /\.ya?ml$/.test(file);
    it(`${file} has the placeholders${yaml ? ' and the keys' : ''} of ${english}`, () => {
      const [ours, theirs] = [readFileSync(join(REPO, file), 'utf8'), readFileSync(join(REPO, english), 'utf8')];
      expect(placeholders(ours).sort()).toEqual(placeholders(theirs).sort());
      if (yaml) expect(keys(ours)).toEqual(keys(theirs));
      // VS Code's tasks: only what a person reads (label, detail) is translated, never what runs.
      if (file.endsWith('.json')) expect(JSON.parse(ours, (key, value: unknown) => (key === 'label' || key === 'detail' ? '' : value))).toEqual(JSON.parse(theirs, (key, value: unknown) => (key === 'label' || key === 'detail' ? '' : value)));
    });
  }
});
