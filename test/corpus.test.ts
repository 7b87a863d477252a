/**
 * Nothing lost, nothing let in (issue 6): a corpus of broken and hostile input, each with the
 * finding or error it must produce. Small cases live in test/fixtures/corpus/ (made by
 * scripts/make-corpus.mjs); large ones are made here in a temporary folder.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script, shared with the command line
import { makeLargeCorpus } from '../scripts/make-corpus.mjs';
import { antt, repoRoot, type JsonReport } from './helpers.js';

const corpus = 'test/fixtures/corpus';

function validate(paths: string[]): { report: JsonReport; code: number | null; stderr: string; stdout: string } {
  const run = antt(['validate', ...paths, '--format', 'json', '--max-errors', '100000', '--lang', 'en']);
  return { report: JSON.parse(run.stdout) as JsonReport, code: run.code, stderr: run.stderr, stdout: run.stdout };
}

const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at |Error: /);

describe('the corpus, one case per line: the finding codes and the exit status', () => {
  it.each([
    // file, exit, finding codes (sorted, distinct), rows read
    ['empty.csv', 1, ['empty-file'], 0],
    ['header-only.csv', 0, [], 0],
    ['bom-only.csv', 1, ['empty-file'], 0],
    ['ragged.csv', 1, ['ragged-row'], 3],
    ['unclosed-quote.csv', 1, ['malformed-file'], 1],
    ['cr-only.csv', 0, [], 2],
    ['mixed-endings.csv', 0, [], 3],
    ['nul-bytes.csv', 1, ['encoding'], 0],
    ['binary-garbage.csv', 1, ['encoding'], 0],
    ['half-utf8-half-1258.csv', 1, ['encoding'], 4],
    ['hostile-numbers.csv', 1, ['bad-number', 'number-too-large'], 7],
    ['prototype-names.csv', 1, ['unknown-column', 'unknown-unit'], 4],
    ['formula-names.csv', 1, ['encoding', 'unknown-unit'], 5],
    ['deeply-nested.json', 1, ['malformed-file'], 0],
    ['duplicate-keys.json', 1, ['duplicate-key'], 2],
    ['top-level-string.json', 1, ['not-a-return'], 0],
    ['control-header.csv', 1, ['unknown-column'], 1],
  ] as const)('%s → exit %d, %j', (file, exit, codes, rows) => {
    const { report, code, stderr } = validate([`${corpus}/${file}`]);
    expect(code).toBe(exit);
    expect([...new Set(report.findings.map((f) => f.code))].sort()).toEqual(codes);
    expect(report.stats.rows).toBe(rows);
    // Nothing lost: every row read is accepted or reported.
    expect(report.stats.rows).toBe(report.stats.rowsAccepted + report.stats.rowsRejected);
    noStackTrace(stderr);
  });

  it('keeps every valid row of a half-UTF-8 file and reports each row that is not', () => {
    const { report } = validate([`${corpus}/half-utf8-half-1258.csv`]);
    expect(report.stats).toMatchObject({ rowsAccepted: 2, rowsRejected: 2 });
    expect(report.findings.map((f) => f.line)).toEqual([4, 5]);
  });

  it('reads the same file named twice once', () => {
    const { report } = validate([`${corpus}/same-file.csv`, `${corpus}/same-file.csv`, `./${corpus}/same-file.csv`]);
    expect(report.stats).toMatchObject({ files: 1, rows: 1, warnings: 0 });
  });

  it('never writes control sequences from a file to the terminal', () => {
    const names = antt(['validate', `${corpus}/formula-names.csv`]);
    expect(names.stdout).not.toContain('\u001b');
    const header = antt(['validate', `${corpus}/control-header.csv`]);
    expect(header.stdout).not.toMatch(/[\u0007\u001b]/);
    expect(header.stdout).toContain('«Ghi\\u001b[2Jchú\\u0007»');
  });

  it('keeps formula-looking names as text in every report: CSV cells neutralised, workbook cells plain strings', async () => {
    const csv = antt(['check', `${corpus}/formula-names.csv`, '--format', 'csv', '--from', '2024', '--to', '2024']);
    expect(csv.stdout).toMatch(/unknown-unit/);
    for (const line of csv.stdout.replace(/^\uFEFF/, '').split('\r\n')) {
      for (const cell of line.split(',')) expect(cell).not.toMatch(/^"?[=+\-@]/);
    }
    const out = join(mkdtempSync(join(tmpdir(), 'antt-corpus-')), 'check.xlsx');
    expect(antt(['check', `${corpus}/formula-names.csv`, '--format', 'xlsx', '--out', out, '--from', '2024', '--to', '2024']).code).toBe(1);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    book.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        }),
      ),
    );
  });
});

describe('the large cases', () => {
  let root = '';
  let paths: Record<string, string> = {};
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'antt-large-'));
    paths = await makeLargeCorpus(root, { jsonStringMegabytes: 500, files: 10_000 });
  }, 120_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it.each([
    ['bigCell', 1, ['malformed-file'], 1],
    ['wideHeader', 1, ['malformed-file'], 0],
    ['hugeString', 1, ['malformed-file'], 0],
  ])('%s → exit %d, %j, memory bounded', (name, exit, codes, rows) => {
    const { report, code, stderr } = validate([paths[name]!]);
    expect(code).toBe(exit);
    expect([...new Set(report.findings.map((f) => f.code))].sort()).toEqual(codes);
    expect(report.stats.rows).toBe(rows);
    noStackTrace(stderr);
  });

  it('follows a link back up a folder once, and reports a file it cannot read without stopping (exit 2)', () => {
    const { report, code } = validate([paths.loopFolder!]);
    expect(code).toBe(2);
    expect(report.stats).toMatchObject({ files: 2, unreadable: 1, rows: 1, rowsAccepted: 1 });
    expect(report.findings.map((f) => f.code)).toEqual(['file-unreadable']);
  });

  it('reads ten thousand files', () => {
    const { report, code } = validate([paths.manyFiles!]);
    expect(code).toBe(0);
    expect(report.stats).toMatchObject({ files: 10_000, rows: 10_000, rowsAccepted: 10_000 });
  });

  // The stated bound: a run over the whole corpus (a 500 MB file, 10,000 files, a 10 MB cell)
  // stays under 384 MiB of resident memory. Measured with GNU time where installed.
  const MEMORY_BOUND_KB = 384 * 1024;
  const gnuTime = existsSync('/usr/bin/time');

  it.each(['validate', 'aggregate'])('antt %s over the whole corpus at once: no stack trace, exit 2 (one unreadable file), memory under the bound', (command) => {
    const args = [join(repoRoot, 'bin', 'antt.js'), command, join(repoRoot, corpus), root, '--format', 'json', '--max-errors', '10'];
    const run = gnuTime
      ? spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, NO_COLOR: '1' } })
      : spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
    expect(run.status).toBe(2);
    noStackTrace(run.stderr.split('\n').slice(0, -2).join('\n'));
    const report = JSON.parse(run.stdout) as { stats: JsonReport['stats'] };
    expect(report.stats.rows).toBe(report.stats.rowsAccepted + report.stats.rowsRejected);
    if (gnuTime) expect(Number(run.stderr.trim().split('\n').pop())).toBeLessThan(MEMORY_BOUND_KB);
  });
});

describe('outputs that cannot half-exist', () => {
  it('a killed `aggregate --out` leaves the old report or the whole new one, never half of one', async () => {
    const args = ['aggregate', join(repoRoot, 'data', 'son-la'), '--format', 'csv', '--level', 'commune', '--by', 'year', '--out'];
    const whole = mkdtempSync(join(tmpdir(), 'antt-whole-'));
    expect(spawnSync(process.execPath, [join(repoRoot, 'bin', 'antt.js'), ...args, join(whole, 'bao-cao.csv')]).status).toBe(0);
    const newReport = readFileSync(join(whole, 'bao-cao.csv'), 'utf8');
    rmSync(whole, { recursive: true, force: true });
    // Killed at moments from before the report is written to after: how fast the machine is
    // decides which, and either way the file is one report or the other, whole.
    for (const delay of [50, 150, 250, 350, 450]) {
      const dir = mkdtempSync(join(tmpdir(), 'antt-kill-'));
      const out = join(dir, 'bao-cao.csv');
      writeFileSync(out, 'the previous report\n');
      const child = spawn(process.execPath, [join(repoRoot, 'bin', 'antt.js'), ...args, out], { stdio: 'ignore' });
      // Listened for at once: a run that ends before the kill has ended all the same.
      const exited = new Promise((resolve) => child.on('exit', resolve));
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill('SIGKILL');
      await exited;
      expect(['the previous report\n', newReport]).toContain(readFileSync(out, 'utf8'));
      expect(readdirSync(dir).filter((f) => !f.startsWith('.'))).toEqual(['bao-cao.csv']);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
