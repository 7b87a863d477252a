/**
 * The contract of a return's figures, built from the indicator catalogue: one Zod schema per
 * cell, and one per wide row. Reading a cell the Vietnamese way is ours (`parseQuantity`); Zod
 * carries the result, and its issues carry our finding codes so that they can be reported in
 * Vietnamese and English rather than shown raw.
 */
import { z } from 'zod';
import type { Indicator } from './catalogue.js';
import type { UnitLevel } from './units.js';
import {
  parseMachineNumber,
  parseQuantity,
  parseYesNoOrCount,
  type CellResult,
  type CellValue,
  type NumberConvention,
} from '../src/core/numbers.js';

/** What a reader hands over for one cell: text from CSV, or a JSON scalar. */
export type RawCell = string | number | boolean | null | undefined;

export const rawCellSchema = z.union([z.string(), z.number(), z.boolean(), z.null(), z.undefined()]);

/** Issue params that name the finding: `{ finding: 'ambiguous-number', asThousands: '1250', … }`. */
export interface CellIssueParams {
  finding: string;
  [key: string]: string | number;
}

function readCell(raw: RawCell, indicator: Indicator, convention: NumberConvention, level: UnitLevel | null): CellResult {
  if (raw === null || raw === undefined) return { status: 'not-reported' };
  if (typeof raw === 'boolean') {
    return indicator.kind === 'unit_count'
      ? { status: 'value', scaled: raw ? 1 : 0 }
      : { status: 'invalid', code: 'bad-number', params: { reason: 'not-a-number' } };
  }
  if (typeof raw === 'number') {
    const result = parseMachineNumber(raw, indicator.decimals);
    if (indicator.kind === 'unit_count' && level === 'commune' && result.status === 'value' && result.scaled > 1) {
      return { status: 'invalid', code: 'bad-yes-no', params: {} };
    }
    return result;
  }
  if (indicator.kind === 'unit_count') return parseYesNoOrCount(raw, level);
  return parseQuantity(raw, indicator.decimals, convention);
}

/** The schema of one cell of `indicator`, for a file that writes numbers by `convention`. */
export function cellSchema(indicator: Indicator, convention: NumberConvention, level: UnitLevel | null) {
  return rawCellSchema.transform((raw, ctx): CellValue => {
    const result = readCell(raw, indicator, convention, level);
    if (result.status === 'invalid') {
      ctx.addIssue({ code: 'custom', message: result.code, input: raw, params: { finding: result.code, ...result.params } });
      return z.NEVER;
    }
    return result;
  });
}

/**
 * The schema of a wide row's figures: `{ lien_gia_groups: "1.250", opium_destroyed_ha: "2,5" }` →
 * `{ lien_gia_groups: { status: 'value', scaled: 1250 }, opium_destroyed_ha: { …, scaled: 25 } }`.
 */
export function wideRowSchema(indicators: readonly Indicator[], convention: NumberConvention, level: UnitLevel | null) {
  const shape: Record<string, ReturnType<typeof cellSchema>> = {};
  for (const indicator of indicators) shape[indicator.id] = cellSchema(indicator, convention, level);
  return z.object(shape);
}
