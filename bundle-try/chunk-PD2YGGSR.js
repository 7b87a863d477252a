import { createRequire as __antt_createRequire } from 'node:module'; const require = __antt_createRequire(import.meta.url);
import {
  stringify
} from "./chunk-NS3CIWTR.js";
import {
  incomplete,
  label,
  levelNames,
  plain
} from "./chunk-HMBAJTNW.js";

// dist/src/render/aggregate-csv.js
function neutralise(text) {
  return /^[=+\-@\t\r\n]/.test(text) ? `'${text}` : text;
}
var csvWords = {
  vi: { level: "C\u1EA5p", code: "M\xE3 \u0111\u01A1n v\u1ECB", name: "T\xEAn \u0111\u01A1n v\u1ECB", from: "T\u1EEB n\u0103m", to: "\u0110\u1EBFn n\u0103m", reported: "X\xE3-n\u0103m c\xF3 s\u1ED1 li\u1EC7u", expected: "X\xE3-n\u0103m ph\u1EA3i b\xE1o c\xE1o", notes: "Ghi ch\xFA" },
  en: { level: "Level", code: "Unit code", name: "Unit name", from: "From", to: "To", reported: "Commune-years reported", expected: "Commune-years expected", notes: "Notes" }
};
var noteWords = {
  vi: { flagged: "c\xF3 d\xF2ng b\u1ECB lo\u1EA1i v\xEC l\u1ED7i", own: "c\xF3 s\u1ED1 li\u1EC7u do \u0111\u01A1n v\u1ECB t\u1EF1 b\xE1o c\xE1o", incomplete: "ch\u01B0a \u0111\u1EE7 x\xE3 b\xE1o c\xE1o" },
  en: { flagged: "rows rejected for errors", own: "some figures from the unit's own return", incomplete: "not every commune reported" }
};
function notes(unit, cells, lang) {
  const n = noteWords[lang];
  const list = [];
  if (unit.flagged)
    list.push(n.flagged);
  if (cells.some((c) => c.source === "own"))
    list.push(n.own);
  if (cells.some(incomplete))
    list.push(n.incomplete);
  return list.join("; ");
}
function aggregateCsvWide(report, options) {
  const w = csvWords[options.lang];
  const header = [w.level, w.code, w.name, w.from, w.to, ...report.indicators.map((i) => `${label(i, options.lang)} (${i.unit})`), w.reported, w.expected, w.notes];
  const rows = [header];
  const push = (unit, from, to, cells) => {
    let reported = 0;
    let expected = 0;
    for (const c of cells) {
      reported = Math.max(reported, c.reported);
      expected = Math.max(expected, c.expected);
    }
    rows.push([
      // The province row is the report's total row: say so where a reader looks for it.
      unit.level === "province" ? options.lang === "vi" ? "T\u1ED5ng c\u1ED9ng (t\u1EC9nh)" : "Total (province)" : levelNames[unit.level][options.lang],
      unit.code,
      neutralise(unit.name),
      String(from),
      String(to),
      ...cells.map((cell, i) => plain(cell.value, report.indicators[i], options.decimalMark)),
      String(reported),
      String(expected),
      notes(unit, cells, options.lang)
    ]);
  };
  for (const unit of report.units) {
    push(unit, report.from, report.to, unit.window);
    if (unit.years)
      for (const [year, cells] of unit.years)
        push(unit, year, year, cells);
  }
  return "\uFEFF" + stringify(rows, { delimiter: options.delimiter, record_delimiter: "\r\n" });
}
function aggregateCsvLong(report, options) {
  const rows = [["level", "unit_code", "unit_name", "from", "to", "indicator", "value", "reported", "expected"]];
  const push = (unit, from, to, cells) => {
    cells.forEach((cell, i) => {
      const indicator = report.indicators[i];
      rows.push([unit.level, unit.code, neutralise(unit.name), String(from), String(to), indicator.id, plain(cell.value, indicator, "."), String(cell.reported), String(cell.expected)]);
    });
  };
  for (const unit of report.units) {
    push(unit, report.from, report.to, unit.window);
    if (unit.years)
      for (const [year, cells] of unit.years)
        push(unit, year, year, cells);
  }
  return stringify(rows, { delimiter: options.delimiter, record_delimiter: "\n" });
}

export {
  neutralise,
  aggregateCsvWide,
  aggregateCsvLong
};
