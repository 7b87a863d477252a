/**
 * Writing a report file safely (DESIGN §8):
 * - never onto a file the run has read (a return, the folder's config or unit list, the shipped
 *   data), whatever links lead there: compared by device and inode (files-read.ts);
 * - a regular file is never half there: a temporary file beside it, then renamed over it (a
 *   rename within one folder is atomic); through a link, the file behind it is replaced;
 * - a special file (a terminal, `/dev/null`, a FIFO, `/dev/stdout` and what it leads to) is
 *   written to, never replaced;
 * - no temporary file outlives the run: one being written when SIGINT, SIGTERM or SIGHUP comes is
 *   removed before the process ends as the signal says.
 */
import { fstatSync, mkdirSync, realpathSync, renameSync, rmSync, rmdirSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { AnttError } from './errors.js';
import { isRead } from './files-read.js';

/** Temporary files being written now. */
const pending = new Set<string>();
let signalsHeld = false;

/** On the first write: a signal removes the temporary files, then ends the run as it would have. */
function holdSignals(): void {
  if (signalsHeld) return;
  signalsHeld = true;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      for (const temporary of pending) rmSync(temporary, { force: true });
      pending.clear();
      process.kill(process.pid, signal);
    });
  }
}

function statOf(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/** Whether a file is this process's standard output or error (what `/dev/stdout` and the like lead to). */
function isOwnStream(stat: Stats): boolean {
  for (const fd of [1, 2]) {
    try {
      const own = fstatSync(fd);
      if (own.dev === stat.dev && own.ino === stat.ino) return true;
    } catch {
      // closed: nothing to compare
    }
  }
  return false;
}

function unwritable(path: string, cause: unknown): AnttError {
  return new AnttError('output-unwritable', { path, reason: (cause as NodeJS.ErrnoException).code ?? String(cause) });
}

/**
 * Before a run: refuses an output that is one of the files it will read (`inputs`: returns and
 * the config), so that a long run does not end in a refusal. The write itself checks again,
 * against every file the run read.
 */
export function refuseOutputOntoInputs(path: string, inputs: readonly string[]): void {
  if (isRead(resolve(path), inputs)) throw new AnttError('output-is-input', { path });
}

export interface WriteOptions {
  createFolders?: boolean;
  /** The one file a command reads in order to write it anew (`init --force` keeps what the province added to its config). */
  rewritesWhatWasRead?: boolean;
}

export function writeFileAtomic(path: string, content: string | Uint8Array, options: WriteOptions = {}): void {
  const target = resolve(path);
  if (!options.rewritesWhatWasRead && isRead(target)) throw new AnttError('output-is-input', { path });
  const stat = statOf(target);
  if (stat?.isDirectory()) throw unwritable(path, { code: 'EISDIR' });
  // A device, a FIFO, a terminal, or this process's own output (`/dev/stdout` onto a file): written
  // to where it is. Replacing it would replace /dev/null, leave a FIFO's reader waiting, or lose
  // what the shell redirected.
  if (stat && (!stat.isFile() || isOwnStream(stat) || /^\/(dev|proc)\//.test(target))) {
    try {
      writeFileSync(target, content);
      return;
    } catch (cause) {
      throw unwritable(path, cause);
    }
  }
  // Through links, the file behind them is replaced; the links stay.
  const real = stat ? realpathSync(target) : target;
  if (options.createFolders) mkdirSync(dirname(real), { recursive: true });
  // Unique enough with the process id; `wx` refuses a name that is somehow taken rather than
  // write into another's file. (Not node:crypto's random bytes: loading it is 6 ms of a cold start.)
  const temporary = join(dirname(real), `.${basename(real)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
  holdSignals();
  try {
    pending.add(temporary);
    writeFileSync(temporary, content, { flag: 'wx' });
    renameSync(temporary, real);
  } catch (cause) {
    // A name taken (EEXIST) is another's file: left alone.
    if ((cause as NodeJS.ErrnoException).code !== 'EEXIST') rmSync(temporary, { force: true });
    throw unwritable(path, cause);
  } finally {
    pending.delete(temporary);
  }
}

/**
 * Files written as one: if any cannot be written, those this batch created are removed again
 * (and the folders it made, when left empty), so that nothing half-made stays behind. A file
 * that was there before (`--force`) is replaced atomically and stays replaced.
 */
export class WriteBatch {
  private readonly created: string[] = [];
  private readonly folders: string[] = [];

  write(path: string, content: string | Uint8Array, options: WriteOptions = {}): void {
    const target = resolve(path);
    this.makeFolders(dirname(target));
    const existed = statOf(target) !== null;
    writeFileAtomic(target, content, options);
    if (!existed) this.created.push(target);
  }

  /** Removes what this batch created (call when a write failed). */
  rollback(): void {
    for (const file of this.created.splice(0).reverse()) rmSync(file, { force: true });
    for (const folder of this.folders.splice(0).reverse()) {
      try {
        rmdirSync(folder);
      } catch {
        // not empty (a file of the user's): left
      }
    }
  }

  private makeFolders(folder: string): void {
    const missing: string[] = [];
    for (let at = folder; statOf(at) === null; at = dirname(at)) {
      missing.push(at);
      if (dirname(at) === at) break;
    }
    if (missing.length === 0) return;
    try {
      mkdirSync(folder, { recursive: true });
    } catch (cause) {
      throw unwritable(folder, cause);
    }
    this.folders.push(...missing.reverse());
  }
}
