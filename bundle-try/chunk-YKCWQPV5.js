import { createRequire as __antt_createRequire } from 'node:module'; const require = __antt_createRequire(import.meta.url);
import {
  external_exports
} from "./chunk-6BNRWUZF.js";

// dist/schemas/catalogue.js
var indicatorKinds = ["flow", "stock", "unit_count", "ratio", "none"];
var indicatorId = external_exports.string().regex(/^[a-z][a-z0-9_]*$/, "snake_case English, e.g. lien_gia_groups");
var indicatorSchema = external_exports.object({
  id: indicatorId,
  label_vi: external_exports.string().min(1),
  label_en: external_exports.string().min(1),
  unit: external_exports.string().min(1),
  decimals: external_exports.number().int().min(0).max(4),
  kind: external_exports.enum(indicatorKinds),
  aliases: external_exports.array(external_exports.string().min(1)).default([]),
  numerator: indicatorId.optional(),
  denominator: indicatorId.optional()
}).refine((i) => i.kind === "ratio" === (i.numerator !== void 0 && i.denominator !== void 0), {
  message: "a ratio names its numerator and denominator, and only a ratio does"
});
var ruleSchema = external_exports.object({
  id: indicatorId,
  left: external_exports.array(indicatorId).min(1),
  operator: external_exports.enum(["<=", "<", ">=", ">", "=="]),
  right: external_exports.array(indicatorId).min(1),
  importance: external_exports.enum(["error", "warning"])
});
var programmeSchema = external_exports.object({
  id: external_exports.string().regex(/^[A-Z0-9_]+$/, "upper-case letters and digits, e.g. CT09"),
  label_vi: external_exports.string().min(1),
  label_en: external_exports.string().min(1),
  from: external_exports.number().int().min(1990).max(2100).optional(),
  to: external_exports.number().int().min(1990).max(2100).optional(),
  indicators: external_exports.array(indicatorId).min(1)
}).refine((p) => p.from === void 0 === (p.to === void 0) && (p.from === void 0 || p.from <= p.to), {
  message: 'a programme has both "from" and "to", in order, or neither'
});
var catalogueSchema = external_exports.object({
  $comment: external_exports.string().optional(),
  indicators: external_exports.array(indicatorSchema).min(1),
  rules: external_exports.array(ruleSchema).default([]),
  programmes: external_exports.array(programmeSchema).default([])
}).superRefine((catalogue, ctx) => {
  const ids = /* @__PURE__ */ new Set();
  for (const indicator of catalogue.indicators) {
    if (ids.has(indicator.id))
      ctx.addIssue({ code: "custom", message: `indicator ${indicator.id} is listed twice` });
    ids.add(indicator.id);
  }
  for (const indicator of catalogue.indicators) {
    for (const part of [indicator.numerator, indicator.denominator]) {
      if (part && !ids.has(part))
        ctx.addIssue({ code: "custom", message: `${indicator.id} refers to unknown indicator ${part}` });
    }
  }
  for (const rule of catalogue.rules) {
    for (const id of [...rule.left, ...rule.right]) {
      if (!ids.has(id))
        ctx.addIssue({ code: "custom", message: `rule ${rule.id} refers to unknown indicator ${id}` });
    }
  }
  for (const programme of catalogue.programmes) {
    for (const id of programme.indicators) {
      if (!ids.has(id))
        ctx.addIssue({ code: "custom", message: `programme ${programme.id} refers to unknown indicator ${id}` });
    }
  }
});

export {
  indicatorKinds,
  indicatorSchema,
  ruleSchema,
  programmeSchema,
  catalogueSchema
};
