/**
 * The plain path of rows (FileChecker.plainRow): a row with a code found as written, a period
 * that parses, figures that read, rules kept and no earlier row for its unit and period is
 * accepted without the full path's checks. It must change nothing but speed: whole runs give the
 * same output with it and without it (ANTT_PLAIN_ROWS=0), on the fixtures, the sample and on
 * random returns made to hit every way out of it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { antt, expectSameRun } from './helpers.js';

const off = { ANTT_PLAIN_ROWS: '0' };
const on = {};

describe('the plain path of rows', () => {
  it('changes no output of validate, aggregate or check (fixtures and the Sơn La sample)', () => {
    for (const command of [
      ['validate', 'test/fixtures', 'data/son-la', '--format', 'json', '--max-errors', '100000'],
      ['aggregate', 'test/fixtures', 'data/son-la', '--format', 'json', '--max-errors', '100000', '--level', 'commune', '--level', 'district', '--level', 'province', '--by', 'year'],
      ['check', 'data/son-la', '--format', 'json', '--max-errors', '100000'],
    ]) {
      const plain = antt(command, on);
      expect(plain.stdout.length).toBeGreaterThan(1000);
      expectSameRun(plain, antt(command, off));
    }
  }, 120_000);

  it("counts plain rows toward the file's province, which places a commune given by name only", () => {
    const dir = mkdtempSync(join(tmpdir(), 'antt-plain-'));
    try {
      writeFileSync(
        join(dir, 'song-ma.csv'),
        ['Mã đơn vị,Tên đơn vị,Năm,Đợt tuyên truyền', '04213,Xã Mường Sai,2020,3', '04216,Xã Mường Cai,2020,4', ',Xã Chiềng Sơ,2020,5', ''].join('\n'),
      );
      const command = ['aggregate', dir, '--format', 'json', '--level', 'commune', '--max-errors', '100'];
      const plain = antt(command, on);
      expectSameRun(plain, antt(command, off));
      // Sông Mã's Chiềng Sơ (04195), not Điện Biên's (03211).
      expect(plain.code).toBe(0);
      expect(plain.stdout).toContain('"04195"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes a code as written, with its name: another spelling of either is looked up again and noted', () => {
    const dir = mkdtempSync(join(tmpdir(), 'antt-plain-'));
    try {
      writeFileSync(
        join(dir, 'song-ma.csv'),
        ['Mã đơn vị,Tên đơn vị,Năm,Đợt tuyên truyền', '04213,Xã Mường Sai,2020,3', '4213,Xã Mường Sai,2021,4', '04216,Xã Mường Cai,2020,1', '04216,Xã Mường Sai,2021,2', ''].join('\n'),
      );
      const command = ['validate', dir, '--format', 'json', '--lang', 'en'];
      const plain = antt(command, on);
      expectSameRun(plain, antt(command, off));
      const report = JSON.parse(plain.stdout) as { findings: { code: string; line: number }[] };
      expect(report.findings.map((f) => [f.code, f.line])).toEqual([
        ['leading-zeros-dropped', 3],
        ['unit-name-mismatch', 5],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('changes no output for returns that leave it every way: unknown, renamed or unpadded codes, bad periods, both lists, bad cells, broken rules, repeats', () => {
    // Old-list communes (Sông Mã), one written without its leading zero, an unknown code, none;
    // a new-list ward; names right, folded, wrong or missing; years before, across and after
    // the reform, and periods that do not parse.
    const code = fc.constantFrom('04213', '04216', '4219', '03646', '99999', '', ' 04213');
    // Xã Chiềng Sơ is a commune of Sông Mã and of Điện Biên: without a code, the file's other
    // rows (their province) decide which, so plain rows must count for that as the full path's do.
    // The same name decomposed (NFD), quoted, or with a tab: CSV lines read in place must give up
    // on these or read them as the cells would be read (FileChecker.plainLine).
    const name = fc.constantFrom('Xã Mường Sai', 'Xã Mường Cai', 'Xa Muong Sai', 'Phường Tô Hiệu', '', 'Tổng cộng', 'Xã Chiềng Sơ', 'Xã Mường Sai'.normalize('NFD'), '"Xã Mường Sai"', 'Xã\tMường Cai');
    const period = fc.constantFrom('2019', '2020', '2020-03', '2025', '2026', '2019-13', 'x', '');
    const figure = fc.oneof(fc.nat(60).map(String), fc.constantFrom('', '-', '1.250', '2,5', '2.5', 'x', ' 7', '12345678901234567', 'có'));
    const row = fc.tuple(code, name, period, figure, figure, figure, figure);
    const file = fc.array(row, { minLength: 1, maxLength: 10 });
    const dir = mkdtempSync(join(tmpdir(), 'antt-plain-'));
    // Without a name column too: the path looks a unit up by its code alone then.
    const headers = [
      'Mã đơn vị,Tên đơn vị,Năm,Người cai nghiện ma túy tại cộng đồng,Người từ bỏ ma túy,Đợt tuyên truyền,Diện tích cây thuốc phiện bị triệt phá (ha)',
      'Mã đơn vị,Năm,Người cai nghiện ma túy tại cộng đồng,Người từ bỏ ma túy,Đợt tuyên truyền,Diện tích cây thuốc phiện bị triệt phá (ha)',
    ];
    try {
      fc.assert(
        fc.property(fc.array(file, { minLength: 1, maxLength: 3 }), fc.nat(1), (files, shape) => {
          rmSync(dir, { recursive: true, force: true });
          mkdirSync(dir);
          files.forEach((rows, f) => {
            const lines = rows.map((r) => (shape === 0 ? r : [r[0], ...r.slice(2)]).join(','));
            writeFileSync(join(dir, `bao-cao-${f}.csv`), [headers[shape], ...lines].join('\r\n') + '\r\n');
          });
          for (const command of [
            ['aggregate', dir, '--format', 'json', '--level', 'commune', '--level', 'district', '--by', 'year', '--max-errors', '1000'],
            ['validate', dir, '--format', 'json', '--max-errors', '1000'],
          ]) {
            expectSameRun(antt(command, on), antt(command, off));
          }
        }),
        { numRuns: 20 },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});

