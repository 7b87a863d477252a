/**
 * The to-do list before a conference (`antt check`): which communes have not sent their returns,
 * which figures break a rule once added up, which look like a typing slip. Pure: reads the
 * rollup and the gazetteer, returns values.
 */
import type { Indicator } from '../../schemas/catalogue.js';
import type { Catalogue } from './catalogue.js';
import { finding, type Finding } from './findings.js';
import { REFORM_YEAR, unitKey, type Gazetteer, type Unit } from './gazetteer.js';
import { listOfYear } from './current-report.js';
import { scaledToPlain } from './numbers.js';
import type { Rollup } from './rollup.js';
import type { AggregateReport } from './report.js';
import { brokenRules } from './rules.js';
import { kindOf } from './kinds.js';

export interface YearCompleteness {
  year: number;
  received: number;
  expected: number;
  /** Communes that have not sent a figure for that year, in official order. */
  missing: Unit[];
  /** Communes that sent that year, but every row of theirs was rejected (see the findings). */
  rejected: Unit[];
}

/** One row of the district × year matrix (after the reform, the province's row). */
export interface CompletenessRow {
  unit: Unit;
  years: YearCompleteness[];
}

export interface Completeness {
  rows: CompletenessRow[];
  /** The province, year by year. */
  total: { year: number; received: number; expected: number }[];
}

/**
 * Who sends returns in a year: the districts before the reform, the province after (its new
 * communes); in 2025 as the province's 2025 returns say (see listOfYear). A current province
 * made of several old ones: every old district of them.
 */
function sendersOf(rollup: Rollup, gazetteer: Gazetteer, provinceCode: string, year: number): Unit[] {
  const current = gazetteer.unit(provinceCode, 'new') ?? gazetteer.unit(gazetteer.newProvinceOf(provinceCode) ?? '', 'new');
  const list = year < REFORM_YEAR || !current ? 'old' : listOfYear(rollup, gazetteer, current, year);
  if (list === 'new') return current ? [current] : [];
  // A current province: the old ones that went into it; a province merged away: itself.
  const old = gazetteer.unit(provinceCode, 'old');
  const olds = gazetteer.unit(provinceCode, 'new')?.level === 'province' ? gazetteer.oldProvincesOf(provinceCode) : old ? [old] : [];
  return olds.flatMap((p) => gazetteer.childrenOf(p).filter((u) => u.level === 'district'));
}

export function completeness(rollup: Rollup, gazetteer: Gazetteer, provinceCode: string, years: readonly number[], rejectedUnitYears: ReadonlySet<string> = new Set()): Completeness {
  const rows = new Map<string, CompletenessRow>();
  const total: Completeness['total'] = [];
  for (const year of years) {
    let received = 0;
    let expected = 0;
    for (const sender of sendersOf(rollup, gazetteer, provinceCode, year)) {
      const key = unitKey(sender);
      let row = rows.get(key);
      if (!row) {
        row = { unit: sender, years: [] };
        rows.set(key, row);
      }
      const communes = gazetteer.communesOf(sender);
      const none = communes.filter((c) => !rollup.reported(c, year));
      // Sent, but every row rejected: to fix, not to chase.
      const rejected = none.filter((c) => rejectedUnitYears.has(`${unitKey(c)}|${year}`));
      const missing = rejected.length === 0 ? none : none.filter((c) => !rejected.includes(c));
      row.years.push({ year, received: communes.length - none.length, expected: communes.length, missing, rejected });
      received += communes.length - missing.length;
      expected += communes.length;
    }
    total.push({ year, received, expected });
  }
  return { rows: [...rows.values()], total };
}

// ---- Rules after rollup ---------------------------------------------------------------------

/**
 * Cross-field rules on the added-up figures of every district and province, year by year: a
 * district's own return, or a mix of communes that reported only one side, can break a rule that
 * every single row kept.
 */
export function rulesAfterRollup(report: AggregateReport, catalogue: Catalogue): Finding[] {
  const findings: Finding[] = [];
  const position = new Map(report.indicators.map((indicator, i) => [indicator.id, i]));
  for (const unit of report.units) {
    if (unit.level === 'commune' || !unit.years) continue;
    for (const [year, cells] of unit.years) {
      const valueOf = (id: string) => {
        const i = position.get(id);
        return i === undefined ? null : cells[i]!.value;
      };
      findings.push(...brokenRules(catalogue, valueOf, { unit: `${unit.code} ${unit.name}`, period: String(year) }));
    }
  }
  return findings;
}

// ---- Outliers -------------------------------------------------------------------------------

/** One figure far from the same unit's other years. */
export interface Outlier {
  year: number;
  value: number;
  /** The unit's other years: the usual range. */
  low: number;
  high: number;
  reason: 'tenfold' | 'robust';
  score: number;
  /** Compared with the other communes of the same year (no history of its own yet), not with its other years. */
  sameYear?: boolean;
}

const TENFOLD = { low: 7, high: 13 };

/**
 * Outliers in one unit's yearly series. A value is flagged when
 * - it is about ten times (or a tenth of) the unit's usual figure: an extra or a missing zero; or
 * - its robust score 0.6745·(x − median)/MAD (Iglewicz–Hoaglin) exceeds `threshold`, computed on
 *   the logarithm of the positive values — counts vary by factors, not by steps — and it is at
 *   least three times or a third of the median, and at least 10 away from it: a commune's 2
 *   sessions in a year of usually 5 is life, not a slip.
 * Zeros are "none occurred" (a commune with no session that year), not slips, and are not scored;
 * a score needs at least five positive years.
 */
export function outliersIn(points: readonly { year: number; value: number }[], threshold: number, decimals: number): Outlier[] {
  if (!mayHaveOutliers(points.map((p) => p.value), points.length, threshold, decimals)) return [];
  return scoreOutliers(points, threshold, decimals);
}

/**
 * False for a series that cannot have an outlier, told without sorting or logarithms. Zeros are
 * never flagged, and with a threshold of 0 or more both tests flag only a positive figure far
 * from the unit's usual one, itself a median of positive figures:
 * - at least 3 times it or a third of it (tenfold: 7 times; robust: 3 times the median);
 * - at least 6/7 of 10 (in the indicator's unit) away from it (tenfold: 7–13 times a usual of at
 *   least 1, or a seventh of a usual of at least 10; robust: 10 from the median).
 * So a series whose positive figures all lie within 3 times, or within 6/7 of 10, of each other
 * is passed over: most series are such.
 */
function mayHaveOutliers(values: ArrayLike<number>, count: number, threshold: number, decimals: number): boolean {
  if (count < 3) return false;
  if (threshold < 0) return true;
  let min = Infinity;
  let max = 0;
  for (let i = 0; i < count; i++) {
    const value = values[i]!;
    if (value <= 0) continue;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  if (max === 0 || max < 3 * min) return false;
  // Scaled figures are integers: (max − min) < (6/7)·10·10^decimals, exactly.
  return (max - min) * 7 >= 60 * 10 ** decimals;
}

/** The outlier tests themselves, on every point (outliersIn passes over series that cannot have one). */
export function scoreOutliers(points: readonly { year: number; value: number }[], threshold: number, decimals: number): Outlier[] {
  const found = scoreSeries(
    points.map((p) => p.year),
    points.map((p) => p.value),
    points.length,
    threshold,
    decimals,
  );
  // An array of the caller's own, not the shared empty one.
  return found === NO_OUTLIERS ? [] : found;
}

/** scoreOutliers on a series given as years[0, n) and values[0, n), as the rollup hands it over. */
function scoreSeries(years: ArrayLike<number>, values: ArrayLike<number>, n: number, threshold: number, decimals: number): Outlier[] {
  if (n < 3) return NO_OUTLIERS;
  // A series is a dozen years: sorted by insertion into arrays kept between calls, so that scoring
  // 90,000 series allocates nothing but what it finds. Each point's "other years" are the sorted
  // values without it (O(n²) compares on a dozen points, no sort per point).
  const sorted = scratch(0, n);
  for (let i = 0; i < n; i++) insert(sorted, i, values[i]!);
  let first = 0; // the positive values are sorted[first, n)
  while (first < n && !(sorted[first]! > 0)) first++;
  const positives = n - first;
  const m = positives > 0 ? median(sorted, first, positives) : 0;
  const minPositive = positives > 0 ? sorted[first]! : 0;
  const maxPositive = positives > 0 ? sorted[n - 1]! : 0;
  const floor = 10 * 10 ** decimals; // "about ten times" needs figures of at least 10 to mean anything
  // The robust score's logarithms, worked out for the first point that needs them: most points of
  // most series are told apart by the cheap conditions below.
  logStats.median = NaN;
  // Made for the first outlier found: most series have none (a closure and an array for each of
  // ninety thousand series were a tenth of a national report's garbage).
  let found: Outlier[] | null = null;
  for (let p = 0; p < n; p++) {
    const value = values[p]!;
    // Necessary for tenfold (the usual figure is a median of the other positives, so within
    // [minPositive, maxPositive]; 6.99 leaves room for the rounding of the ratio) …
    const mayBeTenfold = value > 0 && ((value >= floor && value >= 6.99 * minPositive) || (maxPositive >= floor && 6.99 * value <= maxPositive));
    // … and for robust (all of it but the score itself, which needs a positive figure).
    const mayBeRobust = positives >= 5 && (value >= 3 * m || value <= m / 3) && Math.abs(value - m) >= floor && (value > 0 || threshold < 0);
    if (!mayBeTenfold && !mayBeRobust) continue;
    let tenfold = false;
    if (mayBeTenfold) {
      const positiveAt = indexIn(sorted, first, n, value) - first;
      const usual = positives > 1 ? medianWithout(sorted, first, positives, positiveAt) : 0;
      const ratio = usual > 0 ? value / usual : 0;
      tenfold =
        (usual >= floor / 10 && value >= floor && ratio >= TENFOLD.low && ratio <= TENFOLD.high) ||
        (usual >= floor && ratio > 0 && 1 / ratio >= TENFOLD.low && 1 / ratio <= TENFOLD.high);
    }
    const pointScore = tenfold || mayBeRobust ? robustScore(value, sorted, first, positives) : 0;
    const robust = mayBeRobust && Math.abs(pointScore) > threshold;
    if (!tenfold && !robust) continue;
    const at = indexIn(sorted, 0, n, value);
    const low = at === 0 ? sorted[1]! : sorted[0]!;
    const high = at === n - 1 ? sorted[n - 2]! : sorted[n - 1]!;
    (found ??= []).push({ year: years[p]!, value, low, high, reason: tenfold ? 'tenfold' : 'robust', score: pointScore });
  }
  return found ?? NO_OUTLIERS;
}

/** What scoreSeries finds in a series without outliers (never changed). */
const NO_OUTLIERS: Outlier[] = Object.freeze([]) as unknown as Outlier[];

/** The median and median absolute deviation of a series' log positives: NaN until worked out. */
const logStats = { median: NaN, mad: 0 };

/**
 * A point's robust score against the positives sorted[first, first + positives), from logStats,
 * worked out on the first call for a series (scoreSeries sets its median to NaN).
 */
function robustScore(value: number, sorted: Float64Array, first: number, positives: number): number {
  if (Number.isNaN(logStats.median)) {
    // The logarithm keeps the order: the logs of sorted positives are sorted.
    const logs = scratch(1, positives);
    for (let i = 0; i < positives; i++) logs[i] = Math.log(sorted[first + i]!);
    const logMedian = positives > 0 ? median(logs, 0, positives) : 0;
    const deviations = scratch(2, positives);
    for (let i = 0; i < positives; i++) insert(deviations, i, Math.abs(logs[i]! - logMedian));
    logStats.median = logMedian;
    logStats.mad = positives > 0 ? median(deviations, 0, positives) : 0;
  }
  return value > 0 && logStats.mad > 0 ? (0.6745 * (Math.log(value) - logStats.median)) / logStats.mad : 0;
}

const scratchArrays = [new Float64Array(64), new Float64Array(64), new Float64Array(64)];

/** One of three arrays kept between calls, at least `length` long. */
function scratch(which: number, length: number): Float64Array {
  if (scratchArrays[which]!.length < length) scratchArrays[which] = new Float64Array(length * 2);
  return scratchArrays[which]!;
}

/** Puts `value` into the sorted list[0, count), which becomes list[0, count + 1). */
function insert(list: Float64Array, count: number, value: number): void {
  let j = count;
  for (; j > 0 && list[j - 1]! > value; j--) list[j] = list[j - 1]!;
  list[j] = value;
}

/** The first index of `value` in list[from, to), or -1. */
function indexIn(list: Float64Array, from: number, to: number, value: number): number {
  for (let i = from; i < to; i++) if (list[i] === value) return i;
  return -1;
}

/** The median of the sorted list[from, from + count). */
function median(list: Float64Array, from: number, count: number): number {
  const mid = from + (count >> 1);
  return count % 2 === 1 ? list[mid]! : (list[mid - 1]! + list[mid]!) / 2;
}

/** The median of the sorted list[from, from + count) without its element at from + skip. */
function medianWithout(list: Float64Array, from: number, count: number, skip: number): number {
  const n = count - 1;
  const at = (i: number) => list[from + (i >= skip ? i + 1 : i)]!;
  const mid = n >> 1;
  return n % 2 === 1 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
}

/** Each outlier of every unit's own series within the window, with its unit and indicator. */
function eachOutlier(rollup: Rollup, catalogue: Catalogue, from: number, to: number, threshold: number, visit: (unit: Unit, indicator: Indicator, outlier: Outlier) => void): void {
  rollup.eachSeries(from, to, (unit, indicatorIndex, years, values, count) => {
    const indicator: Indicator = catalogue.indicators[indicatorIndex]!;
    if (!kindOf(indicator).outliers) return;
    if (!mayHaveOutliers(values, count, threshold, indicator.decimals)) return;
    const found = scoreSeries(years, values, count, threshold, indicator.decimals);
    // A counted loop: for…of made an iterator for each series, in code that mostly runs uncompiled.
    for (let i = 0; i < found.length; i++) visit(unit, indicator, found[i]!);
  });
}

/**
 * Outliers of the communes after the reform, whose own series are still short (fewer than three
 * years in the window; longer ones are scored as any unit's above):
 * - a commune that the old communes all went wholly into continues their history: their sum for
 *   each year before its own figures, then its own; a figure of its own far from that is flagged;
 * - any other is compared with the other communes of its province in the same year, so that a
 *   slip of ×10 is caught even without history.
 */
function eachReformOutlier(rollup: Rollup, catalogue: Catalogue, gazetteer: Gazetteer, from: number, to: number, threshold: number, visit: (unit: Unit, indicator: Indicator, outlier: Outlier) => void): void {
  if (to < REFORM_YEAR) return;
  const indicators = rollup.indicatorsPresent(from, to).filter((i) => kindOf(i).outliers);
  const own = (unit: Unit, index: number, year: number) => {
    const row = rollup.yearsOf(unit)?.get(year);
    return row === undefined ? NaN : rollup.valueAt(row, index);
  };
  const sameYear = new Map<string, { unit: Unit; value: number }[]>();
  for (const unit of rollup.units()) {
    if (unit.system !== 'new' || unit.level !== 'commune') continue;
    const years = [...(rollup.yearsOf(unit)?.keys() ?? [])].filter((y) => y >= from && y <= to).sort((a, b) => a - b);
    if (years.length === 0 || years.length >= 3) continue;
    const rows = gazetteer.predecessorsOf(unit.code);
    const whole = rows.length > 0 && rows.every((r) => r.kind === 'full' && gazetteer.successorsOf(r.old_code).length === 1);
    const predecessors = whole ? rows.map((r) => gazetteer.unit(r.old_code, 'old')).filter((u): u is Unit => u !== undefined) : [];
    for (const indicator of indicators) {
      const index = catalogue.indexOf(indicator.id);
      const series: { year: number; value: number }[] = [];
      for (let year = from; year < Math.min(years[0]!, to + 1); year++) {
        let sum = NaN;
        for (const p of predecessors) {
          const value = own(p, index, year);
          if (value === value) sum = sum === sum ? sum + value : value;
        }
        if (sum === sum) series.push({ year, value: sum });
      }
      const mine = years.map((year) => ({ year, value: own(unit, index, year) })).filter((p) => p.value === p.value);
      if (mine.length === 0) continue;
      if (series.length + mine.length >= 3) {
        for (const outlier of outliersIn([...series, ...mine], threshold, indicator.decimals)) if (outlier.year >= years[0]!) visit(unit, indicator, outlier);
        continue;
      }
      const province = gazetteer.province(unit).code;
      for (const point of mine) {
        const key = `${province}|${indicator.id}|${point.year}`;
        let list = sameYear.get(key);
        if (!list) sameYear.set(key, (list = []));
        list.push({ unit, value: point.value });
      }
    }
  }
  // The others of the same year and province: every commune's own figure, short history or not.
  for (const [key, short] of sameYear) {
    const [province, id, yearText] = key.split('|') as [string, string, string];
    const indicator = catalogue.indicator(id)!;
    const index = catalogue.indexOf(id);
    const year = Number(yearText);
    const current = gazetteer.unit(province, 'new');
    if (!current) continue;
    const all = gazetteer.communesOf(current).map((u) => ({ unit: u, value: own(u, index, year) })).filter((p) => p.value === p.value);
    for (const { unit, value } of short) {
      // The commune's figure (its year), then the others' (placeholders for years: never flagged).
      const others = all.filter((p) => p.unit !== unit).map((p, i) => ({ year: -1 - i, value: p.value }));
      const points = [{ year, value }, ...others];
      for (const outlier of outliersIn(points, threshold, indicator.decimals)) if (outlier.year === year) visit(unit, indicator, { ...outlier, sameYear: true });
    }
  }
}

/** How many figures look unusual (what `antt aggregate` says in its last line). */
export function countOutliers(rollup: Rollup, catalogue: Catalogue, gazetteer: Gazetteer, from: number, to: number, threshold: number): number {
  let count = 0;
  eachOutlier(rollup, catalogue, from, to, threshold, () => count++);
  eachReformOutlier(rollup, catalogue, gazetteer, from, to, threshold, () => count++);
  return count;
}

export function outlierFindings(rollup: Rollup, catalogue: Catalogue, gazetteer: Gazetteer, from: number, to: number, threshold: number): Finding[] {
  const findings: Finding[] = [];
  const each = (visit: (unit: Unit, indicator: Indicator, outlier: Outlier) => void) => {
    eachOutlier(rollup, catalogue, from, to, threshold, visit);
    eachReformOutlier(rollup, catalogue, gazetteer, from, to, threshold, visit);
  };
  each((unit, indicator, outlier) => {
    const d = indicator.decimals;
    findings.push(
      finding('outlier', {
        unit: `${unit.code} ${unit.name}`,
        indicator: indicator.id,
        value: scaledToPlain(outlier.value, d),
        params: {
          year: outlier.year,
          low: scaledToPlain(outlier.low, d),
          high: scaledToPlain(outlier.high, d),
          reason: outlier.reason,
          ...(outlier.sameYear ? { sameYear: 1 } : {}),
          labelVi: indicator.label_vi,
          labelEn: indicator.label_en,
        },
      }),
    );
  });
  return findings;
}
