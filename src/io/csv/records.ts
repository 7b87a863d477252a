/**
 * CSV records, split here for the plain lines and by csv-parse for the rest. Nearly every line of
 * a return is "plain": one record on one line, cells either bare or wholly quoted the way Excel
 * writes them (`"0,2"`, `"Vũ khí, vật liệu nổ"`, `""` for a quote). For such lines csv-parse does
 * nothing but split, yet cost two thirds of a large run (a state machine per byte, a Buffer slice
 * per cell) and a few milliseconds of set-up per small file. So lines are split here until the
 * first line that is not plain (a quoted cell running over lines, a stray quote, a line so long it
 * may be a runaway): from that line on csv-parse reads the rest of the file, and stays the one
 * authority for everything unusual or malformed. `test/csv-records.test.ts` proves the records
 * and line numbers are csv-parse's for any text, however it is cut into chunks.
 */
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import type { CsvError as CsvErrorType } from 'csv-parse';

/** The largest record read: 1 million characters or bytes (a real row is a few hundred). */
export const MAX_RECORD_CHARS = 1_000_000;

/** A line longer than this is handed to csv-parse, which enforces the record size limit. */
const PLAIN_LINE_CHARS = 100_000;

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

export interface PlainSplit {
  /** Index of the first character not consumed: the start of a line not yet complete or not plain. */
  stop: number;
  /** The line at `stop` is not plain: the rest of the text is csv-parse's. */
  hard: boolean;
}

/**
 * Reads a whole line in place, without splitting it into cells, if it can (see line-view.ts): true
 * when it took the line, and false, having changed nothing, when the line is to be split and
 * emitted as any other. text[start, end) is the line without its ending.
 */
export type PlainLineTaker = (text: string, start: number, end: number, separator: number) => boolean;

/** A quote, or a CR that is not the first half of a CRLF: the line needs a closer look. */
const NOT_SIMPLE = /["\r]/;
/** Anything but printable ASCII and tab. */
const UNUSUAL = /[^\x20-\x7e\t]/;

/**
 * Splits complete plain lines of `text` from `from`, calling `emit(cells, unusual)` for each, where
 * `unusual` false promises every cell is printable ASCII or tab (so the caller's normalisation is
 * needed only otherwise). With `final`, a last line without a line ending is complete.
 *
 * Most lines have no quote: found with indexOf and split with split, both native. A line with a
 * quote or a lone CR is walked character by character.
 */
export function splitPlainLines(
  text: string,
  from: number,
  delimiter: string,
  final: boolean,
  emit: (cells: string[], unusual: boolean) => void,
  take: PlainLineTaker | null = null,
): PlainSplit {
  const length = text.length;
  const separator = delimiter.charCodeAt(0);
  let lineStart = from;
  while (lineStart < length) {
    const lf = text.indexOf('\n', lineStart);
    // A last line without its line ending may go on in the next chunk.
    if (lf < 0 && !final) break;
    const next = lf < 0 ? length : lf + 1;
    if (next - lineStart > PLAIN_LINE_CHARS) return { stop: lineStart, hard: true };
    let end = lf < 0 ? length : lf;
    if (lf >= 0 && end > lineStart && text.charCodeAt(end - 1) === CR) end--;
    if (take !== null && take(text, lineStart, end, separator)) {
      lineStart = next;
      continue;
    }
    const line = text.slice(lineStart, end);
    if (NOT_SIMPLE.test(line)) {
      const walked = walkLines(text, lineStart, next, delimiter, final, emit);
      if (walked.hard || walked.stop < next) return walked;
    } else {
      emit(line.split(delimiter), UNUSUAL.test(line));
    }
    lineStart = next;
  }
  if (length - lineStart > PLAIN_LINE_CHARS) return { stop: lineStart, hard: true };
  return { stop: lineStart, hard: false };
}

/** The lines of text[from, to), character by character (see splitPlainLines). */
function walkLines(text: string, from: number, to: number, delimiter: string, final: boolean, emit: (cells: string[], unusual: boolean) => void): PlainSplit {
  const separator = delimiter.charCodeAt(0);
  const length = to;
  let lineStart = from;
  let fieldStart = from;
  let cells: string[] = [];
  let unusual = false;
  /** The value of the quoted cell just closed, taken at the separator or line end after it. */
  let quoted: string | null = null;
  for (let i = from; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === separator) {
      cells.push(quoted ?? text.slice(fieldStart, i));
      quoted = null;
      fieldStart = i + 1;
    } else if (c === LF || c === CR) {
      // A CR that ends the text may be the first half of a CRLF cut by the chunk boundary.
      if (c === CR && i + 1 === length && !final) break;
      if (i - lineStart > PLAIN_LINE_CHARS) return { stop: lineStart, hard: true };
      cells.push(quoted ?? text.slice(fieldStart, i));
      quoted = null;
      emit(cells, unusual);
      if (c === CR && text.charCodeAt(i + 1) === LF) i++;
      cells = [];
      unusual = false;
      lineStart = fieldStart = i + 1;
    } else if (c === QUOTE) {
      if (i !== fieldStart || quoted !== null) return { stop: lineStart, hard: true };
      // A wholly quoted cell: up to the quote that is followed by a separator or the line end.
      unusual = true;
      let value = '';
      let from = i + 1;
      for (;;) {
        const close = text.indexOf('"', from);
        const lineEnd = nextLineEnd(text, from, close < 0 ? length : close);
        if (lineEnd >= 0) return { stop: lineStart, hard: true };
        if (close < 0 || (close + 1 === length && !final)) {
          // The text ends inside the cell, or just after a quote that may be the first of `""`.
          if (final || length - lineStart > PLAIN_LINE_CHARS) return { stop: lineStart, hard: true };
          return { stop: lineStart, hard: false };
        }
        value += text.slice(from, close);
        const after = close + 1 === length ? -1 : text.charCodeAt(close + 1);
        if (after === QUOTE) {
          value += '"';
          from = close + 2;
          continue;
        }
        if (after !== separator && after !== LF && after !== CR && after !== -1) return { stop: lineStart, hard: true };
        quoted = value;
        i = close;
        break;
      }
    } else if (c > 0x7e || (c < 0x20 && c !== 0x09)) {
      unusual = true;
    }
  }
  if (length - lineStart > PLAIN_LINE_CHARS) return { stop: lineStart, hard: true };
  if (final && lineStart < length) {
    cells.push(quoted ?? text.slice(fieldStart, length));
    emit(cells, unusual);
    return { stop: length, hard: false };
  }
  return { stop: lineStart, hard: false };
}

/** The first CR or LF in text[from, to), or -1. */
function nextLineEnd(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || c === CR) return i;
  }
  return -1;
}

/**
 * Reads the records of CSV text given in chunks: plain lines split here, the rest (from the first
 * line that is not plain) by csv-parse. `onRecord` gets each record with the line it starts on;
 * `unusual` false promises every cell is printable ASCII or tab. A syntax error csv-parse cannot
 * read past is given to `onMalformed` with its line, once, and ends the reading.
 */
export async function readCsvRecords(
  chunks: Iterable<string> | AsyncIterable<string>,
  delimiter: string,
  onRecord: (cells: string[], line: number, unusual: boolean) => void,
  onMalformed: (code: string, line: number) => void,
  takeLine: LineTaker | null = null,
  reading: ReadingState = { lastLine: 0, clean: true, hard: false },
): Promise<void> {
  let malformed = false;
  const plainRecord = (cells: string[], unusual: boolean) => onRecord(cells, ++reading.lastLine, unusual);
  // A line taken in place is a record read: it counts toward the line numbers as one.
  const take: PlainLineTaker | null =
    takeLine === null
      ? null
      : (text, start, end, separator) => {
          if (!takeLine(text, start, end, separator, reading.lastLine + 1)) return false;
          reading.lastLine++;
          return true;
        };
  const iterator = (Symbol.asyncIterator in chunks ? chunks[Symbol.asyncIterator]() : chunks[Symbol.iterator]()) as AsyncIterator<string> | Iterator<string>;
  let carry = '';
  let first = true;
  for (;;) {
    reading.clean = carry === '';
    const next = await iterator.next();
    let text = next.done ? carry : carry + next.value;
    // A byte order mark is not part of the first cell.
    if (first && text.length > 0) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    const split = splitPlainLines(text, 0, delimiter, next.done === true, plainRecord, take);
    if (!split.hard) {
      if (next.done) return;
      carry = text.slice(split.stop);
      continue;
    }
    const rest = text.slice(split.stop);
    reading.hard = true;
    const remaining = (async function* () {
      yield rest;
      if (next.done) return;
      for (let more = await iterator.next(); !more.done; more = await iterator.next()) yield more.value;
    })();
    const base = reading.lastLine;
    // Loaded only for a file with a line that is not plain.
    const { CsvError, parse } = await import('csv-parse');
    const parser = parse({
      delimiter,
      // Line endings named up front: csv-parse's own discovery re-encodes its buffer on every call.
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      relax_quotes: true,
      // No per-record `info` objects (half a second per 100,000 rows): the parser's own running
      // count, read as each record is emitted, gives the same line numbers.
      info: false,
      skip_empty_lines: false,
      // A record (one row, quotes included) larger than this is not a return row but a runaway
      // quote or a pasted document: reported, and memory stays bounded.
      max_record_size: MAX_RECORD_CHARS,
      skip_records_with_error: true,
      on_skip: (error) => {
        if (!error || malformed) return;
        malformed = true;
        onMalformed(error.code, reading.lastLine + 1);
      },
    });
    // Records are handled as csv-parse emits them, so that every row before a syntax error counts.
    parser.on('data', (cells: string[]) => {
      const line = reading.lastLine + 1;
      reading.lastLine = base + parser.info.lines;
      onRecord(cells, line, true);
    });
    try {
      await new Promise<void>((resolve, reject) => {
        parser.on('error', reject);
        parser.on('end', resolve);
        const input = Readable.from(remaining, { objectMode: false });
        input.on('error', reject);
        input.pipe(parser);
      });
    } catch (error) {
      if (!(error instanceof CsvError)) throw error;
      if (!malformed) onMalformed((error as CsvErrorType).code, reading.lastLine + 1);
    }
    return;
  }
}

/** Takes a whole line in place (see PlainLineTaker), given the number of the line. */
export type LineTaker = (text: string, start: number, end: number, separator: number, line: number) => boolean;

/** Takes a line still in UTF-8 bytes (see readCsvBytes), given the number of the line, or says false. */
export interface ByteLines {
  takeBytes(bytes: Buffer, start: number, end: number, separator: number, line: number): boolean;
}

/**
 * Takes the lines of bytes[from, to) one after another while `lines` takes them; returns where it
 * stopped: the first line not taken, or `to`. A function of the module, not of each file, for
 * the same reason as ByteLines.
 */
function takeByteLines(bytes: Buffer, from: number, to: number, reading: ReadingState, separator: number, lines: ByteLines): number {
  let at = from;
  // The first line is always read as text: a byte order mark is taken off the first text.
  while (at < to && reading.clean && !reading.hard && reading.lastLine > 0) {
    const lf = bytes.indexOf(LF, at);
    if (lf < 0 || lf >= to) break;
    const end = lf > at && bytes[lf - 1] === CR ? lf - 1 : lf;
    if (!lines.takeBytes(bytes, at, end, separator, reading.lastLine + 1)) break;
    reading.lastLine++;
    at = lf + 1;
  }
  return at;
}

/** Where readCsvRecords is, for readCsvBytes, which takes lines in between. */
export interface ReadingState {
  /** The number of the last line read. */
  lastLine: number;
  /** Every text handed over so far has been read to its end: nothing waits for the next chunk. */
  clean: boolean;
  /** csv-parse reads the rest of the file: every byte from here on is its, as text. */
  hard: boolean;
}

/**
 * Text handed over for a line not taken as bytes: that line and those after it, up to about this
 * many bytes (the tests make it small). A file's first line not taken is mostly followed by more
 * (its header, then the first rows of units not yet seen), and each handover is a step of the
 * readers' loop; a few rows too many read as text cost little.
 */
const HANDOVER_BYTES = 4 * 1024;

/**
 * readCsvRecords for a UTF-8 file read in chunks of bytes, with a line taken while still in bytes
 * when `byteLines` can (line-view.ts): a national run's lines are nearly all printable
 * ASCII, and decoding them into text, and the garbage that text became, were a fifth of the work.
 *
 * A line not taken is decoded, with the lines after it up to HANDOVER_BYTES, and read by
 * readCsvRecords as any text, so that everything unusual is read where it always was. The bytes
 * are taken only when all text handed over has been read (chunks are pulled one at a time), so
 * lines are read in order and numbered as one text would number them; once csv-parse has the
 * file, the rest goes to it as text. Decoding only whole lines (an LF is never inside a UTF-8
 * sequence) gives the text one decoder would give.
 */
export async function readCsvBytes(
  chunks: AsyncIterable<Buffer>,
  delimiter: string,
  onRecord: (cells: string[], line: number, unusual: boolean) => void,
  onMalformed: (code: string, line: number) => void,
  takeLine: LineTaker | null,
  byteLines: ByteLines,
  handoverBytes = HANDOVER_BYTES,
): Promise<void> {
  const reading: ReadingState = { lastLine: 0, clean: true, hard: false };
  const separator = delimiter.charCodeAt(0);
  const decoder = new StringDecoder('utf8');
  async function* texts(): AsyncGenerator<string> {
    let carry: Buffer | null = null;
    for await (const chunk of chunks) {
      let at = 0;
      if (carry !== null) {
        // The line cut by the chunk boundary, whole, on its own.
        const lf = chunk.indexOf(LF);
        if (lf < 0 && carry.length + chunk.length <= PLAIN_LINE_CHARS) {
          carry = Buffer.concat([carry, chunk]);
          continue;
        }
        const line = Buffer.concat([carry, lf < 0 ? chunk : chunk.subarray(0, lf + 1)]);
        carry = null;
        const taken = takeByteLines(line, 0, line.length, reading, separator, byteLines);
        if (taken < line.length) yield decoder.write(line.subarray(taken));
        at = lf < 0 ? chunk.length : lf + 1;
      }
      const lastLf = chunk.lastIndexOf(LF);
      while (at < chunk.length) {
        at = takeByteLines(chunk, at, chunk.length, reading, separator, byteLines);
        if (at >= chunk.length) break;
        const open = reading.hard || !reading.clean;
        if (!open && lastLf < at) {
          // The rest of the chunk is the start of a line.
          carry = chunk.subarray(at);
          break;
        }
        // A line not taken: it and those after it, up to HANDOVER_BYTES, go as text; all the
        // rest once csv-parse has the file. Text ends at a line's end when it can, so that the
        // text already handed over is read to its end and the bytes after it can be taken again.
        let to = chunk.length;
        if (!reading.hard) {
          const limit = open ? -1 : chunk.indexOf(LF, at + handoverBytes);
          to = limit >= 0 ? limit + 1 : lastLf >= at ? lastLf + 1 : chunk.length;
        }
        yield decoder.write(chunk.subarray(at, to));
        at = to;
      }
    }
    if (carry !== null) yield decoder.write(carry);
    const end = decoder.end();
    if (end !== '') yield end;
  }
  await readCsvRecords(texts(), delimiter, onRecord, onMalformed, takeLine, reading);
}
