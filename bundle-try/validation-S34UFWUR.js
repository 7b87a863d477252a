import { createRequire as __antt_createRequire } from 'node:module'; const require = __antt_createRequire(import.meta.url);
import {
  findingJson,
  validationJson,
  validationText
} from "./chunk-DFIDSERM.js";
import "./chunk-IH5EEPFP.js";
import "./chunk-ZZKADHKU.js";
import "./chunk-TPSE7W5Y.js";
export {
  findingJson,
  validationJson,
  validationText
};
