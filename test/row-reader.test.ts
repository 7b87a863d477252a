/**
 * The fast row reader against the Zod schema, the one source of truth for what is valid: for any
 * row, both accept the same figures or reject with the same problems, in the same order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRowReader, schemaRowReader, type FigureColumn } from '../src/core/row-reader.js';
import { CellsView } from '../src/core/row-view.js';
import { LineView } from '../src/io/csv/line-view.js';
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
        const view = new CellsView().reset(cells);
        const fast = compileRowReader(columns, convention, level)(view);
        const reference = schemaRowReader(columns, convention, level)(view);
        expect(fast).toEqual(reference);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('a CSV line read in place (LineView) and the same line split into cells (CellsView)', () => {
  // Lines as a CSV reader splits them: any text, the separator `;` or `,`.
  const lineCell = fc.oneof(cellText, fc.stringMatching(/^[0-9]{13,18}$/), fc.constantFrom('Xã Mường Sai', 'Xã Mường Sai'.normalize('NFD'), '\u00a0', ' \u3000 ', '"5"', 'a\tb', '\ufffd', '\u007f', 'x\u0085y'));
  const lineCase = fc.record({ cells: fc.array(lineCell, { minLength: 1, maxLength: 8 }), separator: fc.constantFrom(';', ','), asBytes: fc.boolean() });

  it('answers every question as the cells do, or is refused (a quote, a control character, a replacement character; bytes beyond ASCII)', () => {
    fc.assert(
      fc.property(lineCase, ({ cells, separator, asBytes }) => {
        const text = cells.join(separator);
        const view = new LineView();
        const taken = asBytes ? view.scanBytes(Buffer.from(`x\n${text}\n`), 2, 2 + Buffer.byteLength(text), separator.charCodeAt(0)) : view.scanText(`x\n${text}\n`, 2, 2 + text.length, separator.charCodeAt(0));
        const refused = /["\u0000-\u001f\u007f\ufffd]/.test(text) || (asBytes && /[^\u0000-\u007f]/.test(text));
        expect(taken).toBe(!refused);
        if (!taken) return;
        // What the CSV reader gives for such a line: split at the separator, each cell NFC.
        const split = new CellsView().reset(text.split(separator).map((c) => c.normalize('NFC')));
        expect(view.width).toBe(split.width);
        expect(view.blank()).toBe(split.blank());
        for (let p = 0; p <= split.width; p++) {
          expect([view.text(p), view.raw(p), view.digits(p), view.length(p) === 0]).toEqual([split.text(p), split.text(p), split.digits(p), split.length(p) === 0]);
          // As written: a decomposed name is longer than its NFC text.
          if (p < split.width && /^[\u0000-\u007f]*$/.test(split.text(p))) expect(view.length(p)).toBe(split.length(p));
          for (const other of [split.text(p), split.text(p) + 'x', '', '0', cells[0]!]) expect(view.is(p, other)).toBe(split.is(p, other));
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('gives a row reader the same reading from a line as from its cells', () => {
    const textCell = fc.oneof(cellText, fc.stringMatching(/^[0-9]{13,18}$/)).filter((c) => !/[;"\u0000-\u001f\u007f\ufffd]/.test(c));
    const lineRow = readerSetup(6).chain(([picked, convention, level]) =>
      fc.record({
        columns: fc.constant(picked.map((k, position): FigureColumn => ({ indicator: figureIndicators[k]!, index: catalogue.indexOf(figureIndicators[k]!.id), position: position + 1, header: `c${position}` }))),
        convention: fc.constant(convention),
        level: fc.constant(level),
        cells: fc.array(textCell, { minLength: picked.length + 1, maxLength: picked.length + 1 }),
      }),
    );
    fc.assert(
      fc.property(lineRow, ({ columns, convention, level, cells }) => {
        const text = cells.join(';');
        const view = new LineView();
        expect(view.scanText(text, 0, text.length, 0x3b)).toBe(true);
        const split = new CellsView().reset(cells.map((c) => c.normalize('NFC')));
        const inPlace = compileRowReader(columns, convention, level)(view);
        const copy = { figures: inPlace.figures.map((f) => ({ ...f })), problems: inPlace.problems };
        expect(copy).toEqual(schemaRowReader(columns, convention, level)(split));
        // Twice: what the reader remembers of a text gives the same answer again.
        expect(compileRowReader(columns, convention, level)(split)).toEqual(copy);
      }),
      { numRuns: 2000 },
    );
  });
});
