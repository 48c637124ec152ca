// Bad input becomes one clear diagnostic on the file, never an exception.
import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, parseSource, readSource } from '../../src/workspace/source.js';

const parse = (content: string | Uint8Array) => parseSource('f.yaml', typeof content === 'string' ? new TextEncoder().encode(content) : content);
const where = (content: string | Uint8Array) =>
  parse(content).diagnostics.map((d) => `${d.ruleId}${d.range ? ` ${d.range.start.line}:${d.range.start.column}` : ''}`);

describe('reading a file', () => {
  it('reads one well-formed document', () => {
    expect(parse('kind: roadmap\nid: x\n')).toMatchObject({ value: { kind: 'roadmap', id: 'x' }, diagnostics: [] });
  });

  it('skips a UTF-8 byte order mark', () => {
    expect(parse('\uFEFFkind: roadmap\n').value).toEqual({ kind: 'roadmap' });
  });

  it('reports an empty file, a blank one and one with only comments', () => {
    expect(where('')).toEqual(['file/empty']);
    expect(where('  \n\n')).toEqual(['file/empty']);
    expect(where('# just a comment\n')).toEqual(['file/empty']);
  });

  it('reports a binary file', () => {
    expect(where(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]))).toEqual(['file/binary']);
  });

  it('points at the bracket or quote left open, not at the end of the file', () => {
    expect(where('kind: practice\nid: x\ntitle: [\nmunicipality: milan\n')).toEqual(['yaml/syntax 3:8']);
    expect(where('kind: practice\n# a [comment\nstrengths: [a, "b]", \'c\'\'s\']\ntitle: {\nid: x\n')).toEqual(['yaml/syntax 4:8']);
    expect(where('kind: practice\ntitle: "abc\nid: x\n')).toEqual(['yaml/syntax 2:8']);
    // A `---` line ends the document, and the quote with it.
    expect(where('kind: practice\ntitle: "abc\n---\nid: x\n')).toEqual(['yaml/syntax 2:8']);
    // An apostrophe inside plain text opens nothing.
    expect(where("kind: practice\ndescription: rock 'n roll\ntitle: [\n")).toEqual(['yaml/syntax 3:8']);
    expect(parse('kind: practice\ntitle: [\n').diagnostics[0]!.message).toBe('YAML syntax error: The `[` opened here is never closed, so the rest of the file is read as part of it. Close it on the same line.');
  });

  it('reports a UTF-16 file as an encoding to change, not as binary', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'kind: roadmap\n'].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(where(utf16)).toEqual(['file/encoding']);
    expect(parse(utf16).diagnostics[0]!.message).toMatch(/saved as UTF-16; lamd reads UTF-8/);
  });

  it('reports invalid UTF-8 with its line', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('kind: profile\nname: Tiran'), 0xeb, 0x0a]);
    const diagnostics = parse(bytes).diagnostics;
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['file/encoding']);
    expect(diagnostics[0]!.range?.start).toEqual({ line: 2, column: 12 });
    expect(diagnostics[0]!.message).toContain('not valid UTF-8');
  });

  it('reports a file larger than lamd reads', () => {
    expect(where(new Uint8Array(MAX_FILE_BYTES + 1).fill(0x61))).toEqual(['file/too-large']);
  });

  it('reports a YAML syntax error at its line and column', () => {
    // An unclosed quote is found only at the end of the file; the diagnostic points where it opens.
    expect(where('kind: roadmap\ntitle: "open\n')).toEqual(['yaml/syntax 2:8']);
  });

  it('reports a duplicate key by name at the second occurrence', () => {
    const d = parse('kind: roadmap\nid: a\nid: b\n').diagnostics;
    expect(d.map((x) => `${x.ruleId} ${x.range?.start.line}:${x.range?.start.column}`)).toEqual(['yaml/duplicate-key 3:1']);
    expect(d[0]!.message).toContain('`id`');
  });

  it('reports several documents in one file at the second one', () => {
    expect(where('kind: roadmap\n---\nkind: practice\n')).toEqual(['file/multi-document 2:1']);
  });

  it('stops an alias bomb quickly, on the slow path that reads aliases too', async () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    // 9^12 values if expanded: finishing at all (within the test timeout) is the point.
    const text = levels.join('\n') + '\n';
    const result = await readSource('f.yaml', new TextEncoder().encode(text));
    expect(parse(text).slowPath).toBe(true);
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['yaml/alias-limit']);
    expect(result.value).toBeUndefined();
  });

  it('reads up to 200,000 values through aliases, the documented limit, and stops past it', async () => {
    // Each level lists the one before ten times: level n expands to 1 + 10 × (level n-1) values.
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (const [prev, name] of [['a', 'b'], ['b', 'c'], ['c', 'd'], ['d', 'e']]) levels.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(', ')}]`);
    // 123,456 values with the mapping itself: within the limit.
    const within = `${levels.join('\n')}\n`;
    expect(parse(within).diagnostics).toEqual([]);
    expect((await readSource('f.yaml', new TextEncoder().encode(within))).diagnostics).toEqual([]);
    // Twice level e more: 345,679 values, past it.
    const past = `${within}f: [*e, *e]\n`;
    const stopped = parse(past).diagnostics;
    expect(stopped.map((d) => d.ruleId)).toEqual(['yaml/alias-limit']);
    expect(stopped[0]!.message).toContain('more than 200,000 values');
    expect((await readSource('f.yaml', new TextEncoder().encode(past))).diagnostics.map((d) => d.ruleId)).toEqual(['yaml/alias-limit']);
  });

  it('reports a __proto__ key without polluting any prototype', () => {
    const result = parse('kind: roadmap\n__proto__:\n  polluted: true\n');
    expect(result.diagnostics.map((d) => [d.ruleId, d.pointer])).toEqual([['document/unsafe-key', '/__proto__']]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
