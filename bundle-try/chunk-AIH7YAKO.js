import { createRequire as __antt_createRequire } from 'node:module'; const require = __antt_createRequire(import.meta.url);
import {
  finding
} from "./chunk-ZZKADHKU.js";
import {
  scaledToPlain
} from "./chunk-MCNMICH4.js";

// dist/src/core/accumulators.js
var FlowAccumulator = class {
  sum = 0;
  any = false;
  latest = null;
  addYear(year, scaled) {
    this.sum += scaled;
    this.any = true;
    if (this.latest === null || year > this.latest)
      this.latest = year;
  }
  addUnit(other) {
    const value = other.value();
    const year = other.latestYear();
    if (value !== null && year !== null)
      this.addUnitFigure(year, value);
  }
  addUnitFigure(year, scaled) {
    this.addYear(year, scaled);
  }
  value() {
    return this.any ? this.sum : null;
  }
  latestYear() {
    return this.latest;
  }
};
var LatestAccumulator = class {
  latest = null;
  latestValue = 0;
  addYear(year, scaled) {
    if (this.latest === null || year >= this.latest) {
      this.latest = year;
      this.latestValue = scaled;
    }
  }
  latestYear() {
    return this.latest;
  }
};
var LatestThenSumAccumulator = class extends LatestAccumulator {
  unitsSum = 0;
  anyUnit = false;
  addUnit(other) {
    const value = other.value();
    const year = other.latestYear();
    if (value !== null && year !== null)
      this.addUnitFigure(year, value);
  }
  addUnitFigure(year, scaled) {
    if (!this.anyUnit && this.latest !== null)
      this.unitsSum = this.latestValue;
    this.anyUnit = true;
    this.unitsSum += scaled;
    if (this.latest === null || year > this.latest)
      this.latest = year;
  }
  value() {
    if (this.anyUnit)
      return this.unitsSum;
    return this.latest === null ? null : this.latestValue;
  }
};
var NotAdditiveAccumulator = class extends LatestAccumulator {
  combined = false;
  addUnit(other) {
    if (other.value() !== null)
      this.combined = true;
  }
  addUnitFigure() {
    this.combined = true;
  }
  value() {
    return this.combined || this.latest === null ? null : this.latestValue;
  }
};
var accumulators = {
  flow: { create: () => new FlowAccumulator(), overYears: "sum", acrossUnits: "sum" },
  stock: { create: () => new LatestThenSumAccumulator(), overYears: "latest", acrossUnits: "sum" },
  unit_count: { create: () => new LatestThenSumAccumulator(), overYears: "latest", acrossUnits: "sum" },
  none: { create: () => new NotAdditiveAccumulator(), overYears: "latest", acrossUnits: "none" }
};
function accumulatorFor(kind) {
  if (kind === "ratio")
    throw new Error("a ratio is computed from its parts, not accumulated");
  return accumulators[kind].create();
}
function ratioOf(numerator, denominator, numeratorDecimals, denominatorDecimals, decimals) {
  if (numerator === null || denominator === null || denominator === 0)
    return null;
  const top = BigInt(numerator) * 10n ** BigInt(denominatorDecimals) * 100n * 10n ** BigInt(decimals);
  const bottom = BigInt(denominator) * 10n ** BigInt(numeratorDecimals);
  return Number((top * 2n + bottom) / (bottom * 2n));
}

// dist/src/core/rollup.js
var LAST_OLD_YEAR = 2025;
var monthsMask = (first, last) => (1 << last) - 1 & ~((1 << first - 1) - 1);
function unitKey(unit) {
  return unit.system + unit.code;
}
var Rollup = class {
  catalogue;
  gazetteer;
  data = /* @__PURE__ */ new Map();
  width;
  /**
   * Catalogue index → slot in a unit-year's arrays. A return carries a dozen of the catalogue's
   * indicators: arrays sized by what has been seen keep a national run's memory small.
   */
  slotOf;
  slotIndexes = [];
  findings = [];
  constructor(catalogue, gazetteer) {
    this.catalogue = catalogue;
    this.gazetteer = gazetteer;
    this.width = catalogue.indicators.length;
    this.slotOf = new Int16Array(this.width).fill(-1);
  }
  /** Adds one accepted figure. Periods of a year roll into the year (DESIGN §5). */
  /** The figures of one row arrive one after another: the last unit-year is kept at hand. */
  lastUnit = null;
  lastYear = 0;
  lastYearData = null;
  add(observation, place) {
    const { unit, period, indicator, indicatorIndex: i, scaled } = observation;
    let year = unit === this.lastUnit && period.year === this.lastYear ? this.lastYearData : null;
    if (!year)
      year = this.yearData(unit, period.year);
    this.addTo(year, unit, observation, place, indicator, i, scaled);
  }
  yearData(unit, yearNumber) {
    const key = unitKey(unit);
    let unitData = this.data.get(key);
    if (!unitData) {
      unitData = { unit, years: /* @__PURE__ */ new Map() };
      this.data.set(key, unitData);
    }
    let year = unitData.years.get(yearNumber);
    if (!year) {
      year = {
        values: new Float64Array(Math.max(8, this.slotIndexes.length)).fill(NaN),
        months: new Uint16Array(Math.max(8, this.slotIndexes.length)),
        lastMonth: new Uint8Array(Math.max(8, this.slotIndexes.length)),
        place: null
      };
      unitData.years.set(yearNumber, year);
    }
    this.lastUnit = unit;
    this.lastYear = yearNumber;
    this.lastYearData = year;
    return year;
  }
  slot(index) {
    let slot = this.slotOf[index];
    if (slot < 0) {
      slot = this.slotIndexes.push(index) - 1;
      this.slotOf[index] = slot;
    }
    return slot;
  }
  /** A unit-year's arrays, grown to hold a slot first seen after they were made. */
  fit(year, slot) {
    if (slot < year.values.length)
      return;
    const size = Math.max(slot + 1, this.slotIndexes.length);
    const values = new Float64Array(size).fill(NaN);
    values.set(year.values);
    const months = new Uint16Array(size);
    months.set(year.months);
    const lastMonth = new Uint8Array(size);
    lastMonth.set(year.lastMonth);
    year.values = values;
    year.months = months;
    year.lastMonth = lastMonth;
  }
  addTo(year, unit, observation, place, indicator, index, scaled) {
    const { period } = observation;
    const i = this.slot(index);
    this.fit(year, i);
    if (unit.level !== "commune" && year.place === null)
      year.place = place;
    const mask = monthsMask(period.firstMonth, period.lastMonth);
    if ((year.months[i] & mask) !== 0) {
      this.findings.push(finding("overlapping-periods", {
        file: place.file,
        line: place.line,
        unit: `${unit.code} ${unit.name}`,
        indicator: indicator.id,
        value: period.label,
        params: { year: period.year }
      }));
      return;
    }
    year.months[i] = year.months[i] | mask;
    const current = year.values[i];
    if (Number.isNaN(current)) {
      year.values[i] = scaled;
      year.lastMonth[i] = period.lastMonth;
    } else if (indicator.kind === "flow") {
      year.values[i] = current + scaled;
    } else if (period.lastMonth > year.lastMonth[i]) {
      year.values[i] = scaled;
      year.lastMonth[i] = period.lastMonth;
    }
  }
  /** Years with any figure, ascending. */
  yearsPresent() {
    const years = /* @__PURE__ */ new Set();
    for (const unitData of this.data.values())
      for (const year of unitData.years.keys())
        years.add(year);
    return [...years].sort((a, b) => a - b);
  }
  /**
   * Provinces with any figure, as codes of the list the window ends in: an old province's data
   * belongs to the new province it went into when the window runs past the reform.
   */
  provincesPresent(to) {
    const codes = /* @__PURE__ */ new Set();
    for (const unitData of this.data.values()) {
      const province = this.gazetteer.province(unitData.unit);
      const code = province.system === "old" && to > LAST_OLD_YEAR ? this.gazetteer.newProvinceOf(province.code) ?? province.code : province.code;
      codes.add(code);
    }
    return [...codes].sort();
  }
  /** Indicators with any figure in the years given, in catalogue order. */
  indicatorsPresent(from, to) {
    const seen = /* @__PURE__ */ new Set();
    for (const unitData of this.data.values()) {
      for (const [year, yearData] of unitData.years) {
        if (year < from || year > to)
          continue;
        for (let slot = 0; slot < yearData.values.length; slot++)
          if (!Number.isNaN(yearData.values[slot]))
            seen.add(this.slotIndexes[slot]);
      }
      if (seen.size === this.slotIndexes.length)
        break;
    }
    return this.catalogue.indicators.filter((indicator, i) => {
      if (indicator.kind !== "ratio")
        return seen.has(i);
      return seen.has(this.catalogue.indexOf(indicator.numerator)) && seen.has(this.catalogue.indexOf(indicator.denominator));
    });
  }
  build(options) {
    return new ReportBuilder(this, this.catalogue, this.gazetteer, options).build();
  }
  /** @internal */
  own(node, year, index) {
    const yearData = this.data.get(node.key)?.years.get(year);
    if (!yearData)
      return null;
    const slot = this.slotOf[index];
    if (slot < 0 || slot >= yearData.values.length)
      return null;
    const value = yearData.values[slot];
    return Number.isNaN(value) ? null : { value, place: yearData.place };
  }
  /** Did the unit send any figure for that year (any indicator)? */
  reported(unit, year) {
    return this.data.get(unitKey(unit))?.years.has(year) ?? false;
  }
  /** Each unit's own figures, per indicator, year by year within the window: what outlier checks read. */
  *series(from, to) {
    const present = this.indicatorsPresent(from, to).map((indicator) => this.catalogue.indexOf(indicator.id));
    for (const unitData of this.data.values()) {
      const years = [...unitData.years.keys()].filter((y) => y >= from && y <= to).sort((a, b) => a - b);
      if (years.length < 3)
        continue;
      for (const i of present) {
        const points = [];
        for (const year of years) {
          const slot = this.slotOf[i];
          const values = unitData.years.get(year).values;
          const value = slot >= 0 && slot < values.length ? values[slot] : NaN;
          if (!Number.isNaN(value))
            points.push({ year, value });
        }
        if (points.length > 0)
          yield { unit: unitData.unit, indicatorIndex: i, points };
      }
    }
  }
};
var ReportBuilder = class {
  rollup;
  catalogue;
  gazetteer;
  options;
  years;
  communeCounts = /* @__PURE__ */ new Map();
  findings = [];
  reconciled = /* @__PURE__ */ new Set();
  constructor(rollup, catalogue, gazetteer, options) {
    this.rollup = rollup;
    this.catalogue = catalogue;
    this.gazetteer = gazetteer;
    this.options = options;
    this.years = [];
    for (let y = options.from; y <= options.to; y++)
      this.years.push(y);
  }
  build() {
    const provinces = this.options.provinces ?? this.rollup.provincesPresent(this.options.to);
    const units = [];
    const levels = new Set(this.options.levels);
    for (const provinceCode of provinces) {
      const province = this.provinceNode(provinceCode);
      if (!province)
        continue;
      const districts = province.eras ? province.children.flatMap((era) => era.unit.system === "old" ? era.children : []) : province.children.filter((c) => c.unit.level === "district");
      const directCommunes = province.eras ? province.children.flatMap((era) => era.unit.system === "new" ? era.children : []) : province.children.filter((c) => c.unit.level === "commune");
      for (const district of districts) {
        if (levels.has("commune"))
          for (const commune of district.children)
            units.push(this.reportUnit(commune));
        if (levels.has("district"))
          units.push(this.reportUnit(district));
      }
      if (levels.has("commune"))
        for (const commune of directCommunes)
          units.push(this.reportUnit(commune));
      if (levels.has("province"))
        units.push(this.reportUnit(province));
    }
    return {
      title: this.options.title ?? null,
      from: this.options.from,
      to: this.options.to,
      years: this.years,
      byYear: this.options.byYear,
      indicators: [...this.options.indicators],
      units,
      findings: [...this.rollup.findings, ...this.findings]
    };
  }
  /** The province as reported: one era, or both eras when the window crosses the reform. */
  provinceNode(code) {
    const { from, to } = this.options;
    const oldProvince = from <= LAST_OLD_YEAR ? this.gazetteer.unit(code, "old") : void 0;
    const newProvince = to > LAST_OLD_YEAR ? this.gazetteer.unit(code, "new") : void 0;
    const oldNode = from <= LAST_OLD_YEAR && oldProvince?.level === "province" ? this.tree(oldProvince) : null;
    const newNode = to > LAST_OLD_YEAR && newProvince?.level === "province" ? this.tree(newProvince) : null;
    if (oldNode && newNode) {
      const merged = this.gazetteer.units("old").filter((u) => u.level === "province" && this.gazetteer.newProvinceOf(u.code) === code).map((u) => this.tree(u));
      return { key: `era:${code}`, unit: newProvince, children: [...merged, newNode], eras: true, yearly: /* @__PURE__ */ new Map() };
    }
    return oldNode ?? newNode;
  }
  trees = /* @__PURE__ */ new Map();
  tree(unit) {
    const key = unitKey(unit);
    const known = this.trees.get(key);
    if (known)
      return known;
    const children = this.gazetteer.childrenOf(unit).map((child) => this.tree(child));
    const node = { key, unit, children, eras: false, yearly: /* @__PURE__ */ new Map() };
    this.trees.set(key, node);
    return node;
  }
  isFlagged(node) {
    if (this.options.flaggedUnits?.has(node.key))
      return true;
    return node.children.some((c) => this.isFlagged(c));
  }
  reportUnit(node) {
    const window = this.options.indicators.map((indicator) => this.windowCell(node, indicator));
    let years = null;
    if (this.options.byYear) {
      years = /* @__PURE__ */ new Map();
      for (const year of this.years) {
        years.set(year, this.options.indicators.map((indicator) => this.yearCell(node, indicator, year)));
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
      years
    };
  }
  /** Communes of a unit in a year, as the gazetteer lists them for that year's era. */
  expectedCommunes(node, year) {
    if (node.eras)
      return node.children.reduce((n, child) => n + this.expectedCommunes(child, year), 0);
    const era = year <= LAST_OLD_YEAR ? "old" : "new";
    if (node.unit.system !== era)
      return 0;
    if (node.unit.level === "commune")
      return 1;
    let count = this.communeCounts.get(node.key);
    if (count === void 0) {
      count = node.children.reduce((n, child) => n + this.expectedCommunes(child, year), 0);
      this.communeCounts.set(node.key, count);
    }
    return count;
  }
  /** The figure of one unit, indicator and year, and which figure went up. */
  yearFigure(node, indicator, index, year) {
    const memo = index * 1e4 + year;
    const leaf = node.children.length === 0;
    const known = leaf ? void 0 : node.yearly.get(memo);
    if (known)
      return known;
    let figure;
    const own = node.eras ? null : this.rollup.own(node, year, index);
    if (node.children.length === 0 || indicator.kind === "none") {
      figure = own ? { value: own.value, source: "own", covered: this.expectedCommunes(node, year) } : { value: null, source: null, covered: 0 };
      if (indicator.kind === "none" && node.children.length > 0)
        figure.covered = 0;
    } else {
      const built = accumulatorFor(indicator.kind);
      let covered = 0;
      let anyChild = false;
      for (const child of node.children) {
        const childFigure = this.yearFigure(child, indicator, index, year);
        if (childFigure.value === null)
          continue;
        anyChild = true;
        covered += childFigure.covered;
        built.addUnitFigure(year, childFigure.value);
      }
      const builtValue = anyChild ? built.value() : null;
      if (own && builtValue !== null && own.value !== builtValue)
        this.reconcile(node, indicator, year, own, builtValue);
      const useOwn = own !== null && (builtValue === null || this.options.prefer === "reported");
      if (useOwn)
        figure = { value: own.value, source: "own", covered: this.expectedCommunes(node, year) };
      else
        figure = { value: builtValue, source: builtValue === null ? null : "built", covered };
    }
    if (!leaf)
      node.yearly.set(memo, figure);
    return figure;
  }
  reconcile(node, indicator, year, own, built) {
    const memo = `${node.key}|${indicator.id}|${year}`;
    if (this.reconciled.has(memo))
      return;
    this.reconciled.add(memo);
    const d = indicator.decimals;
    this.findings.push(finding("reconciliation", {
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
        used: this.options.prefer
      }
    }));
  }
  /** The window accumulator of a unit: years for a flow; per-unit latest for a stock. */
  windowAccumulator(node, indicator, index) {
    const acc = accumulatorFor(indicator.kind);
    if (indicator.kind === "flow" || node.children.length === 0 || indicator.kind === "none") {
      for (const year of this.years) {
        const figure = this.yearFigure(node, indicator, index, year);
        if (figure.value !== null)
          acc.addYear(year, figure.value);
      }
      return acc;
    }
    let latest = null;
    for (const year of this.years)
      if (this.yearFigure(node, indicator, index, year).value !== null)
        latest = year;
    if (latest === null)
      return acc;
    const atLatest = this.yearFigure(node, indicator, index, latest);
    if (atLatest.source === "own") {
      acc.addYear(latest, atLatest.value);
      return acc;
    }
    if (node.eras) {
      const era = node.children.filter((c) => latest <= LAST_OLD_YEAR ? c.unit.system === "old" : c.unit.system === "new");
      for (const child of era)
        acc.addUnit(this.windowAccumulator(child, indicator, index));
      return acc;
    }
    for (const child of node.children)
      acc.addUnit(this.windowAccumulator(child, indicator, index));
    return acc;
  }
  windowCell(node, indicator) {
    let reported = 0;
    let expected = 0;
    for (const year of this.years)
      expected += this.expectedCommunes(node, year);
    if (indicator.kind === "ratio") {
      const parts = this.ratioParts(indicator);
      const n = this.windowAccumulator(node, parts.numerator, parts.numeratorIndex).value();
      const d = this.windowAccumulator(node, parts.denominator, parts.denominatorIndex).value();
      for (const year of this.years)
        reported += this.yearFigure(node, parts.denominator, parts.denominatorIndex, year).covered;
      const value2 = ratioOf(n, d, parts.numerator.decimals, parts.denominator.decimals, indicator.decimals);
      return { value: value2, source: value2 === null ? null : "built", reported, expected };
    }
    const index = this.catalogue.indexOf(indicator.id);
    const acc = this.windowAccumulator(node, indicator, index);
    const sources = /* @__PURE__ */ new Set();
    for (const year of this.years) {
      const figure = this.yearFigure(node, indicator, index, year);
      reported += figure.covered;
      if (figure.source)
        sources.add(figure.source);
    }
    const value = acc.value();
    if (indicator.kind === "none" && value !== null)
      reported = expected;
    return { value, source: value === null ? null : sources.has("own") && !sources.has("built") ? "own" : sources.has("built") ? "built" : null, reported, expected };
  }
  yearCell(node, indicator, year) {
    const expected = this.expectedCommunes(node, year);
    if (indicator.kind === "ratio") {
      const parts = this.ratioParts(indicator);
      const n = this.yearFigure(node, parts.numerator, parts.numeratorIndex, year);
      const d = this.yearFigure(node, parts.denominator, parts.denominatorIndex, year);
      const value = ratioOf(n.value, d.value, parts.numerator.decimals, parts.denominator.decimals, indicator.decimals);
      return { value, source: value === null ? null : "built", reported: d.covered, expected };
    }
    const figure = this.yearFigure(node, indicator, this.catalogue.indexOf(indicator.id), year);
    return { value: figure.value, source: figure.source, reported: figure.covered, expected };
  }
  ratioParts(indicator) {
    const numerator = this.catalogue.indicator(indicator.numerator);
    const denominator = this.catalogue.indicator(indicator.denominator);
    return {
      numerator,
      denominator,
      numeratorIndex: this.catalogue.indexOf(numerator.id),
      denominatorIndex: this.catalogue.indexOf(denominator.id)
    };
  }
};

export {
  LAST_OLD_YEAR,
  Rollup
};
