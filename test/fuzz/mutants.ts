// Seeded mutants of the bundled examples, for the fuzz test and `npm run fuzz`: every kind of damage
// a hand-edited, pasted or generated YAML file shows, and a few a hostile one would try.
import { readFileSync } from 'node:fs';
import { globSync } from 'tinyglobby';

/** A small seeded generator (mulberry32): the same seed gives the same mutants on every machine. */
export function random(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Seed {
  /** The example's path, relative to the repository. */
  name: string;
  bytes: Uint8Array;
}

/** Every YAML file of the bundled examples, read once. */
export function examples(repo: string): Seed[] {
  return globSync('examples/**/*.yaml', { cwd: repo })
    .sort()
    .map((name) => ({ name, bytes: new Uint8Array(readFileSync(`${repo}/${name}`)) }));
}

type Rand = () => number;
type Mutator = (bytes: Uint8Array, rand: Rand) => Uint8Array;

const int = (rand: Rand, below: number) => Math.floor(rand() * below);
const encode = (text: string) => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const pick = <T>(rand: Rand, list: readonly T[]): T => list[int(rand, list.length)]!;

/** Inserts `text` at the start of a random line. */
function atLine(bytes: Uint8Array, rand: Rand, text: string): Uint8Array {
  const lines = decode(bytes).split('\n');
  lines.splice(int(rand, lines.length + 1), 0, text);
  return encode(lines.join('\n'));
}

/** Size of a "long" thing: mostly modest, sometimes huge, so the fuzz reaches the 5 MB limit. */
function size(rand: Rand): number {
  return pick(rand, [100, 1_000, 10_000, 100_000, 1_000_000, 4_000_000]);
}

export const MUTATORS: Record<string, Mutator> = {
  'byte flips': (bytes, rand) => {
    const out = bytes.slice();
    for (let n = 1 + int(rand, 8); n > 0 && out.length > 0; n--) {
      const at = int(rand, out.length);
      out[at] = out[at]! ^ (1 << int(rand, 8));
    }
    return out;
  },
  truncation: (bytes, rand) => bytes.slice(0, int(rand, bytes.length)),
  'long line': (bytes, rand) => {
    const n = size(rand);
    const ch = pick(rand, ['k', 'é', '東', '🚀', ' ', 'a b ', '\\', '"']);
    const long = ch.repeat(Math.max(1, Math.floor(n / ch.length)));
    return atLine(bytes, rand, pick(rand, [`${long}: 1`, `unknown_key: ${long}`, `kind: ${long}`, `  - ${long}`, `# ${long}`, `"${long}": x`]));
  },
  'deep nesting': (bytes, rand) => {
    const depth = pick(rand, [50, 99, 101, 1_000, 100_000]);
    const form = pick(rand, ['flow-seq', 'flow-map', 'block']);
    if (form === 'flow-seq') return atLine(bytes, rand, `deep: ${'['.repeat(depth)}${']'.repeat(depth)}`);
    if (form === 'flow-map') return atLine(bytes, rand, `deep: ${'{a: '.repeat(depth)}1${'}'.repeat(depth)}`);
    const lines = Array.from({ length: Math.min(depth, 2_000) }, (_, i) => `${'  '.repeat(i)}k${i}:`);
    return atLine(bytes, rand, `deep:\n${lines.map((l) => `  ${l}`).join('\n')} 1`);
  },
  aliases: (bytes, rand) => {
    const levels = ['bomb0: &b0 [x, x, x, x, x, x, x, x, x]'];
    const depth = pick(rand, [2, 5, 12]);
    for (let i = 1; i <= depth; i++) levels.push(`bomb${i}: &b${i} [${Array(9).fill(`*b${i - 1}`).join(', ')}]`);
    return encode(`${decode(bytes)}\n${pick(rand, [levels.join('\n'), 'loose: *nowhere', 'a: &x 1\nb: *x', 'self: &s [*s]'])}\n`);
  },
  tags: (bytes, rand) => atLine(bytes, rand, pick(rand, ['x: !foo bar', 'x: !!binary aGk=', 'x: !<tag:example.com,2000:app> 1', 'x: !!str 1', 'x: !!set {a, b}', '--- !local', '%TAG ! tag:x,2000:', 'x: !!js/function "() => 1"'])),
  'NUL bytes': (bytes, rand) => {
    const out = Array.from(bytes);
    for (let n = 1 + int(rand, 3); n > 0; n--) out.splice(pick(rand, [int(rand, out.length), 9000 + int(rand, 100)]), 0, 0);
    return new Uint8Array(out);
  },
  'mixed line endings': (bytes, rand) => {
    const text = decode(bytes);
    let out = '';
    for (const ch of text) out += ch === '\n' ? pick(rand, ['\n', '\r\n', '\r', '\n']) : ch;
    return encode(out);
  },
  'YAML oddities': (bytes, rand) =>
    atLine(bytes, rand, pick(rand, ['---', '...', '---word', '? complex\n: key', '\tkey: tab', 'a: "x"#c', 'x: [a,\nb]', '  ', '%YAML 1.1', '<<: {a: 1}', '__proto__: {polluted: true}', 'key: value\nkey: again'])),
  'a different document': (bytes, rand) => encode(pick(rand, ['', ' ', '\n\n', '[]', '"just text"', '42', 'null', '---\n---\n', '\ufeffkind: practice', 'kind: practice\n' + 'x: y\n'.repeat(20_000)])),
};

export interface Mutant {
  /** Replays the mutant: seed, index, example and what was done to it. */
  id: string;
  /** The example it came from. */
  from: string;
  bytes: Uint8Array;
}

/** The `count` mutants of `seed`: one to three mutators each, applied to a random example. */
export function* mutants(seeds: readonly Seed[], seed: number, count: number): Generator<Mutant> {
  const names = Object.keys(MUTATORS);
  for (let i = 0; i < count; i++) {
    const rand = random(seed * 1_000_003 + i);
    const example = pick(rand, seeds);
    const applied: string[] = [];
    let bytes = example.bytes;
    for (let n = 1 + int(rand, 3); n > 0; n--) {
      const name = pick(rand, names);
      applied.push(name);
      bytes = MUTATORS[name]!(bytes, rand);
    }
    // Within the limits: a mutant past 5 MB is refused unread, which would test nothing.
    if (bytes.length > 5 * 1024 * 1024) bytes = bytes.slice(0, 5 * 1024 * 1024);
    yield { id: `seed ${seed} #${i} (${example.name}: ${applied.join(' + ')})`, from: example.name, bytes };
  }
}
