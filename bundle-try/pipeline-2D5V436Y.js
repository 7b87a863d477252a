import { createRequire as __antt_createRequire } from 'node:module'; const require = __antt_createRequire(import.meta.url);
import {
  DEFAULT_OUTLIER_THRESHOLD,
  aggregateReturns,
  catalogueFor,
  checkFolder,
  checkReturns,
  lazyVocabularyOf,
  readOneFile,
  readReturns
} from "./chunk-26ZCBDPV.js";
import "./chunk-AIH7YAKO.js";
import "./chunk-PQ564HJ5.js";
import "./chunk-GSZTKTLU.js";
import "./chunk-U3GEBAVD.js";
import "./chunk-CDCCNMSW.js";
import "./chunk-N7ZECBHJ.js";
import "./chunk-ZZKADHKU.js";
import "./chunk-BAEVOABS.js";
import "./chunk-MCNMICH4.js";
import "./chunk-QIENZSUK.js";
import "./chunk-YKCWQPV5.js";
import "./chunk-6BNRWUZF.js";
import "./chunk-TPSE7W5Y.js";
export {
  DEFAULT_OUTLIER_THRESHOLD,
  aggregateReturns,
  catalogueFor,
  checkFolder,
  checkReturns,
  lazyVocabularyOf,
  readOneFile,
  readReturns
};
