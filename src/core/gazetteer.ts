/**
 * The official unit lists, before and after the 1 July 2025 reform, with look-up by code and by
 * name. Pure: the lists are handed in already parsed (see `src/io/shipped.ts`).
 */
import type { CrosswalkRow, UnitLevel, UnitRow } from '../../schemas/units.js';
import { codeLength } from '../../schemas/units.js';
import { plainDigits } from './numbers.js';
import { closest, foldKey, foldUnitName, tidy } from './text.js';

export type UnitSystem = 'old' | 'new';

/** The last year whose returns may use the old three-level list (2025 may use either: DESIGN §3). */
export const LAST_OLD_YEAR = 2025;
/** The year of the 1 July 2025 reform: a window that reaches it is reported in today's structure. */
export const REFORM_YEAR = 2025;

export interface Unit {
  code: string;
  name: string;
  type: string;
  level: UnitLevel;
  parentCode: string | null;
  system: UnitSystem;
  /** Position in the official list: output follows it. */
  order: number;
}

/** A unit's key across both lists: "old04213", "new14001". */
export function unitKey(unit: Unit): string {
  return unit.system + unit.code;
}

/** Where a name-only look-up should search first: the province (and district) of the return. */
export interface UnitContext {
  provinceCode?: string | null;
  districtCode?: string | null;
}

export type Resolution =
  | { ok: true; unit: Unit; notes: ResolutionNote[] }
  | { ok: false; problem: ResolutionProblem };

/** Warnings that accompany a successful look-up. */
export type ResolutionNote =
  | { code: 'leading-zeros-dropped'; given: string; official: string }
  | { code: 'unit-name-mismatch'; given: string; official: string };

export type ResolutionProblem =
  | { code: 'unknown-unit'; given: string; suggestions: Unit[] }
  | { code: 'ambiguous-unit'; given: string; candidates: Unit[] }
  | { code: 'unit-retired'; given: string; unit: Unit; successors: CrosswalkRow[] }
  | { code: 'unit-not-yet'; given: string; unit: Unit }
  | { code: 'missing-unit' };

/** A unit list as the gazetteer reads it: made from rows (UnitList) or as a reader sees fit (io/unit-blocks.ts). */
export interface Units {
  get(code: string): Unit | undefined;
  /** The unit at a place in the list. */
  at(order: number): Unit | undefined;
  /** Every unit, in official order. */
  all(): readonly Unit[];
  /** The units whose parent is `code`, in official order. */
  childrenOf(code: string): readonly Unit[];
  /** Folded name without its type prefix → units; "muong sai" → [Xã Mường Sai, …]. */
  readonly byName: Map<string, Unit[]>;
}

/** Folded names → units, for look-ups by name: made on the first one (most returns carry codes). */
export function namesOf(units: readonly Unit[]): Map<string, Unit[]> {
  const names = new Map<string, Unit[]>();
  for (const unit of units) {
    const key = foldUnitName(unit.name);
    const same = names.get(key);
    if (same) same.push(unit);
    else names.set(key, [unit]);
  }
  return names;
}

/** A list handed in as rows (a data folder's own, a test's): every unit made at once. */
export class UnitList implements Units {
  private readonly byCode = new Map<string, Unit>();
  private names: Map<string, Unit[]> | undefined;
  private everything: Unit[] | undefined;
  private children: Map<string, Unit[]> | undefined;

  constructor(
    readonly system: UnitSystem,
    rows: readonly UnitRow[],
  ) {
    rows.forEach((row, order) => {
      const unit: Unit = {
        code: row.code,
        name: row.name,
        type: row.type,
        level: row.level,
        parentCode: row.parent_code === '' ? null : row.parent_code,
        system,
        order,
      };
      this.byCode.set(unit.code, unit);
    });
  }

  get(code: string): Unit | undefined {
    return this.byCode.get(code);
  }

  at(order: number): Unit | undefined {
    return this.all()[order];
  }

  all(): readonly Unit[] {
    return (this.everything ??= [...this.byCode.values()]);
  }

  childrenOf(code: string): readonly Unit[] {
    if (!this.children) {
      this.children = new Map();
      for (const unit of this.all()) {
        if (!unit.parentCode) continue;
        const list = this.children.get(unit.parentCode);
        if (list) list.push(unit);
        else this.children.set(unit.parentCode, [unit]);
      }
    }
    return this.children.get(code) ?? [];
  }

  get byName(): Map<string, Unit[]> {
    return (this.names ??= namesOf(this.all()));
  }
}

function isUnits(source: readonly UnitRow[] | Units): source is Units {
  return typeof (source as Units).get === 'function' && !Array.isArray(source);
}

/**
 * Where the lists come from. Each is read on first use: a 2013–2023 rollup never needs the
 * post-reform list or the crosswalk, and start-up time counts.
 */
export interface GazetteerSources {
  old: () => readonly UnitRow[] | Units;
  new: () => readonly UnitRow[] | Units;
  crosswalk: () => readonly CrosswalkRow[];
  provinceCrosswalk?: () => readonly { old_code: string; new_code: string }[];
}

export class Gazetteer {
  private readonly loaded: Partial<Record<UnitSystem, Units>> = {};
  private successorIndex: Map<string, CrosswalkRow[]> | undefined;
  private provinceIndex: Map<string, string> | undefined;

  constructor(private readonly sources: GazetteerSources) {}

  /** A gazetteer over lists already in memory (tests, a data folder's own list). */
  static of(
    oldUnits: readonly UnitRow[],
    newUnits: readonly UnitRow[],
    crosswalk: readonly CrosswalkRow[] = [],
    provinceCrosswalk: readonly { old_code: string; new_code: string }[] = [],
  ): Gazetteer {
    return new Gazetteer({ old: () => oldUnits, new: () => newUnits, crosswalk: () => crosswalk, provinceCrosswalk: () => provinceCrosswalk });
  }

  private list(system: UnitSystem): Units {
    let list = this.loaded[system];
    if (list === undefined) {
      const source = this.sources[system]();
      list = this.loaded[system] = isUnits(source) ? source : new UnitList(system, source);
    }
    return list;
  }


  private get successors(): Map<string, CrosswalkRow[]> {
    if (!this.successorIndex) {
      this.successorIndex = new Map();
      for (const row of this.sources.crosswalk()) {
        const list = this.successorIndex.get(row.old_code);
        if (list) list.push(row);
        else this.successorIndex.set(row.old_code, [row]);
      }
    }
    return this.successorIndex;
  }

  unit(code: string, system: UnitSystem): Unit | undefined {
    return this.list(system).get(code);
  }

  /** The unit at a place in its list. */
  unitAt(system: UnitSystem, order: number): Unit | undefined {
    return this.list(system).at(order);
  }

  /** Every unit of a list, in official order. */
  units(system: UnitSystem): Unit[] {
    return [...this.list(system).all()];
  }

  parent(unit: Unit): Unit | undefined {
    return unit.parentCode ? this.unit(unit.parentCode, unit.system) : undefined;
  }

  private readonly provinces = new WeakMap<Unit, Unit>();

  province(unit: Unit): Unit {
    let province = this.provinces.get(unit);
    if (!province) {
      province = unit;
      for (let parent = this.parent(province); parent; parent = this.parent(province)) province = parent;
      this.provinces.set(unit, province);
    }
    return province;
  }

  /** The communes of a district or province, in official order. */
  communesOf(unit: Unit): Unit[] {
    if (unit.level === 'commune') return [unit];
    return this.childrenOf(unit).flatMap((child) => this.communesOf(child));
  }

  /** The units directly below one, in official order. */
  childrenOf(unit: Unit): Unit[] {
    // Per list: a window before the reform never loads the new list.
    return [...this.list(unit.system).childrenOf(unit.code)];
  }

  /** The new province an old province went into on 1 July 2025. */
  newProvinceOf(oldProvinceCode: string): string | undefined {
    if (!this.provinceIndex) {
      this.provinceIndex = new Map();
      for (const row of this.sources.provinceCrosswalk?.() ?? []) this.provinceIndex.set(row.old_code, row.new_code);
    }
    return this.provinceIndex.get(oldProvinceCode);
  }

  /** The old provinces that went into a new province (the same code when no crosswalk of provinces was given). */
  oldProvincesOf(newProvinceCode: string): Unit[] {
    const provinces = this.units('old').filter((u) => u.level === 'province');
    const into = provinces.filter((u) => this.newProvinceOf(u.code) === newProvinceCode);
    if (into.length > 0) return into;
    const same = this.unit(newProvinceCode, 'old');
    return same?.level === 'province' && this.newProvinceOf(same.code) === undefined ? [same] : [];
  }

  private predecessorIndex: Map<string, CrosswalkRow[]> | undefined;

  /** The old units that went (wholly or in part) into a new commune on 1 July 2025. */
  predecessorsOf(newCode: string): CrosswalkRow[] {
    if (!this.predecessorIndex) {
      this.predecessorIndex = new Map();
      for (const rows of this.successors.values()) {
        for (const row of rows) {
          const list = this.predecessorIndex.get(row.new_code);
          if (list) list.push(row);
          else this.predecessorIndex.set(row.new_code, [row]);
        }
      }
    }
    return this.predecessorIndex.get(newCode) ?? [];
  }

  /** New commune(s) an old unit went into on 1 July 2025. */
  successorsOf(oldCode: string): CrosswalkRow[] {
    return this.successors.get(oldCode) ?? [];
  }

  /** "Xã Mường Sai, Huyện Sông Mã, Tỉnh Sơn La": a unit with its ancestors, to tell namesakes apart. */
  describe(unit: Unit): string {
    const names = [unit.name];
    for (let p = this.parent(unit); p; p = this.parent(p)) names.push(p.name);
    return names.join(', ');
  }

  /**
   * Finds the unit a return row names, by code (accepting a code whose leading zeros Excel
   * dropped) or by name, among the lists valid for the row's period.
   */
  private readonly exactCodes = new Map<string, Map<string, Resolution>>();
  private exactCount = 0;

  resolve(code: string, name: string, systems: readonly UnitSystem[], context: UnitContext = {}): Resolution {
    const givenCode = code.trim();
    const givenName = name.trim();
    if (givenCode !== '') {
      // A code found as written, in one list, does not depend on the file's context: remember it.
      // Per list, by code (and name when there is one): no key string built for most rows.
      const key = givenName === '' ? givenCode : `${givenCode}\u0000${givenName}`;
      const remembered = systems.length === 1 ? this.exactCodes.get(systems[0]!) : undefined;
      const known = remembered?.get(key);
      if (known) return known;
      const resolution = this.resolveCode(givenCode, givenName, systems, context);
      if (resolution.ok && resolution.unit.code === givenCode && systems.length === 1 && this.exactCount < 200_000) {
        let list = remembered;
        if (!list) this.exactCodes.set(systems[0]!, (list = new Map()));
        list.set(key, resolution);
        this.exactCount++;
      }
      return resolution;
    }
    if (givenName !== '') return this.resolveName(givenName, systems, context);
    return { ok: false, problem: { code: 'missing-unit' } };
  }

  private resolveCode(code: string, name: string, systems: readonly UnitSystem[], context: UnitContext): Resolution {
    // The usual case: a commune's code written whole, for a period of one list. Its one candidate
    // is looked up at once — what the general way below comes to for it, without its regular
    // expressions and arrays: a national run resolves ten thousand such codes, each once, most
    // of them before V8 has compiled this (a twentieth of a thread's reading, in the profile).
    if (systems.length === 1 && code.length === codeLength.commune && plainDigits(code) >= 0) {
      const unit = this.unit(code, systems[0]!);
      if (unit && (name === '' || sameName(unit.name, name))) return { ok: true, unit, notes: [] };
    }
    const digits = code.replace(/\s+/g, '').replace(/\.0+$/, '');
    if (!/^[0-9]{1,5}$/.test(digits)) {
      return { ok: false, problem: { code: 'unknown-unit', given: code, suggestions: name ? this.suggest(name, systems, context) : [] } };
    }
    const lengths = [codeLength.province, codeLength.district, codeLength.commune].filter((n) => n >= digits.length);
    const candidateCodes = lengths.map((n) => digits.padStart(n, '0'));

    const found: Unit[] = [];
    for (const system of systems) {
      for (const candidate of candidateCodes) {
        const unit = this.unit(candidate, system);
        if (unit) found.push(unit);
      }
    }
    // An exact code wins over a padded one; among padded ones the name or context decides.
    let matches = found.filter((u) => u.code === digits);
    if (matches.length === 0) matches = found;
    if (matches.length > 1 && name) {
      const byName = matches.filter((u) => sameName(u.name, name));
      if (byName.length > 0) matches = byName;
    }
    if (matches.length > 1) matches = this.narrow(matches, context);
    if (matches.length > 1) {
      // The same code in both lists (2025): the one whose name matches, else the old list.
      const codes = new Set(matches.map((u) => u.code));
      if (codes.size === 1) matches = [matches.find((u) => u.system === 'old') ?? matches[0]!];
    }
    if (matches.length > 1) return { ok: false, problem: { code: 'ambiguous-unit', given: code, candidates: matches } };

    const unit = matches[0];
    if (!unit) return this.codeOutsidePeriod(digits, candidateCodes, name, systems, context, code);

    const notes: ResolutionNote[] = [];
    if (unit.code !== digits) notes.push({ code: 'leading-zeros-dropped', given: code, official: unit.code });
    if (name && !sameName(unit.name, name)) {
      // A 2026 return that still writes an old commune's code and name: the code now belongs
      // to another commune, so this is a retired unit, not a typo in the name.
      const other = systems.length === 1 ? this.unit(unit.code, systems[0] === 'old' ? 'new' : 'old') : undefined;
      if (other && sameName(other.name, name)) return this.outsideProblem(other, code);
      notes.push({ code: 'unit-name-mismatch', given: name, official: unit.name });
    }
    return { ok: true, unit, notes };
  }

  private codeOutsidePeriod(
    digits: string,
    candidateCodes: string[],
    name: string,
    systems: readonly UnitSystem[],
    context: UnitContext,
    given: string,
  ): Resolution {
    const otherSystems = (['old', 'new'] as const).filter((s) => !systems.includes(s));
    for (const system of otherSystems) {
      const exact = this.unit(digits, system) ?? candidateCodes.map((c) => this.unit(c, system)).find(Boolean);
      if (exact) return this.outsideProblem(exact, given);
    }
    return { ok: false, problem: { code: 'unknown-unit', given, suggestions: name ? this.suggest(name, systems, context) : [] } };
  }

  private outsideProblem(unit: Unit, given: string): Resolution {
    if (unit.system === 'old') {
      return { ok: false, problem: { code: 'unit-retired', given, unit, successors: this.successorsOf(unit.code) } };
    }
    return { ok: false, problem: { code: 'unit-not-yet', given, unit } };
  }

  private resolveName(name: string, systems: readonly UnitSystem[], context: UnitContext): Resolution {
    const key = foldUnitName(name);
    const typeKey = foldKey(name).slice(0, Math.max(0, foldKey(name).length - key.length)).trim();
    let candidates = systems.flatMap((s) => this.list(s).byName.get(key) ?? []);
    if (candidates.length > 1) {
      // "Mường Sai" and "Mường Sại" fold alike; a name written with its tone marks means that one.
      const exact = candidates.filter((u) => accentedKey(u.name) === accentedKey(name));
      if (exact.length > 0) candidates = exact;
    }
    if (typeKey && candidates.length > 1) {
      const sameType = candidates.filter((u) => foldKey(u.type) === typeKey || foldKey(u.name).startsWith(typeKey + ' '));
      if (sameType.length > 0) candidates = sameType;
    }
    if (candidates.length > 1) candidates = this.narrow(candidates, context);
    if (candidates.length > 1 && systems.length > 1) {
      const codes = new Set(candidates.map((u) => u.code + u.level));
      if (codes.size === 1) candidates = [candidates.find((u) => u.system === 'old') ?? candidates[0]!];
    }
    if (candidates.length === 1) return { ok: true, unit: candidates[0]!, notes: [] };
    if (candidates.length > 1) return { ok: false, problem: { code: 'ambiguous-unit', given: name, candidates } };

    const elsewhere = (['old', 'new'] as const)
      .filter((s) => !systems.includes(s))
      .flatMap((s) => this.list(s).byName.get(key) ?? [])
      .filter((u) => this.inContext(u, context));
    if (elsewhere.length === 1) return this.outsideProblem(elsewhere[0]!, name);
    return { ok: false, problem: { code: 'unknown-unit', given: name, suggestions: this.suggest(name, systems, context) } };
  }

  private inDistrict(unit: Unit, context: UnitContext): boolean {
    return !!context.districtCode && (unit.code === context.districtCode || unit.parentCode === context.districtCode);
  }

  private inContext(unit: Unit, context: UnitContext): boolean {
    if (this.inDistrict(unit, context)) return true;
    return !!context.provinceCode && (this.province(unit).code === context.provinceCode || unit.code === context.provinceCode);
  }

  /** The candidates in the return's district if any, else those in its province, else all. */
  private narrow(candidates: Unit[], context: UnitContext): Unit[] {
    const inDistrict = candidates.filter((u) => this.inDistrict(u, context));
    if (inDistrict.length > 0) return inDistrict;
    const inProvince = candidates.filter((u) => this.inContext(u, context));
    return inProvince.length > 0 ? inProvince : candidates;
  }

  /** "Did you mean": the closest names, within the return's province when it is known. */
  suggest(name: string, systems: readonly UnitSystem[], context: UnitContext = {}): Unit[] {
    const key = foldUnitName(name);
    const pool = systems.flatMap((s) => this.list(s).all());
    const local = context.provinceCode ? pool.filter((u) => this.inContext(u, context)) : [];
    const found = closest(key, local, (u) => foldUnitName(u.name));
    if (found.length > 0) return found;
    return closest(key, pool, (u) => foldUnitName(u.name));
  }
}

/** Lower-case NFC name without its type prefix, tone marks kept: "Xã Mường Sai" → "mường sai". */
function accentedKey(name: string): string {
  const folded = foldUnitName(name).split(' ').length;
  const words = tidy(name).toLowerCase().split(' ');
  return words.slice(words.length - folded).join(' ');
}

const foldedOfficial = new Map<string, string>();

function sameName(official: string, given: string): boolean {
  if (official === given) return true;
  let key = foldedOfficial.get(official);
  if (key === undefined) {
    key = foldUnitName(official);
    foldedOfficial.set(official, key);
  }
  return key === foldUnitName(given);
}
