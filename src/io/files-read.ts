/**
 * The files a run has read — returns, the folder's config and unit lists, the shipped data — by
 * device and inode, after following links: what no output may ever be written onto (a report
 * saved over a return, or over the config the next run needs, loses the user's data). A path
 * names the same file as another when their device and inode agree, whatever links or
 * folders lead to each.
 */
import { fstatSync, statSync } from 'node:fs';

const read = new Set<string>();

function identity(path: string): string | null {
  try {
    const stat = statSync(path);
    return `${stat.dev}:${stat.ino}`;
  } catch {
    return null;
  }
}

/** Notes a file as read (call it for every file opened for reading). */
export function noteRead(path: string): void {
  const id = identity(path);
  if (id !== null) read.add(id);
}

/** Notes an open file as read, by its descriptor (no second look-up of its path). */
export function noteReadFd(fd: number): void {
  const stat = fstatSync(fd);
  read.add(`${stat.dev}:${stat.ino}`);
}

/** Whether `path` is (through any links) a file this run has read, or one of `also`. */
export function isRead(path: string, also: readonly string[] = []): boolean {
  const id = identity(path);
  if (id === null) return false;
  if (read.has(id)) return true;
  return also.some((other) => identity(other) === id);
}

/**
 * Refuses a file that is not a regular file (a device such as /dev/zero, a FIFO: read without end)
 * or is larger than `maxBytes`, before it is read whole: returns the reason, or null.
 */
export function unreadableWhole(path: string, maxBytes: number): string | null {
  let stat;
  try {
    stat = statSync(path);
  } catch (cause) {
    return (cause as NodeJS.ErrnoException).code ?? String(cause);
  }
  if (!stat.isFile()) return stat.isDirectory() ? 'EISDIR' : 'not-a-file';
  if (stat.size > maxBytes) return `EFBIG: ${Math.round(stat.size / 1024 / 1024)} MiB > ${Math.round(maxBytes / 1024 / 1024)} MiB`;
  return null;
}
