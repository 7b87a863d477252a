/**
 * Checking returns: header plan, rows, units, periods, cells, duplicates across files and
 * cross-field rules. Pure: readers push header and rows in; findings and accepted figures come
 * out. Nothing here reads a file or prints.
 */
import type { Indicator, Rule } from '../../schemas/catalogue.js';
import { cellSchema, type CellIssueParams, type RawCell } from '../../schemas/return.js';
import { cellText, compileLineReader, compileRowReader, lineCellsFor, NAME_BEYOND_ASCII, NOT_IN_PLACE, scanBytes, scanLine, type LineCells, type LineReader, type LineText, type RowReader } from './row-reader.js';
import { DIGITS, type DigitLane } from './digits.js';
import type { UnitLevel } from '../../schemas/units.js';
import type { Catalogue, IdentityColumn } from './catalogue.js';
import { compareFindings, finding, type Finding, type FindingCode, type Params } from './findings.js';
import { foldKey } from './text.js';
import type { Gazetteer, Resolution, Unit, UnitContext } from './gazetteer.js';
import type { CellValue, NumberConvention } from './numbers.js';
import { scaledToPlain } from './numbers.js';
import { parsePeriod, unitSystemsFor, type Period } from './period.js';
import { brokenRules, holds } from './rules.js';
import { figurePrint, fingerprint, RowTable } from './row-table.js';

/** Where a row came from. */
export interface RowPlace {
  line?: number | null;
  record?: number | null;
}

/** An accepted row's figures (for a long-shape row: those not given before). */
/** No findings: most rows' answer, shared rather than a new empty list each. */
const NO_FINDINGS: readonly Finding[] = Object.freeze([]);

export interface AcceptedRow {
  unit: Unit;
  period: Period;
  values: readonly { indicator: Indicator; index: number; scaled: number }[];
  /** Where it was read. */
  file: string;
  line: number | null;
}

export interface CheckerOptions {
  catalogue: Catalogue;
  gazetteer: Gazetteer;
  /** From a data folder's config: the province its returns belong to. */
  context?: UnitContext;
  /** Called once per accepted row with its figures, in reading order. */
  onAccepted?: (row: AcceptedRow) => void;
  /** How many findings of each level to keep for display; all are counted. */
  keepFindings?: number;
  /** Warning codes the user asked not to see (`--skip`): neither kept nor counted. */
  skip?: ReadonlySet<string>;
}

export interface ValidationStats {
  files: number;
  /** Files that could not be read at all (the run exits 2). */
  unreadable: number;
  rows: number;
  rowsAccepted: number;
  rowsRejected: number;
  errors: number;
  warnings: number;
}

export interface ValidationReport {
  valid: boolean;
  stats: ValidationStats;
  /** Most serious first; at most `keepFindings` of each level. */
  findings: Finding[];
  /** Findings counted but not kept. */
  omitted: number;
}

interface Location {
  file: string;
  line: number | null;
  record: number | null;
}

/**
 * What long-shape rows have given for one unit and period, for duplicate and rule checks: flat
 * triples (indicator index, scaled value, packed location). Wide rows go to the RowTable.
 */
interface Sighting {
  unit: Unit;
  period: Period;
  triples: number[];
}

export class ReturnChecker {
  private readonly catalogue: Catalogue;
  private readonly gazetteer: Gazetteer;
  private readonly context: UnitContext;
  private readonly onAccepted: ((row: AcceptedRow) => void) | undefined;
  private readonly skip: ReadonlySet<string> | undefined;
  private readonly keep: number;
  private readonly kept: { error: Finding[]; warning: Finding[] } = { error: [], warning: [] };
  private readonly files: string[] = [];
  private readonly fileIndex = new Map<string, number>();
  /** Interned periods: one object per distinct label, however many rows name it. */
  private readonly periods = new Map<string, Period>();
  private readonly sightings = new Map<number, Sighting>();
  private readonly periodIds = new Map<Period, number>();

  private periodId(period: Period): number {
    // Rows of one period usually follow each other.
    if (period === this.lastIdPeriod) return this.lastPeriodId;
    let id = this.periodIds.get(period);
    if (id === undefined) {
      id = this.periodIds.size;
      this.periodIds.set(period, id);
    }
    this.lastIdPeriod = period;
    this.lastPeriodId = id;
    return id;
  }

  private lastIdPeriod: Period | null = null;
  private lastPeriodId = 0;
  /** Spreadsheets read: header → column position, to name the cell of a finding made later. */
  readonly spreadsheetColumns = new Map<string, Map<string, number>>();

  /**
   * Plans of headers that made no finding, by number convention and header text: a folder's
   * returns share one form, and each file would otherwise match its columns against the catalogue
   * and compile its row readers again (Sơn La's sample: 134 files, one header).
   */
  readonly sharedPlans = new Map<string, HeaderPlan>();

  /** Units (system + code) with a rejected row: their totals may be short. */
  readonly flaggedUnits = new Set<string>();
  readonly stats: ValidationStats = { files: 0, unreadable: 0, rows: 0, rowsAccepted: 0, rowsRejected: 0, errors: 0, warnings: 0 };

  constructor(options: CheckerOptions) {
    this.catalogue = options.catalogue;
    this.gazetteer = options.gazetteer;
    this.context = options.context ?? {};
    this.onAccepted = options.onAccepted;
    this.skip = options.skip;
    this.keep = options.keepFindings ?? 10_000;
    this.rows = new RowTable();
  }

  report(f: Finding): void {
    if (f.level === 'warning' && this.skip?.has(f.code)) return;
    if (f.level === 'error') this.stats.errors++;
    else this.stats.warnings++;
    const bucket = this.kept[f.level];
    if (bucket.length < this.keep) bucket.push(f);
  }

  /** A file that could not be read at all: reported, counted, and the others read on. */
  unreadable(file: string, error: { render(lang: 'vi' | 'en'): string; params: Record<string, unknown> }): void {
    this.stats.files++;
    this.stats.unreadable++;
    this.report(finding('file-unreadable', { file, params: { vi: error.render('vi'), en: error.render('en') } }));
  }

  /** Starts a file; its rows are then given to the returned `FileChecker`. */
  beginFile(file: string, convention: NumberConvention = 'unknown', spreadsheet = false): FileChecker {
    if (!this.fileIndex.has(file)) this.fileIndex.set(file, this.files.length);
    // The file's number looked up here, not first by its first row: the rows' code, compiled
    // during a large first file, would otherwise meet the change of file only in the second, and
    // be thrown away and compiled again (seen in V8's deoptimisation trace, in every thread).
    this.fileNumber(file);
    this.files.push(file);
    this.stats.files++;
    return new FileChecker(this, file, convention, spreadsheet);
  }

  /** @internal */
  get parts() {
    return { catalogue: this.catalogue, gazetteer: this.gazetteer, context: this.context };
  }

  private readonly periodTexts = new Map<string, Period | null>();

  /** @internal A period cell, read once per distinct text: one Period object per label. */
  private lastPeriodText = '';
  private lastPeriod: Period | null = null;

  period(text: string): Period | null {
    // Rows of one period usually follow each other.
    if (text === this.lastPeriodText) return this.lastPeriod;
    let period = this.periodTexts.get(text);
    if (period === undefined) {
      const parsed = parsePeriod(text);
      period = parsed ? (this.periods.get(parsed.label) ?? parsed) : null;
      if (parsed) this.periods.set(parsed.label, period!);
      if (this.periodTexts.size < 10_000) this.periodTexts.set(text, period);
    }
    this.lastPeriodText = text;
    this.lastPeriod = period;
    return period;
  }

  private lastFile = '';
  private lastFileNumber = 0;

  /** A file's index (rows come file by file: the last one is kept at hand). */
  private fileNumber(file: string): number {
    if (file !== this.lastFile) {
      this.lastFile = file;
      this.lastFileNumber = this.fileIndex.get(file) ?? 0;
    }
    return this.lastFileNumber;
  }

  /** A location as one number (file index × 2³² + line), so that each accepted row costs 8 bytes. */
  private pack(where: Location): number {
    return (this.fileIndex.get(where.file) ?? 0) * 2 ** 32 + (where.line ?? where.record ?? 0);
  }

  private unpack(packed: number): Location {
    const file = this.files[Math.floor(packed / 2 ** 32)] ?? '';
    const line = packed % 2 ** 32;
    return { file, line: line === 0 ? null : line, record: null };
  }

  /** The catalogue's rules with indicator indexes in place of ids, for the per-row check. */
  private compiledRules: CompiledRule[] | undefined;

  /** @internal The rules a row of these indicators can break: those with an indicator of theirs on each side. */
  rulesFor(indexes: readonly number[]): CompiledRule[] {
    const present = new Set(indexes);
    return this.rules().filter((rule) => rule.left.some((i) => present.has(i)) && rule.right.some((i) => present.has(i)));
  }

  private rules(): CompiledRule[] {
    return (this.compiledRules ??= this.catalogue.rules.map((rule) => ({
      left: rule.left.map((id) => this.catalogue.indexOf(id)),
      right: rule.right.map((id) => this.catalogue.indexOf(id)),
      operator: rule.operator,
    })));
  }

  /** A row's figures by catalogue index (NaN: not given), filled and cleared around each rule check. */
  private figures: Float64Array | undefined;

  private anyRuleBroken(figures: Float64Array, rules: readonly CompiledRule[] = this.rules()): boolean {
    // Counted loops, not for…of: run for every row, mostly before V8 has compiled it (a small job
    // never gets that far), where each step of an iterator is a call and an object (a cold run of
    // the sample made a megabyte of them here).
    for (let r = 0; r < rules.length; r++) {
      const rule = rules[r]!;
      let left = 0;
      let right = 0;
      let anyLeft = false;
      let anyRight = false;
      for (let k = 0; k < rule.left.length; k++) {
        const v = figures[rule.left[k]!]!;
        if (v === v) {
          left += v;
          anyLeft = true;
        }
      }
      if (!anyLeft) continue;
      for (let k = 0; k < rule.right.length; k++) {
        const v = figures[rule.right[k]!]!;
        if (v === v) {
          right += v;
          anyRight = true;
        }
      }
      if (anyRight && !holds(left, rule.operator, right)) return true;
    }
    return false;
  }

  /** Wide rows seen, by unit and period: a fingerprint of their figures and where they were read. */
  private readonly rows: RowTable;

  /** @internal Records an accepted row's figures; returns the findings about duplicates. */
  accept(
    unit: Unit,
    period: Period,
    values: { indicator: Indicator; index: number; scaled: number; column: string | null }[],
    where: Location,
    shape: 'wide' | 'long' = 'wide',
  ): readonly Finding[] {
    return this.acceptAcrossFiles(unit, period, values, where, shape);
  }

  private rowRules(unit: Unit, period: Period, values: readonly { index: number; scaled: number }[], where: Location): readonly Finding[] {
    // Most rows keep every rule: the findings (and their words) are made only for one that does not.
    if (!this.breaksRule(values, this.rules())) return NO_FINDINGS;
    const byIndex = new Map(values.map((v) => [v.index, v.scaled]));
    return brokenRules(this.catalogue, (id) => byIndex.get(this.catalogue.indexOf(id)) ?? null, { unit: unitLabel(unit), period: period.label, ...where });
  }

  /** Whether a row's figures break one of `rules` (put in place by catalogue index, then cleared). */
  private breaksRule(values: readonly { index: number; scaled: number }[], rules: readonly CompiledRule[]): boolean {
    if (rules.length === 0) return false;
    const figures = this.ruleFigures();
    for (let i = 0; i < values.length; i++) figures[values[i]!.index] = values[i]!.scaled;
    return this.brokenThenCleared(figures, values, rules);
  }

  private ruleFigures(): Float64Array {
    return (this.figures ??= new Float64Array(this.catalogue.indicators.length).fill(NaN));
  }

  /** Whether the figures put in place break one of `rules`; clears them for the next row. */
  private brokenThenCleared(figures: Float64Array, values: readonly { index: number }[], rules: readonly CompiledRule[]): boolean {
    const broken = this.anyRuleBroken(figures, rules);
    for (let i = 0; i < values.length; i++) figures[values[i]!.index] = NaN;
    return broken;
  }

  /** A wide row's number key: the unit's place in its list and the period's id (no string built per row). */
  private rowKey(unit: Unit, period: Period): number {
    return ((unit.system === 'old' ? 0 : 1) + unit.order * 2) * 65_536 + this.periodId(period);
  }

  /** Hands an accepted row to the rollup in one object, refilled for each row (the rollup copies what it keeps). */
  private handOn(unit: Unit, period: Period, values: AcceptedRow['values'], file: string, line: number | null): void {
    if (!this.onAccepted) return;
    const row = this.accepted;
    row.unit = unit;
    row.period = period;
    row.values = values;
    row.file = file;
    row.line = line;
    this.onAccepted(row);
  }

  private readonly accepted: AcceptedRow = { unit: null as unknown as Unit, period: null as unknown as Period, values: [], file: '', line: null };

  /**
   * @internal A wide row that FileChecker found plain (see FileChecker.plainRow): accepted here,
   * as acceptAcrossFiles would, if it keeps the rules its header can break and is the first word
   * on its unit and period. Otherwise nothing has changed and it returns false: the row then takes
   * the full path, which makes the findings.
   */
  acceptPlain(unit: Unit, period: Period, values: readonly { indicator: Indicator; index: number; scaled: number }[], file: string, line: number, rules: readonly CompiledRule[]): boolean {
    // One pass over the figures for everything below: what breaksRule, fingerprint and
    // indicatorMask (twice) each did in a loop of its own, for a million rows.
    const figures = rules.length > 0 ? this.ruleFigures() : null;
    let print = 0;
    let maskLow = 0;
    let maskHigh = 0;
    for (let i = 0; i < values.length; i++) {
      const { index, scaled } = values[i]!;
      print = (print + figurePrint(index, scaled)) >>> 0;
      if (index < 32) maskLow |= 1 << index;
      else maskHigh |= 1 << (index % 32);
      if (figures !== null) figures[index] = scaled;
    }
    if (figures !== null && this.brokenThenCleared(figures, values, rules)) return false;
    // A key already there changes nothing here (putNew adds only new keys): the full path finds it.
    if (!this.rows.putNew(this.rowKey(unit, period), print, maskLow >>> 0, maskHigh >>> 0, this.fileNumber(file), line)) return false;
    this.handOn(unit, period, values, file, line);
    return true;
  }

  private acceptAcrossFiles(
    unit: Unit,
    period: Period,
    values: { indicator: Indicator; index: number; scaled: number; column: string | null }[],
    where: Location,
    shape: 'wide' | 'long',
  ): readonly Finding[] {
    const key = this.rowKey(unit, period);
    if (shape === 'long') return this.acceptLong(key, unit, period, values, where);
    // Rules on the row as it stands, first: a row that breaks one is rejected, and is not the
    // first word on its unit and period.
    const findings = this.rowRules(unit, period, values, where);
    if (findings.some((f) => f.level === 'error')) return findings;
    const maskLow = indicatorMask(values, 0);
    const maskHigh = indicatorMask(values, 1);
    const print = fingerprint(values);
    const seen = this.rows.putNew(key, print, maskLow, maskHigh, this.fileNumber(where.file), where.line ?? where.record ?? 0) ? null : this.rows.get(key);
    if (seen) {
      const first = placeText({ file: this.files[seen.file] ?? '', line: seen.line || null, record: null });
      const overlap = (seen.maskLow & maskLow) !== 0 || (seen.maskHigh & maskHigh) !== 0;
      if (!overlap) {
        // Other columns of the same unit and period (two forms): both count.
        this.rows.set(key, { ...seen, fingerprint: (seen.fingerprint + print) >>> 0, maskLow: (seen.maskLow | maskLow) >>> 0, maskHigh: (seen.maskHigh | maskHigh) >>> 0 });
      } else if (seen.maskLow === maskLow && seen.maskHigh === maskHigh && seen.fingerprint === print) {
        return [...findings, finding('duplicate-return', { ...where, unit: unitLabel(unit), params: { period: period.label, first } })];
      } else {
        return [...findings, finding('conflicting-return', { ...where, unit: unitLabel(unit), params: { period: period.label, first } })];
      }
    }
    this.handOn(unit, period, values, where.file, where.line ?? where.record);
    return findings;
  }

  /**
   * Long rows (one figure each): compared figure by figure, and kept together per unit and period
   * so that rules can be checked once all of a unit's figures are in.
   */
  private acceptLong(key: number, unit: Unit, period: Period, values: { indicator: Indicator; index: number; scaled: number; column: string | null }[], where: Location): Finding[] {
    let sighting = this.sightings.get(key);
    if (!sighting) {
      sighting = { unit, period, triples: [] };
      this.sightings.set(key, sighting);
    }
    const findings: Finding[] = [];
    const fresh: typeof values = [];
    for (const value of values) {
      const at = indexOfIndicator(sighting.triples, value.index);
      if (at < 0) {
        fresh.push(value);
        continue;
      }
      const earlier = sighting.triples[at + 1]!;
      const first = placeText(this.unpack(sighting.triples[at + 2]!));
      findings.push(
        earlier === value.scaled
          ? finding('duplicate-return', { ...where, unit: unitLabel(unit), params: { period: period.label, first } })
          : finding('conflicting-values', {
              ...where,
              column: value.column,
              unit: unitLabel(unit),
              indicator: value.indicator.id,
              value: scaledToPlain(value.scaled, value.indicator.decimals),
              params: {
                period: period.label,
                first,
                firstValue: scaledToPlain(earlier, value.indicator.decimals),
                thisValue: scaledToPlain(value.scaled, value.indicator.decimals),
              },
            }),
      );
    }
    if (findings.length > 0) return findings;
    const locationIndex = this.pack(where);
    for (const value of fresh) sighting.triples.push(value.index, value.scaled, locationIndex);
    if (fresh.length > 0) this.handOn(unit, period, fresh, where.file, where.line ?? where.record);
    return findings;
  }

  /** Cross-field rules over everything accepted for each unit and period. */
  private checkRules(): void {
    for (const sighting of this.sightings.values()) {
      const triples = sighting.triples;
      let firstLocation = -1;
      const valueOf = (id: string) => {
        const at = indexOfIndicator(triples, this.catalogue.indexOf(id));
        if (at < 0) return null;
        if (firstLocation < 0) firstLocation = triples[at + 2]!;
        return triples[at + 1]!;
      };
      const broken = brokenRules(this.catalogue, valueOf, { unit: unitLabel(sighting.unit), period: sighting.period.label });
      // The place to fix is the row that reported the rule's left side.
      for (const f of broken) {
        const at = indexOfIndicator(triples, this.catalogue.indexOf(f.indicator!));
        this.report({ ...f, ...this.unpack(at >= 0 ? triples[at + 2]! : firstLocation) });
      }
    }
  }

  finish(): ValidationReport {
    this.checkRules();
    const order = new Map(this.files.map((f, i) => [f, i]));
    const fileOrder = (file: string | null) => (file === null ? -1 : (order.get(file) ?? this.files.length));
    const findings = [...this.kept.error, ...this.kept.warning].sort((a, b) => compareFindings(a, b, fileOrder));
    return {
      valid: this.stats.errors === 0,
      stats: { ...this.stats },
      findings,
      omitted: this.stats.errors + this.stats.warnings - findings.length,
    };
  }
}

function indexOfIndicator(triples: number[], index: number): number {
  for (let i = 0; i < triples.length; i += 3) if (triples[i] === index) return i;
  return -1;
}

export function unitLabel(unit: Unit): string {
  return `${unit.code} ${unit.name}`;
}

function placeText(location: Location): string {
  if (location.line !== null) return `${location.file}:${location.line}`;
  if (location.record !== null) return `${location.file}#${location.record}`;
  return location.file;
}

/** One column of a header, as planned. */
interface ColumnPlan {
  position: number;
  header: string;
}

interface HeaderPlan {
  identity: Partial<Record<IdentityColumn, ColumnPlan>>;
  shape: 'wide' | 'long';
  /** Wide shape: the indicator columns. */
  values: (ColumnPlan & { indicator: Indicator; index: number })[];
  width: number;
  usable: boolean;
  readers: Map<UnitLevel, RowReader>;
  /** Header text → 0-based column position, to name a spreadsheet cell. */
  positions: Map<string, number>;
  /** 0-based column position → header text. */
  headerOf: Map<number, string>;
  /** Wide and usable: how plain CSV lines may hand its figure cells over (see DigitLane). */
  lane: DigitLane | null;
  /** Wide and usable, with a unit code and a period column: its rows may take the plain path (FileChecker.plainRow). */
  plain: boolean;
  /** The rules a row of this header can break (ReturnChecker.rulesFor). */
  rules: CompiledRule[];
  /** The reader readerFor gave last, and its level. */
  lastReader: RowReader | null;
  lastReaderLevel: UnitLevel | null;
  /** The same for lines read in place (FileChecker.plainLine), with where their cells lie. */
  lineReaders: Map<UnitLevel, LineReader>;
  lastLineReader: LineReader | null;
  lastLineReaderLevel: UnitLevel | null;
  lineCells: LineCells | null;
}

/** A catalogue rule with indicator indexes in place of ids. */
interface CompiledRule {
  left: number[];
  right: number[];
  operator: Rule['operator'];
}

interface Deferred {
  cells: RawCell[];
  place: RowPlace;
  plan: HeaderPlan;
}

/** The rows of one file. */
export class FileChecker {
  private plan: HeaderPlan | null = null;
  private readonly plans = new Map<string, HeaderPlan>();
  private readonly reportedColumns = new Set<string>();
  private readonly deferred: Deferred[] = [];
  private readonly provinceVotes = new Tally();
  private readonly districtVotes = new Tally();

  constructor(
    private readonly checker: ReturnChecker,
    readonly file: string,
    private readonly convention: NumberConvention,
    /** A spreadsheet's rows are placed by cell (`B7`) as well as by line. */
    private readonly spreadsheet = false,
  ) {}

  /** Reports a finding, placed at its cell in a spreadsheet. */
  private emit(f: Finding): void {
    if (this.spreadsheet && f.line !== null && f.cell === null) {
      const position = f.column !== null ? this.plan?.positions.get(f.column) : undefined;
      f = { ...f, cell: `${columnLetter(position ?? 0)}${f.line}` };
    }
    this.checker.report(f);
  }

  /** A finding about the whole file (encoding, malformed, empty). */
  fileFinding(code: FindingCode, params: Params = {}, place: RowPlace = {}): void {
    this.emit(finding(code, { file: this.file, line: place.line ?? null, record: place.record ?? null, params }));
  }

  /** A row that cannot be read at all (undecodable bytes, not a record): counted and rejected. */
  badRow(code: FindingCode, params: Params, place: RowPlace, cell: string | null = null): void {
    this.checker.stats.rows++;
    this.reject([finding(code, { ...this.where(place), params, cell })]);
  }

  /** Plans the columns of a header. Returns false when no row of it can be read. */
  header(cells: readonly string[], place: RowPlace = { line: 1 }): boolean {
    const signature = cells.join('\u0000');
    const known = this.plans.get(signature);
    if (known) {
      this.plan = known;
      return known.usable;
    }
    // A header another file had, with nothing to report: its plan, as this file would make it
    // (the findings a header makes are per file, so a header that makes any is planned again).
    const sharedKey = `${this.convention}\u0001${signature}`;
    const shared = this.checker.sharedPlans.get(sharedKey);
    if (shared) {
      if (this.spreadsheet) this.checker.spreadsheetColumns.set(this.file, shared.positions);
      this.plans.set(signature, shared);
      this.plan = shared;
      return shared.usable;
    }
    let clean = true;
    const { catalogue } = this.checker.parts;
    const plan: HeaderPlan = { identity: {}, shape: 'wide', values: [], width: cells.length, usable: true, readers: new Map(), positions: new Map(), headerOf: new Map(), lane: null, plain: false, rules: [], lastReader: null, lastReaderLevel: null, lineReaders: new Map(), lastLineReader: null, lastLineReaderLevel: null, lineCells: null };
    const seen = new Map<string, string>();
    cells.forEach((raw, position) => {
      const header = raw.normalize('NFC').trim();
      if (header === '') return;
      if (!plan.positions.has(header)) plan.positions.set(header, position);
      plan.headerOf.set(position, header);
      const match = catalogue.matchHeader(header);
      const once = (code: FindingCode, fields: Parameters<typeof finding>[1]) => {
        clean = false;
        if (this.reportedColumns.has(code + header)) return;
        this.reportedColumns.add(code + header);
        this.emit(finding(code, { file: this.file, line: place.line ?? null, record: place.record ?? null, column: header, ...fields }));
      };
      if (match.kind === 'identity') {
        plan.identity[match.column] ??= { position, header };
      } else if (match.kind === 'indicator') {
        const indicator = match.indicator;
        if (indicator.kind === 'ratio') {
          once('computed-column', { indicator: indicator.id, params: { numerator: indicator.numerator, denominator: indicator.denominator } });
          return;
        }
        const other = seen.get(indicator.id);
        if (other !== undefined) {
          once('duplicate-column', { indicator: indicator.id, params: { other } });
          return;
        }
        seen.set(indicator.id, header);
        plan.values.push({ position, header, indicator, index: match.index });
      } else if (match.kind === 'unknown') {
        once('unknown-column', { value: header, params: { suggestions: match.suggestions.join(', ') || null } });
      }
    });
    plan.shape = plan.identity.indicator && plan.identity.value ? 'long' : 'wide';
    const missing: { needed: string; example: string }[] = [];
    if (!plan.identity.unit_code && !plan.identity.unit_name) missing.push({ needed: 'unit_code / unit_name', example: '"Mã đơn vị"' });
    if (!plan.identity.year && !plan.identity.period) missing.push({ needed: 'year / period', example: '"Năm"' });
    for (const m of missing) {
      this.emit(finding('missing-column', { file: this.file, line: place.line ?? null, record: place.record ?? null, params: m }));
    }
    plan.usable = missing.length === 0;
    if (plan.usable && plan.shape === 'wide') {
      // Quantity columns only: a yes/no count reads "1" its own way.
      const factors = new Float64Array(plan.width);
      for (const v of plan.values) if (v.indicator.kind !== 'unit_count') factors[v.position] = 10 ** v.indicator.decimals;
      plan.lane = { factors, values: new Float64Array(plan.width) };
      plan.plain = PLAIN_ROWS && plan.identity.unit_code !== undefined && (plan.identity.period ?? plan.identity.year) !== undefined;
      if (plan.plain) plan.lineCells = lineCellsFor(plan.width);
      plan.rules = this.checker.rulesFor(plan.values.map((v) => v.index));
    }
    if (this.spreadsheet) this.checker.spreadsheetColumns.set(this.file, plan.positions);
    this.plans.set(signature, plan);
    if (clean && missing.length === 0) this.checker.sharedPlans.set(sharedKey, plan);
    this.plan = plan;
    return plan.usable;
  }

  /** How the current header's plain CSV lines may hand their figures over, if at all. */
  digitLane(): DigitLane | null {
    return this.plan?.lane ?? null;
  }

  /** One data row, cells in header order. */
  row(cells: readonly RawCell[], place: RowPlace): void {
    const plan = this.plan;
    if (!plan) return;
    if (plan.plain && typeof place.line === 'number' && this.plainRow(cells, place.line, plan)) return;
    if (cells.every(isBlank)) return;
    if (!plan.usable) {
      // Its header lacks a unit or period column (reported once): every row read is rejected.
      this.checker.stats.rows++;
      this.checker.stats.rowsRejected++;
      return;
    }
    if (this.isTotalRow(cells, plan)) return;
    this.checker.stats.rows++;
    if (cells.length !== plan.width && !(cells.length > plan.width && cells.slice(plan.width).every(isBlank))) {
      this.reject([finding('ragged-row', { ...this.where(place), params: { cells: cells.length, expected: plan.width } })]);
      return;
    }
    this.checkRow(cells, place, plan, false);
  }

  /** The last plain row's period cell as read, and its period (rows of one period follow each other). */
  private lastPeriodCell = '';
  private lastPlainPeriod: Period | null = null;
  /**
   * Plain rows' units by list, then by code cell as read — a code of digits by its value and
   * length, a number being quicker to look up than a new string — with the name cell they came
   * with (a row with another name takes the full path).
   */
  private readonly plainUnits: Record<Unit['system'], PlainUnits> = { old: new Map(), new: new Map() };

  /**
   * The plain path of a row (nearly every row of a large return): a unit code found as written in
   * one list, with no note about it; a period that parses; figures that read without a problem;
   * rules kept; the first row for its unit and period. Such a row makes no finding, and everything
   * it does — count, vote, record, roll up — is done here at once, without what the full path
   * (checkRow) builds to report a problem: the cells' texts are looked up as read, where checkRow
   * trims and normalises them each time and builds each row's findings.
   *
   * Any other row returns false having changed nothing, and takes the full path: so the outcome
   * is the full path's, row for row (test/plain-rows.test.ts runs whole returns both ways).
   * ANTT_PLAIN_ROWS=0 turns it off.
   */
  private plainRow(cells: readonly RawCell[], line: number, plan: HeaderPlan): boolean {
    if (cells.length !== plan.width) return false;
    const periodColumn = (plan.identity.period ?? plan.identity.year)!;
    const periodCell = cells[periodColumn.position];
    if (typeof periodCell !== 'string') return false;
    const period = (periodCell === this.lastPeriodCell ? this.lastPlainPeriod : null) ?? this.readPlainPeriod(periodCell, this.cell(cells, periodColumn));
    if (!period) return false;
    const systems = unitSystemsFor(period);
    if (systems.length !== 1) return false;
    const codeCell = cells[plan.identity.unit_code!.position];
    if (typeof codeCell !== 'string') return false;
    let nameCell = '';
    if (plan.identity.unit_name) {
      const given = cells[plan.identity.unit_name.position];
      if (typeof given !== 'string') return false;
      nameCell = given;
    }
    const units = this.plainUnits[systems[0]!];
    const key = digitsKey(codeCell);
    const known = units.get(key);
    let unit: Unit;
    const entry = known !== undefined && known.name === nameCell ? known : undefined;
    if (entry !== undefined) unit = entry.unit;
    else {
      const resolved = this.resolvePlainUnit(units, key, known, this.cell(cells, plan.identity.unit_code), this.cell(cells, plan.identity.unit_name), nameCell, systems);
      if (!resolved) return false;
      unit = resolved;
    }
    const reading = this.readerFor(plan, unit.level)(cells);
    if (reading.problems.length > 0) return false;
    if (!this.checker.acceptPlain(unit, period, reading.figures, this.file, line, plan.rules)) return false;
    if (entry !== undefined) this.votePlain(entry);
    else this.vote(unit);
    this.checker.stats.rows++;
    this.checker.stats.rowsAccepted++;
    return true;
  }

  /**
   * plainRow for a CSV line read where it lies, its cells never split into strings: a national
   * run has a million lines, and a cells array and a string for each code, period and odd cell
   * were much of their cost. The same row as plainRow sees — cells as the CSV reader would give
   * them, a unit name normalised to NFC — and the same outcome: accepted here, or false having
   * changed nothing, and the line is then split and takes the usual way (test/plain-rows.test.ts
   * runs whole returns both ways). text[start, end) is the line without its ending.
   *
   * Only a line of printable ASCII takes it (letters beyond it in the unit name only): a quote,
   * tab or control character, or a replacement character, leaves it to the CSV reader.
   *
   * `text` may also be the line's UTF-8 bytes, not yet decoded (io/csv-records.ts readCsvBytes):
   * then a unit name beyond ASCII is taken only when its bytes are those of a name already read
   * as text for the same code, and a unit not yet known with such a name leaves the line to be
   * decoded. A line all in ASCII is its text, byte for byte (latin1 reads it as UTF-8 would), so
   * its unit is looked up here as for text: the first line of each unit of a national return
   * (ten thousand of them, each followed by the next few kilobytes) no longer goes through the
   * decoder and the CSV reader. Either way the line is what its text would be, so the outcome is
   * the same.
   */
  plainLine(text: LineText, start: number, end: number, separator: number, line: number): boolean {
    const plan = this.plan;
    if (plan === null || plan.lineCells === null) return false;
    const cells = plan.lineCells;
    const namePosition = plan.identity.unit_name?.position ?? -1;
    const bytes = typeof text !== 'string';
    const scanned = bytes ? scanBytes(text, start, end, separator, cells, plan.width, namePosition) : scanLine(text, start, end, separator, cells, plan.width, namePosition);
    if (scanned === NOT_IN_PLACE) return false;
    const { starts, values, digits } = cells;

    const periodAt = (plan.identity.period ?? plan.identity.year)!.position;
    let period = this.lastPlainPeriod !== null && sameText(text, starts[periodAt]!, starts[periodAt + 1]! - 1, this.lastPeriodCell) ? this.lastPlainPeriod : null;
    if (!period) {
      // The cell is ASCII: as checkRow reads it, trimmed, with nothing to normalise.
      const periodCell = cellText(text, starts[periodAt]!, starts[periodAt + 1]! - 1);
      period = this.readPlainPeriod(periodCell, periodCell.trim());
      if (!period) return false;
    }
    const systems = unitSystemsFor(period);
    if (systems.length !== 1) return false;

    const codeAt = plan.identity.unit_code!.position;
    const codeFrom = starts[codeAt]!;
    const codeTo = starts[codeAt + 1]! - 1;
    // digitsKey of the cell, from its digits when it is 1–5 of them.
    const key = digits[codeAt] === 1 && codeTo - codeFrom <= 5 ? values[codeAt]! * 8 + (codeTo - codeFrom) : digitsKey(cellText(text, codeFrom, codeTo));
    const units = this.plainUnits[systems[0]!];
    const known = units.get(key);
    const nameFrom = namePosition < 0 ? 0 : starts[namePosition]!;
    const nameTo = namePosition < 0 ? 0 : starts[namePosition + 1]! - 1;
    let unit: Unit;
    let entry: PlainUnit | undefined;
    if (known !== undefined && (scanned === NAME_BEYOND_ASCII && bytes ? sameBytes(text, nameFrom, nameTo, (known.nameBytes ??= Buffer.from(known.name))) : sameText(text, nameFrom, nameTo, known.name))) {
      entry = known;
      unit = known.unit;
    } else if (bytes && scanned === NAME_BEYOND_ASCII) return false;
    else {
      const code = cellText(text, codeFrom, codeTo).trim();
      let nameCell = cellText(text, nameFrom, nameTo);
      if (scanned === NAME_BEYOND_ASCII) nameCell = nameCell.normalize('NFC');
      // The same name in another Unicode form (decomposed, as some Mac software writes it).
      if (known !== undefined && known.name === nameCell) {
        entry = known;
        unit = known.unit;
      } else {
        const resolved = this.resolvePlainUnit(units, key, known, code, nameCell.trim(), nameCell, systems);
        if (!resolved) return false;
        unit = resolved;
      }
    }
    const figures = this.lineReaderFor(plan, unit.level)(text, cells);
    if (figures === null) return false;
    if (!this.checker.acceptPlain(unit, period, figures, this.file, line, plan.rules)) return false;
    if (entry !== undefined) this.votePlain(entry);
    else this.vote(unit);
    this.checker.stats.rows++;
    this.checker.stats.rowsAccepted++;
    return true;
  }

  /**
   * A plain row's period from its cell's text as checkRow reads it (`text`), or null; remembered
   * with the cell as read (`cell`), for the rows of the same period that follow.
   */
  private readPlainPeriod(cell: string, text: string): Period | null {
    // The checker keeps each period text's Period.
    const period = text === '' ? null : this.checker.period(text);
    if (period) {
      this.lastPeriodCell = cell;
      this.lastPlainPeriod = period;
    }
    return period;
  }

  /**
   * A plain row's unit, resolved as checkRow resolves it from its code and name (`code`, `name`,
   * as checkRow reads them), or null for a row that must take the full path. Kept under `key`
   * with the name cell as read (`nameCell`) only when the look-up does not depend on the file (a
   * code found as written, in one list: what the gazetteer itself remembers) and notes nothing.
   */
  private resolvePlainUnit(units: PlainUnits, key: number | string, known: PlainUnit | undefined, code: string, name: string, nameCell: string, systems: readonly Unit['system'][]): Unit | null {
    const resolution = this.checker.parts.gazetteer.resolve(code, name, systems, this.currentContext());
    if (!resolution.ok || resolution.notes.length > 0 || resolution.unit.code !== code) return null;
    if (known === undefined) units.set(key, { name: nameCell, unit: resolution.unit, province: this.checker.parts.gazetteer.province(resolution.unit).code, district: districtVoteOf(resolution.unit) });
    return resolution.unit;
  }

  /** One line reader per header and reporting level, as readerFor. */
  private lineReaderFor(plan: HeaderPlan, level: UnitLevel): LineReader {
    if (plan.lastLineReaderLevel === level) return plan.lastLineReader!;
    let reader = plan.lineReaders.get(level);
    if (!reader) {
      reader = compileLineReader(this.figureColumns(plan), this.convention, level);
      plan.lineReaders.set(level, reader);
    }
    plan.lastLineReader = reader;
    plan.lastLineReaderLevel = level;
    return reader;
  }

  /**
   * A form's "Tổng cộng" row: no code, a name that says total. antt adds up by itself, so the
   * row is read past rather than reported as an unknown unit.
   */
  private isTotalRow(cells: readonly RawCell[], plan: HeaderPlan): boolean {
    if (this.cell(cells, plan.identity.unit_code) !== '') return false;
    const name = foldKey(this.cell(cells, plan.identity.unit_name));
    return TOTAL_ROW_NAMES.has(name);
  }

  private where(place: RowPlace) {
    return { file: this.file, line: place.line ?? null, record: place.record ?? null };
  }

  private reject(findings: readonly Finding[], unit?: Unit): void {
    this.checker.stats.rowsRejected++;
    if (unit) this.checker.flaggedUnits.add(unit.system + unit.code);
    for (const f of findings) this.emit(f);
  }

  private cell(cells: readonly RawCell[], column: ColumnPlan | undefined): string {
    if (!column) return '';
    const value = cells[column.position];
    if (value === null || value === undefined) return '';
    const text = typeof value === 'string' ? value : String(value);
    // Codes, years and periods are ASCII, which NFC leaves as it is: skip the look-up.
    return (isAscii(text) ? text : text.normalize('NFC')).trim();
  }

  private checkRow(cells: readonly RawCell[], place: RowPlace, plan: HeaderPlan, final: boolean): void {
    const where = this.where(place);
    const findings: Finding[] = [];

    const periodColumn = plan.identity.period ?? plan.identity.year;
    const periodText = this.cell(cells, periodColumn);
    const period = periodText === '' ? null : this.checker.period(periodText);
    if (!period) {
      findings.push(
        periodText === ''
          ? finding('missing-period', { ...where, column: periodColumn?.header ?? null })
          : finding('bad-period', { ...where, column: periodColumn?.header ?? null, value: periodText }),
      );
      this.reject(findings);
      return;
    }

    const code = this.cell(cells, plan.identity.unit_code);
    const name = this.cell(cells, plan.identity.unit_name);
    const systems = unitSystemsFor(period);
    const resolution = this.checker.parts.gazetteer.resolve(code, name, systems, this.currentContext());
    if (!resolution.ok) {
      if (resolution.problem.code === 'ambiguous-unit' && !final && code === '') {
        // Kept past this line: figures handed over in the lane become their digits again.
        this.deferred.push({ cells: cells.map((c, i) => (c === DIGITS ? String(plan.lane!.values[i]) : c)), place, plan });
        return;
      }
      this.reject([this.unitProblem(resolution, code || name, code ? plan.identity.unit_code : plan.identity.unit_name, where, period)]);
      return;
    }
    const unit = resolution.unit;
    this.vote(unit);
    for (const note of resolution.notes) {
      const column = note.code === 'leading-zeros-dropped' ? plan.identity.unit_code : plan.identity.unit_name;
      findings.push(
        finding(note.code, {
          ...where,
          column: column?.header ?? null,
          unit: unitLabel(unit),
          value: note.given,
          params: { official: note.code === 'leading-zeros-dropped' ? note.official : unit.name, name: unit.name },
        }),
      );
    }

    const values = plan.shape === 'wide' ? this.wideValues(cells, plan, unit.level, where, findings) : this.longValue(cells, plan, unit.level, where, findings);
    if (findings.some((f) => f.level === 'error')) {
      this.reject(
        findings.map((f) => ({ ...f, unit: f.unit ?? unitLabel(unit) })),
        unit,
      );
      return;
    }
    const duplicates = this.checker.accept(unit, period, values, where, plan.shape);
    const all = duplicates.length === 0 ? findings : findings.length === 0 ? duplicates : [...findings, ...duplicates];
    if (duplicates.some((f) => f.level === 'error')) this.reject(all, unit);
    else {
      this.checker.stats.rowsAccepted++;
      for (const f of all) this.emit(f);
    }
  }

  /** The figure columns of a header, as the row readers take them. */
  private figureColumns(plan: HeaderPlan) {
    return plan.values.map((v) => ({ indicator: v.indicator, index: v.index, position: v.position, header: plan.headerOf.get(v.position) ?? null }));
  }

  /** One compiled row reader per header and reporting level (see row-reader.ts). */
  private readerFor(plan: HeaderPlan, level: UnitLevel): RowReader {
    // Rows of one level follow each other: the last reader is at hand without a look-up.
    if (plan.lastReaderLevel === level) return plan.lastReader!;
    let reader = plan.readers.get(level);
    if (!reader) {
      reader = compileRowReader(
        this.figureColumns(plan),
        this.convention,
        level,
        plan.lane?.values,
      );
      plan.readers.set(level, reader);
    }
    plan.lastReader = reader;
    plan.lastReaderLevel = level;
    return reader;
  }

  private wideValues(cells: readonly RawCell[], plan: HeaderPlan, level: UnitLevel, where: ReturnType<FileChecker['where']>, findings: Finding[]) {
    const reading = this.readerFor(plan, level)(cells);
    for (const problem of reading.problems) {
      findings.push(
        finding(problem.code, {
          ...where,
          column: plan.headerOf.get(problem.column.position) ?? null,
          indicator: problem.column.indicator.id,
          value: problem.raw === null || problem.raw === undefined ? '' : String(problem.raw),
          params: problem.params,
        }),
      );
    }
    return reading.figures;
  }

  private longValue(cells: readonly RawCell[], plan: HeaderPlan, level: UnitLevel, where: ReturnType<FileChecker['where']>, findings: Finding[]) {
    const { catalogue } = this.checker.parts;
    const name = this.cell(cells, plan.identity.indicator);
    const match = catalogue.matchHeader(name);
    if (match.kind !== 'indicator' || match.indicator.kind === 'ratio') {
      findings.push(
        finding('unknown-indicator', {
          ...where,
          column: plan.identity.indicator?.header ?? null,
          value: name,
          params: { suggestions: match.kind === 'unknown' ? match.suggestions.join(', ') || null : null },
        }),
      );
      return [];
    }
    const raw = cells[plan.identity.value!.position];
    const parsed = cellSchema(match.indicator, this.convention, level).safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) findings.push(cellFinding(issue, where, plan.identity.value!.header, match.indicator.id, raw));
      return [];
    }
    if (parsed.data.status !== 'value') return [];
    return [{ indicator: match.indicator, index: match.index, scaled: parsed.data.scaled, column: plan.identity.value!.header }];
  }

  private unitProblem(resolution: Extract<Resolution, { ok: false }>, given: string, column: ColumnPlan | undefined, where: ReturnType<FileChecker['where']>, period: Period): Finding {
    const { gazetteer } = this.checker.parts;
    const problem = resolution.problem;
    const base = { ...where, column: column?.header ?? null, value: given };
    switch (problem.code) {
      case 'missing-unit':
        return finding('missing-unit', { ...where });
      case 'unknown-unit':
        return finding('unknown-unit', {
          ...base,
          params: { period: period.label, suggestions: problem.suggestions.map((u) => `${u.code} ${gazetteer.describe(u)}`).join('; ') || null },
        });
      case 'ambiguous-unit':
        return finding('ambiguous-unit', { ...base, params: { candidates: problem.candidates.map((u) => `${u.code} ${gazetteer.describe(u)}`).join('; ') } });
      case 'unit-retired':
        return finding('unit-retired', {
          ...base,
          unit: unitLabel(problem.unit),
          params: {
            period: period.label,
            official: gazetteer.describe(problem.unit),
            successors: problem.successors.map((s) => `${s.new_code} ${s.new_name}${s.kind === 'partial' ? ' (một phần / part)' : ''}`).join('; ') || null,
          },
        });
      case 'unit-not-yet':
        return finding('unit-not-yet', { ...base, unit: unitLabel(problem.unit), params: { period: period.label, official: gazetteer.describe(problem.unit) } });
    }
  }

  /** The province of the last unit voted for, by its parent: a file's rows come district by district. */
  private lastParent: string | null = null;
  private lastSystem: Unit['system'] | null = null;
  private lastProvince = '';

  private vote(unit: Unit): void {
    if (unit.parentCode === null || unit.parentCode !== this.lastParent || unit.system !== this.lastSystem) {
      this.lastProvince = this.checker.parts.gazetteer.province(unit).code;
      this.lastParent = unit.parentCode;
      this.lastSystem = unit.system;
    }
    this.provinceVotes.add(this.lastProvince);
    const district = districtVoteOf(unit);
    if (district) this.districtVotes.add(district);
  }

  /** vote, for a plain row's unit as its entry keeps it. */
  private votePlain(entry: PlainUnit): void {
    this.provinceVotes.add(entry.province);
    if (entry.district) this.districtVotes.add(entry.district);
  }

  /** The province and district most rows of this file belong to, else the data folder's. */
  private context: UnitContext | undefined;

  /** The file's context, worked out only when a look-up asks (a name without a code): most rows don't. */
  private currentContext(): UnitContext {
    if (!this.context) {
      const base = this.checker.parts.context;
      const provinceVotes = this.provinceVotes;
      const districtVotes = this.districtVotes;
      this.context = {
        get provinceCode() {
          return base.provinceCode ?? provinceVotes.leader();
        },
        get districtCode() {
          return base.districtCode ?? districtVotes.leader();
        },
      };
    }
    return this.context;
  }

  /** Resolves the rows whose unit name was ambiguous until the rest of the file was read. */
  end(): void {
    const pending = this.deferred.splice(0);
    for (const row of pending) this.checkRow(row.cells, row.place, row.plan, true);
  }
}

/**
 * One word of the set of indicators a row reports (word 0: catalogue indexes 0–31, word 1: the
 * rest). Indicators past the 64th (a province's own, in its config) share bits: at worst a partial
 * re-submission is taken for a conflict and reported, never silently merged.
 */
function indicatorMask(values: readonly { index: number }[], word: 0 | 1): number {
  let mask = 0;
  for (let i = 0; i < values.length; i++) {
    const index = values[i]!.index;
    if ((index < 32 ? 0 : 1) === word) mask |= 1 << (index % 32);
  }
  return mask >>> 0;
}

/** A plain row's unit, with the name cell it came with. */
interface PlainUnit {
  name: string;
  /** The name's UTF-8 bytes, made when a line in bytes first needs them (see plainLine). */
  nameBytes?: Buffer;
  unit: Unit;
  /** What a row of the unit votes for (see FileChecker.vote), found once. */
  province: string;
  district: string | null;
}
/** Plain rows' units of one list, by code cell as read (see digitsKey). */
type PlainUnits = Map<number | string, PlainUnit>;

/** The district a row of the unit votes for: an old-list commune's, or a district's own; none for others. */
function districtVoteOf(unit: Unit): string | null {
  return unit.level === 'commune' && unit.system === 'old' ? unit.parentCode : unit.level === 'district' ? unit.code : null;
}

/** Whether text[from, to) is `other` (for bytes: ASCII bytes, each the character it codes). */
function sameText(text: LineText, from: number, to: number, other: string): boolean {
  if (to - from !== other.length) return false;
  if (typeof text === 'string') {
    for (let i = 0; i < other.length; i++) if (text.charCodeAt(from + i) !== other.charCodeAt(i)) return false;
  } else {
    for (let i = 0; i < other.length; i++) if (text[from + i] !== other.charCodeAt(i)) return false;
  }
  return true;
}

/** Whether bytes[from, to) are `other`. */
function sameBytes(bytes: Buffer, from: number, to: number, other: Buffer): boolean {
  if (to - from !== other.length) return false;
  for (let i = 0; i < other.length; i++) if (bytes[from + i] !== other[i]) return false;
  return true;
}

/** A code cell of one to five digits as a number (its value and its length: "04213" is not "4213"), else the text. */
function digitsKey(cell: string): number | string {
  const length = cell.length;
  if (length === 0 || length > 5) return cell;
  let value = 0;
  for (let i = 0; i < length; i++) {
    const digit = cell.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return cell;
    value = value * 10 + digit;
  }
  return value * 8 + length;
}

/** The plain path of rows (FileChecker.plainRow): ANTT_PLAIN_ROWS=0 turns it off, for the tests that compare. */
const PLAIN_ROWS = process.env.ANTT_PLAIN_ROWS !== '0';

const TOTAL_ROW_NAMES = new Set(['tong cong', 'tong so', 'tong', 'cong', 'total', 'toan tinh', 'toan huyen', 'tong cong toan tinh', 'tong cong toan huyen']);

/** Counts of keys that mostly come in runs (rows of one district after another): one compare a row. */
class Tally {
  private readonly counts = new Map<string, number>();
  // The key of the run counted in `run`: a string even when there is none (run 0), so that the
  // compare in `add` stays a compare of strings (null here threw away the rows' compiled code,
  // in every thread).
  private last = '';
  private run = 0;

  add(key: string): void {
    if (key === this.last) {
      this.run++;
      return;
    }
    this.flush();
    this.last = key;
    this.run = 1;
  }

  /** The key counted most (the first of equals, in the order first seen). */
  leader(): string | null {
    this.flush();
    return leader(this.counts);
  }

  private flush(): void {
    if (this.run > 0) this.counts.set(this.last, (this.counts.get(this.last) ?? 0) + this.run);
    this.last = '';
    this.run = 0;
  }
}

function leader(votes: Map<string, number>): string | null {
  let best: string | null = null;
  let most = 0;
  for (const [key, count] of votes) {
    if (count > most) {
      best = key;
      most = count;
    }
  }
  return best;
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

function isBlank(cell: RawCell): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

function cellFinding(
  issue: { message: string; params?: unknown },
  where: { file: string; line: number | null; record: number | null },
  column: string | null,
  indicator: string,
  raw: RawCell,
): Finding {
  const params = (issue.params ?? { finding: 'bad-number' }) as CellIssueParams;
  const { finding: code, ...rest } = params;
  return finding(code as FindingCode, { ...where, column, indicator, value: raw === null || raw === undefined ? '' : String(raw), params: rest });
}

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(position: number): string {
  let n = position + 1;
  let letters = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
