/**
 * Reading a wide row's figures. The Zod row schema (schemas/return.ts) is the contract; reading a
 * million rows through it costs an object, a parse context and issue objects per row, so rows are
 * read by a reader compiled once per header, calling the very `readCell` the schema's transform
 * calls. `test/row-reader.test.ts` proves the two accept and reject
 * exactly the same rows, with the same problems.
 */
import type { Indicator } from '../../schemas/catalogue.js';
import { readCell, wideRowSchema, type CellIssueParams, type RawCell } from '../../schemas/return.js';
import type { UnitLevel } from '../../schemas/units.js';
import type { CellProblemCode, CellValue, NumberConvention } from './numbers.js';
import type { RowView } from './row-view.js';
import { kindOf } from './kinds.js';

type CellResult = ReturnType<typeof readCell>;

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

export type RowReader = (view: RowView) => RowReading;

/** One figure object per column, refilled row after row (see compileRowReader). */
function figurePool(columns: readonly FigureColumn[]): RowFigure[] {
  return columns.map((c) => ({ indicator: c.indicator, index: c.index, scaled: 0, column: c.header ?? null }));
}

/** Cell texts whose reading a row reader remembers, per column. */
const MEMO_TEXTS = 512;

/**
 * The fast path: compiled once per header, convention and reporting level, reading a row through
 * its view (core/row-view.ts). A quantity cell that is empty is not reported, one of plain digits
 * is its number (parseQuantity's own first step, taken without making the cell's text); anything
 * else goes through `readCell`, whose answer for a text is remembered (with `memo`): cells such as
 * "2,5" ha or "-" repeat, and readCell depends on nothing else here.
 *
 * The reading it returns, and its figures, are the reader's own and are reused by its next call:
 * a row's figures are used up before the next row is read (rules, duplicates, the rollup copy what
 * they keep), and a national run would otherwise make ten million figure objects.
 */
export function compileRowReader(columns: readonly FigureColumn[], convention: NumberConvention, level: UnitLevel | null, memo = true): RowReader {
  const count = columns.length;
  const quantity = columns.map((c) => kindOf(c.indicator).cells === 'quantity');
  const factor = columns.map((c) => 10 ** c.indicator.decimals);
  const pool = figurePool(columns);
  const figures: RowFigure[] = [];
  const reading: RowReading = { figures, problems: NO_PROBLEMS };
  const memos = columns.map(() => new Map<string, CellResult>());
  // Written over the last row's figures, the rest popped at the end: setting `length` was a call
  // out of the compiled code on every row.
  let taken = 0;
  const take = (i: number, scaled: number) => {
    const figure = pool[i]!;
    figure.scaled = scaled;
    figures[taken++] = figure;
  };
  const read = (i: number, raw: RawCell): CellResult => {
    if (!memo || typeof raw !== 'string') return readCell(raw, columns[i]!.indicator, convention, level);
    const known = memos[i]!.get(raw);
    if (known !== undefined) return known;
    const result = readCell(raw, columns[i]!.indicator, convention, level);
    // Only answers without a problem: a problem's parameters are the finding's own.
    if (result.status !== 'invalid' && memos[i]!.size < MEMO_TEXTS) memos[i]!.set(raw, result);
    return result;
  };
  return (view) => {
    taken = 0;
    let problems: CellProblemAt[] | null = null;
    for (let i = 0; i < count; i++) {
      const column = columns[i]!;
      const position = column.position;
      if (quantity[i]) {
        if (view.length(position) === 0) continue;
        const value = view.digits(position);
        if (value >= 0) {
          const scaled = value * factor[i]!;
          if (Number.isSafeInteger(scaled)) {
            if (problems === null) take(i, scaled);
            continue;
          }
        }
      }
      const raw = view.raw(position);
      const result = read(i, raw);
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

/** The reference: the same row through the Zod row schema. */
export function schemaRowReader(columns: readonly FigureColumn[], convention: NumberConvention, level: UnitLevel | null): RowReader {
  const schema = wideRowSchema(
    columns.map((c) => c.indicator),
    convention,
    level,
  );
  return (view) => {
    const input: Record<string, RawCell> = {};
    for (const column of columns) input[column.indicator.id] = view.raw(column.position);
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
