import { createRequire as __antt_createRequire } from 'node:module'; const require = __antt_createRequire(import.meta.url);
import {
  aggregateCsvLong,
  aggregateCsvWide,
  neutralise
} from "./chunk-PD2YGGSR.js";
import "./chunk-NS3CIWTR.js";
import "./chunk-HMBAJTNW.js";
import "./chunk-IH5EEPFP.js";
import "./chunk-MCNMICH4.js";
import "./chunk-TPSE7W5Y.js";
export {
  aggregateCsvLong,
  aggregateCsvWide,
  neutralise
};
