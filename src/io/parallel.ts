/**
 * Reading many large files on every core: worker threads each read whole files (decoding,
 * parsing, rows, units, cells, each row's rules) and hand back the rows that passed, packed in a
 * Float64Array; the main thread takes them in file order and does what needs every file at once
 * (duplicates and conflicts across files, the rollup). The result is the same, byte for byte, as
 * reading the files one after another (a test runs both).
 */
import { availableParallelism } from 'node:os';
import { statSync } from 'node:fs';
import type { CollectedRow, ReturnChecker, ValidationStats } from '../core/checker.js';
import type { Finding } from '../core/findings.js';
import type { Gazetteer } from '../core/gazetteer.js';
import type { Inputs } from './inputs.js';
import { AnttError, type AnttErrorCode } from './errors.js';
import { displayPath } from './inputs.js';
import type { ProgressState } from './progress.js';

/** Below this much input, starting workers costs more than it saves. */
const PARALLEL_BYTES = 16 * 1024 * 1024;

/** How many workers to read these files with: 0 or 1 means read them here, one by one. */
export function workerCount(files: readonly string[]): number {
  const forced = process.env.ANTT_WORKERS;
  if (forced !== undefined && forced !== '') return Math.max(0, Math.min(Number(forced) || 0, files.length));
  if (files.length < 2) return 0;
  let bytes = 0;
  for (const file of files) {
    try {
      bytes += statSync(file).size;
    } catch {
      // unreadable: reported when it is read
    }
  }
  if (bytes < PARALLEL_BYTES) return 0;
  return Math.min(availableParallelism(), 4, files.length);
}

/** What a worker sends back for one file. */
export interface FileResult {
  index: number;
  /** Rows that passed: [file, system, order, period, line, record, shape, count, (indicator, value, column) × count]… */
  rows: Float64Array;
  fileNames: string[];
  periods: string[];
  columns: string[];
  part: { stats: ValidationStats; findings: Finding[]; flagged: string[]; files: string[]; spreadsheets: [string, [string, number][]][] };
}

/** Packs collected rows for the trip to the main thread (see FileResult.rows). */
export class RowPacker {
  private numbers: number[] = [];
  private files = new Map<string, number>();
  private periods = new Map<string, number>();
  private columns = new Map<string, number>();

  add(row: CollectedRow): void {
    const id = (map: Map<string, number>, key: string) => {
      let n = map.get(key);
      if (n === undefined) {
        n = map.size;
        map.set(key, n);
      }
      return n;
    };
    // A workbook's sheets are returns of their own: each row says which.
    this.numbers.push(id(this.files, row.where.file), row.unit.system === 'old' ? 0 : 1, row.unit.order, id(this.periods, row.period.label), row.where.line ?? -1, row.where.record ?? -1, row.shape === 'wide' ? 0 : 1, row.values.length);
    for (const v of row.values) this.numbers.push(v.index, v.scaled, v.column === null ? -1 : id(this.columns, v.column));
  }

  take(): { rows: Float64Array; fileNames: string[]; periods: string[]; columns: string[] } {
    const out = { rows: Float64Array.from(this.numbers), fileNames: [...this.files.keys()], periods: [...this.periods.keys()], columns: [...this.columns.keys()] };
    this.numbers = [];
    this.files = new Map();
    this.periods = new Map();
    this.columns = new Map();
    return out;
  }
}

/** Gives a file's packed rows to the main thread's checker, in order. */
function mergeFile(result: FileResult, checker: ReturnChecker, gazetteer: Gazetteer): void {
  checker.merge(result.part);
  const { catalogue } = checker.parts;
  const rows = result.rows;
  for (let at = 0; at < rows.length; ) {
    const file = result.fileNames[rows[at]!]!;
    const system = rows[at + 1] === 0 ? 'old' : 'new';
    const unit = gazetteer.unitAt(system, rows[at + 2]!)!;
    const period = checker.period(result.periods[rows[at + 3]!]!)!;
    const line = rows[at + 4]!;
    const record = rows[at + 5]!;
    const shape = rows[at + 6] === 0 ? 'wide' : 'long';
    const count = rows[at + 7]!;
    at += 8;
    const values: CollectedRow['values'] = [];
    for (let k = 0; k < count; k++, at += 3) {
      const index = rows[at]!;
      const column = rows[at + 2]!;
      values.push({ indicator: catalogue.indicators[index]!, index, scaled: rows[at + 1]!, column: column < 0 ? null : result.columns[column]! });
    }
    checker.acceptCollected({ unit, period, values, where: { file, line: line < 0 ? null : line, record: record < 0 ? null : record }, shape });
  }
}

export async function readInParallel(
  inputs: Inputs,
  checker: ReturnChecker,
  gazetteer: Gazetteer,
  count: number,
  options: { keepFindings?: number; skip?: readonly string[]; progress?: ProgressState },
): Promise<void> {
  const { Worker } = await import('node:worker_threads');
  const script = new URL('./read-worker.js', import.meta.url);
  const workerData = { configPath: inputs.configPath, province: inputs.config?.province ?? null, keepFindings: options.keepFindings ?? 10_000, skip: options.skip ?? [] };
  const pool = Array.from({ length: count }, () => new Worker(script, { workerData }));
  const files = inputs.files;
  let nextToSend = 0;
  let nextToMerge = 0;
  const done = new Map<number, FileResult>();
  try {
    await new Promise<void>((resolve, reject) => {
      if (files.length === 0) return resolve();
      const send = (worker: InstanceType<typeof Worker>) => {
        if (nextToSend >= files.length) return;
        const index = nextToSend++;
        worker.postMessage({ index, file: files[index], shown: displayPath(files[index]!) });
      };
      for (const worker of pool) {
        worker.on('message', (result: FileResult & { fatal?: { code: AnttErrorCode; params: Record<string, string | number | undefined> } }) => {
          if (result.fatal) return reject(new AnttError(result.fatal.code, result.fatal.params));
          done.set(result.index, result);
          send(worker);
          try {
            while (done.has(nextToMerge)) {
              mergeFile(done.get(nextToMerge)!, checker, gazetteer);
              done.delete(nextToMerge);
              nextToMerge++;
              if (options.progress) options.progress.filesDone++;
            }
          } catch (error) {
            reject(error as Error);
          }
          if (nextToMerge === files.length) resolve();
        });
        worker.on('error', reject);
        send(worker);
      }
    });
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
}
