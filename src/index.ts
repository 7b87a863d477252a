/**
 * antt as a library: the same engine as the command line, without the printing.
 *
 *   import { aggregate, validate } from 'antt';
 *   const report = await validate(['data/son-la']);
 *   const { report: totals } = await aggregate(['data/son-la'], { levels: ['province'] });
 *
 * Figures are exact scaled integers (23,7 ha with one decimal is 237); `figureValue` turns one
 * into a number, `figureText` into its exact decimal text.
 */
import type { Indicator } from '../schemas/catalogue.js';
import type { UnitLevel } from '../schemas/units.js';
import type { ValidationReport } from './core/report.js';
import { scaledToPlain } from './core/numbers.js';
import type { AggregateReport, FigureCell } from './core/report.js';
import type { Prefer } from './core/rollup.js';
import { aggregateReturns, checkFolder, checkReturns, DEFAULT_OUTLIER_THRESHOLD, type CheckFolderResult } from './pipeline.js';

export type { Indicator, IndicatorKind, Rule, Programme } from '../schemas/catalogue.js';
export type { DataFolderConfig } from '../schemas/config.js';
export type { UnitLevel } from '../schemas/units.js';
export type { ValidationReport, ValidationStats, AggregateReport, ReportUnit, FigureCell } from './core/report.js';
export type { Finding, FindingCode, Level, Lang } from './core/findings.js';
export type { Prefer } from './core/rollup.js';
export type { Completeness, CompletenessRow, YearCompleteness } from './core/check.js';
export type { CheckFolderResult } from './pipeline.js';
export { renderMessage, findingCatalogue } from './core/findings.js';
export { parseQuantity, parseYesNoOrCount } from './core/numbers.js';
export { AnttError } from './io/errors.js';

const list = (paths: string | readonly string[]) => (typeof paths === 'string' ? [paths] : [...paths]);

/** Checks returns (files or folders); every problem is a finding in the report, none is thrown. */
export async function validate(paths: string | readonly string[], options: { keepFindings?: number } = {}): Promise<ValidationReport> {
  return (await checkReturns(list(paths), options)).report;
}

export interface AggregateApiOptions {
  from?: number;
  to?: number;
  levels?: UnitLevel[];
  indicators?: string[];
  prefer?: Prefer;
  byYear?: boolean;
}

/** Rolls returns up; `validation` holds what was wrong with them (totals come from the valid rows). */
export async function aggregate(
  paths: string | readonly string[],
  options: AggregateApiOptions = {},
): Promise<{ report: AggregateReport; validation: ValidationReport; outliers: number }> {
  const result = await aggregateReturns(list(paths), {
    ...(options.from !== undefined ? { from: options.from } : {}),
    ...(options.to !== undefined ? { to: options.to } : {}),
    levels: options.levels ?? ['district', 'province'],
    ...(options.indicators ? { indicators: options.indicators } : {}),
    prefer: options.prefer ?? 'built',
    byYear: options.byYear ?? false,
  });
  return { report: result.aggregate, validation: result.validation, outliers: result.outliers };
}

/** The to-do list before a conference: completeness, missing communes, findings. */
export async function check(paths: string | readonly string[], options: { from?: number; to?: number; threshold?: number } = {}): Promise<CheckFolderResult> {
  return checkFolder(list(paths), {
    ...(options.from !== undefined ? { from: options.from } : {}),
    ...(options.to !== undefined ? { to: options.to } : {}),
    threshold: options.threshold ?? DEFAULT_OUTLIER_THRESHOLD,
  });
}

/** A figure as a number (23.7), or null when nothing was reported. */
export function figureValue(cell: FigureCell, indicator: Indicator): number | null {
  return cell.value === null ? null : Number(scaledToPlain(cell.value, indicator.decimals));
}

/** A figure as its exact decimal text ("23.7"), or null. */
export function figureText(cell: FigureCell, indicator: Indicator): string | null {
  return cell.value === null ? null : scaledToPlain(cell.value, indicator.decimals);
}
