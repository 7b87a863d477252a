/**
 * Excel workbooks out: the aggregate report and the check list as report-ready sheets, and blank
 * forms that prevent errors at the source. Numbers are typed number cells (sums work in Excel),
 * with a display format that groups thousands; text cells that a spreadsheet would run as a
 * formula are stored as plain text (exceljs writes strings as strings, never as formulas).
 */
import type ExcelJSNamespace from 'exceljs';
import { exceljs } from '../io/exceljs.js';
import type { Indicator } from '../../schemas/catalogue.js';
import type { UnitLevel } from '../../schemas/units.js';
import type { BlankForm } from '../core/forms.js';
import { kindOf } from '../core/kinds.js';
import { renderMessage, type Finding, type Lang } from '../core/findings.js';
import type { AggregateReport, FigureCell, ReportUnit } from '../core/report.js';
import type { CheckFolderResult } from '../pipeline.js';
import { formerMark, inSection, incomplete, label, rowCoverage } from './aggregate-shared.js';

type Workbook = ExcelJSNamespace.Workbook;
type Worksheet = ExcelJSNamespace.Worksheet;

async function newWorkbook(): Promise<Workbook> {
  const book = new (exceljs().Workbook)();
  book.creator = 'antt';
  // A fixed date: the same report twice is the same file twice.
  book.created = new Date(Date.UTC(2000, 0, 1));
  book.modified = book.created;
  return book;
}

/** "#,##0" or "#,##0.0": Excel shows 17.429 / 23,7 on Vietnamese Windows, 17,429 / 23.7 elsewhere. */
function numberFormat(decimals: number): string {
  return decimals === 0 ? '#,##0' : `#,##0.${'0'.repeat(decimals)}`;
}

/** A figure as a typed number cell: the exact decimal, not the scaled integer. */
function figure(cell: FigureCell, indicator: Indicator): number | null {
  return cell.value === null ? null : cell.value / 10 ** indicator.decimals;
}

const words = {
  vi: {
    sheets: { province: 'Tỉnh', district: 'Huyện', commune: 'Xã' } as Record<UnitLevel, string>,
    code: 'Mã đơn vị',
    name: 'Tên đơn vị',
    from: 'Từ năm',
    to: 'Đến năm',
    coverage: 'Xã-năm có số liệu',
    expected: 'Xã-năm phải báo cáo',
    notes: 'Ghi chú',
    total: 'Tổng cộng',
    findings: 'Thông báo',
    level: 'Mức',
    codeColumn: 'Mã thông báo',
    place: 'Vị trí',
    unit: 'Đơn vị',
    indicator: 'Chỉ tiêu',
    message: 'Nội dung',
    error: 'lỗi',
    warning: 'cảnh báo',
    own: 'số liệu đơn vị tự báo cáo',
    short: 'chưa đủ xã báo cáo',
    carried: 'có số liệu của các xã cũ đã nhập toàn bộ vào xã này',
    apart: 'đơn vị cũ, không quy được cho một xã hiện nay; đã nhập vào',
    former: 'đơn vị cũ, số liệu trước 01/07/2025; không cộng vào tổng',
    flagged: 'có dòng bị loại vì lỗi',
  },
  en: {
    sheets: { province: 'Province', district: 'Districts', commune: 'Communes' } as Record<UnitLevel, string>,
    code: 'Unit code',
    name: 'Unit name',
    from: 'From',
    to: 'To',
    coverage: 'Commune-years reported',
    expected: 'Commune-years expected',
    notes: 'Notes',
    total: 'Total',
    findings: 'Findings',
    level: 'Level',
    codeColumn: 'Code',
    place: 'Place',
    unit: 'Unit',
    indicator: 'Indicator',
    message: 'Message',
    error: 'error',
    warning: 'warning',
    own: "from the unit's own return",
    short: 'not every commune reported',
    carried: 'some figures from the old communes that went wholly into this one',
    apart: 'an old unit that cannot be put under one current commune; went into',
    former: 'a former unit, figures before 1 July 2025; not part of the total',
    flagged: 'rows rejected for errors',
  },
};

function styleHeader(sheet: Worksheet, row: number): void {
  const header = sheet.getRow(row);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  header.height = 45;
}

function findingsSheet(book: Workbook, findings: readonly Finding[], lang: Lang): void {
  const w = words[lang];
  const sheet = book.addWorksheet(w.findings);
  sheet.columns = [
    { header: w.level, width: 10 },
    { header: w.codeColumn, width: 22 },
    { header: w.place, width: 40 },
    { header: w.unit, width: 28 },
    { header: w.indicator, width: 26 },
    { header: w.message, width: 100 },
  ];
  styleHeader(sheet, 1);
  for (const f of findings) {
    const place = f.file === null ? '' : f.cell ? `${f.file}!${f.cell}` : f.line !== null ? `${f.file}:${f.line}` : f.file;
    sheet.addRow([f.level === 'error' ? w.error : w.warning, f.code, place, f.unit ?? '', f.indicator ?? '', renderMessage(f, lang)]);
  }
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

function titleRows(sheet: Worksheet, report: AggregateReport): number {
  if (!report.title) return 1;
  sheet.getCell('A1').value = report.title;
  sheet.getCell('A1').font = { bold: true, size: 13 };
  return 3;
}

/** Printed on A4 landscape, one page wide: the way a conference handout is printed. */
/** Characters a line of the notes column holds. */
const NOTE_LINE = 40;

function printLayout(sheet: Worksheet, headerRow: number): void {
  sheet.pageSetup = { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${headerRow}:${headerRow}` };
}

/**
 * A province's figures down the page (indicator, unit, the window's total, coverage), as they are
 * read out at a conference; with `--by year`, one column per year beside the total.
 */
function provinceSheets(book: Workbook, report: AggregateReport, lang: Lang): void {
  const w = words[lang];
  for (const unit of report.units.filter((u) => u.level === 'province')) {
    const former = formerMark(unit, lang);
    const sheet = book.addWorksheet(report.units.filter((u) => u.level === 'province').length > 1 ? `${w.sheets.province} ${unit.code}${former}` : w.sheets.province);
    const top = titleRows(sheet, report);
    sheet.getCell(`A${top}`).value = unit.name + former;
    sheet.getCell(`A${top}`).font = { bold: true };
    const headerRow = top + 1;
    const span = report.from === report.to ? String(report.from) : `${report.from}–${report.to}`;
    const years = unit.years ? [...unit.years.keys()] : [];
    sheet.getRow(headerRow).values = [lang === 'vi' ? 'Chỉ tiêu' : 'Indicator', lang === 'vi' ? 'ĐVT' : 'Unit', span, w.coverage, w.expected, ...years.map(String)];
    styleHeader(sheet, headerRow);
    sheet.getColumn(1).width = 46;
    sheet.getColumn(2).width = 12;
    sheet.getColumn(3).width = 14;
    for (const k of [4, 5]) {
      sheet.getColumn(k).width = 12;
      sheet.getColumn(k).numFmt = '#,##0';
    }
    years.forEach((_, k) => (sheet.getColumn(6 + k).width = 11));
    report.indicators.forEach((indicator, i) => {
      const cell = unit.window[i]!;
      const row = sheet.getRow(headerRow + 1 + i);
      row.values = [label(indicator, lang), indicator.unit, figure(cell, indicator), cell.reported, cell.expected, ...years.map((y) => figure(unit.years!.get(y)![i]!, indicator))];
      row.getCell(3).numFmt = numberFormat(indicator.decimals);
      years.forEach((_, k) => (row.getCell(6 + k).numFmt = numberFormat(indicator.decimals)));
    });
    sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: headerRow }];
    printLayout(sheet, headerRow);
  }
}

/** Districts or communes, one per row (and per year with `--by year`), the province as the total row. */
function unitsSheet(book: Workbook, report: AggregateReport, level: UnitLevel, lang: Lang): void {
  const w = words[lang];
  const sheet = book.addWorksheet(w.sheets[level]);
  const top = titleRows(sheet, report);
  const header = [w.code, w.name, w.from, w.to, ...report.indicators.map((i) => `${label(i, lang)} (${i.unit})`), w.coverage, w.expected, w.notes];
  sheet.getRow(top).values = header;
  styleHeader(sheet, top);
  sheet.getColumn(1).width = 10;
  sheet.getColumn(2).width = 26;
  sheet.getColumn(3).width = 8;
  sheet.getColumn(4).width = 8;
  report.indicators.forEach((indicator, i) => {
    const column = sheet.getColumn(5 + i);
    column.width = 14;
    column.numFmt = numberFormat(indicator.decimals);
  });
  for (const k of [5, 6]) {
    sheet.getColumn(k + report.indicators.length).width = 12;
    sheet.getColumn(k + report.indicators.length).numFmt = '#,##0';
  }
  // Notes wrap within their column: a long one would otherwise shrink the printed page to fit.
  sheet.getColumn(7 + report.indicators.length).width = NOTE_LINE;
  sheet.getColumn(7 + report.indicators.length).alignment = { wrapText: true, vertical: 'top' };

  // Former districts stand for the years before the reform only: no province total under them.
  const former = report.units.filter((u) => inSection(u, level)).every((u) => u.standing === 'former');
  const rows: ReportUnit[] = report.units.filter((u) => inSection(u, level) || (!former && u.level === 'province' && u.standing === 'current'));
  let r = top + 1;
  for (const unit of rows) {
    const isTotal = unit.level === 'province';
    const write = (from: number, to: number, cells: FigureCell[]) => {
      const coverage = rowCoverage(cells);
      const notes: string[] = [];
      if (unit.flagged) notes.push(w.flagged);
      // A commune's figures are always its own: said only of units with units below.
      if (unit.level !== 'commune' && cells.some((c) => c.source === 'own')) notes.push(w.own);
      if (cells.some(incomplete)) notes.push(w.short);
      if (cells.some((c) => c.source === 'carried')) notes.push(w.carried);
      if (unit.standing === 'not-attributable') notes.push(`${w.apart} ${unit.successors?.join(', ') ?? ''}`.trim());
      if (unit.standing === 'former') notes.push(w.former);
      const row = sheet.getRow(r++);
      row.values = [
        unit.code,
        isTotal ? `${w.total}: ${unit.name}` : unit.name + formerMark(unit, lang),
        from,
        to,
        ...cells.map((cell, i) => figure(cell, report.indicators[i]!)),
        coverage.reported,
        coverage.expected,
        notes.join('; '),
      ];
      if (isTotal) row.font = { bold: true };
      // Room for the wrapped notes (a spreadsheet does not grow a row for them by itself).
      const lines = Math.ceil(notes.join('; ').length / NOTE_LINE);
      if (lines > 1) row.height = 15 * lines;
    };
    write(report.from, report.to, unit.window);
    if (unit.years) for (const [year, cells] of unit.years) write(year, year, cells);
  }
  // Frozen: the header row and the unit columns stay in view while scrolling.
  sheet.views = [{ state: 'frozen', xSplit: 2, ySplit: top }];
  printLayout(sheet, top);
}

/**
 * The aggregate report: one sheet per level (the province sheet lists its figures down the page,
 * the district and commune sheets one unit per row with a total row), and a sheet of findings.
 */
export async function aggregateWorkbook(report: AggregateReport, findings: readonly Finding[], lang: Lang): Promise<Buffer> {
  const book = await newWorkbook();
  const w = words[lang];
  const levels = (['province', 'district', 'commune'] as const).filter((level) => report.units.some((u) => (level === 'province' ? u.level === level : inSection(u, level))));
  for (const level of levels) {
    if (level === 'province') provinceSheets(book, report, lang);
    else unitsSheet(book, report, level, lang);
  }
  findingsSheet(book, findings, lang);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The check list: the district × year matrix, the missing communes, and the findings. */
export async function checkWorkbook(result: CheckFolderResult, lang: Lang, maxErrors: number): Promise<Buffer> {
  const book = await newWorkbook();
  const vi = lang === 'vi';
  const matrix = book.addWorksheet(vi ? 'Đã nhận' : 'Received');
  matrix.getRow(1).values = [vi ? 'Mã' : 'Code', vi ? 'Đơn vị' : 'Unit', ...result.years.flatMap((y) => [`${y} ${vi ? 'đã gửi' : 'sent'}`, `${y} ${vi ? 'phải gửi' : 'expected'}`])];
  styleHeader(matrix, 1);
  matrix.getColumn(2).width = 26;
  let r = 2;
  for (const row of result.completeness.rows) {
    const byYear = new Map(row.years.map((y) => [y.year, y]));
    matrix.getRow(r++).values = [row.unit.code, row.unit.name, ...result.years.flatMap((y) => [byYear.get(y)?.received ?? null, byYear.get(y)?.expected ?? null])];
  }
  const total = matrix.getRow(r);
  total.values = ['', vi ? 'Toàn tỉnh' : 'Province', ...result.completeness.total.flatMap((t) => [t.received, t.expected])];
  total.font = { bold: true };
  matrix.views = [{ state: 'frozen', xSplit: 2, ySplit: 1 }];

  const missing = book.addWorksheet(vi ? 'Xã chưa gửi' : 'Missing');
  missing.columns = [
    { header: vi ? 'Năm' : 'Year', width: 8 },
    { header: vi ? 'Mã huyện' : 'Sender', width: 10 },
    { header: vi ? 'Huyện' : 'District', width: 24 },
    { header: vi ? 'Mã xã' : 'Commune code', width: 12 },
    { header: vi ? 'Tên xã' : 'Commune', width: 28 },
    { header: vi ? 'Ghi chú' : 'Note', width: 40 },
  ];
  styleHeader(missing, 1);
  const rejectedNote = vi ? 'đã gửi, nhưng mọi dòng bị loại vì lỗi' : 'sent, but every row rejected for errors';
  for (const row of result.completeness.rows) {
    for (const y of row.years) {
      for (const c of y.missing) missing.addRow([y.year, row.unit.code, row.unit.name, c.code, c.name]);
      // Sent, but every row rejected: on the list too, said apart.
      for (const c of y.rejected) missing.addRow([y.year, row.unit.code, row.unit.name, c.code, c.name, rejectedNote]);
    }
  }
  missing.views = [{ state: 'frozen', ySplit: 1 }];

  findingsSheet(book, result.validation.findings.slice(0, maxErrors), lang);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/**
 * A blank form that prevents errors at the source: an instructions block in Vietnamese, the
 * header and commune rows as `validate` reads them back, the code and name columns locked, and
 * each figure cell checked by Excel as it is typed (whole numbers ≥ 0, the indicator's decimals,
 * or có/không).
 */
export async function formWorkbook(form: BlankForm, indicators: readonly Indicator[], title: string): Promise<Buffer> {
  const book = await newWorkbook();
  const sheet = book.addWorksheet(`${form.year}`);
  const instructions = [
    title,
    `${form.unit.name} — năm ${form.year}`,
    'Hướng dẫn: điền số liệu vào các ô trắng. Để trống nếu không báo cáo; ghi 0 nếu không có.',
    'Không sửa mã và tên đơn vị, không thêm hoặc xóa cột. Số thập phân dùng dấu phẩy theo cài đặt của máy (ví dụ 2,5 ha).',
  ];
  instructions.forEach((text, i) => {
    sheet.getCell(`A${i + 1}`).value = text;
    if (i === 0) sheet.getCell('A1').font = { bold: true, size: 13 };
  });
  const top = instructions.length + 2;
  sheet.getRow(top).values = form.header;
  styleHeader(sheet, top);
  sheet.getColumn(1).width = 5;
  sheet.getColumn(2).width = 10;
  sheet.getColumn(3).width = 26;
  sheet.getColumn(4).width = 7;
  indicators.forEach((indicator, i) => {
    const column = sheet.getColumn(5 + i);
    column.width = 16;
    if (kindOf(indicator).cells === 'quantity') column.numFmt = numberFormat(indicator.decimals);
  });
  form.rows.forEach((cells, k) => {
    const row = sheet.getRow(top + 1 + k);
    // Year and row number as numbers; code and name as text, so Excel keeps the leading zero.
    row.values = [Number(cells[0]), cells[1], cells[2], Number(cells[3]), ...indicators.map(() => null)];
    indicators.forEach((indicator, i) => {
      const cell = row.getCell(5 + i);
      cell.protection = { locked: false };
      cell.dataValidation =
        kindOf(indicator).cells === 'yes-no'
          ? { type: 'list', allowBlank: true, formulae: ['"có,không"'], showErrorMessage: true, errorTitle: 'Có hoặc không', error: 'Chọn "có" hoặc "không".' }
          : {
              type: indicator.decimals === 0 ? 'whole' : 'decimal',
              operator: 'greaterThanOrEqual',
              allowBlank: true,
              formulae: [0],
              showErrorMessage: true,
              errorTitle: 'Số không hợp lệ',
              error: indicator.decimals === 0 ? 'Nhập số nguyên, không âm.' : `Nhập số không âm, tối đa ${indicator.decimals} chữ số thập phân.`,
            };
    });
  });
  // Ruled like a paper form, so that a clerk sees where each figure goes.
  const thin = { style: 'thin' as const };
  for (let r = top; r <= top + form.rows.length; r++) {
    for (let c = 1; c <= form.header.length; c++) sheet.getRow(r).getCell(c).border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  printLayout(sheet, top);
  // Locked: code, name, year and labels; the figure cells above were unlocked. No password: the
  // lock prevents slips, it is not a secret.
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true });
  sheet.views = [{ state: 'frozen', xSplit: 3, ySplit: top }];
  return Buffer.from(await book.xlsx.writeBuffer());
}
