import { createRequire as __antt_createRequire } from 'node:module'; const require = __antt_createRequire(import.meta.url);
import {
  indicatorSchema,
  ruleSchema
} from "./chunk-YKCWQPV5.js";
import {
  external_exports
} from "./chunk-6BNRWUZF.js";

// dist/schemas/config.js
var CONFIG_FILE = "antt.config.json";
var dataFolderConfigSchema = external_exports.object({
  $schema: external_exports.string().optional(),
  province: external_exports.string().regex(/^[0-9]{2}$/, 'a 2-digit GSO province code, e.g. "14" for S\u01A1n La'),
  title: external_exports.string().min(1).optional(),
  programme: external_exports.string().min(1).optional(),
  from: external_exports.number().int().min(1990).max(2100).optional(),
  to: external_exports.number().int().min(1990).max(2100).optional(),
  /**
   * The folder's own unit lists, replacing the shipped ones (CSV files like those in
   * data/gazetteer/, paths relative to this file): for a list the GSO has changed since.
   */
  units: external_exports.object({
    old: external_exports.string().min(1).optional(),
    new: external_exports.string().min(1).optional(),
    crosswalk: external_exports.string().min(1).optional()
  }).optional(),
  /** The province's own form: indicator ids, replacing the programme's list in `antt init`. */
  form: external_exports.array(external_exports.string().regex(/^[a-z][a-z0-9_]*$/)).optional(),
  indicators: external_exports.array(indicatorSchema).default([]),
  rules: external_exports.array(ruleSchema).default([])
}).refine((c) => c.from === void 0 || c.to === void 0 || c.from <= c.to, {
  message: '"from" must not be after "to"',
  path: ["from"]
});

export {
  CONFIG_FILE,
  dataFolderConfigSchema
};
