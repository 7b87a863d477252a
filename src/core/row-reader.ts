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
  const pool: RowFigure[] = columns.map((c) => ({ indicator: c.indicator, index: c.index, scaled: 0, column: c.header ?? null }));
  const figures: RowFigure[] = [];
  const reading: RowReading = { figures, problems: NO_PROBLEMS };
  const take = (i: number, scaled: number) => {
    const figure = pool[i]!;
    figure.scaled = scaled;
    figures.push(figure);
  };
  return (cells) => {
    figures.length = 0;
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
    if (problems !== null) figures.length = 0;
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
