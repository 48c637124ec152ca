// privacy/contact-data runs its Unicode-aware patterns only on strings that pass cheap tests (an `@`;
// a run of digits, then nine digits or a phone keyword): on thousands of seeded texts built from the
// pieces contact data and look-alikes are made of, the verdict must be the patterns' own.
import { describe, expect, it } from 'vitest';
import { CONTACT_PATTERNS, contactDataIn } from '../../src/check/contact-data.js';
import { random } from '../fuzz/mutants.js';

const PIECES = [
  '0', '1', '2', '5', '6', '9', '00', '06', '+', '+39', '(', ')', ' ', ' ', '-', '.', '/', ',', ':', '@', 'a', 'x', 'é', '٣',
  'tel', 'Tel.', 'TÉL', 'tél:', 'Phone', 'PHONE', 'telefono', 'cell', 'Mobile', 'mob', 'FAX', 'fax:', 'telephone',
  '2024-03-01', '0661234567', '06 61 23 45 67', '+212 539 12 34 56', 'desk@tanger.ma', 'a.b@c.org', '1000000', ' residents',
];

/** What the patterns alone say of `text`. */
function slowly(text: string): 'email' | 'phone' | undefined {
  return CONTACT_PATTERNS.EMAIL.test(text) ? 'email' : CONTACT_PATTERNS.PHONE.test(text) ? 'phone' : undefined;
}

describe('privacy/contact-data’s cheap tests', () => {
  it('never change the patterns’ verdict', () => {
    const next = random(17);
    const wrong: string[] = [];
    const verdicts = { email: 0, phone: 0, none: 0 };
    for (let n = 0; n < 20000; n++) {
      const parts = 1 + Math.floor(next() * 12);
      let text = '';
      for (let p = 0; p < parts; p++) text += PIECES[Math.floor(next() * PIECES.length)];
      const verdict = contactDataIn(text);
      if (verdict !== slowly(text)) wrong.push(text);
      verdicts[verdict ?? 'none']++;
    }
    expect(wrong).toEqual([]);
    // The texts must exercise every verdict for the comparison to mean anything.
    for (const count of Object.values(verdicts)) expect(count).toBeGreaterThan(1000);
  });

  it('leave dates and short figures to no pattern, and still find numbers after a keyword', () => {
    for (const text of ['2024-03-01', 'from 2024-03-01 to 2026-12-31', '12 345 678']) expect(contactDataIn(text), text).toBeUndefined();
    for (const text of ['Tel: 12 34 567', 'TÉL (02) 1234', 'fax 06-12-34']) expect(contactDataIn(text), text).toBe('phone');
  });

  it('find the shortest address and numbers the patterns take, and nothing shorter', () => {
    expect(contactDataIn('a@b.cd')).toBe('email');
    for (const text of ['+123456789', '0612345678', 'tel1234567']) expect(contactDataIn(text), text).toBe('phone');
    for (const text of ['a@b.c', '@b.cd', '+12345678', '061234567', 'tel123456']) expect(contactDataIn(text), text).toBeUndefined();
  });
});
