import { createRequire as __antt_createRequire } from 'node:module'; const require = __antt_createRequire(import.meta.url);
import {
  LAST_OLD_YEAR,
  Rollup
} from "./chunk-AIH7YAKO.js";
import {
  Vocabulary,
  collectInputs,
  displayPath,
  formatOf,
  readCsv,
  readJson
} from "./chunk-PQ564HJ5.js";
import {
  Catalogue,
  foldKey,
  gazetteerFor,
  identityColumns,
  loadCatalogueData
} from "./chunk-GSZTKTLU.js";
import {
  AnttError
} from "./chunk-N7ZECBHJ.js";
import {
  compareFindings,
  finding
} from "./chunk-ZZKADHKU.js";
import {
  cellSchema,
  readCell
} from "./chunk-BAEVOABS.js";
import {
  scaledToPlain
} from "./chunk-MCNMICH4.js";

// dist/src/core/row-reader.js
function compileRowReader(columns, convention, level) {
  const count = columns.length;
  return (cells) => {
    let figures = [];
    let problems = null;
    for (let i = 0; i < count; i++) {
      const column = columns[i];
      const raw = cells[column.position];
      const result = readCell(raw, column.indicator, convention, level);
      if (result.status === "invalid") {
        (problems ??= []).push({ column, raw, code: result.code, params: result.params });
      } else if (result.status === "value" && problems === null) {
        figures.push({ column, scaled: result.scaled });
      }
    }
    if (problems !== null)
      figures = [];
    return { figures, problems: problems ?? [] };
  };
}

// dist/src/core/period.js
var MIN_YEAR = 1990;
var MAX_YEAR = 2100;
function make(year, firstMonth, lastMonth, label) {
  if (year < MIN_YEAR || year > MAX_YEAR)
    return null;
  return { label, year, firstMonth, lastMonth };
}
function parsePeriod(raw) {
  const text2 = raw.trim().normalize("NFD").replace(/[\u0300-\u036f]/g, "").toUpperCase().replace(/^(NAM|KY|QUY|THANG)\s*/, (m2) => m2.startsWith("QUY") ? "Q" : m2.startsWith("THANG") ? "T" : "").replace(/\s+/g, "");
  let m = /^([0-9]{4})(?:\.0+)?$/.exec(text2);
  if (m)
    return make(Number(m[1]), 1, 12, m[1]);
  m = /^([0-9]{4})[-/]?Q([1-4])$/.exec(text2) ?? swap(/^Q([1-4])[-/]([0-9]{4})$/.exec(text2));
  if (m) {
    const q = Number(m[2]);
    return make(Number(m[1]), q * 3 - 2, q * 3, `${m[1]}-Q${q}`);
  }
  m = /^([0-9]{4})[-/]?H([12])$/.exec(text2) ?? swap(/^H([12])[-/]([0-9]{4})$/.exec(text2));
  if (m) {
    const h = Number(m[2]);
    return make(Number(m[1]), h * 6 - 5, h * 6, `${m[1]}-H${h}`);
  }
  m = /^([0-9]{4})[-/]([0-9]{1,2})$/.exec(text2) ?? swap(/^T?([0-9]{1,2})[-/]([0-9]{4})$/.exec(text2));
  if (m) {
    const month = Number(m[2]);
    if (month < 1 || month > 12)
      return null;
    return make(Number(m[1]), month, month, `${m[1]}-${String(month).padStart(2, "0")}`);
  }
  return null;
}
function swap(m) {
  if (!m)
    return null;
  const out = [m[0], m[2], m[1]];
  return out;
}
var REFORM = { year: 2025, month: 7 };
function unitSystemsFor(period) {
  const startsAfter = period.year > REFORM.year || period.year === REFORM.year && period.firstMonth >= REFORM.month;
  const endsBefore = period.year < REFORM.year || period.year === REFORM.year && period.lastMonth < REFORM.month;
  if (startsAfter)
    return ["new"];
  if (endsBefore)
    return ["old"];
  return ["old", "new"];
}

// dist/src/core/rules.js
function holds(left, operator, right) {
  switch (operator) {
    case "<=":
      return left <= right;
    case "<":
      return left < right;
    case ">=":
      return left >= right;
    case ">":
      return left > right;
    default:
      return left === right;
  }
}
function brokenRules(catalogue, valueOf, where) {
  const findings = [];
  const side = (ids) => {
    let sum = 0;
    let any = false;
    for (const id of ids) {
      const value = valueOf(id);
      if (value === null)
        continue;
      sum += value;
      any = true;
    }
    return any ? sum : null;
  };
  const labels = (ids, field) => ids.map((id) => catalogue.indicator(id)[field]).join(" + ");
  for (const rule of catalogue.rules) {
    const left = side(rule.left);
    const right = side(rule.right);
    if (left === null || right === null || holds(left, rule.operator, right))
      continue;
    const decimals = Math.max(...[...rule.left, ...rule.right].map((id) => catalogue.indicator(id).decimals));
    findings.push(finding("rule-violated", {
      file: where.file ?? null,
      line: where.line ?? null,
      record: where.record ?? null,
      level: rule.importance,
      unit: where.unit,
      indicator: rule.left[0],
      params: {
        rule: rule.id,
        period: where.period,
        leftVi: labels(rule.left, "label_vi"),
        leftEn: labels(rule.left, "label_en"),
        rightVi: labels(rule.right, "label_vi"),
        rightEn: labels(rule.right, "label_en"),
        operator: rule.operator,
        leftValue: scaledToPlain(left, decimals),
        rightValue: scaledToPlain(right, decimals)
      }
    }));
  }
  return findings;
}

// dist/src/core/row-table.js
var EMPTY = -1;
var LOAD = 0.75;
var RowTable = class {
  // Assigned by allocate(), which the constructor calls.
  keys;
  fingerprints;
  masksLow;
  masksHigh;
  files;
  lines;
  count = 0;
  constructor(capacity = 1 << 12) {
    this.allocate(capacity);
  }
  /** Empty columns of `capacity` slots (a power of two). */
  allocate(capacity) {
    this.keys = new Float64Array(capacity).fill(EMPTY);
    this.fingerprints = new Uint32Array(capacity);
    this.masksLow = new Uint32Array(capacity);
    this.masksHigh = new Uint32Array(capacity);
    this.files = new Uint16Array(capacity);
    this.lines = new Uint32Array(capacity);
    this.count = 0;
  }
  get size() {
    return this.count;
  }
  slotOf(key) {
    const capacity = this.keys.length;
    let h = (key | 0) ^ Math.imul(Math.floor(key / 4294967296) | 0, 2654435761);
    h = Math.imul(h ^ h >>> 16, 2246822507);
    h = Math.imul(h ^ h >>> 13, 3266489909);
    h = (h ^ h >>> 16) >>> 0;
    for (; ; ) {
      const at = h & capacity - 1;
      const k = this.keys[at];
      if (k === EMPTY || k === key)
        return at;
      h = h + 1 >>> 0;
    }
  }
  get(key) {
    const at = this.slotOf(key);
    if (this.keys[at] === EMPTY)
      return null;
    return { fingerprint: this.fingerprints[at], maskLow: this.masksLow[at], maskHigh: this.masksHigh[at], file: this.files[at], line: this.lines[at] };
  }
  set(key, entry) {
    if (this.count + 1 > this.keys.length * LOAD)
      this.grow();
    const at = this.slotOf(key);
    if (this.keys[at] === EMPTY) {
      this.keys[at] = key;
      this.count++;
    }
    this.fingerprints[at] = entry.fingerprint;
    this.masksLow[at] = entry.maskLow;
    this.masksHigh[at] = entry.maskHigh;
    this.files[at] = Math.min(entry.file, 65535);
    this.lines[at] = entry.line;
  }
  grow() {
    const { keys, fingerprints, masksLow, masksHigh, files, lines } = this;
    this.allocate(keys.length * 2);
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === EMPTY)
        continue;
      this.set(keys[i], { fingerprint: fingerprints[i], maskLow: masksLow[i], maskHigh: masksHigh[i], file: files[i], line: lines[i] });
    }
  }
};
function fingerprint(values) {
  let a = 0;
  for (const { index, scaled } of values) {
    const lo = scaled % 4294967296 | 0;
    const hi = Math.floor(scaled / 4294967296) | 0;
    a = a + mix(index * 73244475 + lo, hi) >>> 0;
  }
  return a;
}
function mix(x, y) {
  let h = Math.imul(x ^ x >>> 16, 2146121005) ^ Math.imul(y + 2654435769, 2221713035);
  h = Math.imul(h ^ h >>> 15, 739982445);
  return (h ^ h >>> 12) >>> 0;
}

// dist/src/core/checker.js
var ReturnChecker = class {
  catalogue;
  gazetteer;
  context;
  onObservation;
  collect;
  skip;
  keep;
  kept = { error: [], warning: [] };
  files = [];
  fileIndex = /* @__PURE__ */ new Map();
  /** Interned periods: one object per distinct label, however many rows name it. */
  periods = /* @__PURE__ */ new Map();
  sightings = /* @__PURE__ */ new Map();
  periodIds = /* @__PURE__ */ new Map();
  periodId(period) {
    let id = this.periodIds.get(period);
    if (id === void 0) {
      id = this.periodIds.size;
      this.periodIds.set(period, id);
    }
    return id;
  }
  /** Spreadsheets read: header → column position, to name the cell of a finding made later. */
  spreadsheetColumns = /* @__PURE__ */ new Map();
  /** Units (system + code) with a rejected row: their totals may be short. */
  flaggedUnits = /* @__PURE__ */ new Set();
  stats = { files: 0, unreadable: 0, rows: 0, rowsAccepted: 0, rowsRejected: 0, errors: 0, warnings: 0 };
  constructor(options) {
    this.catalogue = options.catalogue;
    this.gazetteer = options.gazetteer;
    this.context = options.context ?? {};
    this.onObservation = options.onObservation;
    this.collect = options.collect;
    this.skip = options.skip;
    this.keep = options.keepFindings ?? 1e4;
  }
  report(f) {
    if (f.level === "warning" && this.skip?.has(f.code))
      return;
    if (f.level === "error")
      this.stats.errors++;
    else
      this.stats.warnings++;
    const bucket = this.kept[f.level];
    if (bucket.length < this.keep)
      bucket.push(f);
  }
  /** A file that could not be read at all: reported, counted, and the others read on. */
  unreadable(file, error) {
    this.stats.files++;
    this.stats.unreadable++;
    this.report(finding("file-unreadable", { file, params: { vi: error.render("vi"), en: error.render("en") } }));
  }
  /** Starts a file; its rows are then given to the returned `FileChecker`. */
  beginFile(file, convention = "unknown", spreadsheet = false) {
    if (!this.fileIndex.has(file))
      this.fileIndex.set(file, this.files.length);
    this.files.push(file);
    this.stats.files++;
    return new FileChecker(this, file, convention, spreadsheet);
  }
  /** @internal */
  get parts() {
    return { catalogue: this.catalogue, gazetteer: this.gazetteer, context: this.context };
  }
  periodTexts = /* @__PURE__ */ new Map();
  /** @internal A period cell, read once per distinct text: one Period object per label. */
  period(text2) {
    let period = this.periodTexts.get(text2);
    if (period === void 0) {
      const parsed = parsePeriod(text2);
      period = parsed ? this.periods.get(parsed.label) ?? parsed : null;
      if (parsed)
        this.periods.set(parsed.label, period);
      if (this.periodTexts.size < 1e4)
        this.periodTexts.set(text2, period);
    }
    return period;
  }
  /** A location as one number (file index × 2³² + line), so that each accepted row costs 8 bytes. */
  pack(where) {
    return (this.fileIndex.get(where.file) ?? 0) * 2 ** 32 + (where.line ?? where.record ?? 0);
  }
  unpack(packed) {
    const file = this.files[Math.floor(packed / 2 ** 32)] ?? "";
    const line = packed % 2 ** 32;
    return { file, line: line === 0 ? null : line, record: null };
  }
  /** The catalogue's rules with indicator indexes in place of ids, for the per-row check. */
  compiledRules;
  anyRuleBroken(valueOf) {
    this.compiledRules ??= this.catalogue.rules.map((rule) => ({
      left: rule.left.map((id) => this.catalogue.indexOf(id)),
      right: rule.right.map((id) => this.catalogue.indexOf(id)),
      operator: rule.operator
    }));
    for (const rule of this.compiledRules) {
      let left = 0;
      let right = 0;
      let anyLeft = false;
      let anyRight = false;
      for (const i of rule.left) {
        const v = valueOf(i);
        if (v !== null) {
          left += v;
          anyLeft = true;
        }
      }
      if (!anyLeft)
        continue;
      for (const i of rule.right) {
        const v = valueOf(i);
        if (v !== null) {
          right += v;
          anyRight = true;
        }
      }
      if (anyRight && !holds(left, rule.operator, right))
        return true;
    }
    return false;
  }
  /** Wide rows seen, by unit and period: a fingerprint of their figures and where they were read. */
  rows = new RowTable();
  /** @internal Records an accepted row's figures; returns the findings about duplicates. */
  accept(unit, period, values, where, shape = "wide") {
    if (this.collect) {
      const findings = shape === "wide" ? this.rowRules(unit, period, values, where) : [];
      if (!findings.some((f) => f.level === "error"))
        this.collect({ unit, period, values, where, shape });
      return findings;
    }
    return this.acceptAcrossFiles(unit, period, values, where, shape, true);
  }
  /**
   * @internal A row a worker passed, in file order: the checks that need every file. Returns
   * the findings; a row refused here (a conflict) moves from accepted to rejected.
   */
  acceptCollected(row) {
    const findings = this.acceptAcrossFiles(row.unit, row.period, row.values, row.where, row.shape, false);
    const columns = this.spreadsheetColumns.get(row.where.file);
    for (const f of findings)
      this.report(columns && f.line !== null && f.cell === null ? { ...f, cell: `${columnLetter(f.column !== null ? columns.get(f.column) ?? 0 : 0)}${f.line}` } : f);
    if (findings.some((f) => f.level === "error")) {
      this.stats.rowsAccepted--;
      this.stats.rowsRejected++;
      this.flaggedUnits.add(row.unit.system + row.unit.code);
    }
  }
  /** @internal Adds what a worker counted and kept for its files. */
  merge(part) {
    for (const [file, columns] of part.spreadsheets)
      this.spreadsheetColumns.set(file, new Map(columns));
    for (const file of part.files) {
      if (!this.fileIndex.has(file))
        this.fileIndex.set(file, this.files.length);
      this.files.push(file);
    }
    this.stats.files += part.stats.files;
    this.stats.unreadable += part.stats.unreadable;
    this.stats.rows += part.stats.rows;
    this.stats.rowsAccepted += part.stats.rowsAccepted;
    this.stats.rowsRejected += part.stats.rowsRejected;
    for (const f of part.findings)
      this.report(f);
    for (const unit of part.flagged)
      this.flaggedUnits.add(unit);
  }
  /** @internal The worker's findings and counts, to be merged by the main thread. */
  takePart() {
    const part = {
      stats: { ...this.stats },
      findings: [...this.kept.error, ...this.kept.warning],
      flagged: [...this.flaggedUnits],
      files: [...this.files],
      spreadsheets: [...this.spreadsheetColumns].map(([file, columns]) => [file, [...columns]])
    };
    this.spreadsheetColumns.clear();
    this.kept.error.length = 0;
    this.kept.warning.length = 0;
    this.flaggedUnits.clear();
    this.files.length = 0;
    for (const key of Object.keys(this.stats))
      this.stats[key] = 0;
    return part;
  }
  rowRules(unit, period, values, where) {
    const valueOf = (index) => {
      for (const v of values)
        if (v.index === index)
          return v.scaled;
      return null;
    };
    return this.anyRuleBroken(valueOf) ? brokenRules(this.catalogue, (id) => valueOf(this.catalogue.indexOf(id)), { unit: unitLabel(unit), period: period.label, ...where }) : [];
  }
  acceptAcrossFiles(unit, period, values, where, shape, rowRules) {
    const key = ((unit.system === "old" ? 0 : 1) + unit.order * 2) * 65536 + this.periodId(period);
    if (shape === "long")
      return this.acceptLong(key, unit, period, values, where);
    const findings = rowRules ? this.rowRules(unit, period, values, where) : [];
    if (findings.some((f) => f.level === "error"))
      return findings;
    let maskLow = 0;
    let maskHigh = 0;
    for (const v of values) {
      if (v.index < 32)
        maskLow |= 1 << v.index;
      else
        maskHigh |= 1 << v.index % 32;
    }
    maskLow >>>= 0;
    maskHigh >>>= 0;
    const print = fingerprint(values);
    const seen = this.rows.get(key);
    if (seen) {
      const first = placeText({ file: this.files[seen.file] ?? "", line: seen.line || null, record: null });
      const overlap = (seen.maskLow & maskLow) !== 0 || (seen.maskHigh & maskHigh) !== 0;
      if (!overlap) {
        this.rows.set(key, { ...seen, fingerprint: seen.fingerprint + print >>> 0, maskLow: (seen.maskLow | maskLow) >>> 0, maskHigh: (seen.maskHigh | maskHigh) >>> 0 });
      } else if (seen.maskLow === maskLow && seen.maskHigh === maskHigh && seen.fingerprint === print) {
        return [...findings, finding("duplicate-return", { ...where, unit: unitLabel(unit), params: { period: period.label, first } })];
      } else {
        return [...findings, finding("conflicting-return", { ...where, unit: unitLabel(unit), params: { period: period.label, first } })];
      }
    } else {
      this.rows.set(key, { fingerprint: print, maskLow, maskHigh, file: this.fileIndex.get(where.file) ?? 0, line: where.line ?? where.record ?? 0 });
    }
    for (const value of values) {
      this.onObservation?.({ unit, period, indicator: value.indicator, indicatorIndex: value.index, scaled: value.scaled, file: where.file, line: where.line ?? where.record });
    }
    return findings;
  }
  /**
   * Long rows (one figure each): compared figure by figure, and kept together per unit and period
   * so that rules can be checked once all of a unit's figures are in.
   */
  acceptLong(key, unit, period, values, where) {
    let sighting = this.sightings.get(key);
    if (!sighting) {
      sighting = { unit, period, triples: [] };
      this.sightings.set(key, sighting);
    }
    const findings = [];
    const fresh = [];
    for (const value of values) {
      const at = indexOfIndicator(sighting.triples, value.index);
      if (at < 0) {
        fresh.push(value);
        continue;
      }
      const earlier = sighting.triples[at + 1];
      const first = placeText(this.unpack(sighting.triples[at + 2]));
      findings.push(earlier === value.scaled ? finding("duplicate-return", { ...where, unit: unitLabel(unit), params: { period: period.label, first } }) : finding("conflicting-values", {
        ...where,
        column: value.column,
        unit: unitLabel(unit),
        indicator: value.indicator.id,
        value: scaledToPlain(value.scaled, value.indicator.decimals),
        params: {
          period: period.label,
          first,
          firstValue: scaledToPlain(earlier, value.indicator.decimals),
          thisValue: scaledToPlain(value.scaled, value.indicator.decimals)
        }
      }));
    }
    if (findings.length > 0)
      return findings;
    const locationIndex = this.pack(where);
    for (const value of fresh) {
      sighting.triples.push(value.index, value.scaled, locationIndex);
      this.onObservation?.({ unit, period, indicator: value.indicator, indicatorIndex: value.index, scaled: value.scaled, file: where.file, line: where.line ?? where.record });
    }
    return findings;
  }
  /** Cross-field rules over everything accepted for each unit and period. */
  checkRules() {
    for (const sighting of this.sightings.values()) {
      const triples = sighting.triples;
      let firstLocation = -1;
      const valueOf = (id) => {
        const at = indexOfIndicator(triples, this.catalogue.indexOf(id));
        if (at < 0)
          return null;
        if (firstLocation < 0)
          firstLocation = triples[at + 2];
        return triples[at + 1];
      };
      const broken = brokenRules(this.catalogue, valueOf, { unit: unitLabel(sighting.unit), period: sighting.period.label });
      for (const f of broken) {
        const at = indexOfIndicator(triples, this.catalogue.indexOf(f.indicator));
        this.report({ ...f, ...this.unpack(at >= 0 ? triples[at + 2] : firstLocation) });
      }
    }
  }
  finish() {
    this.checkRules();
    const order = new Map(this.files.map((f, i) => [f, i]));
    const fileOrder = (file) => file === null ? -1 : order.get(file) ?? this.files.length;
    const findings = [...this.kept.error, ...this.kept.warning].sort((a, b) => compareFindings(a, b, fileOrder));
    return {
      valid: this.stats.errors === 0,
      stats: { ...this.stats },
      findings,
      omitted: this.stats.errors + this.stats.warnings - findings.length
    };
  }
};
function indexOfIndicator(triples, index) {
  for (let i = 0; i < triples.length; i += 3)
    if (triples[i] === index)
      return i;
  return -1;
}
function unitLabel(unit) {
  return `${unit.code} ${unit.name}`;
}
function placeText(location) {
  if (location.line !== null)
    return `${location.file}:${location.line}`;
  if (location.record !== null)
    return `${location.file}#${location.record}`;
  return location.file;
}
var FileChecker = class {
  checker;
  file;
  convention;
  spreadsheet;
  plan = null;
  plans = /* @__PURE__ */ new Map();
  reportedColumns = /* @__PURE__ */ new Set();
  deferred = [];
  provinceVotes = /* @__PURE__ */ new Map();
  districtVotes = /* @__PURE__ */ new Map();
  constructor(checker, file, convention, spreadsheet = false) {
    this.checker = checker;
    this.file = file;
    this.convention = convention;
    this.spreadsheet = spreadsheet;
  }
  /** Reports a finding, placed at its cell in a spreadsheet. */
  emit(f) {
    if (this.spreadsheet && f.line !== null && f.cell === null) {
      const position = f.column !== null ? this.plan?.positions.get(f.column) : void 0;
      f = { ...f, cell: `${columnLetter(position ?? 0)}${f.line}` };
    }
    this.checker.report(f);
  }
  /** A finding about the whole file (encoding, malformed, empty). */
  fileFinding(code, params = {}, place = {}) {
    this.emit(finding(code, { file: this.file, line: place.line ?? null, record: place.record ?? null, params }));
  }
  /** A row that cannot be read at all (undecodable bytes, not a record): counted and rejected. */
  badRow(code, params, place, cell = null) {
    this.checker.stats.rows++;
    this.reject([finding(code, { ...this.where(place), params, cell })]);
  }
  /** Plans the columns of a header. Returns false when no row of it can be read. */
  header(cells, place = { line: 1 }) {
    const signature = cells.join("\0");
    const known = this.plans.get(signature);
    if (known) {
      this.plan = known;
      return known.usable;
    }
    const { catalogue } = this.checker.parts;
    const plan = { identity: {}, shape: "wide", values: [], width: cells.length, usable: true, readers: /* @__PURE__ */ new Map(), positions: /* @__PURE__ */ new Map(), headerOf: /* @__PURE__ */ new Map() };
    const seen = /* @__PURE__ */ new Map();
    cells.forEach((raw, position) => {
      const header = raw.normalize("NFC").trim();
      if (header === "")
        return;
      if (!plan.positions.has(header))
        plan.positions.set(header, position);
      plan.headerOf.set(position, header);
      const match = catalogue.matchHeader(header);
      const once = (code, fields) => {
        if (this.reportedColumns.has(code + header))
          return;
        this.reportedColumns.add(code + header);
        this.emit(finding(code, { file: this.file, line: place.line ?? null, record: place.record ?? null, column: header, ...fields }));
      };
      if (match.kind === "identity") {
        plan.identity[match.column] ??= { position, header };
      } else if (match.kind === "indicator") {
        const indicator = match.indicator;
        if (indicator.kind === "ratio") {
          once("computed-column", { indicator: indicator.id, params: { numerator: indicator.numerator, denominator: indicator.denominator } });
          return;
        }
        const other = seen.get(indicator.id);
        if (other !== void 0) {
          once("duplicate-column", { indicator: indicator.id, params: { other } });
          return;
        }
        seen.set(indicator.id, header);
        plan.values.push({ position, header, indicator, index: match.index });
      } else if (match.kind === "unknown") {
        once("unknown-column", { value: header, params: { suggestions: match.suggestions.join(", ") || null } });
      }
    });
    plan.shape = plan.identity.indicator && plan.identity.value ? "long" : "wide";
    const missing = [];
    if (!plan.identity.unit_code && !plan.identity.unit_name)
      missing.push({ needed: "unit_code / unit_name", example: '"M\xE3 \u0111\u01A1n v\u1ECB"' });
    if (!plan.identity.year && !plan.identity.period)
      missing.push({ needed: "year / period", example: '"N\u0103m"' });
    for (const m of missing) {
      this.emit(finding("missing-column", { file: this.file, line: place.line ?? null, record: place.record ?? null, params: m }));
    }
    plan.usable = missing.length === 0;
    if (this.spreadsheet)
      this.checker.spreadsheetColumns.set(this.file, plan.positions);
    this.plans.set(signature, plan);
    this.plan = plan;
    return plan.usable;
  }
  /** One data row, cells in header order. */
  row(cells, place) {
    const plan = this.plan;
    if (!plan)
      return;
    if (cells.every(isBlank))
      return;
    if (!plan.usable) {
      this.checker.stats.rows++;
      this.checker.stats.rowsRejected++;
      return;
    }
    if (this.isTotalRow(cells, plan))
      return;
    this.checker.stats.rows++;
    const where = this.where(place);
    if (cells.length !== plan.width && !(cells.length > plan.width && cells.slice(plan.width).every(isBlank))) {
      this.reject([finding("ragged-row", { ...where, params: { cells: cells.length, expected: plan.width } })]);
      return;
    }
    this.checkRow(cells, place, plan, false);
  }
  /**
   * A form's "Tổng cộng" row: no code, a name that says total. antt adds up by itself, so the
   * row is read past rather than reported as an unknown unit.
   */
  isTotalRow(cells, plan) {
    if (this.cell(cells, plan.identity.unit_code) !== "")
      return false;
    const name = foldKey(this.cell(cells, plan.identity.unit_name));
    return TOTAL_ROW_NAMES.has(name);
  }
  where(place) {
    return { file: this.file, line: place.line ?? null, record: place.record ?? null };
  }
  reject(findings, unit) {
    this.checker.stats.rowsRejected++;
    if (unit)
      this.checker.flaggedUnits.add(unit.system + unit.code);
    for (const f of findings)
      this.emit(f);
  }
  cell(cells, column) {
    if (!column)
      return "";
    const value = cells[column.position];
    return value === null || value === void 0 ? "" : String(value).normalize("NFC").trim();
  }
  checkRow(cells, place, plan, final) {
    const where = this.where(place);
    const findings = [];
    const periodColumn = plan.identity.period ?? plan.identity.year;
    const periodText = this.cell(cells, periodColumn);
    const period = periodText === "" ? null : this.checker.period(periodText);
    if (!period) {
      findings.push(periodText === "" ? finding("missing-period", { ...where, column: periodColumn?.header ?? null }) : finding("bad-period", { ...where, column: periodColumn?.header ?? null, value: periodText }));
      this.reject(findings);
      return;
    }
    const code = this.cell(cells, plan.identity.unit_code);
    const name = this.cell(cells, plan.identity.unit_name);
    const systems = unitSystemsFor(period);
    const resolution = this.checker.parts.gazetteer.resolve(code, name, systems, this.currentContext());
    if (!resolution.ok) {
      if (resolution.problem.code === "ambiguous-unit" && !final && code === "") {
        this.deferred.push({ cells: [...cells], place, plan });
        return;
      }
      this.reject([this.unitProblem(resolution, code || name, code ? plan.identity.unit_code : plan.identity.unit_name, where, period)]);
      return;
    }
    const unit = resolution.unit;
    this.vote(unit);
    for (const note of resolution.notes) {
      const column = note.code === "leading-zeros-dropped" ? plan.identity.unit_code : plan.identity.unit_name;
      findings.push(finding(note.code, {
        ...where,
        column: column?.header ?? null,
        unit: unitLabel(unit),
        value: note.given,
        params: { official: note.code === "leading-zeros-dropped" ? note.official : unit.name, name: unit.name }
      }));
    }
    const values = plan.shape === "wide" ? this.wideValues(cells, plan, unit.level, where, findings) : this.longValue(cells, plan, unit.level, where, findings);
    if (findings.some((f) => f.level === "error")) {
      this.reject(findings.map((f) => ({ ...f, unit: f.unit ?? unitLabel(unit) })), unit);
      return;
    }
    const duplicates = this.checker.accept(unit, period, values, { file: this.file, line: where.line, record: where.record }, plan.shape);
    const all = [...findings, ...duplicates];
    if (duplicates.some((f) => f.level === "error"))
      this.reject(all, unit);
    else {
      this.checker.stats.rowsAccepted++;
      for (const f of all)
        this.emit(f);
    }
  }
  /** One compiled row reader per header and reporting level (see row-reader.ts). */
  readerFor(plan, level) {
    let reader = plan.readers.get(level);
    if (!reader) {
      reader = compileRowReader(plan.values.map((v) => ({ indicator: v.indicator, index: v.index, position: v.position })), this.convention, level);
      plan.readers.set(level, reader);
    }
    return reader;
  }
  wideValues(cells, plan, level, where, findings) {
    const reading = this.readerFor(plan, level)(cells);
    for (const problem of reading.problems) {
      findings.push(finding(problem.code, {
        ...where,
        column: plan.headerOf.get(problem.column.position) ?? null,
        indicator: problem.column.indicator.id,
        value: problem.raw === null || problem.raw === void 0 ? "" : String(problem.raw),
        params: problem.params
      }));
    }
    return reading.figures.map((f) => ({ indicator: f.column.indicator, index: f.column.index, scaled: f.scaled, column: plan.headerOf.get(f.column.position) ?? null }));
  }
  longValue(cells, plan, level, where, findings) {
    const { catalogue } = this.checker.parts;
    const name = this.cell(cells, plan.identity.indicator);
    const match = catalogue.matchHeader(name);
    if (match.kind !== "indicator" || match.indicator.kind === "ratio") {
      findings.push(finding("unknown-indicator", {
        ...where,
        column: plan.identity.indicator?.header ?? null,
        value: name,
        params: { suggestions: match.kind === "unknown" ? match.suggestions.join(", ") || null : null }
      }));
      return [];
    }
    const raw = cells[plan.identity.value.position];
    const parsed = cellSchema(match.indicator, this.convention, level).safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        findings.push(cellFinding(issue, where, plan.identity.value.header, match.indicator.id, raw));
      return [];
    }
    if (parsed.data.status !== "value")
      return [];
    return [{ indicator: match.indicator, index: match.index, scaled: parsed.data.scaled, column: plan.identity.value.header }];
  }
  unitProblem(resolution, given, column, where, period) {
    const { gazetteer } = this.checker.parts;
    const problem = resolution.problem;
    const base = { ...where, column: column?.header ?? null, value: given };
    switch (problem.code) {
      case "missing-unit":
        return finding("missing-unit", { ...where });
      case "unknown-unit":
        return finding("unknown-unit", {
          ...base,
          params: { period: period.label, suggestions: problem.suggestions.map((u) => `${u.code} ${gazetteer.describe(u)}`).join("; ") || null }
        });
      case "ambiguous-unit":
        return finding("ambiguous-unit", { ...base, params: { candidates: problem.candidates.map((u) => `${u.code} ${gazetteer.describe(u)}`).join("; ") } });
      case "unit-retired":
        return finding("unit-retired", {
          ...base,
          unit: unitLabel(problem.unit),
          params: {
            period: period.label,
            official: gazetteer.describe(problem.unit),
            successors: problem.successors.map((s) => `${s.new_code} ${s.new_name}${s.kind === "partial" ? " (m\u1ED9t ph\u1EA7n / part)" : ""}`).join("; ") || null
          }
        });
      case "unit-not-yet":
        return finding("unit-not-yet", { ...base, unit: unitLabel(problem.unit), params: { period: period.label, official: gazetteer.describe(problem.unit) } });
    }
  }
  vote(unit) {
    const { gazetteer } = this.checker.parts;
    const province = gazetteer.province(unit).code;
    this.provinceVotes.set(province, (this.provinceVotes.get(province) ?? 0) + 1);
    const district = unit.level === "commune" && unit.system === "old" ? unit.parentCode : unit.level === "district" ? unit.code : null;
    if (district)
      this.districtVotes.set(district, (this.districtVotes.get(district) ?? 0) + 1);
  }
  /** The province and district most rows of this file belong to, else the data folder's. */
  context;
  /** The file's context, worked out only when a look-up asks (a name without a code): most rows don't. */
  currentContext() {
    if (!this.context) {
      const base = this.checker.parts.context;
      const provinceVotes = this.provinceVotes;
      const districtVotes = this.districtVotes;
      this.context = {
        get provinceCode() {
          return base.provinceCode ?? leader(provinceVotes);
        },
        get districtCode() {
          return base.districtCode ?? leader(districtVotes);
        }
      };
    }
    return this.context;
  }
  /** Resolves the rows whose unit name was ambiguous until the rest of the file was read. */
  end() {
    const pending = this.deferred.splice(0);
    for (const row of pending)
      this.checkRow(row.cells, row.place, row.plan, true);
  }
};
var TOTAL_ROW_NAMES = /* @__PURE__ */ new Set(["tong cong", "tong so", "tong", "cong", "total", "toan tinh", "toan huyen", "tong cong toan tinh", "tong cong toan huyen"]);
function leader(votes) {
  let best = null;
  let most = 0;
  for (const [key, count] of votes) {
    if (count > most) {
      best = key;
      most = count;
    }
  }
  return best;
}
function isBlank(cell) {
  return cell === null || cell === void 0 || typeof cell === "string" && cell.trim() === "";
}
function cellFinding(issue, where, column, indicator, raw) {
  const params = issue.params ?? { finding: "bad-number" };
  const { finding: code, ...rest } = params;
  return finding(code, { ...where, column, indicator, value: raw === null || raw === void 0 ? "" : String(raw), params: rest });
}
function columnLetter(position) {
  let n = position + 1;
  let letters = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

// dist/src/core/check.js
function sendersOf(gazetteer, provinceCode, year) {
  if (year <= LAST_OLD_YEAR) {
    const province2 = gazetteer.unit(provinceCode, "old");
    if (province2?.level === "province")
      return gazetteer.childrenOf(province2).filter((u) => u.level === "district");
    const newProvince = gazetteer.unit(provinceCode, "new");
    return gazetteer.units("old").filter((u) => u.level === "province" && newProvince && gazetteer.newProvinceOf(u.code) === newProvince.code).flatMap((p) => gazetteer.childrenOf(p).filter((u) => u.level === "district"));
  }
  const province = gazetteer.unit(provinceCode, "new") ?? gazetteer.unit(gazetteer.newProvinceOf(provinceCode) ?? "", "new");
  return province ? [province] : [];
}
function completeness(rollup, gazetteer, provinceCode, years) {
  const rows = /* @__PURE__ */ new Map();
  const total = [];
  for (const year of years) {
    let received = 0;
    let expected = 0;
    for (const sender of sendersOf(gazetteer, provinceCode, year)) {
      const key = sender.system + sender.code;
      let row = rows.get(key);
      if (!row) {
        row = { unit: sender, years: [] };
        rows.set(key, row);
      }
      const communes = gazetteer.communesOf(sender);
      const missing = communes.filter((c) => !rollup.reported(c, year));
      row.years.push({ year, received: communes.length - missing.length, expected: communes.length, missing });
      received += communes.length - missing.length;
      expected += communes.length;
    }
    total.push({ year, received, expected });
  }
  return { rows: [...rows.values()], total };
}
function rulesAfterRollup(report, catalogue) {
  const findings = [];
  const position = new Map(report.indicators.map((indicator, i) => [indicator.id, i]));
  for (const unit of report.units) {
    if (unit.level === "commune" || !unit.years)
      continue;
    for (const [year, cells] of unit.years) {
      const valueOf = (id) => {
        const i = position.get(id);
        return i === void 0 ? null : cells[i].value;
      };
      findings.push(...brokenRules(catalogue, valueOf, { unit: `${unit.code} ${unit.name}`, period: String(year) }));
    }
  }
  return findings;
}
var TENFOLD = { low: 7, high: 13 };
function outliersIn(points, threshold, decimals) {
  const n = points.length;
  if (n < 3)
    return [];
  const sorted = points.map((p) => p.value).sort((a, b) => a - b);
  const positives = sorted.filter((v) => v > 0);
  const m = positives.length > 0 ? medianOfSorted(positives) : 0;
  const logs = positives.map((v) => Math.log(v));
  const logMedian = logs.length > 0 ? medianOfSorted(logs) : 0;
  const logMad = logs.length > 0 ? medianOfSorted(logs.map((v) => Math.abs(v - logMedian)).sort((a, b) => a - b)) : 0;
  const floor = 10 * 10 ** decimals;
  const found = [];
  for (const point of points) {
    const value = point.value;
    const at = sorted.indexOf(value);
    const positiveAt = value > 0 ? positives.indexOf(value) : -1;
    const usual = positiveAt >= 0 ? positives.length > 1 ? medianWithout(positives, positiveAt) : 0 : positives.length > 0 ? medianOfSorted(positives) : medianWithout(sorted, at);
    const ratio = usual > 0 && value > 0 ? value / usual : 0;
    const tenfold = usual >= floor / 10 && value >= floor && ratio >= TENFOLD.low && ratio <= TENFOLD.high || usual >= floor && ratio > 0 && 1 / ratio >= TENFOLD.low && 1 / ratio <= TENFOLD.high;
    const score2 = value > 0 && logMad > 0 ? 0.6745 * (Math.log(value) - logMedian) / logMad : 0;
    const robust = positives.length >= 5 && Math.abs(score2) > threshold && (value >= 3 * m || value <= m / 3) && Math.abs(value - m) >= floor;
    if (!tenfold && !robust)
      continue;
    const low = at === 0 ? sorted[1] : sorted[0];
    const high = at === n - 1 ? sorted[n - 2] : sorted[n - 1];
    found.push({ year: point.year, value, low, high, reason: tenfold ? "tenfold" : "robust", score: score2 });
  }
  return found;
}
function medianOfSorted(sorted) {
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
function medianWithout(sorted, skip) {
  const n = sorted.length - 1;
  const at = (i) => sorted[i >= skip ? i + 1 : i];
  const mid = n >> 1;
  return n % 2 === 1 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
}
function outlierFindings(rollup, catalogue, from, to, threshold) {
  const findings = [];
  for (const { unit, indicatorIndex, points } of rollup.series(from, to)) {
    const indicator = catalogue.indicators[indicatorIndex];
    if (indicator.kind !== "flow" && indicator.kind !== "stock")
      continue;
    for (const outlier of outliersIn(points, threshold, indicator.decimals)) {
      const d = indicator.decimals;
      findings.push(finding("outlier", {
        unit: `${unit.code} ${unit.name}`,
        indicator: indicator.id,
        value: scaledToPlain(outlier.value, d),
        params: {
          year: outlier.year,
          low: scaledToPlain(outlier.low, d),
          high: scaledToPlain(outlier.high, d),
          reason: outlier.reason,
          labelVi: indicator.label_vi,
          labelEn: indicator.label_en
        }
      }));
    }
  }
  return findings;
}

// dist/src/io/read-xlsx.js
import { closeSync, openSync, readSync } from "node:fs";
var HEADER_SEARCH_ROWS = 30;
function convertCell(value) {
  if (value === null || value === void 0)
    return { value: null };
  if (typeof value === "number")
    return { value: Number.isFinite(value) ? Number(value.toPrecision(15)) : String(value) };
  if (typeof value === "string" || typeof value === "boolean")
    return { value };
  if (value instanceof Date) {
    return { value: `${value.getUTCFullYear()}-${String(value.getUTCMonth() + 1).padStart(2, "0")}` };
  }
  if (typeof value === "object") {
    const v = value;
    if ("formula" in v || "sharedFormula" in v) {
      if (v.result === void 0 || v.result === null)
        return { value: null, formulaWithoutResult: true };
      return convertCell(v.result);
    }
    if (Array.isArray(v.richText))
      return { value: v.richText.map((r) => r.text).join("") };
    if ("error" in v)
      return { value: String(v.error) };
    if ("text" in v)
      return { value: String(v.text) };
  }
  return { value: String(value) };
}
function text(value) {
  return value === null || value === void 0 ? "" : String(value).normalize("NFC").trim();
}
function score(cells, catalogue) {
  let n = 0;
  for (const cell of cells) {
    if (cell === "")
      continue;
    const match = catalogue.matchHeader(cell);
    if (match.kind === "identity" || match.kind === "indicator")
      n++;
  }
  return n;
}
function findHeader(rows, catalogue) {
  let best = null;
  for (let r = 0; r < rows.length; r++) {
    const single = rows[r];
    const singleScore = score(single, catalogue);
    if (singleScore >= 2 && (!best || singleScore > best.score))
      best = { cells: single, lastRow: r, score: singleScore };
    const below = rows[r + 1];
    if (below) {
      const width = Math.max(single.length, below.length);
      const merged = Array.from({ length: width }, (_, c) => below[c] ? below[c] : single[c] ?? "");
      const mergedScore = score(merged, catalogue);
      if (mergedScore >= 2 && (!best || mergedScore > best.score))
        best = { cells: merged, lastRow: r + 1, score: mergedScore };
    }
  }
  return best ? { cells: best.cells, lastRow: best.lastRow } : null;
}
var NUMBERING = /^\(?[0-9]{1,3}\)?$|^\(?[A-Z]\)?$/;
function isNumberingRow(cells) {
  const filled = cells.filter((c) => c !== "");
  return filled.length >= 2 && filled.every((c) => NUMBERING.test(c));
}
function assertWorkbook(path) {
  const head = Buffer.alloc(8);
  let fd;
  try {
    fd = openSync(path, "r");
    readSync(fd, head, 0, 8, 0);
  } catch (cause) {
    throw new AnttError("file-unreadable", { path, reason: cause.code ?? String(cause) });
  } finally {
    if (fd !== void 0)
      closeSync(fd);
  }
  if (head[0] === 208 && head[1] === 207 && head[2] === 17 && head[3] === 224)
    throw new AnttError("workbook-unreadable", { path, reason: "ole" });
  if (!(head[0] === 80 && head[1] === 75))
    throw new AnttError("workbook-unreadable", { path, reason: "corrupt" });
}
async function readXlsx(path, beginSheet, catalogue) {
  assertWorkbook(path);
  const { default: ExcelJS } = await import("exceljs");
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { sharedStrings: "cache", hyperlinks: "ignore", styles: "ignore", worksheets: "emit", entries: "emit" });
  try {
    for await (const sheet of reader)
      await readSheet(sheet, reader, beginSheet, catalogue);
  } catch (cause) {
    if (cause instanceof AnttError)
      throw cause;
    throw new AnttError("workbook-unreadable", { path, reason: "corrupt", detail: String(cause.message ?? cause).slice(0, 120) });
  }
}
async function readSheet(sheet, workbook, beginSheet, catalogue) {
  const name = workbook.model?.sheets?.find((s) => s.id === sheet.id)?.name ?? sheet.name;
  let checker = null;
  const pending = [];
  let headerRow = -1;
  let skippingNumbering = true;
  let searched = false;
  let width = 0;
  const dataRow = (row) => {
    if (!checker || row.number <= headerRow)
      return;
    const converted = Array.from(row.values.slice(1), convertCell);
    const cells = converted.map((c) => c.value);
    if (skippingNumbering && isNumberingRow(cells.map(text)))
      return;
    skippingNumbering = false;
    const missing = converted.findIndex((c) => c.formulaWithoutResult);
    if (missing >= 0) {
      const cell = `${columnLetter(missing)}${row.number}`;
      checker.badRow("formula-without-result", { cell }, { line: row.number }, cell);
      return;
    }
    while (cells.length < width)
      cells.push(null);
    checker.row(cells, { line: row.number });
  };
  const tryHeader = () => {
    const texts = pending.map((row) => Array.from(row.values.slice(1), (v) => text(convertCell(v).value)));
    const found = findHeader(texts, catalogue);
    if (!found)
      return false;
    checker = beginSheet(name);
    headerRow = pending[found.lastRow].number;
    width = found.cells.length;
    checker.header(found.cells, { line: headerRow });
    for (const row of pending)
      dataRow(row);
    return true;
  };
  for await (const batch of sheet) {
    for (const row of Array.isArray(batch) ? batch : [batch]) {
      if (checker) {
        dataRow(row);
        continue;
      }
      if (searched)
        continue;
      pending.push(row);
      if (pending.length >= HEADER_SEARCH_ROWS)
        searched = !tryHeader();
    }
  }
  if (!checker && (searched || !tryHeader())) {
    beginSheet(name).fileFinding("sheet-ignored", { sheet: name });
    return;
  }
  checker?.end();
}

// dist/src/io/parallel.js
import { availableParallelism } from "node:os";
import { statSync } from "node:fs";
var PARALLEL_BYTES = 16 * 1024 * 1024;
function workerCount(files) {
  const forced = process.env.ANTT_WORKERS;
  if (forced !== void 0 && forced !== "")
    return Math.max(0, Math.min(Number(forced) || 0, files.length));
  if (files.length < 2)
    return 0;
  let bytes = 0;
  for (const file of files) {
    try {
      bytes += statSync(file).size;
    } catch {
    }
  }
  if (bytes < PARALLEL_BYTES)
    return 0;
  return Math.min(availableParallelism(), 4, files.length);
}
var RowPacker = class {
  numbers = [];
  files = /* @__PURE__ */ new Map();
  periods = /* @__PURE__ */ new Map();
  columns = /* @__PURE__ */ new Map();
  add(row) {
    const id = (map, key) => {
      let n = map.get(key);
      if (n === void 0) {
        n = map.size;
        map.set(key, n);
      }
      return n;
    };
    this.numbers.push(id(this.files, row.where.file), row.unit.system === "old" ? 0 : 1, row.unit.order, id(this.periods, row.period.label), row.where.line ?? -1, row.where.record ?? -1, row.shape === "wide" ? 0 : 1, row.values.length);
    for (const v of row.values)
      this.numbers.push(v.index, v.scaled, v.column === null ? -1 : id(this.columns, v.column));
  }
  take() {
    const out = { rows: Float64Array.from(this.numbers), fileNames: [...this.files.keys()], periods: [...this.periods.keys()], columns: [...this.columns.keys()] };
    this.numbers = [];
    this.files = /* @__PURE__ */ new Map();
    this.periods = /* @__PURE__ */ new Map();
    this.columns = /* @__PURE__ */ new Map();
    return out;
  }
};
function mergeFile(result, checker, gazetteer) {
  checker.merge(result.part);
  const { catalogue } = checker.parts;
  const rows = result.rows;
  for (let at = 0; at < rows.length; ) {
    const file = result.fileNames[rows[at]];
    const system = rows[at + 1] === 0 ? "old" : "new";
    const unit = gazetteer.unitAt(system, rows[at + 2]);
    const period = checker.period(result.periods[rows[at + 3]]);
    const line = rows[at + 4];
    const record = rows[at + 5];
    const shape = rows[at + 6] === 0 ? "wide" : "long";
    const count = rows[at + 7];
    at += 8;
    const values = [];
    for (let k = 0; k < count; k++, at += 3) {
      const index = rows[at];
      const column = rows[at + 2];
      values.push({ indicator: catalogue.indicators[index], index, scaled: rows[at + 1], column: column < 0 ? null : result.columns[column] });
    }
    checker.acceptCollected({ unit, period, values, where: { file, line: line < 0 ? null : line, record: record < 0 ? null : record }, shape });
  }
}
async function readInParallel(inputs, checker, gazetteer, count, options) {
  const { Worker } = await import("node:worker_threads");
  const script = new URL("./read-worker.js", import.meta.url);
  const workerData = { configPath: inputs.configPath, province: inputs.config?.province ?? null, keepFindings: options.keepFindings ?? 1e4, skip: options.skip ?? [] };
  const pool = Array.from({ length: count }, () => new Worker(script, { workerData }));
  const files = inputs.files;
  let nextToSend = 0;
  let nextToMerge = 0;
  const done = /* @__PURE__ */ new Map();
  try {
    await new Promise((resolve, reject) => {
      if (files.length === 0)
        return resolve();
      const send = (worker) => {
        if (nextToSend >= files.length)
          return;
        const index = nextToSend++;
        worker.postMessage({ index, file: files[index], shown: displayPath(files[index]) });
      };
      for (const worker of pool) {
        worker.on("message", (result) => {
          if (result.fatal)
            return reject(new AnttError(result.fatal.code, result.fatal.params));
          done.set(result.index, result);
          send(worker);
          try {
            while (done.has(nextToMerge)) {
              mergeFile(done.get(nextToMerge), checker, gazetteer);
              done.delete(nextToMerge);
              nextToMerge++;
              if (options.progress)
                options.progress.filesDone++;
            }
          } catch (error) {
            reject(error);
          }
          if (nextToMerge === files.length)
            resolve();
        });
        worker.on("error", reject);
        send(worker);
      }
    });
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
}

// dist/src/pipeline.js
function catalogueFor(inputs) {
  const data = loadCatalogueData();
  if (!inputs?.config)
    return new Catalogue(data);
  const config = inputs.config;
  const known = new Set([...data.indicators, ...config.indicators].map((i) => i.id));
  const problems = [];
  if (config.programme && !data.programmes.some((p) => p.id === config.programme)) {
    problems.push(`programme: "${config.programme}" is not one of ${data.programmes.map((p) => p.id).join(", ")}`);
  }
  for (const id of config.form ?? [])
    if (!known.has(id))
      problems.push(`form: unknown indicator "${id}"`);
  for (const rule of config.rules)
    for (const id of [...rule.left, ...rule.right])
      if (!known.has(id))
        problems.push(`rules.${rule.id}: unknown indicator "${id}"`);
  if (problems.length > 0)
    throw new AnttError("bad-config", { path: inputs.configPath ?? "", detail: problems.join("; ") });
  return new Catalogue({
    ...data,
    indicators: [...data.indicators, ...inputs.config.indicators.filter((i) => !data.indicators.some((d) => d.id === i.id))],
    rules: [...data.rules, ...inputs.config.rules]
  });
}
function vocabularyOf(gazetteer, catalogue) {
  const vocabulary = new Vocabulary();
  for (const system of ["old", "new"])
    for (const unit of gazetteer.units(system))
      vocabulary.add(unit.name);
  for (const indicator of catalogue.indicators) {
    vocabulary.add(indicator.label_vi);
    for (const alias of indicator.aliases)
      vocabulary.add(alias);
  }
  for (const names of Object.values(identityColumns))
    for (const name of names)
      vocabulary.add(name);
  return vocabulary;
}
async function checkReturns(paths, options = {}) {
  const inputs = collectInputs(paths);
  const catalogue = catalogueFor(inputs);
  const gazetteer = gazetteerFor(inputs.config, inputs.configPath);
  return readReturns(inputs, catalogue, gazetteer, options);
}
function lazyVocabularyOf(gazetteer, catalogue) {
  let vocabulary;
  return () => vocabulary ??= vocabularyOf(gazetteer, catalogue);
}
async function readOneFile(checker, file, catalogue, vocabulary) {
  const shown = displayPath(file);
  const format = formatOf(file);
  try {
    if (format === "json") {
      await readJson(file, (convention) => checker.beginFile(shown, convention));
    } else if (format === "xlsx") {
      await readXlsx(file, (sheet) => checker.beginFile(`${shown}!${sheet}`, "unknown", true), catalogue);
    } else {
      await readCsv(file, (convention) => checker.beginFile(shown, convention), vocabulary);
    }
  } catch (error) {
    if (!(error instanceof AnttError) || error.code !== "file-unreadable" && error.code !== "workbook-unreadable")
      throw error;
    checker.unreadable(shown, error);
  }
}
async function readReturns(inputs, catalogue, gazetteer, options = {}) {
  const checker = new ReturnChecker({
    catalogue,
    gazetteer,
    context: { provinceCode: inputs.config?.province ?? null },
    ...options.onObservation ? { onObservation: options.onObservation } : {},
    ...options.keepFindings ? { keepFindings: options.keepFindings } : {},
    ...options.skip?.length ? { skip: new Set(options.skip) } : {}
  });
  if (options.progress) {
    options.progress.filesTotal = inputs.files.length;
    options.progress.rows = () => checker.stats.rows;
  }
  const workers = workerCount(inputs.files);
  if (workers > 1) {
    await readInParallel(inputs, checker, gazetteer, workers, {
      ...options.keepFindings ? { keepFindings: options.keepFindings } : {},
      ...options.skip ? { skip: options.skip } : {},
      ...options.progress ? { progress: options.progress } : {}
    });
  } else {
    const vocabulary = lazyVocabularyOf(gazetteer, catalogue);
    for (const file of inputs.files) {
      await readOneFile(checker, file, catalogue, vocabulary);
      if (options.progress) {
        options.progress.filesDone++;
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  }
  return { report: checker.finish(), inputs, catalogue, gazetteer, flaggedUnits: checker.flaggedUnits };
}
async function readIntoRollup(paths, options) {
  const inputs = collectInputs(paths, { allowEmpty: options.allowEmpty ?? false });
  const catalogue = catalogueFor(inputs);
  const gazetteer = gazetteerFor(inputs.config, inputs.configPath);
  const rollup = new Rollup(catalogue, gazetteer);
  const read = await readReturns(inputs, catalogue, gazetteer, {
    onObservation: (o) => rollup.add(o, { file: o.file, line: o.line }),
    ...options.keepFindings ? { keepFindings: options.keepFindings } : {},
    ...options.progress ? { progress: options.progress } : {},
    ...options.skip ? { skip: options.skip } : {}
  });
  return { inputs, catalogue, gazetteer, rollup, read };
}
async function aggregateReturns(paths, options) {
  const { inputs, catalogue, gazetteer, rollup, read } = await readIntoRollup(paths, options);
  const present = rollup.yearsPresent();
  const from = options.from ?? inputs.config?.from ?? present[0];
  const to = options.to ?? inputs.config?.to ?? present[present.length - 1];
  if (from === void 0 || to === void 0) {
    throw new AnttError("no-figures", { paths: paths.join(", ") });
  }
  if (from > to)
    throw new AnttError("bad-window", { from, to });
  let indicators = rollup.indicatorsPresent(from, to);
  if (options.indicators) {
    indicators = options.indicators.map((id) => {
      const indicator = catalogue.indicator(id);
      if (!indicator) {
        throw new AnttError("bad-option", {
          option: "--indicators",
          value: id,
          expected: `Kh\xF4ng c\xF3 ch\u1EC9 ti\xEAu n\xE0y; ${suggestion(catalogue, id, "vi")}xem \`antt indicators\`.`,
          expectedEn: `No such indicator; ${suggestion(catalogue, id, "en")}see \`antt indicators\`.`
        });
      }
      return indicator;
    });
  }
  const aggregate = rollup.build({
    from,
    to,
    levels: options.levels,
    indicators,
    prefer: options.prefer,
    byYear: options.byYear,
    // The config's title names its default window ("Tổng kết 10 năm … 2013–2023"); another window is another report.
    title: inputs.config?.title && (inputs.config.from ?? from) === from && (inputs.config.to ?? to) === to ? inputs.config.title : null,
    ...inputs.config ? { provinces: [provinceFor(gazetteer, inputs.config.province, to)] } : {},
    flaggedUnits: read.flaggedUnits
  });
  const outliers = outlierFindings(rollup, catalogue, from, to, DEFAULT_OUTLIER_THRESHOLD).length;
  const outside = inputs.config ? outsideProvince(rollup, gazetteer, provinceFor(gazetteer, inputs.config.province, to), to) : [];
  return { aggregate, validation: withRollupFindings(read.report, skipped([...aggregate.findings, ...outside], options.skip)), outliers };
}
function suggestion(catalogue, id, lang) {
  const found = catalogue.suggest(id).filter((s) => catalogue.indicator(s));
  if (found.length === 0)
    return "";
  return lang === "vi" ? `c\xF3 ph\u1EA3i l\xE0 ${found.join(", ")}? ` : `did you mean ${found.join(", ")}? `;
}
function outsideProvince(rollup, gazetteer, province, to) {
  return rollup.provincesPresent(to).filter((code) => code !== province).map((code) => {
    const unit = gazetteer.unit(code, to > LAST_OLD_YEAR ? "new" : "old") ?? gazetteer.unit(code, "old");
    return finding("outside-province", { unit: unit ? `${unit.code} ${unit.name}` : code, params: { province } });
  });
}
function provinceFor(gazetteer, code, to) {
  if (to > LAST_OLD_YEAR && !gazetteer.unit(code, "new"))
    return gazetteer.newProvinceOf(code) ?? code;
  return code;
}
function skipped(findings, skip) {
  return skip?.length ? findings.filter((f) => !(f.level === "warning" && skip.includes(f.code))) : findings;
}
function withRollupFindings(report, extra) {
  if (extra.length === 0)
    return report;
  const errors = extra.filter((f) => f.level === "error").length;
  const findings = [...report.findings, ...extra].sort((a, b) => a.level === b.level ? 0 : a.level === "error" ? -1 : 1);
  return {
    ...report,
    valid: report.valid && errors === 0,
    stats: { ...report.stats, errors: report.stats.errors + errors, warnings: report.stats.warnings + extra.length - errors },
    findings
  };
}
var DEFAULT_OUTLIER_THRESHOLD = 3.5;
async function checkFolder(paths, options) {
  const { inputs, catalogue, gazetteer, rollup, read } = await readIntoRollup(paths, { ...options, allowEmpty: true });
  const present = rollup.yearsPresent();
  const candidates = (pick) => pick([...present, ...inputs.config?.from !== void 0 ? [inputs.config.from] : [], ...inputs.config?.to !== void 0 ? [inputs.config.to] : []]);
  const from = options.from ?? candidates((y) => y.length ? Math.min(...y) : void 0);
  const to = options.to ?? candidates((y) => y.length ? Math.max(...y) : void 0);
  if (from === void 0 || to === void 0)
    throw new AnttError("no-figures", { paths: paths.join(", ") });
  if (from > to)
    throw new AnttError("bad-window", { from, to });
  const years = [];
  for (let y = from; y <= to; y++)
    years.push(y);
  const provinces = inputs.config ? [provinceFor(gazetteer, inputs.config.province, to)] : rollup.provincesPresent(to);
  const aggregate = rollup.build({
    from,
    to,
    levels: ["district", "province"],
    indicators: rollup.indicatorsPresent(from, to),
    prefer: "built",
    byYear: true,
    provinces
  });
  const rows = { rows: [], total: [] };
  for (const code of provinces) {
    const one = completeness(rollup, gazetteer, code, years);
    rows.rows.push(...one.rows);
    if (rows.total.length === 0)
      rows.total.push(...one.total);
    else
      one.total.forEach((t, i) => {
        rows.total[i].received += t.received;
        rows.total[i].expected += t.expected;
      });
  }
  const outside = inputs.config ? outsideProvince(rollup, gazetteer, provinces[0], to) : [];
  const extra = [...aggregate.findings, ...outside, ...rulesAfterRollup(aggregate, catalogue), ...outlierFindings(rollup, catalogue, from, to, options.threshold)];
  return {
    title: inputs.config?.title && inputs.config.from === from && inputs.config.to === to ? inputs.config.title : null,
    from,
    to,
    years,
    completeness: rows,
    validation: withRollupFindings(read.report, skipped(extra, options.skip))
  };
}

export {
  ReturnChecker,
  RowPacker,
  catalogueFor,
  checkReturns,
  lazyVocabularyOf,
  readOneFile,
  readReturns,
  aggregateReturns,
  DEFAULT_OUTLIER_THRESHOLD,
  checkFolder
};
