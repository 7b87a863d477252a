/**
 * Writing a report file so that it is never half there: write a temporary file beside it, then
 * rename it over the target (a rename within one folder is atomic).
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { AnttError } from './errors.js';

export function writeFileAtomic(path: string, content: string | Uint8Array, options: { createFolders?: boolean } = {}): void {
  const target = resolve(path);
  if (options.createFolders) mkdirSync(dirname(target), { recursive: true });
  // Unique enough with the process id; `wx` refuses a name that is somehow taken rather than
  // write into another's file. (Not node:crypto's random bytes: loading it is 6 ms of a cold start.)
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
  try {
    writeFileSync(temporary, content, { flag: 'wx' });
    renameSync(temporary, target);
  } catch (cause) {
    // A name taken (EEXIST) is another's file: left alone.
    if ((cause as NodeJS.ErrnoException).code !== 'EEXIST') rmSync(temporary, { force: true });
    throw new AnttError('output-unwritable', { path, reason: (cause as NodeJS.ErrnoException).code ?? String(cause) });
  }
}
