// Generators of YAML for the property tests of the block reader (yaml-block.test.ts) and of the
// locators (locate-equivalence.test.ts, block-positions.test.ts): seeded, so every run tests the same texts.

/** A small document with every shape of the subset, so that mutants reach each of them often. */
export const SMALL = `# a comment
kind: roadmap
id: x-1
title: "Quoted: with \\"escapes\\" and \\u00e9"
other: 'single ''quoted'''
numbers: [1, -2, 3.5, .inf, 0x1F, 0o17, 1e3, ~, null, true, False]
map: { a: 1, b: "two", c: [x, y], d: { e: f } }
text: >-
  folded text
  over lines

    more indented
  end
literal: |
  line one
  line two
keep: |+
  kept

list:
  - plain item # with a comment
  - key: value
    other: 2
  -
    nested: true
  - - inner
    - inner2
same_indent:
- a
- b: c
empty:
last: end
`;

const INSERTS = [':', ': ', '#', ' #', '-', '- ', "'", '"', '[', ']', '{', '}', ',', '|', '>', '|-', '>+', '\t', '\r', '\r\n', '\n', ' ', '  ', '&a ', '*a', '!', '!!str ', '?', '? ', '%', '@', '`', '\\', '\\n', '...', '---', 'x', '0', '~', 'null', 'true', '__proto__', '\u00e9', '\u2028'];

/** One random edit: characters or lines deleted, inserted, duplicated or re-indented. */
export function mutate(text: string, rand: () => number): string {
  const at = Math.floor(rand() * (text.length + 1));
  const lines = text.split('\n');
  const line = Math.floor(rand() * lines.length);
  switch (Math.floor(rand() * 9)) {
    case 0:
      return text.slice(0, at) + text.slice(at + 1 + Math.floor(rand() * 3));
    case 1:
    case 2:
      return text.slice(0, at) + INSERTS[Math.floor(rand() * INSERTS.length)] + text.slice(at);
    case 3:
      return text.slice(0, at) + text.slice(at, at + 1 + Math.floor(rand() * 4)) + text.slice(at);
    case 4:
      lines.splice(line, 1);
      return lines.join('\n');
    case 5:
      lines.splice(line, 0, lines[line]!);
      return lines.join('\n');
    case 6:
      lines[line] = ' '.repeat(1 + Math.floor(rand() * 2)) + lines[line];
      return lines.join('\n');
    case 7:
      lines[line] = lines[line]!.replace(/^ {1,2}/, '');
      return lines.join('\n');
    default: {
      // A line's text placed at the start of another: keys, items and scalars where they do not belong.
      const other = lines[Math.floor(rand() * lines.length)]!.trimStart();
      lines[line] = lines[line]!.replace(/^( *)/, `$1${other.slice(0, Math.floor(rand() * (other.length + 1)))}`);
      return lines.join('\n');
    }
  }
}

const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
const some = (rand: () => number, most: number) => Math.floor(rand() * (most + 1));

const KEYS = [
  'a', 'b', 'id', 'kind', 'title', 'the key', '"quoted key"', "'single'", '"1"', 'null', 'true', '-x', 'x.y', 'k_1', 'é', '1', '<<', 'constructor',
  'a key of more than thirteen characters',
];
const SCALARS = [
  'x', 'two words', '1', '-1', '0', '-0', '1.5', '1e3', '0x1A', '0o17', '.NaN', '-.inf', 'TRUE', 'no', '~', 'null', '"s"', "'s'", "'it''s'",
  '"a\\tb \\" \\\\ \\/"', '"\\u00e9"', 'http://x.y/z', 'a,b', 'a]b', 'x # comment', '"" ', "''", '2024-01-01', '"2024-01-01"', '+1', '.5',
  '1_000', '!x', '-', 'a:b', 'a - b', 'Yes',
];
const BLOCK_TEXT = ['one', 'two words', '  indented', '', 'three: x', '# not a comment', '- not an item', '"quoted"'];

/**
 * A random document written the ways people write YAML: block and flow collections, sequences at
 * their key's column or indented, `- key:` mappings, block scalars, indentation of 1 to 4 spaces,
 * comments at any column, blank lines, CRLF.
 */
export function randomDocument(rand: () => number): string {
  const out: string[] = [];
  const width = 1 + some(rand, 3);
  const keys = (most: number) => [...new Set(Array.from({ length: 1 + some(rand, most - 1) }, () => pick(rand, KEYS)))];
  const flowScalar = () => {
    const s = pick(rand, SCALARS);
    return /[,[\]{}#]/.test(s) && !/^["']/.test(s) ? JSON.stringify(s) : s;
  };
  const flow = (depth: number): string => {
    if (depth > 1 || rand() < 0.5) return flowScalar();
    if (rand() < 0.5) return `[${Array.from({ length: some(rand, 3) }, () => flow(depth + 1)).join(pick(rand, [', ', ',', ' , ']))}]`;
    return pick(rand, ['{', '{ ']) + keys(3).map((k) => `${k}: ${flow(depth + 1)}`).join(', ') + pick(rand, ['}', ' }']);
  };
  const nowAndThen = (indent: string) => {
    if (rand() < 0.1) out.push('');
    if (rand() < 0.1) out.push(`${indent.slice(0, some(rand, indent.length + 2))}# comment`);
  };
  // A node whose first line goes after `head` (a key and its colon, or a dash), in a collection at `indent`.
  const node = (head: string, indent: string, depth: number, inSequence: boolean): void => {
    const r = rand();
    if (depth > 3 || r < 0.4) {
      out.push(`${head} ${rand() < 0.3 ? flow(0) : flowScalar()}`);
    } else if (r < 0.5) {
      const pad = indent + ' '.repeat(1 + some(rand, 2));
      out.push(`${head} ${pick(rand, ['|', '>'])}${pick(rand, ['', '-', '+'])}${pick(rand, ['', '', ' # c'])}`);
      for (let n = some(rand, 3); n > 0; n--) {
        const line = pick(rand, BLOCK_TEXT);
        out.push(line === '' ? '' : pad + line);
      }
    } else if (r < 0.55) {
      out.push(head); // an empty value
    } else if (r < 0.75) {
      // A sequence, more indented or (under a key) in the key's own column.
      const at = !inSequence && rand() < 0.3 ? indent : indent + ' '.repeat(width);
      out.push(head);
      for (let n = 1 + some(rand, 2); n > 0; n--) {
        nowAndThen(at);
        node(`${at}-`, `${at}  `, depth + 1, true);
      }
    } else if (inSequence && rand() < 0.6) {
      // A mapping starting on the dash's line.
      keys(3).forEach((k, i) => {
        if (i > 0) nowAndThen(indent);
        node(`${i === 0 ? `${head} ` : indent}${k}:`, indent, depth + 1, false);
      });
    } else {
      const child = indent + ' '.repeat(width);
      out.push(head);
      for (const k of keys(3)) {
        nowAndThen(child);
        node(`${child}${k}:`, child, depth + 1, false);
      }
    }
  };
  if (rand() < 0.2) {
    for (let n = 1 + some(rand, 2); n > 0; n--) node('-', '  ', 0, true);
  } else {
    for (const k of keys(4)) {
      nowAndThen('');
      node(`${k}:`, '', 0, false);
    }
  }
  return out.join(rand() < 0.1 ? '\r\n' : '\n') + (rand() < 0.8 ? '\n' : '');
}

/** A seeded generator of YAML in the styles documents use, with the odd corners the scan must get right or leave. */
export function randomStyledDocument(seed: number): string {
  let state = seed >>> 0 || 1;
  const random = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const keys = ['id', 'title', 'a b', '"quoted key"', "'single'", 'status', 'x', 'id', 'k/j', 'tilde~', '"esc\\"aped"', 'n1'];
  const scalars = [
    'plain',
    'two words',
    '2024-05-01',
    '12',
    '"double"',
    '"with \\" escape"',
    "'single ''quoted'''",
    'url http://x.org/a#b',
    'trailing   ',
    'value # comment',
    '-5',
    '""',
    "''",
    'null',
    '~',
  ];
  const flowScalars = ['a', 'b c', '"q, r"', "'s'", '1', 'http://x'];
  const flow = (depth: number): string => {
    if (random() < 0.5) {
      const items = Array.from({ length: Math.floor(random() * 3) }, () => (depth < 2 && random() < 0.2 ? flow(depth + 1) : pick(flowScalars)));
      return `[${items.join(pick([', ', ',']))}${items.length && random() < 0.2 ? ',' : ''}]`;
    }
    const entries = Array.from({ length: Math.floor(random() * 3) }, () => `${pick(['k', 'role', '"q"', 'k'])}: ${depth < 2 && random() < 0.2 ? flow(depth + 1) : pick(flowScalars)}`);
    return `{${pick([' ', ''])}${entries.join(', ')}${entries.length && random() < 0.2 ? ',' : ''}${pick([' ', ''])}}`;
  };
  const lines: string[] = [];
  const comment = (indent: number) => {
    if (random() < 0.1) lines.push(`${' '.repeat(Math.max(0, indent + pick([0, 0, 2, 5, -2, -indent])))}# a comment`);
    if (random() < 0.08) lines.push('');
  };
  const blockScalar = (indent: number): string[] => {
    const body = Array.from({ length: Math.floor(random() * 3) }, (_, i) => (i === 0 && random() < 0.2 ? '' : `${' '.repeat(indent + 2)}${pick(['text', 'a longer line of text', 'x', '# not a comment'])}`));
    return body;
  };
  const value = (indent: number, depth: number, inSeq: boolean): { inline: string; below: string[] } => {
    const r = random();
    if (depth < 4 && r < 0.25) {
      const saved = lines.length;
      map(indent + pick([2, 2, 4]), depth + 1);
      return { inline: pick(['', '', ' # why']), below: lines.splice(saved) };
    }
    if (depth < 4 && r < 0.4) {
      const saved = lines.length;
      seq(inSeq ? indent + 2 : indent + pick([0, 2]), depth + 1);
      return { inline: '', below: lines.splice(saved) };
    }
    if (r < 0.5) return { inline: ` ${pick(['|', '>', '|-', '>+', '>-  # c'])}`, below: blockScalar(indent) };
    if (r < 0.6) return { inline: ` ${flow(0)}`, below: [] };
    if (r < 0.65) return { inline: ` ${pick(['folded', 'first'])}`, below: [`${' '.repeat(indent + 2)}${pick(['continued', 'more words'])}`] };
    if (r < 0.7) return { inline: '', below: [] };
    return { inline: `${pick([' ', ' ', '   '])}${pick(scalars)}`, below: [] };
  };
  const map = (indent: number, depth: number, first?: string) => {
    const n = 1 + Math.floor(random() * 4);
    for (let i = 0; i < n; i++) {
      comment(indent);
      const key = pick(keys);
      const { inline, below } = value(indent, depth, false);
      if (i === 0 && first !== undefined) lines.push(`${first}${key}:${inline}`);
      else lines.push(`${' '.repeat(indent)}${key}${pick([':', ':', ' :'])}${inline}`);
      lines.push(...below);
    }
  };
  const seq = (indent: number, depth: number) => {
    const n = 1 + Math.floor(random() * 3);
    for (let i = 0; i < n; i++) {
      comment(indent);
      const r = random();
      if (depth < 4 && r < 0.4) {
        map(indent + 2, depth + 1, `${' '.repeat(indent)}- `);
      } else if (r < 0.5) {
        lines.push(`${' '.repeat(indent)}-`);
      } else {
        const { inline, below } = value(indent, depth, true);
        lines.push(`${' '.repeat(indent)}-${inline}`);
        lines.push(...below);
      }
    }
  };
  if (random() < 0.2) lines.push('# yaml-language-server: $schema=x', '');
  map(0, 0);
  return `${lines.join('\n')}${random() < 0.9 ? '\n' : ''}`;
}

const escape = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

/** Every pointer into a value, and from each one that leads to a collection a child that is not there. */
export function pointers(value: unknown, at = ''): string[] {
  const out = [at];
  if (Array.isArray(value)) {
    value.forEach((item, i) => out.push(...pointers(item, `${at}/${i}`)));
    out.push(`${at}/${value.length}`, `${at}/x`);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) out.push(...pointers(item, `${at}/${escape(key)}`));
    out.push(`${at}/not-there`, `${at}/not-there/0`);
  } else {
    out.push(`${at}/0`);
  }
  return out;
}
