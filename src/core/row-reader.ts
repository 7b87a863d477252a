/**
 * Reading a wide row's figures. The Zod row schema (schemas/return.ts) is the contract; reading a
 * million rows through it costs an object, a parse context and issue objects per row, so the hot
 * path uses a reader compiled once per header: one closure per column calling the very `readCell`
 * the schema's transform calls. `test/row-reader.test.ts` proves the two accept and reject
 * exactly the same rows, with the same problems.
 */
import type { Indicator } from '../../schemas/catalogue.js';
import { readCell, wideRowSchema, type CellIssueParams, type RawCell } from '../../schemas/return.js';
import type { UnitLevel } from '../../schemas/units.js';
import type { CellProblemCode, CellValue, NumberConvention } from './numbers.js';
import { DIGITS } from './digits.js';

export interface FigureColumn {
  indicator: Indicator;
  /** Index of the indicator in the catalogue. */
  index: number;
  /** 0-based position of the column in the row. */
  position: number;
  /** The column's header, named in findings. */
  header?: string | null;
}

/** A figure read, in the shape the checker accepts it: one object per figure, nothing to copy. */
export interface RowFigure {
  indicator: Indicator;
  index: number;
  scaled: number;
  column: string | null;
}

const NO_PROBLEMS: readonly CellProblemAt[] = Object.freeze([]) as readonly CellProblemAt[];

export interface CellProblemAt {
  column: FigureColumn;
  raw: RawCell;
  code: CellProblemCode;
  params: Record<string, string | number>;
}

/** A row's figures when every cell is valid; otherwise its problems, in column order. */
export interface RowReading {
  figures: RowFigure[];
  problems: readonly CellProblemAt[];
}

export type RowReader = (cells: readonly RawCell[]) => RowReading;

/** One figure object per column, refilled row after row (see compileRowReader). */
function figurePool(columns: readonly FigureColumn[]): RowFigure[] {
  return columns.map((c) => ({ indicator: c.indicator, index: c.index, scaled: 0, column: c.header ?? null }));
}

/**
 * The fast path: compiled once per header, convention and reporting level. With `lane`, a cell
 * `DIGITS` is a quantity cell of plain digits whose value is lane[position] (io/csv-records.ts).
 *
 * The reading it returns, and its figures, are the reader's own and are reused by its next call:
 * a row's figures are used up before the next row is read (rules, duplicates, the rollup copy what
 * they keep), and a national run would otherwise make ten million figure objects.
 */
export function compileRowReader(columns: readonly FigureColumn[], convention: NumberConvention, level: UnitLevel | null, lane?: Float64Array): RowReader {
  const count = columns.length;
  // Quantity columns (not yes/no counts): what readCell does first for text, inlined — an empty
  // cell is not reported, plain digits are the number (parseQuantity's own first step).
  const quantity = columns.map((c) => c.indicator.kind !== 'unit_count');
  const factor = columns.map((c) => 10 ** c.indicator.decimals);
  const pool = figurePool(columns);
  const figures: RowFigure[] = [];
  const reading: RowReading = { figures, problems: NO_PROBLEMS };
  // Written over the last row's figures, the rest popped at the end (see compileLineReader).
  let taken = 0;
  const take = (i: number, scaled: number) => {
    const figure = pool[i]!;
    figure.scaled = scaled;
    figures[taken++] = figure;
  };
  return (cells) => {
    taken = 0;
    let problems: CellProblemAt[] | null = null;
    for (let i = 0; i < count; i++) {
      const column = columns[i]!;
      const raw = cells[column.position];
      if (raw === DIGITS && lane !== undefined) {
        // What the digits below give for the same cell: the lane took only what they accept.
        if (problems === null) take(i, lane[column.position]! * factor[i]!);
        continue;
      }
      if (typeof raw === 'string' && quantity[i]) {
        const n = raw.length;
        if (n === 0) continue;
        if (n <= 15) {
          let value = 0;
          let at = 0;
          for (; at < n; at++) {
            const digit = raw.charCodeAt(at) - 48;
            if (digit < 0 || digit > 9) break;
            value = value * 10 + digit;
          }
          const scaled = value * factor[i]!;
          if (at === n && Number.isSafeInteger(scaled)) {
            if (problems === null) take(i, scaled);
            continue;
          }
        }
      }
      const result = readCell(raw, column.indicator, convention, level);
      if (result.status === 'invalid') {
        (problems ??= []).push({ column, raw, code: result.code, params: result.params });
      } else if (result.status === 'value' && problems === null) {
        take(i, result.scaled);
      }
    }
    if (problems !== null) taken = 0;
    while (figures.length > taken) figures.pop();
    reading.problems = problems ?? NO_PROBLEMS;
    return reading;
  };
}

/**
 * Where the cells of a CSV line lie in its text (see FileChecker.plainLine): cell k is
 * text[starts[k], starts[k + 1] − 1); `digits[k]` is 1 when it is 1–15 plain digits, whose value is
 * then `values[k]`.
 */
export interface LineCells {
  starts: Int32Array;
  values: Float64Array;
  digits: Uint8Array;
}

export function lineCellsFor(width: number): LineCells {
  return { starts: new Int32Array(width + 1), values: new Float64Array(width), digits: new Uint8Array(width) };
}

/** scanLine: the line is not to be read in place. */
export const NOT_IN_PLACE = -1;
/** scanLine: read, all printable ASCII. */
export const ASCII = 0;
/** scanLine: read, with letters beyond ASCII in the unit name cell (to be normalised). */
export const NAME_BEYOND_ASCII = 1;

/**
 * Where the cells of text[start, end) lie, into `cells`, if the line has exactly `width` of them
 * and nothing the CSV reader would treat in its own way: a quote, a tab or other control
 * character, or beyond ASCII anywhere but the name cell (`namePosition`, −1 for none), where a
 * replacement character still is not text.
 */
export function scanLine(text: string, start: number, end: number, separator: number, cells: LineCells, width: number, namePosition: number): number {
  const { starts, values, digits } = cells;
  let count = 0;
  let value = 0;
  let onlyDigits = true;
  let found = ASCII;
  starts[0] = start;
  for (let i = start; ; i++) {
    const c = i === end ? separator : text.charCodeAt(i);
    if (c === separator) {
      // More cells than the header has: a ragged row.
      if (count === width) return NOT_IN_PLACE;
      const length = i - starts[count]!;
      values[count] = value;
      digits[count] = onlyDigits && length > 0 && length <= 15 ? 1 : 0;
      starts[++count] = i + 1;
      if (i === end) break;
      value = 0;
      onlyDigits = true;
    } else if (c >= 0x30 && c <= 0x39) {
      value = value * 10 + (c - 0x30);
    } else {
      onlyDigits = false;
      if (c < 0x20 || c === 0x22 || c === 0x7f) return NOT_IN_PLACE;
      if (c > 0x7e) {
        if (count !== namePosition || c === 0xfffd) return NOT_IN_PLACE;
        found = NAME_BEYOND_ASCII;
      }
    }
  }
  return count === width ? found : NOT_IN_PLACE;
}

/**
 * scanLine for a line still in bytes (UTF-8, see io/csv-records.ts readCsvBytes): the same cells,
 * the same refusals, and a byte beyond ASCII anywhere but the name cell is refused too. A name
 * cell with such bytes is NAME_BEYOND_ASCII: the caller compares it, byte for byte, with a name it
 * has already read as text, and otherwise leaves the line to be decoded.
 */
export function scanBytes(bytes: Uint8Array, start: number, end: number, separator: number, cells: LineCells, width: number, namePosition: number): number {
  const { starts, values, digits } = cells;
  let count = 0;
  let found = ASCII;
  let at = start;
  for (;;) {
    // More cells than the header has: a ragged row.
    if (count === width) return NOT_IN_PLACE;
    starts[count] = at;
    // A run of digits first, with the fewest tests: most cells are one (scanLine's value of a
    // cell that is not all digits is never read, so it is not worked out here).
    let value = 0;
    let i = at;
    let c = separator;
    for (; i < end; i++) {
      c = bytes[i]!;
      if (c < 0x30 || c > 0x39) break;
      value = value * 10 + (c - 0x30);
    }
    let onlyDigits = true;
    if (i < end && c !== separator) {
      onlyDigits = false;
      for (; i < end; i++) {
        c = bytes[i]!;
        if (c === separator) break;
        if (c < 0x20 || c === 0x22 || c === 0x7f) return NOT_IN_PLACE;
        if (c > 0x7e) {
          if (count !== namePosition) return NOT_IN_PLACE;
          found = NAME_BEYOND_ASCII;
        }
      }
    }
    const length = i - at;
    values[count] = value;
    digits[count] = onlyDigits && length > 0 && length <= 15 ? 1 : 0;
    count++;
    if (i >= end) break;
    at = i + 1;
  }
  starts[count] = end + 1;
  return count === width ? found : NOT_IN_PLACE;
}

/**
 * A line in place: text, or UTF-8 bytes (a Buffer) of which only printable ASCII cells are ever
 * read as text (scanBytes refuses anything else outside the name cell).
 */
export type LineText = string | Buffer;

/** text[from, to) of a line in place, as a string (bytes: ASCII, so latin1 reads them as they are). */
export function cellText(text: LineText, from: number, to: number): string {
  return typeof text === 'string' ? text.slice(from, to) : text.toString('latin1', from, to);
}

/** A row's figures read from a line in place, or null when a cell has a problem (the full path then reports it). */
export type LineReader = (text: LineText, cells: LineCells) => RowFigure[] | null;

/** Cell texts a line reader remembers per column. */
const MEMO_TEXTS = 512;

/**
 * compileRowReader for a line read in place: each cell read as that reader reads the same text —
 * empty quantity cells skipped, plain digits taken as their value, anything else through
 * `readCell` — with no string made for a cell of digits. Its figures are reused by its next call.
 */
export function compileLineReader(columns: readonly FigureColumn[], convention: NumberConvention, level: UnitLevel | null): LineReader {
  const count = columns.length;
  const positions = columns.map((c) => c.position);
  const quantity = columns.map((c) => c.indicator.kind !== 'unit_count');
  const factor = columns.map((c) => 10 ** c.indicator.decimals);
  const pool = figurePool(columns);
  const figures: RowFigure[] = [];
  // Cells that are not plain digits ("2.5" ha, "-") repeat: each column keeps what readCell gave
  // for the texts it has seen (NaN: no figure), up to MEMO_TEXTS of them. readCell depends on
  // nothing else here: the reader is for one convention and level.
  const memos = columns.map(() => new Map<string, number>());
  // For a line in bytes, a cell of up to 6 bytes is known by its bytes as a number: no string is
  // made for it, unless it is new (cellKey).
  const byteMemos = columns.map(() => new Map<number, number>());
  return (text, { starts, values, digits }) => {
    // Figures are written over the last row's, and any left over popped at the end: setting
    // `length` and `push` were each a call out of the compiled code, on every row (callgrind:
    // aggregate of one monthly province 2,881M → 2,732M instructions).
    let taken = 0;
    for (let i = 0; i < count; i++) {
      const position = positions[i]!;
      const from = starts[position]!;
      const to = starts[position + 1]! - 1;
      let scaled = NaN;
      if (quantity[i]) {
        if (to === from) continue;
        if (digits[position] === 1) scaled = values[position]! * factor[i]!;
      }
      if (!Number.isSafeInteger(scaled)) {
        const packed = typeof text === 'string' ? -1 : cellKey(text, from, to);
        const cell = packed >= 0 ? '' : cellText(text, from, to);
        const known = packed >= 0 ? byteMemos[i]!.get(packed) : memos[i]!.get(cell);
        if (known !== undefined) {
          if (known !== known) continue;
          scaled = known;
        } else {
          const result = readCell(packed >= 0 ? cellText(text, from, to) : cell, columns[i]!.indicator, convention, level);
          if (result.status === 'invalid') return null;
          scaled = result.status === 'value' ? result.scaled : NaN;
          if (packed >= 0) {
            if (byteMemos[i]!.size < MEMO_TEXTS) byteMemos[i]!.set(packed, scaled);
          } else if (memos[i]!.size < MEMO_TEXTS) memos[i]!.set(cell, scaled);
          if (scaled !== scaled) continue;
        }
      }
      const figure = pool[i]!;
      figure.scaled = scaled;
      figures[taken++] = figure;
    }
    while (figures.length > taken) figures.pop();
    return figures;
  };
}

/**
 * A cell of up to 6 bytes as one number, unique to its length and bytes (its length, then each
 * byte, in base 256: at most 6·256⁶ + 256⁶, below 2⁵³); −1 for a longer one.
 */
function cellKey(bytes: Buffer, from: number, to: number): number {
  const length = to - from;
  if (length > 6) return -1;
  let key = length;
  for (let j = from; j < to; j++) key = key * 256 + bytes[j]!;
  return key;
}

/** The reference: the same row through the Zod row schema. */
export function schemaRowReader(columns: readonly FigureColumn[], convention: NumberConvention, level: UnitLevel | null): RowReader {
  const schema = wideRowSchema(
    columns.map((c) => c.indicator),
    convention,
    level,
  );
  return (cells) => {
    const input: Record<string, RawCell> = {};
    for (const column of columns) input[column.indicator.id] = cells[column.position];
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      const problems: CellProblemAt[] = parsed.error.issues.map((issue) => {
        const column = columns.find((c) => c.indicator.id === String(issue.path[0]))!;
        const { finding, ...params } = ((issue as { params?: unknown }).params ?? { finding: 'bad-number', reason: 'not-a-number' }) as CellIssueParams;
        return { column, raw: input[column.indicator.id], code: finding as CellProblemCode, params };
      });
      return { figures: [], problems };
    }
    const figures: RowFigure[] = [];
    for (const column of columns) {
      const value = parsed.data[column.indicator.id] as CellValue;
      if (value.status === 'value') figures.push({ indicator: column.indicator, index: column.index, scaled: value.scaled, column: column.header ?? null });
    }
    return { figures, problems: [] };
  };
}
