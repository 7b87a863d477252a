/**
 * A worker thread of the parallel reader (see parallel.ts): reads the files it is sent with its
 * own checker in collect mode and sends back, per file, the rows that passed and its findings.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ReturnChecker } from '../core/checker.js';
import { catalogueFor, lazyVocabularyOf, readOneFile } from '../pipeline.js';
import { readConfig } from './inputs.js';
import { RowPacker } from './parallel.js';
import { loadGazetteer } from './shipped.js';

const data = workerData as { configPath: string | null; province: string | null; keepFindings: number; skip: string[] };
const config = data.configPath ? readConfig(data.configPath) : null;
const catalogue = catalogueFor({ files: [], config, configPath: data.configPath });
const gazetteer = loadGazetteer();
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
  await readOneFile(checker, message.file, catalogue, vocabulary);
  const packed = packer.take();
  const part = checker.takePart();
  parentPort!.postMessage({ index: message.index, ...packed, part }, [packed.rows.buffer as ArrayBuffer]);
});
