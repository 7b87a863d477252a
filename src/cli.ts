/**
 * The `antt` command line: registers the commands and turns their results, and any failure to
 * operate, into output and an exit code. The only place that calls `process.exit` (STYLE §2).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { command as aggregate } from './commands/aggregate.js';
import { command as check } from './commands/check.js';
import { command as indicators } from './commands/indicators.js';
import { command as init } from './commands/init.js';
import { command as schema } from './commands/schema.js';
import { command as validate } from './commands/validate.js';
import { defaultLang, type CommandResult } from './commands/common.js';
import { safeText } from './render/format.js';
import type { Lang } from './core/findings.js';
import { AnttError } from './io/errors.js';
import { packageRoot } from './io/package-root.js';
import { terminalColumns, terminalHasColors, writeText } from './io/stdio.js';

const EXIT = { clean: 0, dataErrors: 1, usage: 2 } as const;

/** The language of messages about the command line itself, before options are parsed. */
function langFromArgv(argv: readonly string[]): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i < 0) return defaultLang();
  const value = argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  return value === 'en' ? 'en' : 'vi';
}

/** "option '--format <format>' argument 'pdf' is invalid. Allowed choices are table, csv." in Vietnamese. */
function invalidChoiceVi(en: string): string {
  const choice = /^option '([^']+)' argument '([^']*)' is invalid\. Allowed choices are (.*?)\.?$/.exec(en);
  if (choice) return `tùy chọn '${choice[1]}' không nhận giá trị '${choice[2]}'. Các giá trị được phép: ${choice[3]}.`;
  return `giá trị không hợp lệ: ${en.replace(/^option /, 'tùy chọn ')}`;
}

/** Commander's own messages, in Vietnamese and English. */
function usageMessage(error: CommanderError, lang: Lang): string {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  const en = error.message.replace(/^error: /, '');
  const vi: Record<string, string> = {
    'commander.unknownOption': `không có tùy chọn '${quoted}'.`,
    'commander.unknownCommand': `không có lệnh '${quoted}'. Các lệnh: aggregate, validate, check, init, indicators, schema.`,
    'commander.missingArgument': `thiếu tham số '${quoted}'.`,
    'commander.optionMissingArgument': `tùy chọn '${quoted}' cần một giá trị.`,
    'commander.invalidArgument': invalidChoiceVi(en),
    'commander.excessArguments': `thừa tham số.`,
    'commander.missingMandatoryOptionValue': `thiếu tùy chọn bắt buộc '${quoted}'.`,
  };
  const text = lang === 'vi' ? (vi[error.code] ?? en) : en;
  const hint = lang === 'vi' ? 'Xem hướng dẫn: antt --help' : 'See: antt --help';
  return `antt: ${text}\n${hint}\n`;
}

function version(): string {
  try {
    return (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

function program(done: (result: Promise<CommandResult>) => void): Command {
  return new Command('antt')
    .description(
      'antt — kiểm tra và tổng hợp số liệu phong trào "Toàn dân bảo vệ an ninh Tổ quốc".\n' +
        'Check and add up the statistics of the "All people protect national security" movement.',
    )
    .version(version(), '-V, --version', 'phiên bản / version')
    .helpOption('-h, --help', 'hướng dẫn / help')
    .addHelpCommand(false)
    .showSuggestionAfterError(true)
    .addCommand(aggregate(done))
    .addCommand(validate(done))
    .addCommand(check(done))
    .addCommand(indicators(done))
    .addCommand(init(done))
    .addCommand(schema(done));
}

/** Each line of a message made safe (see safeText), its line breaks kept. */
function safeLines(text: string): string {
  return text.split('\n').map(safeText).join('\n');
}

/** Red on a terminal that wants colour; chalk is loaded only when there is something to say. */
async function red(text: string): Promise<string> {
  const { stderrColor } = await import('./render/color.js');
  return (await stderrColor()).red(text);
}

/**
 * Writes to stdout; a reader that went away (`antt … | head`) is not an error: antt stops there,
 * clean. Output that could not be written (a full disk, a closed descriptor) is: the report is
 * lost, and the run says so and exits 2.
 */
async function writeOut(text: string): Promise<void> {
  const result = await writeText(1, text);
  if (result === 'gone') process.exit(EXIT.clean);
  if (result !== 'written') throw new AnttError('output-failed', { stream: 'stdout', reason: result.error });
}

/** Messages that could not be written: the run cannot say what went wrong, so at least it does not end 0 or 1. */
let stderrLost = false;

async function writeErr(text: string): Promise<void> {
  const result = await writeText(2, text);
  if (result !== 'written' && result !== 'gone') stderrLost = true;
}

/**
 * Commander's help and version go out as antt's own output does (io/stdio.ts); its errors are
 * antt's to word. Its width and colours are a terminal's, asked without making Node's stream for
 * a pipe.
 */
const output = {
  writeOut: (text: string) => void writeOut(text),
  writeErr: () => undefined,
  getOutHelpWidth: () => terminalColumns(1) ?? 80, // commander's own width where there is no terminal
  getOutHasColors: () => terminalHasColors(1),
};

export async function main(argv: readonly string[]): Promise<number> {
  const lang = langFromArgv(argv);
  let pending: Promise<CommandResult> | undefined;
  const cli = program((result) => {
    pending = result;
  });
  cli.exitOverride();
  cli.configureOutput(output);
  for (const sub of cli.commands) {
    sub.exitOverride();
    sub.configureOutput(output);
  }
  if (argv.length === 0) {
    // No command: say what there is, as `antt --help` would, and that something was expected.
    await writeErr(cli.helpInformation());
    return EXIT.usage;
  }
  try {
    await cli.parseAsync(argv as string[], { from: 'user' });
    if (!pending) return EXIT.clean;
    const result = await pending;
    await writeOut(result.stdout);
    if (result.stderr) await writeErr(result.stderr);
    return stderrLost ? EXIT.usage : result.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.clean;
      if (error.exitCode === 0) return EXIT.clean;
      await writeErr(await red(safeLines(usageMessage(error, lang))));
      return EXIT.usage;
    }
    if (error instanceof AnttError) {
      // Its paths and values come from the user's files and settings: shown, never obeyed.
      await writeErr((await red(`antt: ${safeText(error.render(lang))}`)) + '\n');
      return EXIT.usage;
    }
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // A bug in antt itself, not in the data: say so plainly, keep the detail for a bug report.
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    void writeErr(
      'antt: lỗi nội bộ, xin báo lại cho nhóm phát triển kèm lệnh đã chạy / internal error, please report it with the command you ran.\n' +
        (process.env.ANTT_DEBUG ? detail + '\n' : `(${error instanceof Error ? error.message : String(error)}; ANTT_DEBUG=1 shows more)\n`),
    );
    process.exit(3);
  },
);
