import { createRequire as __antt_createRequire } from 'node:module'; const require = __antt_createRequire(import.meta.url);
import {
  collectInputs,
  displayPath,
  readConfig
} from "./chunk-PQ564HJ5.js";
import "./chunk-N7ZECBHJ.js";
import "./chunk-QIENZSUK.js";
import "./chunk-YKCWQPV5.js";
import "./chunk-6BNRWUZF.js";
import "./chunk-TPSE7W5Y.js";
export {
  collectInputs,
  displayPath,
  readConfig
};
