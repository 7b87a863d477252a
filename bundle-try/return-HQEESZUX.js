import { createRequire as __antt_createRequire } from 'node:module'; const require = __antt_createRequire(import.meta.url);
import {
  cellSchema,
  rawCellSchema,
  readCell,
  returnRowInputSchema,
  wideRowSchema
} from "./chunk-BAEVOABS.js";
import "./chunk-MCNMICH4.js";
import "./chunk-6BNRWUZF.js";
import "./chunk-TPSE7W5Y.js";
export {
  cellSchema,
  rawCellSchema,
  readCell,
  returnRowInputSchema,
  wideRowSchema
};
