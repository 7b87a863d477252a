/**
 * antt's standard output and error. A pipe, a socket or a file is written with `fs.writeSync`:
 * Node makes a network socket of a piped stdout or stderr, loading its network modules (4 ms of a
 * cold start, and a pipe is how scripts, CI and the bench read antt; a program started from Node
 * gets a socket pair). A terminal, or anything else, goes through `process.stdout` and
 * `process.stderr` as usual: only they know a terminal's width and colours.
 */
import { fstatSync, writeSync } from 'node:fs';

export type StdioFd = 1 | 2;

const pipeOrFileFds: Partial<Record<StdioFd, boolean>> = {};

/** Whether the fd is a pipe, a socket or a regular file: never a terminal, and written directly. */
function pipeOrFile(fd: StdioFd): boolean {
  let known = pipeOrFileFds[fd];
  if (known === undefined) {
    try {
      const stat = fstatSync(fd);
      known = stat.isFIFO() || stat.isSocket() || stat.isFile();
    } catch {
      known = false; // closed, or a kind fstat does not tell: Node's stream decides
    }
    pipeOrFileFds[fd] = known;
  }
  return known;
}

const streamOf = (fd: StdioFd) => (fd === 1 ? process.stdout : process.stderr);

export function isTerminal(fd: StdioFd): boolean {
  return !pipeOrFile(fd) && streamOf(fd).isTTY === true;
}

/** The terminal's width, as `process.stdout.columns` gives it: none for a pipe, a socket or a file. */
export function terminalColumns(fd: StdioFd = 1): number | undefined {
  return pipeOrFile(fd) ? undefined : streamOf(fd).columns;
}

/** Whether the terminal shows colours, as Node's stream says (`hasColors`); never a pipe, a socket or a file. */
export function terminalHasColors(fd: StdioFd): boolean {
  return isTerminal(fd) && streamOf(fd).hasColors?.() === true;
}

let pause: Int32Array | undefined;
const listening: Partial<Record<StdioFd, boolean>> = {};
/** An error a stream reported outside a write's callback (Node reports some only to 'error'). */
const streamErrors: Partial<Record<StdioFd, string>> = {};

/**
 * What became of a write: all of it written; `gone`, the reader went away (EPIPE, as in
 * `antt … | head`), which is not an error; or the error's code (ENOSPC for `> /dev/full`, EBADF
 * for a closed descriptor, EIO…), which is: the output is lost and the run must say so.
 */
export type WriteResult = 'written' | 'gone' | { error: string };

/** Writes all of `text`, and says what became of it. */
export function writeText(fd: StdioFd, text: string): Promise<WriteResult> {
  if (text === '') return Promise.resolve('written');
  // A closed descriptor (`>&-`): Node would write into nothing and call it done.
  try {
    fstatSync(fd);
  } catch (cause) {
    return Promise.resolve({ error: (cause as NodeJS.ErrnoException).code ?? 'EBADF' });
  }
  if (pipeOrFile(fd)) return Promise.resolve(writeDirect(fd, text));
  const stream = streamOf(fd);
  if (!listening[fd]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      streamErrors[fd] = error.code ?? String(error);
    });
    listening[fd] = true;
  }
  return new Promise((resolve) => {
    stream.write(text, (error) => {
      const code = (error as NodeJS.ErrnoException | null | undefined)?.code ?? (error ? String(error) : streamErrors[fd]);
      resolve(code === undefined ? 'written' : code === 'EPIPE' ? 'gone' : { error: code });
    });
  });
}

function writeDirect(fd: StdioFd, text: string): WriteResult {
  const bytes = Buffer.from(text, 'utf8');
  for (let at = 0; at < bytes.length; ) {
    try {
      at += writeSync(fd, bytes, at);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') return 'gone';
      if (code !== 'EAGAIN') return { error: code ?? String(error) };
      // A pipe or socket another program left non-blocking, and full: wait a moment for its reader.
      Atomics.wait((pause ??= new Int32Array(new SharedArrayBuffer(4))), 0, 0, 1);
    }
  }
  return 'written';
}
