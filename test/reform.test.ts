/**
 * Across the 1 July 2025 reform (DESIGN §3, §6): nothing dropped, nothing counted twice, every
 * window right. The rollup is fed figures directly, and its province totals are compared with a
 * reference written here from the rules alone (no code of the report builder), on random data:
 * kept and merged provinces, any window, partial years, both lists in 2025.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AcceptedRow } from '../src/core/checker.js';
import type { Unit } from '../src/core/gazetteer.js';
import { outlierFindings } from '../src/core/check.js';
import { parsePeriod } from '../src/core/period.js';
import type { AggregateReport, ReportUnit } from '../src/core/report.js';
import { Rollup, type BuildOptions } from '../src/core/rollup.js';
import { loadCatalogue, loadGazetteer } from '../src/io/shipped.js';

const catalogue = loadCatalogue();
const gazetteer = loadGazetteer();
const FLOW = 'propaganda_sessions';
const STOCK = 'lien_gia_groups';

interface Figure {
  unit: Unit;
  year: number;
  id: typeof FLOW | typeof STOCK;
  value: number;
}

function rowOf(f: Figure): AcceptedRow {
  const indicator = catalogue.indicator(f.id)!;
  return { unit: f.unit, period: parsePeriod(String(f.year))!, values: [{ indicator, index: catalogue.indexOf(f.id), scaled: f.value }], file: 'test.csv', line: 2 };
}

function report(figures: readonly Figure[], province: string, options: Partial<BuildOptions>): AggregateReport {
  const rollup = new Rollup(catalogue, gazetteer);
  for (const f of figures) rollup.addRow(rowOf(f));
  return rollup.build({ from: 2020, to: 2026, levels: ['commune', 'province'], indicators: [FLOW, STOCK].map((id) => catalogue.indicator(id)!), prefer: 'built', byYear: true, provinces: [province], ...options });
}

const cellOf = (unit: ReportUnit, id: string, year?: number) => {
  const i = [FLOW, STOCK].indexOf(id);
  return year === undefined ? unit.window[i]! : unit.years!.get(year)![i]!;
};
const totalOf = (r: AggregateReport) => r.units.find((u) => u.level === 'province' && u.standing === 'current')!;
const rowsOf = (r: AggregateReport) => r.units.filter((u) => u.level !== 'province');

/** The units of a current province: its communes, and the old communes of the provinces that went into it. */
function unitsOf(province: string) {
  const current = gazetteer.unit(province, 'new')!;
  const olds = gazetteer.oldProvincesOf(province);
  return { newCommunes: gazetteer.communesOf(current), oldCommunes: olds.flatMap((p) => gazetteer.communesOf(p)) };
}

/** The current commune an old commune went wholly into (one crosswalk row, `full`), if any. */
function wholeInto(old: Unit): string | null {
  const rows = gazetteer.successorsOf(old.code);
  return rows.length === 1 && rows[0]!.kind === 'full' ? rows[0]!.new_code : null;
}

/**
 * The reference: the province's figure over the window, from the rules as DESIGN §6 states them.
 * Flow: every figure of the window, except an old commune's for a year its current commune
 * reported itself. Stock: each current commune's latest own figure, else the latest of each old
 * commune that went wholly into it; each other old commune's latest, unless a commune it went
 * into has reported.
 */
function reference(figures: readonly Figure[], province: string, from: number, to: number) {
  const { newCommunes, oldCommunes } = unitsOf(province);
  const inWindow = figures.filter((f) => f.year >= from && f.year <= to);
  const own = (unit: Unit, id: string) => inWindow.filter((f) => f.unit === unit && f.id === id).sort((a, b) => a.year - b.year);
  const newCodes = new Set(newCommunes.map((u) => u.code));
  let flow = 0;
  for (const f of inWindow) {
    if (f.id !== FLOW) continue;
    if (f.unit.system === 'old') {
      const into = wholeInto(f.unit);
      if (into !== null && newCodes.has(into) && own(gazetteer.unit(into, 'new')!, FLOW).some((g) => g.year === f.year)) continue;
    }
    flow += f.value;
  }
  let stock = 0;
  for (const commune of newCommunes) {
    const mine = own(commune, STOCK);
    if (mine.length > 0) stock += mine[mine.length - 1]!.value;
    else for (const old of oldCommunes.filter((o) => wholeInto(o) === commune.code)) stock += own(old, STOCK).at(-1)?.value ?? 0;
  }
  for (const old of oldCommunes) {
    const into = wholeInto(old);
    if (into !== null && newCodes.has(into)) continue;
    const superseded = gazetteer.successorsOf(old.code).some((s) => newCodes.has(s.new_code) && own(gazetteer.unit(s.new_code, 'new')!, STOCK).length > 0);
    if (!superseded) stock += own(old, STOCK).at(-1)?.value ?? 0;
  }
  const hasFlow = inWindow.some((f) => f.id === FLOW);
  const hasStock = inWindow.some((f) => f.id === STOCK);
  return { flow: hasFlow ? flow : null, stock: hasStock ? stock : null };
}

/** Commune-years expected in a year: the old communes before 2025, the new after; 2025 as its returns. */
function expectedIn(figures: readonly Figure[], province: string, year: number): number {
  const { newCommunes, oldCommunes } = unitsOf(province);
  if (year < 2025) return oldCommunes.length;
  if (year > 2025) return newCommunes.length;
  const in2025 = figures.filter((f) => f.year === 2025);
  if (in2025.some((f) => f.unit.system === 'new')) return newCommunes.length;
  return in2025.some((f) => f.unit.system === 'old') ? oldCommunes.length : newCommunes.length;
}

const SON_LA = unitsOf('14');
const byCode = (units: Unit[], code: string) => units.find((u) => u.code === code)!;

describe('a window that reaches the reform', () => {
  // 2024 from the 200 old communes, 2025 from the 75 new ones: what users send now.
  const figures: Figure[] = [
    ...SON_LA.oldCommunes.map((unit, n) => ({ unit, year: 2024, id: FLOW, value: 1 + (n % 3) }) as Figure),
    ...SON_LA.oldCommunes.map((unit, n) => ({ unit, year: 2024, id: STOCK, value: 20 + (n % 7) }) as Figure),
    ...SON_LA.newCommunes.map((unit, n) => ({ unit, year: 2025, id: FLOW, value: 4 + (n % 2) }) as Figure),
    ...SON_LA.newCommunes.map((unit, n) => ({ unit, year: 2025, id: STOCK, value: 70 + (n % 5) }) as Figure),
  ];
  const flow2025 = SON_LA.newCommunes.reduce((sum, _u, n) => sum + 4 + (n % 2), 0);
  const stock2025 = SON_LA.newCommunes.reduce((sum, _u, n) => sum + 70 + (n % 5), 0);

  it('counts 2025 sent by the new communes, in 2025 alone and in any longer window', () => {
    const alone = totalOf(report(figures, '14', { from: 2025, to: 2025 }));
    expect(cellOf(alone, FLOW)).toMatchObject({ value: flow2025, reported: 75, expected: 75 });
    for (const from of [2016, 2020, 2024, 2025]) {
      const longer = totalOf(report(figures, '14', { from, to: 2025 }));
      expect(cellOf(longer, FLOW, 2025)).toEqual(cellOf(alone, FLOW, 2025));
      expect(cellOf(longer, STOCK, 2025)).toEqual(cellOf(alone, STOCK, 2025));
    }
  });

  it('takes each current commune\'s latest stock, never the old communes\' and the new ones\' together', () => {
    const total = totalOf(report(figures, '14', { from: 2016, to: 2025 }));
    expect(cellOf(total, STOCK).value).toBe(stock2025);
    expect(cellOf(total, FLOW).value).toBe(flow2025 + SON_LA.oldCommunes.reduce((sum, _u, n) => sum + 1 + (n % 3), 0));
  });

  it('keeps the province\'s stock when the last year is part-reported', () => {
    const first10 = SON_LA.newCommunes.slice(0, 10);
    const partial = [...figures, ...first10.map((unit) => ({ unit, year: 2026, id: STOCK, value: 5 }) as Figure)];
    const total = totalOf(report(partial, '14', { from: 2016, to: 2026 }));
    const others = SON_LA.newCommunes.reduce((sum, _u, n) => (n < 10 ? sum : sum + 70 + (n % 5)), 0);
    expect(cellOf(total, STOCK).value).toBe(10 * 5 + others);
  });

  it('shows a merged province whole: the new Tuyên Quang holds Hà Giang\'s and Tuyên Quang\'s years', () => {
    const hg = gazetteer.communesOf(gazetteer.unit('02', 'old')!).slice(0, 5);
    const tq = gazetteer.communesOf(gazetteer.unit('08', 'old')!).slice(0, 5);
    const now = gazetteer.communesOf(gazetteer.unit('08', 'new')!).slice(0, 4);
    const merged: Figure[] = [
      ...hg.map((unit) => ({ unit, year: 2020, id: FLOW, value: 10 }) as Figure),
      ...tq.map((unit) => ({ unit, year: 2021, id: FLOW, value: 7 }) as Figure),
      ...now.map((unit) => ({ unit, year: 2025, id: FLOW, value: 3 }) as Figure),
    ];
    const r = report(merged, '08', { from: 2017, to: 2025, levels: ['commune', 'province'] });
    expect(cellOf(totalOf(r), FLOW).value).toBe(50 + 35 + 12);
    // A subtotal per former province for the years before the reform, not part of the sum.
    const former = r.units.filter((u) => u.standing === 'former' && u.level === 'province').map((u) => [u.code, cellOf(u, FLOW).value]);
    expect(former).toEqual([
      ['02', 50],
      ['08', 35],
    ]);
    expect(r.units.filter((u) => u.level === 'province' && u.standing === 'current').map((u) => u.list)).toEqual(['new']);
  });

  it('puts a split commune\'s figures in a row of its own that names where it went, and the rows add up', () => {
    const split = SON_LA.oldCommunes.find((u) => gazetteer.successorsOf(u.code).length > 1)!;
    const r = report([{ unit: split, year: 2023, id: FLOW, value: 9 }, { unit: SON_LA.newCommunes[0]!, year: 2025, id: FLOW, value: 2 }], '14', { from: 2023, to: 2025 });
    const row = r.units.find((u) => u.code === split.code && u.list === 'old')!;
    expect(row.standing).toBe('not-attributable');
    expect(row.successors!.length).toBe(2);
    expect(cellOf(row, FLOW).value).toBe(9);
    expect(cellOf(totalOf(r), FLOW).value).toBe(11);
  });

  it('says plainly that there are no districts after the reform', () => {
    const r = report(figures.filter((f) => f.year === 2025), '14', { from: 2025, to: 2026, levels: ['district', 'province'] });
    expect(r.findings.map((f) => f.code)).toEqual(['no-districts-after-reform']);
    expect(r.units.filter((u) => u.level === 'district')).toEqual([]);
    const crossing = report(figures, '14', { from: 2024, to: 2025, levels: ['district', 'province'] });
    expect(crossing.findings.map((f) => f.code)).toEqual(['districts-before-reform-only']);
    expect(crossing.units.filter((u) => u.level === 'district').every((u) => u.standing === 'former' && u.list === 'old')).toBe(true);
  });
});

describe('unusual figures after the reform', () => {
  const flagged = (figures: Figure[]) => {
    const rollup = new Rollup(catalogue, gazetteer);
    for (const f of figures) rollup.addRow(rowOf(f));
    return outlierFindings(rollup, catalogue, gazetteer, 2016, 2026, 3.5).map((f) => [f.unit!.split(' ')[0], f.params.year, f.params.sameYear ?? 0]);
  };
  const history = (units: Unit[], value: (unit: Unit, year: number) => number) =>
    units.flatMap((unit) => [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023].map((year) => ({ unit, year, id: FLOW, value: value(unit, year) }) as Figure));

  it('catches a ×10 slip in 2026 from the history of the old communes that went wholly into the commune', () => {
    // 03712 Xã Mường Sại (new) is 03709 Xã Mường Sại and 03712 Xã Nậm ét (old), both wholly.
    const olds = ['03709', '03712'].map((code) => gazetteer.unit(code, 'old')!);
    const now = gazetteer.unit('03712', 'new')!;
    const figures = [...history(olds, (_u, year) => 20 + (year % 3)), { unit: now, year: 2025, id: FLOW, value: 43 } as Figure, { unit: now, year: 2026, id: FLOW, value: 440 } as Figure];
    expect(flagged(figures)).toEqual([['03712', 2026, 0]]);
    expect(flagged(figures.slice(0, -1))).toEqual([]);
  });

  it('catches a ×10 slip without history, against the other communes of the province that year', () => {
    const now = SON_LA.newCommunes.slice(0, 12);
    const figures = now.map((unit, n) => ({ unit, year: 2026, id: FLOW, value: n === 5 ? 400 : 38 + n }) as Figure);
    expect(flagged(figures)).toEqual([[now[5]!.code, 2026, 1]]);
  });
});

describe('random data across the reform', () => {
  /** Figures for a province: old communes (2020–2025), new communes (2025–2026), one per unit, year and indicator. */
  const data = (province: string) => {
    // A few current communes and every old commune that went (wholly or in part) into them: so
    // that random figures meet each other (a current commune and its old ones in one year, a
    // split commune and the communes it went into).
    const all = unitsOf(province);
    const split = all.oldCommunes.filter((u) => wholeInto(u) === null).slice(0, 2);
    const focus = new Set([...all.newCommunes.slice(0, 3).map((u) => u.code), ...split.flatMap((u) => gazetteer.successorsOf(u.code).map((s) => s.new_code))]);
    const newCommunes = all.newCommunes.filter((u) => focus.has(u.code));
    const oldCommunes = all.oldCommunes.filter((u) => gazetteer.successorsOf(u.code).some((s) => focus.has(s.new_code)));
    const figure = fc.record({
      old: fc.boolean(),
      pick: fc.nat(),
      year: fc.integer({ min: 2020, max: 2026 }),
      id: fc.constantFrom(FLOW, STOCK),
      value: fc.integer({ min: 0, max: 500 }),
    });
    return fc.array(figure, { maxLength: 60 }).map((list) => {
      const seen = new Set<string>();
      const figures: Figure[] = [];
      for (const f of list) {
        const old = f.old && f.year <= 2025;
        const units = old || f.year < 2025 ? oldCommunes : newCommunes;
        const unit = units[f.pick % units.length]!;
        const key = `${unit.system}${unit.code}|${f.year}|${f.id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        figures.push({ unit, year: f.year, id: f.id, value: f.value });
      }
      return figures;
    });
  };
  const window = fc.tuple(fc.integer({ min: 2018, max: 2026 }), fc.integer({ min: 2025, max: 2026 })).filter(([from, to]) => from <= to);

  it.each([
    ['14', 'Sơn La (kept)'],
    ['08', 'Tuyên Quang (Hà Giang + Tuyên Quang)'],
  ])('province %s, %s: totals equal the reference, rows add up, and 2025 is the same in every window', (province) => {
    fc.assert(
      fc.property(data(province), window, (figures, [from, to]) => {
        const r = report(figures, province, { from, to });
        const total = totalOf(r);
        const expected = reference(figures, province, from, to);
        expect(cellOf(total, FLOW).value).toBe(expected.flow);
        expect(cellOf(total, STOCK).value).toBe(expected.stock);
        // Every table adds up: the rows beneath the province make its figure, over the window and each year.
        const rows = rowsOf(r);
        const sum = (cells: (number | null)[]) => (cells.every((c) => c === null) ? null : cells.reduce<number>((a, c) => a + (c ?? 0), 0));
        expect(sum(rows.map((u) => cellOf(u, FLOW).value))).toBe(cellOf(total, FLOW).value);
        expect(sum(rows.map((u) => cellOf(u, STOCK).value))).toBe(cellOf(total, STOCK).value);
        for (const year of r.years) {
          expect(sum(rows.map((u) => cellOf(u, FLOW, year).value))).toBe(cellOf(total, FLOW, year).value);
          expect(cellOf(total, FLOW, year).expected).toBe(expectedIn(figures, province, year));
        }
        if (from <= 2025) {
          const alone = totalOf(report(figures, province, { from: 2025, to: 2025 }));
          expect(cellOf(total, FLOW, 2025)).toEqual(cellOf(alone, FLOW, 2025));
          expect(cellOf(total, STOCK, 2025)).toEqual(cellOf(alone, STOCK, 2025));
        }
      }),
      { numRuns: 60 },
    );
  });
});
