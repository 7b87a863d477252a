/**
 * `antt check <folder>`: the to-do list before a conference, most urgent first: what is wrong,
 * which communes have not sent their returns, which district totals disagree with their communes,
 * which figures look like a typing slip.
 */
import { Command, Option } from 'commander';
import type { Lang } from '../core/findings.js';
import { AnttError } from '../io/errors.js';
import { terminalColumns } from '../io/stdio.js';
import { delimiterOption, exitCodeFor, langOption, outOption, progressFor, reportingOption, windowOption, type CommandResult } from './common.js';
import { needsOut, written } from './aggregate.js';

export interface CheckOptions {
  from?: number;
  to?: number;
  format: 'table' | 'csv' | 'json' | 'xlsx';
  out?: string;
  lang: Lang;
  threshold: number;
  delimiter: string;
  maxErrors: number;
  strict: boolean;
  quiet?: boolean;
  skip?: string[];
}

function threshold(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) {
    throw new AnttError('bad-option', { option: '--threshold', value, expected: 'Cần một số dương, ví dụ 3.5.', expectedEn: 'Expected a positive number, e.g. 3.5.' });
  }
  return n;
}

export async function run(paths: string[], options: CheckOptions): Promise<CommandResult> {
  if (options.format === 'xlsx' && !options.out) throw needsOut(options.format);
  const [{ checkFolder }, render, { stdoutColor, plainColor }, { writeFileAtomic, refuseOutputOntoInputs }, { collectInputs }] = await Promise.all([
    import('../pipeline.js'),
    import('../render/check.js'),
    import('../render/color.js'),
    import('../io/write-atomic.js'),
    import('../io/inputs.js'),
  ]);
  if (options.out) {
    // Never overwrite a return (or the folder's config) with the to-do list: told before the run.
    const inputs = collectInputs(paths, { allowEmpty: true });
    refuseOutputOntoInputs(options.out, [...inputs.files, ...(inputs.configPath ? [inputs.configPath] : [])]);
  }
  const progress = await progressFor(options);
  const result = await checkFolder(paths, {
    progress: progress.state,
    ...(options.from !== undefined ? { from: options.from } : {}),
    ...(options.to !== undefined ? { to: options.to } : {}),
    threshold: options.threshold,
    keepFindings: Math.max(options.maxErrors, 1000),
    ...(options.skip ? { skip: options.skip } : {}),
  }).finally(progress.stop);
  const failed = !result.validation.valid || (options.strict && result.validation.stats.warnings > 0);
  const output =
    options.format === 'xlsx'
      ? await (await import('../render/xlsx.js')).checkWorkbook(result, options.lang, options.maxErrors)
      : options.format === 'json'
        ? render.checkJson(result, options)
        : options.format === 'csv'
          ? render.checkCsv(result, options)
          : render.checkTable(result, { ...options, color: options.out ? plainColor() : await stdoutColor(), width: terminalColumns() ?? 110 });
  if (options.out) {
    writeFileAtomic(options.out, output);
    return { stdout: '', stderr: written(options.out, options.lang), exitCode: exitCodeFor(result.validation.stats, failed) };
  }
  return { stdout: output as string, exitCode: exitCodeFor(result.validation.stats, failed) };
}

export function command(done: (result: Promise<CommandResult>) => void): Command {
  return new Command('check')
    .helpOption('-h, --help', 'hướng dẫn / help')
    .summary('việc cần làm trước hội nghị / what to chase before the conference')
    .description(
      'Kiểm tra một thư mục số liệu: xã nào chưa gửi báo cáo, số liệu mâu thuẫn, quy tắc bị vi phạm sau khi cộng, số liệu bất thường.\n' +
        'Check a data folder: communes that have not sent returns, conflicts, rules broken once added up, unusual figures.',
    )
    .argument('<paths...>', 'thư mục số liệu / data folder(s)')
    .addOption(windowOption('from'))
    .addOption(windowOption('to'))
    .addOption(new Option('--format <format>', 'định dạng / output format').choices(['table', 'csv', 'json', 'xlsx']).default('table'))
    .addOption(outOption())
    .addOption(langOption())
    .option('--threshold <score>', 'ngưỡng điểm bất thường (điểm z cải tiến) / outlier threshold (modified z-score)', threshold, 3.5)
    .addOption(delimiterOption())
    .addOption(reportingOption('max-errors'))
    .addOption(reportingOption('strict'))
    .addOption(reportingOption('quiet'))
    .addOption(reportingOption('skip'))
    .addHelpText(
      'after',
      `
Ví dụ / Examples:
  $ antt check data/son-la
  $ antt check data/son-la --from 2024 --to 2024 --format csv > viec-can-lam.csv

Mã thoát / Exit codes: 0 không có lỗi / no errors, 1 có lỗi dữ liệu / data errors, 2 dùng sai lệnh / bad usage.`,
    )
    .action((paths: string[], options: CheckOptions) => done(run(paths, options)));
}
