/**
 * Golden cases: the real binary on fixture files, asserting exit codes, finding codes and
 * locations (STYLE §10) rather than message wording.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { antt, validateJson } from './helpers.js';

const where = (f: { code: string; line: number | null }) => `${f.code}@${f.line}`;

describe('antt validate', () => {
  it('accepts a return as Excel on Vietnamese Windows saves it (Windows-1258, `;`, `,` decimals, 2.050-style thousands)', () => {
    const { report, code } = validateJson(['test/fixtures/excel-vi']);
    expect(code).toBe(0);
    expect(report).toMatchObject({ valid: true, stats: { files: 1, rows: 20, rowsAccepted: 20, errors: 0, warnings: 0 } });
  });

  it('names the units of a Windows-1258 file correctly in its messages', () => {
    const { report, code } = validateJson(['test/fixtures/excel-vi-problem']);
    expect(code).toBe(1);
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({
      code: 'bad-number',
      line: 17,
      column: 'Lượt người được tuyên truyền',
      unit: '04213 Xã Mường Sai',
      indicator: 'propaganda_participants',
      value: '83 7',
    });
  });

  it('finds one problem per problem, with its line: unknown commune, non-number, ambiguous number, negative count, broken rule, duplicate row', () => {
    const { report, code } = validateJson(['test/fixtures/problems/song-ma-2023.csv']);
    expect(code).toBe(1);
    expect(report.findings.map(where)).toEqual([
      'unknown-unit@4',
      'bad-number@5',
      'ambiguous-number@6',
      'negative-number@7',
      'rule-violated@8',
      'duplicate-return@9',
    ]);
    // The row that breaks a rule is rejected with the others: its figures cannot all be right.
    expect(report.stats).toEqual({ files: 1, unreadable: 0, rows: 8, rowsAccepted: 3, rowsRejected: 5, errors: 5, warnings: 1 });
  });

  it('decodes a TCVN3 file right, says so, and finds nothing else', () => {
    const { report, code } = validateJson(['test/fixtures/tcvn3']);
    expect(code).toBe(0);
    expect(report.findings.map((f) => f.code)).toEqual(['legacy-encoding']);
    expect(report.stats.rowsAccepted).toBe(20);
  });

  it('re-reads TCVN3 text that was typed into a Unicode file', () => {
    const { report, code } = validateJson(['test/fixtures/typed-tcvn3']);
    expect(code).toBe(0);
    expect(report.findings.map((f) => f.code)).toEqual(['legacy-encoding']);
    expect(report.stats.rowsAccepted).toBe(20);
  });

  it('reads Excel "Unicode text" (UTF-16LE, tab-delimited)', () => {
    const { report, code } = validateJson(['test/fixtures/utf16/song-ma-2024.txt']);
    expect(code).toBe(0);
    expect(report.stats.rowsAccepted).toBe(20);
  });

  it('refuses a file in an encoding it cannot read (VNI) with a message about the encoding, never mojibake', () => {
    const { report, code } = validateJson(['test/fixtures/vni']);
    expect(code).toBe(1);
    expect(report.findings.map((f) => f.code)).toEqual(['encoding']);
    expect(report.findings[0]!.message).toMatch(/UTF-8/);
  });

  it('reads a UTF-8 file with BOM, tab-delimited, with a notes column', () => {
    const { report, code } = validateJson(['test/fixtures/utf8-bom-tab']);
    expect(code).toBe(0);
    expect(report.stats.rowsAccepted).toBe(2);
  });

  it('reads JSON arrays and {returns: [...]} objects, with record numbers and lines', () => {
    const { report } = validateJson(['test/fixtures/json']);
    expect(report.findings.map((f) => [f.code, f.file?.replace(/.*\//, ''), f.line, f.record])).toEqual([
      ['malformed-file', 'malformed.json', 3, null],
      ['negative-number', 'returns-object.json', 4, 1],
      ['too-many-decimals', 'returns-object.json', 5, 2],
    ]);
    expect(report.stats.rowsAccepted).toBe(4);
  });

  it('reads the long shape and checks rules across its rows', () => {
    const { report } = validateJson(['test/fixtures/long']);
    expect(report.findings.map(where)).toEqual(['rule-violated@7', 'unknown-indicator@8']);
  });

  it('resolves names without codes within the file’s district and lists candidates when still ambiguous', () => {
    const { report } = validateJson(['test/fixtures/names-only']);
    expect(report.findings.map(where)).toEqual(['ambiguous-unit@7', 'unknown-unit@8']);
    expect(report.findings[0]!.message).toMatch(/04015.*04129/);
    expect(report.findings[1]!.message).toMatch(/04213 Xã Mường Sai/);
  });

  it('names both places of a conflict across files, and warns of an exact duplicate', () => {
    const { report } = validateJson(['test/fixtures/conflict']);
    expect(report.findings.map(where)).toEqual(['conflicting-return@2', 'duplicate-return@3']);
    expect(report.findings[0]!.file).toMatch(/district-office\.csv$/);
    expect(report.findings[0]!.message).toMatch(/04213 Xã Mường Sai kỳ 2024 đã được báo cáo tại test\/fixtures\/conflict\/commune-clerk\.csv:2 với số liệu khác/);
  });

  it('refuses an old commune code after the reform, naming the new commune; warns of dropped leading zeros', () => {
    const { report } = validateJson(['test/fixtures/reform']);
    expect(report.findings.map(where)).toEqual(['unit-retired@2', 'leading-zeros-dropped@3']);
    expect(report.findings[0]!.message).toMatch(/04222/);
  });

  it('reports unknown columns with a suggestion and ignores computed ratios with a warning', () => {
    const { report } = validateJson(['test/fixtures/usage/unknown-column.csv']);
    expect(report.findings.map((f) => [f.code, f.column])).toEqual([
      ['unknown-column', 'Nhom lien gia tu quan ly'],
      ['unknown-column', 'Số đối tượng'],
      ['computed-column', 'Tỷ lệ giải quyết tin báo'],
    ]);
    expect(report.findings[0]!.message).toMatch(/lien_gia_groups/);
  });

  it('reports an unclosed quote with its line', () => {
    const { report, code } = validateJson(['test/fixtures/usage/unclosed-quote.csv']);
    expect(code).toBe(1);
    expect(report.findings.map(where)).toEqual(['malformed-file@3']);
  });

  it('fails on warnings with --strict, and caps what it shows with --max-errors', () => {
    expect(validateJson(['test/fixtures/tcvn3'], ['--strict']).code).toBe(1);
    const capped = validateJson(['test/fixtures/problems'], ['--max-errors', '2']).report;
    expect(capped.findings).toHaveLength(2);
    expect(capped.stats.errors).toBe(5);
  });

  it('leaves out the warnings named with --skip, and refuses to skip an error', () => {
    const { report } = validateJson(['test/fixtures/reform'], ['--skip', 'leading-zeros-dropped']);
    expect(report.findings.map((f) => f.code)).toEqual(['unit-retired']);
    expect(report.stats).toMatchObject({ errors: 1, warnings: 0 });
    const refused = antt(['validate', 'test/fixtures/reform', '--skip', 'unit-retired', '--lang', 'en']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/only warnings can/);
  });

  it('speaks Vietnamese by default and English with --lang en', () => {
    const vi = antt(['validate', 'test/fixtures/problems']);
    expect(vi.stdout).toMatch(/KHÔNG HỢP LỆ: 1 tệp, 8 dòng số liệu/);
    expect(vi.stdout).toMatch(/song-ma-2023\.csv:6, cột «Diện tích cây thuốc phiện bị triệt phá»: lỗi ambiguous-number/);
    const en = antt(['validate', 'test/fixtures/problems', '--lang', 'en']);
    expect(en.stdout).toMatch(/NOT VALID: 1 file, 8 data rows \(3 accepted, 5 rejected\); 5 errors, 1 warning\./);
  });
});

describe('bad usage and unreadable input: exit 2, a clear message, never a stack trace', () => {
  it.each([
    [['validate', 'test/fixtures/does-not-exist.csv'], /Không đọc được test\/fixtures\/does-not-exist\.csv \(ENOENT\)/],
    [['validate', '--frobnicate', 'x'], /không có tùy chọn '--frobnicate'/],
    [['validate'], /thiếu tham số 'paths'/],
    [['validate', 'x.csv', '--format', 'xml'], /không nhận giá trị 'xml'/],
    [['validate', 'test/fixtures/problems', '--max-errors', 'lots'], /--max-errors.*lots/],
    [['validate', 'bin/antt.js'], /antt đọc tệp \.csv, \.xlsx và \.json/],
    [['frobnicate'], /không có lệnh 'frobnicate'/],
  ])('antt %j', (args, message) => {
    const run = antt(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('says it in English with --lang en', () => {
    const run = antt(['validate', 'nowhere.csv', '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Cannot read nowhere\.csv \(ENOENT\)/);
  });

  it('without a command, shows what there is and exits 2', () => {
    const run = antt([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/aggregate.*\n(.*\n)*.*validate/);
  });

  it('prints its version and help with exit 0', () => {
    expect(antt(['--version'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect(antt(['validate', '--help'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/Ví dụ \/ Examples/) });
  });
});

describe('antt indicators', () => {
  it('lists the catalogue as JSON with the documented fields', () => {
    const run = antt(['indicators', '--format', 'json']);
    expect(run.code).toBe(0);
    const list = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(list.length).toBeGreaterThan(50);
    for (const item of list) expect(Object.keys(item)).toEqual(expect.arrayContaining(['id', 'label_vi', 'label_en', 'kind', 'unit', 'decimals', 'aliases']));
    expect(list.find((i) => i.id === 'opium_destroyed_ha')).toMatchObject({ unit: 'ha', decimals: 1, kind: 'flow' });
  });

  it('prints a table with Vietnamese labels', () => {
    const run = antt(['indicators']);
    expect(run.stdout).toMatch(/lien_gia_groups\s+│ Nhóm liên gia tự quản/);
  });
});

describe('colour', () => {
  it('is off when not on a terminal, and on with FORCE_COLOR', () => {
    expect(antt(['validate', 'test/fixtures/problems'], { NO_COLOR: undefined, FORCE_COLOR: undefined }).stdout).not.toMatch(/\x1b\[/);
    expect(antt(['validate', 'test/fixtures/problems'], { NO_COLOR: undefined, FORCE_COLOR: '1' }).stdout).toMatch(/\x1b\[/);
  });

  it('is off with NO_COLOR, unless FORCE_COLOR says otherwise', async () => {
    const { stdoutColor } = await import('../src/render/color.js');
    const { default: chalk } = await import('chalk');
    const saved = { NO_COLOR: process.env.NO_COLOR, FORCE_COLOR: process.env.FORCE_COLOR };
    try {
      delete process.env.FORCE_COLOR;
      process.env.NO_COLOR = '1';
      expect((await stdoutColor()).redBold('lỗi')).toBe('lỗi');
      process.env.FORCE_COLOR = '1';
      // FORCE_COLOR: chalk's own detection decides, not NO_COLOR.
      expect((await stdoutColor()).redBold('lỗi')).toBe(chalk.red.bold('lỗi'));
      expect((await stdoutColor()).dim('x')).toBe(chalk.dim('x'));
    } finally {
      for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  it("reads each file of a folder as it reads it alone, whatever header the files before it had", () => {
    // One header, planned once for the folder when it makes no finding (ReturnChecker.sharedPlans):
    // the `;` file reads 1.500 as Vietnamese thousands, the `,` file after it finds it ambiguous;
    // a header with an unknown column is reported in every file that has it.
    const dir = mkdtempSync(join(tmpdir(), 'antt-headers-'));
    try {
      const clean = ['Mã đơn vị', 'Năm', 'Diện tích cây thuốc phiện bị triệt phá (ha)'];
      const odd = [...clean, 'Cột lạ'];
      writeFileSync(join(dir, 'a-semicolon.csv'), `${clean.join(';')}\n04213;2020;1.500\n`);
      writeFileSync(join(dir, 'b-comma.csv'), `${clean.join(',')}\n04216,2020,1.500\n`);
      writeFileSync(join(dir, 'c-odd.csv'), `${odd.join(',')}\n04219,2020,2,x\n`);
      writeFileSync(join(dir, 'd-odd.csv'), `${odd.join(',')}\n04222,2020,3,x\n`);
      const together = validateJson([dir], ['--lang', 'en']).report;
      const files = ['a-semicolon.csv', 'b-comma.csv', 'c-odd.csv', 'd-odd.csv'];
      const findings = (report: typeof together, file: string) => report.findings.filter((f) => f.file === join(dir, file)).map(where);
      expect(files.map((file) => findings(together, file))).toEqual([[], ['ambiguous-number@2'], ['unknown-column@1'], ['unknown-column@1']]);
      for (const file of files) expect(findings(validateJson([join(dir, file)], ['--lang', 'en']).report, file)).toEqual(findings(together, file));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
