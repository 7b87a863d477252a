/**
 * `antt aggregate <paths…>`: the main job. Roll every return up to district, province and
 * multi-year totals, with the right arithmetic for each kind of indicator, and print a table or
 * write a report-ready CSV or JSON.
 */
import { Command, Option } from 'commander';
import type { UnitLevel } from '../../schemas/units.js';
import type { Lang } from '../core/findings.js';
import type { AggregateReport } from '../core/report.js';
import type { Prefer } from '../core/rollup.js';
import { AnttError } from '../io/errors.js';
import { terminalColumns } from '../io/stdio.js';
import { delimiterOption, exitCodeFor, langOption, outOption, progressFor, reportingOption, windowOption, type CommandResult } from './common.js';

export interface AggregateCliOptions {
  from?: number;
  to?: number;
  level: UnitLevel[];
  indicators?: string[];
  format: 'table' | 'csv' | 'json' | 'xlsx';
  shape: 'wide' | 'long';
  out?: string;
  lang: Lang;
  delimiter: string;
  decimalMark: '.' | ',';
  prefer: Prefer;
  by?: 'year';
  maxErrors: number;
  strict: boolean;
  quiet?: boolean;
  skip?: string[];
}

const LEVELS: readonly UnitLevel[] = ['province', 'district', 'commune'];

function levels(value: string, previous: UnitLevel[] | undefined): UnitLevel[] {
  const list = value.split(',').map((v) => v.trim().toLowerCase());
  for (const item of list) {
    if (!LEVELS.includes(item as UnitLevel)) {
      throw new AnttError('bad-option', {
        option: '--level',
        value: item,
        expected: 'Dùng province, district hoặc commune (có thể nhiều lần).',
        expectedEn: 'Use province, district or commune (may be repeated).',
      });
    }
  }
  return [...(previous ?? []), ...(list as UnitLevel[])];
}

function list(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), ...value.split(',').map((v) => v.trim()).filter(Boolean)];
}

export async function run(paths: string[], options: AggregateCliOptions): Promise<CommandResult> {
  if (options.format === 'xlsx' && !options.out) throw needsOut(options.format);
  // Loaded here, not at start-up: `antt --help` and the other commands need none of it.
  const [{ aggregateReturns }, { collectInputs }, { writeFileAtomic, refuseOutputOntoInputs }, { validationText }, { plainColor, stderrColor, stdoutColor }] = await Promise.all([
    import('../pipeline.js'),
    import('../io/inputs.js'),
    import('../io/write-atomic.js'),
    import('../render/validation.js'),
    import('../render/color.js'),
  ]);
  if (options.out) {
    // Never overwrite a return (or the folder's config) with a report: told before the run.
    const inputs = collectInputs(paths);
    refuseOutputOntoInputs(options.out, [...inputs.files, ...(inputs.configPath ? [inputs.configPath] : [])]);
  }
  const progress = await progressFor(options);
  const { aggregate, validation, outliers } = await aggregateReturns(paths, {
    progress: progress.state,
    ...(options.from !== undefined ? { from: options.from } : {}),
    ...(options.to !== undefined ? { to: options.to } : {}),
    ...(options.level.length > 0 ? { levels: options.level } : {}),
    ...(options.indicators ? { indicators: options.indicators } : {}),
    prefer: options.prefer,
    byYear: options.by === 'year',
    keepFindings: Math.max(options.maxErrors, 1000),
    ...(options.skip ? { skip: options.skip } : {}),
  }).finally(progress.stop);

  const failed = !validation.valid || (options.strict && validation.stats.warnings > 0);
  let output: string | Uint8Array;
  switch (options.format) {
    case 'xlsx': {
      const { aggregateWorkbook } = await import('../render/xlsx.js');
      output = await aggregateWorkbook(aggregate, validation.findings, options.lang);
      break;
    }
    case 'json': {
      const [{ aggregateJson }, { findingCounts }] = await Promise.all([import('../render/aggregate-json.js'), import('../render/validation.js')]);
      const listed = validation.findings.slice(0, options.maxErrors);
      output = aggregateJson(aggregate, {
        valid: validation.valid,
        findings: listed,
        lang: options.lang,
        stats: validation.stats,
        counts: findingCounts(validation, listed.length),
      });
      break;
    }
    case 'csv': {
      const { aggregateCsvLong, aggregateCsvWide } = await import('../render/aggregate-csv.js');
      output =
        options.shape === 'long'
          ? aggregateCsvLong(aggregate, { delimiter: options.delimiter })
          : aggregateCsvWide(aggregate, { lang: options.lang, delimiter: options.delimiter, decimalMark: options.decimalMark });
      break;
    }
    default: {
      const { aggregateTable } = await import('../render/aggregate-table.js');
      output = aggregateTable(aggregate, { lang: options.lang, color: options.out ? plainColor() : await stdoutColor(), width: terminalColumns() ?? 110 });
    }
  }

  // Diagnostics go to stderr, the same findings and codes as `antt validate`, then one line with
  // the essentials of `antt check`.
  const findingsText = validation.findings.length > 0 || !validation.valid ? validationText(validation, { lang: options.lang, maxErrors: options.maxErrors, strict: options.strict, color: await stderrColor() }) : '';
  const stderr = findingsText + checkSummary(aggregate, validation.stats.warnings, outliers, paths, options.lang);
  if (options.out) {
    writeFileAtomic(options.out, output);
    return { stdout: '', stderr: stderr + written(options.out, options.lang), exitCode: exitCodeFor(validation.stats, failed) };
  }
  return { stdout: output as string, stderr, exitCode: exitCodeFor(validation.stats, failed) };
}

/** A workbook is no text for a terminal: it goes to a file. */
export function needsOut(format: string): AnttError {
  return new AnttError('bad-option', {
    option: '--format',
    value: format,
    expected: 'Bảng tính cần được ghi ra tệp: thêm --out bao-cao.xlsx.',
    expectedEn: 'A workbook is written to a file: add --out report.xlsx.',
  });
}

export function written(path: string, lang: Lang): string {
  return lang === 'vi' ? `Đã ghi ${path}\n` : `Wrote ${path}\n`;
}

/** "Số liệu: 2.200/2.200 xã-năm (100%); 1 cảnh báo. Chi tiết: antt check data/son-la". */
export function checkSummary(report: AggregateReport, warnings: number, outliers: number, paths: string[], lang: Lang): string {
  let reported = 0;
  let expected = 0;
  for (const unit of report.units) {
    // The report's province totals (a former province's subtotal is within its current province's).
    if (unit.level !== 'province' || unit.standing !== 'current') continue;
    reported += Math.max(0, ...unit.window.map((c) => c.reported));
    expected += Math.max(0, ...unit.window.map((c) => c.expected));
  }
  if (expected === 0) {
    // Nothing to count (no figure in the window): no "0/0 (100%)".
    return lang === 'vi'
      ? `Số liệu: không có xã-năm nào có số liệu để tính; ${warnings} cảnh báo. Chi tiết: antt check ${paths.map((p) => (/\s/.test(p) ? `"${p}"` : p)).join(' ')}\n`
      : `Coverage: no commune-years with figures to count; ${warnings} warning${warnings === 1 ? '' : 's'}. Details: antt check ${paths.map((p) => (/\s/.test(p) ? `"${p}"` : p)).join(' ')}\n`;
  }
  const floor = Math.floor((reported * 100) / expected);
  const percent = floor === 0 && reported > 0 ? '<1' : String(floor);
  const n = (x: number) => String(x).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'vi' ? '.' : ',');
  const target = paths.map((p) => (/\s/.test(p) ? `"${p}"` : p)).join(' ');
  return lang === 'vi'
    ? `Số liệu: ${n(reported)}/${n(expected)} xã-năm (${percent}%); ${n(warnings)} cảnh báo, ${n(outliers)} số liệu bất thường. Chi tiết: antt check ${target}\n`
    : `Coverage: ${n(reported)}/${n(expected)} commune-years (${percent}%); ${n(warnings)} warning${warnings === 1 ? '' : 's'}, ${n(outliers)} unusual figure${outliers === 1 ? '' : 's'}. Details: antt check ${target}\n`;
}

export function command(done: (result: Promise<CommandResult>) => void): Command {
  return new Command('aggregate')
    .helpOption('-h, --help', 'hướng dẫn / help')
    .summary('tổng hợp số liệu / roll returns up to district, province and multi-year totals')
    .description(
      'Tổng hợp báo cáo lên cấp huyện, tỉnh và nhiều năm, đúng cách cộng của từng loại chỉ tiêu.\n' +
        'Roll returns up to district, province and multi-year totals, with the right arithmetic for each kind of indicator.',
    )
    .argument('<paths...>', 'tệp hoặc thư mục / files or folders')
    .addOption(windowOption('from'))
    .addOption(windowOption('to'))
    .option('--level <level>', 'cấp: province, district, commune (nhiều lần được) / levels to show (repeatable)', levels)
    .option('--indicators <ids>', 'chỉ tiêu (mã, cách nhau bằng dấu phẩy) / indicator ids, comma-separated', list)
    .addOption(new Option('--format <format>', 'định dạng / output format').choices(['table', 'csv', 'json', 'xlsx']).default('table'))
    .addOption(new Option('--shape <shape>', 'CSV: wide (báo cáo) hoặc long (cho máy) / wide report or long machine form').choices(['wide', 'long']).default('wide'))
    .addOption(outOption())
    .addOption(langOption())
    .addOption(delimiterOption())
    .addOption(new Option('--decimal-mark <mark>', 'dấu thập phân trong CSV / decimal mark in CSV').choices(['.', ',']).default('.'))
    .addOption(new Option('--prefer <source>', 'khi số huyện tự báo cáo khác tổng các xã / when a district’s own return differs from its communes').choices(['built', 'reported']).default('built'))
    .addOption(new Option('--by <period>', 'thêm số liệu từng năm / add one figure per year').choices(['year']))
    .addOption(reportingOption('max-errors'))
    .addOption(reportingOption('strict'))
    .addOption(reportingOption('quiet'))
    .addOption(reportingOption('skip'))
    .addHelpText(
      'after',
      `
Ví dụ / Examples:
  $ antt aggregate data/son-la
  $ antt aggregate data/son-la --from 2013 --to 2023 --by year
  $ antt aggregate data/son-la --format csv --delimiter ';' --decimal-mark , --out bao-cao.csv
  $ antt aggregate data/son-la --format xlsx --out bao-cao.xlsx
  $ antt aggregate data/son-la --format csv --shape long --level commune --level district --level province

Mã thoát / Exit codes: 0 số liệu sạch / clean, 1 có lỗi dữ liệu (tổng vẫn được in từ các dòng hợp lệ) / data errors (totals still printed from the valid rows), 2 dùng sai lệnh / bad usage.`,
    )
    .action((paths: string[], options: AggregateCliOptions) => done(run(paths, { ...options, level: options.level ?? [] })));
}
