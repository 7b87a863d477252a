/**
 * `antt validate <paths…>`: check returns the way a provincial officer needs it: every problem in
 * every file, with file, line, column, what was expected, in Vietnamese or English.
 */
import { Command, Option } from 'commander';
import type { Lang } from '../core/findings.js';
import { exitCodeFor, langOption, progressFor, reportingOption, type CommandResult } from './common.js';

export interface ValidateOptions {
  format: 'text' | 'json';
  lang: Lang;
  maxErrors: number;
  strict: boolean;
  quiet?: boolean;
  skip?: string[];
}

export async function run(paths: string[], options: ValidateOptions): Promise<CommandResult> {
  const [{ checkReturns }, { validationJson, validationText }, { stdoutColor }] = await Promise.all([
    import('../pipeline.js'),
    import('../render/validation.js'),
    import('../render/color.js'),
  ]);
  const progress = await progressFor(options);
  const { report } = await checkReturns(paths, { keepFindings: Math.max(options.maxErrors, 1000), progress: progress.state, ...(options.skip ? { skip: options.skip } : {}) }).finally(progress.stop);
  const failed = !report.valid || (options.strict && report.stats.warnings > 0);
  const stdout =
    options.format === 'json'
      ? validationJson(report, options)
      : validationText(report, { ...options, color: await stdoutColor() });
  return { stdout, exitCode: exitCodeFor(report.stats, failed) };
}

export function command(done: (result: Promise<CommandResult>) => void): Command {
  return new Command('validate')
    .helpOption('-h, --help', 'hướng dẫn / help')
    .summary('kiểm tra báo cáo / check returns')
    .description(
      'Kiểm tra các tệp báo cáo (.csv, .json; thư mục được tìm đệ quy) và liệt kê mọi lỗi theo tệp, dòng, cột.\n' +
        'Check return files (.csv, .json; folders are searched recursively) and list every problem by file, line and column.',
    )
    .argument('<paths...>', 'tệp hoặc thư mục / files or folders')
    .addOption(new Option('--format <format>', 'định dạng kết quả / output format').choices(['text', 'json']).default('text'))
    .addOption(langOption())
    .addOption(reportingOption('max-errors'))
    .addOption(reportingOption('strict'))
    .addOption(reportingOption('quiet'))
    .addOption(reportingOption('skip'))
    .addHelpText(
      'after',
      `
Ví dụ / Examples:
  $ antt validate data/son-la
  $ antt validate bao-cao-2024.csv --lang en
  $ antt validate returns/ --format json --max-errors 1000 > findings.json

Mã thoát / Exit codes: 0 hợp lệ / clean, 1 dữ liệu có lỗi / data errors, 2 dùng sai lệnh hoặc không đọc được tệp / bad usage or unreadable input.`,
    )
    .action((paths: string[], options: ValidateOptions) => done(run(paths, options)));
}
