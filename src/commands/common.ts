/** Option parsing shared by the commands: one place that turns a bad flag into a clear error. */
import { Option } from 'commander';
import { findingCatalogue, type Lang } from '../core/findings.js';
import { AnttError } from '../io/errors.js';
import { year } from './options.js';

export function langOption(): Option {
  return new Option('--lang <lang>', 'ngôn ngữ thông báo / language of messages (vi, en)')
    .choices(['vi', 'en'])
    .default(defaultLang());
}

/** `ANTT_LANG=en` sets the default language for a whole session or CI job. */
export function defaultLang(): Lang {
  return process.env.ANTT_LANG === 'en' ? 'en' : 'vi';
}

/** `--max-errors N`: a whole number; 0 means no cap (every finding listed). */
function maxErrors(value: string): number {
  if (value.trim() === '0') return Number.POSITIVE_INFINITY;
  return positiveInteger('--max-errors')(value);
}

export function positiveInteger(option: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^[0-9]+$/.test(value) || !Number.isSafeInteger(n) || n < 1) {
      throw new AnttError('bad-option', {
        option,
        value,
        expected: 'Cần một số nguyên dương, ví dụ 50.',
        expectedEn: 'Expected a positive whole number, e.g. 50.',
      });
    }
    return n;
  };
}

/** What a command's action hands back to the CLI: text for stdout and the exit code. */
export interface CommandResult {
  stdout: string;
  /** Diagnostics for people: findings and summaries. */
  stderr?: string;
  exitCode: number;
}

/** The options every command that reports findings has, written once. */
export function findingOptions(): Option[] {
  return [
    new Option('--max-errors <n>', 'số vấn đề hiển thị tối đa, 0: tất cả / most problems shown, 0: all').argParser(maxErrors).default(50),
    new Option('--strict', 'cảnh báo cũng làm thất bại / warnings fail too').default(false),
  ];
}

export function quietOption(): Option {
  return new Option('--quiet', 'không hiện tiến độ / no progress line').default(false);
}

/** A progress line for the run (see io/progress.ts); returns the state to update and a stop. */
export async function progressFor(options: { lang: Lang; quiet?: boolean }) {
  const { startProgress } = await import('../io/progress.js');
  const state = { filesTotal: 0, filesDone: 0, rows: () => 0 };
  const stop = startProgress(state, { lang: options.lang, quiet: options.quiet ?? false });
  return { state, stop };
}

/** What every command that reads returns takes: how many problems to show, --strict, --quiet, --skip. */
export function reportingOption(name: 'max-errors' | 'strict' | 'quiet' | 'skip'): Option {
  switch (name) {
    case 'max-errors':
      return findingOptions()[0]!;
    case 'strict':
      return findingOptions()[1]!;
    case 'quiet':
      return quietOption();
    case 'skip':
      return skipOption();
  }
}

/** `--skip leading-zeros-dropped,legacy-encoding`: warnings not to show. Errors cannot be skipped. */
export function skipOption(): Option {
  return new Option('--skip <codes>', 'bỏ qua các cảnh báo này / warning codes not to show').argParser((value: string, previous: string[] | undefined) => {
    const codes = value.split(',').map((c) => c.trim()).filter(Boolean);
    for (const code of codes) {
      // Own codes only: `toString` or `__proto__` is no code, not an error's.
      const spec = Object.hasOwn(findingCatalogue, code) ? (findingCatalogue as Record<string, { level: string }>)[code] : undefined;
      if (!spec || spec.level !== 'warning') {
        throw new AnttError('bad-option', {
          option: '--skip',
          value: code,
          expected: spec ? 'Đây là lỗi, không bỏ qua được; chỉ bỏ qua được cảnh báo.' : 'Không có mã cảnh báo này; xem mã ở đầu mỗi thông báo.',
          expectedEn: spec ? 'That is an error, which cannot be skipped; only warnings can.' : 'No such warning code; the code is shown with each message.',
        });
      }
    }
    return [...(previous ?? []), ...codes];
  });
}

/** --from and --to: the window, in years. */
export function windowOption(end: 'from' | 'to'): Option {
  return end === 'from'
    ? new Option('--from <year>', 'năm đầu / first year of the window').argParser(year('--from'))
    : new Option('--to <year>', 'năm cuối / last year of the window').argParser(year('--to'));
}

export function outOption(): Option {
  return new Option('--out <file>', 'ghi ra tệp (an toàn, không ghi dở) / write to a file (atomically)');
}

export function delimiterOption(): Option {
  return new Option('--delimiter <char>', 'dấu phân cách CSV: , ; tab / CSV delimiter').argParser(delimiter).default(',');
}

function delimiter(value: string): string {
  const named: Record<string, string> = { comma: ',', semicolon: ';', tab: '\t', '\\t': '\t' };
  const d = named[value] ?? value;
  if (![',', ';', '\t', '|'].includes(d)) {
    throw new AnttError('bad-option', { option: '--delimiter', value, expected: 'Dùng , ; tab hoặc |.', expectedEn: 'Use , ; tab or |.' });
  }
  return d;
}

/** 2 when a file could not be read at all, 1 when the data has errors (or warnings with --strict), else 0. */
export function exitCodeFor(stats: { unreadable: number }, failed: boolean): number {
  return stats.unreadable > 0 ? 2 : failed ? 1 : 0;
}
