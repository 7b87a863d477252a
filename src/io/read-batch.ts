/**
 * One batch of files read apart (see parallel.ts): with a fresh checker and rollup, its files one
 * after another as on one thread, giving back its findings and counts, its wide rows by unit and
 * period, and its rolled-up unit-years. What it shares with other batches is the merge's to find.
 * A worker thread runs it for the batches it is sent (the main thread reads its own batches
 * straight into the run instead: see parallel.ts).
 */
import type { Catalogue } from '../core/catalogue.js';
import type { Vocabulary } from '../core/encoding.js';
import type { Gazetteer } from '../core/gazetteer.js';
import { ReturnChecker, type CheckerPart, type RowsPart } from '../core/checker.js';
import { Rollup, type RollupPart } from '../core/rollup.js';
import { readOneFile } from '../pipeline.js';
import { AnttError, type AnttErrorCode } from './errors.js';

/** Files read as one run, and their size (from which the run sizes its tables). */
export interface Batch {
  files: string[];
  bytes: number;
}

/** What reading a batch gives back. */
export type BatchResult =
  | { index: number; fatal: { code: AnttErrorCode; params: Record<string, string | number | undefined> } }
  | { index: number; reread: true }
  | { index: number; part: CheckerPart; rows: RowsPart; rolled: RollupPart };

/** What every batch is read with. */
export interface BatchReading {
  catalogue: Catalogue;
  gazetteer: Gazetteer;
  vocabulary: () => Vocabulary;
  province: string | null;
  keepFindings: number;
  skip: ReadonlySet<string>;
  presenceOnly: boolean;
}


export async function readBatch(batch: { index: number } & Batch, reading: BatchReading): Promise<BatchResult> {
  const { catalogue, gazetteer } = reading;
  const rollup = new Rollup(catalogue, gazetteer, { presenceOnly: reading.presenceOnly });
  const checker = new ReturnChecker({
    catalogue,
    gazetteer,
    context: { provinceCode: reading.province },
    keepFindings: reading.keepFindings,
    skip: reading.skip,
    onAccepted: (row) => rollup.addRow(row),
  });
  try {
    for (const file of batch.files) await readOneFile(checker, file, catalogue, reading.vocabulary);
  } catch (error) {
    // A failure to operate (a bad unit list, say) ends the run with its own words, as it would
    // on one thread; anything else is a bug and surfaces as the reader's error.
    if (!(error instanceof AnttError)) throw error;
    return { index: batch.index, fatal: { code: error.code, params: error.params } };
  }
  // Long rows' rules are checked over every file at the end: such a batch is read again there.
  if (checker.sawLongRows) return { index: batch.index, reread: true };
  const rows = checker.exportRows();
  const rolled = rollup.exportPart();
  const part = checker.takePart();
  return { index: batch.index, part, rows, rolled };
}
