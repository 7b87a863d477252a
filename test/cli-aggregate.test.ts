/**
 * `antt aggregate` end to end: the bundled Sơn La sample must reproduce the published figures,
 * and every output must keep its contract.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../src/io/shipped.js';
import { antt } from './helpers.js';

interface JsonFigure {
  value: number | null;
  source: string | null;
  reported: number;
  expected: number;
}
interface JsonAggregate {
  valid: boolean;
  from: number;
  to: number;
  units: { level: string; code: string; name: string; figures: Record<string, JsonFigure>; years?: Record<string, Record<string, JsonFigure>> }[];
  findings: { code: string; level: string; unit: string | null; indicator: string | null; file: string | null; line: number | null }[];
}

function aggregateJson(args: string[]): { report: JsonAggregate; code: number | null; stderr: string } {
  const run = antt(['aggregate', ...args, '--format', 'json']);
  return { report: JSON.parse(run.stdout) as JsonAggregate, code: run.code, stderr: run.stderr };
}

/** The seed figures (../shared/domain/seed-figures.csv): what the articles published. */
const seed = readFileSync(new URL('./fixtures/seed-figures.csv', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split(','))
  .map((c) => ({ unit: c[1]!, level: c[3]!, from: Number(c[5]), to: Number(c[6]), id: c[7]!, value: Number(c[c.length - 3]) }));

describe('antt aggregate data/son-la', () => {
  const { report, code, stderr } = aggregateJson(['data/son-la']);
  const province = report.units.find((u) => u.level === 'province' && u.code === '14')!;

  it('uses the folder’s default window, 2013–2023, and exits 0 on the clean sample', () => {
    expect([report.from, report.to]).toEqual([2013, 2023]);
    expect(code).toBe(0);
    expect(report.valid).toBe(true);
  });

  it('gives the province totals published for Sơn La, every one of them', () => {
    const published = seed.filter((s) => s.unit === '14');
    expect(published.length).toBe(16);
    for (const figure of published) expect([figure.id, province.figures[figure.id]?.value]).toEqual([figure.id, figure.value]);
  });

  it('is complete: 200 communes × 11 years', () => {
    expect(province.figures.lien_gia_groups).toMatchObject({ reported: 2200, expected: 2200, source: 'built' });
  });

  it('lists the 12 districts in official order, then the province', () => {
    expect(report.units.map((u) => u.code)).toEqual(['116', '118', '119', '120', '121', '122', '123', '124', '125', '126', '127', '128', '14']);
  });

  it('district flows add up to the province', () => {
    const districts = report.units.filter((u) => u.level === 'district');
    for (const id of ['propaganda_sessions', 'weapons_surrendered', 'opium_destroyed_ha']) {
      const sum = districts.reduce((s, d) => s + Math.round(d.figures[id]!.value! * 10), 0) / 10;
      expect(sum).toBe(province.figures[id]!.value);
    }
  });

  it('reports the one district whose own 2023 return disagrees with its communes, as a warning on stderr', () => {
    expect(report.findings.map((f) => [f.code, f.unit, f.indicator])).toEqual([['reconciliation', '125 Huyện Mai Sơn', 'lien_gia_groups']]);
    // Placed at the district's own row, where the figure to be checked was written.
    expect(report.findings.map((f) => [f.file, f.line])).toEqual([['data/son-la/2023/2023-125-huyen-mai-son.csv', 24]]);
    expect(stderr).toMatch(/reconciliation: 125 Huyện Mai Sơn năm 2023, Nhóm liên gia tự quản: báo cáo của đơn vị ghi 2\.175, cộng từ các đơn vị cấp dưới được 2\.163/);
  });

  it('shows the 86 kinds of model only at the province, from its own return', () => {
    expect(province.figures.model_types).toMatchObject({ value: 86, source: 'own' });
    for (const district of report.units.filter((u) => u.level === 'district')) expect(district.figures.model_types?.value ?? null).toBeNull();
  });
});

describe('2024: only Sông Mã has reported', () => {
  const { report } = aggregateJson(['data/son-la', '--from', '2024', '--to', '2024']);
  const province = report.units.find((u) => u.code === '14')!;
  const songMa = report.units.find((u) => u.code === '126')!;

  it('says the province total is built from 19 of 200 communes', () => {
    expect(province.figures.lien_gia_groups).toMatchObject({ value: 2050, reported: 19, expected: 200 });
  });

  it('reproduces Sông Mã’s published 2024 figures', () => {
    for (const figure of seed.filter((s) => s.unit === '126')) expect([figure.id, songMa.figures[figure.id]?.value]).toEqual([figure.id, figure.value]);
  });

  it('reproduces Xã Mường Sai’s published 2024 figures at commune level', () => {
    const { report: communes } = aggregateJson(['data/son-la', '--from', '2024', '--to', '2024', '--level', 'commune']);
    const muongSai = communes.units.find((u) => u.code === '04213')!;
    for (const figure of seed.filter((s) => s.unit === '04213')) expect([figure.id, muongSai.figures[figure.id]?.value]).toEqual([figure.id, figure.value]);
  });
});

describe('outputs', () => {
  it('prints the 10-year totals as a table with Vietnamese numbers', () => {
    const run = antt(['aggregate', 'data/son-la']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Nhóm liên gia tự quản\s+│ nhóm\s+│\s+17\.429 │\s+2\.200\/2\.200/);
    expect(run.stdout).toMatch(/Diện tích cây thuốc phiện bị triệt phá\s+│ ha\s+│\s+23,7 │/);
    expect(run.stdout).toMatch(/Tổng: Tỉnh Sơn La/);
    expect(run.stdout).not.toMatch(/\x1b\[/); // no colour when not on a terminal
  });

  it('writes the long CSV exactly to its contract', () => {
    const run = antt(['aggregate', 'data/son-la', '--format', 'csv', '--shape', 'long', '--level', 'province', '--indicators', 'lien_gia_groups,opium_destroyed_ha']);
    expect(run.stdout).toBe(
      'level,unit_code,unit_name,unit_list,standing,from,to,indicator,value,reported,expected\n' +
        'province,14,Tỉnh Sơn La,old,current,2013,2023,lien_gia_groups,17429,2200,2200\n' +
        'province,14,Tỉnh Sơn La,old,current,2013,2023,opium_destroyed_ha,23.7,2200,2200\n',
    );
  });

  it('adds one row per year with --by year (from = to = the year)', () => {
    const run = antt(['aggregate', 'data/son-la', '--format', 'csv', '--shape', 'long', '--level', 'province', '--indicators', 'propaganda_sessions', '--by', 'year']);
    const rows = run.stdout.trim().split('\n').slice(1).map((l) => l.split(','));
    expect(rows).toHaveLength(12);
    expect(rows.slice(1).map((r) => r[5] === r[6])).toEqual(Array(11).fill(true));
    expect(rows.slice(1).reduce((s, r) => s + Number(r[8]), 0)).toBe(Number(rows[0]![8]));
  });

  it('writes the wide CSV for Excel on Vietnamese Windows: BOM, `;`, decimal comma, total row last', () => {
    const dir = mkdtempSync(join(tmpdir(), 'antt-'));
    const out = join(dir, 'bao-cao.csv');
    const run = antt(['aggregate', 'data/son-la', '--format', 'csv', '--delimiter', ';', '--decimal-mark', ',', '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('\uFEFFCấp;Mã đơn vị;Tên đơn vị;Từ năm;Đến năm;Tổ chức tự quản làm công tác ANTT (tổ chức);')).toBe(true);
    const lines = text.trim().split('\r\n');
    expect(lines).toHaveLength(14);
    expect(lines[13]).toMatch(/^Tổng cộng \(tỉnh\);14;Tỉnh Sơn La;2013;2023;28229;17429;/);
    expect(lines[13]).toMatch(/;23,7;/);
    expect(readdirSync(dir)).toEqual(['bao-cao.csv']); // no temporary file left behind
  });

  it('refuses to write the report over one of its inputs', () => {
    const run = antt(['aggregate', 'data/son-la', '--format', 'csv', '--out', 'data/son-la/2013/2013-116-thanh-pho-son-la.csv']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--out/);
  });

  it('neutralises a text cell that a spreadsheet would run as a formula', async () => {
    const { neutralise } = await import('../src/render/aggregate-csv.js');
    expect(neutralise('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(neutralise('+1')).toBe("'+1");
    expect(neutralise('Xã Mường Sai')).toBe('Xã Mường Sai');
  });
});

describe('data problems while aggregating', () => {
  it('reports them on stderr with validate’s codes, prints totals from the valid rows, marks the unit, exits 1', () => {
    const run = antt(['aggregate', 'test/fixtures/problems', '--format', 'json', '--level', 'district']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as JsonAggregate;
    expect(report.valid).toBe(false);
    const songMa = report.units.find((u) => u.code === '126')!;
    expect(songMa.figures.lien_gia_groups!.value).toBe(112 + 105); // the accepted rows only (Nậm Ty's breaks a rule)
    expect((songMa as unknown as { flagged: boolean }).flagged).toBe(true);
    expect(run.stderr).toMatch(/negative-number/);
  });
});

describe('any other province works unchanged', () => {
  it('rolls up returns made from the gazetteer for Lai Châu', () => {
    const gazetteer = loadGazetteer();
    const laiChau = gazetteer.unit('12', 'old')!;
    const dir = mkdtempSync(join(tmpdir(), 'antt-lai-chau-'));
    const lines = ['Mã đơn vị,Tên đơn vị,Năm,Đợt tuyên truyền,Nhóm liên gia tự quản'];
    for (const commune of gazetteer.communesOf(laiChau)) for (const year of [2019, 2020]) lines.push(`${commune.code},${commune.name},${year},2,${year === 2020 ? 5 : 3}`);
    writeFileSync(join(dir, 'lai-chau.csv'), lines.join('\n') + '\n');
    const { report, code } = aggregateJson([dir]);
    expect(code).toBe(0);
    const province = report.units.find((u) => u.level === 'province')!;
    expect(province.code).toBe('12');
    expect(province.figures.propaganda_sessions).toMatchObject({ value: 106 * 2 * 2, reported: 212, expected: 212 });
    expect(province.figures.lien_gia_groups!.value).toBe(106 * 5); // the latest year, not 106 × (3 + 5)
    expect(report.units.filter((u) => u.level === 'district')).toHaveLength(8);
    expect(existsSync(join(dir, 'lai-chau.csv'))).toBe(true);
  });
});

describe('the sample can be rebuilt', () => {
  it('scripts/make-son-la.mjs writes exactly the shipped data/son-la', async () => {
    const { spawnSync } = await import('node:child_process');
    const dir = mkdtempSync(join(tmpdir(), 'antt-son-la-'));
    const run = spawnSync(process.execPath, ['scripts/make-son-la.mjs', '--out', dir], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    const list = (root: string): string[] =>
      readdirSync(root, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? list(join(root, e.name)).map((f) => `${e.name}/${f}`) : [e.name])).sort();
    const shipped = list('data/son-la');
    expect(list(dir)).toEqual(shipped);
    for (const file of shipped) expect(readFileSync(join(dir, file), 'utf8'), file).toBe(readFileSync(join('data/son-la', file), 'utf8'));
  });
});

describe('bad flags: exit 2 with a message, never a stack trace', () => {
  it.each([
    [['aggregate', 'data/son-la', '--from', 'abc'], /--from.*abc/],
    [['aggregate', 'data/son-la', '--level', 'village'], /--level.*village/],
    [['aggregate', 'data/son-la', '--indicators', 'lien_gia_group'], /lien_gia_group.*lien_gia_groups/],
    [['aggregate', 'data/son-la', '--from', '2023', '--to', '2013'], /2023.*2013/],
    [['aggregate', 'data/son-la', '--delimiter', 'x'], /--delimiter/],
    [['aggregate', 'data/son-la', '--format', 'xlsx'], /xlsx/],
  ])('antt %j', (args, message) => {
    const run = antt(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('a data folder’s config', () => {
  it('is checked by its schema: a bad one is a usage error that says what is wrong', () => {
    const dir = mkdtempSync(join(tmpdir(), 'antt-config-'));
    writeFileSync(join(dir, 'antt.config.json'), JSON.stringify({ province: 'Sơn La', from: 2023, to: 2013 }));
    writeFileSync(join(dir, 'a.csv'), 'Mã đơn vị,Năm,Đợt tuyên truyền\n04213,2020,3\n');
    const run = antt(['aggregate', dir, '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/antt\.config\.json is not valid: province: a 2-digit GSO province code/);
    expect(run.stderr).toMatch(/"from" must not be after "to"/);
  });
});

describe('figures of another province in a data folder', () => {
  it('are not dropped in silence', () => {
    const dir = mkdtempSync(join(tmpdir(), 'antt-outside-'));
    writeFileSync(join(dir, 'antt.config.json'), JSON.stringify({ province: '14' }));
    writeFileSync(join(dir, 'son-la.csv'), 'Mã đơn vị,Năm,Đợt tuyên truyền\n04213,2023,3\n');
    writeFileSync(join(dir, 'lai-chau.csv'), 'Mã đơn vị,Năm,Đợt tuyên truyền\n03386,2023,5\n');
    const { report, code } = aggregateJson([dir, '--level', 'province']);
    expect(code).toBe(0);
    expect(report.units.map((u) => u.code)).toEqual(['14']);
    expect(report.findings.map((f) => [f.code, f.unit])).toEqual([['outside-province', '12 Tỉnh Lai Châu']]);
  });
});

describe('a data folder’s own unit list', () => {
  it('replaces the shipped one: a commune the GSO list does not have yet is accepted and expected', () => {
    const dir = mkdtempSync(join(tmpdir(), 'antt-own-units-'));
    const shipped = readFileSync('data/gazetteer/vn-units-2025-03-01.csv', 'utf8').split('\n');
    const songMa = shipped.filter((l) => l.startsWith('14,') || l.startsWith('126,') || l.endsWith(',126'));
    writeFileSync(join(dir, 'don-vi.csv'), [shipped[0], ...songMa, '04299,Xã Mới Lập,Xã,commune,126'].join('\n') + '\n');
    writeFileSync(join(dir, 'antt.config.json'), JSON.stringify({ province: '14', units: { old: 'don-vi.csv' } }));
    writeFileSync(join(dir, 'bao-cao.csv'), 'Mã đơn vị,Năm,Đợt tuyên truyền\n04299,2024,3\n04213,2024,2\n');
    const run = antt(['aggregate', dir, '--format', 'csv', '--shape', 'long', '--level', 'district']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/district,126,Huyện Sông Mã,old,current,2024,2024,propaganda_sessions,5,2,20/);
  });

  it('shows a unit name, and the folder’s title, with their control characters escaped', () => {
    // A name or title holding an escape sequence must not reach the terminal as one (this one
    // would clear the screen).
    const dir = mkdtempSync(join(tmpdir(), 'antt-own-list-'));
    const list = readFileSync('data/gazetteer/vn-units-2025-03-01.csv', 'utf8').replace('116,Thành phố Sơn La,', '116,Thành phố \u001b[2JSơn La,');
    writeFileSync(join(dir, 'don-vi.csv'), list);
    writeFileSync(join(dir, 'antt.config.json'), JSON.stringify({ province: '14', title: 'Báo cáo \u001b]0;x\u0007', from: 2013, to: 2013, units: { old: 'don-vi.csv' } }));
    writeFileSync(join(dir, '2013-116.csv'), readFileSync('data/son-la/2013/2013-116-thanh-pho-son-la.csv'));
    const run = antt(['aggregate', dir]);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('\u001b');
    expect(run.stdout).toContain('\\u001b[2JSơn La');
    expect(run.stdout).toContain('Báo cáo \\u001b]0;x\\u0007');
    const check = antt(['check', dir]);
    expect(check.stdout).not.toContain('\u001b');
    expect(check.stdout).toContain('Báo cáo \\u001b]0;x\\u0007');
  });

  it('is checked by the unit list schema', () => {
    const dir = mkdtempSync(join(tmpdir(), 'antt-own-units-'));
    writeFileSync(join(dir, 'don-vi.csv'), 'code,name,type,level,parent_code\n4,X,Xã,commune,126\n');
    writeFileSync(join(dir, 'antt.config.json'), JSON.stringify({ province: '14', units: { old: 'don-vi.csv' } }));
    writeFileSync(join(dir, 'bao-cao.csv'), 'Mã đơn vị,Năm,Đợt tuyên truyền\n04213,2024,2\n');
    const run = antt(['validate', dir, '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/The unit list .*don-vi\.csv \(named in antt\.config\.json\) is not valid: line 2/);
  });
});
