import { createRequire as __antt_createRequire } from 'node:module'; const require = __antt_createRequire(import.meta.url);
import {
  ReturnChecker,
  RowPacker,
  catalogueFor,
  lazyVocabularyOf,
  readOneFile
} from "../chunk-26ZCBDPV.js";
import "../chunk-AIH7YAKO.js";
import {
  readConfig
} from "../chunk-PQ564HJ5.js";
import {
  gazetteerFor
} from "../chunk-GSZTKTLU.js";
import "../chunk-U3GEBAVD.js";
import "../chunk-CDCCNMSW.js";
import {
  AnttError
} from "../chunk-N7ZECBHJ.js";
import "../chunk-ZZKADHKU.js";
import "../chunk-BAEVOABS.js";
import "../chunk-MCNMICH4.js";
import "../chunk-QIENZSUK.js";
import "../chunk-YKCWQPV5.js";
import "../chunk-6BNRWUZF.js";
import "../chunk-TPSE7W5Y.js";

// dist/src/io/read-worker.js
import { parentPort, workerData } from "node:worker_threads";
var data = workerData;
var config = data.configPath ? readConfig(data.configPath) : null;
var catalogue = catalogueFor({ files: [], config, configPath: data.configPath });
var gazetteer = gazetteerFor(config, data.configPath);
var packer = new RowPacker();
var checker = new ReturnChecker({
  catalogue,
  gazetteer,
  context: { provinceCode: data.province },
  keepFindings: data.keepFindings,
  skip: new Set(data.skip),
  collect: (row) => packer.add(row)
});
var vocabulary = lazyVocabularyOf(gazetteer, catalogue);
parentPort.on("message", async (message) => {
  try {
    await readOneFile(checker, message.file, catalogue, vocabulary);
  } catch (error) {
    if (!(error instanceof AnttError))
      throw error;
    parentPort.postMessage({ index: message.index, fatal: { code: error.code, params: error.params } });
    return;
  }
  const packed = packer.take();
  const part = checker.takePart();
  parentPort.postMessage({ index: message.index, ...packed, part }, [packed.rows.buffer]);
});
