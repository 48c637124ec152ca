// The text scan that lets `lamd validate <road map>` leave the workspace's other road maps unparsed:
// it may say "surely a road map" only when js-yaml would read `kind: roadmap` at the top level.
import { describe, expect, it } from 'vitest';
import { isRoadmapPath, surelyRoadmap } from '../../src/workspace/load.js';

const sure = (text: string) => surelyRoadmap(Buffer.from(text));

describe('surelyRoadmap', () => {
  it('knows a block-style road map by its one kind line', () => {
    expect(sure('# yaml-language-server: $schema=x\nkind: roadmap\nid: a\n')).toBe(true);
    expect(sure('---\nkind: "roadmap" # the kind\r\nid: a\r\n')).toBe(true);
    expect(sure("id: a\nkind: 'roadmap'\n")).toBe(true);
  });

  it('leaves every doubtful text to the parser', () => {
    expect(sure('kind: progress\nid: a\n')).toBe(false);
    expect(sure('kind: roadmap\nkind: progress\n')).toBe(false); // a duplicate key
    expect(sure('kind: roadmap\n  continued\n')).toBe(false); // the value goes on: "roadmap continued"
    expect(sure('kind: roadmap\n\n  continued\n')).toBe(false);
    expect(sure('kind: roadmap#x\n')).toBe(false); // a plain value, not a comment
    expect(sure('{x: {\nkind: roadmap\n}, kind: progress}\n')).toBe(false); // flow style
    expect(sure('"id": a\nkind: roadmap\n')).toBe(false);
    expect(sure('id: a\n')).toBe(false);
    expect(sure('  kind: roadmap\n')).toBe(false);
  });

  it('takes only the conventional place of a road map', () => {
    expect(isRoadmapPath('/w/municipalities/milan/roadmaps/a.yaml', '/w')).toBe(true);
    expect(isRoadmapPath('/w/municipalities/milan/progress/a.yaml', '/w')).toBe(false);
    expect(isRoadmapPath('/w/municipalities/milan/roadmaps/old/a.yaml', '/w')).toBe(false);
  });
});
