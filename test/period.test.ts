import { describe, expect, it } from 'vitest';
import { parsePeriod, unitSystemsFor } from '../src/core/period.js';

describe('parsePeriod', () => {
  it.each([
    ['2019', '2019', 1, 12],
    ['2019-Q3', '2019-Q3', 7, 9],
    ['Q3/2019', '2019-Q3', 7, 9],
    ['Quý 3/2019', '2019-Q3', 7, 9],
    ['2019-06', '2019-06', 6, 6],
    ['6/2019', '2019-06', 6, 6],
    ['Tháng 6/2019', '2019-06', 6, 6],
    ['2019-H1', '2019-H1', 1, 6],
    ['Năm 2019', '2019', 1, 12],
    ['2019.0', '2019', 1, 12], // a year cell Excel typed as a number
  ])('%s → %s', (text, label, firstMonth, lastMonth) => {
    expect(parsePeriod(text)).toMatchObject({ label, firstMonth, lastMonth, year: 2019 });
  });

  it.each(['', '19', '2019-13', '2019-Q5', 'năm ngoái', '3019', '2019-H3'])('%s is not a period', (text) => {
    expect(parsePeriod(text)).toBeNull();
  });
});

describe('which unit list a period uses (reform of 1 July 2025)', () => {
  it.each([
    ['2024', ['old']],
    ['2025-H1', ['old']],
    ['2025-06', ['old']],
    ['2025', ['old', 'new']],
    ['2025-Q3', ['new']],
    ['2025-07', ['new']],
    ['2026', ['new']],
  ])('%s uses %j', (text, systems) => {
    expect(unitSystemsFor(parsePeriod(text)!)).toEqual(systems);
  });
});
