/**
 * The rollup: accepted figures in, district, province and multi-year totals out (DESIGN §6).
 * Pure: figures are pushed in by the pipeline; the result is one report model that the
 * renderers turn into a table, CSV or JSON.
 *
 * Storage is per unit and year (what the aggregates need), never per row:
 *
 *   "old04213" → 2019 → row 7 → values[7 × stride + slot of the indicator] = 1250   (NaN: not reported)
 *
 * The unit-years' figures live in three typed arrays shared by all (a row per unit-year, a slot
 * per indicator seen): a national run has a hundred thousand unit-years, and three small arrays
 * of their own each cost far more than the figures.
 *
 * Which figure goes up, per indicator and year: a district's figure is built from its
 * communes when any of them reported the indicator that year, otherwise it is the district's
 * own return (marked `own`); when both exist and differ, a reconciliation finding gives both
 * (`prefer: 'reported'` flips the choice). The province the same way from its districts.
 */
import type { Indicator } from '../../schemas/catalogue.js';
import type { UnitLevel } from '../../schemas/units.js';
import { accumulatorFor, ratioOf, type Accumulator } from './accumulators.js';
import { kindOf } from './kinds.js';
import type { Catalogue } from './catalogue.js';
import type { AcceptedRow } from './checker.js';
import { finding, type Finding } from './findings.js';
import type { Gazetteer, Unit } from './gazetteer.js';
import { scaledToPlain } from './numbers.js';
import type { AggregateReport, FigureCell, ReportUnit } from './report.js';
import type { Period } from './period.js';

/** The last year counted under the old three-level list: returns for 2025 used the old codes. */
export const LAST_OLD_YEAR = 2025;

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

/**
 * For one unit list, by a unit's place in it: the unit, the year last looked up for it and that
 * year's row. A unit's months of a year come one after another, and a return's rows unit after
 * unit, so that the usual row's look-up reads three arrays in order instead of reaching each
 * unit's own object (scattered over the heap: a national run's cache misses).
 */
interface RecentRows {
  /** The unit last seen at each place: `data[order].unit`, kept apart so that a row's check reads no unit's object. */
  units: (Unit | undefined)[];
  years: Int32Array;
  rows: Int32Array;
  /** Each unit's data (NO_UNIT_DATA for none yet): found by its place, with no key string or hash. */
  data: UnitData[];
}

/** No unit's data: what RecentRows.data holds until a unit has some (its unit is no unit). */
const NO_UNIT_DATA: UnitData = { unit: Object.freeze({ code: '', name: '', type: '', level: 'commune', parentCode: null, system: 'old', order: -1 }), years: new Map() };

/**
 * Room in the arrays for the unit at `order`. Filled, not written far past its end: an array with
 * such a gap becomes a dictionary (a return that starts with the last provinces starts at the
 * ten-thousandth unit).
 */
function growRecent(recent: RecentRows, order: number): void {
  const length = Math.max(64, order + 1, recent.years.length * 2);
  const years = new Int32Array(length);
  years.set(recent.years);
  const rows = new Int32Array(length);
  rows.set(recent.rows);
  recent.years = years;
  recent.rows = rows;
  const more = length - recent.units.length;
  recent.units = recent.units.concat(new Array<Unit | undefined>(more).fill(undefined));
  recent.data = recent.data.concat(new Array<UnitData>(more).fill(NO_UNIT_DATA));
}

/**
 * A node of the rollup tree: a unit of the gazetteer, or a province across the reform. Made only
 * by `rollupNode`, with every field in one order, so that V8 gives all nodes one shape: memos
 * added later gave them several, and the report's code, reading nodes of every shape, was
 * compiled again and again ("wrong map").
 */
interface RollupNode {
  key: string;
  unit: Unit;
  children: RollupNode[];
  /**
   * No units below it (a commune). Asked of every node, where `children.length` would read arrays
   * of two shapes to V8 (an empty one and one of nodes), and stop its compiled code ("wrong map").
   */
  leaf: boolean;
  /** Era nodes: a province before and after the reform, whose stock is the later era's. */
  eras: boolean;
  /** A unit with units below it: its figures for every year and slot, worked out once (see figuresOf). */
  figures: NodeFigures | undefined;
  /** The unit's own unit-year rows by year − the window's first year (looked up on first use). */
  ownRows: Int32Array | undefined;
  /** Memo of window accumulators by indicator index (a province's stock asks each district's again). */
  window: Map<number, Accumulator> | undefined;
  /** Communes of its list below it (1 for a commune), counted as the node is made: asked for every year of every figure. */
  communes: number;
}

function rollupNode(key: string, unit: Unit, children: RollupNode[], eras: boolean): RollupNode {
  let communes = unit.level === 'commune' ? 1 : 0;
  if (!eras) for (let i = 0; i < children.length; i++) communes += children[i]!.communes;
  return { key, unit, children: children.length === 0 ? noNodes() : children, leaf: children.length === 0, eras, figures: undefined, ownRows: undefined, window: undefined, communes };
}

/**
 * An empty array of the kind that holds nodes. A commune's `[].map(…)` is an array of small
 * integers to V8, a district's an array of objects: the report's code, which reads both, was
 * compiled for one and thrown away at the other, in half a dozen functions (seen in V8's
 * deoptimisation trace). Emptied, an array keeps its kind.
 */
function noNodes(): RollupNode[] {
  const nodes: RollupNode[] = [EMPTY_NODE_SLOT];
  nodes.length = 0;
  return nodes;
}
const EMPTY_NODE_SLOT = {} as RollupNode;

/** A node without rows of its own in the window. */
const NO_ROWS = new Int32Array(0);

/** A node's units that have units below them, in an array of noNodes()'s shape (see tree). */
function branchesOf(node: RollupNode): RollupNode[] {
  const branches = noNodes();
  for (let i = 0; i < node.children.length; i++) if (!node.children[i]!.leaf) branches.push(node.children[i]!);
  return branches;
}

export interface BuildOptions {
  from: number;
  to: number;
  levels: readonly UnitLevel[];
  indicators: readonly Indicator[];
  prefer: Prefer;
  byYear: boolean;
  title?: string | null;
  /** Provinces to report (codes); default: every province with data. */
  provinces?: readonly string[];
  /** Units (system + code) that had rows rejected. */
  flaggedUnits?: ReadonlySet<string>;
}

const monthsMask = (first: number, last: number) => ((1 << last) - 1) & ~((1 << (first - 1)) - 1);

export function unitKey(unit: Unit): string {
  return unit.system + unit.code;
}

export class Rollup {
  private readonly data = new Map<string, UnitData>();
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
      const current = values[i]!;
      // The first figure of a unit-year is taken; then a flow adds up, and a stock's later month
      // replaces it. Read and written the same way for every figure, not by a branch that only a
      // unit-year's second month takes: a read or write first made by compiled code throws that
      // code away, and the first rows of a monthly return are each a unit-year's first.
      const isFlow = flow[index] === 1;
      const later = periodLastMonth > lastMonth[i]!;
      const replace = current !== current || (!isFlow && later);
      const sum = current + scaled;
      values[i] = replace ? scaled : isFlow ? sum : current;
      if (replace) lastMonth[i] = periodLastMonth;
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

  /** Each list's recent rows, and its units' data, by a unit's place in the list (see RecentRows). */
  private readonly recent: Record<Unit['system'], RecentRows> = {
    old: { units: [], years: new Int32Array(0), rows: new Int32Array(0), data: [] },
    new: { units: [], years: new Int32Array(0), rows: new Int32Array(0), data: [] },
  };

  /** The row of a unit-year, made (empty) the first time. */
  private yearRow(unit: Unit, yearNumber: number): number {
    const recent = this.recent[unit.system];
    const order = unit.order;
    // Read within the arrays only: a read past a typed array's end is undefined to JavaScript,
    // but to V8's compiled code a reason to throw it away.
    if (order >= recent.years.length) growRecent(recent, order);
    // Years are never 0: an array's zeros match nothing. All three read on every row, not the
    // unit and row only when the year matches: a read first made by compiled code throws that
    // code away, and a national run's first rows are each a unit's first.
    const sameUnit = recent.units[order] === unit;
    const recentRow = recent.rows[order]!;
    if (recent.years[order] === yearNumber && sameUnit) return recentRow;
    const row = this.findYearRow(recent, unit, yearNumber);
    recent.units[order] = unit;
    recent.years[order] = yearNumber;
    recent.rows[order] = row;
    return row;
  }

  private findYearRow(recent: RecentRows, unit: Unit, yearNumber: number): number {
    let unitData = recent.data[unit.order]!;
    if (unitData.unit !== unit) {
      const key = unitKey(unit);
      let known = this.data.get(key);
      if (!known) {
        known = { unit, years: new Map() };
        this.data.set(key, known);
      }
      unitData = known;
      recent.data[unit.order] = unitData;
    }
    let row = unitData.years.get(yearNumber);
    if (row === undefined) {
      row = this.newRow(yearNumber);
      unitData.years.set(yearNumber, row);
    }
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

  /** A unit-year's figure for a catalogue index, or NaN. */
  private valueAt(row: number, index: number): number {
    const slot = this.slotOf[index]!;
    return slot < 0 ? NaN : this.values[row * this.stride + slot]!;
  }

  private slot(index: number): number {
    let slot = this.slotOf[index]!;
    if (slot < 0) {
      slot = this.slotIndexes.push(index) - 1;
      this.slotOf[index] = slot;
      // Rarely (the first rows bring most indicators): wider rows for every unit-year.
      if (slot >= this.stride) this.resize(slot + 2, this.values.length / this.stride);
    }
    return slot;
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
   * Provinces with any figure, as codes of the list the window ends in: an old province's data
   * belongs to the new province it went into when the window runs past the reform.
   */
  provincesPresent(to: number): string[] {
    const codes = new Set<string>();
    for (const unitData of this.data.values()) {
      const province = this.gazetteer.province(unitData.unit);
      const code = province.system === 'old' && to > LAST_OLD_YEAR ? (this.gazetteer.newProvinceOf(province.code) ?? province.code) : province.code;
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
      if (indicator.kind !== 'ratio') return seen.has(i);
      return seen.has(this.catalogue.indexOf(indicator.numerator!)) && seen.has(this.catalogue.indexOf(indicator.denominator!));
    });
  }

  build(options: BuildOptions): AggregateReport {
    return new ReportBuilder(this, this.catalogue, this.gazetteer, options).build();
  }

  /** @internal The unit's own figure, or NaN: what a commune contributes, without an object. */
  ownValue(node: RollupNode, from: number, year: number, index: number): number {
    const row = this.ownRow(node, from, year);
    return row === undefined ? NaN : this.valueAt(row, index);
  }

  /**
   * A unit's row for a year of the window that starts at `from`: its rows are looked up once per
   * node (a report asks for every unit × year × indicator; a node belongs to one report).
   * @internal
   */
  ownRow(node: RollupNode, from: number, year: number): number | undefined {
    const rows = (node.ownRows ??= this.ownRowsOf(node, from));
    const at = year - from;
    const row = at >= 0 && at < rows.length ? rows[at]! : -1;
    return row < 0 ? undefined : row;
  }

  /**
   * A node's rows by year − from, −1 for none: a typed array, not `[]` filled by index. V8 keeps
   * what it learns of an array literal's arrays (their kind of elements, whether they live long)
   * at the literal, and when that changed part way through a national report, it threw away the
   * compiled code of every report function that had inlined the look-up ("code dependencies" in
   * its deoptimisation trace: ownRow, ownValue, figuresOf, windowAccumulatorOnce, windowCell,
   * tree). Gone with the typed array.
   */
  private ownRowsOf(node: RollupNode, from: number): Int32Array {
    // The unit found by its place in its list, not by its key's hash; its years by forEach, not
    // an iterator and an entry array per year: this runs once per unit of a report, mostly
    // before V8 has compiled it (ten thousand communes in a national one).
    const unitData = node.eras ? undefined : this.unitData(node.unit);
    if (unitData === undefined) return NO_ROWS;
    let length = 0;
    unitData.years.forEach((_row, y) => {
      if (y - from + 1 > length) length = y - from + 1;
    });
    if (length === 0) return NO_ROWS;
    const rows = new Int32Array(length).fill(-1);
    unitData.years.forEach((row, y) => {
      if (y >= from) rows[y - from] = row;
    });
    return rows;
  }

  /** @internal Where a unit-year's own return came from (districts and provinces). */
  placeOf(row: number): Place | null {
    return this.places.get(row) ?? null;
  }

  /** @internal The unit-years' figures as they are (read only, while a report is built). */
  store(): { values: Float64Array; stride: number; slotOf: Int16Array; width: number } {
    return { values: this.values, stride: this.stride, slotOf: this.slotOf, width: this.slotIndexes.length };
  }

  /** Did the unit send any figure for that year (any indicator)? */
  reported(unit: Unit, year: number): boolean {
    return this.unitData(unit)?.years.has(year) ?? false;
  }

  /** A unit's data, found by its place in its list (no key string or hash). */
  private unitData(unit: Unit): UnitData | undefined {
    const { data } = this.recent[unit.system];
    const known = unit.order < data.length ? data[unit.order]! : NO_UNIT_DATA;
    return known.unit === unit ? known : this.data.get(unitKey(unit));
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

interface YearFigure {
  value: number | null;
  source: 'built' | 'own' | null;
  covered: number;
}

/** A unit without a figure (shared: most communes lack most indicator-years; never changed). */
const NO_FIGURE: YearFigure = Object.freeze({ value: null, source: null, covered: 0 });

const OWN = 1;
const BUILT = 2;
const SOURCES = [null, 'own', 'built'] as const;

/**
 * A unit's figures by year of the window × slot of the store (at = (year − from) × width + slot):
 * what the report reads, and what a reconciliation compares.
 */
interface NodeFigures {
  /** The figure that goes up, NaN for none. */
  value: Float64Array;
  /** 0 none, OWN, BUILT. */
  source: Uint8Array;
  /** Commune-years the figure covers. */
  covered: Float64Array;
  /** The unit's own figure and the sum of its units' figures, NaN for none. */
  own: Float64Array;
  built: Float64Array;
  /** 1 once the report has asked for it (its reconciliation looked at). */
  looked: Uint8Array;
  /** By slot: 1 once every year has been looked at. */
  allLooked: Uint8Array;
  /** The units below that have units below them: what lookAt goes down to (none for a district). */
  branches: RollupNode[];
}

// The report's inner loops, each a small function of typed arrays alone: V8 compiles such a
// function soon and for good, where the same loops inside the builder's methods ran for hundreds
// of milliseconds uncompiled, and were compiled again and again, in a national run's one report.

/** Adds a commune's figures of a year (values[from, from + width)) to its unit's sums at `at`. */
function addCommuneYear(values: Float64Array, from: number, width: number, covers: number, built: Float64Array, any: Uint8Array, covered: Float64Array, at: number): void {
  for (let s = 0; s < width; s++) {
    const value = values[from + s]!;
    if (value !== value) continue; // NaN: not reported
    built[at + s] = built[at + s]! + value;
    any[at + s] = 1;
    covered[at + s] = covered[at + s]! + covers;
  }
}

/** Adds a unit's figures (every year and slot) to its parent's sums. */
function addUnitFigures(value: Float64Array, covers: Float64Array, built: Float64Array, any: Uint8Array, covered: Float64Array): void {
  for (let at = 0; at < value.length; at++) {
    const v = value[at]!;
    if (v !== v) continue;
    built[at] = built[at]! + v;
    any[at] = 1;
    covered[at] = covered[at]! + covers[at]!;
  }
}

/**
 * Which figure goes up for each slot of a year (at = its first slot): the unit's own where
 * nothing was built from below (or with `reported`), else the sum from below. A `none` figure is
 * only ever the unit's own. `built` becomes NaN where nothing is to be reconciled.
 */
function settleYear(figures: NodeFigures, any: Uint8Array, covered: Float64Array, slotNone: Uint8Array, at: number, width: number, expected: number, reported: boolean): void {
  const { value, source, own, built } = figures;
  for (let s = 0; s < width; s++, at++) {
    const mine = own[at]!;
    if (any[at] === 0 || slotNone[s] === 1) built[at] = NaN;
    if (slotNone[s] === 1) {
      if (mine === mine) {
        value[at] = mine;
        source[at] = OWN;
      }
    } else if (mine === mine && (any[at] === 0 || reported)) {
      value[at] = mine;
      source[at] = OWN;
      figures.covered[at] = expected;
    } else if (any[at] === 1) {
      value[at] = built[at]!;
      source[at] = BUILT;
      figures.covered[at] = covered[at]!;
    }
  }
}

class ReportBuilder {
  private readonly years: number[];
  private readonly findings: Finding[] = [];
  private readonly reconciled = new Set<string>();
  /** The rollup's figures, as they stay while the report is built. */
  private readonly store: ReturnType<Rollup['store']>;
  /** By slot: 1 for an indicator of kind `none` (never built from below). */
  private readonly slotNone: Uint8Array;
  /** What yearFigure answers in. */
  private readonly figure: YearFigure = { value: null, source: null, covered: 0 };

  constructor(
    private readonly rollup: Rollup,
    private readonly catalogue: Catalogue,
    private readonly gazetteer: Gazetteer,
    private readonly options: BuildOptions,
  ) {
    this.years = [];
    for (let y = options.from; y <= options.to; y++) this.years.push(y);
    this.store = rollup.store();
    this.slotNone = new Uint8Array(this.store.width);
    catalogue.indicators.forEach((indicator, index) => {
      const slot = this.store.slotOf[index]!;
      if (slot >= 0 && indicator.kind === 'none') this.slotNone[slot] = 1;
    });
  }

  build(): AggregateReport {
    const provinces = this.options.provinces ?? this.rollup.provincesPresent(this.options.to);
    const units: ReportUnit[] = [];
    const levels = new Set(this.options.levels);
    for (const provinceCode of provinces) {
      const province = this.provinceNode(provinceCode);
      if (!province) continue;
      const districts = province.eras ? province.children.flatMap((era) => (era.unit.system === 'old' ? era.children : [])) : province.children.filter((c) => c.unit.level === 'district');
      const directCommunes = province.eras
        ? province.children.flatMap((era) => (era.unit.system === 'new' ? era.children : []))
        : province.children.filter((c) => c.unit.level === 'commune');
      for (const district of districts) {
        if (levels.has('commune')) for (const commune of district.children) units.push(this.reportUnit(commune));
        if (levels.has('district')) units.push(this.reportUnit(district));
      }
      if (levels.has('commune')) for (const commune of directCommunes) units.push(this.reportUnit(commune));
      if (levels.has('province')) units.push(this.reportUnit(province));
    }
    return {
      title: this.options.title ?? null,
      from: this.options.from,
      to: this.options.to,
      years: this.years,
      byYear: this.options.byYear,
      indicators: [...this.options.indicators],
      units,
      findings: [...this.rollup.findings, ...this.findings],
    };
  }

  /** The province as reported: one era, or both eras when the window crosses the reform. */
  private provinceNode(code: string): RollupNode | null {
    const { from, to } = this.options;
    const oldProvince = from <= LAST_OLD_YEAR ? this.gazetteer.unit(code, 'old') : undefined;
    const newProvince = to > LAST_OLD_YEAR ? this.gazetteer.unit(code, 'new') : undefined;
    const oldNode = from <= LAST_OLD_YEAR && oldProvince?.level === 'province' ? this.tree(oldProvince) : null;
    const newNode = to > LAST_OLD_YEAR && newProvince?.level === 'province' ? this.tree(newProvince) : null;
    if (oldNode && newNode) {
      // Every old province went whole into one new province (crosswalk-provinces: all `full`).
      const merged = this.gazetteer
        .units('old')
        .filter((u) => u.level === 'province' && this.gazetteer.newProvinceOf(u.code) === code)
        .map((u) => this.tree(u));
      return rollupNode(`era:${code}`, newProvince!, [...merged, newNode], true);
    }
    return oldNode ?? newNode;
  }

  private readonly trees = new Map<string, RollupNode>();

  private tree(unit: Unit): RollupNode {
    const key = unitKey(unit);
    const known = this.trees.get(key);
    if (known) return known;
    // Pushed onto noNodes(), not made by `map`: arrays from Array.prototype.map take one shape
    // of elements from the builtin and another from its inlined copy in compiled code, and every
    // walk over `children` was thrown away at the first array of the other shape ("wrong map").
    const units = this.gazetteer.childrenOf(unit);
    const children = noNodes();
    for (let i = 0; i < units.length; i++) children.push(this.tree(units[i]!));
    const node = rollupNode(key, unit, children, false);
    this.trees.set(key, node);
    return node;
  }

  private isFlagged(node: RollupNode): boolean {
    // Most runs reject no row: no walk down to every commune of every unit reported.
    if (this.options.flaggedUnits === undefined || this.options.flaggedUnits.size === 0) return false;
    if (this.options.flaggedUnits.has(node.key)) return true;
    return node.children.some((c) => this.isFlagged(c));
  }

  private reportUnit(node: RollupNode): ReportUnit {
    const window = this.options.indicators.map((indicator) => this.windowCell(node, indicator));
    let years: Map<number, FigureCell[]> | null = null;
    if (this.options.byYear) {
      years = new Map();
      for (const year of this.years) {
        years.set(
          year,
          this.options.indicators.map((indicator) => this.yearCell(node, indicator, year)),
        );
      }
    }
    const parent = node.eras ? null : this.gazetteer.parent(node.unit);
    return {
      level: node.unit.level,
      code: node.unit.code,
      name: node.unit.name,
      parentCode: parent?.code ?? null,
      flagged: this.isFlagged(node),
      window,
      years,
    };
  }

  /** Communes of a unit in a year, as the gazetteer lists them for that year's era. */
  private expectedCommunes(node: RollupNode, year: number): number {
    if (node.eras) {
      let count = 0;
      for (let i = 0; i < node.children.length; i++) count += this.expectedCommunes(node.children[i]!, year);
      return count;
    }
    const era = year <= LAST_OLD_YEAR ? 'old' : 'new';
    return node.unit.system === era ? node.communes : 0;
  }

  /**
   * The figure of one unit, indicator and year, and which figure went up. The answer is one
   * object kept by the builder and overwritten by the next call: read it before asking again.
   */
  private yearFigure(node: RollupNode, indicator: Indicator, index: number, year: number): YearFigure {
    const slot = this.store.slotOf[index]!;
    if (slot < 0) return NO_FIGURE; // never reported by any unit
    const figure = this.figure;
    if (node.leaf) {
      // A commune's figure is a look-up in the store.
      const row = this.rollup.ownRow(node, this.options.from, year);
      const value = row === undefined ? NaN : this.store.values[row * this.store.stride + slot]!;
      if (Number.isNaN(value)) return NO_FIGURE;
      figure.value = value;
      figure.source = 'own';
      figure.covered = this.expectedCommunes(node, year);
      return figure;
    }
    const figures = this.figuresOf(node);
    const at = (year - this.options.from) * this.store.width + slot;
    if (figures.looked[at] === 0 && indicator.kind !== 'none') this.lookAt(node, indicator, slot, year);
    const value = figures.value[at]!;
    figure.value = Number.isNaN(value) ? null : value;
    figure.source = SOURCES[figures.source[at]!]!;
    figure.covered = figures.covered[at]!;
    return figure;
  }

  /**
   * The first time a unit's figure for a slot and year is asked for: its units' first, then its
   * own reconciliation (own and built both there and different). Findings so come in the order
   * the report first reads each figure, as when each was worked out on first use.
   */
  private lookAt(node: RollupNode, indicator: Indicator, slot: number, year: number): void {
    const figures = this.figuresOf(node);
    const at = (year - this.options.from) * this.store.width + slot;
    figures.looked[at] = 1;
    // A counted loop: a commune's empty list of branches, iterated, made an iterator each time.
    for (let b = 0; b < figures.branches.length; b++) {
      const child = figures.branches[b]!;
      if (this.figuresOf(child).looked[at] === 0) this.lookAt(child, indicator, slot, year);
    }
    const own = figures.own[at]!;
    const built = figures.built[at]!;
    if (!Number.isNaN(own) && !Number.isNaN(built) && own !== built) {
      const row = this.rollup.ownRow(node, this.options.from, year)!;
      this.reconcile(node, indicator, year, { value: own, place: this.rollup.placeOf(row) }, built);
    }
  }

  /**
   * A unit's figures for every year of the window and every slot, from its units' figures in one
   * pass (a national report asks for 700 districts × indicators × years, each the sum of a dozen
   * communes): within a year, units' figures add up across units as every kind but `none` says
   * in accumulators.ts — a sum. A `none` figure is the unit's own, never built from below.
   */
  private figuresOf(node: RollupNode): NodeFigures {
    if (node.figures) return node.figures;
    const { values, stride, width } = this.store;
    const years = this.years.length;
    const from = this.options.from;
    const size = years * width;
    const built = new Float64Array(size);
    const any = new Uint8Array(size);
    const covered = new Float64Array(size);
    for (const child of node.children) {
      if (child.leaf) {
        for (let y = 0; y < years; y++) {
          const row = this.rollup.ownRow(child, from, from + y);
          if (row !== undefined) addCommuneYear(values, row * stride, width, this.expectedCommunes(child, from + y), built, any, covered, y * width);
        }
      } else {
        const below = this.figuresOf(child);
        addUnitFigures(below.value, below.covered, built, any, covered);
      }
    }
    const figures: NodeFigures = {
      value: new Float64Array(size).fill(NaN),
      source: new Uint8Array(size),
      covered: new Float64Array(size),
      own: new Float64Array(size).fill(NaN),
      built,
      looked: new Uint8Array(size),
      allLooked: new Uint8Array(width),
      branches: branchesOf(node),
    };
    const reported = this.options.prefer === 'reported';
    for (let y = 0; y < years; y++) {
      const row = node.eras ? undefined : this.rollup.ownRow(node, from, from + y);
      if (row !== undefined) figures.own.set(values.subarray(row * stride, row * stride + width), y * width);
      settleYear(figures, any, covered, this.slotNone, y * width, width, this.expectedCommunes(node, from + y), reported);
    }
    node.figures = figures;
    return figures;
  }

  private reconcile(node: RollupNode, indicator: Indicator, year: number, own: { value: number; place: Place | null }, built: number): void {
    const memo = `${node.key}|${indicator.id}|${year}`;
    if (this.reconciled.has(memo)) return;
    this.reconciled.add(memo);
    const d = indicator.decimals;
    this.findings.push(
      finding('reconciliation', {
        file: own.place?.file ?? null,
        line: own.place?.line ?? null,
        unit: `${node.unit.code} ${node.unit.name}`,
        indicator: indicator.id,
        value: scaledToPlain(own.value, d),
        params: {
          year,
          own: scaledToPlain(own.value, d),
          built: scaledToPlain(built, d),
          difference: scaledToPlain(own.value - built, d),
          labelVi: indicator.label_vi,
          labelEn: indicator.label_en,
          used: this.options.prefer,
        },
      }),
    );
  }

  /** The window accumulator of a unit, worked out once (read only: parents only read it). */
  private windowAccumulator(node: RollupNode, indicator: Indicator, index: number): Accumulator {
    if (node.leaf) return this.windowAccumulatorOnce(node, indicator, index);
    node.window ??= new Map();
    let acc = node.window.get(index);
    if (!acc) {
      acc = this.windowAccumulatorOnce(node, indicator, index);
      node.window.set(index, acc);
    }
    return acc;
  }

  /** The window accumulator of a unit: years for a flow; per-unit latest for a stock. */
  private windowAccumulatorOnce(node: RollupNode, indicator: Indicator, index: number): Accumulator {
    const acc = accumulatorFor(indicator.kind);
    if (node.leaf && !node.eras) {
      // A commune: its own figures (as yearFigure gives them), without an object per year.
      for (let y = 0; y < this.years.length; y++) {
        const year = this.years[y]!;
        const value = this.rollup.ownValue(node, this.options.from, year, index);
        if (!Number.isNaN(value)) acc.addYear(year, value);
      }
      return acc;
    }
    const slot = this.store.slotOf[index]!;
    if (slot < 0) return acc; // never reported by any unit
    const { value, source } = this.allYears(node, indicator, slot);
    const width = this.store.width;
    if (indicator.kind === 'flow' || indicator.kind === 'none') {
      for (let y = 0, at = slot; y < this.years.length; y++, at += width) {
        const figure = value[at]!;
        if (figure === figure) acc.addYear(this.years[y]!, figure);
      }
      return acc;
    }
    // What exists at the end of the window: the latest year with a figure decides where it comes
    // from. Built: each unit below contributes its own latest figure (a commune silent in the last
    // year still has its groups). Own: the unit's own return for that year stands.
    let last = -1;
    for (let y = 0, at = slot; y < this.years.length; y++, at += width) if (value[at] === value[at]) last = y;
    if (last < 0) return acc;
    const latest = this.years[last]!;
    if (source[last * width + slot] === OWN) {
      acc.addYear(latest, value[last * width + slot]!);
      return acc;
    }
    if (node.eras) {
      // Before and after the reform are not two units side by side: the later era's figure stands.
      const era = node.children.filter((c) => (latest <= LAST_OLD_YEAR ? c.unit.system === 'old' : c.unit.system === 'new'));
      for (const child of era) acc.addUnit(this.windowAccumulator(child, indicator, index));
      return acc;
    }
    for (const child of node.children) {
      if (child.leaf && !child.eras) {
        // A commune hands on its figure of the latest year it has one, as its own accumulator
        // would (a stock or unit count keeps the latest over years): found from the end, without
        // an accumulator for each of ten thousand communes × indicators.
        for (let k = this.years.length - 1; k >= 0; k--) {
          const value = this.rollup.ownValue(child, this.options.from, this.years[k]!, index);
          if (Number.isNaN(value)) continue;
          acc.addUnitFigure(this.years[k]!, value);
          break;
        }
        continue;
      }
      acc.addUnit(this.windowAccumulator(child, indicator, index));
    }
    return acc;
  }

  private windowCell(node: RollupNode, indicator: Indicator): FigureCell {
    let reported = 0;
    let expected = 0;
    for (let y = 0; y < this.years.length; y++) expected += this.expectedCommunes(node, this.years[y]!);
    if (indicator.kind === 'ratio') {
      const parts = this.ratioParts(indicator);
      const n = this.windowAccumulator(node, parts.numerator, parts.numeratorIndex).value();
      const d = this.windowAccumulator(node, parts.denominator, parts.denominatorIndex).value();
      reported = this.reportedOver(node, parts.denominator, parts.denominatorIndex);
      const value = ratioOf(n, d, parts.numerator.decimals, parts.denominator.decimals, indicator.decimals);
      return { value, source: value === null ? null : 'built', reported, expected };
    }
    const index = this.catalogue.indexOf(indicator.id);
    const acc = this.windowAccumulator(node, indicator, index);
    reported = this.reportedOver(node, indicator, index);
    const value = acc.value();
    // A `none` figure is the unit's own, never built from below: the communes' coverage says nothing of it.
    if (indicator.kind === 'none' && value !== null) reported = expected;
    return { value, source: value === null ? null : this.windowSource(node, indicator, index), reported, expected };
  }

  /** Commune-years a unit's figures of an indicator cover over the window. */
  private reportedOver(node: RollupNode, indicator: Indicator, index: number): number {
    let reported = 0;
    if (node.leaf) {
      for (let y = 0; y < this.years.length; y++) reported += this.yearFigure(node, indicator, index, this.years[y]!).covered;
      return reported;
    }
    const slot = this.store.slotOf[index]!;
    if (slot < 0) return 0;
    const { covered } = this.allYears(node, indicator, slot);
    for (let y = 0, at = slot; y < this.years.length; y++, at += this.store.width) reported += covered[at]!;
    return reported;
  }

  /** Where a unit's window figure came from, given it has one: built if any year's was, else its own. */
  private windowSource(node: RollupNode, indicator: Indicator, index: number): 'built' | 'own' {
    // A commune's figures are all its own.
    if (node.leaf) return 'own';
    const slot = this.store.slotOf[index]!;
    const { source } = this.allYears(node, indicator, slot);
    for (let y = 0, at = slot; y < this.years.length; y++, at += this.store.width) if (source[at] === BUILT) return 'built';
    return 'own';
  }

  /**
   * A unit's figures with every year of a slot looked at, in order (see lookAt): what the report
   * reads of the whole window at once.
   */
  private allYears(node: RollupNode, indicator: Indicator, slot: number): NodeFigures {
    const figures = this.figuresOf(node);
    if (indicator.kind === 'none' || figures.allLooked[slot] === 1) return figures;
    const width = this.store.width;
    for (let y = 0, at = slot; y < this.years.length; y++, at += width) {
      if (figures.looked[at] === 0) this.lookAt(node, indicator, slot, this.years[y]!);
    }
    figures.allLooked[slot] = 1;
    return figures;
  }

  private yearCell(node: RollupNode, indicator: Indicator, year: number): FigureCell {
    const expected = this.expectedCommunes(node, year);
    if (indicator.kind === 'ratio') {
      const parts = this.ratioParts(indicator);
      const n = this.yearFigure(node, parts.numerator, parts.numeratorIndex, year).value; // read before the next
      const d = this.yearFigure(node, parts.denominator, parts.denominatorIndex, year);
      const value = ratioOf(n, d.value, parts.numerator.decimals, parts.denominator.decimals, indicator.decimals);
      return { value, source: value === null ? null : 'built', reported: d.covered, expected };
    }
    const figure = this.yearFigure(node, indicator, this.catalogue.indexOf(indicator.id), year);
    return { value: figure.value, source: figure.source, reported: figure.covered, expected };
  }

  private ratioParts(indicator: Indicator) {
    const numerator = this.catalogue.indicator(indicator.numerator!)!;
    const denominator = this.catalogue.indicator(indicator.denominator!)!;
    return {
      numerator,
      denominator,
      numeratorIndex: this.catalogue.indexOf(numerator.id),
      denominatorIndex: this.catalogue.indexOf(denominator.id),
    };
  }
}
