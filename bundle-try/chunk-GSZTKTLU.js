import { createRequire as __antt_createRequire } from 'node:module'; const require = __antt_createRequire(import.meta.url);
import {
  codeLength,
  crosswalkRowSchema,
  provinceCrosswalkRowSchema,
  unitRowSchema
} from "./chunk-U3GEBAVD.js";
import {
  packageRoot
} from "./chunk-CDCCNMSW.js";
import {
  AnttError
} from "./chunk-N7ZECBHJ.js";
import {
  catalogueSchema
} from "./chunk-YKCWQPV5.js";
import {
  external_exports
} from "./chunk-6BNRWUZF.js";

// dist/src/io/shipped.js
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

// dist/src/core/text.js
var COMBINING_MARKS = /[\u0300-\u036f]/g;
function tidy(text) {
  return text.normalize("NFC").replace(/[\s\u00a0\u202f]+/g, " ").trim();
}
function foldKey(text) {
  return text.normalize("NFD").replace(COMBINING_MARKS, "").replace(/[đĐ]/g, "d").toLowerCase().replace(/[_\-–—.,;:()/\\[\]"'`]+/g, " ").replace(/[\s\u00a0\u202f]+/g, " ").trim();
}
var UNIT_PREFIXES = [
  "thanh pho trung uong",
  "thanh pho",
  "thi tran",
  "thi xa",
  "dac khu",
  "phuong",
  "huyen",
  "quan",
  "tinh",
  "xa",
  "tp",
  "tt"
];
function foldUnitName(name) {
  const key = foldKey(name);
  for (const prefix of UNIT_PREFIXES) {
    if (key.startsWith(prefix + " ") && key.length > prefix.length + 1) {
      return key.slice(prefix.length + 1);
    }
  }
  return key;
}
function editDistance(a, b, limit = Infinity) {
  if (a === b)
    return 0;
  if (Math.abs(a.length - b.length) > limit)
    return limit + 1;
  let previous = new Array(b.length + 1);
  let current = new Array(b.length + 1);
  for (let j = 0; j <= b.length; j++)
    previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      current[j] = value;
      if (value < rowMin)
        rowMin = value;
    }
    if (rowMin > limit)
      return limit + 1;
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}
function closest(wanted, candidates, keyOf, max = 3) {
  const limit = Math.max(1, Math.floor(wanted.length / 3));
  const scored = [];
  for (const candidate of candidates) {
    const key = keyOf(candidate);
    let distance = editDistance(wanted, key, limit);
    if (distance > limit && key.length > 3 && (key.includes(wanted) || wanted.includes(key))) {
      distance = limit;
    }
    if (distance <= limit)
      scored.push({ candidate, distance });
  }
  scored.sort((x, y) => x.distance - y.distance);
  return scored.slice(0, max).map((s) => s.candidate);
}

// dist/src/core/catalogue.js
var identityColumns = {
  unit_code: ["unit_code", "M\xE3 \u0111\u01A1n v\u1ECB", "M\xE3 \u0110VHC", "M\xE3 \u0111\u01A1n v\u1ECB h\xE0nh ch\xEDnh", "M\xE3 x\xE3", "M\xE3", "code", "unit code"],
  unit_name: ["unit_name", "T\xEAn \u0111\u01A1n v\u1ECB", "\u0110\u01A1n v\u1ECB", "T\xEAn \u0111\u01A1n v\u1ECB h\xE0nh ch\xEDnh", "T\xEAn x\xE3", "X\xE3, ph\u01B0\u1EDDng, th\u1ECB tr\u1EA5n", "unit", "unit name", "name"],
  year: ["year", "N\u0103m", "N\u0103m b\xE1o c\xE1o"],
  period: ["period", "K\u1EF3 b\xE1o c\xE1o", "K\u1EF3", "Th\u1EDDi k\u1EF3"],
  indicator: ["indicator", "Ch\u1EC9 ti\xEAu", "M\xE3 ch\u1EC9 ti\xEAu", "indicator_id"],
  value: ["value", "Gi\xE1 tr\u1ECB", "S\u1ED1 li\u1EC7u"]
};
var ignoredColumns = ["STT", "S\u1ED1 th\u1EE9 t\u1EF1", "TT", "No", "Ghi ch\xFA", "Note", "Notes", "C\u1EA5p", "level", "Huy\u1EC7n", "district", "T\u1EC9nh", "province"];
var Catalogue = class {
  indicators;
  rules;
  programmes;
  byId = /* @__PURE__ */ new Map();
  indexById = /* @__PURE__ */ new Map();
  byKey = /* @__PURE__ */ new Map();
  constructor(data) {
    this.indicators = data.indicators;
    this.rules = data.rules;
    this.programmes = data.programmes;
    for (const key of ignoredColumns)
      this.byKey.set(foldKey(key), { kind: "ignored" });
    for (const [column, names] of Object.entries(identityColumns)) {
      for (const name of names)
        this.byKey.set(foldKey(name), { kind: "identity", column });
    }
    this.indicators.forEach((indicator, index) => {
      this.byId.set(indicator.id, indicator);
      this.indexById.set(indicator.id, index);
      const match = { kind: "indicator", indicator, index };
      for (const name of [indicator.id, indicator.label_vi, indicator.label_en, ...indicator.aliases]) {
        const key = foldKey(name);
        if (this.byKey.get(key)?.kind !== "identity")
          this.byKey.set(key, match);
      }
    });
  }
  indicator(id) {
    return this.byId.get(id);
  }
  programme(id) {
    const key = foldKey(id).toUpperCase().replace(/[^A-Z0-9]/g, "");
    return this.programmes.find((p) => p.id.replace(/_/g, "") === key);
  }
  indexOf(id) {
    const index = this.indexById.get(id);
    if (index === void 0)
      throw new Error(`unknown indicator ${id}`);
    return index;
  }
  matched = /* @__PURE__ */ new Map();
  /** What a header cell (or a long-shape `indicator` cell) refers to. Files of one form share headers: remembered. */
  matchHeader(cell) {
    let match = this.matched.get(cell);
    if (!match) {
      const found = this.byKey.get(foldKey(stripUnitSuffix(cell))) ?? this.byKey.get(foldKey(cell));
      match = found ?? { kind: "unknown", suggestions: this.suggest(cell) };
      if (this.matched.size < 1e4)
        this.matched.set(cell, match);
    }
    return match;
  }
  /** The closest indicator ids to an unknown header, for "did you mean". */
  suggest(cell) {
    const key = foldKey(cell);
    const names = [...this.byKey.entries()].filter(([, m]) => m.kind === "indicator" || m.kind === "identity");
    const found = closest(key, names, ([name]) => name, 6);
    const ids = [];
    for (const [, match] of found) {
      const id = match.kind === "indicator" ? match.indicator.id : match.kind === "identity" ? match.column : "";
      if (id && !ids.includes(id))
        ids.push(id);
    }
    return ids.slice(0, 3);
  }
};
function stripUnitSuffix(cell) {
  return cell.replace(/\s*[([][^)\]]*[)\]]\s*$/, "");
}

// dist/src/core/gazetteer.js
var UnitList = class {
  system;
  byCode = /* @__PURE__ */ new Map();
  names;
  constructor(system, rows) {
    this.system = system;
    rows.forEach((row, order) => {
      const unit = {
        code: row.code,
        name: row.name,
        type: row.type,
        level: row.level,
        parentCode: row.parent_code === "" ? null : row.parent_code,
        system,
        order
      };
      this.byCode.set(unit.code, unit);
    });
  }
  /**
   * Folded name without its type prefix → units; "muong sai" → [Xã Mường Sai, …]. Built on the
   * first look-up by name: most returns carry codes, and start-up time counts.
   */
  get byName() {
    if (!this.names) {
      this.names = /* @__PURE__ */ new Map();
      for (const unit of this.byCode.values()) {
        const key = foldUnitName(unit.name);
        const same = this.names.get(key);
        if (same)
          same.push(unit);
        else
          this.names.set(key, [unit]);
      }
    }
    return this.names;
  }
};
var Gazetteer = class _Gazetteer {
  sources;
  loaded = {};
  successorIndex;
  provinceIndex;
  children;
  constructor(sources) {
    this.sources = sources;
  }
  /** A gazetteer over lists already in memory (tests, a data folder's own list). */
  static of(oldUnits, newUnits, crosswalk = [], provinceCrosswalk = []) {
    return new _Gazetteer({ old: () => oldUnits, new: () => newUnits, crosswalk: () => crosswalk, provinceCrosswalk: () => provinceCrosswalk });
  }
  list(system) {
    return this.loaded[system] ??= new UnitList(system, this.sources[system]());
  }
  get successors() {
    if (!this.successorIndex) {
      this.successorIndex = /* @__PURE__ */ new Map();
      for (const row of this.sources.crosswalk()) {
        const list = this.successorIndex.get(row.old_code);
        if (list)
          list.push(row);
        else
          this.successorIndex.set(row.old_code, [row]);
      }
    }
    return this.successorIndex;
  }
  unit(code, system) {
    return this.list(system).byCode.get(code);
  }
  byOrder = {};
  /** The unit at a place in its list (how a worker thread names a unit to the main thread). */
  unitAt(system, order) {
    return (this.byOrder[system] ??= this.units(system))[order];
  }
  /** Every unit of a list, in official order. */
  units(system) {
    return [...this.list(system).byCode.values()];
  }
  parent(unit) {
    return unit.parentCode ? this.unit(unit.parentCode, unit.system) : void 0;
  }
  provinces = /* @__PURE__ */ new WeakMap();
  province(unit) {
    let province = this.provinces.get(unit);
    if (!province) {
      province = unit;
      for (let parent = this.parent(province); parent; parent = this.parent(province))
        province = parent;
      this.provinces.set(unit, province);
    }
    return province;
  }
  /** The communes of a district or province, in official order. */
  communesOf(unit) {
    if (unit.level === "commune")
      return [unit];
    return this.childrenOf(unit).flatMap((child) => this.communesOf(child));
  }
  /** The units directly below one, in official order. */
  childrenOf(unit) {
    if (!this.children) {
      this.children = /* @__PURE__ */ new Map();
      for (const system of ["old", "new"]) {
        for (const u of this.list(system).byCode.values()) {
          if (!u.parentCode)
            continue;
          const key = system + u.parentCode;
          const list = this.children.get(key);
          if (list)
            list.push(u);
          else
            this.children.set(key, [u]);
        }
      }
    }
    return this.children.get(unit.system + unit.code) ?? [];
  }
  /** The new province an old province went into on 1 July 2025. */
  newProvinceOf(oldProvinceCode) {
    if (!this.provinceIndex) {
      this.provinceIndex = /* @__PURE__ */ new Map();
      for (const row of this.sources.provinceCrosswalk?.() ?? [])
        this.provinceIndex.set(row.old_code, row.new_code);
    }
    return this.provinceIndex.get(oldProvinceCode);
  }
  /** New commune(s) an old unit went into on 1 July 2025. */
  successorsOf(oldCode) {
    return this.successors.get(oldCode) ?? [];
  }
  /** "Xã Mường Sai, Huyện Sông Mã, Tỉnh Sơn La": a unit with its ancestors, to tell namesakes apart. */
  describe(unit) {
    const names = [unit.name];
    for (let p = this.parent(unit); p; p = this.parent(p))
      names.push(p.name);
    return names.join(", ");
  }
  /**
   * Finds the unit a return row names, by code (accepting a code whose leading zeros Excel
   * dropped) or by name, among the lists valid for the row's period.
   */
  exactCodes = /* @__PURE__ */ new Map();
  resolve(code, name, systems, context = {}) {
    const givenCode = code.trim();
    const givenName = name.trim();
    if (givenCode !== "") {
      const key = `${givenCode}\0${givenName}\0${systems.join()}`;
      const known = this.exactCodes.get(key);
      if (known)
        return known;
      const resolution = this.resolveCode(givenCode, givenName, systems, context);
      if (resolution.ok && resolution.unit.code === givenCode && systems.length === 1 && this.exactCodes.size < 2e5)
        this.exactCodes.set(key, resolution);
      return resolution;
    }
    if (givenName !== "")
      return this.resolveName(givenName, systems, context);
    return { ok: false, problem: { code: "missing-unit" } };
  }
  resolveCode(code, name, systems, context) {
    const digits = code.replace(/\s+/g, "").replace(/\.0+$/, "");
    if (!/^[0-9]{1,5}$/.test(digits)) {
      return { ok: false, problem: { code: "unknown-unit", given: code, suggestions: name ? this.suggest(name, systems, context) : [] } };
    }
    const lengths = [codeLength.province, codeLength.district, codeLength.commune].filter((n) => n >= digits.length);
    const candidateCodes = lengths.map((n) => digits.padStart(n, "0"));
    const found = [];
    for (const system of systems) {
      for (const candidate of candidateCodes) {
        const unit2 = this.unit(candidate, system);
        if (unit2)
          found.push(unit2);
      }
    }
    let matches = found.filter((u) => u.code === digits);
    if (matches.length === 0)
      matches = found;
    if (matches.length > 1 && name) {
      const byName = matches.filter((u) => sameName(u.name, name));
      if (byName.length > 0)
        matches = byName;
    }
    if (matches.length > 1)
      matches = this.narrow(matches, context);
    if (matches.length > 1) {
      const codes = new Set(matches.map((u) => u.code));
      if (codes.size === 1)
        matches = [matches.find((u) => u.system === "old") ?? matches[0]];
    }
    if (matches.length > 1)
      return { ok: false, problem: { code: "ambiguous-unit", given: code, candidates: matches } };
    const unit = matches[0];
    if (!unit)
      return this.codeOutsidePeriod(digits, candidateCodes, name, systems, context, code);
    const notes = [];
    if (unit.code !== digits)
      notes.push({ code: "leading-zeros-dropped", given: code, official: unit.code });
    if (name && !sameName(unit.name, name)) {
      const other = systems.length === 1 ? this.unit(unit.code, systems[0] === "old" ? "new" : "old") : void 0;
      if (other && sameName(other.name, name))
        return this.outsideProblem(other, code);
      notes.push({ code: "unit-name-mismatch", given: name, official: unit.name });
    }
    return { ok: true, unit, notes };
  }
  codeOutsidePeriod(digits, candidateCodes, name, systems, context, given) {
    const otherSystems = ["old", "new"].filter((s) => !systems.includes(s));
    for (const system of otherSystems) {
      const exact = this.unit(digits, system) ?? candidateCodes.map((c) => this.unit(c, system)).find(Boolean);
      if (exact)
        return this.outsideProblem(exact, given);
    }
    return { ok: false, problem: { code: "unknown-unit", given, suggestions: name ? this.suggest(name, systems, context) : [] } };
  }
  outsideProblem(unit, given) {
    if (unit.system === "old") {
      return { ok: false, problem: { code: "unit-retired", given, unit, successors: this.successorsOf(unit.code) } };
    }
    return { ok: false, problem: { code: "unit-not-yet", given, unit } };
  }
  resolveName(name, systems, context) {
    const key = foldUnitName(name);
    const typeKey = foldKey(name).slice(0, Math.max(0, foldKey(name).length - key.length)).trim();
    let candidates = systems.flatMap((s) => this.list(s).byName.get(key) ?? []);
    if (candidates.length > 1) {
      const exact = candidates.filter((u) => accentedKey(u.name) === accentedKey(name));
      if (exact.length > 0)
        candidates = exact;
    }
    if (typeKey && candidates.length > 1) {
      const sameType = candidates.filter((u) => foldKey(u.type) === typeKey || foldKey(u.name).startsWith(typeKey + " "));
      if (sameType.length > 0)
        candidates = sameType;
    }
    if (candidates.length > 1)
      candidates = this.narrow(candidates, context);
    if (candidates.length > 1 && systems.length > 1) {
      const codes = new Set(candidates.map((u) => u.code + u.level));
      if (codes.size === 1)
        candidates = [candidates.find((u) => u.system === "old") ?? candidates[0]];
    }
    if (candidates.length === 1)
      return { ok: true, unit: candidates[0], notes: [] };
    if (candidates.length > 1)
      return { ok: false, problem: { code: "ambiguous-unit", given: name, candidates } };
    const elsewhere = ["old", "new"].filter((s) => !systems.includes(s)).flatMap((s) => this.list(s).byName.get(key) ?? []).filter((u) => this.inContext(u, context));
    if (elsewhere.length === 1)
      return this.outsideProblem(elsewhere[0], name);
    return { ok: false, problem: { code: "unknown-unit", given: name, suggestions: this.suggest(name, systems, context) } };
  }
  inDistrict(unit, context) {
    return !!context.districtCode && (unit.code === context.districtCode || unit.parentCode === context.districtCode);
  }
  inContext(unit, context) {
    if (this.inDistrict(unit, context))
      return true;
    return !!context.provinceCode && (this.province(unit).code === context.provinceCode || unit.code === context.provinceCode);
  }
  /** The candidates in the return's district if any, else those in its province, else all. */
  narrow(candidates, context) {
    const inDistrict = candidates.filter((u) => this.inDistrict(u, context));
    if (inDistrict.length > 0)
      return inDistrict;
    const inProvince = candidates.filter((u) => this.inContext(u, context));
    return inProvince.length > 0 ? inProvince : candidates;
  }
  /** "Did you mean": the closest names, within the return's province when it is known. */
  suggest(name, systems, context = {}) {
    const key = foldUnitName(name);
    const pool = systems.flatMap((s) => [...this.list(s).byCode.values()]);
    const local = context.provinceCode ? pool.filter((u) => this.inContext(u, context)) : [];
    const found = closest(key, local, (u) => foldUnitName(u.name));
    if (found.length > 0)
      return found;
    return closest(key, pool, (u) => foldUnitName(u.name));
  }
};
function accentedKey(name) {
  const folded = foldUnitName(name).split(" ").length;
  const words = tidy(name).toLowerCase().split(" ");
  return words.slice(words.length - folded).join(" ");
}
var foldedOfficial = /* @__PURE__ */ new Map();
function sameName(official, given) {
  if (official === given)
    return true;
  let key = foldedOfficial.get(official);
  if (key === void 0) {
    key = foldUnitName(official);
    foldedOfficial.set(official, key);
  }
  return key === foldUnitName(given);
}

// dist/src/io/shipped.js
var shippedPaths = {
  catalogue: join(packageRoot, "schemas", "catalogue.json"),
  unitsOld: join(packageRoot, "data", "gazetteer", "vn-units-2025-03-01.csv"),
  unitsNew: join(packageRoot, "data", "gazetteer", "vn-units-2025-07-01.csv"),
  crosswalk: join(packageRoot, "data", "gazetteer", "crosswalk-2025-07-01.csv"),
  provinceCrosswalk: join(packageRoot, "data", "gazetteer", "crosswalk-provinces-2025-07-01.csv")
};
function readText(path) {
  try {
    return readFileSync(path, "utf8").replace(/^\uFEFF/, "");
  } catch (cause) {
    throw new AnttError("file-unreadable", { path, reason: cause.code ?? String(cause) });
  }
}
function readTable(path, schema) {
  const lines = readText(path).split(/\r?\n/);
  const header = (lines[0] ?? "").split(",");
  const rows = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (line === "")
      continue;
    const cells = line.split(",");
    const row = {};
    for (let c = 0; c < header.length; c++)
      row[header[c]] = cells[c] ?? "";
    rows.push(row);
  }
  const parsed = external_exports.array(schema).safeParse(rows);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const row = typeof issue.path[0] === "number" ? issue.path[0] + 2 : "?";
    throw new AnttError("bad-shipped-data", { path, detail: `line ${row}: ${issue.message}` });
  }
  return parsed.data;
}
function loadCatalogueData(path = shippedPaths.catalogue) {
  let json;
  try {
    json = JSON.parse(readText(path));
  } catch (cause) {
    if (cause instanceof AnttError)
      throw cause;
    throw new AnttError("bad-shipped-data", { path, detail: String(cause.message) });
  }
  const parsed = catalogueSchema.safeParse(json);
  if (!parsed.success) {
    throw new AnttError("bad-shipped-data", { path, detail: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") });
  }
  return parsed.data;
}
function loadCatalogue(path = shippedPaths.catalogue) {
  return new Catalogue(loadCatalogueData(path));
}
var gazetteer;
function loadGazetteer() {
  gazetteer ??= new Gazetteer({
    old: () => readTable(shippedPaths.unitsOld, unitRowSchema),
    new: () => readTable(shippedPaths.unitsNew, unitRowSchema),
    crosswalk: () => readTable(shippedPaths.crosswalk, crosswalkRowSchema),
    provinceCrosswalk: () => readTable(shippedPaths.provinceCrosswalk, provinceCrosswalkRowSchema)
  });
  return gazetteer;
}
function gazetteerFor(config, configPath) {
  const own = config?.units;
  if (!own || !configPath)
    return loadGazetteer();
  const base = dirname(configPath);
  const table = (file, shipped, schema) => () => {
    const path = file ? resolve(base, file) : shipped;
    try {
      return readTable(path, schema);
    } catch (error) {
      if (file && error instanceof AnttError && error.code === "bad-shipped-data") {
        throw new AnttError("bad-units", { path, detail: String(error.params.detail) });
      }
      throw error;
    }
  };
  return new Gazetteer({
    old: table(own.old, shippedPaths.unitsOld, unitRowSchema),
    new: table(own.new, shippedPaths.unitsNew, unitRowSchema),
    crosswalk: table(own.crosswalk, shippedPaths.crosswalk, crosswalkRowSchema),
    provinceCrosswalk: () => readTable(shippedPaths.provinceCrosswalk, provinceCrosswalkRowSchema)
  });
}

export {
  foldKey,
  identityColumns,
  Catalogue,
  shippedPaths,
  readTable,
  loadCatalogueData,
  loadCatalogue,
  loadGazetteer,
  gazetteerFor
};
