/**
 * The indicator kinds (DESIGN §4), in one table: what each kind means for every part of antt that
 * treats kinds differently — reading a cell, adding months into a year, units into their parent and
 * years into a window, outliers, the forms sent to communes, workbook cells and `antt indicators`.
 * Those parts ask this table, not the kind's name, so a new kind is one entry here (and its
 * accumulator); `test/kinds.test.ts` goes through every kind.
 */
import type { IndicatorKind } from '../../schemas/catalogue.js';
import { accumulators, type Accumulator } from './accumulators.js';

export interface KindRules {
  /** How a cell is read: a quantity ("1.250", "23,7"), yes/no or a count of communes, or never (computed). */
  cells: 'quantity' | 'yes-no' | 'computed';
  /** Within a year (months, quarters): their figures add up, or the latest stands. */
  withinYear: 'sum' | 'latest';
  /** Across units: added up, or not additive (shown only where reported); computed from summed parts. */
  acrossUnits: 'sum' | 'none' | 'computed';
  /** Over the window's years: added up, or each unit's latest; computed from summed parts. */
  overWindow: 'sum' | 'latest' | 'computed';
  /** Whether a commune's return has a column for it (a form), and `check` looks for outliers in it. */
  onForms: boolean;
  outliers: boolean;
  /** Its accumulator (null: computed from its parts, see ratioOf). */
  accumulator: (() => Accumulator) | null;
}

export const KINDS: Record<IndicatorKind, KindRules> = {
  flow: { cells: 'quantity', withinYear: 'sum', acrossUnits: 'sum', overWindow: 'sum', onForms: true, outliers: true, accumulator: accumulators.sum },
  stock: { cells: 'quantity', withinYear: 'latest', acrossUnits: 'sum', overWindow: 'latest', onForms: true, outliers: true, accumulator: accumulators.latestThenSum },
  unit_count: { cells: 'yes-no', withinYear: 'latest', acrossUnits: 'sum', overWindow: 'latest', onForms: true, outliers: false, accumulator: accumulators.latestThenSum },
  ratio: { cells: 'computed', withinYear: 'latest', acrossUnits: 'computed', overWindow: 'computed', onForms: false, outliers: false, accumulator: null },
  none: { cells: 'quantity', withinYear: 'latest', acrossUnits: 'none', overWindow: 'latest', onForms: false, outliers: false, accumulator: accumulators.notAdditive },
};

export function kindOf(indicator: { kind: IndicatorKind }): KindRules {
  return KINDS[indicator.kind];
}

/** A new accumulator for an indicator of the kind (a ratio has none: it is computed from its parts). */
export function accumulatorFor(kind: IndicatorKind): Accumulator {
  const create = KINDS[kind].accumulator;
  if (create === null) throw new Error(`an indicator of kind ${kind} is computed from its parts, not accumulated`);
  return create();
}
