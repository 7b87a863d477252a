/**
 * The contract of a return's figures, built from the indicator catalogue: one Zod schema per
 * cell, and one per wide row. Reading a cell the Vietnamese way is ours (`parseQuantity`); Zod
 * carries the result, and its issues carry our finding codes so that they can be reported in
 * Vietnamese and English rather than shown raw.
 */
import * as z from 'zod';
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

/** Made the first time a cell is checked through it (z.lazy): a plain row never is. */
export const rawCellSchema = z.lazy(() => z.union([z.string(), z.number(), z.boolean(), z.null(), z.undefined()]));

/** Issue params that name the finding: `{ finding: 'ambiguous-number', asThousands: '1250', … }`. */
export interface CellIssueParams {
  finding: string;
  [key: string]: string | number;
}

/**
 * One cell, read: the rule the Zod cell schema applies, exported so that the fast row reader
 * (src/core/row-reader.ts) applies exactly the same one — a property test holds them equal.
 */
export function readCell(raw: RawCell, indicator: Indicator, convention: NumberConvention, level: UnitLevel | null): CellResult {
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

/**
 * A wide return row as a machine writes it (JSON returns, and the contract `antt schema`
 * publishes): the identifying fields and one optional field per indicator id. Header aliases and
 * Vietnamese labels are accepted in files too; this is the canonical form.
 */
export function returnRowInputSchema(indicators: readonly Indicator[]) {
  // A field that is absent is not reported; JSON has no undefined, so the cell is one of these.
  const jsonCell = z.union([z.string(), z.number(), z.boolean(), z.null()]);
  const figures: Record<string, z.ZodOptional<typeof jsonCell>> = {};
  for (const indicator of indicators) {
    if (indicator.kind === 'ratio') continue;
    figures[indicator.id] = jsonCell
      .describe(`${indicator.label_vi} / ${indicator.label_en} — ${indicator.unit}, ${indicator.kind}, ${indicator.decimals} decimal(s). Blank or null: not reported; "-": zero; "…": not collected.`)
      .optional();
  }
  return z
    .object({
      unit_code: z.string().regex(/^[0-9]{1,5}$/).describe('GSO code: 2 digits (province), 3 (district), 5 (commune)').optional(),
      unit_name: z.string().describe('Unit name, e.g. "Xã Mường Sai"; needed when there is no code').optional(),
      year: z.union([z.number().int().min(1990).max(2100), z.string().regex(/^[0-9]{4}$/)]).describe('Reporting year').optional(),
      period: z.string().describe('Reporting period: 2019, 2019-Q3, 2019-06 or 2019-H1').optional(),
      ...figures,
    })
    .meta({ title: 'antt return row (wide)', description: 'One unit, one period, one field per indicator.' });
}
