/**
 * The rollup, fed figures directly (no files): which figure goes up, completeness, and the
 * invariants that must hold whatever the data (property tests with fast-check).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AcceptedRow } from '../src/core/checker.js';
import { outlierFindings, outliersIn } from '../src/core/check.js';
import { scaledToPlain } from '../src/core/numbers.js';
import { parsePeriod } from '../src/core/period.js';
import type { AggregateReport } from '../src/core/report.js';
import { Rollup, type BuildOptions } from '../src/core/rollup.js';
import { loadCatalogue, loadGazetteer } from '../src/io/shipped.js';

const catalogue = loadCatalogue();
const gazetteer = loadGazetteer();
const SONG_MA = gazetteer.communesOf(gazetteer.unit('126', 'old')!);
const SOP_COP = gazetteer.communesOf(gazetteer.unit('127', 'old')!);

/** One figure, as an accepted row of its own. */
function observation(code: string, period: string, id: string, scaled: number, system: 'old' | 'new' = 'old'): AcceptedRow {
  const indicator = catalogue.indicator(id)!;
  return { unit: gazetteer.unit(code, system)!, period: parsePeriod(period)!, values: [{ indicator, index: catalogue.indexOf(id), scaled }], file: 'test.csv', line: 2 };
}

function rollUp(observations: AcceptedRow[], options: Partial<BuildOptions> = {}): { report: AggregateReport; rollup: Rollup } {
  const rollup = new Rollup(catalogue, gazetteer);
  for (const o of observations) rollup.addRow(o);
  const ids = options.indicators ?? ['propaganda_sessions', 'lien_gia_groups', 'communes_meeting_safety_standard', 'model_types', 'rehab_participants', 'addicts_quit', 'addicts_quit_rate'].map((id) => catalogue.indicator(id)!);
  const report = rollup.build({ from: 2013, to: 2023, levels: ['commune', 'district', 'province'], indicators: ids, prefer: 'built', byYear: true, provinces: ['14'], ...options });
  return { report, rollup };
}

function figure(report: AggregateReport, code: string, id: string, year?: number) {
  const unit = report.units.find((u) => u.code === code)!;
  const i = report.indicators.findIndex((x) => x.id === id);
  return year === undefined ? unit.window[i]! : unit.years!.get(year)![i]!;
}

describe('which figure goes up', () => {
  it('builds a district from its communes, and a province from its districts', () => {
    const { report } = rollUp([observation('04213', '2020', 'propaganda_sessions', 3), observation('04216', '2020', 'propaganda_sessions', 4), observation(SOP_COP[0]!.code, '2021', 'propaganda_sessions', 5)]);
    expect(figure(report, '126', 'propaganda_sessions')).toMatchObject({ value: 7, source: 'built' });
    expect(figure(report, '14', 'propaganda_sessions')).toMatchObject({ value: 12, source: 'built' });
  });

  it('uses a district’s own return when none of its communes reported, and marks it', () => {
    const { report } = rollUp([observation('126', '2020', 'propaganda_sessions', 70)]);
    expect(figure(report, '126', 'propaganda_sessions')).toMatchObject({ value: 70, source: 'own', reported: 19, expected: 19 * 11 });
    expect(figure(report, '14', 'propaganda_sessions')).toMatchObject({ value: 70, source: 'built' });
  });

  it('prefers the communes’ sum to a disagreeing own return, reports the difference, and flips with prefer: reported', () => {
    const data = [observation('04213', '2020', 'propaganda_sessions', 3), observation('04216', '2020', 'propaganda_sessions', 4), observation('126', '2020', 'propaganda_sessions', 9)];
    const built = rollUp(data);
    expect(figure(built.report, '126', 'propaganda_sessions').value).toBe(7);
    expect(built.report.findings.map((f) => [f.code, f.unit, f.params.own, f.params.built])).toEqual([['reconciliation', '126 Huyện Sông Mã', '9', '7']]);
    const reported = rollUp(data, { prefer: 'reported' });
    expect(figure(reported.report, '126', 'propaganda_sessions')).toMatchObject({ value: 9, source: 'own' });
  });

  it('keeps a `none` figure at the level that reported it', () => {
    const { report } = rollUp([observation('14', '2023', 'model_types', 86), observation('126', '2023', 'model_types', 12)]);
    expect(figure(report, '14', 'model_types').value).toBe(86);
    expect(figure(report, '126', 'model_types').value).toBe(12);
    const { report: only } = rollUp([observation('126', '2023', 'model_types', 12)]);
    expect(figure(only, '14', 'model_types').value).toBeNull();
  });

  it('counts the communes that said yes for a unit_count', () => {
    const answers = SONG_MA.map((c, i) => observation(c.code, '2023', 'communes_meeting_safety_standard', i < 14 ? 1 : 0));
    const { report } = rollUp(answers);
    expect(figure(report, '126', 'communes_meeting_safety_standard').value).toBe(14);
  });

  it('computes a ratio from summed parts', () => {
    const { report } = rollUp([
      observation('04213', '2020', 'rehab_participants', 1),
      observation('04213', '2020', 'addicts_quit', 1),
      observation('04216', '2021', 'rehab_participants', 99),
      observation('04216', '2021', 'addicts_quit', 1),
    ]);
    expect(figure(report, '126', 'addicts_quit_rate').value).toBe(20); // 2.0%, not the 50.5% average
  });

  it('rolls quarters into their year, and refuses a year and its quarter together', () => {
    const { report, rollup } = rollUp([
      observation('04213', '2020-Q1', 'propaganda_sessions', 1),
      observation('04213', '2020-Q2', 'propaganda_sessions', 2),
      observation('04213', '2020', 'propaganda_sessions', 50),
    ]);
    expect(figure(report, '04213', 'propaganda_sessions', 2020).value).toBe(3);
    expect(rollup.findings.map((f) => f.code)).toEqual(['overlapping-periods']);
  });
});

describe('across the 1 July 2025 reform', () => {
  it('adds flows across both lists, and takes each current commune\'s latest stock (its old communes\' while it has none)', () => {
    const { report } = rollUp(
      [
        observation('04213', '2024', 'propaganda_sessions', 3),
        observation('04213', '2024', 'lien_gia_groups', 100),
        observation('04216', '2024', 'lien_gia_groups', 50),
        observation('03712', '2026', 'propaganda_sessions', 5, 'new'),
        observation('03712', '2026', 'lien_gia_groups', 120, 'new'),
      ],
      { from: 2024, to: 2026, levels: ['province'] },
    );
    // 2024: the 200 old communes; 2025 (no returns) and 2026: the 75 new ones.
    expect(figure(report, '14', 'propaganda_sessions')).toMatchObject({ value: 8, expected: 200 + 75 + 75 });
    // 03712 Xã Mường Sại's own 120; 04213 went wholly into 04222 and 04216 into 04204, which have not reported since.
    expect(figure(report, '14', 'lien_gia_groups').value).toBe(120 + 100 + 50);
  });
});

describe('what is present', () => {
  it('years with figures, and indicators with figures within a window (a ratio when both its parts are)', () => {
    const rollup = new Rollup(catalogue, gazetteer);
    const rows = [
      observation(SONG_MA[1]!.code, '2020-Q2', 'lien_gia_groups', 40),
      observation(SONG_MA[2]!.code, '2020', 'rehab_participants', 8),
      observation(SONG_MA[2]!.code, '2022', 'addicts_quit', 2),
      observation('126', '2022', 'rehab_participants', 9),
      observation(SONG_MA[0]!.code, '2015', 'propaganda_sessions', 3),
    ];
    for (const row of rows) rollup.addRow(row);
    const ids = (from: number, to: number) => rollup.indicatorsPresent(from, to).map((i) => i.id);
    expect(rollup.yearsPresent()).toEqual([2015, 2020, 2022]);
    expect(ids(2013, 2016)).toEqual(['propaganda_sessions']);
    expect(ids(2019, 2021)).toEqual(['lien_gia_groups', 'rehab_participants'].sort((a, b) => catalogue.indexOf(a) - catalogue.indexOf(b)));
    expect(ids(2022, 2022)).toEqual(['rehab_participants', 'addicts_quit', 'addicts_quit_rate'].sort((a, b) => catalogue.indexOf(a) - catalogue.indexOf(b)));
    expect(ids(2016, 2019)).toEqual([]);
    // Asked twice (the report, then the outliers), then again after more figures: each answer is the figures' at the time.
    expect(ids(2022, 2022)).toEqual(ids(2022, 2022));
    const kept = rollup.indicatorsPresent(2016, 2019);
    kept.push(catalogue.indicators[0]!);
    expect(ids(2016, 2019)).toEqual([]);
    rollup.addRow(observation(SONG_MA[0]!.code, '2017', 'mediation_teams', 4));
    expect(ids(2016, 2019)).toEqual(['mediation_teams']);
    rollup.addRow(observation(SONG_MA[3]!.code, '2018', 'weapons_surrendered', 2));
    expect(ids(2016, 2019)).toEqual(['mediation_teams', 'weapons_surrendered'].sort((a, b) => catalogue.indexOf(a) - catalogue.indexOf(b)));
  });
});

describe('completeness', () => {
  it('says how many commune-years a figure covers of those the gazetteer expects', () => {
    const { report } = rollUp(SONG_MA.map((c) => observation(c.code, '2023', 'propaganda_sessions', 1)), { from: 2023, to: 2023 });
    expect(figure(report, '126', 'propaganda_sessions')).toMatchObject({ value: 19, reported: 19, expected: 19 });
    expect(figure(report, '14', 'propaganda_sessions')).toMatchObject({ value: 19, reported: 19, expected: 200 });
  });
});

// ---- Invariants ---------------------------------------------------------------------------

const communes = [...SONG_MA, ...SOP_COP];
const arbitraryObservations = fc.uniqueArray(
  fc.record({
    commune: fc.integer({ min: 0, max: communes.length - 1 }),
    year: fc.integer({ min: 2013, max: 2023 }),
    indicator: fc.constantFrom('propaganda_sessions', 'lien_gia_groups', 'opium_destroyed_ha'),
    value: fc.integer({ min: 0, max: 100_000 }),
  }),
  { selector: (o) => `${o.commune}|${o.year}|${o.indicator}`, maxLength: 120 },
);
const toObservations = (list: { commune: number; year: number; indicator: string; value: number }[]) =>
  list.map((o) => observation(communes[o.commune]!.code, String(o.year), o.indicator, o.value));
const indicators = ['propaganda_sessions', 'lien_gia_groups', 'opium_destroyed_ha'].map((id) => catalogue.indicator(id)!);

describe('rollup invariants (property)', () => {
  it('the order of figures does not change any figure', () => {
    fc.assert(
      fc.property(arbitraryObservations, fc.infiniteStream(fc.nat()), (list, seeds) => {
        const observations = toObservations(list);
        const shuffled = [...observations].sort(() => (seeds.next().value % 3) - 1);
        const a = rollUp(observations, { indicators }).report;
        const b = rollUp(shuffled, { indicators }).report;
        expect(b.units).toEqual(a.units);
      }),
      { numRuns: 60 },
    );
  });

  it('district flows add up to the province, and equal a plain reference sum', () => {
    fc.assert(
      fc.property(arbitraryObservations, (list) => {
        const { report } = rollUp(toObservations(list), { indicators });
        for (const id of ['propaganda_sessions', 'opium_destroyed_ha']) {
          const districts = ['126', '127'].map((code) => figure(report, code, id).value ?? 0);
          const reference = list.filter((o) => o.indicator === id).reduce((sum, o) => sum + o.value, 0);
          const province = figure(report, '14', id).value ?? 0;
          expect(province).toBe(districts[0]! + districts[1]!);
          expect(province).toBe(reference);
        }
      }),
      { numRuns: 80 },
    );
  });

  it('a stock over years is each commune’s latest figure, summed: never a sum over years', () => {
    fc.assert(
      fc.property(arbitraryObservations, (list) => {
        const { report } = rollUp(toObservations(list), { indicators });
        const latest = new Map<number, { year: number; value: number }>();
        for (const o of list.filter((x) => x.indicator === 'lien_gia_groups')) {
          const known = latest.get(o.commune);
          if (!known || o.year > known.year) latest.set(o.commune, { year: o.year, value: o.value });
        }
        const reference = [...latest.values()].reduce((sum, l) => sum + l.value, 0);
        expect(figure(report, '14', 'lien_gia_groups').value ?? 0).toBe(reference);
      }),
      { numRuns: 80 },
    );
  });
});

describe('rows widened as indicators arrive (property)', () => {
  // Twelve flows of whole numbers: a rollup starts with room for eight indicators a row and
  // widens every row when a new one comes, however many rows it holds by then.
  const flows = catalogue.indicators.filter((i) => i.kind === 'flow' && i.decimals === 0).slice(0, 12);
  const communes = [...SONG_MA, ...SOP_COP];

  it('every commune-year keeps each figure, whenever its indicator first came', () => {
    const figure = fc.record({ commune: fc.nat({ max: communes.length - 1 }), year: fc.integer({ min: 2013, max: 2023 }), indicator: fc.nat({ max: flows.length - 1 }), value: fc.nat({ max: 100_000 }) });
    fc.assert(
      fc.property(fc.array(figure, { minLength: 200, maxLength: 600 }), fc.nat({ max: 400 }), (drawn, late) => {
        // One figure per commune, year and indicator (the first drawn).
        const list = [...new Map(drawn.map((o) => [`${o.commune} ${o.year} ${o.indicator}`, o])).values()];
        // The first `late` figures of the first indicator, then the rest in the order drawn: the
        // other indicators, and so every widening, come after up to 400 unit-years are held.
        const head = list.filter((o) => o.indicator === 0).slice(0, late);
        const order = [...head, ...list.filter((o) => !head.includes(o))];
        const rollup = new Rollup(catalogue, gazetteer);
        for (const o of order) {
          const indicator = flows[o.indicator]!;
          rollup.addRow({ unit: communes[o.commune]!, period: parsePeriod(String(o.year))!, values: [{ indicator, index: catalogue.indexOf(indicator.id), scaled: o.value }], file: 'test.csv', line: 2 });
        }
        const report = rollup.build({ from: 2013, to: 2023, levels: ['commune'], indicators: flows, prefer: 'built', byYear: true, provinces: ['14'] });
        // Nothing taken for a second report of the same months, and every cell of every
        // commune-year: its figure, or none where none was given.
        expect(report.findings).toEqual([]);
        const given = new Map(list.map((o) => [`${communes[o.commune]!.code} ${o.year} ${o.indicator}`, o.value]));
        const wrong: string[] = [];
        for (const unit of report.units) {
          for (const [year, cells] of unit.years!) {
            cells.forEach((cell, i) => {
              const expected = given.get(`${unit.code} ${year} ${i}`) ?? null;
              if (cell.value !== expected) wrong.push(`${unit.code} ${year} ${flows[i]!.id}: ${cell.value} for ${expected}`);
            });
          }
        }
        expect(wrong).toEqual([]);
      }),
      { numRuns: 30 },
    );
  }, 120_000);
});

describe('outliers of a rollup (property)', () => {
  // Figures mostly of one size with now and then ten times or a tenth of it, in any order of
  // years (a unit's years reach the rollup as its files come), some outside the window.
  const arbitrarySeries = fc.uniqueArray(
    fc.record({
      commune: fc.integer({ min: 0, max: 3 }),
      year: fc.integer({ min: 2010, max: 2026 }),
      indicator: fc.constantFrom('propaganda_sessions', 'lien_gia_groups', 'opium_destroyed_ha', 'model_types'),
      value: fc.oneof(
        { weight: 8, arbitrary: fc.integer({ min: 90, max: 130 }) },
        { weight: 1, arbitrary: fc.integer({ min: 900, max: 1_300 }) },
        { weight: 1, arbitrary: fc.integer({ min: 0, max: 14 }) },
      ),
    }),
    { selector: (o) => `${o.commune}|${o.year}|${o.indicator}`, minLength: 40, maxLength: 150 },
  );

  it('flags what outliersIn flags in each unit’s own yearly series within the window, in order', () => {
    let flagged = 0;
    fc.assert(
      fc.property(arbitrarySeries, fc.integer({ min: 2010, max: 2024 }), fc.integer({ min: 2, max: 12 }), (list, from, span) => {
        const to = Math.min(2026, from + span);
        const rollup = new Rollup(catalogue, gazetteer);
        for (const o of list) rollup.addRow(observation(communes[o.commune]!.code, String(o.year), o.indicator, o.value));
        const found = outlierFindings(rollup, catalogue, gazetteer, from, to, 3.5).map((f) => `${f.unit} ${f.indicator} ${f.params.year} ${f.value} ${f.params.low}–${f.params.high} ${f.params.reason}`);
        // Units in the order their first figure came, indicators in the catalogue's, years ascending.
        const expected: string[] = [];
        for (const c of new Set(list.map((o) => o.commune))) {
          for (const id of ['lien_gia_groups', 'propaganda_sessions', 'opium_destroyed_ha'].sort((a, b) => catalogue.indexOf(a) - catalogue.indexOf(b))) {
            const indicator = catalogue.indicator(id)!;
            const points = list
              .filter((o) => o.commune === c && o.indicator === id && o.year >= from && o.year <= to)
              .sort((a, b) => a.year - b.year)
              .map((o) => ({ year: o.year, value: o.value }));
            const unit = `${communes[c]!.code} ${communes[c]!.name}`;
            const plain = (scaled: number) => scaledToPlain(scaled, indicator.decimals);
            for (const outlier of outliersIn(points, 3.5, indicator.decimals)) {
              expected.push(`${unit} ${id} ${outlier.year} ${plain(outlier.value)} ${plain(outlier.low)}–${plain(outlier.high)} ${outlier.reason}`);
            }
          }
        }
        expect(found).toEqual(expected);
        flagged += found.length;
      }),
      { numRuns: 150 },
    );
    expect(flagged).toBeGreaterThan(50); // the data made outliers to find
  });
});
