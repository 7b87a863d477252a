/**
 * `antt init <folder>`: a data folder for a province, ready to send out: its config and one blank
 * form per district and year (after the 2025 reform, per province and year), listing every
 * commune in official order under the form's Vietnamese labels.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Command, Option } from 'commander';
import type { Lang } from '../core/findings.js';
import { AnttError } from '../io/errors.js';
import { langOption, windowOption, type CommandResult } from './common.js';
import { year } from './options.js';

export interface InitOptions {
  province: string;
  programme: string;
  year?: number;
  from?: number;
  to?: number;
  force: boolean;
  format: 'csv' | 'xlsx';
  lang: Lang;
}

export async function run(folder: string, options: InitOptions): Promise<CommandResult> {
  const [{ gazetteerFor }, forms, { WriteBatch }, { CONFIG_FILE }, { stringify }, { formatCount }, { catalogueFor }, { readConfig }] = await Promise.all([
    import('../io/shipped.js'),
    import('../core/forms.js'),
    import('../io/write-atomic.js'),
    import('../../schemas/config.js'),
    import('csv-stringify/sync'),
    import('../render/format.js'),
    import('../pipeline.js'),
    import('../io/inputs.js'),
  ]);
  // A province's own form: an existing config may add indicators and list the form's columns.
  const configPath = join(folder, CONFIG_FILE);
  const existingConfig = existsSync(configPath) ? readConfig(configPath) : null;
  const catalogue = catalogueFor(existingConfig ? { files: [], config: existingConfig, configPath } : null);
  const gazetteer = gazetteerFor(existingConfig, existingConfig ? configPath : null);

  const programme = catalogue.programme(options.programme);
  if (!programme) {
    throw new AnttError('bad-option', {
      option: '--programme',
      value: options.programme,
      expected: `Các chương trình: ${catalogue.programmes.map((p) => p.id).join(', ')}.`,
      expectedEn: `Programmes: ${catalogue.programmes.map((p) => p.id).join(', ')}.`,
    });
  }
  const code = options.province.padStart(2, '0');
  const province = gazetteer.unit(code, 'old')?.level === 'province' ? gazetteer.unit(code, 'old')! : gazetteer.unit(code, 'new');
  if (!province || province.level !== 'province') {
    throw new AnttError('bad-option', {
      option: '--province',
      value: options.province,
      expected: 'Cần mã tỉnh 2 chữ số của Tổng cục Thống kê, ví dụ 14 (Sơn La), 12 (Lai Châu).',
      expectedEn: 'Expected a 2-digit GSO province code, e.g. 14 (Sơn La), 12 (Lai Châu).',
    });
  }
  if (options.year !== undefined && (options.from !== undefined || options.to !== undefined)) {
    throw new AnttError('bad-option', { option: '--year', value: String(options.year), expected: 'Dùng --year hoặc --from/--to, không dùng cả hai.', expectedEn: 'Use --year or --from/--to, not both.' });
  }
  const from = options.year ?? options.from ?? programme.from;
  const to = options.year ?? options.to ?? programme.to;
  if (from === undefined || to === undefined) {
    throw new AnttError('bad-option', {
      option: '--year',
      value: '(thiếu / missing)',
      expected: `Chương trình ${programme.id} là báo cáo năm: cho biết --year hoặc --from/--to.`,
      expectedEn: `${programme.id} is a yearly form: give --year or --from/--to.`,
    });
  }
  if (from > to) throw new AnttError('bad-window', { from, to });
  // A province merged away in 2025 sends no forms of its own after it: its communes are the new
  // province's (forms titled "Tỉnh Hà Giang" for 2026 would go to no one).
  const into = gazetteer.newProvinceOf(code);
  if (to >= 2025 && gazetteer.unit(code, 'new')?.level !== 'province' && into !== undefined) {
    const current = gazetteer.unit(into, 'new');
    throw new AnttError('bad-option', {
      option: '--province',
      value: options.province,
      expected: `${province.name} đã nhập vào ${current?.name ?? into} (mã ${into}) từ ngày 01/07/2025: biểu mẫu từ năm 2025 là của tỉnh đó (--province ${into}); biểu mẫu của ${province.name} chỉ đến năm 2024 (--to 2024).`,
      expectedEn: `${province.name} went into ${current?.name ?? into} (code ${into}) on 1 July 2025: forms from 2025 on are that province's (--province ${into}); ${province.name}'s own forms go up to 2024 (--to 2024).`,
    });
  }

  const years: number[] = [];
  for (let y = from; y <= to; y++) years.push(y);
  const indicators = forms.formIndicators(catalogue, existingConfig?.form ?? programme.indicators);
  const blank = forms.blankForms(gazetteer, province.code, years, indicators).map((f) =>
    options.format === 'xlsx' ? { ...f, path: f.path.replace(/\.csv$/, '.xlsx') } : f,
  );
  const config = forms.configFor(programme, province, from, to);

  // Check every target before writing any: a half-made folder helps no one.
  const targets = [CONFIG_FILE, ...blank.map((f) => f.path)].map((p) => join(folder, p));
  const existing = targets.filter((t) => existsSync(t));
  if (existing.length > 0 && !options.force) {
    throw new AnttError('would-overwrite', { count: existing.length, first: existing[0]!, folder });
  }
  const { indicators: _i, rules: _r, ...fresh } = config;
  // Keep what the province added to its config; the rest comes from this run.
  const kept = existingConfig
    ? { ...(existingConfig.form ? { form: existingConfig.form } : {}), ...(existingConfig.indicators.length ? { indicators: existingConfig.indicators } : {}), ...(existingConfig.rules.length ? { rules: existingConfig.rules } : {}) }
    : {};
  // All or nothing: a form that cannot be written (a full disk) takes back what this run made.
  const batch = new WriteBatch();
  try {
    batch.write(configPath, JSON.stringify({ ...fresh, ...kept }, null, 2) + '\n', { rewritesWhatWasRead: true });
    const workbook = options.format === 'xlsx' ? (await import('../render/xlsx.js')).formWorkbook : null;
    for (const form of blank) {
      const path = join(folder, form.path);
      if (workbook) batch.write(path, await workbook(form, indicators, config.title ?? programme.label_vi));
      // UTF-8 with BOM, so that Excel shows the Vietnamese right; CRLF as Excel writes it.
      else batch.write(path, '\uFEFF' + stringify([form.header, ...form.rows], { record_delimiter: '\r\n' }));
    }
  } catch (error) {
    batch.rollback();
    throw error;
  }

  const communes = new Set(blank.flatMap((f) => f.rows.map((r) => r[1])));
  const n = (x: number) => formatCount(x, options.lang);
  const stdout =
    options.lang === 'vi'
      ? `Đã tạo ${folder}: ${n(blank.length)} biểu mẫu (${n(years.length)} năm), ${n(communes.size)} xã, ${n(indicators.length)} chỉ tiêu của ${programme.id}, và ${CONFIG_FILE}.\nGửi các biểu mẫu cho huyện/xã; khi nhận lại, chạy: antt check ${folder}\n`
      : `Created ${folder}: ${n(blank.length)} form${blank.length === 1 ? '' : 's'} (${n(years.length)} year${years.length === 1 ? '' : 's'}), ${n(communes.size)} communes, ${n(indicators.length)} ${programme.id} indicators, and ${CONFIG_FILE}.\nSend the forms out; when they come back, run: antt check ${folder}\n`;
  return { stdout, exitCode: 0 };
}

export function command(done: (result: Promise<CommandResult>) => void): Command {
  return new Command('init')
    .helpOption('-h, --help', 'hướng dẫn / help')
    .summary('tạo biểu mẫu trống / create blank forms for a province')
    .description(
      'Tạo thư mục số liệu cho một tỉnh: tệp cấu hình và biểu mẫu trống cho từng huyện và năm, liệt kê mọi xã theo thứ tự chính thức.\n' +
        'Create a data folder for a province: its config and one blank form per district and year, listing every commune in official order.',
    )
    .argument('<folder>', 'thư mục sẽ tạo / folder to create')
    .requiredOption('--province <code>', 'mã tỉnh / province code (GSO), e.g. 12')
    .requiredOption('--programme <id>', 'chương trình / programme: CT09, ND06, TDBVANTQ')
    .option('--year <year>', 'một năm / one year', year('--year'))
    .addOption(windowOption('from'))
    .addOption(windowOption('to'))
    .option('--force', 'ghi đè tệp đã có / overwrite existing files', false)
    .addOption(new Option('--format <format>', 'biểu mẫu CSV hoặc Excel / CSV or Excel forms').choices(['csv', 'xlsx']).default('csv'))
    .addOption(langOption())
    .addHelpText(
      'after',
      `
Ví dụ / Examples:
  $ antt init lai-chau --province 12 --programme ND06
  $ antt init son-la-2025 --province 14 --programme TDBVANTQ --year 2025 --format xlsx`,
    )
    .action((folder: string, options: InitOptions) => done(run(folder, options)));
}
