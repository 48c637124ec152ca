// The glance that lets `lamd validate <road map>` leave the workspace's other road maps unparsed: it
// may say "surely a road map, with this id" only when js-yaml would read `kind: roadmap` and that id
// at the top level, or would read no document at all.
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import jsyaml from 'js-yaml';
import { glanceAtDocument, glanceAtRoadmap, leavesOut, surelyOtherRoadmapBytes } from '../../src/workspace/glance.js';
import { isRoadmapPath, roadmapPathTest } from '../../src/workspace/load.js';
import { readSource } from '../../src/workspace/source.js';
import { REPO } from '../helpers/lamd.js';
import { random as seeded } from '../fuzz/mutants.js';

/** A seeded generator of whole numbers below n. */
function below(seed: number): (n: number) => number {
  const next = seeded(seed);
  return (n) => Math.floor(next() * n);
}

/** Inserts one to three snippets at random lines: as often a harmless one as a tricky one. */
function sprinkle(lines: string[], random: (n: number) => number, harmless: readonly string[], tricky: readonly string[]): void {
  for (let edits = 1 + random(3); edits > 0; edits--) {
    const snippet = random(2) === 0 ? harmless[random(harmless.length)]! : tricky[random(tricky.length)]!;
    lines.splice(random(lines.length + 1), 0, snippet);
  }
}

/** `base` with one to three snippets sprinkled in (see sprinkle). */
function mutant(base: string, random: (n: number) => number, harmless: readonly string[], tricky: readonly string[]): string {
  const lines = base.split('\n');
  sprinkle(lines, random, harmless, tricky);
  return lines.join('\n');
}

/** The top-level mapping the loader reads in `text`; undefined when it reads none (its file name only labels problems). */
async function mappingOf(text: string): Promise<Record<string, unknown> | undefined> {
  const { value } = await readSource('document.yaml', Buffer.from(text));
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

const glance = (text: string) => glanceAtRoadmap(Buffer.from(text));
const sure = (text: string) => glance(text) !== undefined;

describe('glanceAtRoadmap', () => {
  it('knows a block-style road map by its one kind line, and reads its id', () => {
    expect(glance('# yaml-language-server: $schema=x\nkind: roadmap\nid: a\n')).toEqual({ id: 'a' });
    expect(glance('---\nkind: "roadmap" # the kind\r\nid: a\r\n')).toEqual({ id: 'a' });
    expect(glance("id: 'a b' # quoted\nkind: 'roadmap'\n")).toEqual({ id: 'a b' });
    expect(glance('id: "a"\nkind: roadmap\n')).toEqual({ id: 'a' });
    expect(glance('kind: roadmap\nid: a#b  # a comment\n')).toEqual({ id: 'a#b' });
    expect(glance('kind: roadmap\ntitle: x\n')).toEqual({ id: null });
    expect(glance('kind: roadmap\nid:\ntitle: x\n')).toEqual({ id: null });
    // Lists at column 0, indented values and comments anywhere.
    expect(glance('kind: roadmap\nid: a\nactions:\n- id: b\n  title: c\n# note\n  # note\nsdg:\n  goal: 5\n')).toEqual({ id: 'a' });
    // Not UTF-8-decoded: an id of other letters is compared in the same reading.
    expect(glance('kind: roadmap\nid: città\n')).toEqual({ id: Buffer.from('città').toString('latin1') });
  });

  it('leaves every doubtful text to the parser', () => {
    expect(sure('kind: progress\nid: a\n')).toBe(false);
    expect(sure('kind: roadmap\nkind: progress\n')).toBe(false); // a duplicate key
    expect(sure('kind: roadmap\nid: a\nid: b\n')).toBe(false);
    expect(sure('kind: roadmap\n  continued\n')).toBe(false); // the value goes on: "roadmap continued"
    expect(sure('kind: roadmap\n\n  continued\n')).toBe(false);
    expect(sure('kind: roadmap\nid: a\n  b\n')).toBe(false); // the id is "a b"
    expect(sure('kind: roadmap#x\n')).toBe(false); // a plain value, not a comment
    expect(sure('{x: {\nkind: roadmap\n}, kind: progress}\n')).toBe(false); // flow style
    expect(sure('"id": a\nkind: roadmap\n')).toBe(false);
    expect(sure('kind: roadmap\n"id": a\n')).toBe(false); // a quoted key could be the id
    expect(sure('kind: roadmap\n? id\n: a\n')).toBe(false); // an explicit key
    expect(sure('kind: roadmap\n<<: {id: a}\n')).toBe(false); // a merge key
    expect(sure('kind: roadmap\nid : a\n')).toBe(false);
    expect(sure('kind: roadmap\nid: &x a\n')).toBe(false);
    expect(sure('kind: roadmap\nid: *x\n')).toBe(false);
    expect(sure('kind: roadmap\nid: "a\\x62"\n')).toBe(false); // an escape
    expect(sure("kind: roadmap\nid: 'it''s'\n")).toBe(false);
    expect(sure('kind: roadmap\nid: |\n  a\n')).toBe(false);
    expect(sure('kind: roadmap\n---\nkind: practice\n')).toBe(false); // a second document
    expect(sure('kind: roadmap\n...\n')).toBe(false);
    expect(sure('kind: roadmap\n\tid: a\n')).toBe(false); // a tab
    expect(sure('title: x\rkind: practice\nkind: roadmap\n')).toBe(false); // a carriage return alone breaks a line
    expect(sure('\ufeffkind: roadmap\n')).toBe(false); // a byte-order mark
    expect(sure('id: a\n')).toBe(false);
    expect(sure('  kind: roadmap\n')).toBe(false);
    expect(sure('  x: 1\nkind: roadmap\n')).toBe(false); // content before the first key
    expect(sure('- kind: roadmap\n')).toBe(false);
    expect(sure('%YAML 1.2\n---\nkind: roadmap\n')).toBe(false);
  });

  it('says "road map, this id" only where js-yaml reads that, or reads no document', () => {
    const texts = [
      'kind: roadmap\nid: a\n',
      '# c\n---\nid: "b c"\nkind: roadmap # k\n',
      'kind: roadmap\nid: a\nactions:\n- id: x\n',
      // js-yaml reads no document from these, or one without the key: leaving them out changes nothing.
      'title: "x\nkind: roadmap\na: b"\n',
      'kind: roadmap\nid: a: b\n',
      'kind: roadmap\n- x\n',
    ];
    for (const text of texts) {
      const seen = glance(text);
      expect(seen).toBeDefined();
      let value: unknown;
      try {
        value = jsyaml.load(text);
      } catch {
        continue;
      }
      const doc = value as Record<string, unknown>;
      if (doc.kind !== 'roadmap') continue;
      expect(typeof doc.id === 'string' ? doc.id : null).toBe(seen!.id);
    }
  });

  it('takes only the conventional place of a road map', () => {
    expect(isRoadmapPath('/w/municipalities/milan/roadmaps/a.yaml', '/w')).toBe(true);
    expect(isRoadmapPath('/w/municipalities/milan/progress/a.yaml', '/w')).toBe(false);
    expect(isRoadmapPath('/w/municipalities/milan/roadmaps/old/a.yaml', '/w')).toBe(false);
  });
});

describe('glanceAtRoadmap against the loader', () => {
  // Snippets that could hide a top-level kind or id from a line-by-line look, put into a road map
  // at random places: whatever the glance says "road map, this id" of, the loader must read as
  // that, or as no road map document at all.
  const SNIPPETS = [
    '"kind": practice', "'id': other", '? id\n: other', '<<: {kind: practice}', '<<: {id: other}', 'kind: practice', 'id: other',
    'id: "ot\\x68er"', 'id: &a other', 'id: !!str other', '---', '...', '\tid: other', 'title: x\rkind: practice', '\ufeffkind: practice',
    '# kind: practice', '- kind: practice', '  kind: practice', 'kind: roadmap', 'id: gen-000', 'title: "two\nkind: practice"',
    "title: 'two\nid: other'", 'x: {a: 1,\nkind: practice}', 'x: [1,\nid: other]', 'kind : practice', 'id\t: other', 'kind:practice',
    'description: |\n  text\nkind: practice', 'id: other # a comment', 'id: "other" # quoted', '%YAML 1.2', 'kind: roadmap\n  continued',
  ];
  // And snippets a road map may well hold, so that the glance is sure of a good share of the texts.
  const HARMLESS = ['# a note', '  # an indented note', 'extra: value', '  nested: value', '', '- item', 'notes:\n  - one', 'kind_of_thing: x', 'identity: x'];
  // Seeded, so a failure can be replayed.
  const random = below(17);

  it('never says "road map" of a text the loader reads as another kind or another id', async () => {
    const base = readFileSync(join(REPO, 'examples/illustrative-monitoring/municipalities/valmare/roadmaps/valmare-inclusive-services.yaml'), 'utf8');
    let sure = 0;
    for (let round = 0; round < 600; round++) {
      const text = mutant(base, random, HARMLESS, SNIPPETS);
      const seen = glanceAtRoadmap(Buffer.from(text));
      if (!seen) continue;
      sure++;
      const value = await mappingOf(text);
      if (!value) continue;
      expect(value.kind === 'roadmap' || value.kind === undefined, text).toBe(true);
      if (value.kind !== 'roadmap') continue;
      expect(typeof value.id === 'string' ? Buffer.from(value.id).toString('latin1') : null, text).toBe(seen.id === null ? null : seen.id);
    }
    // The test means something only if the glance is sure of a good share of the texts.
    expect(sure).toBeGreaterThan(60);
  });
});

describe('glanceAtDocument: practices, activities and profiles at a glance', () => {
  it('reads the kind and the key the index finds the document by', () => {
    const at = (text: string) => glanceAtDocument(Buffer.from(text));
    expect(at('kind: practice\nid: desk\ntitle: x\n')).toEqual({ kind: 'practice', key: 'desk' });
    expect(at("# c\nid: 'a b'\nkind: \"activity\" # the kind\n")).toEqual({ kind: 'activity', key: 'a b' });
    expect(at('kind: profile\nid: not-the-key\nmunicipality: valmare\n')).toEqual({ kind: 'profile', key: 'valmare' });
    expect(at('kind: practice\ntitle: x\n')).toEqual({ kind: 'practice', key: null });
    // Decoded from UTF-8, as the loader decodes it.
    expect(at('kind: practice\nid: città\n')).toEqual({ kind: 'practice', key: 'città' });
    for (const text of ['kind: roadmap\nid: a\n', 'kind: progress\nid: a\n', 'kind: practice\n"id": a\n', 'kind: profile\nmunicipality: a\nmunicipality: b\n', 'kind: practice\nid: a\n  b\n', 'kind: activity\nid: &x a\n']) {
      expect(at(text), text).toBeUndefined();
    }
    // One pass notes both keys; a line that starts like either key but is no plain key leaves it unsure,
    // whichever key the kind reads (`municipality:x` is a scalar where a key should be).
    expect(at('kind: practice\nid: desk\nmunicipality: valmare\n')).toEqual({ kind: 'practice', key: 'desk' });
    expect(at('kind: practice\nid: desk\nmunicipality:valmare\n')).toBeUndefined();
    expect(at('kind: profile\nmunicipality: valmare\nid:x\n')).toBeUndefined();
  });

  it('never says "this kind, this key" of a text the loader reads otherwise', async () => {
    const SNIPPETS = [
      '"kind": roadmap', "'id': other", '? id\n: other', '<<: {kind: roadmap}', '<<: {id: other}', 'kind: roadmap', 'kind: activity', 'id: other',
      'municipality: other', '"municipality": other', '<<: {municipality: other}', 'municipality: "oth\\x65r"', 'municipality: &m other',
      'id: "ot\\x68er"', 'id: &a other', 'id: !!str other', '---', '...', '\tid: other', 'title: x\rkind: roadmap', '\ufeffkind: roadmap',
      '# kind: roadmap', '- kind: roadmap', '  kind: roadmap', 'title: "two\nkind: roadmap"', "title: 'two\nid: other'", 'x: {a: 1,\nkind: roadmap}',
      'kind : roadmap', 'id\t: other', 'kind:roadmap', 'description: |\n  text\nkind: roadmap', 'id: other # a comment', 'municipality: other\n  more',
    ];
    const HARMLESS = ['# a note', '  # an indented note', 'extra: value', '  nested: value', '', '- item', 'identity: x', 'municipality_note: x'];
    const bases = ['municipalities/valmare/practices/info-desk.yaml', 'municipalities/valmare/profile.yaml', 'activities/2025-04-10-peer-exchange-services.yaml'].map((f) =>
      readFileSync(join(REPO, 'examples/illustrative-monitoring', f), 'utf8'),
    );
    const random = below(29);
    let sure = 0;
    for (let round = 0; round < 900; round++) {
      const text = mutant(bases[round % 3]!, random, HARMLESS, SNIPPETS);
      const seen = glanceAtDocument(Buffer.from(text));
      if (!seen) continue;
      sure++;
      const value = await mappingOf(text);
      if (!value) continue;
      expect(value.kind === seen.kind || value.kind === undefined, text).toBe(true);
      if (value.kind === undefined) continue;
      const key = value[seen.kind === 'profile' ? 'municipality' : 'id'];
      expect(typeof key === 'string' ? key : null, text).toBe(seen.key);
    }
    expect(sure).toBeGreaterThan(150);
  });
});

/**
 * The searches surelyOtherRoadmapBytes makes in bytes, written over their latin-1 text as its comment
 * states them: the oracle the bytes version is held to.
 */
function surelyOtherRoadmap(text: string, namedIds: ReadonlySet<string>): boolean {
  if (text.includes('\\')) return false;
  const kind = text.indexOf('kind');
  if (kind === -1 || (kind > 0 && text[kind - 1] !== '\n') || text.includes('kind', kind + 1)) return false;
  if ([...namedIds].some((id) => id === '' || /[\s']/.test(id)) || [...namedIds].some((id) => text.includes(id))) return false;
  // `kind:` as a plain key (then a space, a tab or the line's end), its value on that line alone:
  // the next line with content (String#trim's sense) is not indented.
  const lineEnd = text.indexOf('\n', kind) === -1 ? text.length : text.indexOf('\n', kind);
  const line = text.slice(kind, lineEnd);
  if (!/^kind:(?:[ \t\r]|$)/.test(line)) return false;
  const next = text.slice(lineEnd + 1).split('\n').find((l) => l.trim() !== '');
  if (next !== undefined && (next[0] === ' ' || next[0] === '\t')) return false;
  return /^[ \t]*(?:roadmap|"roadmap"|'roadmap')(?:[ \t]+#.*)?[ \t]*$/.test(line.slice(5).replace(/\r$/, ''));
}

describe('surelyOtherRoadmapBytes: a road map left out after a few searches', () => {
  const named = new Set(['gen-000']);
  // The searches run on the bytes; the text they are held to is the bytes' latin-1 reading.
  const sure = (text: string, ids: ReadonlySet<string> = named) => {
    const bytes = Buffer.from(text);
    const found = surelyOtherRoadmapBytes(bytes, ids);
    expect(found, text).toBe(surelyOtherRoadmap(bytes.toString('latin1'), ids));
    return found;
  };

  it('is sure of a road map whose kind line is its one `kind` and that names no named id', () => {
    expect(sure('# yaml-language-server: $schema=x\nkind: roadmap\nid: a\ntitle: x\n')).toBe(true);
    expect(sure("kind: 'roadmap' # its sort\r\nid: a\r\n")).toBe(true);
    expect(sure('id: a\nkind: roadmap')).toBe(true);
    // Whatever else the text holds: the kind line can only be the document's kind.
    expect(sure('id: a\nkind: roadmap\n"title": {x: [1,\n2]}\n? odd\n: key\n')).toBe(true);
    // No kind at all when the line is inside something else: no document lamd checks.
    expect(sure('title: "x\nkind: roadmap\n"\n')).toBe(true);
    // And it leaves out what the loader would (leavesOut), by either way.
    expect(leavesOut(Buffer.from('kind: roadmap\nid: a\n'), named)).toBe(true);
    expect(leavesOut(Buffer.from('kind: roadmap\nid: gen-000\n'), named)).toBe(false);
    expect(leavesOut(Buffer.from('kind: roadmap\nid: a\nsummary: a kind of plan\n'), named)).toBe(true);
  });

  it('leaves every doubtful text to the look at every line', () => {
    expect(sure('kind: roadmap\nid: gen-000\n')).toBe(false);
    expect(sure('kind: roadmap\nid: a\nbuilds_on: [gen-000]\n')).toBe(false); // the named id written anywhere
    expect(sure('kind: roadmap\nid: a\nsummary: a kind of plan\n')).toBe(false); // `kind` twice
    expect(sure('kind: roadmap\nkind: practice\n')).toBe(false);
    expect(sure('kind: roadmap\nid: a\ntitle: "\\x41"\n')).toBe(false); // an escape
    expect(sure('  kind: roadmap\n')).toBe(false);
    expect(sure('\ufeffkind: roadmap\n')).toBe(false);
    expect(sure('kind: practice\n')).toBe(false);
    expect(sure('kind: roadmap\n  continued\n')).toBe(false);
    expect(sure('kind: roadmap\n\n  continued\n')).toBe(false);
    expect(sure('kind: roadmap\r  continued\n')).toBe(false); // a carriage return alone breaks a line
    expect(sure('kind : roadmap\n')).toBe(false);
    expect(sure('kind: roadmap\nid: a\n')).toBe(true);
    // Lines blank in the latin-1 reading (String#trim takes a no-break space, a vertical tab, a form feed).
    for (const blank of ['\xa0', '\x0b', '\x0c', ' \xa0\t']) {
      const bytes = Buffer.from(`kind: roadmap\n${blank}\n  continued\nid: a\n`, 'latin1');
      expect(surelyOtherRoadmapBytes(bytes, named), JSON.stringify(blank)).toBe(false);
      expect(surelyOtherRoadmap(bytes.toString('latin1'), named), JSON.stringify(blank)).toBe(false);
    }
    expect(surelyOtherRoadmapBytes(Buffer.from('kind: roadmap\n\x85\n  continued\nid: a\n', 'latin1'), named)).toBe(true);
    // Only the bytes read count: a named id past the end of the view is not in the file.
    const read = Buffer.from('kind: roadmap\nid: a\nid: gen-000\n');
    expect(leavesOut(read.subarray(0, 20), named)).toBe(true);
    expect(leavesOut(read, named)).toBe(false);
    // A named id that folding or a doubled quote could make from other text.
    expect(sure('kind: roadmap\nid: a\n', new Set(['gen 000']))).toBe(false);
    expect(sure('kind: roadmap\nid: a\n', new Set(["gen'000"]))).toBe(false);
    expect(sure('kind: roadmap\nid: a\n', new Set(['']))).toBe(false);
  });

  it('never says "another road map" of a text the loader reads as another kind, or with a named id', async () => {
    const base = readFileSync(join(REPO, 'examples/illustrative-monitoring/municipalities/valmare/roadmaps/valmare-inclusive-services.yaml'), 'utf8');
    // Ids the searches can look for, and ids that folding or a doubled quote make from other text.
    const searchableIds = new Set(['valmare-other', 'gen-x']);
    const madeIds = new Set(["gen'x", 'valmare other']);
    // Ways to write a named id, or a kind, without the searches seeing them as such.
    const SNIPPETS = [
      'id: valmare-other', "id: 'valmare-other'", 'id: "valmare-\\x6fther"', 'id: valmare-\n  other', 'id: "valmare-\n  other"', "id: 'valmare-\n other'",
      'id: |-\n  valmare-other', 'id: >-\n  valmare-\n  other', '<<: {id: gen-x}', 'x: &a gen-x\nid: *a', 'id: !!str gen-x', "id: 'gen''x'", 'id: "gen\\u002dx"',
      'kind: practice', '"kind": practice', "'kind': practice", '? kind\n: practice', '<<: {kind: practice}', 'kin\\x64: practice', 'k: &k kind\n*k : practice',
      'title: "x\nkind: roadmap\ny"', 'kind: roadmap\n  continued', 'kind: roadmap # again', '  kind: practice', '\tkind: practice', 'kind:\tpractice',
      '---', '...', '--- |\n  x', 'title: x\rkind: practice', '\ufeffkind: practice', 'kind : practice', "id: 'valmare''other'", 'id: valmare-other # c',
      "id: 'gen''x'", 'id: valmare\n  other', 'id: "valmare\n  other"',
    ];
    const HARMLESS = ['# a note', '  # an indented note', 'extra: value', '  nested: value', '', '- item', 'summary: plain words', 'identity: x'];
    const random = below(23);
    let sureOf = 0;
    for (let round = 0; round < 1000; round++) {
      const ids = round % 5 === 4 ? madeIds : searchableIds;
      const lines = base.split('\n');
      // Sometimes without its own kind line, so that a snippet's is the only one.
      if (random(3) === 0) lines.splice(lines.indexOf('kind: roadmap'), 1);
      sprinkle(lines, random, HARMLESS, SNIPPETS);
      const text = lines.join('\n');
      const bytes = Buffer.from(text);
      const found = surelyOtherRoadmapBytes(bytes, ids);
      expect(found, text).toBe(surelyOtherRoadmap(bytes.toString('latin1'), ids));
      if (!found) continue;
      if (ids === searchableIds) sureOf++;
      const value = await mappingOf(text);
      if (!value) continue;
      expect(value.kind === 'roadmap' || value.kind === undefined, text).toBe(true);
      if (value.kind === 'roadmap') expect(typeof value.id === 'string' && ids.has(value.id), text).toBe(false);
    }
    // The test means something only if the searches are sure of a good share of the texts.
    expect(sureOf).toBeGreaterThan(150);
  });
});

describe('where road maps live', () => {
  it('tells a walked path by comparing strings exactly as resolving it against the root does', () => {
    const root = join(REPO, 'ws');
    const resolved = (path: string) => {
      const parts = relative(root, path).split(/[\\/]/);
      return parts.length === 4 && parts[0] === 'municipalities' && parts[2] === 'roadmaps' && /\.ya?ml$/i.test(parts[3]!);
    };
    const paths = [
      'municipalities/milano/roadmaps/a.yaml',
      'municipalities/milano/roadmaps/a.YML',
      'municipalities/milano/roadmaps/a.json',
      'municipalities/milano/roadmaps/x/a.yaml',
      'municipalities/milano/roadmap/a.yaml',
      'municipalities/roadmaps/a.yaml',
      'activities/milano/roadmaps/a.yaml',
      'municipalities/milano/roadmaps',
      'lamd.yaml',
    ].flatMap((p) => [join(root, p), `${root}${sep}.${sep}${p}`, `${root}${sep}..${sep}ws${sep}${p}`]);
    const test = roadmapPathTest(root);
    for (const path of paths) {
      expect(test(path), path).toBe(resolved(path));
      expect(isRoadmapPath(path, root), path).toBe(resolved(path));
    }
    expect(paths.filter(test).length).toBe(6);
  });
});
