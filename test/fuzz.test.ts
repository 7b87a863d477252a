/**
 * Fuzzing the parts that meet the outside world (issue 6, item 5), with fast-check:
 * (a) random valid returns, shuffled and split across files, add up to a plain reference sum;
 * (b) mutated input never crashes the reader, and a mutated number is never read as a number
 *     its text cannot mean;
 * (c) the output is byte-identical whatever the file order, the time zone and the locale.
 */
import { readdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuantity, scaledToEnglish, scaledToPlain, scaledToVietnamese } from '../src/core/numbers.js';
import { AnttError } from '../src/io/errors.js';
import { loadGazetteer } from '../src/io/shipped.js';
import { aggregateReturns, checkReturns } from '../src/pipeline.js';
import { antt } from './helpers.js';

const gazetteer = loadGazetteer();
const communes = [...gazetteer.communesOf(gazetteer.unit('126', 'old')!), ...gazetteer.communesOf(gazetteer.unit('127', 'old')!)];

// ---- (a) ------------------------------------------------------------------------------------

const observationArbitrary = fc.record({
  commune: fc.integer({ min: 0, max: communes.length - 1 }),
  year: fc.integer({ min: 2019, max: 2021 }),
  sessions: fc.integer({ min: 0, max: 20_000 }),
  groups: fc.integer({ min: 0, max: 5_000 }),
  tenthsHa: fc.integer({ min: 0, max: 99_999 }),
});

describe('(a) random valid returns, shuffled and split across files, add up to a reference sum', () => {
  it('whatever the split, the order and the number style of each file', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(observationArbitrary, { selector: (o) => `${o.commune}|${o.year}`, minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 5 }),
        fc.infiniteStream(fc.nat()),
        async (rows, fileCount, random) => {
          const dir = mkdtempSync(join(tmpdir(), 'antt-fuzz-a-'));
          try {
            const files: string[][] = Array.from({ length: fileCount }, () => []);
            for (const row of [...rows].sort(() => (random.next().value % 3) - 1)) files[random.next().value % fileCount]!.push(formatRow(row, random.next().value % 2 === 0));
            files.forEach((lines, i) => {
              if (lines.length === 0) return;
              // Each file keeps one style: `;` with Vietnamese numbers, or `,` with international ones.
              const vietnamese = lines[0]!.includes(';');
              const header = ['Mã đơn vị', 'Năm', 'Đợt tuyên truyền', 'Nhóm liên gia tự quản', 'Diện tích cây thuốc phiện bị triệt phá'].join(vietnamese ? ';' : ',');
              writeFileSync(join(dir, `f${i}.csv`), [header, ...lines.filter((l) => l.includes(';') === vietnamese)].join('\n') + '\n');
              const others = lines.filter((l) => l.includes(';') !== vietnamese);
              if (others.length > 0) writeFileSync(join(dir, `g${i}.csv`), [vietnamese ? header.replaceAll(';', ',') : header.replaceAll(',', ';'), ...others].join('\n') + '\n');
            });
            const { aggregate, validation } = await aggregateReturns([dir], { levels: ['province'], prefer: 'built', byYear: false, from: 2019, to: 2021 });
            expect(validation.stats.errors).toBe(0);
            const province = aggregate.units.find((u) => u.level === 'province')!;
            const value = (id: string) => province.window[aggregate.indicators.findIndex((i) => i.id === id)]!.value;
            // The reference: a plain sum of flows; each commune's latest stock, summed.
            const latest = new Map<number, { year: number; groups: number }>();
            for (const r of rows) if (!latest.has(r.commune) || latest.get(r.commune)!.year < r.year) latest.set(r.commune, { year: r.year, groups: r.groups });
            expect(value('propaganda_sessions')).toBe(rows.reduce((s, r) => s + r.sessions, 0));
            expect(value('opium_destroyed_ha')).toBe(rows.reduce((s, r) => s + r.tenthsHa, 0));
            expect(value('lien_gia_groups')).toBe([...latest.values()].reduce((s, l) => s + l.groups, 0));
          } finally {
            rmSync(dir, { recursive: true, force: true });
          }
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);
});

function formatRow(row: { commune: number; year: number; sessions: number; groups: number; tenthsHa: number }, vietnamese: boolean): string {
  // A comma-separated file says nothing of its convention, so its hectares are written without
  // grouping (3,182 ha would rightly be refused as ambiguous); counts are grouped either way.
  const n = (scaled: number, decimals: number) =>
    vietnamese ? scaledToVietnamese(scaled, decimals) : decimals > 0 ? scaledToPlain(scaled, decimals) : scaledToEnglish(scaled, decimals);
  const cells = [communes[row.commune]!.code, String(row.year), n(row.sessions, 0), n(row.groups, 0), n(row.tenthsHa, 1)];
  // International numbers with a thousands comma must be quoted in a comma-separated file.
  return vietnamese ? cells.join(';') : cells.map((c) => (c.includes(',') ? `"${c}"` : c)).join(',');
}

// ---- (b) ------------------------------------------------------------------------------------

/**
 * What a text can mean as a number, by an independent reading of its form: plain digits, one
 * decimal mark, thousands groups (`.` `,` space) with or without a decimal part. Returns the
 * scaled values of the readings valid for `decimals`.
 */
function readings(text: string, decimals: number): Set<number> {
  const out = new Set<number>();
  const t = text.trim();
  const add = (intDigits: string, frac: string) => {
    const f = frac.replace(/0+$/, '');
    if (f.length > decimals) return;
    const value = Number(intDigits + f.padEnd(decimals, '0'));
    if (Number.isSafeInteger(value)) out.add(value);
  };
  if (t === '-') out.add(0);
  let m = /^([0-9]+)$/.exec(t);
  if (m) add(m[1]!, '');
  m = /^([0-9]+)[.,]([0-9]+)$/.exec(t);
  if (m) add(m[1]!, m[2]!);
  for (const g of ['.', ',', ' ', '\u00a0', '\u202f']) {
    const e = g.replace('.', '\\.');
    m = new RegExp(`^([1-9][0-9]{0,2}(?:${e}[0-9]{3})+)$`).exec(t);
    if (m) add(m[1]!.split(g).join(''), '');
    for (const d of ['.', ',']) {
      if (d === g) continue;
      m = new RegExp(`^([1-9][0-9]{0,2}(?:${e}[0-9]{3})+)\\${d}([0-9]+)$`).exec(t);
      if (m) add(m[1]!.split(g).join(''), m[2]!);
    }
  }
  return out;
}

const hostileChars = fc.constantFrom('0', '1', '5', '9', '.', ',', ' ', '\u00a0', '-', '+', 'e', 'E', 'x', 'a', '%', '٣', '(', ')', '…', '\u0000', '\u202f');

const mutatedNumber = fc
  .tuple(fc.integer({ min: 0, max: 2 ** 45 }), fc.integer({ min: 0, max: 3 }), fc.boolean(), fc.array(fc.tuple(fc.nat(), fc.nat(2), hostileChars), { maxLength: 4 }))
  .map(([scaled, decimals, vietnamese, edits]) => {
    let text = vietnamese ? scaledToVietnamese(scaled, decimals) : scaledToEnglish(scaled, decimals);
    for (const [at, kind, ch] of edits) {
      const i = text.length === 0 ? 0 : at % (text.length + 1);
      text = kind === 0 ? text.slice(0, i) + ch + text.slice(i) : kind === 1 ? text.slice(0, i) + text.slice(i + 1) : text.slice(0, i) + ch + text.slice(i + 1);
    }
    return { text, decimals };
  });

describe('(b) mutated input', () => {
  it('a mutated number is rejected, or read as the one number its text plainly means', () => {
    fc.assert(
      fc.property(mutatedNumber, ({ text, decimals }) => {
        const result = parseQuantity(text, decimals);
        if (result.status !== 'value') return;
        const meanings = readings(text, decimals);
        expect(meanings.has(result.scaled), `${JSON.stringify(text)} read as ${result.scaled}, can mean ${[...meanings]}`).toBe(true);
        expect(meanings.size, `${JSON.stringify(text)} is ambiguous but was accepted`).toBe(1);
      }),
      { numRuns: 5000 },
    );
  });

  it('random byte mutations of a valid file never crash the reader, and every row read is accounted for', async () => {
    const valid = Buffer.from(
      '\uFEFFMã đơn vị;Tên đơn vị;Năm;Nhóm liên gia tự quản;Diện tích cây thuốc phiện bị triệt phá\r\n' +
        communes.slice(0, 12).map((c, i) => `${c.code};${c.name};2024;${1000 + i * 7};${i},${i % 10}`).join('\r\n') +
        '\r\n',
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.nat(2)), { minLength: 1, maxLength: 20 }), async (edits) => {
        const bytes = [...valid];
        for (const [at, byte, kind] of edits) {
          const i = at % (bytes.length + 1);
          if (kind === 0) bytes.splice(i, 0, byte);
          else if (kind === 1) bytes.splice(i, 1);
          else bytes[i] = byte;
        }
        const dir = mkdtempSync(join(tmpdir(), 'antt-fuzz-b-'));
        try {
          writeFileSync(join(dir, 'mutated.csv'), Buffer.from(bytes));
          try {
            const { report } = await checkReturns([dir]);
            expect(report.stats.rows).toBe(report.stats.rowsAccepted + report.stats.rowsRejected);
          } catch (error) {
            expect(error).toBeInstanceOf(AnttError); // a failure to operate, said in words, never a crash
          }
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});

// ---- (c) ------------------------------------------------------------------------------------

describe('(c) the same output, byte for byte, whatever the file order, time zone and locale', () => {
  it('aggregate (CSV and JSON) and validate (JSON)', () => {
    const files = readdirSync('data/son-la', { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.csv'))
      .map((e) => join(e.parentPath ?? (e as unknown as { path: string }).path, e.name));
    const shuffled = [...files].sort((a, b) => (a.length * 7919 + a.charCodeAt(a.length - 5)) % 13 - (b.length * 7919 + b.charCodeAt(b.length - 5)) % 13);
    const reversed = [...files].reverse();
    const runs = [
      { order: files, env: { TZ: 'UTC', LANG: 'C', LC_ALL: 'C' } },
      { order: shuffled, env: { TZ: 'Asia/Ho_Chi_Minh', LANG: 'vi_VN.UTF-8', LC_ALL: 'vi_VN.UTF-8' } },
      { order: reversed, env: { TZ: 'America/Los_Angeles', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' } },
    ];
    for (const args of [
      ['aggregate', '--format', 'csv', '--level', 'commune', '--level', 'district', '--level', 'province', '--by', 'year'],
      ['aggregate', '--format', 'json'],
      ['validate', '--format', 'json'],
    ]) {
      const outputs = runs.map(({ order, env }) => antt([...args.slice(0, 1), 'data/son-la/antt.config.json', ...order, ...args.slice(1)], env).stdout);
      expect(outputs[0]!.length).toBeGreaterThan(100);
      expect(outputs[1]).toBe(outputs[0]);
      expect(outputs[2]).toBe(outputs[0]);
    }
  }, 60_000);
});
