import { createRequire as __antt_createRequire } from 'node:module'; const require = __antt_createRequire(import.meta.url);
import {
  codeLength,
  crosswalkRowSchema,
  provinceCrosswalkRowSchema,
  unitLevels,
  unitRowSchema
} from "./chunk-U3GEBAVD.js";
import "./chunk-6BNRWUZF.js";
import "./chunk-TPSE7W5Y.js";
export {
  codeLength,
  crosswalkRowSchema,
  provinceCrosswalkRowSchema,
  unitLevels,
  unitRowSchema
};
