/**
 * The report builder for the structure before the 1 July 2025 reform: the rollup's store in, one
 * report model out (DESIGN §6) — each unit's figures by year and over the window, district and
 * province built from their units. It reports windows that end before 2025, a province merged
 * away as its own history, and the former districts and provinces of a report in today's
 * structure (current-report.ts) for their years.
 *
 * Which figure goes up, per indicator and year: a district's figure is built from its
 * communes when any of them reported the indicator that year, otherwise it is the district's
 * own return (marked `own`); when both exist and differ, a reconciliation finding gives both
 * (`prefer: 'reported'` flips the choice). The province the same way from its districts. How a
 * kind adds across units and over the window is its entry in kinds.ts.
 */
import type { Indicator } from '../../schemas/catalogue.js';
import { ratioOf, type Accumulator } from './accumulators.js';
import type { Catalogue } from './catalogue.js';
import { finding, type Finding } from './findings.js';
import { LAST_OLD_YEAR, unitKey, type Gazetteer, type Unit } from './gazetteer.js';
import { accumulatorFor, kindOf } from './kinds.js';
import { scaledToPlain } from './numbers.js';
import type { AggregateReport, FigureCell, ReportUnit } from './report.js';
import type { BuildOptions, Place, Rollup } from './rollup.js';

/** The report model of a window's units, in either structure. */
export function reportOf(options: BuildOptions, years: number[], units: ReportUnit[], findings: Finding[]): AggregateReport {
  return { title: options.title ?? null, from: options.from, to: options.to, years, byYear: options.byYear, indicators: [...options.indicators], units, findings };
}

export function buildReport(rollup: Rollup, catalogue: Catalogue, gazetteer: Gazetteer, options: BuildOptions): AggregateReport {
  return new ReportBuilder(rollup, catalogue, gazetteer, options).build();
}

/** A node of the report's tree: a unit of the gazetteer, or a province across the reform. */
interface RollupNode {
  key: string;
  unit: Unit;
  children: RollupNode[];
  /** No units below it: a commune. */
  leaf: boolean;
  /** A unit with units below it: its figures for every year and slot, worked out once (see figuresOf). */
  figures: NodeFigures | undefined;
  /** The unit's own unit-year rows by year − the window's first year, −1 for none (looked up on first use). */
  ownRows: Int32Array | undefined;
  /** Memo of window accumulators by indicator index (a province's stock asks each district's again). */
  window: Map<number, Accumulator> | undefined;
  /** Communes of its list below it (1 for a commune). */
  communes: number;
}

function rollupNode(key: string, unit: Unit, children: RollupNode[]): RollupNode {
  let communes = unit.level === 'commune' ? 1 : 0;
  for (const child of children) communes += child.communes;
  return { key, unit, children, leaf: children.length === 0, figures: undefined, ownRows: undefined, window: undefined, communes };
}

/** A node without rows of its own in the window. */
const NO_ROWS = new Int32Array(0);

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

// The report's inner loops, each a small function of typed arrays alone (a national report runs
// them for 700 districts × years × indicators).

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
  /** By slot: 1 for an indicator not added across units (`none`: never built from below). */
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
      if (slot >= 0 && kindOf(indicator).acrossUnits === 'none') this.slotNone[slot] = 1;
    });
  }

  build(): AggregateReport {
    const provinces = this.options.provinces ?? this.rollup.provincesPresent(this.options.to);
    const units: ReportUnit[] = [];
    const levels = new Set(this.options.levels ?? (['district', 'province'] as const));
    for (const provinceCode of provinces) {
      const province = this.provinceNode(provinceCode);
      if (!province) continue;
      const districts = province.children.filter((c) => c.unit.level === 'district');
      const directCommunes = province.children.filter((c) => c.unit.level === 'commune');
      for (const district of districts) {
        if (levels.has('commune')) for (const commune of district.children) units.push(this.reportUnit(commune));
        if (levels.has('district')) units.push(this.reportUnit(district));
      }
      if (levels.has('commune')) for (const commune of directCommunes) units.push(this.reportUnit(commune));
      if (levels.has('province')) units.push(this.reportUnit(province));
    }
    return reportOf(this.options, this.years, units, [...this.rollup.findings, ...this.findings]);
  }

  /**
   * The province as it was before the reform: this builder reports windows before 2025, and a
   * province merged away as its own history (today's structure is current-report.ts's).
   */
  private provinceNode(code: string): RollupNode | null {
    const province = this.gazetteer.unit(code, 'old');
    return province?.level === 'province' ? this.tree(province) : null;
  }

  private readonly trees = new Map<string, RollupNode>();

  private tree(unit: Unit): RollupNode {
    const key = unitKey(unit);
    const known = this.trees.get(key);
    if (known) return known;
    const children = this.gazetteer.childrenOf(unit).map((child) => this.tree(child));
    const node = rollupNode(key, unit, children);
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
    const parent = this.gazetteer.parent(node.unit);
    return {
      level: node.unit.level,
      code: node.unit.code,
      name: node.unit.name,
      parentCode: parent?.code ?? null,
      list: node.unit.system,
      standing: 'current',
      successors: null,
      flagged: this.isFlagged(node),
      window,
      years,
    };
  }

  /** Communes of a unit in a year, as the gazetteer lists them for that year's era. */
  private expectedCommunes(node: RollupNode, year: number): number {
    // A province merged away, reported past the reform: none of its communes is expected then.
    return year <= LAST_OLD_YEAR ? node.communes : 0;
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
      const row = this.ownRow(node, year);
      const value = row === undefined ? NaN : this.store.values[row * this.store.stride + slot]!;
      if (Number.isNaN(value)) return NO_FIGURE;
      figure.value = value;
      figure.source = 'own';
      figure.covered = this.expectedCommunes(node, year);
      return figure;
    }
    const figures = this.figuresOf(node);
    const at = (year - this.options.from) * this.store.width + slot;
    if (figures.looked[at] === 0 && kindOf(indicator).acrossUnits !== 'none') this.lookAt(node, indicator, slot, year);
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
      const row = this.ownRow(node, year)!;
      this.reconcile(node, indicator, year, { value: own, place: this.rollup.placeOf(row) }, built);
    }
  }

  /**
   * A unit's figures for every year of the window and every slot, from its units' figures in one
   * pass (a national report asks for 700 districts × indicators × years, each the sum of a dozen
   * communes): within a year, units' figures add up (every kind's `acrossUnits` is a sum, or
   * `none`: a unit's own, never built from below).
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
          const row = this.ownRow(child, from + y);
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
      branches: node.children.filter((child) => !child.leaf),
    };
    const reported = this.options.prefer === 'reported';
    for (let y = 0; y < years; y++) {
      const row = this.ownRow(node, from + y);
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
    const rules = kindOf(indicator);
    const acc = accumulatorFor(indicator.kind);
    if (node.leaf) {
      // A commune: its own figures (as yearFigure gives them), without an object per year.
      for (let y = 0; y < this.years.length; y++) {
        const year = this.years[y]!;
        const value = this.ownValue(node, year, index);
        if (!Number.isNaN(value)) acc.addYear(year, value);
      }
      return acc;
    }
    const slot = this.store.slotOf[index]!;
    if (slot < 0) return acc; // never reported by any unit
    const { value, source } = this.allYears(node, indicator, slot);
    const width = this.store.width;
    // Years that add up, or a figure never built across units: the unit's figure of each year
    // goes in as it is. Otherwise (each unit's latest) the units below hand on theirs.
    if (rules.overWindow === 'sum' || rules.acrossUnits === 'none') {
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
    for (const child of node.children) {
      if (child.leaf) {
        // A commune hands on its figure of the latest year it has one, as its own accumulator
        // would (a stock or unit count keeps the latest over years): found from the end, without
        // an accumulator for each of ten thousand communes × indicators.
        for (let k = this.years.length - 1; k >= 0; k--) {
          const value = this.ownValue(child, this.years[k]!, index);
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
    const rules = kindOf(indicator);
    if (rules.acrossUnits === 'computed') {
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
    if (rules.acrossUnits === 'none' && value !== null) reported = expected;
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
    if (kindOf(indicator).acrossUnits === 'none' || figures.allLooked[slot] === 1) return figures;
    const width = this.store.width;
    for (let y = 0, at = slot; y < this.years.length; y++, at += width) {
      if (figures.looked[at] === 0) this.lookAt(node, indicator, slot, this.years[y]!);
    }
    figures.allLooked[slot] = 1;
    return figures;
  }

  private yearCell(node: RollupNode, indicator: Indicator, year: number): FigureCell {
    const expected = this.expectedCommunes(node, year);
    if (kindOf(indicator).acrossUnits === 'computed') {
      const parts = this.ratioParts(indicator);
      const n = this.yearFigure(node, parts.numerator, parts.numeratorIndex, year).value; // read before the next
      const d = this.yearFigure(node, parts.denominator, parts.denominatorIndex, year);
      const value = ratioOf(n, d.value, parts.numerator.decimals, parts.denominator.decimals, indicator.decimals);
      return { value, source: value === null ? null : 'built', reported: d.covered, expected };
    }
    const figure = this.yearFigure(node, indicator, this.catalogue.indexOf(indicator.id), year);
    return { value: figure.value, source: figure.source, reported: figure.covered, expected };
  }

  /** A unit's own figure for a year and catalogue index, or NaN. */
  private ownValue(node: RollupNode, year: number, index: number): number {
    const row = this.ownRow(node, year);
    return row === undefined ? NaN : this.rollup.valueAt(row, index);
  }

  /** A unit's own row for a year of the window: its rows are looked up once per node. */
  private ownRow(node: RollupNode, year: number): number | undefined {
    const rows = (node.ownRows ??= this.ownRowsOf(node));
    const at = year - this.options.from;
    const row = at >= 0 && at < rows.length ? rows[at]! : -1;
    return row < 0 ? undefined : row;
  }

  private ownRowsOf(node: RollupNode): Int32Array {
    const years = this.rollup.yearsOf(node.unit);
    if (years === undefined) return NO_ROWS;
    const from = this.options.from;
    const rows = new Int32Array(this.years.length).fill(-1);
    for (const [year, row] of years) if (year >= from && year - from < rows.length) rows[year - from] = row;
    return rows;
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
