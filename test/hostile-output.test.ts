/**
 * Output that cannot be written, and text that must not reach a terminal raw (issue 25): each
 * case runs the real launcher; no stack trace, the right exit code, and what went wrong said.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { antt, repoRoot } from './helpers.js';

const root = mkdtempSync(join(tmpdir(), 'antt-hostile-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const RETURN = 'Mã đơn vị,Tên đơn vị,Năm,Đợt tuyên truyền\n04213,Xã Mường Sai,2020,3\n';

/** A folder with a return and, if given, a config. */
function folder(name: string, config?: object, files: Record<string, string> = { 'a.csv': RETURN }): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  if (config) writeFileSync(join(dir, 'antt.config.json'), JSON.stringify(config));
  return dir;
}

/** No stack trace and no raw control character (but the line breaks) in what antt printed. */
function clean(text: string): void {
  expect(text).not.toMatch(/\n\s+at |cli\.cjs|internal error/);
  expect(text).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f]/);
}

/** Runs antt with stdout or stderr going to a file opened here (/dev/full: every write fails with ENOSPC). */
function runTo(args: string[], stdout: string, stderr: string) {
  const out = openSync(stdout, 'w');
  const err = stderr === 'pipe' ? 'pipe' : openSync(stderr, 'w');
  const run = spawnSync(process.execPath, ['bin/antt.js', ...args], { cwd: repoRoot, stdio: ['ignore', out, err], encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ANTT_LANG: 'en' } });
  closeSync(out);
  if (typeof err === 'number') closeSync(err);
  return run;
}

describe('output that cannot be written', () => {
  it('stdout on a full disk: exit 2, said in one line, no stack trace', () => {
    const run = runTo(['aggregate', 'data/son-la', '--lang', 'en'], '/dev/full', 'pipe');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^antt: Cannot write the output to stdout \(ENOSPC\)/m);
    expect(run.stderr).not.toMatch(/\n\s+at |cli\.cjs/);
  });

  it('stderr on a full disk: exit 2, not the data\'s 0 or 1', () => {
    expect(runTo(['aggregate', 'data/son-la'], '/dev/null', '/dev/full').status).toBe(2);
    // validate's report goes to stdout: with stdout full, its data's 1 gives way to 2.
    expect(runTo(['validate', 'test/fixtures/problems'], '/dev/full', 'pipe').status).toBe(2);
  });
});

describe('hostile names, settings and values (one case per line)', () => {
  const cases: [string, () => string[], number, RegExp][] = [
    ['a file name with a newline cannot forge a line', () => [folder('newline', undefined, { 'a\nVALID: 0 errors.csv': RETURN.replace('04213', '99999') })], 1, /a\\u000aVALID: 0 errors\.csv:2/],
    ['a folder name with an escape sequence is shown escaped', () => [join(root, 'esc\x1b[31m', 'nope.csv')], 2, /esc\\u001b\[31m/],
    ['a JSON number too large for a double is quoted as written', () => [folder('huge', undefined, { 'a.json': '[{"unit_code":"04213","year":2020,"propaganda_sessions":1e400}]' })], 1, /«1e400»/],
    ['a config whose unit list is /dev/zero is refused, not read without end', () => [folder('zero', { province: '14', units: { old: '/dev/zero' } })], 2, /\/dev\/zero \(not-a-file\)/],
    ['a unit list with only its header is refused', () => [folder('header-only', { province: '14', units: { old: 'units.csv' } }, { 'a.csv': RETURN, 'units.csv': 'code,name,type,level,parent_code\n' })], 2, /has its header and no rows/],
  ];
  it.each(cases)('%s', (_name, args, code, message) => {
    const run = antt(['validate', ...args(), '--lang', 'en']);
    expect(run.code).toBe(code);
    expect(run.stdout + run.stderr).toMatch(message);
    clean(run.stdout);
    clean(run.stderr);
  });

  it('--skip toString is no warning code, not "an error"', () => {
    const run = antt(['validate', 'data/son-la', '--skip', 'toString', '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/No such warning code/);
  });

  it('a window with no figure is said, with the years there are, exit 2 (not "0/0 (100%)", exit 0)', () => {
    const run = antt(['aggregate', 'data/son-la', '--from', '2030', '--to', '2031', '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/No figures at all in 2030–2031: the returns read have figures from 2013 to 2026/);
  });
});

describe('every row rejected', () => {
  const bad = () => folder('all-bad', undefined, { 'a.csv': 'Mã đơn vị,Tên đơn vị,Năm,Đợt tuyên truyền\n99999,Xã X,2020,1\n04213,Xã Mường Sai,2020,abc\n' });
  it.each([
    ['aggregate', 'table'],
    ['aggregate', 'json'],
    ['aggregate', 'csv'],
    ['check', 'table'],
    ['check', 'json'],
    ['check', 'csv'],
  ])('%s --format %s still prints its report, with the findings, and exits 1', (command, format) => {
    const run = antt([command, bad(), '--format', format, '--lang', 'en']);
    expect(run.code).toBe(1);
    expect(run.stdout.length).toBeGreaterThan(0);
    expect(run.stdout + run.stderr).toMatch(/unknown-unit/);
    expect(run.stdout + run.stderr).not.toMatch(/0\/0 commune-years \(100%\)|internal error/);
  });
});

describe('- reads a return from standard input', () => {
  it.each([
    ['CSV', 'data/son-la/2019/2019-126-huyen-song-ma.csv', /VALID: 1 file, 19 data rows/],
    ['JSON', 'test/fixtures/json/song-ma-2024.json', /VALID: 1 file/],
    ['a workbook', 'test/fixtures/xlsx/song-ma-2024.xlsx', /VALID: 2 files, 20 data rows/],
  ])('%s, its format told from its first bytes, shown as "-"', (_kind, file, said) => {
    const run = spawnSync(process.execPath, ['bin/antt.js', 'validate', '-', '--lang', 'en'], { cwd: repoRoot, input: readFileSync(join(repoRoot, file)), encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(run.stdout).toMatch(said);
    expect(run.status).toBeLessThan(2);
  });
});

describe('messages in the language asked for', () => {
  const xls = () => {
    const path = join(root, 'old.xls');
    writeFileSync(path, 'not a workbook');
    return path;
  };
  it.each([
    ['a bad --format, in Vietnamese', () => ['aggregate', 'data/son-la', '--format', 'pdf'], /tùy chọn '--format <format>' không nhận giá trị 'pdf'/, /is invalid|Allowed/],
    ['an .xls, in English', () => ['validate', xls(), '--lang', 'en'], /open the \.xls in Excel/, /mở|lưu/],
    ['an .xls, in Vietnamese', () => ['validate', xls()], /mở tệp \.xls trong Excel/, /open the|save it/],
  ])('%s', (_name, args, said, notSaid) => {
    const run = antt(args());
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(said);
    expect(run.stderr).not.toMatch(notSaid);
  });
});
