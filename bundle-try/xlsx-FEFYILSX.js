import { createRequire as __antt_createRequire } from 'node:module'; const require = __antt_createRequire(import.meta.url);
import {
  incomplete,
  label,
  rowCoverage
} from "./chunk-HMBAJTNW.js";
import "./chunk-IH5EEPFP.js";
import {
  renderMessage
} from "./chunk-ZZKADHKU.js";
import "./chunk-MCNMICH4.js";
import "./chunk-TPSE7W5Y.js";

// dist/src/render/xlsx.js
async function newWorkbook() {
  const { default: ExcelJS } = await import("exceljs");
  const book = new ExcelJS.Workbook();
  book.creator = "antt";
  book.created = new Date(Date.UTC(2e3, 0, 1));
  book.modified = book.created;
  return book;
}
function numberFormat(decimals) {
  return decimals === 0 ? "#,##0" : `#,##0.${"0".repeat(decimals)}`;
}
function figure(cell, indicator) {
  return cell.value === null ? null : cell.value / 10 ** indicator.decimals;
}
var words = {
  vi: {
    sheets: { province: "T\u1EC9nh", district: "Huy\u1EC7n", commune: "X\xE3" },
    code: "M\xE3 \u0111\u01A1n v\u1ECB",
    name: "T\xEAn \u0111\u01A1n v\u1ECB",
    from: "T\u1EEB n\u0103m",
    to: "\u0110\u1EBFn n\u0103m",
    coverage: "X\xE3-n\u0103m c\xF3 s\u1ED1 li\u1EC7u",
    expected: "X\xE3-n\u0103m ph\u1EA3i b\xE1o c\xE1o",
    notes: "Ghi ch\xFA",
    total: "T\u1ED5ng c\u1ED9ng",
    findings: "Th\xF4ng b\xE1o",
    level: "M\u1EE9c",
    codeColumn: "M\xE3 th\xF4ng b\xE1o",
    place: "V\u1ECB tr\xED",
    unit: "\u0110\u01A1n v\u1ECB",
    indicator: "Ch\u1EC9 ti\xEAu",
    message: "N\u1ED9i dung",
    error: "l\u1ED7i",
    warning: "c\u1EA3nh b\xE1o",
    own: "s\u1ED1 li\u1EC7u \u0111\u01A1n v\u1ECB t\u1EF1 b\xE1o c\xE1o",
    short: "ch\u01B0a \u0111\u1EE7 x\xE3 b\xE1o c\xE1o",
    flagged: "c\xF3 d\xF2ng b\u1ECB lo\u1EA1i v\xEC l\u1ED7i"
  },
  en: {
    sheets: { province: "Province", district: "Districts", commune: "Communes" },
    code: "Unit code",
    name: "Unit name",
    from: "From",
    to: "To",
    coverage: "Commune-years reported",
    expected: "Commune-years expected",
    notes: "Notes",
    total: "Total",
    findings: "Findings",
    level: "Level",
    codeColumn: "Code",
    place: "Place",
    unit: "Unit",
    indicator: "Indicator",
    message: "Message",
    error: "error",
    warning: "warning",
    own: "from the unit's own return",
    short: "not every commune reported",
    flagged: "rows rejected for errors"
  }
};
function styleHeader(sheet, row) {
  const header = sheet.getRow(row);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: "middle" };
  header.height = 45;
}
function findingsSheet(book, findings, lang) {
  const w = words[lang];
  const sheet = book.addWorksheet(w.findings);
  sheet.columns = [
    { header: w.level, width: 10 },
    { header: w.codeColumn, width: 22 },
    { header: w.place, width: 40 },
    { header: w.unit, width: 28 },
    { header: w.indicator, width: 26 },
    { header: w.message, width: 100 }
  ];
  styleHeader(sheet, 1);
  for (const f of findings) {
    const place = f.file === null ? "" : f.cell ? `${f.file}!${f.cell}` : f.line !== null ? `${f.file}:${f.line}` : f.file;
    sheet.addRow([f.level === "error" ? w.error : w.warning, f.code, place, f.unit ?? "", f.indicator ?? "", renderMessage(f, lang)]);
  }
  sheet.views = [{ state: "frozen", ySplit: 1 }];
}
function titleRows(sheet, report) {
  if (!report.title)
    return 1;
  sheet.getCell("A1").value = report.title;
  sheet.getCell("A1").font = { bold: true, size: 13 };
  return 3;
}
function printLayout(sheet, headerRow) {
  sheet.pageSetup = { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${headerRow}:${headerRow}` };
}
function provinceSheets(book, report, lang) {
  const w = words[lang];
  for (const unit of report.units.filter((u) => u.level === "province")) {
    const sheet = book.addWorksheet(report.units.filter((u) => u.level === "province").length > 1 ? `${w.sheets.province} ${unit.code}` : w.sheets.province);
    const top = titleRows(sheet, report);
    sheet.getCell(`A${top}`).value = unit.name;
    sheet.getCell(`A${top}`).font = { bold: true };
    const headerRow = top + 1;
    const span = report.from === report.to ? String(report.from) : `${report.from}\u2013${report.to}`;
    const years = unit.years ? [...unit.years.keys()] : [];
    sheet.getRow(headerRow).values = [lang === "vi" ? "Ch\u1EC9 ti\xEAu" : "Indicator", lang === "vi" ? "\u0110VT" : "Unit", span, w.coverage, w.expected, ...years.map(String)];
    styleHeader(sheet, headerRow);
    sheet.getColumn(1).width = 46;
    sheet.getColumn(2).width = 12;
    sheet.getColumn(3).width = 14;
    for (const k of [4, 5]) {
      sheet.getColumn(k).width = 12;
      sheet.getColumn(k).numFmt = "#,##0";
    }
    years.forEach((_, k) => sheet.getColumn(6 + k).width = 11);
    report.indicators.forEach((indicator, i) => {
      const cell = unit.window[i];
      const row = sheet.getRow(headerRow + 1 + i);
      row.values = [label(indicator, lang), indicator.unit, figure(cell, indicator), cell.reported, cell.expected, ...years.map((y) => figure(unit.years.get(y)[i], indicator))];
      row.getCell(3).numFmt = numberFormat(indicator.decimals);
      years.forEach((_, k) => row.getCell(6 + k).numFmt = numberFormat(indicator.decimals));
    });
    sheet.views = [{ state: "frozen", xSplit: 1, ySplit: headerRow }];
    printLayout(sheet, headerRow);
  }
}
function unitsSheet(book, report, level, lang) {
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
    sheet.getColumn(k + report.indicators.length).numFmt = "#,##0";
  }
  sheet.getColumn(7 + report.indicators.length).width = 36;
  const rows = report.units.filter((u) => u.level === level || u.level === "province");
  let r = top + 1;
  for (const unit of rows) {
    const isTotal = unit.level === "province";
    const write = (from, to, cells) => {
      const coverage = rowCoverage(cells);
      const notes = [];
      if (unit.flagged)
        notes.push(w.flagged);
      if (cells.some((c) => c.source === "own"))
        notes.push(w.own);
      if (cells.some(incomplete))
        notes.push(w.short);
      const row = sheet.getRow(r++);
      row.values = [
        unit.code,
        isTotal ? `${w.total}: ${unit.name}` : unit.name,
        from,
        to,
        ...cells.map((cell, i) => figure(cell, report.indicators[i])),
        coverage.reported,
        coverage.expected,
        notes.join("; ")
      ];
      if (isTotal)
        row.font = { bold: true };
    };
    write(report.from, report.to, unit.window);
    if (unit.years)
      for (const [year, cells] of unit.years)
        write(year, year, cells);
  }
  sheet.views = [{ state: "frozen", xSplit: 2, ySplit: top }];
  printLayout(sheet, top);
}
async function aggregateWorkbook(report, findings, lang) {
  const book = await newWorkbook();
  const w = words[lang];
  const levels = ["province", "district", "commune"].filter((level) => report.units.some((u) => u.level === level));
  for (const level of levels) {
    if (level === "province")
      provinceSheets(book, report, lang);
    else
      unitsSheet(book, report, level, lang);
  }
  findingsSheet(book, findings, lang);
  return Buffer.from(await book.xlsx.writeBuffer());
}
async function checkWorkbook(result, lang, maxErrors) {
  const book = await newWorkbook();
  const vi = lang === "vi";
  const matrix = book.addWorksheet(vi ? "\u0110\xE3 nh\u1EADn" : "Received");
  matrix.getRow(1).values = [vi ? "M\xE3" : "Code", vi ? "\u0110\u01A1n v\u1ECB" : "Unit", ...result.years.flatMap((y) => [`${y} ${vi ? "\u0111\xE3 g\u1EEDi" : "sent"}`, `${y} ${vi ? "ph\u1EA3i g\u1EEDi" : "expected"}`])];
  styleHeader(matrix, 1);
  matrix.getColumn(2).width = 26;
  let r = 2;
  for (const row of result.completeness.rows) {
    const byYear = new Map(row.years.map((y) => [y.year, y]));
    matrix.getRow(r++).values = [row.unit.code, row.unit.name, ...result.years.flatMap((y) => [byYear.get(y)?.received ?? null, byYear.get(y)?.expected ?? null])];
  }
  const total = matrix.getRow(r);
  total.values = ["", vi ? "To\xE0n t\u1EC9nh" : "Province", ...result.completeness.total.flatMap((t) => [t.received, t.expected])];
  total.font = { bold: true };
  matrix.views = [{ state: "frozen", xSplit: 2, ySplit: 1 }];
  const missing = book.addWorksheet(vi ? "X\xE3 ch\u01B0a g\u1EEDi" : "Missing");
  missing.columns = [
    { header: vi ? "N\u0103m" : "Year", width: 8 },
    { header: vi ? "M\xE3 huy\u1EC7n" : "Sender", width: 10 },
    { header: vi ? "Huy\u1EC7n" : "District", width: 24 },
    { header: vi ? "M\xE3 x\xE3" : "Commune code", width: 12 },
    { header: vi ? "T\xEAn x\xE3" : "Commune", width: 28 }
  ];
  styleHeader(missing, 1);
  for (const row of result.completeness.rows)
    for (const y of row.years)
      for (const c of y.missing)
        missing.addRow([y.year, row.unit.code, row.unit.name, c.code, c.name]);
  missing.views = [{ state: "frozen", ySplit: 1 }];
  findingsSheet(book, result.validation.findings.slice(0, maxErrors), lang);
  return Buffer.from(await book.xlsx.writeBuffer());
}
async function formWorkbook(form, indicators, title) {
  const book = await newWorkbook();
  const sheet = book.addWorksheet(`${form.year}`);
  const instructions = [
    title,
    `${form.unit.name} \u2014 n\u0103m ${form.year}`,
    "H\u01B0\u1EDBng d\u1EABn: \u0111i\u1EC1n s\u1ED1 li\u1EC7u v\xE0o c\xE1c \xF4 tr\u1EAFng. \u0110\u1EC3 tr\u1ED1ng n\u1EBFu kh\xF4ng b\xE1o c\xE1o; ghi 0 n\u1EBFu kh\xF4ng c\xF3.",
    "Kh\xF4ng s\u1EEDa m\xE3 v\xE0 t\xEAn \u0111\u01A1n v\u1ECB, kh\xF4ng th\xEAm ho\u1EB7c x\xF3a c\u1ED9t. S\u1ED1 th\u1EADp ph\xE2n d\xF9ng d\u1EA5u ph\u1EA9y theo c\xE0i \u0111\u1EB7t c\u1EE7a m\xE1y (v\xED d\u1EE5 2,5 ha)."
  ];
  instructions.forEach((text, i) => {
    sheet.getCell(`A${i + 1}`).value = text;
    if (i === 0)
      sheet.getCell("A1").font = { bold: true, size: 13 };
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
    if (indicator.kind !== "unit_count")
      column.numFmt = numberFormat(indicator.decimals);
  });
  form.rows.forEach((cells, k) => {
    const row = sheet.getRow(top + 1 + k);
    row.values = [Number(cells[0]), cells[1], cells[2], Number(cells[3]), ...indicators.map(() => null)];
    indicators.forEach((indicator, i) => {
      const cell = row.getCell(5 + i);
      cell.protection = { locked: false };
      cell.dataValidation = indicator.kind === "unit_count" ? { type: "list", allowBlank: true, formulae: ['"c\xF3,kh\xF4ng"'], showErrorMessage: true, errorTitle: "C\xF3 ho\u1EB7c kh\xF4ng", error: 'Ch\u1ECDn "c\xF3" ho\u1EB7c "kh\xF4ng".' } : {
        type: indicator.decimals === 0 ? "whole" : "decimal",
        operator: "greaterThanOrEqual",
        allowBlank: true,
        formulae: [0],
        showErrorMessage: true,
        errorTitle: "S\u1ED1 kh\xF4ng h\u1EE3p l\u1EC7",
        error: indicator.decimals === 0 ? "Nh\u1EADp s\u1ED1 nguy\xEAn, kh\xF4ng \xE2m." : `Nh\u1EADp s\u1ED1 kh\xF4ng \xE2m, t\u1ED1i \u0111a ${indicator.decimals} ch\u1EEF s\u1ED1 th\u1EADp ph\xE2n.`
      };
    });
  });
  const thin = { style: "thin" };
  for (let r = top; r <= top + form.rows.length; r++) {
    for (let c = 1; c <= form.header.length; c++)
      sheet.getRow(r).getCell(c).border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  printLayout(sheet, top);
  await sheet.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true });
  sheet.views = [{ state: "frozen", xSplit: 3, ySplit: top }];
  return Buffer.from(await book.xlsx.writeBuffer());
}
export {
  aggregateWorkbook,
  checkWorkbook,
  formWorkbook
};
