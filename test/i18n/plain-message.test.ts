// Fixed-text messages skip the ICU parser (isPlainMessage): for every message lamd ships, and for the
// apostrophe and bracket cases ICU treats specially, that shortcut gives what intl-messageformat gives.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { isPlainMessage } from '../../src/i18n/format.js';
import { REPO } from '../helpers/lamd.js';
import { readReportCatalogue } from '../report/helpers.js';
import { REPORT_LANGUAGES } from '../../src/report/i18n.js';

/** What intl-messageformat prints for a message given no values, as lamd compiles it (no rich-text tags). */
function formattedByIcu(source: string): string {
  return String(new IntlMessageFormat(source, 'en-GB', undefined, { ignoreTag: true }).format());
}

describe('isPlainMessage', () => {
  it('lets through exactly the texts ICU prints as they are written', () => {
    const cases = [
      "lamd's help",
      'a < b > c, 50 % # 1',
      '',
      "it's 'quoted' text",
      "two apostrophes '' become one",
      "'{not an argument}'",
      "'<b>' quoted",
      "a '} b",
      '{count} files',
      '<b>bold</b>',
    ];
    for (const source of cases) {
      if (isPlainMessage(source)) expect(formattedByIcu(source), source).toBe(source);
    }
    expect(isPlainMessage("lamd's help")).toBe(true);
    expect(isPlainMessage('a < b > c, 50 % # 1')).toBe(true);
    expect(isPlainMessage("two apostrophes '' become one")).toBe(false);
    expect(isPlainMessage("'<b>' quoted")).toBe(false);
    expect(isPlainMessage('{count} files')).toBe(false);
  });

  it('agrees with intl-messageformat on every message of the CLI and report catalogues', () => {
    const sources: string[] = [];
    for (const file of readdirSync(join(REPO, 'messages')).filter((f) => f.endsWith('.json'))) {
      sources.push(...Object.values(JSON.parse(readFileSync(join(REPO, 'messages', file), 'utf8')) as Record<string, string>));
    }
    for (const lang of REPORT_LANGUAGES) sources.push(...readReportCatalogue(lang).values());
    const plain = sources.filter(isPlainMessage);
    // Most of the help is fixed text: that is what the shortcut is for.
    expect(plain.length).toBeGreaterThan(sources.length / 3);
    for (const source of plain) expect(formattedByIcu(source), source).toBe(source);
  });
});
