/** Outlier scoring, table-style: what is flagged and what is left alone. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { outliersIn, scoreOutliers } from '../src/core/check.js';

const series = (...values: number[]) => values.map((value, i) => ({ year: 2015 + i, value }));

describe('outliersIn', () => {
  it('flags an extra zero: 1250 among figures around 125', () => {
    expect(outliersIn(series(120, 125, 131, 1250, 128), 3.5, 0)).toEqual([expect.objectContaining({ year: 2018, value: 1250, low: 120, high: 131, reason: 'tenfold' })]);
  });

  it('flags a missing zero: 13 among figures around 130', () => {
    expect(outliersIn(series(120, 125, 131, 13, 128), 3.5, 0)).toEqual([expect.objectContaining({ year: 2018, value: 13, reason: 'tenfold' })]);
  });

  it('flags a figure far from the others by the robust score', () => {
    expect(outliersIn(series(100, 104, 98, 101, 103, 99, 640), 3.5, 0)).toEqual([expect.objectContaining({ year: 2021, value: 640, reason: 'robust' })]);
  });

  it('leaves alone a steadily growing stock, small counts, zeros and short series', () => {
    expect(outliersIn(series(60, 64, 68, 72, 76, 80, 84, 88, 92, 96, 100), 3.5, 0)).toEqual([]);
    expect(outliersIn(series(1, 2, 1, 3, 1, 2, 5), 3.5, 0)).toEqual([]);
    expect(outliersIn(series(0, 110, 0, 95, 0, 120, 101), 3.5, 0)).toEqual([]);
    expect(outliersIn(series(125, 1250), 3.5, 0)).toEqual([]);
  });

  it('takes the threshold as given', () => {
    const data = series(100, 104, 98, 101, 103, 99, 310);
    expect(outliersIn(data, 3.5, 0)).toHaveLength(1);
    expect(outliersIn(data, 1000, 0)).toHaveLength(0);
  });

  /** Series around a usual figure with points near the lines the tests draw: ×3, ×7, ×13, ÷3, ÷7, ÷13. */
  const nearTheLines = fc.integer({ min: 1, max: 3000 }).chain((base) =>
    fc.array(
      fc.oneof(
        fc.constant(base),
        fc.integer({ min: Math.floor(base * 0.9), max: Math.ceil(base * 1.1) }),
        fc.integer({ min: 600, max: 1400 }).map((k) => Math.round((base * k) / 100)),
        fc.integer({ min: 600, max: 1400 }).map((k) => Math.round((base * 100) / k)),
        fc.integer({ min: 250, max: 350 }).map((k) => Math.round((base * k) / 100)),
        fc.integer({ min: 250, max: 350 }).map((k) => Math.round((base * 100) / k)),
        fc.constant(0),
      ),
      { minLength: 3, maxLength: 12 },
    ),
  );

  it('passes over only series that cannot have an outlier: the same result as scoring every point', () => {
    const value = fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 50, max: 150 }), fc.integer({ min: 0, max: 5000 }), fc.constantFrom(0, 1, 10, 1250));
    fc.assert(
      fc.property(fc.oneof(fc.array(value, { minLength: 0, maxLength: 12 }), nearTheLines), fc.constantFrom(0.5, 2, 3.5, 6), fc.constantFrom(0, 1, 2), (values, threshold, decimals) => {
        expect(outliersIn(series(...values), threshold, decimals)).toEqual(scoreOutliers(series(...values), threshold, decimals));
      }),
      { numRuns: 3000 },
    );
  });

  it('scores as the plain formulas do (reference written out with arrays and comparators)', () => {
    const reference = (values: number[], threshold: number, decimals: number) => {
      const sorted = [...values].sort((a, b) => a - b);
      const positives = sorted.filter((v) => v > 0);
      const median = (list: number[]) => (list.length % 2 === 1 ? list[list.length >> 1]! : (list[(list.length >> 1) - 1]! + list[list.length >> 1]!) / 2);
      const without = (list: number[], skip: number) => median(list.filter((_, i) => i !== skip));
      const m = positives.length > 0 ? median(positives) : 0;
      const logs = positives.map(Math.log);
      const logMedian = logs.length > 0 ? median(logs) : 0;
      const logMad = logs.length > 0 ? median(logs.map((v) => Math.abs(v - logMedian)).sort((a, b) => a - b)) : 0;
      const floor = 10 * 10 ** decimals;
      return values.flatMap((value, i) => {
        const at = sorted.indexOf(value);
        const positiveAt = value > 0 ? positives.indexOf(value) : -1;
        const usual = positiveAt >= 0 ? (positives.length > 1 ? without(positives, positiveAt) : 0) : positives.length > 0 ? median(positives) : without(sorted, at);
        const ratio = usual > 0 && value > 0 ? value / usual : 0;
        const tenfold = (usual >= floor / 10 && value >= floor && ratio >= 7 && ratio <= 13) || (usual >= floor && ratio > 0 && 1 / ratio >= 7 && 1 / ratio <= 13);
        const score = value > 0 && logMad > 0 ? (0.6745 * (Math.log(value) - logMedian)) / logMad : 0;
        const robust = positives.length >= 5 && Math.abs(score) > threshold && (value >= 3 * m || value <= m / 3) && Math.abs(value - m) >= floor;
        if (!tenfold && !robust) return [];
        const n = values.length;
        return [{ year: 2015 + i, value, low: at === 0 ? sorted[1]! : sorted[0]!, high: at === n - 1 ? sorted[n - 2]! : sorted[n - 1]!, reason: tenfold ? 'tenfold' : 'robust', score }];
      });
    };
    const value = fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 50, max: 150 }), fc.integer({ min: 0, max: 5000 }), fc.constantFrom(0, 1, 10, 1250));
    fc.assert(
      fc.property(fc.oneof(fc.array(value, { minLength: 3, maxLength: 12 }), nearTheLines), fc.constantFrom(0.5, 2, 3.5, 6), fc.constantFrom(0, 1, 2), (values, threshold, decimals) => {
        expect(scoreOutliers(series(...values), threshold, decimals)).toEqual(reference(values, threshold, decimals));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads decimals in their scale: 23,7 ha is 237 tenths', () => {
    expect(outliersIn(series(20, 22, 25, 230, 21), 3.5, 1)).toEqual([expect.objectContaining({ value: 230, reason: 'tenfold' })]);
  });
});

describe('rules after rollup', () => {
  it('catch a district total that breaks a rule every commune row kept', async () => {
    const { Rollup } = await import('../src/core/rollup.js');
    const { rulesAfterRollup } = await import('../src/core/check.js');
    const { parsePeriod } = await import('../src/core/period.js');
    const { loadCatalogue, loadGazetteer } = await import('../src/io/shipped.js');
    const catalogue = loadCatalogue();
    const gazetteer = loadGazetteer();
    const rollup = new Rollup(catalogue, gazetteer);
    const add = (code: string, id: string, scaled: number) =>
      rollup.addRow({ unit: gazetteer.unit(code, 'old')!, period: parsePeriod('2020')!, values: [{ indicator: catalogue.indicator(id)!, index: catalogue.indexOf(id), scaled }], file: 'x.csv', line: 2 });
    // Each commune reported one side only: every row is fine, the district's sum is not.
    add('04213', 'addicts_quit', 9);
    add('04216', 'rehab_participants', 4);
    const report = rollup.build({ from: 2020, to: 2020, levels: ['district', 'province'], indicators: rollup.indicatorsPresent(2020, 2020), prefer: 'built', byYear: true, provinces: ['14'] });
    const findings = rulesAfterRollup(report, catalogue);
    expect(findings.map((f) => [f.code, f.unit, f.params.rule, f.params.period])).toEqual([
      ['rule-violated', '126 Huyện Sông Mã', 'quit_within_rehab', '2020'],
      ['rule-violated', '14 Tỉnh Sơn La', 'quit_within_rehab', '2020'],
    ]);
  });
});
