import { describe, expect, it } from 'vitest';
import { ratioOf } from '../src/core/accumulators.js';
import { accumulatorFor } from '../src/core/kinds.js';

/** A unit's series: [year, value] pairs. */
function series(kind: 'flow' | 'stock' | 'unit_count' | 'none', points: [number, number][]) {
  const acc = accumulatorFor(kind);
  for (const [year, value] of points) acc.addYear(year, value);
  return acc;
}

describe('accumulators, one per kind', () => {
  it.each([
    // kind, one unit's years, expected window value
    ['flow', [[2013, 10], [2014, 20], [2023, 5]], 35],
    ['stock', [[2013, 10], [2014, 20], [2023, 5]], 5], // the latest, never the sum
    ['stock', [[2023, 5], [2013, 10]], 5], // order of arrival does not matter
    ['unit_count', [[2019, 0], [2020, 1]], 1],
    ['none', [[2015, 40], [2023, 86]], 86],
  ] as const)('%s over years %j is %d', (kind, points, expected) => {
    expect(series(kind, points.map(([y, v]) => [y, v])).value()).toBe(expected);
  });

  it('flow and stock both sum across units, each unit’s stock at its latest year', () => {
    const flow = accumulatorFor('flow');
    flow.addUnit(series('flow', [[2013, 1], [2014, 2]]));
    flow.addUnit(series('flow', [[2013, 10]]));
    expect(flow.value()).toBe(13);

    const stock = accumulatorFor('stock');
    stock.addUnit(series('stock', [[2013, 100], [2023, 120]]));
    stock.addUnit(series('stock', [[2013, 50], [2020, 60]])); // silent since 2020: its groups still exist
    expect(stock.value()).toBe(180);
    expect(stock.latestYear()).toBe(2023);
  });

  it('unit_count across communes counts the ones that said yes', () => {
    const district = accumulatorFor('unit_count');
    for (const answer of [1, 0, 1, 1, 0]) district.addUnit(series('unit_count', [[2024, answer]]));
    expect(district.value()).toBe(3);
  });

  it('none is never combined across units', () => {
    const province = accumulatorFor('none');
    province.addUnit(series('none', [[2023, 86]]));
    province.addUnit(series('none', [[2023, 49]]));
    expect(province.value()).toBeNull();
  });

  it('an accumulator with nothing added has no value, not zero', () => {
    for (const kind of ['flow', 'stock', 'unit_count', 'none'] as const) expect(accumulatorFor(kind).value()).toBeNull();
  });

  it('refuses to accumulate a ratio', () => {
    expect(() => accumulatorFor('ratio')).toThrow();
  });
});

describe('ratioOf: computed from summed parts, exact, rounded half up', () => {
  it.each([
    [103, 107, 0, 0, 1, 963], // 96.26…% → 96.3
    [1250, 6505, 0, 0, 1, 192], // 19.21…% → 19.2
    [1, 8, 0, 0, 1, 125], // 12.5% exactly
    [1, 3, 0, 0, 2, 3333],
    [237, 1000, 1, 0, 1, 24], // 23.7 ha out of 1000 → 2.37% → 2.4
  ])('%d / %d (decimals %d, %d) → %d', (n, d, dn, dd, decimals, expected) => {
    expect(ratioOf(n, d, dn, dd, decimals)).toBe(expected);
  });

  it('has no value without a denominator', () => {
    expect(ratioOf(5, 0, 0, 0, 1)).toBeNull();
    expect(ratioOf(5, null, 0, 0, 1)).toBeNull();
    expect(ratioOf(null, 5, 0, 0, 1)).toBeNull();
  });

  it('is not the average of the parts’ percentages', () => {
    // District A: 1 of 1 resolved (100%); district B: 1 of 99 (1%). Average 50.5%; the truth is 2%.
    expect(ratioOf(1 + 1, 1 + 99, 0, 0, 1)).toBe(20);
  });
});
