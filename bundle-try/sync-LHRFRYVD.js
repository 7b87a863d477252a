import { createRequire as __antt_createRequire } from 'node:module'; const require = __antt_createRequire(import.meta.url);
import {
  normalize_options,
  stringify
} from "./chunk-NS3CIWTR.js";
import "./chunk-TPSE7W5Y.js";
export {
  normalize_options,
  stringify
};
