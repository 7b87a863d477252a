/**
 * The fast row reader against the Zod schema, the one source of truth for what is valid: for any
 * row, both accept the same figures or reject with the same problems, in the same order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRowReader, schemaRowReader, type FigureColumn } from '../src/core/row-reader.js';
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

const rowCase = fc
  .tuple(
    fc.uniqueArray(fc.integer({ min: 0, max: figureIndicators.length - 1 }), { minLength: 1, maxLength: 8 }),
    fc.constantFrom('vi', 'international', 'unknown') as fc.Arbitrary<'vi' | 'international' | 'unknown'>,
    fc.constantFrom('commune', 'district', 'province') as fc.Arbitrary<'commune' | 'district' | 'province'>,
  )
  .chain(([picked, convention, level]) =>
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
