/**
 * The digit lane (core/digits.ts): plain CSV lines hand their figure cells over as numbers
 * instead of strings. It must change nothing but speed: the records are the split's with some
 * cells standing for digits, and whole runs give the same output with the lane and without it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DIGITS, type DigitLane } from '../src/core/digits.js';
import { splitPlainLines } from '../src/io/csv-records.js';
import { antt, expectSameRun } from './helpers.js';

describe('the digit lane', () => {
  it('gives the split records, a cell standing for digits only where the reader would read plain digits', () => {
    const cell = fc.oneof(
      fc.stringMatching(/^[0-9]{1,17}$/),
      fc.constantFrom('', '0', '007', '1.250', '23,7', '-', ' 12', '12 ', 'x', 'có', '"5"', '4\r5', '1e3', '١٢', '123456789012345', '1234567890123456', '000000000000000012', '9007199254740993', 'Xã Mường Sai', '12\u00a0', '\ufffd', 'a\u0085b', '\u007f'),
      fc.string({ maxLength: 6 }),
    );
    const line = fc.array(cell, { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), fc.array(fc.constantFrom(0, 1, 10, 100, 1e6), { maxLength: 8 }), fc.constantFrom(',', ';', '\t'), (lines, scales, delimiter) => {
        const text = lines.map((cells) => cells.join(delimiter)).join('\n') + '\n';
        const lane: DigitLane = { factors: new Float64Array(scales), values: new Float64Array(8) };
        const withLane: string[][] = [];
        const plain: string[][] = [];
        const laneUnusual: boolean[] = [];
        const plainUnusual: boolean[] = [];
        splitPlainLines(
          text,
          0,
          delimiter,
          true,
          (cells, unusual) => {
            withLane.push(cells.map((c, i) => (c === DIGITS ? `=${lane.values[i]}` : c)));
            laneUnusual.push(unusual);
          },
          () => lane,
        );
        splitPlainLines(text, 0, delimiter, true, (cells, unusual) => {
          plain.push([...cells]);
          plainUnusual.push(unusual);
        });
        expect(laneUnusual).toEqual(plainUnusual);
        expect(withLane).toHaveLength(plain.length);
        withLane.forEach((cells, r) => {
          expect(cells).toHaveLength(plain[r]!.length);
          cells.forEach((c, i) => {
            const original = plain[r]![i]!;
            if (!c.startsWith('=') || c === original) return expect(c).toBe(original);
            // Handed over: 1–15 digits in a scaled column, read as the digits say.
            expect(original).toMatch(/^[0-9]{1,15}$/);
            expect(scales[i] ?? 0).not.toBe(0);
            expect(Number.isSafeInteger(Number(original) * scales[i]!)).toBe(true);
            expect(c).toBe(`=${Number(original)}`);
          });
        });
      }),
      { numRuns: 1500 },
    );
  });

  it('changes no output of validate, aggregate or check (fixtures and the Sơn La sample)', () => {
    for (const command of [
      ['validate', 'test/fixtures', 'data/son-la', '--format', 'json', '--max-errors', '100000'],
      ['aggregate', 'test/fixtures', 'data/son-la', '--format', 'json', '--max-errors', '100000', '--level', 'commune', '--level', 'district', '--level', 'province', '--by', 'year'],
      ['check', 'data/son-la', '--format', 'json', '--max-errors', '100000'],
    ]) {
      const lane = antt(command, {});
      const split = antt(command, { ANTT_DIGIT_LANE: '0' });
      expect(lane.stdout.length).toBeGreaterThan(1000);
      expectSameRun(lane, split);
    }
  }, 120_000);

  it('changes no output for returns of every kind of cell: names, typed slips, decimals, yes/no counts, long digit runs', () => {
    const figure = fc.oneof(
      fc.nat(3000).map(String),
      fc.constantFrom('', '-', '0', '007', '1.250', '1,5', '23,7', '2.5', ' 12', 'x', 'có', '1234567890123456', '99999999999999999', '12a'),
    );
    const yesNo = fc.constantFrom('', '0', '1', 'x', 'có', 'không', '2');
    const communes = ['04213', '04216', '4219', '04222', '04225', '99999', ''];
    const names = ['Xã Mường Sai', 'Mường Cai', 'Xa Muong Sai', '', 'Xã Chiềng Khương', 'Tổng cộng', 'x\ufffdy'];
    const row = fc.tuple(fc.constantFrom(...communes), fc.constantFrom(...names), fc.constantFrom('2019', '2020', '2021', '2022'), figure, figure, figure, yesNo);
    const dir = mkdtempSync(join(tmpdir(), 'antt-lane-'));
    try {
      fc.assert(
        fc.property(fc.array(row, { minLength: 1, maxLength: 12 }), (rows) => {
          const header = 'Mã đơn vị,Tên đơn vị,Năm,Đợt tuyên truyền,Diện tích cây thuốc phiện bị triệt phá,Thuốc nổ giao nộp,Xã đạt chuẩn an toàn về ANTT';
          writeFileSync(join(dir, 'bao-cao.csv'), [header, ...rows.map((r) => r.join(','))].join('\r\n') + '\r\n');
          const command = ['aggregate', dir, '--format', 'json', '--level', 'commune', '--level', 'district', '--by', 'year', '--max-errors', '1000'];
          const lane = antt(command, {});
          const split = antt(command, { ANTT_DIGIT_LANE: '0' });
          expectSameRun(lane, split);
        }),
        { numRuns: 25 },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
