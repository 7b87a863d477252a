/**
 * A worker thread of the parallel reader (see parallel.ts): reads each file it is sent on its own,
 * with a fresh checker and rollup, and sends back the file's findings and counts, its wide rows by
 * unit and period, and its rolled-up unit-years.
 */
import { setFlagsFromString } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { ReturnChecker } from '../core/checker.js';
import { Rollup } from '../core/rollup.js';
import { catalogueFor, lazyVocabularyOf, readOneFile } from '../pipeline.js';
import { AnttError } from './errors.js';
import type { Batch } from './parallel.js';
import { readConfig } from './inputs.js';
import { gazetteerFor } from './shipped.js';

const data = workerData as { configPath: string | null; province: string | null; keepFindings: number; skip: string[]; fixedYoungGeneration: boolean; presenceOnly: boolean };
if (data.fixedYoungGeneration) setFlagsFromString('--semi-space-growth-factor=1');
const config = data.configPath ? readConfig(data.configPath) : null;
const catalogue = catalogueFor({ files: [], config, configPath: data.configPath });
const gazetteer = gazetteerFor(config, data.configPath);
const vocabulary = lazyVocabularyOf(gazetteer, catalogue);
const skip = new Set(data.skip);
/**
 * Fewest bytes a wide row takes (codes, a period and a few figures): a batch's size then bounds its
 * rows, and its duplicate table is made that large at once rather than doubled a dozen times.
 */
const SHORTEST_ROW_BYTES = 32;

parentPort!.on('message', async (message: { index: number } & Batch) => {
  // Each batch on its own, its files one after another as on one thread: what it shares with
  // other batches is the main thread's to find.
  const rollup = new Rollup(catalogue, gazetteer, { presenceOnly: data.presenceOnly });
  const checker = new ReturnChecker({
    catalogue,
    gazetteer,
    context: { provinceCode: data.province },
    keepFindings: data.keepFindings,
    skip,
    onAccepted: (row) => rollup.addRow(row),
    expectedRows: message.bytes / SHORTEST_ROW_BYTES,
  });
  try {
    for (const file of message.files) await readOneFile(checker, file, catalogue, vocabulary);
  } catch (error) {
    // A failure to operate (a bad unit list, say) ends the run with its own words, as it would
    // on one thread; anything else is a bug and surfaces as the worker's error.
    if (!(error instanceof AnttError)) throw error;
    parentPort!.postMessage({ index: message.index, fatal: { code: error.code, params: error.params } });
    return;
  }
  // Long rows' rules are checked over every file at the end: such a batch is read again there.
  if (checker.sawLongRows) {
    parentPort!.postMessage({ index: message.index, reread: true });
    return;
  }
  const rows = checker.exportRows();
  const rolled = rollup.exportPart();
  const part = checker.takePart();
  const transfer = [rows.keys, rows.fingerprints, rows.masksLow, rows.masksHigh, rows.files, rows.lines, rolled.units, rolled.years, rolled.values, rolled.months, rolled.lastMonth].map((a) => a.buffer as ArrayBuffer);
  parentPort!.postMessage({ index: message.index, part, rows, rolled }, transfer);
});
