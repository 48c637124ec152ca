// The phase calendar as the rules and reports read it: a municipality's own dates over the network's,
// and the time between two days in months and days.
import { describe, expect, it } from 'vitest';
import { addMonths, datedPhases, daysBetween, lengthInDays, monthsAndDays } from '../../src/calendar/phases.js';

describe('datedPhases', () => {
  it('lays a municipality\'s own phases over the network\'s, in the method\'s order', () => {
    const network = { capitalization: { start: '2022-07', end: '2022-12' }, roadmap: { start: '2023-01-01', end: '2023-12-31' } };
    const own = { capitalization: { start: '2022-09-01', end: '2023-02-28' }, note: 'new council' };
    expect(datedPhases(network, own).map((p) => [p.phase, p.start, p.end, p.own])).toEqual([
      ['capitalization', '2022-09-01', '2023-02-28', true],
      ['roadmap', '2023-01-01', '2023-12-31', false],
    ]);
    expect(datedPhases(network).map((p) => [p.phase, p.start, p.end])).toEqual([
      ['capitalization', '2022-07-01', '2022-12-31'],
      ['roadmap', '2023-01-01', '2023-12-31'],
    ]);
  });

  it('skips what is not a date and tolerates values of the wrong type', () => {
    expect(datedPhases({ profile: { start: 'soon' }, final: 'x' }, [1])).toEqual([]);
  });
});

describe('time between days', () => {
  it('counts days, and a phase\'s length with both ends', () => {
    expect(daysBetween('2022-12-31', '2023-02-28')).toBe(59);
    expect(lengthInDays('2023-03-01', '2023-03-31')).toBe(31);
  });

  it('splits into whole months and the days left over, month ends kept', () => {
    expect(monthsAndDays('2023-03-31', '2024-01-15')).toEqual({ months: 9, days: 15 });
    expect(monthsAndDays('2023-01-31', '2023-02-28')).toEqual({ months: 1, days: 0 });
    expect(monthsAndDays('2023-01-15', '2023-03-10')).toEqual({ months: 1, days: 23 });
    expect(monthsAndDays('2023-05-01', '2023-05-01')).toEqual({ months: 0, days: 0 });
    expect(monthsAndDays('2023-05-02', '2023-05-01')).toBeUndefined();
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
  });
});
