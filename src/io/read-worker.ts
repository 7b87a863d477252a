/**
 * A worker thread of the parallel reader (see parallel.ts): reads each batch of files it is sent
 * on its own (read-batch.ts) and sends back what reading it gave.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { catalogueFor, lazyVocabularyOf } from '../pipeline.js';
import { readBatch, type Batch, type BatchReading } from './read-batch.js';
import { readConfig } from './inputs.js';
import { gazetteerFor } from './shipped.js';

const data = workerData as { configPath: string | null; province: string | null; keepFindings: number; skip: string[]; presenceOnly: boolean };
const config = data.configPath ? readConfig(data.configPath) : null;
const catalogue = catalogueFor({ files: [], config, configPath: data.configPath });
const gazetteer = gazetteerFor(config, data.configPath);
const reading: BatchReading = {
  catalogue,
  gazetteer,
  vocabulary: lazyVocabularyOf(gazetteer, catalogue),
  province: data.province,
  keepFindings: data.keepFindings,
  skip: new Set(data.skip),
  presenceOnly: data.presenceOnly,
};

parentPort!.on('message', async (message: { index: number } & Batch) => {
  const result = await readBatch(message, reading);
  // Copied, not its buffers moved (transferred): the first buffer moved out of a thread tells
  // V8 that buffers can now be emptied under its feet, and it throws away every compiled
  // function of this thread that reads a typed array, to compile them again with a check at
  // each read (a dozen functions of the rows' path: callgrind, two threads on twelve monthly
  // provinces, 6,357–6,374M → 6,016–6,048M instructions). A batch's arrays are 0.5–1.5 MB.
  parentPort!.postMessage(result);
});
