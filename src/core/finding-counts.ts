/**
 * What a check counted: files, rows, errors and warnings, and the findings kept for display.
 * Every finding is counted; only the first `keep` of each level are kept (DESIGN §8: counts never
 * depend on what is shown).
 */
import { compareFindings, type Finding } from './findings.js';
import { unitKey, type Unit } from './gazetteer.js';
import type { ValidationStats } from './report.js';

export class FindingCounts {
  private readonly counts: ValidationStats = { files: 0, unreadable: 0, rows: 0, rowsAccepted: 0, rowsRejected: 0, errors: 0, warnings: 0 };
  private readonly kept: { error: Finding[]; warning: Finding[] } = { error: [], warning: [] };
  /** Every finding counted, by code. */
  private readonly codes = new Map<string, number>();
  /** Units (unitKey) with a rejected row: their totals may be short. */
  private readonly flagged = new Set<string>();
  private readonly rejectedYears = new Set<string>();

  constructor(
    /** How many findings of each level to keep for display. */
    private readonly keep: number,
    /** Warning codes the user asked not to see (`--skip`): neither kept nor counted. */
    private readonly skip: ReadonlySet<string> | undefined,
  ) {}

  report(f: Finding): void {
    if (f.level === 'warning' && this.skip?.has(f.code)) return;
    if (f.level === 'error') this.counts.errors++;
    else this.counts.warnings++;
    this.codes.set(f.code, (this.codes.get(f.code) ?? 0) + 1);
    const bucket = this.kept[f.level];
    if (bucket.length < this.keep) bucket.push(f);
  }

  file(): void {
    this.counts.files++;
  }

  unreadableFile(): void {
    this.counts.files++;
    this.counts.unreadable++;
  }

  /** A row read (not blank, not a total row). */
  row(): void {
    this.counts.rows++;
  }

  accepted(): void {
    this.counts.rowsAccepted++;
  }

  /** A row rejected; its unit, when known, is flagged (and its year, when known, noted). */
  rejected(unit?: Unit, year?: number): void {
    this.counts.rowsRejected++;
    if (!unit) return;
    this.flagged.add(unitKey(unit));
    if (year !== undefined) this.rejectedYears.add(`${unitKey(unit)}|${year}`);
  }

  get rejectedUnitYears(): ReadonlySet<string> {
    return this.rejectedYears;
  }

  get rows(): number {
    return this.counts.rows;
  }

  get flaggedUnits(): ReadonlySet<string> {
    return this.flagged;
  }

  /** Findings counted by code (shown or not), codes in order. */
  byCode(): Record<string, number> {
    return Object.fromEntries([...this.codes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }

  stats(): ValidationStats {
    return { ...this.counts };
  }

  /** The findings kept, errors and warnings together, in report order. */
  keptFindings(fileOrder: (file: string | null) => number): Finding[] {
    return [...this.kept.error, ...this.kept.warning].sort((a, b) => compareFindings(a, b, fileOrder));
  }
}
