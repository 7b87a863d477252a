/**
 * The rollup's store: accepted figures in, by unit and year (DESIGN §5, §6). Pure: figures are
 * pushed in by the pipeline; `build` hands the store to the report builder (report-builder.ts),
 * which works out district, province and multi-year totals as one report model.
 *
 * Storage is per unit and year (what the aggregates need), never per row:
 *
 *   "old04213" → 2019 → row 7 → values[7 × stride + slot of the indicator] = 1250   (NaN: not reported)
 *
 * The unit-years' figures live in three typed arrays shared by all (a row per unit-year, a slot
 * per indicator seen): a national run has a hundred thousand unit-years, and three small arrays
 * of their own each cost far more than the figures.
 */
import type { Indicator } from '../../schemas/catalogue.js';
import type { UnitLevel } from '../../schemas/units.js';
import { kindOf } from './kinds.js';
import type { Catalogue } from './catalogue.js';
import type { AcceptedRow } from './checker.js';
import { finding, type Finding } from './findings.js';
import { REFORM_YEAR, unitKey, type Gazetteer, type Unit } from './gazetteer.js';
import type { AggregateReport } from './report.js';
import type { Period } from './period.js';
import { buildCurrentReport } from './current-report.js';
import { buildReport } from './report-builder.js';

export type Prefer = 'built' | 'reported';

export interface Place {
  file: string;
  line: number | null;
}

interface UnitData {
  unit: Unit;
  /** Year → the unit-year's row in the rollup's store. */
  years: Map<number, number>;
}

export interface BuildOptions {
  from: number;
  to: number;
  /** Levels to show; by default districts and province before the reform, communes and province after. */
  levels?: readonly UnitLevel[];
  indicators: readonly Indicator[];
  prefer: Prefer;
  byYear: boolean;
  title?: string | null;
  /** Provinces to report (codes); default: every province with data. */
  provinces?: readonly string[];
  /**
   * `old`: the structure before the reform whatever the window (a province merged away, reported
   * as its own history); by default today's structure once the window reaches 2025.
   */
  structure?: 'old' | 'current';
  /** Units (system + code) that had rows rejected. */
  flaggedUnits?: ReadonlySet<string>;
}

const monthsMask = (first: number, last: number) => ((1 << last) - 1) & ~((1 << (first - 1)) - 1);

export class Rollup {
  /** Every unit with figures, by unitKey, in the order they first came. */
  private readonly data = new Map<string, UnitData>();
  /** The same, by each list's units' places in it. */
  private readonly byOrder: Record<Unit['system'], (UnitData | undefined)[]> = { old: [], new: [] };
  private readonly width: number;
  /**
   * Catalogue index → slot in a unit-year's arrays. A return carries a dozen of the catalogue's
   * indicators: arrays sized by what has been seen keep a national run's memory small.
   */
  private readonly slotOf: Int16Array;
  /** By catalogue index: 1 for a kind whose periods within a year add up (a flow); others take their latest report. */
  private readonly flow: Uint8Array;
  private readonly slotIndexes: number[] = [];
  readonly findings: Finding[] = [];

  constructor(
    private readonly catalogue: Catalogue,
    private readonly gazetteer: Gazetteer,
  ) {
    this.width = catalogue.indicators.length;
    this.slotOf = new Int16Array(this.width).fill(-1);
    this.flow = Uint8Array.from(catalogue.indicators, (indicator) => (kindOf(indicator).withinYear === 'sum' ? 1 : 0));
  }

  /** Slots per row (at least the indicators seen) and rows in use. */
  private stride = 8;
  private rows = 0;
  // Room for 64 unit-years to start with (the arrays double as they fill).
  private values = new Float64Array(8 * 64).fill(NaN);
  /** Months of the year already covered, per indicator (bit m-1 for month m). */
  private months = new Uint16Array(8 * 64);
  /** For stocks reported more than once a year: the month of the latest report. */
  private lastMonth = new Uint8Array(8 * 64);
  /**
   * Where each district's or province's unit-year came from, by row, for reconciliation messages
   * (a commune's is not kept): a map of the few, not a null for every row.
   */
  private readonly places = new Map<number, Place>();
  /**
   * The year of each unit-year row: what is present is found by a pass over one array, not over
   * every unit's map of years (a cold run of a province spent 10 ms doing that).
   */
  private rowYears = new Int32Array(64);

  /** Adds an accepted row's figures: periods of a year roll into the year (DESIGN §5). */
  addRow(row: AcceptedRow): void {
    this.writes++;
    const figures = row.values;
    // A row with every figure blank is not a report of the unit for that year (completeness).
    if (figures.length === 0) return;
    const { unit, period } = row;
    const at = this.yearRow(unit, period.year);
    // Slots first: a new indicator widens every row (and changes the stride).
    for (let k = 0; k < figures.length; k++) {
      if (this.slotOf[figures[k]!.index]! < 0) {
        this.reserveSlots(figures);
        break;
      }
    }
    if (unit.level !== 'commune' && !this.places.has(at)) this.places.set(at, { file: row.file, line: row.line });
    // What is the same for every figure of the row, once: where the unit-year's slots start, the
    // months its period covers.
    const base = at * this.stride;
    const mask = monthsMask(period.firstMonth, period.lastMonth);
    const { values, months, lastMonth, slotOf, flow } = this;
    const periodLastMonth = period.lastMonth;
    for (let k = 0; k < figures.length; k++) {
      const { index, scaled } = figures[k]!;
      const i = base + slotOf[index]!;
      if ((months[i]! & mask) !== 0) {
        // 2019 and 2019-Q3 both for the same unit: adding both would count Q3 twice.
        this.overlapping(unit, period, row.file, row.line, figures[k]!.indicator);
        continue;
      }
      months[i] = months[i]! | mask;
      // The first figure of a unit-year is taken; then a flow's months add up, and a stock's
      // later month replaces the earlier.
      const current = values[i]!;
      if (Number.isNaN(current) || (flow[index] === 0 && periodLastMonth > lastMonth[i]!)) {
        values[i] = scaled;
        lastMonth[i] = periodLastMonth;
      } else if (flow[index] === 1) {
        values[i] = current + scaled;
      }
    }
  }

  private overlapping(unit: Unit, period: Period, file: string, line: number | null, indicator: Indicator): void {
    this.findings.push(
      finding('overlapping-periods', {
        file,
        line,
        unit: `${unit.code} ${unit.name}`,
        indicator: indicator.id,
        value: period.label,
        params: { year: period.year },
      }),
    );
  }

  /** The unit-year a return's next row most likely belongs to: the last one's (a unit's months come together). */
  private lastUnit: Unit | undefined;
  private lastYear = 0;
  private lastRow = 0;

  /** The row of a unit-year, made (empty) the first time. */
  private yearRow(unit: Unit, year: number): number {
    if (unit === this.lastUnit && year === this.lastYear) return this.lastRow;
    const unitData = this.unitData(unit) ?? this.newUnitData(unit);
    let row = unitData.years.get(year);
    if (row === undefined) {
      row = this.newRow(year);
      unitData.years.set(year, row);
    }
    this.lastUnit = unit;
    this.lastYear = year;
    this.lastRow = row;
    return row;
  }

  private newRow(year: number): number {
    if ((this.rows + 1) * this.stride > this.values.length) this.resize(this.stride, (this.values.length / this.stride) * 2);
    if (this.rows === this.rowYears.length) {
      const years = new Int32Array(this.rows * 2);
      years.set(this.rowYears);
      this.rowYears = years;
    }
    this.rowYears[this.rows] = year;
    return this.rows++;
  }

  /** New arrays of `capacity` rows of `stride` slots, holding what the old ones held. */
  private resize(stride: number, capacity: number): void {
    const values = new Float64Array(stride * capacity).fill(NaN);
    const months = new Uint16Array(stride * capacity);
    const lastMonth = new Uint8Array(stride * capacity);
    const old = this.stride;
    values.set(this.values.subarray(0, this.rows * old));
    months.set(this.months.subarray(0, this.rows * old));
    lastMonth.set(this.lastMonth.subarray(0, this.rows * old));
    if (stride !== old) {
      // Wider rows: each moved within the new arrays to its place, from the last down (a row's
      // new place is never below its old one, nor below where the rows under it still lie), and
      // the rest of its slots emptied. Not a view of each row copied across: a widening late in
      // a run made three objects a row (a cold run of the sample, a megabyte of them).
      for (let row = this.rows - 1; row >= 0; row--) {
        const from = row * old;
        const to = row * stride;
        values.copyWithin(to, from, from + old).fill(NaN, to + old, to + stride);
        months.copyWithin(to, from, from + old).fill(0, to + old, to + stride);
        lastMonth.copyWithin(to, from, from + old).fill(0, to + old, to + stride);
      }
    }
    this.stride = stride;
    this.values = values;
    this.months = months;
    this.lastMonth = lastMonth;
  }

  /** Slots for every indicator of a row at once: one widening (a copy of every row) per new row, not per new indicator. */
  private reserveSlots(values: AcceptedRow['values']): void {
    for (const value of values) {
      if (this.slotOf[value.index]! >= 0) continue;
      this.slotOf[value.index] = this.slotIndexes.push(value.index) - 1;
    }
    if (this.slotIndexes.length > this.stride) this.resize(this.slotIndexes.length + 2, this.values.length / this.stride);
  }

  /** Years with any figure, ascending. */
  yearsPresent(): number[] {
    const years = new Set<number>();
    for (let row = 0; row < this.rows; row++) years.add(this.rowYears[row]!);
    return [...years].sort((a, b) => a - b);
  }

  /**
   * Provinces with any figure, as codes of the structure the window is reported in: an old
   * province's data belongs to the new province it went into when the window reaches the reform.
   */
  provincesPresent(to: number): string[] {
    const codes = new Set<string>();
    for (const unitData of this.data.values()) {
      const province = this.gazetteer.province(unitData.unit);
      const code = province.system === 'old' && to >= REFORM_YEAR ? (this.gazetteer.newProvinceOf(province.code) ?? province.code) : province.code;
      codes.add(code);
    }
    return [...codes].sort();
  }

  /** Indicators with any figure in the years given, in catalogue order. */
  /** The last answer of indicatorsPresent: the report and the outliers both ask, for the same window. */
  private present: { from: number; to: number; writes: number; indicators: Indicator[] } | undefined;
  /** Counts the calls that write figures (addRow): an answer kept is good until the next. */
  private writes = 0;

  indicatorsPresent(from: number, to: number): Indicator[] {
    const last = this.present;
    if (last && last.from === from && last.to === to && last.writes === this.writes) return [...last.indicators];
    const indicators = this.findIndicatorsPresent(from, to);
    this.present = { from, to, writes: this.writes, indicators };
    return [...indicators];
  }

  private findIndicatorsPresent(from: number, to: number): Indicator[] {
    const seen = new Set<number>();
    // Slot by slot, each row until one has a figure: most indicators are in the first rows.
    for (let slot = 0; slot < this.slotIndexes.length; slot++) {
      for (let row = 0, at = slot; row < this.rows; row++, at += this.stride) {
        const year = this.rowYears[row]!;
        if (year < from || year > to || Number.isNaN(this.values[at]!)) continue;
        seen.add(this.slotIndexes[slot]!);
        break;
      }
    }
    return this.catalogue.indicators.filter((indicator, i) => {
      if (kindOf(indicator).cells !== 'computed') return seen.has(i);
      return seen.has(this.catalogue.indexOf(indicator.numerator!)) && seen.has(this.catalogue.indexOf(indicator.denominator!));
    });
  }

  /** The report: in today's structure when the window reaches the 2025 reform, else as the units were then. */
  build(options: BuildOptions): AggregateReport {
    return options.to >= REFORM_YEAR && options.structure !== 'old' ? buildCurrentReport(this, this.catalogue, this.gazetteer, options) : buildReport(this, this.catalogue, this.gazetteer, options);
  }

  /** A unit's rows by year (read only), or undefined when it sent nothing. */
  yearsOf(unit: Unit): ReadonlyMap<number, number> | undefined {
    return this.unitData(unit)?.years;
  }

  /** A unit-year's figure for a catalogue index, or NaN. */
  valueAt(row: number, index: number): number {
    const slot = this.slotOf[index]!;
    return slot < 0 ? NaN : this.values[row * this.stride + slot]!;
  }

  /** @internal Where a unit-year's own return came from (districts and provinces). */
  placeOf(row: number): Place | null {
    return this.places.get(row) ?? null;
  }

  /** @internal The unit-years' figures as they are (read only, while a report is built). */
  store(): { values: Float64Array; stride: number; slotOf: Int16Array; width: number } {
    return { values: this.values, stride: this.stride, slotOf: this.slotOf, width: this.slotIndexes.length };
  }

  /** Every unit with a figure, in the order they first came. */
  units(): Unit[] {
    return [...this.data.values()].map((d) => d.unit);
  }

  /** Did the unit send any figure for that year (any indicator)? */
  reported(unit: Unit, year: number): boolean {
    return this.unitData(unit)?.years.has(year) ?? false;
  }

  /** A unit's data, found by its place in its list (no key string or hash per row). */
  private unitData(unit: Unit): UnitData | undefined {
    const byOrder = this.byOrder[unit.system];
    const known = unit.order < byOrder.length ? byOrder[unit.order] : undefined;
    return known !== undefined && known.unit === unit ? known : this.data.get(unitKey(unit));
  }

  private newUnitData(unit: Unit): UnitData {
    const unitData: UnitData = { unit, years: new Map() };
    this.data.set(unitKey(unit), unitData);
    const byOrder = this.byOrder[unit.system];
    // Filled up to the place, not written past the end: an array with gaps is a slow dictionary.
    while (byOrder.length <= unit.order) byOrder.push(undefined);
    byOrder[unit.order] = unitData;
    return unitData;
  }

  /**
   * Each unit's own figures, per indicator, year by year within the window: what outlier checks
   * read. `visit` gets the series in two arrays kept between calls (valid during the call only):
   * a national run has ninety thousand series, and most need nothing more than a look.
   */
  eachSeries(from: number, to: number, visit: (unit: Unit, indicatorIndex: number, years: Int32Array, values: Float64Array, count: number) => void): void {
    const present = this.indicatorsPresent(from, to).map((indicator) => this.catalogue.indexOf(indicator.id));
    let years = new Int32Array(16);
    let values = new Float64Array(16);
    let rows = new Int32Array(16);
    let inWindow = new Int32Array(16);
    let n = 0;
    // forEach, not for…of: no entry array per year, in code that runs once per unit, mostly
    // before V8 has compiled it.
    const addInWindow = (row: number, year: number) => {
      if (year < from || year > to) return;
      let j = n++;
      for (; j > 0 && inWindow[j - 1]! > year; j--) {
        inWindow[j] = inWindow[j - 1]!;
        rows[j] = rows[j - 1]!;
      }
      inWindow[j] = year;
      rows[j] = row;
    };
    for (const unitData of this.data.values()) {
      if (unitData.years.size < 3) continue; // too short a series to tell anything unusual
      if (unitData.years.size > rows.length) {
        rows = new Int32Array(unitData.years.size * 2);
        inWindow = new Int32Array(unitData.years.size * 2);
        years = new Int32Array(unitData.years.size * 2);
        values = new Float64Array(unitData.years.size * 2);
      }
      // The unit's years within the window in order, sorted by insertion (a dozen at most, and
      // nearly always in order already): nothing allocated per unit.
      n = 0;
      unitData.years.forEach(addInWindow);
      if (n < 3) continue;
      for (let p = 0; p < present.length; p++) {
        const i = present[p]!;
        const slot = this.slotOf[i]!;
        if (slot < 0) continue; // a ratio: present through its parts
        let count = 0;
        for (let y = 0; y < n; y++) {
          const value = this.values[rows[y]! * this.stride + slot]!;
          if (Number.isNaN(value)) continue;
          years[count] = inWindow[y]!;
          values[count] = value;
          count++;
        }
        if (count > 0) visit(unitData.unit, i, years, values, count);
      }
    }
  }
}

