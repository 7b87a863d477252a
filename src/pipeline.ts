/**
 * Reading and checking returns: the edges (files, decoding) around the pure checker. Both
 * `validate` and `aggregate` go through here, so both report the same findings.
 */
import type { UnitLevel } from '../schemas/units.js';
import { ReturnChecker, type AcceptedRow } from './core/checker.js';
import type { AggregateReport, ValidationReport } from './core/report.js';
import { completeness, countOutliers, outlierFindings, rulesAfterRollup, type Completeness } from './core/check.js';
import { finding, type Finding } from './core/findings.js';
import { Rollup, type Prefer } from './core/rollup.js';
import { AnttError } from './io/errors.js';
import { Catalogue, identityColumns } from './core/catalogue.js';
import { Vocabulary } from './core/encoding.js';
import { REFORM_YEAR, type Gazetteer } from './core/gazetteer.js';
import { collectInputs, displayPath, type Inputs } from './io/inputs.js';
import { formatOf, readCsv, readJson, type CsvFastPaths } from './io/read-returns.js';
import { readXlsx } from './io/read-xlsx.js';
import type { ProgressState } from './io/progress.js';
import { gazetteerFor, loadCatalogueData } from './io/shipped.js';

export interface CheckOptions {
  /** Where accepted rows go (the aggregate's rollup); none when only checking. */
  rollup?: Rollup;
  keepFindings?: number;
  /** Warning codes not to report (`--skip`). */
  skip?: readonly string[];
  /** Updated as files are read, for a progress line. */
  progress?: ProgressState;
}

export interface CheckResult {
  report: ValidationReport;
  /** Years of the periods the rows named, accepted or not. */
  yearsNamed?: number[];
  inputs: Inputs;
  catalogue: Catalogue;
  gazetteer: Gazetteer;
}

/** The shipped catalogue, plus whatever indicators and rules a data folder's config adds. */
export function catalogueFor(inputs: Inputs | null): Catalogue {
  const data = loadCatalogueData();
  if (!inputs?.config) return new Catalogue(data);
  const config = inputs.config;
  const known = new Set([...data.indicators, ...config.indicators].map((i) => i.id));
  const problems: string[] = [];
  if (config.programme && !data.programmes.some((p) => p.id === config.programme)) {
    problems.push(`programme: "${config.programme}" is not one of ${data.programmes.map((p) => p.id).join(', ')}`);
  }
  for (const id of config.form ?? []) if (!known.has(id)) problems.push(`form: unknown indicator "${id}"`);
  for (const rule of config.rules) for (const id of [...rule.left, ...rule.right]) if (!known.has(id)) problems.push(`rules.${rule.id}: unknown indicator "${id}"`);
  if (problems.length > 0) throw new AnttError('bad-config', { path: inputs.configPath ?? '', detail: problems.join('; ') });
  return new Catalogue({
    ...data,
    indicators: [...data.indicators, ...inputs.config.indicators.filter((i) => !data.indicators.some((d) => d.id === i.id))],
    rules: [...data.rules, ...inputs.config.rules],
  });
}

function vocabularyOf(gazetteer: Gazetteer, catalogue: Catalogue): Vocabulary {
  const vocabulary = new Vocabulary();
  for (const system of ['old', 'new'] as const) for (const unit of gazetteer.units(system)) vocabulary.add(unit.name);
  for (const indicator of catalogue.indicators) {
    vocabulary.add(indicator.label_vi);
    for (const alias of indicator.aliases) vocabulary.add(alias);
  }
  for (const names of Object.values(identityColumns)) for (const name of names) vocabulary.add(name);
  return vocabulary;
}

export async function checkReturns(paths: readonly string[], options: CheckOptions = {}): Promise<CheckResult> {
  const inputs = collectInputs(paths);
  const catalogue = catalogueFor(inputs);
  const gazetteer = gazetteerFor(inputs.config, inputs.configPath);
  return readReturns(inputs, catalogue, gazetteer, options);
}

/** The words of unit names and headers, made only when a file's encoding must be guessed. */
export function lazyVocabularyOf(gazetteer: Gazetteer, catalogue: Catalogue): () => Vocabulary {
  let vocabulary: Vocabulary | undefined;
  return () => (vocabulary ??= vocabularyOf(gazetteer, catalogue));
}

/**
 * The ways of reading faster, none of which may change a byte of any output: all on, unless the
 * environment turns them off for a test that compares (ANTT_FAST_PATHS=0: none of them;
 * ANTT_BYTE_LINES=0: CSV lines in place as text, never as bytes). Read here, at the edge: the core
 * is told, as options.
 */
export interface FastPaths extends CsvFastPaths {
  memos: boolean;
}

export function fastPathsFromEnvironment(env: NodeJS.ProcessEnv = process.env): FastPaths {
  const all = env.ANTT_FAST_PATHS !== '0';
  return { memos: all, linesInPlace: all, byteLines: all && env.ANTT_BYTE_LINES !== '0' };
}

/** Reads one file into the checker; a file that cannot be read is reported, and the others read on. */
async function readOneFile(checker: ReturnChecker, file: string, catalogue: Catalogue, vocabulary: () => Vocabulary, fast: FastPaths): Promise<void> {
  const shown = displayPath(file);
  const format = formatOf(file);
  try {
    if (format === 'json') {
      await readJson(file, (convention) => checker.beginFile(shown, convention));
    } else if (format === 'xlsx') {
      // Each sheet is a return of its own: findings read "bao-cao.xlsx!Sheet1!B7".
      await readXlsx(file, (sheet) => checker.beginFile(`${shown}!${sheet}`, 'unknown', true, sheet), catalogue);
    } else {
      await readCsv(file, (convention) => checker.beginFile(shown, convention), vocabulary, fast);
    }
  } catch (error) {
    // One file that cannot be read does not stop the others: it is reported, and the run ends
    // with exit code 2 (a failure to operate, not a finding about the data).
    if (!(error instanceof AnttError) || (error.code !== 'file-unreadable' && error.code !== 'workbook-unreadable')) throw error;
    checker.unreadable(shown, error);
  }
}

/** Reads and checks every input file, one after another; accepted rows go to `options.rollup`. */
export async function readReturns(inputs: Inputs, catalogue: Catalogue, gazetteer: Gazetteer, options: CheckOptions = {}): Promise<CheckResult & { flaggedUnits: ReadonlySet<string>; rejectedUnitYears: ReadonlySet<string> }> {
  const rollup = options.rollup;
  const fast = fastPathsFromEnvironment();
  const checker = new ReturnChecker({
    memos: fast.memos,
    catalogue,
    gazetteer,
    context: { provinceCode: inputs.config?.province ?? null },
    ...(inputs.config?.list_2025 ? { list2025: inputs.config.list_2025 } : {}),
    ...(rollup ? { onAccepted: (row: AcceptedRow) => rollup.addRow(row) } : {}),
    ...(options.keepFindings ? { keepFindings: options.keepFindings } : {}),
    ...(options.skip?.length ? { skip: new Set(options.skip) } : {}),
  });
  if (options.progress) {
    options.progress.filesTotal = inputs.files.length;
    options.progress.rows = () => checker.rowsRead;
  }
  const vocabulary = lazyVocabularyOf(gazetteer, catalogue);
  for (const file of inputs.files) {
    await readOneFile(checker, file, catalogue, vocabulary, fast);
    if (options.progress) {
      options.progress.filesDone++;
      // Small files are parsed from memory without waiting on I/O: let the progress timer run.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
  return { report: checker.finish(), inputs, catalogue, gazetteer, flaggedUnits: checker.flaggedUnits, rejectedUnitYears: checker.rejectedUnitYears, yearsNamed: [...checker.years].sort((a, b) => a - b) };
}

export interface AggregateOptions {
  from?: number;
  to?: number;
  /** Levels to show (see BuildOptions.levels). */
  levels?: UnitLevel[];
  indicators?: string[];
  prefer: Prefer;
  byYear: boolean;
  keepFindings?: number;
  progress?: ProgressState;
  skip?: readonly string[];
}

export interface AggregateResult {
  aggregate: AggregateReport;
  validation: ValidationReport;
  /** Unusual figures in the window (listed by `antt check`; only counted here). */
  outliers: number;
}

/** Reads and checks every return, feeding each accepted figure to a rollup. */
async function readIntoRollup(paths: readonly string[], options: { keepFindings?: number; allowEmpty?: boolean; progress?: ProgressState; skip?: readonly string[] }) {
  const inputs = collectInputs(paths, { allowEmpty: options.allowEmpty ?? false });
  const catalogue = catalogueFor(inputs);
  const gazetteer = gazetteerFor(inputs.config, inputs.configPath);
  const rollup = new Rollup(catalogue, gazetteer);
  const read = await readReturns(inputs, catalogue, gazetteer, {
    rollup,
    ...(options.keepFindings ? { keepFindings: options.keepFindings } : {}),
    ...(options.progress ? { progress: options.progress } : {}),
    ...(options.skip ? { skip: options.skip } : {}),
  });
  return { inputs, catalogue, gazetteer, rollup, read };
}

/** Reads, checks and rolls up: the main job, `antt aggregate data/son-la`. */
export async function aggregateReturns(paths: readonly string[], options: AggregateOptions): Promise<AggregateResult> {
  const { inputs, catalogue, gazetteer, rollup, read } = await readIntoRollup(paths, options);
  const present = rollup.yearsPresent();
  // Rows all rejected still make a report (its findings, its empty figures, exit 1): over the
  // years they named.
  const years = present.length > 0 ? present : (read.yearsNamed ?? []);
  const from = options.from ?? inputs.config?.from ?? years[0];
  const to = options.to ?? inputs.config?.to ?? years[years.length - 1];
  if (from === undefined || to === undefined) {
    throw new AnttError('no-figures', { paths: paths.join(', ') });
  }
  if (from > to) throw new AnttError('bad-window', { from, to });
  // A window with no figure at all is a mistyped year, not a report of zeros.
  if (present.length > 0 && !present.some((year) => year >= from && year <= to)) throw new AnttError('empty-window', { from, to, first: present[0] ?? '', last: present[present.length - 1] ?? '' });
  let indicators = rollup.indicatorsPresent(from, to);
  if (options.indicators) {
    indicators = options.indicators.map((id) => {
      const indicator = catalogue.indicator(id);
      if (!indicator) {
        throw new AnttError('bad-option', {
          option: '--indicators',
          value: id,
          expected: `Không có chỉ tiêu này; ${suggestion(catalogue, id, 'vi')}xem \`antt indicators\`.`,
          expectedEn: `No such indicator; ${suggestion(catalogue, id, 'en')}see \`antt indicators\`.`,
        });
      }
      return indicator;
    });
  }
  const folder = inputs.config ? provinceFor(gazetteer, inputs.config.province, to) : null;
  const aggregate = rollup.build({
    from,
    to,
    ...(options.levels ? { levels: options.levels } : {}),
    indicators,
    prefer: options.prefer,
    byYear: options.byYear,
    // The config's title names its default window ("Tổng kết 10 năm … 2013–2023"); another window is another report.
    title: inputs.config?.title && (inputs.config.from ?? from) === from && (inputs.config.to ?? to) === to ? inputs.config.title : null,
    ...(folder ? { provinces: [folder.code], structure: folder.structure } : {}),
    flaggedUnits: read.flaggedUnits,
  });
  const outliers = countOutliers(rollup, catalogue, gazetteer, from, to, DEFAULT_OUTLIER_THRESHOLD);
  const outside = folder ? [...mergedAway(gazetteer, folder, to), ...outsideProvince(rollup, gazetteer, folder, to)] : [];
  return { aggregate, validation: withRollupFindings(read.report, skipped([...aggregate.findings, ...outside], options.skip)), outliers };
}

function suggestion(catalogue: Catalogue, id: string, lang: 'vi' | 'en'): string {
  const found = catalogue.suggest(id).filter((s) => catalogue.indicator(s));
  if (found.length === 0) return '';
  return lang === 'vi' ? `có phải là ${found.join(', ')}? ` : `did you mean ${found.join(', ')}? `;
}

/**
 * Figures from units of another province than the data folder's: read and checked, but not in
 * this province's report. Never dropped in silence.
 */
function outsideProvince(rollup: Rollup, gazetteer: Gazetteer, folder: FolderProvince, to: number): Finding[] {
  // A province merged away is reported as it was: its units' codes are the old list's.
  const asOf = folder.structure === 'old' ? Math.min(to, REFORM_YEAR - 1) : to;
  return rollup
    .provincesPresent(asOf)
    .filter((code) => code !== folder.code)
    .map((code) => {
      const unit = gazetteer.unit(code, asOf >= REFORM_YEAR ? 'new' : 'old') ?? gazetteer.unit(code, 'old');
      return finding('outside-province', { unit: unit ? `${unit.code} ${unit.name}` : code, params: { province: folder.code } });
    });
}

interface FolderProvince {
  code: string;
  /** `old` for a province merged away in 2025: reported as it was, whatever the window. */
  structure: 'old' | 'current';
}

/**
 * A data folder's province, as the report shows it: a province that exists after the reform in
 * today's structure (for a window that reaches 2025); one merged away (Hà Giang, into Tuyên
 * Quang) as its own history, in the structure it had.
 */
function provinceFor(gazetteer: Gazetteer, code: string, to: number): FolderProvince {
  const current = gazetteer.unit(code, 'new')?.level === 'province';
  return { code, structure: to >= REFORM_YEAR && current ? 'current' : 'old' };
}

/** A folder of a province merged away, with a window that reaches the reform: said once, with where it went. */
function mergedAway(gazetteer: Gazetteer, folder: FolderProvince, to: number): Finding[] {
  if (folder.structure !== 'old' || to < REFORM_YEAR) return [];
  const old = gazetteer.unit(folder.code, 'old');
  const into = gazetteer.unit(gazetteer.newProvinceOf(folder.code) ?? '', 'new');
  if (!old || !into) return [];
  return [finding('province-merged', { unit: `${old.code} ${old.name}`, params: { into: `${into.code} ${into.name}`, code: into.code } })];
}

/** Without the warnings the user asked not to see. */
function skipped(findings: Finding[], skip: readonly string[] | undefined): Finding[] {
  return skip?.length ? findings.filter((f) => !(f.level === 'warning' && skip.includes(f.code))) : findings;
}

/** The rollup's findings (reconciliation, overlapping periods) join the reading's. */
/** Counts by code, with more findings added. */
function countedByCode(counts: Record<string, number>, more: readonly Finding[]): Record<string, number> {
  const all = new Map(Object.entries(counts));
  for (const f of more) all.set(f.code, (all.get(f.code) ?? 0) + 1);
  return Object.fromEntries([...all].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function withRollupFindings(report: ValidationReport, extra: readonly Finding[]): ValidationReport {
  if (extra.length === 0) return report;
  const errors = extra.filter((f) => f.level === 'error').length;
  const findings = [...report.findings, ...extra].sort((a, b) => (a.level === b.level ? 0 : a.level === 'error' ? -1 : 1));
  return {
    ...report,
    valid: report.valid && errors === 0,
    stats: { ...report.stats, errors: report.stats.errors + errors, warnings: report.stats.warnings + extra.length - errors },
    findings,
    byCode: countedByCode(report.byCode, extra),
  };
}

/** Iglewicz and Hoaglin's cut-off for the modified z-score. */
export const DEFAULT_OUTLIER_THRESHOLD = 3.5;

export interface CheckFolderOptions {
  from?: number;
  to?: number;
  threshold: number;
  keepFindings?: number;
  progress?: ProgressState;
  skip?: readonly string[];
}

export interface CheckFolderResult {
  title: string | null;
  from: number;
  to: number;
  years: number[];
  completeness: Completeness;
  /** Everything to chase, errors first: reading problems, rules after rollup, reconciliation, outliers. */
  validation: ValidationReport;
}

/** `antt check`: the to-do list before a conference. */
export async function checkFolder(paths: readonly string[], options: CheckFolderOptions): Promise<CheckFolderResult> {
  const { inputs, catalogue, gazetteer, rollup, read } = await readIntoRollup(paths, { ...options, allowEmpty: true });
  // The to-do list covers every year expected (the config's window) and every year that has
  // arrived: Sông Mã's 2024 returns are news even when the review window ends in 2023, and
  // rows all rejected are news too (the years they named).
  const present = rollup.yearsPresent();
  const candidates = (pick: (years: number[]) => number | undefined) =>
    pick([...present, ...(read.yearsNamed ?? []), ...(inputs.config?.from !== undefined ? [inputs.config.from] : []), ...(inputs.config?.to !== undefined ? [inputs.config.to] : [])]);
  const from = options.from ?? candidates((y) => (y.length ? Math.min(...y) : undefined));
  const to = options.to ?? candidates((y) => (y.length ? Math.max(...y) : undefined));
  if (from === undefined || to === undefined) throw new AnttError('no-figures', { paths: paths.join(', ') });
  if (from > to) throw new AnttError('bad-window', { from, to });
  const years: number[] = [];
  for (let y = from; y <= to; y++) years.push(y);

  const folder = inputs.config ? provinceFor(gazetteer, inputs.config.province, to) : null;
  const provinces = folder ? [folder.code] : rollup.provincesPresent(to);
  const aggregate = rollup.build({
    from,
    to,
    indicators: rollup.indicatorsPresent(from, to),
    prefer: 'built',
    byYear: true,
    provinces,
  });
  const rows: Completeness = { rows: [], total: [] };
  for (const code of provinces) {
    const one = completeness(rollup, gazetteer, code, years, read.rejectedUnitYears);
    rows.rows.push(...one.rows);
    if (rows.total.length === 0) rows.total.push(...one.total);
    else one.total.forEach((t, i) => {
      rows.total[i]!.received += t.received;
      rows.total[i]!.expected += t.expected;
    });
  }
  const outside = folder ? [...mergedAway(gazetteer, folder, to), ...outsideProvince(rollup, gazetteer, folder, to)] : [];
  const extra = [...aggregate.findings, ...outside, ...rulesAfterRollup(aggregate, catalogue), ...outlierFindings(rollup, catalogue, gazetteer, from, to, options.threshold)];
  return {
    title: inputs.config?.title && inputs.config.from === from && inputs.config.to === to ? inputs.config.title : null,
    from,
    to,
    years,
    completeness: rows,
    validation: withRollupFindings(read.report, skipped(extra, options.skip)),
  };
}
