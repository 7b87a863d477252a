import { createRequire as __antt_createRequire } from 'node:module'; const require = __antt_createRequire(import.meta.url);
import {
  CONFIG_FILE,
  dataFolderConfigSchema
} from "./chunk-QIENZSUK.js";
import "./chunk-YKCWQPV5.js";
import "./chunk-6BNRWUZF.js";
import "./chunk-TPSE7W5Y.js";
export {
  CONFIG_FILE,
  dataFolderConfigSchema
};
