/**
 * `antt indicators`: the catalogue, so that a user can see which columns a return may have and
 * how each figure adds up.
 */
import { Command, Option } from 'commander';
import type { Indicator } from '../../schemas/catalogue.js';
import type { Lang } from '../core/findings.js';
import { terminalColumns } from '../io/stdio.js';
import { drawTable } from '../render/text-table.js';
import { langOption, type CommandResult } from './common.js';

export interface IndicatorsOptions {
  format: 'table' | 'json';
  lang: Lang;
}

const kindNames: Record<Indicator['kind'], { vi: string; en: string }> = {
  flow: { vi: 'cộng dồn', en: 'flow' },
  stock: { vi: 'thời điểm', en: 'stock' },
  unit_count: { vi: 'đếm xã', en: 'unit count' },
  ratio: { vi: 'tỷ lệ', en: 'ratio' },
  none: { vi: 'không cộng', en: 'none' },
};

export async function indicatorsTable(indicators: readonly Indicator[], lang: Lang, width: number): Promise<string> {
  const head = lang === 'vi' ? ['Mã chỉ tiêu', 'Tên chỉ tiêu', 'Loại', 'ĐVT', 'Số lẻ'] : ['Indicator id', 'Label', 'Kind', 'Unit', 'Dec.'];
  const idWidth = Math.max(...indicators.map((i) => i.id.length)) + 2;
  const labelWidth = Math.max(20, Math.min(60, width - idWidth - 12 - 12 - 7 - 6));
  const rows = indicators.map((i) => [i.id, lang === 'vi' ? i.label_vi : i.label_en, kindNames[i.kind][lang], i.unit, String(i.decimals)]);
  return drawTable({ head, colWidths: [idWidth, labelWidth, 12, 12, 7], wordWrap: true }, rows) + '\n';
}

export async function run(options: IndicatorsOptions): Promise<CommandResult> {
  const { loadCatalogue } = await import('../io/shipped.js');
  const catalogue = loadCatalogue();
  const stdout =
    options.format === 'json'
      ? JSON.stringify(catalogue.indicators, null, 2) + '\n'
      : await indicatorsTable(catalogue.indicators, options.lang, terminalColumns() ?? 110);
  return { stdout, exitCode: 0 };
}

export function command(done: (result: Promise<CommandResult>) => void): Command {
  return new Command('indicators')
    .helpOption('-h, --help', 'hướng dẫn / help')
    .summary('danh mục chỉ tiêu / the indicator catalogue')
    .description(
      'Liệt kê các chỉ tiêu một báo cáo có thể có: mã, tên, cách cộng dồn, đơn vị tính, số chữ số thập phân.\n' +
        'List the indicators a return may carry: id, label, how it adds up, unit, decimals.',
    )
    .addOption(new Option('--format <format>', 'định dạng / output format').choices(['table', 'json']).default('table'))
    .addOption(langOption())
    .addHelpText('after', '\nVí dụ / Examples:\n  $ antt indicators\n  $ antt indicators --format json --lang en')
    .action((options: IndicatorsOptions) => done(run(options)));
}
