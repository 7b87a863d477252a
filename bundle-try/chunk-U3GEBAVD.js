import { createRequire as __antt_createRequire } from 'node:module'; const require = __antt_createRequire(import.meta.url);
import {
  external_exports
} from "./chunk-6BNRWUZF.js";

// dist/schemas/units.js
var unitLevels = ["province", "district", "commune"];
var codeLength = { province: 2, district: 3, commune: 5 };
var unitName = external_exports.string().min(1);
var unitType = external_exports.string().min(1);
var unitRowSchema = external_exports.discriminatedUnion("level", [
  external_exports.object({ code: external_exports.string().regex(/^[0-9]{2}$/), name: unitName, type: unitType, level: external_exports.literal("province"), parent_code: external_exports.literal("") }),
  external_exports.object({ code: external_exports.string().regex(/^[0-9]{3}$/), name: unitName, type: unitType, level: external_exports.literal("district"), parent_code: external_exports.string().regex(/^[0-9]{2}$/) }),
  external_exports.object({ code: external_exports.string().regex(/^[0-9]{5}$/), name: unitName, type: unitType, level: external_exports.literal("commune"), parent_code: external_exports.string().regex(/^[0-9]{2,3}$/) })
]);
var crosswalkRowSchema = external_exports.object({
  old_code: external_exports.string().regex(/^[0-9]{3,5}$/),
  old_name: external_exports.string().min(1),
  new_code: external_exports.string().regex(/^[0-9]{5}$/),
  new_name: external_exports.string().min(1),
  /** `full`: the whole old unit went into the new one; `partial`: some of its area did. */
  kind: external_exports.enum(["full", "partial"])
});
var provinceCrosswalkRowSchema = external_exports.object({
  old_code: external_exports.string().regex(/^[0-9]{2}$/),
  old_name: external_exports.string().min(1),
  new_code: external_exports.string().regex(/^[0-9]{2}$/),
  new_name: external_exports.string().min(1),
  kind: external_exports.enum(["full", "partial"])
});

export {
  unitLevels,
  codeLength,
  unitRowSchema,
  crosswalkRowSchema,
  provinceCrosswalkRowSchema
};
