/**
 * Renderers of the aggregate report (STYLE §5): a terminal table for people, a wide CSV for the
 * conference slides, a long CSV and JSON for scripts. All are pure functions of the report.
 */
import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import { stringify } from 'csv-stringify/sync';
import type { Indicator } from '../../schemas/catalogue.js';
import type { UnitLevel } from '../../schemas/units.js';
import { renderMessage, type Finding, type Lang } from '../core/findings.js';
import { scaledToEnglish, scaledToPlain, scaledToVietnamese } from '../core/numbers.js';
import type { AggregateReport, FigureCell, ReportUnit } from '../core/rollup.js';
import { formatCount, safeText } from './format.js';

const levelNames: Record<UnitLevel, { vi: string; en: string }> = {
  province: { vi: 'Tỉnh', en: 'province' },
  district: { vi: 'Huyện', en: 'district' },
  commune: { vi: 'Xã', en: 'commune' },
};

const label = (indicator: Indicator, lang: Lang) => (lang === 'vi' ? indicator.label_vi : indicator.label_en);
const span = (report: AggregateReport) => (report.from === report.to ? String(report.from) : `${report.from}–${report.to}`);

function display(value: number | null, indicator: Indicator, lang: Lang): string {
  if (value === null) return '';
  return lang === 'vi' ? scaledToVietnamese(value, indicator.decimals) : scaledToEnglish(value, indicator.decimals);
}

const incomplete = (cell: FigureCell) => cell.value !== null && cell.reported < cell.expected;

/** "2.200/2.200" or "19/200 (10%)". */
function coverage(reported: number, expected: number, lang: Lang): string {
  if (expected === 0) return '';
  const text = `${formatCount(reported, lang)}/${formatCount(expected, lang)}`;
  if (reported >= expected) return text;
  const percent = Math.floor((reported * 100) / expected);
  return `${text} (${percent === 0 && reported > 0 ? '<1' : percent}%)`;
}

/** A row's coverage: the best-covered of its figures (a commune that reported anything counts). */
function rowCoverage(unit: ReportUnit): { reported: number; expected: number } {
  let reported = 0;
  let expected = 0;
  for (const cell of unit.window) {
    reported = Math.max(reported, cell.reported);
    expected = Math.max(expected, cell.expected);
  }
  return { reported, expected };
}

// ---- Terminal table ---------------------------------------------------------------------------

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
  },
};

const compact = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };

function mark(cell: FigureCell, indicator: Indicator, lang: Lang, color: ChalkInstance): string {
  let text = display(cell.value, indicator, lang);
  if (text === '') return '';
  if (cell.source === 'own') text = color.cyan(text + '*');
  if (incomplete(cell)) text = color.yellow(text + '†');
  return text;
}

function unitTitle(unit: ReportUnit, color: ChalkInstance): string {
  return unit.flagged ? `${unit.name} ${color.red('⚠')}` : unit.name;
}

export interface TableOptions {
  lang: Lang;
  color: ChalkInstance;
  /** Terminal width to fit (80–120 is what people have). */
  width: number;
}

export function aggregateTable(report: AggregateReport, options: TableOptions): string {
  const { lang, color } = options;
  const w = words[lang];
  const out: string[] = [];
  if (report.title) out.push(color.bold(report.title));
  out.push(`${w.period}: ${span(report)}`);
  if (report.units.length === 0 || report.indicators.length === 0) {
    out.push(w.none);
    return out.join('\n') + '\n';
  }
  const width = Math.max(80, Math.min(options.width, 160));
  const labelWidth = Math.min(44, width - 12 - 14 - 24);

  // 1. Each province as a list of indicators: the figures read out at a conference.
  for (const unit of report.units.filter((u) => u.level === 'province')) {
    out.push('');
    out.push(color.bold(`${w.whole} — ${unitTitle(unit, color)}`));
    const table = new Table({
      head: [w.indicator, w.unit, span(report), w.coverage],
      colWidths: [labelWidth, 12, 14, 22],
      colAligns: ['left', 'left', 'right', 'right'],
      wordWrap: true,
      style: { head: [], border: [] },
      chars: compact,
    });
    report.indicators.forEach((indicator, i) => {
      const cell = unit.window[i]!;
      table.push([label(indicator, lang), indicator.unit, mark(cell, indicator, lang, color), coverage(cell.reported, cell.expected, lang)]);
    });
    out.push(table.toString());
  }

  // 2. Districts (and communes) side by side, as many indicators per table as fit the width.
  for (const level of ['district', 'commune'] as const) {
    const rows = report.units.filter((u) => u.level === level || (u.level === 'province' && report.units.some((x) => x.level === level)));
    if (!rows.some((u) => u.level === level)) continue;
    out.push('');
    out.push(color.bold(`${level === 'district' ? w.byDistrict : w.byCommune} (${span(report)})`));
    const nameWidth = Math.min(26, Math.max(14, ...rows.map((u) => u.name.length + 3)));
    const columnWidth = 12;
    const perTable = Math.max(1, Math.floor((width - nameWidth - 18) / (columnWidth + 1)));
    for (let start = 0; start < report.indicators.length; start += perTable) {
      const chunk = report.indicators.slice(start, start + perTable);
      const table = new Table({
        head: [w.unitColumn, ...chunk.map((i) => label(i, lang)), w.coverage],
        colWidths: [nameWidth, ...chunk.map(() => columnWidth), 16],
        colAligns: ['left', ...chunk.map(() => 'right' as const), 'right'],
        wordWrap: true,
        style: { head: [], border: [] },
        chars: compact,
      });
      for (const unit of rows) {
        const name = unit.level === 'province' ? color.bold(`${w.total}: ${unitTitle(unit, color)}`) : unitTitle(unit, color);
        const cov = rowCoverage(unit);
        table.push([name, ...chunk.map((indicator, k) => mark(unit.window[start + k]!, indicator, lang, color)), coverage(cov.reported, cov.expected, lang)]);
      }
      out.push(table.toString());
    }
  }

  // 3. With --by year: the series a conference slide charts, per province.
  if (report.byYear) {
    for (const unit of report.units.filter((u) => u.level === 'province')) {
      out.push('');
      out.push(color.bold(`${w.byYear} — ${unitTitle(unit, color)}`));
      const perTable = Math.max(1, Math.floor((width - labelWidth - 4) / 11));
      for (let start = 0; start < report.years.length; start += perTable) {
        const years = report.years.slice(start, start + perTable);
        const table = new Table({
          head: [w.indicator, ...years.map(String)],
          colWidths: [labelWidth, ...years.map(() => 10)],
          colAligns: ['left', ...years.map(() => 'right' as const)],
          wordWrap: true,
          style: { head: [], border: [] },
          chars: compact,
        });
        report.indicators.forEach((indicator, i) => {
          table.push([label(indicator, lang), ...years.map((year) => mark(unit.years!.get(year)![i]!, indicator, lang, color))]);
        });
        out.push(table.toString());
      }
    }
  }

  const all = report.units.flatMap((u) => [...u.window, ...(u.years ? [...u.years.values()].flat() : [])]);
  const legend: string[] = [];
  if (all.some((c) => c.source === 'own')) legend.push(w.legendOwn);
  if (all.some(incomplete)) legend.push(w.legendIncomplete);
  if (report.units.some((u) => u.flagged)) legend.push(w.legendFlagged);
  if (legend.length > 0) out.push('', ...legend.map((l) => color.dim(l)));
  return out.join('\n') + '\n';
}

// ---- CSV --------------------------------------------------------------------------------------

export interface CsvOptions {
  lang: Lang;
  delimiter: string;
  decimalMark: '.' | ',';
}

/** A text cell a spreadsheet would run as a formula is kept as text (OWASP CSV injection). */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r\n]/.test(text) ? `'${text}` : text;
}

function plain(value: number | null, indicator: Indicator, decimalMark: '.' | ','): string {
  if (value === null) return '';
  const text = scaledToPlain(value, indicator.decimals);
  return decimalMark === ',' ? text.replace('.', ',') : text;
}

const csvWords = {
  vi: { level: 'Cấp', code: 'Mã đơn vị', name: 'Tên đơn vị', from: 'Từ năm', to: 'Đến năm', reported: 'Xã-năm có số liệu', expected: 'Xã-năm phải báo cáo', notes: 'Ghi chú' },
  en: { level: 'Level', code: 'Unit code', name: 'Unit name', from: 'From', to: 'To', reported: 'Commune-years reported', expected: 'Commune-years expected', notes: 'Notes' },
};

const noteWords = {
  vi: { flagged: 'có dòng bị loại vì lỗi', own: 'có số liệu do đơn vị tự báo cáo', incomplete: 'chưa đủ xã báo cáo' },
  en: { flagged: 'rows rejected for errors', own: "some figures from the unit's own return", incomplete: 'not every commune reported' },
};

function notes(unit: ReportUnit, cells: FigureCell[], lang: Lang): string {
  const n = noteWords[lang];
  const list: string[] = [];
  if (unit.flagged) list.push(n.flagged);
  if (cells.some((c) => c.source === 'own')) list.push(n.own);
  if (cells.some(incomplete)) list.push(n.incomplete);
  return list.join('; ');
}

/**
 * The report a secretary pastes into the slides: Vietnamese headers, units in official order,
 * the province total last, UTF-8 with BOM so that Excel reads the Vietnamese right.
 */
export function aggregateCsvWide(report: AggregateReport, options: CsvOptions): string {
  const w = csvWords[options.lang];
  const header = [w.level, w.code, w.name, w.from, w.to, ...report.indicators.map((i) => `${label(i, options.lang)} (${i.unit})`), w.reported, w.expected, w.notes];
  const rows: string[][] = [header];
  const push = (unit: ReportUnit, from: number, to: number, cells: FigureCell[]) => {
    let reported = 0;
    let expected = 0;
    for (const c of cells) {
      reported = Math.max(reported, c.reported);
      expected = Math.max(expected, c.expected);
    }
    rows.push([
      // The province row is the report's total row: say so where a reader looks for it.
      unit.level === 'province' ? (options.lang === 'vi' ? 'Tổng cộng (tỉnh)' : 'Total (province)') : levelNames[unit.level][options.lang],
      unit.code,
      neutralise(unit.name),
      String(from),
      String(to),
      ...cells.map((cell, i) => plain(cell.value, report.indicators[i]!, options.decimalMark)),
      String(reported),
      String(expected),
      notes(unit, cells, options.lang),
    ]);
  };
  for (const unit of report.units) {
    push(unit, report.from, report.to, unit.window);
    if (unit.years) for (const [year, cells] of unit.years) push(unit, year, year, cells);
  }
  return '\uFEFF' + stringify(rows, { delimiter: options.delimiter, record_delimiter: '\r\n' });
}

/** The contract for scripts: `level,unit_code,unit_name,from,to,indicator,value,reported,expected`. */
export function aggregateCsvLong(report: AggregateReport, options: Pick<CsvOptions, 'delimiter'>): string {
  const rows: string[][] = [['level', 'unit_code', 'unit_name', 'from', 'to', 'indicator', 'value', 'reported', 'expected']];
  const push = (unit: ReportUnit, from: number, to: number, cells: FigureCell[]) => {
    cells.forEach((cell, i) => {
      const indicator = report.indicators[i]!;
      rows.push([unit.level, unit.code, neutralise(unit.name), String(from), String(to), indicator.id, plain(cell.value, indicator, '.'), String(cell.reported), String(cell.expected)]);
    });
  };
  for (const unit of report.units) {
    push(unit, report.from, report.to, unit.window);
    if (unit.years) for (const [year, cells] of unit.years) push(unit, year, year, cells);
  }
  return stringify(rows, { delimiter: options.delimiter, record_delimiter: '\n' });
}

// ---- JSON -------------------------------------------------------------------------------------

function jsonCell(cell: FigureCell, indicator: Indicator) {
  return {
    // A JSON number written from the exact decimal text: 23.7, never 23.700000000000003.
    value: cell.value === null ? null : Number(scaledToPlain(cell.value, indicator.decimals)),
    source: cell.source,
    reported: cell.reported,
    expected: cell.expected,
  };
}

export function aggregateJson(report: AggregateReport, extra: { valid: boolean; findings: Finding[]; lang: Lang; stats: object }): string {
  const cells = (list: FigureCell[]) => Object.fromEntries(list.map((cell, i) => [report.indicators[i]!.id, jsonCell(cell, report.indicators[i]!)]));
  return (
    JSON.stringify(
      {
        valid: extra.valid,
        title: report.title,
        from: report.from,
        to: report.to,
        indicators: report.indicators.map(({ id, label_vi, label_en, unit, decimals, kind }) => ({ id, label_vi, label_en, unit, decimals, kind })),
        units: report.units.map((unit) => ({
          level: unit.level,
          code: unit.code,
          name: unit.name,
          parent_code: unit.parentCode,
          flagged: unit.flagged,
          figures: cells(unit.window),
          ...(unit.years ? { years: Object.fromEntries([...unit.years].map(([year, list]) => [String(year), cells(list)])) } : {}),
        })),
        stats: extra.stats,
        findings: extra.findings.map((f) => ({
          code: f.code,
          level: f.level,
          file: f.file,
          line: f.line,
          record: f.record,
          column: f.column,
          unit: f.unit,
          indicator: f.indicator,
          value: f.value,
          message: renderMessage(f, extra.lang),
        })),
      },
      null,
      2,
    ) + '\n'
  );
}

export { safeText };
