/**
 * The aggregate report as terminal tables: Vietnamese number format, units in official order,
 * totals and incompleteness marked, sized to fit an 80–120 column terminal.
 */
import type { Paint } from './color.js';
import type { Indicator } from '../../schemas/catalogue.js';
import type { Lang } from '../core/findings.js';
import type { AggregateReport, FigureCell, ReportUnit } from '../core/report.js';
import { safeText } from './format.js';
import { drawTable } from './text-table.js';
import { coverage, display, formerMark, inSection, incomplete, label, rowCoverage, span } from './aggregate-shared.js';

const words = {
  vi: {
    indicator: 'Chỉ tiêu',
    unit: 'ĐVT',
    coverage: 'Xã-năm có số liệu',
    unitColumn: 'Đơn vị',
    total: 'Tổng',
    whole: 'Toàn tỉnh',
    byDistrict: 'Theo huyện',
    byCommune: 'Theo xã',
    byYear: 'Theo năm',
    legendOwn: '* số liệu do đơn vị tự báo cáo (cấp dưới không có số liệu)',
    legendIncomplete: '† chưa đủ số liệu: không phải mọi xã đều đã báo cáo (xem cột Xã-năm có số liệu)',
    legendFlagged: '⚠ có dòng số liệu bị loại vì lỗi; tổng có thể thiếu (xem thông báo lỗi)',
    period: 'Giai đoạn',
    none: 'Không có số liệu trong giai đoạn này.',
    formerProvince: 'Tỉnh cũ (số liệu trước 01/07/2025)',
    byFormerDistrict: 'Theo huyện cũ, trước 01/07/2025',
    legendCarried: '° số liệu của các xã cũ đã nhập toàn bộ vào xã này (các năm trước cải cách)',
    legendApart: '‡ đơn vị cũ không quy được cho một xã hiện nay (chia cho nhiều xã, hoặc báo cáo riêng của huyện, tỉnh cũ); vẫn được cộng vào toàn tỉnh',
  },
  en: {
    indicator: 'Indicator',
    unit: 'Unit',
    coverage: 'Commune-years reported',
    unitColumn: 'Unit',
    total: 'Total',
    whole: 'Whole province',
    byDistrict: 'By district',
    byCommune: 'By commune',
    byYear: 'By year',
    legendOwn: "* from the unit's own return (no figures from the units below)",
    legendIncomplete: '† incomplete: not every commune has reported (see the commune-years column)',
    legendFlagged: '⚠ rows were rejected for errors; the total may be short (see the messages)',
    period: 'Period',
    none: 'No figures in this window.',
    formerProvince: 'Former province (figures before 1 July 2025)',
    byFormerDistrict: 'By former district, before 1 July 2025',
    legendCarried: '° from the old communes that went wholly into this one (years before the reform)',
    legendApart: "‡ an old unit that cannot be put under one current commune (split among several, or a former district's or province's own return); counted in the province",
  },
};


/** A figure as shown, with its marks; `below`: the unit has units below it (a commune's figure is always its own). */
function mark(cell: FigureCell, indicator: Indicator, lang: Lang, color: Paint, below = true): string {
  let text = display(cell.value, indicator, lang);
  if (text === '') return '';
  if (cell.source === 'own' && below) text = color.cyan(text + '*');
  if (cell.source === 'carried') text = text + '°';
  if (incomplete(cell)) text = color.yellow(text + '†');
  return text;
}

/** A unit's name as listed (a folder may bring its own list: control characters are shown escaped). */
function unitTitle(unit: ReportUnit, color: Paint, lang: Lang): string {
  let name = safeText(unit.name) + formerMark(unit, lang);
  if (unit.standing === 'not-attributable') name += '‡';
  return unit.flagged ? `${name} ${color.red('⚠')}` : name;
}


export interface TableOptions {
  lang: Lang;
  color: Paint;
  /** Terminal width to fit (80–120 is what people have). */
  width: number;
}

export function aggregateTable(report: AggregateReport, options: TableOptions): string {
  const { lang, color } = options;
  const w = words[lang];
  const out: string[] = [];
  if (report.title) out.push(color.bold(safeText(report.title)));
  out.push(`${w.period}: ${span(report)}`);
  if (report.units.length === 0 || report.indicators.length === 0) {
    out.push(w.none);
    return out.join('\n') + '\n';
  }
  const width = Math.max(80, Math.min(options.width, 160));
  const labelWidth = Math.min(44, width - 12 - 14 - 24);

  // 1. Each province as a list of indicators: the figures read out at a conference.
  // The province first, then (across the reform) the subtotal of each province it was made of.
  const provinces = [...report.units.filter((u) => u.level === 'province' && u.standing === 'current'), ...report.units.filter((u) => u.level === 'province' && u.standing === 'former')];
  for (const unit of provinces) {
    out.push('');
    out.push(color.bold(`${unit.standing === 'former' ? w.formerProvince : w.whole} — ${unitTitle(unit, color, lang)}`));
    const rows = report.indicators.map((indicator, i) => {
      const cell = unit.window[i]!;
      return [label(indicator, lang), indicator.unit, mark(cell, indicator, lang, color), coverage(cell.reported, cell.expected, lang)];
    });
    const spec = { head: [w.indicator, w.unit, span(report), w.coverage], colWidths: [labelWidth, 12, 14, 22], colAligns: ['left', 'left', 'right', 'right'] as const, wordWrap: true };
    out.push(drawTable(spec, rows));
  }

  // 2. Districts (and communes) side by side, as many indicators per table as fit the width.
  for (const level of ['district', 'commune'] as const) {
    const listed = report.units.filter((u) => inSection(u, level));
    if (listed.length === 0) continue;
    // Former districts stand for the years before the reform only: no province total under them.
    const former = listed.every((u) => u.standing === 'former');
    const rows = report.units.filter((u) => inSection(u, level) || (!former && u.level === 'province' && u.standing === 'current'));
    out.push('');
    out.push(color.bold(`${former ? w.byFormerDistrict : level === 'district' ? w.byDistrict : w.byCommune} (${span(report)})`));
    const nameWidth = Math.min(26, Math.max(14, ...rows.map((u) => u.name.length + 3)));
    const columnWidth = 12;
    const perTable = Math.max(1, Math.floor((width - nameWidth - 18) / (columnWidth + 1)));
    // Columns with no figure at this level (a `none` figure only the province reports) are left out.
    const shown = report.indicators.map((indicator, i) => ({ indicator, i })).filter(({ i }) => listed.some((u) => u.window[i]!.value !== null));
    for (let start = 0; start < shown.length; start += perTable) {
      const chunk = shown.slice(start, start + perTable);
      const spec = {
        head: [w.unitColumn, ...chunk.map(({ indicator }) => label(indicator, lang)), w.coverage],
        colWidths: [nameWidth, ...chunk.map(() => columnWidth), 16],
        colAligns: ['left', ...chunk.map(() => 'right' as const), 'right'] as const,
        wordWrap: true,
      };
      const lines = rows.map((unit) => {
        const name = unit.level === 'province' ? color.bold(`${w.total}: ${unitTitle(unit, color, lang)}`) : unitTitle(unit, color, lang);
        const cov = rowCoverage(unit.window);
        return [name, ...chunk.map(({ indicator, i }) => mark(unit.window[i]!, indicator, lang, color, unit.level !== 'commune')), coverage(cov.reported, cov.expected, lang)];
      });
      out.push(drawTable(spec, lines));
    }
  }

  // 3. With --by year: the series a conference slide charts, per province.
  if (report.byYear) {
    for (const unit of provinces) {
      out.push('');
      out.push(color.bold(`${w.byYear} — ${unitTitle(unit, color, lang)}`));
      const perTable = Math.max(1, Math.floor((width - labelWidth - 4) / 11));
      for (let start = 0; start < report.years.length; start += perTable) {
        const years = report.years.slice(start, start + perTable);
        const spec = {
          head: [w.indicator, ...years.map(String)],
          colWidths: [labelWidth, ...years.map(() => 10)],
          colAligns: ['left', ...years.map(() => 'right' as const)] as const,
          wordWrap: true,
        };
        const rows = report.indicators.map((indicator, i) => [label(indicator, lang), ...years.map((year) => mark(unit.years!.get(year)![i]!, indicator, lang, color))]);
        out.push(drawTable(spec, rows));
      }
    }
  }

  const all = report.units.flatMap((u) => [...u.window, ...(u.years ? [...u.years.values()].flat() : [])]);
  const legend: string[] = [];
  const cellsOf = (u: ReportUnit) => [...u.window, ...(u.years ? [...u.years.values()].flat() : [])];
  if (report.units.some((u) => u.level !== 'commune' && cellsOf(u).some((c) => c.source === 'own'))) legend.push(w.legendOwn);
  if (all.some(incomplete)) legend.push(w.legendIncomplete);
  if (report.units.some((u) => u.flagged)) legend.push(w.legendFlagged);
  if (all.some((c) => c.source === 'carried')) legend.push(w.legendCarried);
  if (report.units.some((u) => u.standing === 'not-attributable')) legend.push(w.legendApart);
  if (legend.length > 0) out.push('', ...legend.map((l) => color.dim(l)));
  return out.join('\n') + '\n';
}

