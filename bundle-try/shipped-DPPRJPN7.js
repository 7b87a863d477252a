import { createRequire as __antt_createRequire } from 'node:module'; const require = __antt_createRequire(import.meta.url);
import {
  gazetteerFor,
  loadCatalogue,
  loadCatalogueData,
  loadGazetteer,
  readTable,
  shippedPaths
} from "./chunk-GSZTKTLU.js";
import "./chunk-U3GEBAVD.js";
import {
  packageRoot
} from "./chunk-CDCCNMSW.js";
import "./chunk-N7ZECBHJ.js";
import "./chunk-YKCWQPV5.js";
import "./chunk-6BNRWUZF.js";
import "./chunk-TPSE7W5Y.js";
export {
  gazetteerFor,
  loadCatalogue,
  loadCatalogueData,
  loadGazetteer,
  packageRoot,
  readTable,
  shippedPaths
};
