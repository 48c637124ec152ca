// Every message of the report catalogues is used: a key no code or template asks for is a message a
// translator keeps up for nothing (phrase.risk_mitigated was one). A key is used when it is written
// out in src/ or in templates/reports, or when it belongs to a family of keys that code builds at run
// time, listed below with the code that builds it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReportCatalogue, REPO } from './helpers.js';

/** Key families built at run time: the prefix, and the template literal in src/ that builds its keys. */
const DYNAMIC: ReadonlyArray<{ prefix: string; builtBy: string; file: string }> = [
  { prefix: 'heading.report_', builtBy: 'heading.report_${phase}', file: 'src/report/views/context.ts' },
  { prefix: 'label.', builtBy: 'label.${group}.${value}', file: 'src/report/i18n.ts' },
  { prefix: 'sheet.column.', builtBy: 'sheet.column.${key}', file: 'src/export/progress-template.ts' },
  { prefix: 'sheet.problem.', builtBy: 'sheet.problem.${code}', file: 'src/import/progress.ts' },
];

describe('the report catalogues', () => {
  it('hold no key that neither code nor templates use', async () => {
    const { globSync } = await import('tinyglobby');
    const files = globSync(['src/**/*.ts', 'templates/reports/**/*'], { cwd: REPO, ignore: ['templates/reports/i18n/**'] });
    expect(files.length).toBeGreaterThan(50);
    const sources = files.map((file) => readFileSync(join(REPO, file), 'utf8')).join('\n');
    // `phrase.period` is not used because `phrase.period_from` is: a key ends where the word ends.
    const written = (key: string) => new RegExp(`(?<![\\w-])${key.replace(/\./g, '\\.')}(?![\\w-])`).test(sources);
    const unused = [...readReportCatalogue('en').keys()].filter((key) => !written(key) && !DYNAMIC.some((family) => key.startsWith(family.prefix)));
    expect(unused, 'delete these from the five catalogues, or list the family that builds them').toEqual([]);
  });

  it('list only families that code still builds', () => {
    for (const family of DYNAMIC) expect(readFileSync(join(REPO, family.file), 'utf8'), family.prefix).toContain(family.builtBy);
  });
});
