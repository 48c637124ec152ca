// The one walk of the date and contact-data checks (src/check/string-walk.ts): what each finds, in the
// order each has always found it; the rule takes the check's walk from its context.
import { describe, expect, it } from 'vitest';
import { walkStrings } from '../../src/check/string-walk.js';
import { contactDataIn } from '../../src/check/contact-data.js';
import { schemaDateShape } from '../../src/calendar/dates.js';
import type { LoadedDocument } from '../../src/workspace/load.js';

const doc = (file: string, value: Record<string, unknown>): LoadedDocument => ({ file, kind: 'roadmap', value });

describe('walkStrings', () => {
  const documents = [
    doc('a.yaml', {
      kind: 'roadmap',
      contact: 'mario.rossi@comune.example.it',
      period: { start: '2024-05-01', end: '2024-02-30' },
      actions: [
        { id: 'a1', start: '2024-06-01', end: '2024-01-01', notes: ['call +39 02 1234 5678', 'fine'] },
        { id: 'a2', date: '2023-02-29', url: 'https://example.org/tel/0612345678' },
      ],
      links: { url: ['tel: 06 12 34 56 78'] },
    }),
    doc('b.yaml', { kind: 'roadmap', owner: 'tel. 0661 234 567', adopted: '2024-13-01' }),
  ];

  it('finds the dates and the contact data each check finds, each in its own order', () => {
    const found = walkStrings(documents);
    const where = (list: typeof found.dates) => list.map((f) => `${f.doc.file}#${f.pointer} ${f.ruleId}`);
    // A mapping's own values before its children, children last to first.
    expect(where(found.dates)).toEqual(['a.yaml#/actions/1/date dates/valid', 'a.yaml#/actions/0/end dates/order', 'a.yaml#/period/end dates/valid']);
    // The list under `url` holds addresses, not read; `url` in a mapping neither.
    expect(where(found.contactData)).toEqual(['a.yaml#/contact privacy/contact-data', 'a.yaml#/actions/0/notes/0 privacy/contact-data', 'b.yaml#/owner privacy/contact-data']);
  });

  it('reads a date-keyed value in a date\'s shape for no contact data, which no such value holds', () => {
    // The walk skips contact data in them (string-walk.ts): every shape the schema takes, checked.
    const pad = (n: number, width: number) => String(n).padStart(width, '0');
    let shapes = 0;
    const readAsContactData: string[] = [];
    for (let year = 0; year <= 9999; year += 1) {
      const values = [pad(year, 4)];
      if (year % 97 === 0) for (let month = 0; month <= 13; month++) values.push(`${pad(year, 4)}-${pad(month, 2)}`, ...Array.from({ length: 33 }, (_, day) => `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`));
      for (const value of values) {
        if (!schemaDateShape(value)) continue;
        shapes++;
        if (contactDataIn(value) !== undefined) readAsContactData.push(value);
      }
    }
    expect(shapes).toBeGreaterThan(40_000);
    expect(readAsContactData).toEqual([]);
    // Not in a date's shape: read as any other text.
    const found = walkStrings([doc('c.yaml', { kind: 'roadmap', start: '+39 02 1234 5678' })]);
    expect(found.contactData.map((f) => f.pointer)).toEqual(['/start']);
  });

  it('is what the contact-data rule reports, walked once by the check or by the rule alone', async () => {
    const { rule } = await import('../../src/check/method/privacy-contact-data.js');
    const context = { documents, index: {} as never, today: '2026-06-30' };
    const found = walkStrings(documents);
    expect(rule.check({ ...context, strings: found })).toBe(found.contactData);
    expect(rule.check(context)).toEqual(found.contactData);
  });
});
