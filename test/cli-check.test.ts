/**
 * The collection loop end to end: `antt init` makes the forms, clerks fill them in, `antt check`
 * says exactly what is still to chase.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { antt } from './helpers.js';

interface CheckJson {
  valid: boolean;
  from: number;
  to: number;
  completeness: { unit_code: string; years: { year: number; received: number; expected: number; missing: { code: string; name: string }[] }[] }[];
  total: { year: number; received: number; expected: number }[];
  findings: { code: string; level: string; unit: string | null; indicator: string | null; value: string | null; file: string | null; line: number | null }[];
}

const check = (args: string[]) => {
  const run = antt(['check', ...args, '--format', 'json']);
  return { report: JSON.parse(run.stdout) as CheckJson, code: run.code, stderr: run.stderr };
};

const formsOf = (folder: string) =>
  readdirSync(folder, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .flatMap((e) => readdirSync(join(folder, e.name)).map((f) => join(folder, e.name, f)))
    .sort();

describe('antt init', () => {
  const folder = join(mkdtempSync(join(tmpdir(), 'antt-init-')), 'lai-chau');
  const run = antt(['init', folder, '--province', '12', '--programme', 'ND06']);

  it('makes 80 forms for Lai Châu 2015–2024 under NĐ06 (8 districts × 10 years) listing all 106 communes', () => {
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/80 biểu mẫu \(10 năm\), 106 xã/);
    const forms = formsOf(folder);
    expect(forms).toHaveLength(80);
    const communes = new Set<string>();
    for (const form of forms.filter((f) => f.includes('/2015/'))) {
      for (const line of readFileSync(form, 'utf8').trim().split('\r\n').slice(1)) communes.add(line.split(',')[1]!);
    }
    expect(communes.size).toBe(106);
    expect(JSON.parse(readFileSync(join(folder, 'antt.config.json'), 'utf8'))).toMatchObject({ province: '12', programme: 'ND06', from: 2015, to: 2024 });
  });

  it('writes forms that validate as not reported, not as errors', () => {
    const validate = antt(['validate', folder, '--format', 'json']);
    expect(validate.code).toBe(0);
    expect(JSON.parse(validate.stdout)).toMatchObject({ valid: true, stats: { files: 80, errors: 0, warnings: 0 } });
  });

  it('never overwrites without --force', () => {
    const before = readFileSync(formsOf(folder)[0]!, 'utf8');
    const again = antt(['init', folder, '--province', '12', '--programme', 'ND06']);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/81 tệp đã có.*--force/);
    expect(readFileSync(formsOf(folder)[0]!, 'utf8')).toBe(before);
    expect(antt(['init', folder, '--province', '12', '--programme', 'ND06', '--force']).code).toBe(0);
  });

  it('refuses an unknown programme or province, and a yearly form without a year', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'antt-init-')), 'x');
    expect(antt(['init', dir, '--province', '12', '--programme', 'XYZ'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/CT09, ND06, TDBVANTQ/) });
    expect(antt(['init', dir, '--province', '99', '--programme', 'ND06'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/--province/) });
    expect(antt(['init', dir, '--province', '12', '--programme', 'TDBVANTQ'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/--year/) });
    expect(antt(['init', dir, '--province', '14', '--programme', 'TDBVANTQ', '--year', '2026']).code).toBe(0);
    expect(formsOf(dir)).toEqual([join(dir, '2026', '2026-14-tinh-son-la.csv')]); // after the reform: one form per province
  });
});

describe('antt check on a filled-in Lai Châu folder with known gaps, one outlier and one reconciliation difference', () => {
  const folder = join(mkdtempSync(join(tmpdir(), 'antt-check-')), 'lai-chau');
  antt(['init', folder, '--province', '12', '--programme', 'ND06', '--from', '2019', '--to', '2023']);
  // Left blank on purpose: [year, commune code].
  const gaps = [
    [2020, '03386'],
    [2022, '03400'],
    [2023, '03400'],
  ];
  const outlier = { year: 2021, code: '03388' };
  let disagreeing = '';
  for (const form of formsOf(folder)) {
    const [header, ...rows] = readFileSync(form, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    const sums = [0, 0, 0, 0, 0, 0, 0, 0, 0];
    const filled = rows.map((row, i) => {
      const [n, code, name, year] = row.split(',');
      if (gaps.some(([y, c]) => Number(year) === y && code === c)) return row;
      const y = Number(year) - 2019;
      // Smooth, plausible figures: no commune looks unusual but the one we break.
      let households = 120 + i * 3 + y * 2;
      if (Number(year) === outlier.year && code === outlier.code) households *= 10;
      const values = [2, 1, households, 4, 5 + (i % 3), (5 + (i % 3)) * 40, 1, 3 + y, 0];
      values.forEach((v, k) => (sums[k]! += v));
      return [n, code, name, year, ...values.map((v, k) => (k === 1 ? 'có' : String(v)))].join(',');
    });
    // Phong Thổ's own 2023 row says 3 more households than its communes add up to.
    if (form.includes('2023-109-')) {
      disagreeing = form;
      filled.push(['99', '109', 'Huyện Phong Thổ', '2023', sums[0], sums[1], sums[2]! + 3, sums[3], sums[4], sums[5], sums[6], sums[7], sums[8]].join(','));
    }
    writeFileSync(form, '\uFEFF' + [header, ...filled].join('\r\n') + '\r\n');
  }
  const { report, code } = check([folder]);

  it('lists exactly the communes still missing, district by district', () => {
    const missing = report.completeness.flatMap((row) => row.years.flatMap((y) => y.missing.map((c) => [row.unit_code, y.year, c.code])));
    expect(missing).toEqual([
      ['105', 2020, '03386'],
      ['106', 2022, '03400'],
      ['106', 2023, '03400'],
    ]);
    expect(report.total.map((t) => `${t.year}:${t.received}/${t.expected}`)).toEqual(['2019:106/106', '2020:105/106', '2021:106/106', '2022:105/106', '2023:105/106']);
  });

  it('finds the extra zero and the district whose own return disagrees, and nothing else', () => {
    expect(report.findings.map((f) => [f.code, f.unit, f.indicator, f.value])).toEqual([
      ['reconciliation', '109 Huyện Phong Thổ', 'households_registered', expect.any(String)],
      ['outlier', `${outlier.code} Phường Quyết Tiến`, 'households_registered', expect.stringMatching(/0$/)],
    ]);
    expect(code).toBe(0);
    expect(disagreeing).not.toBe('');
  });

  it('prints the matrix and the to-do list as a table', () => {
    const run = antt(['check', folder]);
    expect(run.stdout).toMatch(/Thành phố Lai Châu\s+│\s+7\/7 │\s+6\/7 │/);
    expect(run.stdout).toMatch(/Thành phố Lai Châu \(105\):\n  03386 Phường Quyết Thắng: 2020/);
    expect(run.stdout).toMatch(/03400 .*: 2022–2023/);
  });

  it('writes the to-do list as CSV, one row per missing return or finding', () => {
    const run = antt(['check', folder, '--format', 'csv']);
    const lines = run.stdout.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('kind,level,code,year,unit_code,unit_name,sender_code,indicator,file,line,message');
    expect(lines.filter((l) => l.startsWith('missing,'))).toHaveLength(3);
    expect(lines.filter((l) => l.startsWith('finding,'))).toHaveLength(2);
  });
});

describe('antt check data/son-la', () => {
  const { report, code } = check(['data/son-la']);

  it('covers every year that has arrived: 2024 is 19 of 200 communes, only Sông Mã; after the reform, the 75 new communes', () => {
    expect([report.from, report.to]).toEqual([2013, 2026]);
    expect(report.total.find((t) => t.year === 2024)).toEqual({ year: 2024, received: 19, expected: 200 });
    expect(report.total.filter((t) => t.year >= 2025)).toEqual([
      { year: 2025, received: 75, expected: 75 },
      { year: 2026, received: 10, expected: 75 },
    ]);
    const complete2024 = report.completeness.filter((row) => row.years.find((y) => y.year === 2024)?.missing.length === 0).map((r) => r.unit_code);
    expect(complete2024).toEqual(['126']);
    expect(code).toBe(0);
  });

  it('reports the district whose own return disagrees with its communes', () => {
    expect(report.findings.filter((f) => f.code === 'reconciliation').map((f) => f.unit)).toEqual(['125 Huyện Mai Sơn']);
  });
});

describe('a province’s own form', () => {
  it('adds its indicators to the catalogue, validated like the built-in ones, and becomes the form’s columns', () => {
    const folder = mkdtempSync(join(tmpdir(), 'antt-own-form-'));
    writeFileSync(
      join(folder, 'antt.config.json'),
      JSON.stringify({
        province: '12',
        indicators: [{ id: 'border_patrols', label_vi: 'Lượt tuần tra biên giới', label_en: 'Border patrols', unit: 'lượt', decimals: 0, kind: 'flow', aliases: [] }],
        form: ['border_patrols', 'propaganda_sessions'],
      }),
    );
    const init = antt(['init', folder, '--province', '12', '--programme', 'TDBVANTQ', '--year', '2024', '--force']);
    expect(init.code).toBe(0);
    const form = formsOf(folder)[0]!;
    expect(readFileSync(form, 'utf8').split('\r\n')[0]).toBe('\uFEFFSTT,Mã đơn vị,Tên đơn vị,Năm,Lượt tuần tra biên giới,Đợt tuyên truyền');
    const config = JSON.parse(readFileSync(join(folder, 'antt.config.json'), 'utf8'));
    expect(config.form).toEqual(['border_patrols', 'propaganda_sessions']);
    writeFileSync(form, readFileSync(form, 'utf8').replace(/,2024,,\r\n/, ',2024,12,3\r\n'));
    const aggregate = antt(['aggregate', folder, '--format', 'csv', '--shape', 'long', '--level', 'province']);
    expect(aggregate.code).toBe(0);
    expect(aggregate.stdout).toMatch(/province,12,Tỉnh Lai Châu,old,current,2024,2024,border_patrols,12,1,106/);
  });

  it('is refused when it names an indicator that does not exist', () => {
    const folder = mkdtempSync(join(tmpdir(), 'antt-own-form-'));
    writeFileSync(join(folder, 'antt.config.json'), JSON.stringify({ province: '12', form: ['border_patrol'] }));
    writeFileSync(join(folder, 'a.csv'), 'Mã đơn vị,Năm,Đợt tuyên truyền\n03386,2024,3\n');
    const run = antt(['validate', folder, '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/form: unknown indicator "border_patrol"/);
  });
});
