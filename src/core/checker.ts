/**
 * Checking returns: header plan, rows, units, periods, cells, duplicates across files and
 * cross-field rules. Pure: readers push header and rows in; findings and accepted figures come
 * out. Nothing here reads a file or prints.
 */
import type { Indicator } from '../../schemas/catalogue.js';
import { cellSchema, type CellIssueParams, type RawCell } from '../../schemas/return.js';
import { compileRowReader, type CellProblemAt, type RowFigure, type RowReader } from './row-reader.js';
import { CellsView, cellsOf, isBlank, type RowView } from './row-view.js';
import { kindOf } from './kinds.js';
import type { UnitLevel } from '../../schemas/units.js';
import type { Catalogue } from './catalogue.js';
import { finding, type Finding, type FindingCode, type Params } from './findings.js';
import { FindingCounts } from './finding-counts.js';
import { foldKey } from './text.js';
import type { Gazetteer, Resolution, Unit, UnitContext } from './gazetteer.js';
import type { NumberConvention } from './numbers.js';
import { ONE_LIST, parsePeriod, unitSystemsFor, type Period } from './period.js';
import { anyRuleBroken, brokenRules, compileRules, type CompiledRule } from './rules.js';
import { figurePrint } from './row-table.js';
import { HeaderPlanner, type ColumnPlan, type HeaderPlan } from './header-plan.js';
import { RepeatCheck, unitLabel, type Location } from './repeats.js';
import type { ValidationReport } from './report.js';

/** Where a row came from. */
export interface RowPlace {
  line?: number | null;
  record?: number | null;
}

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
  /**
   * Remember what a row's judgement decided, for the rows that follow (a period cell, a unit's
   * code and name, a figure's text): on by default; off only to show it changes nothing.
   */
  memos?: boolean;
  /**
   * The unit list of the returns for 2025 and any period that straddles 1 July 2025, when the data
   * folder's config states it; otherwise each file's rows say (see FileChecker.reformList).
   */
  list2025?: Unit['system'];
}

/**
 * The check of a run's returns: a FileChecker per file judges its rows; what spans files is
 * here — counts (FindingCounts), repeats across files (RepeatCheck), header plans shared by files
 * (HeaderPlanner) and the rules of long rows, checked once every figure is in.
 */
export class ReturnChecker {
  private readonly catalogue: Catalogue;
  private readonly gazetteer: Gazetteer;
  private readonly context: UnitContext;
  private readonly onAccepted: ((row: AcceptedRow) => void) | undefined;
  /** @internal See CheckerOptions.memos. */
  readonly memos: boolean;
  /** @internal See CheckerOptions.list2025. */
  readonly list2025: Unit['system'] | null;
  /** @internal */
  readonly counts: FindingCounts;
  private readonly repeats = new RepeatCheck();
  /** @internal */
  readonly planner: HeaderPlanner;
  /** Files begun, in order: findings are sorted by it. */
  private readonly files: string[] = [];
  /** Interned periods: one object per distinct label, however many rows name it. */
  private readonly periods = new Map<string, Period>();
  private readonly periodTexts = new Map<string, Period | null>();
  private lastPeriodText = '';
  private lastPeriod: Period | null = null;
  /** A row's figures by catalogue index (NaN: not given), filled and cleared around each rule check. */
  private figures: Float64Array | undefined;

  constructor(options: CheckerOptions) {
    this.catalogue = options.catalogue;
    this.gazetteer = options.gazetteer;
    this.context = options.context ?? {};
    this.onAccepted = options.onAccepted;
    this.memos = options.memos ?? true;
    this.list2025 = options.list2025 ?? null;
    this.counts = new FindingCounts(options.keepFindings ?? 10_000, options.skip);
    this.planner = new HeaderPlanner(this.catalogue, compileRules(this.catalogue));
  }

  /** Years of the periods rows named, accepted or not: a window for a report of rows all rejected. */
  readonly years = new Set<number>();

  /** Rows read so far (for progress). */
  get rowsRead(): number {
    return this.counts.rows;
  }

  /** Units (unitKey) with a rejected row: their totals may be short. */
  get flaggedUnits(): ReadonlySet<string> {
    return this.counts.flaggedUnits;
  }

  /** Unit-years (`unitKey|year`) with a rejected row: sent, but not (all) counted. */
  get rejectedUnitYears(): ReadonlySet<string> {
    return this.counts.rejectedUnitYears;
  }

  report(f: Finding): void {
    this.counts.report(f);
  }

  /** A file that could not be read at all: reported, counted, and the others read on. */
  unreadable(file: string, error: { render(lang: 'vi' | 'en'): string; params: Record<string, unknown> }): void {
    this.counts.unreadableFile();
    this.report(finding('file-unreadable', { file, params: { vi: error.render('vi'), en: error.render('en') } }));
  }

  /** Starts a file; its rows are then given to the returned `FileChecker`. */
  beginFile(file: string, convention: NumberConvention = 'unknown', spreadsheet = false, sheet: string | null = null): FileChecker {
    this.repeats.beginFile(file);
    this.files.push(file);
    this.counts.file();
    return new FileChecker(this, file, convention, spreadsheet, sheet);
  }

  /** @internal */
  get parts() {
    return { catalogue: this.catalogue, gazetteer: this.gazetteer, context: this.context };
  }

  /** @internal A period cell, read once per distinct text: one Period object per label. */
  period(text: string): Period | null {
    // Rows of one period usually follow each other.
    if (text === this.lastPeriodText) return this.lastPeriod;
    let period = this.periodTexts.get(text);
    if (period === undefined) {
      const parsed = parsePeriod(text);
      period = parsed ? (this.periods.get(parsed.label) ?? parsed) : null;
      if (parsed) {
        this.periods.set(parsed.label, period!);
        this.years.add(parsed.year);
      }
      if (this.periodTexts.size < 10_000) this.periodTexts.set(text, period);
    }
    this.lastPeriodText = text;
    this.lastPeriod = period;
    return period;
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
   * @internal A wide row whose cells were read without a problem: its rules (`rules`, those its
   * header can break), then whether it is the first word on its unit and period. Returns the
   * findings; the row stands unless one is an error, and its figures are then handed on.
   */
  acceptWide(unit: Unit, period: Period, values: readonly RowFigure[], file: string, place: RowPlace, rules: readonly CompiledRule[]): readonly Finding[] {
    // One pass over the figures for the rules, the fingerprint and the set of indicators.
    const figures = rules.length > 0 ? (this.figures ??= new Float64Array(this.catalogue.indicators.length).fill(NaN)) : null;
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
    let findings: readonly Finding[] = NO_FINDINGS;
    const where: Location = { file, line: place.line ?? null, record: place.record ?? null };
    // Rules on the row as it stands, first: a row that breaks one is rejected, and is not the
    // first word on its unit and period.
    if (figures !== null) {
      const broken = anyRuleBroken(figures, rules);
      for (let i = 0; i < values.length; i++) figures[values[i]!.index] = NaN;
      if (broken) {
        const byIndex = new Map(values.map((v) => [v.index, v.scaled]));
        findings = brokenRules(this.catalogue, (id) => byIndex.get(this.catalogue.indexOf(id)) ?? null, { unit: unitLabel(unit), period: period.label, ...where });
        if (anyError(findings)) return findings;
      }
    }
    const repeat = this.repeats.wide(unit, period, { print, maskLow: maskLow >>> 0, maskHigh: maskHigh >>> 0 }, where);
    if (repeat !== null) return [...findings, repeat];
    this.handOn(unit, period, values, file, place.line ?? place.record ?? null);
    return findings;
  }

  /**
   * @internal Long rows (one figure each): compared figure by figure, and kept together per unit
   * and period so that rules can be checked once all of a unit's figures are in.
   */
  acceptLong(unit: Unit, period: Period, values: readonly RowFigure[], where: Location): Finding[] {
    const { findings, fresh } = this.repeats.long(unit, period, values, where);
    if (fresh.length > 0) this.handOn(unit, period, fresh, where.file, where.line ?? where.record);
    return findings;
  }

  /** Cross-field rules over everything long rows gave for each unit and period. */
  private checkLongRules(): void {
    this.repeats.eachLong((unit, period, valueOf, placeOf) => {
      let first: Location | null = null;
      const broken = brokenRules(this.catalogue, (id) => {
        const index = this.catalogue.indexOf(id);
        const value = valueOf(index);
        if (value !== null) first ??= placeOf(index);
        return value;
      }, { unit: unitLabel(unit), period: period.label });
      // The place to fix is the row that reported the rule's left side.
      for (const f of broken) this.report({ ...f, ...(placeOf(this.catalogue.indexOf(f.indicator!)) ?? first!) });
    });
  }

  finish(): ValidationReport {
    this.checkLongRules();
    const order = new Map(this.files.map((f, i) => [f, i]));
    const fileOrder = (file: string | null) => (file === null ? -1 : (order.get(file) ?? this.files.length));
    const findings = this.counts.keptFindings(fileOrder);
    const stats = this.counts.stats();
    return {
      valid: stats.errors === 0,
      stats,
      findings,
      omitted: stats.errors + stats.warnings - findings.length,
      byCode: this.counts.byCode(),
    };
  }
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
    /** A spreadsheet's sheet (`file` is `path!sheet`): put on every finding, for JSON's separate fields. */
    private readonly sheet: string | null = null,
  ) {
    this.reformList = checker.list2025;
    this.reformEvidence = checker.list2025 === null ? '' : 'antt.config.json: list_2025';
  }

  /** Reports a finding, placed at its cell in a spreadsheet. */
  private emit(f: Finding): void {
    if (this.spreadsheet && f.line !== null && f.cell === null) {
      const position = f.column !== null ? this.plan?.positions.get(f.column) : undefined;
      f = { ...f, cell: `${columnLetter(position ?? 0)}${f.line}` };
    }
    if (this.sheet !== null && f.sheet === null && f.file === this.file) f = { ...f, sheet: this.sheet };
    this.checker.report(f);
  }

  /** A finding about the whole file (encoding, malformed, empty). */
  fileFinding(code: FindingCode, params: Params = {}, place: RowPlace = {}): void {
    this.emit(finding(code, { file: this.file, line: place.line ?? null, record: place.record ?? null, params }));
  }

  /** A row that cannot be read at all (undecodable bytes, not a record): counted and rejected. */
  badRow(code: FindingCode, params: Params, place: RowPlace, cell: string | null = null): void {
    this.checker.counts.row();
    this.reject([finding(code, { ...this.where(place), params, cell })]);
  }

  /** Plans the columns of a header. Returns false when no row of it can be read. */
  header(cells: readonly string[], place: RowPlace = { line: 1 }): boolean {
    const signature = cells.join('\u0000');
    let plan = this.plans.get(signature);
    if (!plan) {
      const planned = this.checker.planner.plan(cells, this.convention);
      plan = planned.plan;
      this.plan = plan;
      // A column's problem is reported once per file, however many of its headers have it.
      for (const problem of planned.problems) {
        if (problem.header !== null) {
          if (this.reportedColumns.has(problem.code + problem.header)) continue;
          this.reportedColumns.add(problem.code + problem.header);
        }
        const { code, header, params, ...named } = problem;
        this.emit(finding(code, { ...this.where(place), ...(header !== null ? { column: header } : {}), ...named, params }));
      }
      this.plans.set(signature, plan);
    }
    this.plan = plan;
    return plan.usable;
  }

  /** One data row, cells in header order. */
  row(cells: readonly RawCell[], place: RowPlace): void {
    this.judge(this.cells.reset(cells), place);
  }

  /** One data row, as a reader sees it (a CSV line read where it lies: io/csv/line-view.ts). */
  rowView(view: RowView, place: RowPlace): void {
    this.judge(view, place);
  }

  /** The view rows given as cells are seen through, reset for each. */
  private readonly cells = new CellsView();

  /**
   * The judgement of a row, whatever reader it came from: whether it is a row at all, its period,
   * its unit, its figures, the rules it keeps and whether it repeats another; its findings made
   * and, if it stands, its figures handed on. This is the only place that decides about a row.
   * What makes it fast only remembers what it decided before (`memos`): a period cell like the
   * last row's, a unit code and name like those of a row before, a figure's text already read.
   */
  private judge(view: RowView, place: RowPlace): void {
    const plan = this.plan;
    if (!plan) return;
    if (view.blank()) return;
    if (!plan.usable) {
      // Its header lacks a unit or period column (reported once): every row read is rejected.
      this.checker.counts.row();
      this.checker.counts.rejected();
      return;
    }
    if (this.isTotalRow(view, plan)) return;
    this.checker.counts.row();
    if (view.width !== plan.width && !(view.width > plan.width && blankFrom(view, plan.width))) {
      this.reject([finding('ragged-row', { ...this.where(place), params: { cells: view.width, expected: plan.width } })]);
      return;
    }
    this.checkRow(view, place, plan, false);
  }

  /**
   * A form's "Tổng cộng" row: no code, a name that says total. antt adds up by itself, so the
   * row is read past rather than reported as an unknown unit.
   */
  private isTotalRow(view: RowView, plan: HeaderPlan): boolean {
    const code = plan.identity.unit_code;
    if (code !== undefined && view.digits(code.position) >= 0) return false;
    if (this.cell(view, code) !== '') return false;
    return TOTAL_ROW_NAMES.has(foldKey(this.cell(view, plan.identity.unit_name)));
  }

  private where(place: RowPlace) {
    return { file: this.file, line: place.line ?? null, record: place.record ?? null };
  }

  private reject(findings: readonly Finding[], unit?: Unit, period?: Period): void {
    this.checker.counts.rejected(unit, period?.year);
    for (const f of findings) this.emit(f);
  }

  /** A cell as the checks read it: text, NFC, trimmed. */
  private cell(view: RowView, column: ColumnPlan | undefined): string {
    return column === undefined ? '' : view.text(column.position).trim();
  }

  private checkRow(view: RowView, place: RowPlace, plan: HeaderPlan, final: boolean): void {
    const periodColumn = plan.identity.period ?? plan.identity.year;
    const period = this.periodOf(view, periodColumn);
    if (!period) {
      const periodText = this.cell(view, periodColumn);
      const where = this.where(place);
      this.reject([
        periodText === ''
          ? finding('missing-period', { ...where, column: periodColumn?.header ?? null })
          : finding('bad-period', { ...where, column: periodColumn?.header ?? null, value: periodText }),
      ]);
      return;
    }

    let systems = unitSystemsFor(period);
    if (systems.length > 1) {
      // 2025, or a period across 1 July 2025: the file's list, once the file has said which.
      const list = this.reformList ?? this.listFromRow(view, plan, place);
      if (list === null && !final) {
        this.deferred.push({ cells: cellsOf(view), place: { ...place }, plan });
        return;
      }
      systems = list === null ? this.assumeNewList(period) : ONE_LIST[list];
    }
    const resolution = this.resolveUnit(view, plan, systems);
    if (!resolution.ok) {
      const code = this.cell(view, plan.identity.unit_code);
      const name = this.cell(view, plan.identity.unit_name);
      const mixed = unitSystemsFor(period).length > 1 ? this.inOtherList(code, name, systems[0]!) : null;
      if (mixed !== null) {
        this.reject([finding('reform-list-mixed', { ...this.where(place), column: (code ? plan.identity.unit_code : plan.identity.unit_name)?.header ?? null, unit: unitLabel(mixed), value: code || name, params: { period: period.label, list: systems[0]!, other: mixed.system, evidence: this.reformEvidence } })]);
        return;
      }
      if (resolution.problem.code === 'ambiguous-unit' && !final && code === '') {
        // Kept past this line: the rest of the file may tell which unit it is.
        this.deferred.push({ cells: cellsOf(view), place: { ...place }, plan });
        return;
      }
      this.reject([this.unitProblem(resolution, code || name, code ? plan.identity.unit_code : plan.identity.unit_name, this.where(place), period)]);
      return;
    }
    const unit = resolution.unit;
    this.vote(unit);
    let findings: Finding[] | null = null;
    for (let n = 0; n < resolution.notes.length; n++) {
      const note = resolution.notes[n]!;
      const column = note.code === 'leading-zeros-dropped' ? plan.identity.unit_code : plan.identity.unit_name;
      (findings ??= []).push(
        finding(note.code, {
          ...this.where(place),
          column: column?.header ?? null,
          unit: unitLabel(unit),
          value: note.given,
          params: { official: note.code === 'leading-zeros-dropped' ? note.official : unit.name, name: unit.name },
        }),
      );
    }

    let values: readonly RowFigure[];
    if (plan.shape === 'wide') {
      const reading = this.readerFor(plan, unit.level)(view);
      values = reading.figures;
      for (let p = 0; p < reading.problems.length; p++) (findings ??= []).push(this.cellProblem(reading.problems[p]!, plan, place, period));
    } else {
      values = this.longValue(view, plan, unit.level, place, (findings ??= []));
      // As a wide row's cells: each finding says the row's period.
      for (let i = 0; i < findings.length; i++) if (findings[i]!.params.period === undefined) findings[i] = { ...findings[i]!, params: { ...findings[i]!.params, period: period.label } };
    }
    if (findings !== null && anyError(findings)) {
      this.reject(
        findings.map((f) => ({ ...f, unit: f.unit ?? unitLabel(unit) })),
        unit,
        period,
      );
      return;
    }
    const more = plan.shape === 'wide' ? this.checker.acceptWide(unit, period, values, this.file, place, plan.rules) : this.checker.acceptLong(unit, period, values, this.where(place));
    const all = more.length === 0 ? (findings ?? NO_FINDINGS) : findings === null || findings.length === 0 ? more : [...findings, ...more];
    if (anyError(more)) this.reject(all, unit, period);
    else {
      this.checker.counts.accepted();
      for (let i = 0; i < all.length; i++) this.emit(all[i]!);
    }
  }

  /**
   * The unit list of this file's rows for 2025 and periods across 1 July 2025: one form is one
   * list. Stated by the data folder's config, else by the first such row whose unit is in one
   * list only (its code, or its code and name); rows before it wait (see end).
   */
  private reformList: Unit['system'] | null;
  /** What decided reformList, for messages: the config, or the row that showed it. */
  private reformEvidence: string;

  /** The list this row's unit is in, when it is in one list only (and then the file's list from here on). */
  private listFromRow(view: RowView, plan: HeaderPlan, place: RowPlace): Unit['system'] | null {
    const code = this.cell(view, plan.identity.unit_code);
    const name = this.cell(view, plan.identity.unit_name);
    const { gazetteer } = this.checker.parts;
    const clean = (system: Unit['system']) => {
      const resolution = gazetteer.resolve(code, name, ONE_LIST[system], this.currentContext());
      return resolution.ok && resolution.notes.length === 0 ? resolution.unit : null;
    };
    const old = clean('old');
    const current = clean('new');
    if ((old === null) === (current === null)) return null;
    const unit = (old ?? current)!;
    this.reformList = unit.system;
    this.reformEvidence = `${place.line !== undefined && place.line !== null ? `dòng / line ${place.line}` : `#${place.record ?? ''}`}: ${unitLabel(unit)}`;
    return unit.system;
  }

  /** No row of the file said which list: the new one (what annual 2025 returns use), said once per file. */
  private assumeNewList(period: Period): readonly Unit['system'][] {
    this.reformList = 'new';
    this.reformEvidence = 'không dòng nào cho biết / no row said';
    this.emit(finding('reform-list-assumed', { file: this.file, params: { period: period.label } }));
    return ONE_LIST.new;
  }

  /** A unit that is in the other list than the file's, found cleanly there: the row mixes the lists. */
  private inOtherList(code: string, name: string, list: Unit['system']): Unit | null {
    const other = list === 'old' ? 'new' : 'old';
    const resolution = this.checker.parts.gazetteer.resolve(code, name, ONE_LIST[other], this.currentContext());
    return resolution.ok && resolution.notes.length === 0 ? resolution.unit : null;
  }

  /** The last period cell read as text, and its period: rows of one period follow each other. */
  private lastPeriodCell = '';
  private lastPeriod: Period | null = null;

  /** A row's period, or null when its cell is empty or not a period. */
  private periodOf(view: RowView, column: ColumnPlan | undefined): Period | null {
    if (column === undefined) return null;
    if (this.lastPeriod !== null && view.is(column.position, this.lastPeriodCell)) return this.lastPeriod;
    const cell = view.text(column.position);
    const text = cell.trim();
    // The checker keeps each period text's Period.
    const period = text === '' ? null : this.checker.period(text);
    if (period !== null && this.checker.memos) {
      this.lastPeriodCell = cell;
      this.lastPeriod = period;
    }
    return period;
  }

  /**
   * Units already resolved, by list and code cell as read (see codeKey), with the name cell they
   * came with: kept only when the answer cannot depend on the rest of the file (a code found as
   * written, in one list, with nothing to note), which is what the gazetteer itself would answer.
   */
  private readonly knownUnits: Record<Unit['system'], Map<number | string, KnownUnit>> = { old: new Map(), new: new Map() };

  private resolveUnit(view: RowView, plan: HeaderPlan, systems: readonly Unit['system'][]): Resolution {
    const codeColumn = plan.identity.unit_code;
    const nameColumn = plan.identity.unit_name;
    const known = this.checker.memos && systems.length === 1 && codeColumn !== undefined ? this.knownUnits[systems[0]!] : null;
    let key: number | string = '';
    if (known !== null) {
      key = codeKey(view, codeColumn!.position);
      const entry = known.get(key);
      if (entry !== undefined && (nameColumn === undefined || view.is(nameColumn.position, entry.name))) return entry.resolution;
    }
    const code = this.cell(view, codeColumn);
    const resolution = this.checker.parts.gazetteer.resolve(code, this.cell(view, nameColumn), systems, this.currentContext());
    if (known !== null && resolution.ok && resolution.notes.length === 0 && resolution.unit.code === code && !known.has(key)) {
      known.set(key, { name: nameColumn === undefined ? '' : view.text(nameColumn.position), resolution });
    }
    return resolution;
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
      reader = compileRowReader(this.figureColumns(plan), this.convention, level, this.checker.memos);
      plan.readers.set(level, reader);
    }
    plan.lastReader = reader;
    plan.lastReaderLevel = level;
    return reader;
  }

  private cellProblem(problem: CellProblemAt, plan: HeaderPlan, place: RowPlace, period: Period): Finding {
    return finding(problem.code, {
      ...this.where(place),
      column: plan.headerOf.get(problem.column.position) ?? null,
      indicator: problem.column.indicator.id,
      value: problem.raw === null || problem.raw === undefined ? '' : String(problem.raw),
      // The row's period: a to-do list of findings says which year each is of.
      params: { ...problem.params, period: period.label },
    });
  }

  private longValue(view: RowView, plan: HeaderPlan, level: UnitLevel, place: RowPlace, findings: Finding[]): RowFigure[] {
    const { catalogue } = this.checker.parts;
    const where = this.where(place);
    const name = this.cell(view, plan.identity.indicator);
    const match = catalogue.matchHeader(name);
    if (match.kind !== 'indicator' || kindOf(match.indicator).cells === 'computed') {
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
    const raw = view.raw(plan.identity.value!.position);
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
    for (const row of pending) this.checkRow(this.cells.reset(row.cells), row.place, row.plan, true);
  }
}

/** A unit resolved before, with the name cell it came with (see FileChecker.resolveUnit). */
interface KnownUnit {
  name: string;
  resolution: Resolution;
}

/** The district a row of the unit votes for: an old-list commune's, or a district's own; none for others. */
function districtVoteOf(unit: Unit): string | null {
  return unit.level === 'commune' && unit.system === 'old' ? unit.parentCode : unit.level === 'district' ? unit.code : null;
}

/** Whether any of the findings is an error (a loop, not a closure made for each row). */
function anyError(findings: readonly Finding[]): boolean {
  for (let i = 0; i < findings.length; i++) if (findings[i]!.level === 'error') return true;
  return false;
}

/** A code cell of one to five digits as a number (its value and its length: "04213" is not "4213"), else its text. */
function codeKey(view: RowView, position: number): number | string {
  const value = view.digits(position);
  const length = view.length(position);
  return value >= 0 && length <= 5 ? value * 8 + length : view.text(position);
}

/** Whether the cells from `position` on are all blank (a row longer than its header only by empty cells). */
function blankFrom(view: RowView, position: number): boolean {
  for (let i = position; i < view.width; i++) if (!isBlank(view.raw(i))) return false;
  return true;
}

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
