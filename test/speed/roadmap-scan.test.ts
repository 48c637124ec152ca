// The glance that lets `lamd validate <road map>` leave the workspace's other road maps unparsed: it
// may say "surely a road map, with this id" only when js-yaml would read `kind: roadmap` and that id
// at the top level, or would read no document at all.
import { describe, expect, it } from 'vitest';
import jsyaml from 'js-yaml';
import { glanceAtRoadmap } from '../../src/workspace/glance.js';
import { isRoadmapPath } from '../../src/workspace/load.js';

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
