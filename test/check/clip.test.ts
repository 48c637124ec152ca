// Messages quote a document's keys and ids by their head, so a key of megabytes gives a short line.
import { describe, expect, it } from 'vitest';
import { clipMessage, MAX_MESSAGE } from '../../src/check/clip.js';

describe('clipMessage', () => {
  it('leaves ordinary messages alone', () => {
    const message = '`titel` is not a field lamd knows in `objectives[0]`; did you mean `title`?';
    expect(clipMessage(message, 'en')).toBe(message);
    const prose = `The text between two quotes is never cut: \`a\` ${'x'.repeat(200)} \`b\`.`;
    expect(clipMessage(prose, 'en')).toBe(prose);
  });

  it('cuts a long quoted key to its head and says how long it is', () => {
    const key = 'k'.repeat(4_900_000);
    expect(clipMessage(`\`${key}\` is not a field lamd knows. Known fields: \`kind\`, \`id\`.`, 'en')).toBe(
      `\`${'k'.repeat(60)}…\` (4,900,000 characters) is not a field lamd knows. Known fields: \`kind\`, \`id\`.`,
    );
    // An unpaired backtick quotes nothing; a message too long anyway is cut as a whole.
    const unpaired = clipMessage(`One \` then ${'y'.repeat(5000)}`, 'en');
    expect(unpaired.length).toBe(MAX_MESSAGE + 1);
    // A surrogate pair is never split.
    expect(clipMessage(`\`${'🚀'.repeat(100)}\``, 'en')).toBe(`\`${'🚀'.repeat(30)}…\` (200 characters)`);
  });

  it('says the length in the language of the run, with its digits grouped the way that language groups them', () => {
    const message = `\`${'x'.repeat(12_345)}\` n’est pas un champ que lamd connaît.`;
    expect(clipMessage(message, 'fr')).toBe(`\`${'x'.repeat(60)}…\` (12\u202f345 caractères) n’est pas un champ que lamd connaît.`);
    expect(clipMessage(`\`${'x'.repeat(120)}\``, 'it')).toBe(`\`${'x'.repeat(60)}…\` (120 caratteri)`);
  });
});
