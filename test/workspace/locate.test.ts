// Pointers to places in a YAML file: the value, its key, or the deepest node found on the way.
import { describe, expect, it } from 'vitest';
import { createLocator } from '../../src/workspace/locate.js';
import { describeWorkTime, timeWorkSync } from '../helpers/work-time.js';

const TEXT = `# a comment before the document
---
kind: practice
"id": quoted
title: &t Tricky
title: Second
strengths: [ok, 5]
weaknesses:
  - *t
  - { bad: 1 }
  -
description: |
  Two
  lines.
capitalization:
  stage:
`;

const at = (pointer: string, target?: 'value' | 'key') => {
  const r = createLocator(TEXT)(pointer, target);
  return `${r.start.line}:${r.start.column}-${r.end.line}:${r.end.column}`;
};

describe('createLocator', () => {
  it('finds values, quoted keys and items of flow and block lists', () => {
    expect(at('/kind')).toBe('3:7-3:15');
    expect(at('/id')).toBe('4:7-4:13');
    expect(at('/id', 'key')).toBe('4:1-4:5');
    expect(at('/strengths/1')).toBe('7:17-7:18');
    expect(at('/weaknesses/0')).toBe('9:5-9:7');
    expect(at('/weaknesses/1')).toBe('10:5-10:15');
    // An empty item, by its dash; an alias, as written.
    expect(at('/weaknesses/2')).toBe('11:3-11:4');
  });

  it('takes the last of a duplicated key, as the documents are read', () => {
    expect(at('/title')).toBe('6:8-6:14');
  });

  it('points at a collection by its key, and at a block scalar by its first line', () => {
    expect(at('/weaknesses')).toBe('8:1-8:11');
    expect(at('/description')).toBe('12:14-12:15');
  });

  it('points at the deepest node found when the path leaves the document', () => {
    expect(at('/capitalization/stage')).toBe('16:3-16:8');
    expect(at('/capitalization/history/0')).toBe('15:1-15:15');
    expect(at('/nothing/here')).toBe('3:1-3:15');
    expect(at('')).toBe('3:1-3:15');
  });
});

describe('createLocator on a file of megabytes', () => {
  it('points at the top-level field, without building a syntax tree', () => {
    const filler = `sources:\n${'  - {title: "A source with a long title to fill the file", year: 2022}\n'.repeat(30_000)}`;
    const text = `kind: practice\n"id": x\n${filler}unknown_field: 1\n`;
    expect(text.length).toBeGreaterThan(1024 * 1024);
    const locate = createLocator(text);
    const { time } = timeWorkSync(() => {
      expect(locate('/unknown_field', 'key')).toEqual({ start: { line: 30_004, column: 1 }, end: { line: 30_004, column: 14 } });
      expect(locate('/sources/29999/year')).toEqual({ start: { line: 3, column: 1 }, end: { line: 3, column: 8 } });
      expect(locate('/id').start).toEqual({ line: 2, column: 1 });
      expect(locate('/nowhere').start).toEqual({ line: 1, column: 1 });
    });
    expect(time.cpuMs, describeWorkTime(time)).toBeLessThan(2_000);
  });
});
