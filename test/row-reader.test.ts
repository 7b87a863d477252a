/**
 * The fast row reader against the Zod schema, the one source of truth for what is valid: for any
 * row, both accept the same figures or reject with the same problems, in the same order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileLineReader, compileRowReader, lineCellsFor, NAME_BEYOND_ASCII, NOT_IN_PLACE, scanBytes, scanLine, schemaRowReader, type FigureColumn } from '../src/core/row-reader.js';
import { loadCatalogue } from '../src/io/shipped.js';

const catalogue = loadCatalogue();
const figureIndicators = catalogue.indicators.filter((i) => i.kind !== 'ratio');

const cellText = fc.oneof(
  fc.constantFrom('', ' ', '-', '…', '...', 'có', 'không', 'x', 'Có', '1', '0', '2', '14', '17.429', '17,429', '23,7', '23.7', '1.250', '1,250', '1 250', '2,25', '-5', '(5)', 'bốn', '50%', '1e30', '9007199254740993', '١٢٣', 'NaN', '1.234,5', '1,234.5', '0.500'),
  fc.stringMatching(/^[0-9., \-]{0,9}$/),
  fc.string({ maxLength: 6 }),
);
const rawCell = fc.oneof(
  { weight: 6, arbitrary: cellText },
  { weight: 2, arbitrary: fc.oneof(fc.integer({ min: -5, max: 10 ** 7 }), fc.double({ min: -1, max: 1e6, noNaN: false }), fc.constantFrom(1e30, Infinity, 23.7, 0.1 + 0.2)) },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, true, false) },
);

/** Which indicators' columns a row has (up to `most`), the file's number convention and the unit's level. */
const readerSetup = (most: number) =>
  fc.tuple(
    fc.uniqueArray(fc.integer({ min: 0, max: figureIndicators.length - 1 }), { minLength: 1, maxLength: most }),
    fc.constantFrom('vi', 'international', 'unknown') as fc.Arbitrary<'vi' | 'international' | 'unknown'>,
    fc.constantFrom('commune', 'district', 'province') as fc.Arbitrary<'commune' | 'district' | 'province'>,
  );

const rowCase = readerSetup(8).chain(([picked, convention, level]) =>
  fc.record({
    columns: fc.constant(picked.map((k, position): FigureColumn => ({ indicator: figureIndicators[k]!, index: catalogue.indexOf(figureIndicators[k]!.id), position: position + 3 }))),
    convention: fc.constant(convention),
    level: fc.constant(level),
    cells: fc.array(rawCell, { minLength: picked.length + 3, maxLength: picked.length + 3 }),
  }),
);

describe('the compiled row reader and the Zod row schema', () => {
  it('accept and reject exactly the same rows, with the same problems', () => {
    fc.assert(
      fc.property(rowCase, ({ columns, convention, level, cells }) => {
        const fast = compileRowReader(columns, convention, level)(cells);
        const reference = schemaRowReader(columns, convention, level)(cells);
        expect(fast).toEqual(reference);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('the line reader (a CSV line read in place) and the compiled row reader', () => {
  it('read the same figures from a line as from its cells, and the line reader gives up on exactly the rows with a problem', () => {
    // Lines of cells as CSV gives them (text only), separated by a character no cell has here.
    const lineCell = fc.oneof(cellText, fc.stringMatching(/^[0-9]{13,18}$/)).filter((c) => !/[;"\u0000-\u001f\u007f]/.test(c));
    const lineCase = readerSetup(6).chain(([picked, convention, level]) =>
      fc.record({
        columns: fc.constant(picked.map((k, position): FigureColumn => ({ indicator: figureIndicators[k]!, index: catalogue.indexOf(figureIndicators[k]!.id), position: position + 1, header: `c${position}` }))),
        convention: fc.constant(convention),
        level: fc.constant(level),
        // Several rows through one reader: what it remembers of a cell must not change the next row.
        rows: fc.array(fc.array(lineCell, { minLength: picked.length, maxLength: picked.length }), { minLength: 1, maxLength: 8 }),
      }),
    );
    fc.assert(
      fc.property(lineCase, ({ columns, convention, level, rows }) => {
        const inPlace = compileLineReader(columns, convention, level);
        const byCells = compileRowReader(columns, convention, level);
        const width = columns.length + 1;
        const cells = lineCellsFor(width);
        for (const row of rows) {
          const all = ['Xã Mường Sai', ...row];
          const text = `~${all.join(';')}~`;
          const scanned = scanLine(text, 1, text.length - 1, 0x3b, cells, width, 0);
          // The same line still in UTF-8 bytes (io/csv-records.ts readCsvBytes).
          const bytes = Buffer.from(text);
          const byteCells = lineCellsFor(width);
          const scannedBytes = scanBytes(bytes, 1, bytes.length - 1, 0x3b, byteCells, width, 0);
          // Beyond ASCII outside the name cell (a cell like "có"): left to the CSV reader.
          if (scanned === NOT_IN_PLACE) {
            expect(row.some((c) => /[^\x20-\x7e]/.test(c))).toBe(true);
            expect(scannedBytes).toBe(NOT_IN_PLACE);
            continue;
          }
          expect(scannedBytes).toBe(scanned);
          const expected = byCells(all);
          // The reader's figures are reused by its next call: copied before it is called again.
          const figures = inPlace(text, cells)?.map((f) => ({ ...f })) ?? null;
          const figuresFromBytes = inPlace(bytes, byteCells)?.map((f) => ({ ...f })) ?? null;
          if (expected.problems.length > 0) {
            expect(figures).toBeNull();
            expect(figuresFromBytes).toBeNull();
          } else {
            expect(figures).toEqual(expected.figures.map((f) => ({ ...f })));
            expect(figuresFromBytes).toEqual(figures);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('gives up on a line with a quote, a control character or a cell too many or too few', () => {
    const cells = lineCellsFor(3);
    for (const line of ['a,"b",c', 'a,b\tc,d', 'a,b,c,d', 'a,b', 'a,\ufffd,c', 'á,b,c']) {
      expect(scanLine(line, 0, line.length, 0x2c, cells, 3, 1)).toBe(NOT_IN_PLACE);
    }
    for (const line of ['a,"b",c', 'a,b\tc,d', 'a,b,c,d', 'a,b', 'á,b,c', 'a,b,c\r']) {
      const bytes = Buffer.from(line);
      expect(scanBytes(bytes, 0, bytes.length, 0x2c, cells, 3, 1)).toBe(NOT_IN_PLACE);
    }
    // In bytes, a name cell beyond ASCII is only compared with a name already read as text (and
    // no such name has a replacement character): the bytes reader does not decode it to look.
    const replaced = Buffer.from('a,\ufffd,c');
    expect(scanBytes(replaced, 0, replaced.length, 0x2c, cells, 3, 1)).toBe(NAME_BEYOND_ASCII);
    expect(scanLine('04213,Xã Mường Sai,7', 0, 20, 0x2c, cells, 3, 1)).not.toBe(NOT_IN_PLACE);
    expect([...cells.starts]).toEqual([0, 6, 19, 21]);
    expect([cells.digits[0], cells.values[0], cells.digits[2], cells.values[2]]).toEqual([1, 4213, 1, 7]);
  });
});
