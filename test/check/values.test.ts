// The defensive readers every rule walks documents with: items and their pointers, whatever the value.
import { describe, expect, it } from 'vitest';
import { arr, MAX_KEPT_ITEMS, MAX_KEPT_LISTS, obj, objects, str, strings } from '../../src/check/values.js';

describe('objects and strings', () => {
  it('give the mappings or strings of a list with their pointers, and nothing for anything else', () => {
    const a = { id: 'a' };
    const b = { id: 'b' };
    expect(objects([a, 'x', null, [1], b], '/actions')).toEqual([[a, '/actions/0'], [b, '/actions/4']]);
    expect(strings(['x', a, 'y~/'], '/sdg/targets')).toEqual([['x', '/sdg/targets/0'], ['y~/', '/sdg/targets/2']]);
    for (const value of [undefined, null, 'text', 3, { 0: a }]) {
      expect(objects(value, '/actions')).toEqual([]);
      expect(strings(value, '/actions')).toEqual([]);
    }
  });

  it('give the same pointers to a longer, a shorter and a nested list under the same pointer', () => {
    const item = {};
    expect(objects([item], '/objectives').map(([, p]) => p)).toEqual(['/objectives/0']);
    expect(objects([item, item, item], '/objectives').map(([, p]) => p)).toEqual(['/objectives/0', '/objectives/1', '/objectives/2']);
    expect(objects([item, item], '/objectives').map(([, p]) => p)).toEqual(['/objectives/0', '/objectives/1']);
    expect(strings(['a', 'b'], '/objectives').map(([, p]) => p)).toEqual(['/objectives/0', '/objectives/1']);
    const [, first] = objects([item, item], '/objectives')[1]!;
    expect(objects([item, item], `${'/objectives'}/1/indicators`).map(([, p]) => p)).toEqual([`${first}/indicators/0`, `${first}/indicators/1`]);
    expect(objects([item], '').map(([, p]) => p)).toEqual(['/0']);
  });

  it('give every item of a list longer than the pointers kept its pointer, and lists past the kept ones theirs', () => {
    const long = Array.from({ length: MAX_KEPT_ITEMS + 5 }, () => 'x');
    const pointers = strings(long, '/long').map(([, p]) => p);
    expect(pointers).toHaveLength(long.length);
    expect(pointers.at(-1)).toBe(`/long/${long.length - 1}`);
    expect(strings(long, '/long').map(([, p]) => p)).toEqual(pointers);
    // Fill the kept lists, then ask for pointers under one more.
    for (let i = 0; i < MAX_KEPT_LISTS; i++) objects([{}], `/filler/${i}`);
    expect(objects([{}, 'x', {}], '/after-the-last').map(([, p]) => p)).toEqual(['/after-the-last/0', '/after-the-last/2']);
    expect(objects([{}, {}], '/after-the-last').map(([, p]) => p)).toEqual(['/after-the-last/0', '/after-the-last/1']);
  });

  it('give a list named by its key under a pointer the pointers of `${pointer}/${key}`, past the kept lists too', () => {
    const list = [{}, 'x', {}];
    expect(objects(list, '/actions/3', 'stakeholders')).toEqual(objects(list, '/actions/3/stakeholders'));
    expect(strings(list, '/actions/3', 'outputs')).toEqual(strings(list, '/actions/3/outputs'));
    expect(objects(list, '', 'actions').map(([, p]) => p)).toEqual(['/actions/0', '/actions/2']);
    for (let i = 0; i < MAX_KEPT_LISTS; i++) objects([{}], `/more/${i}`, 'items');
    expect(objects(list, '/yet-another', 'items').map(([, p]) => p)).toEqual(['/yet-another/items/0', '/yet-another/items/2']);
  });

  it('read a value only as the type asked for', () => {
    expect([obj({}), obj([]), obj(null), obj('x')]).toEqual([{}, undefined, undefined, undefined]);
    expect([arr([1]), arr('x'), arr(undefined)]).toEqual([[1], [], []]);
    expect([str('x'), str(1), str(undefined)]).toEqual(['x', undefined, undefined]);
  });
});
