/**
 * Which unit list a return for 2025 uses (DESIGN §3): new commune codes reuse old ones, so it is
 * decided per file from the evidence — the data folder's config, or a row whose unit is in one
 * list only — never silently per row; a file that cannot tell is the new list's, with a warning.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { antt } from './helpers.js';

const HEADER = 'Mã đơn vị,Tên đơn vị,Kỳ báo cáo,Đợt tuyên truyền';
// 04204 Xã Chiềng Khoong and 04222 Xã Chiềng Khương: the same code and name in both lists.
// 03712 is Xã Nậm ét in the old list and Xã Mường Sại in the new; 04216 Xã Mường Cai is old only.
const SAME_IN_BOTH = ['04204,Xã Chiềng Khoong,2025,5', '04222,Xã Chiềng Khương,2025,4'];

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function folder(lines: string[], config?: object): string {
  const dir = mkdtempSync(join(tmpdir(), 'antt-2025-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'bao-cao-2025.csv'), [HEADER, ...lines, ''].join('\n'));
  if (config) writeFileSync(join(dir, 'antt.config.json'), JSON.stringify({ province: '14', ...config }));
  return dir;
}

function run(dir: string) {
  const validate = antt(['validate', dir, '--format', 'json', '--lang', 'en']);
  const aggregate = antt(['aggregate', dir, '--format', 'csv', '--shape', 'long', '--level', 'province', '--lang', 'en']);
  const report = JSON.parse(validate.stdout) as { findings: { code: string; line: number | null }[] };
  const province = aggregate.stdout.split('\n').find((l) => l.startsWith('province,14,'))!.split(',');
  return { code: validate.code, findings: report.findings.map((f) => [f.code, f.line]), value: province[8], reported: province[9], expected: province[10], list: province[3] };
}

describe('the unit list of a 2025 return', () => {
  it('is the one a row names a unit of only (here the new list: 03712 is Xã Mường Sại only there), for every row of the file', () => {
    const result = run(folder([...SAME_IN_BOTH, '03712,Xã Mường Sại,2025,3']));
    expect(result).toMatchObject({ code: 0, findings: [], value: '12', reported: '3', expected: '75', list: 'new' });
  });

  it('is the new list when no row can tell, with a warning that says how to make it certain', () => {
    const result = run(folder(SAME_IN_BOTH));
    expect(result).toMatchObject({ code: 0, findings: [['reform-list-assumed', null]], value: '9', expected: '75' });
  });

  it('is what antt.config.json states (list_2025), without a warning', () => {
    const result = run(folder(SAME_IN_BOTH, { list_2025: 'old' }));
    // The old communes' 2025: 200 expected; their figures go to the communes they went into.
    expect(result).toMatchObject({ code: 0, findings: [], value: '9', reported: '2', expected: '200' });
  });

  it('is the old list for a first half-year sent by old communes', () => {
    const result = run(folder(['04216,Xã Mường Cai,2025-H1,2', '04204,Xã Chiềng Khoong,2025-H1,1']));
    expect(result).toMatchObject({ code: 0, findings: [], value: '3', expected: '200' });
  });

  it('is one list per file: a unit of the other list is an error, not a guess', () => {
    const result = run(folder(['03712,Xã Mường Sại,2025,3', '04216,Xã Mường Cai,2025,2']));
    expect(result.code).toBe(1);
    expect(result.findings).toEqual([['reform-list-mixed', 3]]);
    expect(result.value).toBe('3');
  });
});

describe('a folder of a province merged away in 2025', () => {
  it('shows its own history, as it was, and says which province it went into', () => {
    const dir = mkdtempSync(join(tmpdir(), 'antt-ha-giang-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'antt.config.json'), JSON.stringify({ province: '02' }));
    writeFileSync(join(dir, '2024-024.csv'), ['Mã đơn vị,Tên đơn vị,Năm,Đợt tuyên truyền', '00688,Phường Quang Trung,2024,4', '00691,Phường Trần Phú,2024,6', ''].join('\n'));
    const run = antt(['aggregate', dir, '--from', '2020', '--to', '2025', '--format', 'csv', '--shape', 'long', '--level', 'province', '--lang', 'en']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^province,02,Tỉnh Hà Giang,old,current,2020,2025,propaganda_sessions,10,2,/m);
    expect(run.stderr).toMatch(/province-merged: 02 Tỉnh Hà Giang went into 08 Tỉnh Tuyên Quang/);
    expect(run.stderr).not.toMatch(/outside-province/);
  });
});

describe('the sample across the reform', () => {
  it('names each row once by (level, code, list), and its rows add up to the province', () => {
    const run = antt(['aggregate', 'data/son-la', '--from', '2016', '--to', '2025', '--format', 'csv', '--shape', 'long', '--level', 'commune', '--level', 'province', '--indicators', 'propaganda_sessions']);
    expect(run.code).toBe(0);
    const rows = run.stdout.trim().split('\n').slice(1).map((l) => l.split(','));
    const byList = new Set(rows.map((r) => `${r[0]},${r[1]},${r[3]}`));
    expect(byList.size).toBe(rows.length);
    // The 75 current communes and the two old ones split among several, in rows of their own.
    expect(rows.filter((r) => r[0] === 'commune').map((r) => `${r[3]} ${r[4]}`).reduce<Record<string, number>>((n, k) => ({ ...n, [k]: (n[k] ?? 0) + 1 }), {})).toEqual({ 'new current': 75, 'old not-attributable': 2 });
    // The rows beneath the province add up to it.
    const province = rows.find((r) => r[0] === 'province')!;
    expect(rows.filter((r) => r[0] !== 'province').reduce((sum, r) => sum + Number(r[8] || 0), 0)).toBe(Number(province[8]));
  });

  it('init for 2025 makes one form of the province\'s 75 communes, and the config states its list', () => {
    const dir = mkdtempSync(join(tmpdir(), 'antt-init-2025-'));
    dirs.push(dir);
    const run = antt(['init', join(dir, 'sl'), '--province', '14', '--programme', 'TDBVANTQ', '--year', '2025']);
    expect(run.code).toBe(0);
    const form = readFileSync(join(dir, 'sl', '2025', '2025-14-tinh-son-la.csv'), 'utf8').trim().split('\r\n');
    expect(form).toHaveLength(1 + 75);
    expect(JSON.parse(readFileSync(join(dir, 'sl', 'antt.config.json'), 'utf8')).list_2025).toBe('new');
  });
});

describe('init for a province merged away', () => {
  it('refuses forms from 2025 on, naming the province it went into; makes them up to 2024', () => {
    const dir = mkdtempSync(join(tmpdir(), 'antt-init-02-'));
    dirs.push(dir);
    const after = antt(['init', join(dir, 'hg'), '--province', '02', '--programme', 'TDBVANTQ', '--year', '2026', '--lang', 'en']);
    expect(after.code).toBe(2);
    expect(after.stderr).toMatch(/Tỉnh Hà Giang went into Tỉnh Tuyên Quang \(code 08\)/);
    expect(antt(['init', join(dir, 'hg'), '--province', '02', '--programme', 'TDBVANTQ', '--year', '2024', '--lang', 'en']).stdout).toMatch(/^Created .*: 11 forms \(1 year\)/);
  });
});
