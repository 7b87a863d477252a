import { createRequire as __antt_createRequire } from 'node:module'; const require = __antt_createRequire(import.meta.url);
import {
  parseMachineNumber,
  parseQuantity,
  parseYesNoOrCount
} from "./chunk-MCNMICH4.js";
import {
  external_exports
} from "./chunk-6BNRWUZF.js";

// dist/schemas/return.js
var rawCellSchema = external_exports.union([external_exports.string(), external_exports.number(), external_exports.boolean(), external_exports.null(), external_exports.undefined()]);
function readCell(raw, indicator, convention, level) {
  if (raw === null || raw === void 0)
    return { status: "not-reported" };
  if (typeof raw === "boolean") {
    return indicator.kind === "unit_count" ? { status: "value", scaled: raw ? 1 : 0 } : { status: "invalid", code: "bad-number", params: { reason: "not-a-number" } };
  }
  if (typeof raw === "number") {
    const result = parseMachineNumber(raw, indicator.decimals);
    if (indicator.kind === "unit_count" && level === "commune" && result.status === "value" && result.scaled > 1) {
      return { status: "invalid", code: "bad-yes-no", params: {} };
    }
    return result;
  }
  if (indicator.kind === "unit_count")
    return parseYesNoOrCount(raw, level);
  return parseQuantity(raw, indicator.decimals, convention);
}
function cellSchema(indicator, convention, level) {
  return rawCellSchema.transform((raw, ctx) => {
    const result = readCell(raw, indicator, convention, level);
    if (result.status === "invalid") {
      ctx.addIssue({ code: "custom", message: result.code, input: raw, params: { finding: result.code, ...result.params } });
      return external_exports.NEVER;
    }
    return result;
  });
}
function wideRowSchema(indicators, convention, level) {
  const shape = {};
  for (const indicator of indicators)
    shape[indicator.id] = cellSchema(indicator, convention, level);
  return external_exports.object(shape);
}
function returnRowInputSchema(indicators) {
  const jsonCell = external_exports.union([external_exports.string(), external_exports.number(), external_exports.boolean(), external_exports.null()]);
  const figures = {};
  for (const indicator of indicators) {
    if (indicator.kind === "ratio")
      continue;
    figures[indicator.id] = jsonCell.describe(`${indicator.label_vi} / ${indicator.label_en} \u2014 ${indicator.unit}, ${indicator.kind}, ${indicator.decimals} decimal(s). Blank or null: not reported; "-": zero; "\u2026": not collected.`).optional();
  }
  return external_exports.object({
    unit_code: external_exports.string().regex(/^[0-9]{1,5}$/).describe("GSO code: 2 digits (province), 3 (district), 5 (commune)").optional(),
    unit_name: external_exports.string().describe('Unit name, e.g. "X\xE3 M\u01B0\u1EDDng Sai"; needed when there is no code').optional(),
    year: external_exports.union([external_exports.number().int().min(1990).max(2100), external_exports.string().regex(/^[0-9]{4}$/)]).describe("Reporting year").optional(),
    period: external_exports.string().describe("Reporting period: 2019, 2019-Q3, 2019-06 or 2019-H1").optional(),
    ...figures
  }).meta({ title: "antt return row (wide)", description: "One unit, one period, one field per indicator." });
}

export {
  rawCellSchema,
  readCell,
  cellSchema,
  wideRowSchema,
  returnRowInputSchema
};
