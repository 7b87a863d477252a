/**
 * A report whose window reaches 2025 or later: in the structure of today (DESIGN §3, §6), the
 * communes after the 1 July 2025 reform and their province, with every year's figures of the old
 * units carried to where they belong now.
 *
 * Every accepted figure lands in exactly one row, and the province is the sum of its rows:
 *
 *   - a current commune: its own returns (2025 on) and, for earlier years, the returns of the old
 *     units that went wholly into it (crosswalk `full`, and nowhere else): "carried";
 *   - an old commune split among several (or partly into one): its figures cannot go under one
 *     current commune, so they stand in a row of their own that names where it went
 *     ("not attributable");
 *   - an old district's or old province's own return, for an indicator and year none of its
 *     units reported: a row of its own too (its communes' sum is used when they reported, and a
 *     difference is a reconciliation finding, as before the reform).
 *
 * Stocks and yes/no counts take each row's latest figure in the window: a current commune's own
 * when it has one, else its carried predecessors' latest (each its own latest); an old unit's row
 * stands until a current commune it went into has reported after the reform, which supersedes it.
 * Completeness counts the communes of the list each year's returns use: the old communes before
 * 2025, the new ones after, and in 2025 the list the province's 2025 returns used.
 *
 * Former districts and provinces can still be shown for the years before the reform: they are
 * the pre-reform report's (report-builder.ts) rows over those years, marked `former`, and are not
 * part of the sum (the province row is the current one).
 */
import type { Indicator } from '../../schemas/catalogue.js';
import { ratioOf } from './accumulators.js';
import type { Catalogue } from './catalogue.js';
import { finding, type Finding } from './findings.js';
import { REFORM_YEAR, unitKey, type Gazetteer, type Unit } from './gazetteer.js';
import { kindOf } from './kinds.js';
import { scaledToPlain } from './numbers.js';
import type { AggregateReport, FigureCell, ReportUnit } from './report.js';
import { buildReport, reportOf } from './report-builder.js';
import type { BuildOptions, Rollup } from './rollup.js';

const NONE = 0;
const OWN = 1;
const CARRIED = 2;
const BUILT = 3;
const SOURCES = [null, 'own', 'carried', 'built'] as const;

/** A row of the current structure, with its figures by (indicator k, year y) at k × years + y. */
interface Row {
  unit: Unit;
  standing: 'current' | 'not-attributable';
  /** Current commune: the old units that went wholly into it. */
  carried: Unit[];
  /** Old unit: the current communes it went into. */
  successors: Unit[];
  value: Float64Array;
  source: Uint8Array;
  reported: Float64Array;
  /** Commune-years expected, by year. */
  expected: Float64Array;
  /** Own return rows (a district's, a province's): the commune-years its figure stands for. */
  covers: Float64Array;
  /** Indicators (k) whose figure over the window is superseded by a current commune's (stocks). */
  superseded: Set<number>;
}

/** A cell with nothing in it: a former unit's years after the reform. */
const EMPTY: FigureCell = Object.freeze({ value: null, source: null, reported: 0, expected: 0 });

/**
 * The unit list a province's returns of a year use: old before 2025, new after; in 2025 the new
 * one when any of the new province's units sent 2025, else the old one when its old units did,
 * else the new one (what annual 2025 returns use).
 */
export function listOfYear(rollup: Rollup, gazetteer: Gazetteer, province: Unit, year: number): Unit['system'] {
  if (year < REFORM_YEAR) return 'old';
  if (year > REFORM_YEAR) return 'new';
  const sent = (units: readonly Unit[]) => units.some((u) => rollup.yearsOf(u)?.has(year));
  if (sent([province, ...gazetteer.communesOf(province)])) return 'new';
  const olds = gazetteer.oldProvincesOf(province.code);
  return olds.some((p) => sent([p, ...gazetteer.childrenOf(p), ...gazetteer.communesOf(p)])) ? 'old' : 'new';
}

export function buildCurrentReport(rollup: Rollup, catalogue: Catalogue, gazetteer: Gazetteer, options: BuildOptions): AggregateReport {
  return new CurrentReport(rollup, catalogue, gazetteer, options).build();
}

class CurrentReport {
  private readonly years: number[] = [];
  /** The catalogue indexes whose figures are read: the report's indicators and ratios' parts. */
  private readonly indexes: number[] = [];
  private readonly findings: Finding[] = [];

  constructor(
    private readonly rollup: Rollup,
    private readonly catalogue: Catalogue,
    private readonly gazetteer: Gazetteer,
    private readonly options: BuildOptions,
  ) {
    for (let y = options.from; y <= options.to; y++) this.years.push(y);
    const wanted = new Set<number>();
    for (const indicator of options.indicators) {
      if (kindOf(indicator).cells === 'computed') {
        wanted.add(catalogue.indexOf(indicator.numerator!));
        wanted.add(catalogue.indexOf(indicator.denominator!));
      } else wanted.add(catalogue.indexOf(indicator.id));
    }
    this.indexes = [...wanted].sort((a, b) => a - b);
  }

  build(): AggregateReport {
    const units: ReportUnit[] = [];
    const provinces = this.options.provinces ?? this.rollup.provincesPresent(this.options.to);
    for (const code of provinces) {
      const province = this.gazetteer.unit(code, 'new');
      if (province?.level !== 'province') continue;
      units.push(...this.provinceUnits(province));
    }
    return reportOf(this.options, this.years, units, [...this.rollup.findings, ...this.findings]);
  }

  private get width(): number {
    return this.indexes.length * this.years.length;
  }

  /** A unit's own figure for a catalogue index and year, or NaN. */
  private own(unit: Unit, index: number, year: number): number {
    const row = this.rollup.yearsOf(unit)?.get(year);
    return row === undefined ? NaN : this.rollup.valueAt(row, index);
  }

  private provinceUnits(province: Unit): ReportUnit[] {
    const olds = this.gazetteer.oldProvincesOf(province.code);
    const lists = this.years.map((year) => listOfYear(this.rollup, this.gazetteer, province, year));
    const communes = this.gazetteer.childrenOf(province).filter((u) => u.level === 'commune');
    const current = new Map<string, Row>();
    for (const commune of communes) current.set(commune.code, this.row(commune, 'current'));

    // Old units into current rows, or rows of their own.
    const apart: Row[] = [];
    const oldDistricts: Unit[] = [];
    for (const old of olds) {
      for (const child of this.gazetteer.childrenOf(old)) {
        if (child.level === 'district') oldDistricts.push(child);
        const units = child.level === 'district' ? this.gazetteer.childrenOf(child) : [child];
        // A district with no communes (the islands) went whole into a commune, as a commune would.
        for (const unit of units.length === 0 ? [child] : units) {
          const successors = this.gazetteer.successorsOf(unit.code);
          const whole = successors.length === 1 && successors[0]!.kind === 'full' ? current.get(successors[0]!.new_code) : undefined;
          if (whole) whole.carried.push(unit);
          else {
            const row = this.row(unit, 'not-attributable');
            row.successors = successors.map((s) => current.get(s.new_code)?.unit).filter((u): u is Unit => u !== undefined);
            apart.push(row);
          }
        }
      }
    }
    const rows = [...current.values(), ...apart];
    for (const row of rows) this.fill(row, lists);

    // Own returns of old districts and provinces where their units reported nothing.
    const ownRows: Row[] = [];
    for (const district of oldDistricts) {
      if (this.gazetteer.childrenOf(district).length === 0) continue; // carried or apart above
      const below = rows.filter((r) => r.unit.system === 'old' ? r.unit.parentCode === district.code : r.carried.some((u) => u.parentCode === district.code));
      const inDistrict = (r: Row, k: number, y: number) => (r.unit.system === 'old' ? r.value[k * this.years.length + y]! : this.carriedSum(r, k, y, (u) => u.parentCode === district.code));
      const row = this.ownRow(district, below, inDistrict, lists, this.gazetteer.childrenOf(district).length);
      if (row) ownRows.push(row);
    }
    for (const old of olds) {
      const inProvince = (unit: Unit) => this.gazetteer.province(unit) === old;
      const below = [...rows, ...ownRows].filter((r) => (r.unit.system === 'old' ? inProvince(r.unit) : r.carried.some(inProvince)));
      const inOld = (r: Row, k: number, y: number) => (r.unit.system === 'old' ? r.value[k * this.years.length + y]! : this.carriedSum(r, k, y, inProvince));
      const row = this.ownRow(old, below, inOld, lists, this.gazetteer.communesOf(old).length);
      if (row) ownRows.push(row);
    }
    const all = [...rows, ...ownRows];
    this.supersede(all);
    const total = this.provinceRow(province, olds, all, lists);

    const out: ReportUnit[] = [];
    const levels = new Set<string>(this.options.levels ?? ['commune', 'province']);
    if (levels.has('commune')) for (const row of all) if (row.standing === 'current' || row.value.some((v) => v === v)) out.push(this.reportUnit(row, province));
    const former = this.formerUnits(olds, lists, levels);
    out.push(...former);
    if (levels.has('province')) out.push(total);
    if (levels.has('district') && !lists.includes('old')) {
      this.findings.push(finding('no-districts-after-reform', { unit: `${province.code} ${province.name}`, params: { from: this.options.from, to: this.options.to } }));
    } else if (levels.has('district')) {
      const lastOld = this.years[lists.lastIndexOf('old')]!;
      if (lastOld < this.options.to) this.findings.push(finding('districts-before-reform-only', { unit: `${province.code} ${province.name}`, params: { to: lastOld } }));
    }
    return out;
  }

  private row(unit: Unit, standing: Row['standing']): Row {
    const size = this.width;
    return {
      unit,
      standing,
      carried: [],
      successors: [],
      value: new Float64Array(size).fill(NaN),
      source: new Uint8Array(size),
      reported: new Float64Array(size),
      expected: new Float64Array(this.years.length),
      covers: new Float64Array(size),
      superseded: new Set(),
    };
  }

  /** The sum of a current row's carried units' figures (those `which` keeps) for (k, y), or NaN. */
  private carriedSum(row: Row, k: number, y: number, which: (unit: Unit) => boolean): number {
    let sum = NaN;
    for (const unit of row.carried) {
      if (!which(unit)) continue;
      const value = this.own(unit, this.indexes[k]!, this.years[y]!);
      if (value === value) sum = sum === sum ? sum + value : value;
    }
    return sum;
  }

  /** A row's figures year by year: its own, else (a current commune) what its old units carry. */
  private fill(row: Row, lists: readonly Unit['system'][]): void {
    const Y = this.years.length;
    const communes = row.carried.filter((u) => u.level === 'commune').length;
    for (let y = 0; y < Y; y++) {
      if (row.standing === 'current') row.expected[y] = lists[y] === 'new' ? 1 : communes;
      else row.expected[y] = lists[y] === 'old' && row.unit.level === 'commune' ? 1 : 0;
    }
    for (let k = 0; k < this.indexes.length; k++) {
      const index = this.indexes[k]!;
      const notAdditive = kindOf(this.catalogue.indicators[index]!).acrossUnits === 'none';
      for (let y = 0; y < Y; y++) {
        const at = k * Y + y;
        const own = this.own(row.unit, index, this.years[y]!);
        if (own === own) {
          row.value[at] = own;
          row.source[at] = OWN;
          row.reported[at] = row.expected[y]! > 0 ? row.expected[y]! : row.unit.level === 'commune' ? 1 : 0;
          if (!notAdditive && row.carried.length > 0) this.overlap(row, index, y);
          continue;
        }
        if (notAdditive || row.carried.length === 0) continue;
        let sum = NaN;
        let reported = 0;
        for (const unit of row.carried) {
          const value = this.own(unit, index, this.years[y]!);
          if (value !== value) continue;
          sum = sum === sum ? sum + value : value;
          if (unit.level === 'commune') reported++;
        }
        if (sum === sum) {
          row.value[at] = sum;
          row.source[at] = CARRIED;
          row.reported[at] = reported;
        }
      }
    }
  }

  /** A current commune's own figure and its old units' for the same year (2025 in both lists): its own stands. */
  private overlap(row: Row, index: number, y: number): void {
    const year = this.years[y]!;
    const old = row.carried.filter((u) => this.own(u, index, year) === this.own(u, index, year));
    if (old.length === 0) return;
    this.findings.push(
      finding('reform-overlap', {
        unit: `${row.unit.code} ${row.unit.name}`,
        indicator: this.catalogue.indicators[index]!.id,
        params: { year, old: old.map((u) => `${u.code} ${u.name}`).join('; ') },
      }),
    );
  }

  /**
   * An old district's or province's own return, where none of its units reported the indicator
   * that year: a row of its own. Where both did and differ, a reconciliation finding.
   */
  private ownRow(unit: Unit, below: readonly Row[], belowValue: (row: Row, k: number, y: number) => number, lists: readonly Unit['system'][], communes: number): Row | null {
    if (this.rollup.yearsOf(unit) === undefined) return null;
    const row = this.row(unit, 'not-attributable');
    const Y = this.years.length;
    let any = false;
    for (let k = 0; k < this.indexes.length; k++) {
      const index = this.indexes[k]!;
      if (kindOf(this.catalogue.indicators[index]!).acrossUnits === 'none') continue;
      for (let y = 0; y < Y; y++) {
        const own = this.own(unit, index, this.years[y]!);
        if (own !== own) continue;
        let built = NaN;
        for (const r of below) {
          const value = belowValue(r, k, y);
          if (value === value) built = built === built ? built + value : value;
        }
        if (built !== built) {
          row.value[k * Y + y] = own;
          row.source[k * Y + y] = OWN;
          row.covers[k * Y + y] = lists[y] === 'old' ? communes : 0;
          any = true;
        } else if (built !== own) this.reconcile(unit, index, this.years[y]!, own, built);
      }
    }
    for (const commune of this.gazetteer.communesOf(unit)) row.successors.push(...this.gazetteer.successorsOf(commune.code).map((s) => this.gazetteer.unit(s.new_code, 'new')).filter((u): u is Unit => u !== undefined));
    return any ? row : null;
  }

  /**
   * Stocks: an old unit's row stands until a current commune it went into has reported after the
   * reform (for that indicator, in the window); from then its figures are superseded in the
   * window's figure (each current unit's latest).
   */
  private supersede(rows: readonly Row[]): void {
    const Y = this.years.length;
    const current = new Map(rows.filter((r) => r.standing === 'current').map((r) => [r.unit, r]));
    for (const row of rows) {
      if (row.standing === 'current') continue;
      for (let k = 0; k < this.indexes.length; k++) {
        if (kindOf(this.catalogue.indicators[this.indexes[k]!]!).overWindow !== 'latest') continue;
        const reported = row.successors.some((s) => {
          const r = current.get(s);
          if (!r) return false;
          for (let y = 0; y < Y; y++) if (r.source[k * Y + y] === OWN) return true;
          return false;
        });
        if (reported) row.superseded.add(k);
      }
    }
  }

  /** A row's figure over the window for (k): a sum of years, or its latest (see the file's comment). */
  private windowValue(row: Row, k: number): { value: number; source: number } {
    const Y = this.years.length;
    const index = this.indexes[k]!;
    const rules = kindOf(this.catalogue.indicators[index]!);
    if (rules.overWindow === 'sum' && rules.acrossUnits !== 'none') {
      let sum = NaN;
      let source = NONE;
      for (let y = 0; y < Y; y++) {
        const value = row.value[k * Y + y]!;
        if (value !== value) continue;
        sum = sum === sum ? sum + value : value;
        source = Math.max(source, row.source[k * Y + y]!);
      }
      return { value: sum, source };
    }
    if (row.superseded.has(k)) return { value: NaN, source: NONE };
    for (let y = Y - 1; y >= 0; y--) if (row.source[k * Y + y] === OWN) return { value: row.value[k * Y + y]!, source: OWN };
    if (rules.acrossUnits === 'none' || row.carried.length === 0) return { value: NaN, source: NONE };
    // No figure of its own yet: each old unit's latest, added up.
    let sum = NaN;
    for (const unit of row.carried) {
      for (let y = Y - 1; y >= 0; y--) {
        const value = this.own(unit, index, this.years[y]!);
        if (value !== value) continue;
        sum = sum === sum ? sum + value : value;
        break;
      }
    }
    return { value: sum, source: sum === sum ? CARRIED : NONE };
  }

  private cell(value: number, source: number, reported: number, expected: number): FigureCell {
    return value === value ? { value, source: SOURCES[source]!, reported, expected } : { value: null, source: null, reported, expected };
  }

  /** A report indicator's cell over the window for a row (a ratio from its parts' figures). */
  private rowWindowCell(row: Row, indicator: Indicator): FigureCell {
    const Y = this.years.length;
    const expected = row.expected.reduce((a, b) => a + b, 0);
    const reportedOf = (k: number) => {
      let sum = 0;
      for (let y = 0; y < Y; y++) sum += row.reported[k * Y + y]!;
      return sum;
    };
    if (kindOf(indicator).cells === 'computed') {
      const [n, d] = this.parts(indicator);
      const value = ratioOf(nullable(this.windowValue(row, n.k).value), nullable(this.windowValue(row, d.k).value), n.decimals, d.decimals, indicator.decimals);
      return { value, source: value === null ? null : 'built', reported: reportedOf(d.k), expected };
    }
    const k = this.indexes.indexOf(this.catalogue.indexOf(indicator.id));
    const { value, source } = this.windowValue(row, k);
    return this.cell(value, source, reportedOf(k), expected);
  }

  private rowYearCell(row: Row, indicator: Indicator, y: number): FigureCell {
    const Y = this.years.length;
    const expected = row.expected[y]!;
    if (kindOf(indicator).cells === 'computed') {
      const [n, d] = this.parts(indicator);
      const value = ratioOf(nullable(row.value[n.k * Y + y]!), nullable(row.value[d.k * Y + y]!), n.decimals, d.decimals, indicator.decimals);
      return { value, source: value === null ? null : 'built', reported: row.reported[d.k * Y + y]!, expected };
    }
    const k = this.indexes.indexOf(this.catalogue.indexOf(indicator.id));
    return this.cell(row.value[k * Y + y]!, row.source[k * Y + y]!, row.reported[k * Y + y]!, expected);
  }

  private parts(indicator: Indicator) {
    return [indicator.numerator!, indicator.denominator!].map((id) => ({ k: this.indexes.indexOf(this.catalogue.indexOf(id)), decimals: this.catalogue.indicator(id)!.decimals })) as [{ k: number; decimals: number }, { k: number; decimals: number }];
  }

  private reportUnit(row: Row, province: Unit): ReportUnit {
    const flagged = this.options.flaggedUnits;
    return {
      level: row.unit.level,
      code: row.unit.code,
      name: row.unit.name,
      parentCode: province.code,
      list: row.unit.system,
      standing: row.standing,
      successors: row.standing === 'not-attributable' ? row.successors.map((u) => `${u.code} ${u.name}`) : null,
      flagged: flagged !== undefined && (flagged.has(unitKey(row.unit)) || row.carried.some((u) => flagged.has(unitKey(u)))),
      window: this.options.indicators.map((indicator) => this.rowWindowCell(row, indicator)),
      years: this.options.byYear ? new Map(this.years.map((year, y) => [year, this.options.indicators.map((indicator) => this.rowYearCell(row, indicator, y))])) : null,
    };
  }

  /**
   * The province: each year the sum of its rows (its own return where none reported; with
   * `prefer: reported`, its own return where it has one); over the window, a flow's years added
   * up, a stock the sum of its rows' figures.
   */
  private provinceRow(province: Unit, olds: readonly Unit[], rows: readonly Row[], lists: readonly Unit['system'][]): ReportUnit {
    const Y = this.years.length;
    const total = this.row(province, 'current');
    const single = olds.length === 1 ? olds[0]! : undefined;
    for (let y = 0; y < Y; y++) for (const row of rows) total.expected[y] = total.expected[y]! + row.expected[y]!;
    const windows: { value: number; source: number }[] = [];
    for (let k = 0; k < this.indexes.length; k++) {
      const index = this.indexes[k]!;
      const rules = kindOf(this.catalogue.indicators[index]!);
      for (let y = 0; y < Y; y++) {
        const at = k * Y + y;
        const year = this.years[y]!;
        let own = this.own(province, index, year);
        if (own !== own && single !== undefined && lists[y] === 'old' && rules.acrossUnits === 'none') own = this.own(single, index, year);
        if (rules.acrossUnits === 'none') {
          if (own === own) {
            total.value[at] = own;
            total.source[at] = OWN;
            total.reported[at] = total.expected[y]!;
          }
          continue;
        }
        let built = NaN;
        let reported = 0;
        for (const row of rows) {
          const value = row.value[at]!;
          if (value !== value) continue;
          built = built === built ? built + value : value;
          reported += row.reported[at]! + row.covers[at]!;
        }
        if (own === own && (built !== built || this.options.prefer === 'reported')) {
          if (built === built && built !== own) this.reconcile(province, index, year, own, built);
          total.value[at] = own;
          total.source[at] = OWN;
          total.reported[at] = total.expected[y]!;
        } else if (built === built) {
          if (own === own && own !== built) this.reconcile(province, index, year, own, built);
          total.value[at] = built;
          total.source[at] = BUILT;
          total.reported[at] = reported;
        }
      }
      if (rules.overWindow === 'latest' && rules.acrossUnits !== 'none') {
        // Each row's latest, added up; the province's own latest where no row has one.
        let sum = NaN;
        for (const row of rows) {
          const value = this.windowValue(row, k).value;
          if (value === value) sum = sum === sum ? sum + value : value;
        }
        windows[k] = sum === sum ? { value: sum, source: BUILT } : this.windowValue(total, k);
      } else {
        windows[k] = this.windowValue(total, k);
        if (windows[k]!.source === OWN && rules.acrossUnits !== 'none') windows[k] = { value: windows[k]!.value, source: OWN };
      }
    }
    const expected = total.expected.reduce((a, b) => a + b, 0);
    const reportedOf = (k: number) => {
      let sum = 0;
      for (let y = 0; y < Y; y++) sum += total.reported[k * Y + y]!;
      return sum;
    };
    const window = this.options.indicators.map((indicator): FigureCell => {
      if (kindOf(indicator).cells === 'computed') {
        const [n, d] = this.parts(indicator);
        const value = ratioOf(nullable(windows[n.k]!.value), nullable(windows[d.k]!.value), n.decimals, d.decimals, indicator.decimals);
        return { value, source: value === null ? null : 'built', reported: reportedOf(d.k), expected };
      }
      const k = this.indexes.indexOf(this.catalogue.indexOf(indicator.id));
      const cell = this.cell(windows[k]!.value, windows[k]!.source, reportedOf(k), expected);
      // A figure not added across units is the province's own: communes' coverage says nothing of it.
      return kindOf(indicator).acrossUnits === 'none' && cell.value !== null ? { ...cell, reported: expected } : cell;
    });
    const unit = this.reportUnit(total, province);
    const flagged = this.options.flaggedUnits;
    return {
      ...unit,
      parentCode: null,
      flagged: flagged !== undefined && flagged.size > 0 && rows.some((r) => flagged.has(unitKey(r.unit)) || r.carried.some((u) => flagged.has(unitKey(u)))),
      window,
    };
  }

  /**
   * Former districts and provinces, for the years whose returns used the old list: the pre-reform
   * report's rows over those years (empty after), marked `former`. A former province is shown
   * when the current one was made of several (a subtotal of each).
   */
  private formerUnits(olds: readonly Unit[], lists: readonly Unit['system'][], levels: ReadonlySet<string>): ReportUnit[] {
    const last = lists.lastIndexOf('old');
    if (last < 0) return [];
    const wanted = [...(levels.has('district') ? (['district'] as const) : []), ...(levels.has('province') && olds.length > 1 ? (['province'] as const) : [])];
    if (wanted.length === 0) return [];
    const before = buildReport(this.rollup, this.catalogue, this.gazetteer, {
      ...this.options,
      to: this.years[last]!,
      levels: wanted,
      provinces: olds.map((u) => u.code),
      byYear: this.options.byYear,
    });
    return before.units.map((unit) => ({
      ...unit,
      standing: 'former' as const,
      years: unit.years === null ? null : new Map(this.years.map((year) => [year, unit.years!.get(year) ?? this.options.indicators.map(() => EMPTY)])),
    }));
  }

  private reconcile(unit: Unit, index: number, year: number, own: number, built: number): void {
    const indicator = this.catalogue.indicators[index]!;
    const d = indicator.decimals;
    const row = this.rollup.yearsOf(unit)?.get(year);
    const place = row === undefined ? null : this.rollup.placeOf(row);
    this.findings.push(
      finding('reconciliation', {
        file: place?.file ?? null,
        line: place?.line ?? null,
        unit: `${unit.code} ${unit.name}`,
        indicator: indicator.id,
        value: scaledToPlain(own, d),
        params: {
          year,
          own: scaledToPlain(own, d),
          built: scaledToPlain(built, d),
          difference: scaledToPlain(own - built, d),
          labelVi: indicator.label_vi,
          labelEn: indicator.label_en,
          // Only today's province takes its own return over its rows (see provinceRow).
          used: this.options.prefer === 'reported' && unit.level === 'province' && unit.system === 'new' ? 'reported' : 'built',
        },
      }),
    );
  }
}

function nullable(value: number): number | null {
  return value === value ? value : null;
}
