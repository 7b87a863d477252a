/**
 * A worker thread of the parallel reader (see parallel.ts): reads the files it is sent with its
 * own checker in collect mode and sends back, per file, the rows that passed and its findings.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ReturnChecker } from '../core/checker.js';
import { catalogueFor, lazyVocabularyOf, readOneFile } from '../pipeline.js';
import { AnttError } from './errors.js';
import { readConfig } from './inputs.js';
import { RowPacker } from './parallel.js';
import { gazetteerFor } from './shipped.js';

const data = workerData as { configPath: string | null; province: string | null; keepFindings: number; skip: string[] };
const config = data.configPath ? readConfig(data.configPath) : null;
const catalogue = catalogueFor({ files: [], config, configPath: data.configPath });
const gazetteer = gazetteerFor(config, data.configPath);
const packer = new RowPacker();
const checker = new ReturnChecker({
  catalogue,
  gazetteer,
  context: { provinceCode: data.province },
  keepFindings: data.keepFindings,
  skip: new Set(data.skip),
  collect: (row) => packer.add(row),
});
const vocabulary = lazyVocabularyOf(gazetteer, catalogue);

parentPort!.on('message', async (message: { index: number; file: string }) => {
  try {
    await readOneFile(checker, message.file, catalogue, vocabulary);
  } catch (error) {
    // A failure to operate (a bad unit list, say) ends the run with its own words, as it would
    // on one thread; anything else is a bug and surfaces as the worker's error.
    if (!(error instanceof AnttError)) throw error;
    parentPort!.postMessage({ index: message.index, fatal: { code: error.code, params: error.params } });
    return;
  }
  const packed = packer.take();
  const part = checker.takePart();
  parentPort!.postMessage({ index: message.index, ...packed, part }, [packed.rows.buffer as ArrayBuffer]);
});
