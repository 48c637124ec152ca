// The format registry: every format the CLI offers loads a formatter, and only on demand.
import { describe, expect, it } from 'vitest';
import { FORMATS, isFormatName, loadFormatter, type FormatName } from '../../src/format/index.js';
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

  it('knows the names of the formats, and refuses another', async () => {
    expect(isFormatName('sarif')).toBe(true);
    expect(isFormatName('xml')).toBe(false);
    await expect(loadFormatter('xml' as FormatName)).rejects.toThrow(/Unknown output format: xml/);
  });
});
