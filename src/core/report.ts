/**
 * The report models: what validation and aggregation each produce (STYLE §5). Plain data, made
 * by the engine (core/checker.ts, core/rollup.ts) and read by the renderers (src/render/), which
 * import these types and nothing of the engine.
 */
import type { Indicator } from '../../schemas/catalogue.js';
import type { UnitLevel } from '../../schemas/units.js';
import type { Finding } from './findings.js';

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
  /** Every finding counted, by code (kept or not). */
  byCode: Record<string, number>;
}

/** One figure of the report: a unit, an indicator and a window (or one year). */
export interface FigureCell {
  /** Scaled integer (see the indicator's decimals), or null when nothing was reported. */
  value: number | null;
  /**
   * `built` from the units below, `own` from the unit's own return, `carried` from the old units
   * that went wholly into it (years before the 2025 reform); null when no value.
   */
  source: 'built' | 'own' | 'carried' | null;
  /** Commune-years whose figures this one covers, of those the gazetteer expects. */
  reported: number;
  expected: number;
}

export interface ReportUnit {
  level: UnitLevel;
  code: string;
  name: string;
  parentCode: string | null;
  /** The unit list the code is in: `old` before the 1 July 2025 reform, `new` after (codes repeat across it). */
  list: 'old' | 'new';
  /**
   * `current`: a unit of the report's structure. `not-attributable`: an old unit whose figures
   * stand in a row of their own among the communes (split among several, or a district's or
   * province's own return); part of the province's sum. `former`: a district or province before
   * the reform, shown for those years only; not part of the sum.
   */
  standing: 'current' | 'not-attributable' | 'former';
  /** A not-attributable old unit: the current communes it went into ("code name"). */
  successors: string[] | null;
  /** A row of this unit, or of a unit below it, was rejected: the figures may be short. */
  flagged: boolean;
  /** One cell per report indicator, for the whole window. */
  window: FigureCell[];
  /** With `byYear`: one row of cells per year of the window. */
  years: Map<number, FigureCell[]> | null;
}

export interface AggregateReport {
  title: string | null;
  from: number;
  to: number;
  years: number[];
  byYear: boolean;
  indicators: Indicator[];
  /** Official order: each district's communes, then the district, then the province total. */
  units: ReportUnit[];
  /** Reconciliation differences and overlapping periods. */
  findings: Finding[];
}

