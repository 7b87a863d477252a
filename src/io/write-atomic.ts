/**
 * Writing a report file so that it is never half there: write a temporary file beside it, then
 * rename it over the target (a rename within one folder is atomic).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { AnttError } from './errors.js';

export function writeFileAtomic(path: string, content: string | Uint8Array, options: { createFolders?: boolean } = {}): void {
  const target = resolve(path);
  if (options.createFolders) mkdirSync(dirname(target), { recursive: true });
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, target);
  } catch (cause) {
    rmSync(temporary, { force: true });
    throw new AnttError('output-unwritable', { path, reason: (cause as NodeJS.ErrnoException).code ?? String(cause) });
  }
}
