/**
 * antt's own table drawing against cli-table3, which drew antt's tables before: for the options
 * antt uses (fixed widths, alignment, word wrap or not, no borders between body rows) the two must
 * give the same bytes, colours, Vietnamese, wide characters and over-long words included, so that
 * every report looks exactly as it did.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Table from 'cli-table3';
import { Chalk } from 'chalk';
import { displayWidth, drawTable, type Align } from '../src/render/text-table.js';

const compactChars = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };

function cliTable3(head: string[], colWidths: number[], colAligns: Align[], wordWrap: boolean, rows: string[][]): string {
  const table = new Table({ head, colWidths, colAligns, wordWrap, style: { head: [], border: [] }, chars: compactChars });
  table.push(...rows);
  return table.toString();
}

const letters = ['a', 'b', 'T', 'x', '1', '7', '.', ',', '/', '–', 'ệ', 'ủ', 'Đ', 'ơ', 'ư', 'Ư', '\u0301', '*', '†', '⚠', '…', '中', 'Ａ', '한', '%'];
const word = fc.string({ unit: fc.constantFrom(...letters), minLength: 0, maxLength: 14 });
const space = fc.constantFrom(' ', ' ', ' ', '  ', '   ', '\u00a0', '\t', '\n');
const plain = fc.array(fc.tuple(word, space), { maxLength: 5 }).map((parts) => parts.flat().join(''));

const palettes = [new Chalk({ level: 1 }), new Chalk({ level: 3 })];
type Paint = (text: string) => string;
const paints: Paint[] = palettes.flatMap((c) => [
  c.cyan,
  c.yellow,
  c.red,
  c.bold,
  c.dim,
  c.underline,
  c.italic,
  c.inverse,
  c.strikethrough,
  c.bgBlue,
  (t: string) => c.bold(c.cyan(t)),
  (t: string) => c.yellow(`${c.bold(t)} ${t}`),
  (t: string) => c.bgYellow.black(t),
  (t: string) => c.rgb(200, 30, 40)(t),
  (t: string) => `\u001b[0m${t}`,
]);
const fragment = fc.oneof(plain, fc.tuple(plain, fc.constantFrom(...paints)).map(([t, paint]) => paint(t)));
const cell = fc.array(fragment, { maxLength: 3 }).map((f) => f.join(''));

const table = fc.integer({ min: 1, max: 6 }).chain((columns) =>
  fc.record({
    head: fc.array(cell, { minLength: columns, maxLength: columns }),
    colWidths: fc.array(fc.integer({ min: 3, max: 24 }), { minLength: columns, maxLength: columns }),
    colAligns: fc.array(fc.constantFrom<Align>('left', 'right'), { minLength: columns, maxLength: columns }),
    wordWrap: fc.boolean(),
    rows: fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), { maxLength: 5 }),
  }),
);

describe('drawTable', () => {
  it('draws what cli-table3 drew for the same table, byte for byte', () => {
    fc.assert(
      fc.property(table, ({ head, colWidths, colAligns, wordWrap, rows }) => {
        expect(drawTable({ head, colWidths, colAligns, wordWrap }, rows)).toBe(cliTable3(head, colWidths, colAligns, wordWrap, rows));
      }),
      { numRuns: 400 },
    );
  });

  it('draws an aggregate-style table: wrapped headings, right-aligned figures, marks', () => {
    const drawn = drawTable(
      { head: ['Đơn vị', 'Tổ chức tự quản làm công tác ANTT', 'Xã-năm có số liệu'], colWidths: [14, 12, 16], colAligns: ['left', 'right', 'right'], wordWrap: true },
      [
        ['Huyện Mai Sơn', '2.175*', '200/200'],
        ['Tổng: Tỉnh Sơn La', '28.229†', '2.199/2.200'],
      ],
    );
    expect(drawn).toBe(
      [
        '┌──────────────┬────────────┬────────────────┐',
        '│ Đơn vị       │ Tổ chức tự │   Xã-năm có số │',
        '│              │   quản làm │           liệu │',
        '│              │   công tác │                │',
        '│              │       ANTT │                │',
        '│ Huyện Mai    │     2.175* │        200/200 │',
        '│ Sơn          │            │                │',
        '│ Tổng: Tỉnh   │    28.229† │    2.199/2.200 │',
        '│ Sơn La       │            │                │',
        '└──────────────┴────────────┴────────────────┘',
      ].join('\n'),
    );
  });

  it('cuts a cell too wide for its column with "…" when words are not wrapped', () => {
    expect(drawTable({ head: ['Đơn vị'], colWidths: [9] }, [['Thành phố Sơn La']])).toBe(['┌─────────┐', '│ Đơn vị  │', '│ Thành … │', '└─────────┘'].join('\n'));
  });
});

describe('displayWidth', () => {
  it('counts columns, not UTF-16 units: colours and combining marks take none, CJK two', () => {
    expect(displayWidth('Sơn La')).toBe(6);
    expect(displayWidth('Sơn La'.normalize('NFD'))).toBe(6);
    expect(displayWidth('\u001b[36m86*\u001b[39m')).toBe(3);
    expect(displayWidth('中文')).toBe(4);
    expect(displayWidth('𠀀')).toBe(2);
  });
});
