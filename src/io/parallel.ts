/**
 * Reading many large files on every core. Worker threads, one per core but one, read whole
 * batches of consecutive files from the back of the list (a large file is a batch of its own),
 * each batch on its own (read-batch.ts: decoding, parsing, rows, units, cells, rules, duplicates
 * within the batch, the rollup of its figures), giving back per batch: its findings and counts,
 * its wide rows by unit and period (a few typed arrays) and its rolled-up unit-years. The main
 * thread reads from the front, each batch straight into the run as one thread would, until it
 * meets the batches the workers took; those it takes in order:
 *
 * - a batch none of whose unit-years has figures yet is merged as it is: nothing in it can be a
 *   duplicate of, conflict with or overlap an earlier file, so merging is what reading it here
 *   would have done;
 * - otherwise (a re-sent return, a second form for the same units, long rows whose rules need
 *   every file) the main thread reads that batch's files again itself, against everything
 *   before them.
 *
 * So the result is the same, byte for byte, as reading the files one after another (a test runs
 * both), while the common case — one file per province or district — shares nothing.
 */
import { availableParallelism } from 'node:os';
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ReturnChecker } from '../core/checker.js';
import type { Rollup } from '../core/rollup.js';
import type { Batch, BatchReading, BatchResult } from './read-batch.js';
import type { Inputs } from './inputs.js';
import { AnttError } from './errors.js';
import type { ProgressState } from './progress.js';

/** What the main thread tells each worker: the rest of a BatchReading each worker makes itself. */
export type WorkerReading = Pick<BatchReading, 'province' | 'keepFindings' | 'skip' | 'presenceOnly'>;

/** A worker's old generation, at most (MiB): far above what reading one file needs. */
export const WORKER_OLD_GENERATION_MB = 1024;

function workerOldGenerationMb(): number {
  // Tests set a small one to see files read again on the main thread.
  const forced = Number(process.env.ANTT_WORKER_HEAP_MB);
  return Number.isInteger(forced) && forced > 0 ? forced : WORKER_OLD_GENERATION_MB;
}

/** Below this much input, starting workers costs more than it saves. */
const PARALLEL_BYTES = 16 * 1024 * 1024;

/**
 * How the files will be read: by `workers` threads, this one among them (0 or 1: here, one by
 * one), in `batches`.
 */
export interface ReadingPlan {
  workers: number;
  batches: Batch[];
}

export function readingPlan(files: readonly string[]): ReadingPlan {
  // Each file's size is looked up once: the number of threads and the batches both need it.
  let sizes: number[] | undefined;
  const sized = () => (sizes ??= files.map(sizeOf));
  let workers: number;
  const forced = process.env.ANTT_WORKERS;
  if (forced !== undefined && forced !== '') workers = Math.max(0, Math.min(Number(forced) || 0, files.length));
  else if (files.length < 2) workers = 0;
  else workers = sized().reduce((a, b) => a + b, 0) < PARALLEL_BYTES ? 0 : Math.min(availableParallelism(), 4, files.length);
  return { workers, batches: workers > 1 ? batchesOf(files, sized()) : [] };
}

/** Whether this process is the antt command line (bin/antt.js says so), not a program using antt as a library. */
function ownsHeap(): boolean {
  return (globalThis as Record<symbol, unknown>)[Symbol.for('antt.ownsHeap')] === true;
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0; // unreadable: reported when it is read
  }
}

/** Files sent to a worker together: up to this many bytes… */
const BATCH_BYTES = 1024 * 1024;
/** … or this many files. */
const BATCH_FILES = 64;

/**
 * Consecutive files in batches: a worker reads a batch as one run (one checker, one rollup), so
 * that ten thousand one-row returns cost a few hundred messages, not ten thousand. A batch is
 * merged, or read again here, as a whole, as a single file is.
 */
function batchesOf(files: readonly string[], sizes: readonly number[]): Batch[] {
  const batches: Batch[] = [];
  let batch: string[] = [];
  let bytes = 0;
  files.forEach((file, i) => {
    const size = sizes[i]!;
    if (batch.length > 0 && (bytes + size > BATCH_BYTES || batch.length >= BATCH_FILES)) {
      batches.push({ files: batch, bytes });
      batch = [];
      bytes = 0;
    }
    batch.push(file);
    bytes += size;
  });
  if (batch.length > 0) batches.push({ files: batch, bytes });
  return batches;
}

export async function readInParallel(
  inputs: Inputs,
  checker: ReturnChecker,
  rollup: Rollup,
  plan: ReadingPlan,
  options: {
    progress?: ProgressState;
    /** Reads a file here, against everything merged before it. */
    readHere: (file: string) => Promise<void>;
    /** What each worker reads its batches with, besides the catalogue and unit lists it loads itself. */
    workers: WorkerReading;
  },
): Promise<void> {
  // Required, not imported: see io/exceljs.ts. (node:v8 too: loading it is 8 million instructions
  // of every start, and only a large job needs it.)
  const require = createRequire(import.meta.url);
  const { Worker } = require('node:worker_threads') as typeof import('node:worker_threads');
  const { setFlagsFromString } = require('node:v8') as typeof import('node:v8');
  // A large job run by the command line (bin/antt.js says so): the young generation keeps the
  // size it has, here and in each worker. Row data dies young, and a grown young generation is
  // memory the whole run holds: measured on the national monthly set, 202–206 → 183–189 MiB,
  // same time. Not for small jobs (more collections, and start-up is their time), nor inside a
  // program that uses antt as a library: its heap is its own.
  //
  // V8's flags are the process's, and a worker's start undoes this one for all (measured: set
  // here alone, before the workers start, 201–203 MiB; again once they have, 187–191). So it is
  // set again once every worker has sent back its first batch — not by each worker as it
  // starts, as before: a flag set while another worker loaded its code cache made V8 refuse
  // that cache, in 3 runs of 40.
  const fixedYoungGeneration = ownsHeap();
  const fixYoungGeneration = () => {
    if (fixedYoungGeneration) setFlagsFromString('--semi-space-growth-factor=1');
  };
  fixYoungGeneration();
  // From the command line, through its launcher (bin/antt.js; src/cli.ts runs the worker); as a
  // library, the worker module.
  const launcher = (globalThis as Record<symbol, unknown>)[Symbol.for('antt.launcher')];
  const script = typeof launcher === 'string' ? launcher : new URL('./read-worker.js', import.meta.url);
  const env = typeof launcher === 'string' ? { ...process.env, ANTT_READ_WORKER: '1' } : process.env;
  const { workers: told } = options;
  const workerData = {
    configPath: inputs.configPath,
    province: told.province,
    keepFindings: told.keepFindings,
    skip: [...told.skip],
    // Checking only: the workers' rollups say which unit-years a batch has, not their figures.
    presenceOnly: told.presenceOnly,
  };
  // A worker's garbage is short-lived row data, and each worker's spare heap is memory the whole
  // run holds. A smaller young generation than the default (measured: −40 MiB, same time), and an
  // old generation with a stated limit: V8 then grows it by need, not by the machine's memory
  // (measured on the national monthly set: 267–274 → 207–217 MiB, same time). A file that needs
  // more than the limit is read again on the main thread (see the 'error' handler below).
  const resourceLimits = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: workerOldGenerationMb() };
  const start = () => new Worker(script, { workerData, resourceLimits, env });
  // This thread reads too: from the front, each batch straight into the run's own checker and
  // rollup, as one thread would (nothing to export, send or merge), while the workers take
  // batches from the back; each batch a worker read is merged when this thread reaches it. Before,
  // this thread read batches apart like a worker and merged its own results too: on two cores,
  // the national monthly set took 6.0–6.2 s of CPU for 3.4–3.6 s, against 4.0–4.4 s of CPU on one
  // thread (measured with /usr/bin/time; see the README's Performance section).
  const pool = Array.from({ length: plan.workers - 1 }, start);
  const batches = plan.batches;
  const sent = new Uint8Array(batches.length);
  /** The batches after this one are all sent (workers take them from the back). */
  let lastUnsent = batches.length - 1;
  let unsent = batches.length;
  const take = (index: number) => {
    sent[index] = 1;
    unsent--;
    while (lastUnsent >= 0 && sent[lastUnsent] === 1) lastUnsent--;
    return index;
  };
  const done = new Map<number, BatchResult>();
  /** Wakes this thread when it waits for a worker's batch: set while it waits. */
  let wake: (() => void) | undefined;
  let failure: Error | undefined;
  const fail = (error: Error) => {
    failure ??= error;
    wake?.();
  };

  const merge = async (result: BatchResult) => {
    if ('fatal' in result) throw new AnttError(result.fatal.code, result.fatal.params);
    if ('reread' in result || rollup.overlaps(result.rolled)) {
      checker.absorbStashedRows();
      for (const file of batches[result.index]!.files) await options.readHere(file);
      return;
    }
    checker.merge(result.part);
    checker.stashRows(result.rows);
    rollup.importPart(result.rolled);
  };

  try {
    /**
     * The batches sent to each worker and not yet back: two, so that a worker has the next one
     * at hand when it finishes, and does not wait for this thread, busy reading.
     */
    const reading = new Map<InstanceType<typeof Worker>, number[]>();
    const fill = (worker: InstanceType<typeof Worker>) => {
      let inHand = reading.get(worker);
      if (!inHand) reading.set(worker, (inHand = []));
      // Near the middle, one at a time: this thread would otherwise wait for a worker's second.
      const depth = unsent > 2 * (pool.length + 1) ? 2 : 1;
      while (inHand.length < depth && unsent > 0) {
        const index = take(lastUnsent);
        inHand.push(index);
        worker.postMessage({ index, ...batches[index]! });
      }
    };
    /** The workers that have sent back a batch: all have started (see fixYoungGeneration). */
    const answered = new Set<InstanceType<typeof Worker>>();
    const employ = (worker: InstanceType<typeof Worker>) => {
      worker.on('message', (result: BatchResult) => {
        if (!answered.has(worker)) {
          answered.add(worker);
          if (pool.every((w) => answered.has(w))) fixYoungGeneration();
        }
        const inHand = reading.get(worker)!;
        inHand.splice(inHand.indexOf(result.index), 1);
        done.set(result.index, result);
        fill(worker);
        wake?.();
      });
      worker.on('error', (error: Error & { code?: string }) => {
        if (error.code !== 'ERR_WORKER_OUT_OF_MEMORY') return fail(error);
        const lost = reading.get(worker) ?? [];
        reading.delete(worker);
        // Idle (every file handed out): nothing is lost with it.
        if (lost.length === 0) return;
        // A batch too large for a worker's heap: read here, where the heap is the machine's,
        // in its turn, with the one sent after it; a new worker takes the old one's place.
        const fresh = start();
        pool[pool.indexOf(worker)] = fresh;
        for (const index of lost) done.set(index, { index, reread: true });
        employ(fresh);
        wake?.();
      });
      fill(worker);
    };
    for (const worker of pool) employ(worker);
    // In order: a batch read here is read against everything before it, and a worker's is merged
    // in its turn, so that the run is the one a single thread makes.
    for (let next = 0; next < batches.length; next++) {
      if (sent[next] === 0) {
        take(next);
        // Rows of workers' batches merged so far join the run's before a file is read against them.
        checker.absorbStashedRows();
        for (const file of batches[next]!.files) await options.readHere(file);
      } else {
        let result: BatchResult | undefined;
        while ((result = done.get(next)) === undefined && failure === undefined) await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
        if (failure) throw failure;
        done.delete(next);
        await merge(result!);
      }
      if (failure) throw failure;
      if (options.progress) options.progress.filesDone += batches[next]!.files.length;
    }
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
}
