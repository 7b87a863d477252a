/**
 * One judgement per row (FileChecker.judge): whatever reader a row came from — a CSV line read
 * in place, as text or as bytes, a record split by the CSV reader, a spreadsheet or JSON record —
 * the same code decides its period, unit, cells, rules and repeats. What makes it fast (lines read
 * in place, lines read as bytes, what the judgement remembers from row to row) must change no
 * byte of any output: whole runs are compared with every fast path on and off (ANTT_FAST_PATHS=0,
 * ANTT_BYTE_LINES=0), on the fixtures, the sample, and random returns made to raise every
 * row-level finding of the catalogue.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findingCatalogue, type FindingCode } from '../src/core/findings.js';
import { antt, expectSameRun, type Run } from './helpers.js';

const on = {};
const off = { ANTT_FAST_PATHS: '0' };
const textLines = { ANTT_BYTE_LINES: '0' };

/** Findings the judgement of a row makes (or its reader, for a row that is not text). */
const ROW_LEVEL: FindingCode[] = [
  'unknown-unit', 'ambiguous-unit', 'unit-retired', 'unit-not-yet', 'missing-unit', 'unit-name-mismatch', 'leading-zeros-dropped',
  'missing-period', 'bad-period',
  'bad-number', 'ambiguous-number', 'negative-number', 'too-many-decimals', 'number-too-large', 'bad-yes-no',
  'unknown-indicator', 'ragged-row', 'duplicate-return', 'conflicting-values', 'conflicting-return', 'rule-violated', 'encoding',
  'reform-list-mixed',
];
/** Findings about a whole file or header, or made by the rollup and the report: not a row's. */
const NOT_ROW_LEVEL: FindingCode[] = [
  'unknown-column', 'duplicate-column', 'missing-column', 'computed-column', 'legacy-encoding', 'malformed-file', 'formula-without-result',
  'sheet-ignored', 'duplicate-key', 'file-unreadable', 'empty-file', 'not-a-return',
  'overlapping-periods', 'reconciliation', 'outside-province', 'outlier',
  'reform-list-assumed', 'reform-overlap', 'no-districts-after-reform', 'districts-before-reform-only', 'province-merged',
];

/** The finding codes of a JSON report (validate or aggregate). */
function codesOf(run: Run): string[] {
  // An aggregate with no figure at all says so on stderr alone.
  if (run.stdout === '') return [];
  const report = JSON.parse(run.stdout) as { findings?: { code: string }[]; validation?: { findings: { code: string }[] } };
  return (report.findings ?? report.validation?.findings ?? []).map((f) => f.code);
}

function compareEveryWay(command: string[]): Run {
  const fast = antt(command, on);
  expectSameRun(fast, antt(command, off));
  expectSameRun(fast, antt(command, textLines));
  return fast;
}

// Old-list communes of Sông Mã, one written without its leading zero, an unknown code, none, a
// code of the new list only (11948) and one in both lists (04219, reused by a merged commune).
const code = fc.constantFrom('04213', '04216', '4219', '04219', '11948', '99999', '', ' 04213');
// Xã Chiềng Sơ is a commune of Sông Mã and of Điện Biên: without a code, the file's other rows
// (their province) decide which. Names decomposed (NFD), quoted, with a tab or a replacement
// character: a line read in place must be refused or read as its cells would be.
const name = fc.constantFrom('Xã Mường Sai', 'Xã Mường Cai', 'Xa Muong Sai', 'Phường Tô Hiệu', '', 'Tổng cộng', 'Xã Chiềng Sơ', 'Xã Mường Sai'.normalize('NFD'), '"Xã Mường Sai"', 'Xã\tMường Cai', 'Xã M\ufffdờng Sai', '\u00a0');
const period = fc.constantFrom('2019', '2020', '2020-03', '2024', '2025', '2026', '2019-13', 'x', '');
const figure = fc.oneof(fc.nat(60).map(String), fc.constantFrom('', '-', '1.250', '2,5', '2.5', '2,55', 'x', ' 7', '-3', '12345678901234567', 'có', '"1,5"'));
const yesNo = fc.constantFrom('', '0', '1', '2', 'có', 'không', 'x');

/** Forms a file may come in: wide (with a name, without, `;` as Excel on Vietnamese Windows writes) or long. */
const forms = [
  { header: 'Mã đơn vị,Tên đơn vị,Năm,Người cai nghiện ma túy tại cộng đồng,Người từ bỏ ma túy,Đợt tuyên truyền,Diện tích cây thuốc phiện bị triệt phá (ha),Xã đạt chuẩn an toàn về ANTT', separator: ',', cells: (r: Row) => r },
  { header: 'unit_code,year,rehab_participants,addicts_quit,propaganda_sessions,opium_destroyed_ha', separator: ',', cells: (r: Row) => [r[0], ...r.slice(2, 7)] },
  { header: 'Mã đơn vị;Tên đơn vị;Năm;Người cai nghiện ma túy tại cộng đồng;Người từ bỏ ma túy;Đợt tuyên truyền;Diện tích cây thuốc phiện bị triệt phá (ha);Xã đạt chuẩn an toàn về ANTT', separator: ';', cells: (r: Row) => r },
  { header: 'unit_code,unit_name,period,indicator,value', separator: ',', cells: (r: Row) => [r[0], r[1], r[2], ['addicts_quit', 'rehab_participants', 'propaganda_sessions', 'ma tuy', 'opium_destroyed_ha'][r[3].length % 5]!, r[4]] },
];
type Row = [string, string, string, string, string, string, string, string];
const row = fc.tuple(code, name, period, figure, figure, figure, figure, yesNo) as fc.Arbitrary<Row>;

/** A return's lines: its rows, with some repeated (as sent, or with another figure) and some cut short. */
function linesOf(form: (typeof forms)[number], rows: Row[], repeats: [number, number, boolean][]): string[] {
  const lines = rows.map((r) => form.cells(r).join(form.separator));
  for (const [from, to, changed] of repeats) {
    const source = rows[from % rows.length]!;
    const copy = [...source] as Row;
    if (changed) copy[5] = String(Number(copy[5]) + 1 || 9);
    lines.splice(to % (lines.length + 1), 0, form.cells(copy).join(form.separator));
  }
  return lines;
}

/** Every row-level finding at least once: the runs below always include it. */
const EVERY_FINDING: [number, Row[], [number, number, boolean][]][] = [
  [
    0,
    [
      ['04213', 'Xã Mường Sai', '2020', '10', '2', '3', '1', '1'],
      ['4213', 'Xã Mường Sai', '2021', '10', '2', '3', '1', '1'], // leading-zeros-dropped
      ['04216', 'Xã Mường Sai', '2021', '10', '2', '3', '1', '0'], // unit-name-mismatch
      ['99999', 'Xã Không Có', '2021', '1', '1', '1', '1', '1'], // unknown-unit
      ['04213', 'Xã Mường Sai', '2026', '1', '1', '1', '1', '1'], // unit-retired
      ['11948', '', '2019', '1', '1', '1', '1', '1'], // unit-not-yet
      ['', '', '2019', '1', '1', '1', '1', '1'], // missing-unit
      ['04216', 'Xã Mường Cai', '', '1', '1', '1', '1', '1'], // missing-period
      ['04216', 'Xã Mường Cai', '2019-13', '1', '1', '1', '1', '1'], // bad-period
      ['04216', 'Xã Mường Cai', '2018', 'x', '-3', '12345678901234567', '1', '2'], // bad-number, negative-number, number-too-large, bad-yes-no
      ['04216', 'Xã Mường Cai', '2017', '1', '0', '1', '1.250', '1'], // ambiguous-number (hectares, and nothing says which mark is decimal)
      ['04216', 'Xã Mường Cai', '2016', '1', '9', '1', '1', '1'], // rule-violated
      ['04216', 'Xã Mường Cai', '2015', '1', '1', '1', '1', '1'],
      ['04216', 'Xã Mường Cai', '2015', '1', '1', '1', '1', '1'], // duplicate-return
      ['04216', 'Xã Mường Cai', '2015', '1', '1', '2', '1', '1'], // conflicting-return
      ['04216', 'Xã M\ufffdờng Cai', '2014', '1', '1', '2', '1', '1'], // encoding
      ['04216', 'Xã Mường Cai', '2013', '1', '1', '1', '2,5', '1'], // ragged-row (a decimal comma, unquoted, in a ',' file)
    ],
    [],
  ],
  [
    3,
    [
      ['04213', 'Xã Mường Sai', '2020', 'ab', '2', '', '', ''],
      ['04213', 'Xã Mường Sai', '2020', 'ab', '3', '', '', ''], // conflicting-values
      ['04213', 'Xã Mường Sai', '2020', 'abc', '3', '', '', ''], // unknown-indicator
    ],
    [],
  ],
  // 2025: a new commune's name says the file is in the new list; an old commune then mixes the lists.
  [0, [['03712', 'Xã Mường Sại', '2025', '1', '1', '1', '1', '1'], ['04216', 'Xã Mường Cai', '2025', '1', '1', '1', '1', '1']], []], // reform-list-mixed
  // too-many-decimals: "2,555" ha in a ';' file (in a ',' file it would be two cells).
  [2, [['04216', 'Xã Mường Cai', '2018', '1', '1', '1', '2,555', '1']], []],
  // ambiguous-unit: no other row of the file says which province.
  [0, [['', 'Xã Chiềng Sơ', '2021', '1', '1', '1', '1', '1']], []],
];

describe('one judgement per row', () => {
  it('sorts every finding code of the catalogue as row-level or not (a new one must be placed, and if row-level, raised below)', () => {
    expect([...ROW_LEVEL, ...NOT_ROW_LEVEL].sort()).toEqual(Object.keys(findingCatalogue).sort());
  });

  it('changes no output of validate, aggregate or check with its fast paths off (fixtures and the Sơn La sample)', () => {
    for (const command of [
      ['validate', 'test/fixtures', 'data/son-la', '--format', 'json', '--max-errors', '100000'],
      ['aggregate', 'test/fixtures', 'data/son-la', '--format', 'json', '--max-errors', '100000', '--level', 'commune', '--level', 'district', '--level', 'province', '--by', 'year'],
      ['check', 'data/son-la', '--format', 'json', '--max-errors', '100000'],
    ]) {
      expect(compareEveryWay(command).stdout.length).toBeGreaterThan(1000);
    }
  }, 180_000);

  it("counts rows toward the file's province, which places a commune given by name only", () => {
    const dir = mkdtempSync(join(tmpdir(), 'antt-judge-'));
    try {
      writeFileSync(join(dir, 'song-ma.csv'), ['Mã đơn vị,Tên đơn vị,Năm,Đợt tuyên truyền', '04213,Xã Mường Sai,2020,3', '04216,Xã Mường Cai,2020,4', ',Xã Chiềng Sơ,2020,5', ''].join('\n'));
      const run = compareEveryWay(['aggregate', dir, '--format', 'json', '--level', 'commune', '--max-errors', '100']);
      // Sông Mã's Chiềng Sơ (04195), not Điện Biên's (03211).
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('"04195"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('remembers a unit by its code and name as written: another spelling of either is looked up again and noted', () => {
    const dir = mkdtempSync(join(tmpdir(), 'antt-judge-'));
    try {
      writeFileSync(join(dir, 'song-ma.csv'), ['Mã đơn vị,Tên đơn vị,Năm,Đợt tuyên truyền', '04213,Xã Mường Sai,2020,3', '4213,Xã Mường Sai,2021,4', '04216,Xã Mường Cai,2020,1', '04216,Xã Mường Sai,2021,2', ''].join('\n'));
      const run = compareEveryWay(['validate', dir, '--format', 'json', '--lang', 'en']);
      const report = JSON.parse(run.stdout) as { findings: { code: string; line: number }[] };
      expect(report.findings.map((f) => [f.code, f.line])).toEqual([
        ['leading-zeros-dropped', 3],
        ['unit-name-mismatch', 5],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives the same output every way for random returns that raise every row-level finding', () => {
    const dir = mkdtempSync(join(tmpdir(), 'antt-judge-'));
    const file = fc.tuple(fc.nat(forms.length - 1), fc.array(row, { minLength: 1, maxLength: 10 }), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean()), { maxLength: 3 }));
    /** Writes the returns, runs aggregate and validate every way (they must agree), and gives the finding codes. */
    const codesEveryWay = (files: typeof EVERY_FINDING): Set<string> => {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir);
      files.forEach(([f, rows, repeats], n) => {
        const form = forms[f]!;
        writeFileSync(join(dir, `bao-cao-${n}.csv`), [form.header, ...linesOf(form, rows, repeats)].join('\r\n') + '\r\n');
      });
      const seen = new Set<string>();
      for (const command of [
        ['aggregate', dir, '--format', 'json', '--level', 'commune', '--level', 'district', '--by', 'year', '--max-errors', '1000'],
        ['validate', dir, '--format', 'json', '--max-errors', '1000'],
      ]) {
        for (const c of codesOf(compareEveryWay(command))) seen.add(c);
      }
      return seen;
    };
    try {
      // The example alone raises every row-level code: a path that misses any of them is caught
      // on every run, not only when the random returns happen to hit it.
      const seen = codesEveryWay(EVERY_FINDING);
      expect(ROW_LEVEL.filter((c) => !seen.has(c))).toEqual([]);
      fc.assert(
        fc.property(fc.array(file, { minLength: 1, maxLength: 3 }), (files) => {
          codesEveryWay(files);
        }),
        { numRuns: 15 },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
