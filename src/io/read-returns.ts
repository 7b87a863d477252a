/**
 * Readers that stream a return file into a `FileChecker`: CSV (csv-parse) and JSON
 * (@streamparser/json). Only the current row is held; the checker keeps what it needs.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { noteReadFd } from './files-read.js';
import { extname } from 'node:path';
import type { RawCell } from '../../schemas/return.js';
import type { FileChecker } from '../core/checker.js';
import type { Vocabulary } from '../core/encoding.js';
import type { NumberConvention } from '../core/numbers.js';
import { decodeSample, detectEncoding, iconv, retypeTcvn3, type Encoding } from './decode.js';
import { AnttError } from './errors.js';
import { MAX_RECORD_CHARS, readCsvBytes, readCsvRecords } from './csv/records.js';
import { InPlaceLines } from './csv/line-view.js';

const SAMPLE_BYTES = 64 * 1024;

export type ReturnFormat = 'csv' | 'json' | 'xlsx';

export function formatOf(path: string): ReturnFormat | null {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv' || ext === '.txt' || ext === '.tsv') return 'csv';
  if (ext === '.json') return 'json';
  if (ext === '.xlsx') return 'xlsx';
  return null;
}

/**
 * One buffer for every file's sample, made once: 64 KiB made for each of a folder's files (the
 * sample's 134) were a twentieth of a cold run, in the allocations and the collections they
 * brought on. Each reader is done with the sample before it first waits (nothing keeps it), so
 * that one reading a file, and one started meanwhile, never share it.
 */
let sampleBuffer: Buffer | undefined;

/**
 * The first bytes of a file (all of a small one), in the shared sample buffer: valid until the
 * caller first waits. Read synchronously: for the many small files of a data folder, waiting on
 * the event loop for each open and read costs more than the reading.
 */
function readSample(path: string): { sample: Buffer; complete: boolean } {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    noteReadFd(fd);
    const buffer = (sampleBuffer ??= Buffer.allocUnsafeSlow(SAMPLE_BYTES));
    const bytesRead = readSync(fd, buffer, 0, SAMPLE_BYTES, 0);
    return { sample: buffer.subarray(0, bytesRead), complete: bytesRead < SAMPLE_BYTES };
  } catch (cause) {
    throw new AnttError('file-unreadable', { path, reason: (cause as NodeJS.ErrnoException).code ?? String(cause) });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Bytes read at a time from a large file (1 MiB chunks of a legacy encoding left ~30 MiB more of
 * freed text in the process: measured).
 */
const CHUNK_BYTES = 256 * 1024;

/**
 * A file's bytes from `start`, for every reader (CSV in any encoding, JSON), in chunks read
 * synchronously, the event loop given a turn after each (for the progress line). A stream's reads
 * wait for a thread of libuv's pool, which kept the reading thread idle (a few per cent of its
 * time in the CPU profile). Each chunk is a buffer of its own: a line cut by its end is kept.
 */
async function* fileChunks(path: string, start: number): AsyncGenerator<Buffer> {
  const fd = openSync(path, 'r');
  try {
    for (let position = start; ; ) {
      const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
      const bytesRead = readSync(fd, chunk, 0, CHUNK_BYTES, position);
      if (bytesRead === 0) return;
      position += bytesRead;
      yield bytesRead < CHUNK_BYTES ? chunk.subarray(0, bytesRead) : chunk;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  } finally {
    closeSync(fd);
  }
}

/** The delimiter of a CSV header line: the most frequent of `,` `;` and tab outside quotes. */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  // Character codes, not `for…of` and `in`: this runs once per file, mostly before V8 has
  // compiled anything, and the string iterator made it 2–3% of a cold `antt aggregate data/son-la`
  // (134 headers: 17–21 ms, now 4–8).
  let comma = 0;
  let semicolon = 0;
  let tab = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) quoted = !quoted;
    else if (quoted) continue;
    else if (c === 0x0a || c === 0x0d) break;
    else if (c === 0x2c) comma++;
    else if (c === 0x3b) semicolon++;
    else if (c === 0x09) tab++;
  }
  if (semicolon > comma && semicolon >= tab) return ';';
  if (tab > comma && tab > semicolon) return '\t';
  return ',';
}

function iconvName(encoding: Encoding): string {
  switch (encoding) {
    case 'windows1258':
      return 'windows1258';
    case 'tcvn3':
      return 'tcvn';
    case 'utf16le':
      return 'utf16le';
    case 'utf16be':
      return 'utf16be';
    default:
      return 'utf8';
  }
}

const NON_ASCII = /[^\x00-\x7f]/;
/** Anything but printable ASCII and tab. */
const UNUSUAL = /[^\x20-\x7e\t]/;


/** A return is a list of flat records: 64 levels of nesting is far beyond any real one. */
const MAX_JSON_DEPTH = 64;

/** Characters no typed cell contains: a NUL or other control byte means the bytes are not text. */
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\uFFFD]/;

/**
 * How a CSV file may be read faster, none of which changes what is read (the tests compare each
 * way): lines read where they lie, not split into cells (io/csv/line-view.ts), and of those, lines
 * of a large UTF-8 file read while still bytes.
 */
export interface CsvFastPaths {
  linesInPlace: boolean;
  byteLines: boolean;
}

export const ALL_FAST_PATHS: CsvFastPaths = { linesInPlace: true, byteLines: true };

export async function readCsv(path: string, begin: (convention: NumberConvention) => FileChecker, vocabulary: () => Vocabulary, fast: CsvFastPaths = ALL_FAST_PATHS): Promise<void> {
  const { sample, complete } = readSample(path);
  const detection = detectEncoding(sample, vocabulary, complete);
  if (!detection.ok) {
    begin('unknown').fileFinding('encoding', { reason: detection.reason === 'binary' ? 'binary' : 'unknown' }, { line: 1 });
    return;
  }
  const encoding = detection.encoding;
  const head = detection.text ?? decodeSample(sample.subarray(detection.bomLength), encoding);
  const delimiter = detectDelimiter(head);
  // Excel on vi-VN Windows separates with `;` because `,` is its decimal mark.
  const checker = begin(delimiter === ';' ? 'vi' : 'unknown');
  if (encoding === 'tcvn3' || encoding === 'utf8-typed-tcvn3') checker.fileFinding('legacy-encoding', {}, { line: 1 });
  if (head.trim() === '') {
    checker.fileFinding('empty-file');
    return;
  }

  const retype = encoding === 'utf8-typed-tcvn3';
  let headerSeen = false;
  let broken = false;

  // Not for TCVN3 typed into UTF-8, whose cells are re-read one by one.
  const inPlace = fast.linesInPlace && !retype ? new InPlaceLines(checker) : null;
  const onRecord = (record: string[], line: number, unusual: boolean) => {
    // Printable ASCII (most cells: codes, years, figures) needs no further look.
    if (unusual) {
      unusual = false;
      for (let i = 0; i < record.length; i++) {
        let cell = record[i]!;
        if (!UNUSUAL.test(cell)) continue;
        unusual = true;
        if (NON_ASCII.test(cell)) {
          if (retype) cell = retypeTcvn3(cell);
          record[i] = cell.normalize('NFC');
        }
      }
    }
    if (!headerSeen) {
      if (record.every((c) => c.trim() === '')) return;
      headerSeen = true;
      checker.header(record, { line });
      if (inPlace) inPlace.open = true;
      return;
    }
    if (unusual && record.some((c) => CONTROL.test(c))) {
      if (record.every((c) => c.trim() === '')) return;
      checker.badRow('encoding', { reason: 'replacement' }, { line });
      return;
    }
    checker.row(record, { line });
  };
  const takeLine = inPlace === null ? null : (text: string, start: number, end: number, separator: number, line: number) => inPlace.takeText(text, start, end, separator, line);
  const malformed = (code: string, line: number) => {
    broken = true;
    checker.fileFinding('malformed-file', { format: 'CSV', reason: malformedReason(code), detail: code, limit: MAX_RECORD_CHARS }, { line });
  };

  try {
    if (complete) {
      // A small file is already in memory, decoded (TCVN3 typed into UTF-8 is re-read per cell).
      const text = retype ? sample.subarray(detection.bomLength).toString('utf8') : head;
      await readCsvRecords([text], delimiter, onRecord, malformed, takeLine);
    } else if (encoding === 'utf8' && inPlace !== null && fast.byteLines) {
      // Lines of ASCII taken while still bytes, the rest decoded (readCsvBytes).
      await readCsvBytes(fileChunks(path, detection.bomLength), delimiter, onRecord, malformed, takeLine, inPlace);
    } else {
      const decoder = iconv().getDecoder(iconvName(encoding));
      await readCsvRecords(
        (async function* () {
          for await (const chunk of fileChunks(path, detection.bomLength)) yield decoder.write(chunk);
          yield decoder.end() ?? '';
        })(),
        delimiter,
        onRecord,
        malformed,
        takeLine,
      );
    }
  } catch (error) {
    if (error instanceof AnttError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code) throw new AnttError('file-unreadable', { path, reason: code });
    throw error;
  } finally {
    checker.end();
  }
  if (!headerSeen && !broken) checker.fileFinding('empty-file');
}

function malformedReason(code: string): string {
  return code === 'CSV_QUOTE_NOT_CLOSED' ? 'unclosed-quote' : code === 'CSV_MAX_RECORD_SIZE' ? 'record-too-large' : 'syntax';
}

/** JSON returns: an array of wide records, or an object with a `returns` array. */
export async function readJson(path: string, begin: (convention: NumberConvention) => FileChecker): Promise<void> {
  const { sample } = readSample(path);
  const checker = begin('unknown');
  const bom = sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf ? 3 : 0;
  const firstChar = sample.subarray(bom).toString('utf8').trimStart()[0];
  if (firstChar === undefined) {
    checker.fileFinding('empty-file');
    return;
  }
  if (firstChar !== '[' && firstChar !== '{') {
    checker.fileFinding('not-a-return', {}, { line: 1 });
    return;
  }
  const { Tokenizer, TokenParser, TokenType } = await import('@streamparser/json');
  const recordDepth = firstChar === '[' ? 1 : 2;
  // A number too large for a double (1e400) keeps its text, to be reported as written (not «Infinity»).
  class TextOfHugeNumbers extends Tokenizer {
    override parseNumber(text: string): number {
      const value = Number(text);
      return (Number.isFinite(value) ? value : text) as number;
    }
  }
  const tokenizer = new TextOfHugeNumbers();
  const tokens = new TokenParser({ paths: [firstChar === '[' ? '$.*' : '$.returns.*'], keepStack: false });

  // Line numbers: the tokenizer gives byte offsets; count the newlines before each record's `{`.
  const lines = new LineCounter();
  let depth = 0;
  let recordLine = 1;
  let record = 0;
  let sawReturns = firstChar === '[';
  let lastTokenOffset = 0;
  let failed: Error | null = null;
  let recordStart = -1;
  let expectKey = false;
  let keys = new Set<string>();
  let duplicateKey: string | null = null;
  tokenizer.onToken = (token) => {
    if (failed) return;
    lastTokenOffset = token.offset;
    if (token.token === TokenType.LEFT_BRACE || token.token === TokenType.LEFT_BRACKET) {
      depth++;
      if (depth > MAX_JSON_DEPTH) {
        failed = Object.assign(new Error('too deep'), { reason: 'too-deep' });
        return;
      }
      if (depth === recordDepth + 1) {
        recordLine = lines.lineAt(token.offset);
        recordStart = token.offset;
        keys = new Set();
        duplicateKey = null;
        expectKey = token.token === TokenType.LEFT_BRACE;
      }
    } else if (token.token === TokenType.RIGHT_BRACE || token.token === TokenType.RIGHT_BRACKET) {
      depth--;
      if (depth === recordDepth) recordStart = -1;
    } else if (depth === recordDepth + 1 && token.token === TokenType.COMMA) {
      expectKey = true;
    } else if (depth === recordDepth + 1 && expectKey && token.token === TokenType.STRING) {
      // The parser keeps the last of two equal keys; a return that says a figure twice is asked.
      const key = String(token.value);
      if (keys.has(key)) duplicateKey ??= key;
      keys.add(key);
      expectKey = false;
    } else if (depth === 1 && recordDepth === 2 && token.token === TokenType.STRING && token.value === 'returns') {
      sawReturns = true;
    }
    tokens.write(token);
  };
  tokens.onValue = ({ value }) => {
    record++;
    const place = { line: recordLine, record };
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      checker.badRow('not-a-return', {}, place);
      return;
    }
    if (duplicateKey !== null) {
      checker.badRow('duplicate-key', { key: duplicateKey }, place);
      return;
    }
    const entries = Object.entries(value as Record<string, unknown>);
    const cells = entries.map(([, cell]) => toRawCell(cell));
    checker.header(
      entries.map(([key]) => key),
      place,
    );
    if (cells.some((c) => typeof c === 'string' && CONTROL.test(c))) {
      checker.badRow('encoding', { reason: 'replacement' }, place);
      return;
    }
    checker.row(cells, place);
  };
  const onError = (error: Error) => {
    failed ??= error;
  };
  tokenizer.onError = onError;
  tokens.onError = onError;

  try {
    for await (const data of fileChunks(path, bom)) {
      lines.push(data);
      if (failed || tokenizer.isEnded) break;
      tokenizer.write(data);
      // A record that runs on (a 500 MB string in one field): stop before it fills the memory.
      if (!failed && recordStart >= 0 && lines.end - recordStart > MAX_RECORD_CHARS) {
        failed = Object.assign(new Error('record too large'), { reason: 'record-too-large' });
        lastTokenOffset = recordStart;
      }
    }
    if (!failed && !tokenizer.isEnded) tokenizer.end();
  } catch (error) {
    if (error instanceof AnttError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code) throw new AnttError('file-unreadable', { path, reason: code });
    failed ??= error as Error;
  } finally {
    checker.end();
  }
  if (failed) {
    const detail = (failed as Error).message.replace(/\s+/g, ' ').slice(0, 160);
    const reason = (failed as Error & { reason?: string }).reason ?? 'syntax';
    const limit = reason === 'too-deep' ? MAX_JSON_DEPTH : MAX_RECORD_CHARS;
    checker.fileFinding('malformed-file', { format: 'JSON', reason, detail, limit }, { line: lines.lineAt(lastTokenOffset) });
  } else if (!sawReturns) {
    checker.fileFinding('not-a-return', {}, { line: 1 });
  }
}

/** JSON scalars pass through; a nested object or array is not a figure, and is reported as such. */
function toRawCell(cell: unknown): RawCell {
  if (cell === null || typeof cell === 'string' || typeof cell === 'number' || typeof cell === 'boolean') return cell;
  return Array.isArray(cell) ? '[…]' : '{…}';
}

/** Counts newlines up to increasing byte offsets of a stream read in chunks. */
class LineCounter {
  private chunk: Buffer = Buffer.alloc(0);
  private base = 0;
  private scanned = 0;
  private newlines = 0;

  get end(): number {
    return this.base + this.chunk.length;
  }

  push(chunk: Buffer): void {
    this.lineAt(this.end);
    this.base += this.chunk.length;
    this.chunk = chunk;
    if (this.scanned < this.base) this.scanned = this.base;
  }

  lineAt(offset: number): number {
    const stop = Math.min(offset, this.end) - this.base;
    for (let i = this.scanned - this.base; i < stop; i++) if (this.chunk[i] === 0x0a) this.newlines++;
    this.scanned = Math.max(this.scanned, this.base + stop);
    return this.newlines + 1;
  }
}
