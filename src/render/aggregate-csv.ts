/**
 * The aggregate report as CSV: the wide report a secretary pastes into the slides, and the long
 * machine form whose header is a contract for scripts.
 */
import { stringify } from 'csv-stringify/sync';
import type { Lang } from '../core/findings.js';
import type { AggregateReport, FigureCell, ReportUnit } from '../core/report.js';
import { incomplete, label, levelNames, plain } from './aggregate-shared.js';

export interface CsvOptions {
  lang: Lang;
  delimiter: string;
  decimalMark: '.' | ',';
}

/** A text cell a spreadsheet would run as a formula is kept as text (OWASP CSV injection). */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r\n]/.test(text) ? `'${text}` : text;
}

const csvWords = {
  vi: { level: 'Cấp', code: 'Mã đơn vị', name: 'Tên đơn vị', from: 'Từ năm', to: 'Đến năm', reported: 'Xã-năm có số liệu', expected: 'Xã-năm phải báo cáo', notes: 'Ghi chú' },
  en: { level: 'Level', code: 'Unit code', name: 'Unit name', from: 'From', to: 'To', reported: 'Commune-years reported', expected: 'Commune-years expected', notes: 'Notes' },
};

const noteWords = {
  vi: {
    flagged: 'có dòng bị loại vì lỗi',
    own: 'có số liệu do đơn vị tự báo cáo',
    incomplete: 'chưa đủ xã báo cáo',
    carried: 'có số liệu của các xã cũ đã nhập toàn bộ vào xã này',
    apart: 'đơn vị cũ, không quy được cho một xã hiện nay; đã nhập vào',
    former: 'đơn vị cũ, số liệu trước 01/07/2025; không cộng vào tổng',
  },
  en: {
    flagged: 'rows rejected for errors',
    own: "some figures from the unit's own return",
    incomplete: 'not every commune reported',
    carried: 'some figures from the old communes that went wholly into this one',
    apart: 'an old unit that cannot be put under one current commune; went into',
    former: 'a former unit, figures before 1 July 2025; not part of the total',
  },
};

/** A level as the wide CSV names it: a former unit's says so. */
function levelName(unit: ReportUnit, lang: Lang): string {
  // The province row is the report's total row: say so where a reader looks for it.
  if (unit.level === 'province' && unit.standing === 'current') return lang === 'vi' ? 'Tổng cộng (tỉnh)' : 'Total (province)';
  const name = levelNames[unit.level][lang];
  return unit.list === 'old' && unit.standing !== 'current' ? `${name} (${lang === 'vi' ? 'cũ' : 'former'})` : name;
}

function notes(unit: ReportUnit, cells: FigureCell[], lang: Lang): string {
  const n = noteWords[lang];
  const list: string[] = [];
  if (unit.flagged) list.push(n.flagged);
  if (cells.some((c) => c.source === 'own')) list.push(n.own);
  if (cells.some(incomplete)) list.push(n.incomplete);
  if (cells.some((c) => c.source === 'carried')) list.push(n.carried);
  if (unit.standing === 'not-attributable') list.push(`${n.apart} ${unit.successors?.join(', ') ?? ''}`.trim());
  if (unit.standing === 'former') list.push(n.former);
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
      levelName(unit, options.lang),
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

/**
 * The contract for scripts: `level,unit_code,unit_name,unit_list,standing,from,to,indicator,value,reported,expected`.
 * `unit_list` (old/new) says which list the code is in (new codes reuse old ones); `standing` is
 * `current`, `not-attributable` (an old unit among the communes, part of the sum) or `former`
 * (before the reform only, not part of the sum).
 */
export function aggregateCsvLong(report: AggregateReport, options: Pick<CsvOptions, 'delimiter'>): string {
  const rows: string[][] = [['level', 'unit_code', 'unit_name', 'unit_list', 'standing', 'from', 'to', 'indicator', 'value', 'reported', 'expected']];
  const push = (unit: ReportUnit, from: number, to: number, cells: FigureCell[]) => {
    cells.forEach((cell, i) => {
      const indicator = report.indicators[i]!;
      rows.push([unit.level, unit.code, neutralise(unit.name), unit.list, unit.standing, String(from), String(to), indicator.id, plain(cell.value, indicator, '.'), String(cell.reported), String(cell.expected)]);
    });
  };
  for (const unit of report.units) {
    push(unit, report.from, report.to, unit.window);
    if (unit.years) for (const [year, cells] of unit.years) push(unit, year, year, cells);
  }
  return stringify(rows, { delimiter: options.delimiter, record_delimiter: '\n' });
}

