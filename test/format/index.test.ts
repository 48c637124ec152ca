// The format registry: every format the CLI offers loads a formatter, and only on demand.
import { describe, expect, it } from 'vitest';
import { FORMATS, loadFormatter, type FormatName } from '../../src/format/index.js';
import { MANY, manyContext } from './helpers.js';

describe('loadFormatter', () => {
  it('loads a formatter for every format, each producing text that ends with a newline', async () => {
    expect(FORMATS).toEqual(['pretty', 'json', 'github', 'junit', 'sarif']);
    for (const name of FORMATS) {
      const format = await loadFormatter(name);
      const output = format(MANY, manyContext());
      expect(output.endsWith('\n'), name).toBe(true);
      expect(output, name).toContain('1.2.3');
    }
  });

  it('refuses a format it does not know', async () => {
    await expect(loadFormatter('xml' as FormatName)).rejects.toThrow(/Unknown output format: xml/);
  });
});
