import { createRequire as __antt_createRequire } from 'node:module'; const require = __antt_createRequire(import.meta.url);
import {
  compactTableChars,
  formatCount,
  safeText
} from "./chunk-IH5EEPFP.js";
import "./chunk-TPSE7W5Y.js";
export {
  compactTableChars,
  formatCount,
  safeText
};
