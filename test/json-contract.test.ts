/**
 * The scripting contract (issue 25): every JSON output says, beside its list of findings, how
 * many of each code were found, how many are listed and how many left out; `--max-errors 0`
 * lists them all.
 */
import { describe, expect, it } from 'vitest';
import { antt } from './helpers.js';

interface Counts {
  listed: number;
  omitted: number;
  by_code: Record<string, number>;
}

function json(args: string[]): { findings: unknown[]; stats: { errors: number; warnings: number }; counts: Counts } {
  return JSON.parse(antt([...args, '--format', 'json']).stdout);
}

describe('findings in JSON', () => {
  it.each([
    ['validate', ['validate', 'test/fixtures/problems']],
    ['aggregate', ['aggregate', 'test/fixtures/problems']],
    ['check', ['check', 'test/fixtures/problems']],
  ])('%s: counts by code add up to the stats; listed + omitted is every finding; --max-errors 0 lists all', (_name, args) => {
    const capped = json([...args, '--max-errors', '2']);
    const all = json([...args, '--max-errors', '0']);
    const total = capped.stats.errors + capped.stats.warnings;
    expect(Object.values(capped.counts.by_code).reduce((a, b) => a + b, 0)).toBe(total);
    expect(capped.findings).toHaveLength(Math.min(2, total));
    expect(capped.counts.listed + capped.counts.omitted).toBe(total);
    expect(all.findings).toHaveLength(total);
    expect(all.counts).toEqual({ listed: total, omitted: 0, by_code: capped.counts.by_code });
  });
});

describe("check's CSV", () => {
  it('gives every finding of a row its year, cell-level findings too (bad-number, negative-number…)', () => {
    const rows = antt(['check', 'test/fixtures/problems', '--format', 'csv']).stdout.trim().split('\r\n').map((l) => l.split(','));
    const findings = rows.filter((r) => r[0] === 'finding');
    expect(findings.map((r) => r[2])).toEqual(expect.arrayContaining(['bad-number', 'negative-number', 'ambiguous-number']));
    expect(findings.filter((r) => r[3] === '').map((r) => r[2])).toEqual([]);
  });
});

describe("check's list of who to chase", () => {
  it('says apart the communes that sent but whose every row was rejected (to fix, not to chase)', () => {
    const report = JSON.parse(antt(['check', 'test/fixtures/problems', '--format', 'json']).stdout) as { completeness: { years: { year: number; missing: { code: string }[]; rejected: { code: string }[] }[] }[] };
    const songMa = report.completeness.flatMap((row) => row.years).filter((y) => y.rejected.length > 0);
    const rejected = songMa.flatMap((y) => y.rejected.map((c) => c.code));
    expect(rejected.sort()).toEqual(['04177', '04180', '04183', '04186']);
    // …and they are no longer among those that did not send.
    expect(report.completeness.flatMap((row) => row.years).flatMap((y) => y.missing.map((c) => c.code)).filter((c) => rejected.includes(c))).toEqual([]);
    const csv = antt(['check', 'test/fixtures/problems', '--format', 'csv']).stdout.split('\r\n').filter((l) => l.startsWith('rejected,'));
    expect(csv).toHaveLength(4);
  });
});
