/**
 * Lines taken while still bytes (io/csv/records.ts readCsvBytes, io/csv/line-view.ts): a UTF-8
 * file larger than the first read has its lines of ASCII read without being decoded.
 * It must change nothing but speed: a province's returns, with names in Vietnamese and slips of
 * every kind put in at random rows, give the same output with it and without it
 * (ANTT_BYTE_LINES=0).
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReturnChecker } from '../src/core/checker.js';
import type { RowView } from '../src/core/row-view.js';
import { LineView } from '../src/io/csv/line-view.js';
import { ALL_FAST_PATHS, readCsv } from '../src/io/read-returns.js';
import { loadGazetteer } from '../src/io/shipped.js';
import { catalogueFor, lazyVocabularyOf } from '../src/pipeline.js';
import { antt, expectSameRun, repoRoot } from './helpers.js';

const on = {};
const off = { ANTT_BYTE_LINES: '0' };

/** Sơn La's communes in the list before the reform: code and name. */
function sonLaCommunes(): [string, string][] {
  const rows = readFileSync(join(repoRoot, 'data/gazetteer/vn-units-2025-03-01.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
  const districts = new Set(rows.filter((r) => r[3] === 'district' && r[4] === '14').map((r) => r[0]));
  return rows.filter((r) => r[3] === 'commune' && districts.has(r[4]!)).map((r) => [r[0]!, r[1]!]);
}

const header = 'Mã đơn vị,Tên đơn vị,Năm,Người cai nghiện ma túy tại cộng đồng,Người từ bỏ ma túy,Đợt tuyên truyền,Diện tích cây thuốc phiện bị triệt phá (ha)';

/** What a slip does to a row's cells (code, name, year, four figures). */
const slips: Record<string, (cells: string[], earlier: string[]) => string[]> = {
  decomposed: (c) => [c[0]!, c[1]!.normalize('NFD'), ...c.slice(2)],
  'other name': (c) => [c[0]!, 'Xã Mường Sai', ...c.slice(2)],
  'name in ASCII': (c) => [c[0]!, 'Xa Muong Sai', ...c.slice(2)],
  'no name': (c) => [c[0]!, '', ...c.slice(2)],
  'quoted decimal': (c) => [...c.slice(0, 6), '"2,5"'],
  'decimal point': (c) => [...c.slice(0, 6), '2.5'],
  'bad figure': (c) => [...c.slice(0, 3), 'x', ...c.slice(4)],
  'broken rule': (c) => [...c.slice(0, 3), '1', '9', ...c.slice(5)],
  'no zero': (c) => [c[0]!.replace(/^0/, ''), ...c.slice(1)],
  'unknown code': (c) => ['99999', ...c.slice(1)],
  tab: (c) => [c[0]!, c[1]!.replace(' ', '\t'), ...c.slice(2)],
  'short row': (c) => c.slice(0, 6),
  'after the reform': (c) => [...c.slice(0, 2), '2026', ...c.slice(3)],
  repeat: (_c, earlier) => earlier,
  'repeat, other figure': (_c, earlier) => [...earlier.slice(0, 5), '77', ...earlier.slice(6)],
  blank: () => [''],
};

/** Ten years of every commune of Sơn La, the rows keeping the rules: about 90 KB. */
function sonLaRows(): string[][] {
  const rows: string[][] = [];
  const communes = sonLaCommunes();
  for (let year = 2015; year <= 2024; year++) {
    communes.forEach(([code, name], i) => {
      // Those who quit are among those in rehabilitation (a rule): the rows keep it, and slips break it.
      const rehab = (i * 7 + year) % 30;
      rows.push([code, name, String(year), String(rehab), String(rehab % 5), String((i * 3 + year) % 12), i % 5 === 0 ? '' : String((i + year) % 4)]);
    });
  }
  return rows;
}

describe('lines taken as bytes', () => {
  /** How many lines of a file were read in place, and of those as bytes, as readCsv reads them; and the report. */
  async function linesInBytes(path: string, byteLines = true) {
    const catalogue = catalogueFor(null);
    const gazetteer = loadGazetteer();
    const checker = new ReturnChecker({ catalogue, gazetteer, context: {}, keepFindings: 100 });
    let inBytes = 0;
    let inPlace = 0;
    await readCsv(
      path,
      (convention) => {
        const file = checker.beginFile('son-la.csv', convention);
        const rowView = file.rowView.bind(file);
        file.rowView = (view: RowView, place) => {
          inPlace++;
          if (view instanceof LineView && view.fromBytes) inBytes++;
          rowView(view, place);
        };
        return file;
      },
      lazyVocabularyOf(gazetteer, catalogue),
      { ...ALL_FAST_PATHS, byteLines },
    );
    return { inBytes, inPlace, report: checker.finish() };
  }

  it('are not lines with names beyond ASCII: those are decoded, then read in place as text', async () => {
    // Counted at FileChecker.rowView, as readCsv calls it: output tests alone would still pass
    // if no line were ever read in place.
    const rows = sonLaRows();
    const dir = mkdtempSync(join(tmpdir(), 'antt-bytes-'));
    const path = join(dir, 'son-la.csv');
    writeFileSync(path, [header, ...rows.map((r) => r.join(','))].join('\r\n') + '\r\n');
    try {
      const { inBytes, inPlace, report } = await linesInBytes(path);
      expect(report.stats.rowsAccepted).toBe(rows.length);
      expect(inPlace).toBe(rows.length);
      // Only the few names of plain ASCII.
      expect(inBytes).toBeLessThan(rows.length * 0.05);
      expect((await linesInBytes(path, false)).inBytes).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("take a unit's first line too when the line is all ASCII: only the first few kilobytes are text", async () => {
    // Codes without names, unit after unit (each commune's years together): were each unit's
    // first line decoded, with the few kilobytes after it, nearly every line would be text.
    // Twenty years, so that the file (about 100 KB) is read in chunks, not at once.
    const rows = sonLaRows().flatMap((r) => [[r[0]!, String(Number(r[2]) - 10), ...r.slice(3)], [r[0]!, r[2]!, ...r.slice(3)]]);
    rows.sort((a, b) => a[0]!.localeCompare(b[0]!) || a[1]!.localeCompare(b[1]!));
    const dir = mkdtempSync(join(tmpdir(), 'antt-bytes-'));
    const path = join(dir, 'son-la.csv');
    writeFileSync(path, ['unit_code,year,rehab_participants,addicts_quit,propaganda_sessions,opium_destroyed_ha', ...rows.map((r) => r.join(','))].join('\n') + '\n');
    try {
      const { inBytes, report } = await linesInBytes(path);
      expect(report.stats.rowsAccepted).toBe(rows.length);
      expect(statSync(path).size).toBeGreaterThan(64 * 1024);
      // The header and the lines in its 4 KB handover (about 200 of these short lines) are text.
      expect(inBytes).toBeGreaterThan(rows.length - 250);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('change no output of validate or aggregate for a province’s returns with slips at random rows', () => {
    expect(sonLaCommunes().length).toBeGreaterThan(150);
    // About 90 KB, so the file is read in chunks, not at once.
    const rows = sonLaRows();
    const dir = mkdtempSync(join(tmpdir(), 'antt-bytes-'));
    try {
      fc.assert(
        fc.property(fc.array(fc.tuple(fc.nat(rows.length - 1), fc.constantFrom(...Object.keys(slips)), fc.nat(rows.length - 1)), { minLength: 1, maxLength: 40 }), fc.boolean(), (put, crlf) => {
          const lines = rows.map((r) => [...r]);
          for (const [at, slip, from] of put) {
            // A slip on a row an earlier slip cut short (a blank line, a short row) goes on the row as it was.
            const cells = lines[at]!.length === rows[at]!.length ? lines[at]! : rows[at]!;
            lines[at] = slips[slip]!(cells, rows[Math.min(from, at)]!);
          }
          const text = [header, ...lines.map((cells) => cells.join(','))].join(crlf ? '\r\n' : '\n') + '\n';
          expect(Buffer.byteLength(text)).toBeGreaterThan(64 * 1024);
          writeFileSync(join(dir, 'son-la.csv'), text);
          for (const command of [
            ['aggregate', dir, '--format', 'json', '--level', 'commune', '--level', 'district', '--by', 'year', '--max-errors', '1000'],
            ['validate', dir, '--format', 'json', '--max-errors', '1000'],
          ]) {
            expectSameRun(antt(command, on), antt(command, off));
          }
        }),
        // Always also: a slip on a row a blank line replaced (once broke the test itself).
        { numRuns: 8, examples: [[[[0, 'blank', 0], [0, 'decomposed', 0]], false]] },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
