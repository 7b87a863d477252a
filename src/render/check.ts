/**
 * Renderers of the check report: the to-do list before a conference, as a table for people and
 * CSV or JSON for scripts.
 */
import type { Paint } from './color.js';
import { stringify } from 'csv-stringify/sync';
import type { YearCompleteness } from '../core/check.js';
import { renderMessage, type Lang } from '../core/findings.js';
import type { CheckFolderResult } from '../pipeline.js';
import { neutralise } from './aggregate-csv.js';
import { formatCount, safeText } from './format.js';
import { drawTable } from './text-table.js';
import { findingCounts, findingJson, validationText } from './validation.js';

const words = {
  vi: {
    received: 'Báo cáo đã nhận (số xã đã gửi / phải gửi)',
    unit: 'Đơn vị',
    total: 'Toàn tỉnh',
    missing: 'Xã chưa gửi báo cáo',
    none: 'Mọi xã đã gửi báo cáo.',
    rejected: '(đã gửi, nhưng mọi dòng bị loại vì lỗi: xem mục 3)',
    noUnits: 'Chưa biết xã nào phải gửi: không dòng nào nêu được một đơn vị có trong danh mục (xem mục 3).',
    problems: 'Cần xử lý',
    period: 'Giai đoạn',
    more: (n: string) => `… và ${n} xã khác (--format csv để xem đủ).`,
  },
  en: {
    received: 'Returns received (communes that sent / expected)',
    unit: 'Unit',
    total: 'Province',
    missing: 'Communes that have not sent their returns',
    none: 'Every commune has sent its returns.',
    rejected: '(sent, but every row rejected for errors: see 3)',
    noUnits: 'No commune is known to be expected: no row named a unit of the official list (see 3).',
    problems: 'To fix',
    period: 'Period',
    more: (n: string) => `… and ${n} more communes (--format csv lists them all).`,
  },
};

/** 2016, 2018–2024: years as ranges. */
function ranges(years: number[]): string {
  const out: string[] = [];
  for (let i = 0; i < years.length; i++) {
    let j = i;
    while (j + 1 < years.length && years[j + 1] === years[j]! + 1) j++;
    out.push(i === j ? String(years[i]) : `${years[i]}–${years[j]}`);
    i = j;
  }
  return out.join(', ');
}

function cell(y: { received: number; expected: number }, lang: Lang, color: Paint): string {
  if (y.expected === 0) return '';
  const text = `${formatCount(y.received, lang)}/${formatCount(y.expected, lang)}`;
  if (y.received >= y.expected) return color.green(text);
  return y.received === 0 ? color.red(text) : color.yellow(text);
}

export interface CheckTextOptions {
  lang: Lang;
  color: Paint;
  width: number;
  maxErrors: number;
  strict: boolean;
  /** Most missing communes listed in the table. */
  maxMissing?: number;
}

export function checkTable(result: CheckFolderResult, options: CheckTextOptions): string {
  const { lang, color } = options;
  const w = words[lang];
  const out: string[] = [];
  if (result.title) out.push(color.bold(safeText(result.title)));
  out.push(`${w.period}: ${result.from === result.to ? result.from : `${result.from}–${result.to}`}`);

  // 1. The district × year matrix.
  out.push('', color.bold(`1. ${w.received}`));
  const nameWidth = Math.min(24, Math.max(12, ...result.completeness.rows.map((r) => r.unit.name.length + 2)));
  const perTable = Math.max(1, Math.floor((Math.max(80, Math.min(options.width, 160)) - nameWidth - 4) / 10));
  for (let start = 0; start < result.years.length; start += perTable) {
    const years = result.years.slice(start, start + perTable);
    const spec = {
      head: [w.unit, ...years.map(String)],
      colWidths: [nameWidth, ...years.map(() => 9)],
      colAligns: ['left', ...years.map(() => 'right' as const)] as const,
    };
    const rows = result.completeness.rows.map((row) => {
      const byYear = new Map(row.years.map((y) => [y.year, y]));
      return [safeText(row.unit.name), ...years.map((year) => (byYear.has(year) ? cell(byYear.get(year)!, lang, color) : ''))];
    });
    const totals = new Map(result.completeness.total.map((t) => [t.year, t]));
    // No province known (every unit unknown): nothing to count.
    rows.push([color.bold(w.total), ...years.map((year) => (totals.has(year) ? cell(totals.get(year)!, lang, color) : ''))]);
    out.push(drawTable(spec, rows));
  }

  // 2. Who to chase: each commune with the years it has not sent, district by district.
  out.push('', color.bold(`2. ${w.missing}`));
  const max = options.maxMissing ?? 300;
  let listed = 0;
  let unlisted = 0;
  for (const row of result.completeness.rows) {
    const byCommune = new Map<string, { name: string; years: number[]; rejected: number[] }>();
    for (const y of row.years as YearCompleteness[]) {
      for (const [list, rejected] of [
        [y.missing, false],
        [y.rejected, true],
      ] as const) {
        for (const commune of list) {
          const entry = byCommune.get(commune.code) ?? { name: commune.name, years: [], rejected: [] };
          (rejected ? entry.rejected : entry.years).push(y.year);
          byCommune.set(commune.code, entry);
        }
      }
    }
    if (byCommune.size === 0) continue;
    if (listed < max) out.push(`${safeText(row.unit.name)} (${row.unit.code}):`);
    for (const [code, entry] of byCommune) {
      if (listed >= max) {
        unlisted++;
        continue;
      }
      const said = [...(entry.years.length ? [ranges(entry.years)] : []), ...(entry.rejected.length ? [`${ranges(entry.rejected)} ${w.rejected}`] : [])];
      out.push(`  ${code} ${safeText(entry.name)}: ${said.join('; ')}`);
      listed++;
    }
  }
  if (result.completeness.rows.length === 0) out.push(color.yellow(w.noUnits));
  else if (listed === 0) out.push(color.green(w.none));
  if (unlisted > 0) out.push(color.dim(w.more(formatCount(unlisted, lang))));

  // 3. Errors and warnings, most serious first, as `validate` shows them.
  out.push('', color.bold(`3. ${w.problems}`));
  out.push(validationText(result.validation, { lang, color, maxErrors: options.maxErrors, strict: options.strict }).trimEnd());
  return out.join('\n') + '\n';
}

/** One row per thing to chase: a missing return, or a finding. */
export function checkCsv(result: CheckFolderResult, options: { lang: Lang; delimiter: string; maxErrors: number }): string {
  const rows: (string | number | null)[][] = [['kind', 'level', 'code', 'year', 'unit_code', 'unit_name', 'sender_code', 'indicator', 'file', 'line', 'message']];
  for (const row of result.completeness.rows) {
    for (const y of row.years) {
      for (const commune of y.missing) {
        const message = options.lang === 'vi' ? `Chưa gửi báo cáo năm ${y.year}` : `No return for ${y.year}`;
        rows.push(['missing', 'warning', 'missing-return', y.year, commune.code, neutralise(commune.name), row.unit.code, '', '', '', message]);
      }
      for (const commune of y.rejected) {
        const message = options.lang === 'vi' ? `Đã gửi báo cáo năm ${y.year}, nhưng mọi dòng bị loại vì lỗi` : `Sent for ${y.year}, but every row was rejected for errors`;
        rows.push(['rejected', 'error', 'rejected-return', y.year, commune.code, neutralise(commune.name), row.unit.code, '', '', '', message]);
      }
    }
  }
  for (const f of result.validation.findings.slice(0, options.maxErrors)) {
    // The year of a finding: its own, or its period's (2020-Q3 is of 2020).
    const year = f.params.year ?? (typeof f.params.period === 'string' ? (/^\d{4}/.exec(f.params.period)?.[0] ?? '') : '');
    rows.push(['finding', f.level, f.code, String(year), f.unit?.split(' ')[0] ?? '', neutralise(f.unit?.split(' ').slice(1).join(' ') ?? ''), '', f.indicator ?? '', f.file ?? '', f.line ?? '', neutralise(renderMessage(f, options.lang))]);
  }
  return '\uFEFF' + stringify(rows, { delimiter: options.delimiter, record_delimiter: '\r\n' });
}

export function checkJson(result: CheckFolderResult, options: { lang: Lang; maxErrors: number; strict: boolean }): string {
  const v = result.validation;
  return (
    JSON.stringify(
      {
        valid: v.valid && !(options.strict && v.stats.warnings > 0),
        title: result.title,
        from: result.from,
        to: result.to,
        completeness: result.completeness.rows.map((row) => ({
          unit_code: row.unit.code,
          unit_name: row.unit.name,
          level: row.unit.level,
          years: row.years.map((y) => ({
            year: y.year,
            received: y.received,
            expected: y.expected,
            missing: y.missing.map((c) => ({ code: c.code, name: c.name })),
            rejected: y.rejected.map((c) => ({ code: c.code, name: c.name })),
          })),
        })),
        total: result.completeness.total,
        stats: v.stats,
        findings: v.findings.slice(0, options.maxErrors).map((f) => findingJson(f, options.lang)),
        counts: findingCounts(v, Math.min(v.findings.length, options.maxErrors)),
      },
      null,
      2,
    ) + '\n'
  );
}
