import { createRequire as __antt_createRequire } from 'node:module'; const require = __antt_createRequire(import.meta.url);
import {
  coverage,
  display,
  incomplete,
  label,
  rowCoverage,
  span
} from "./chunk-HMBAJTNW.js";
import {
  require_cli_table3
} from "./chunk-BIVRCCCT.js";
import {
  compactTableChars
} from "./chunk-IH5EEPFP.js";
import "./chunk-MCNMICH4.js";
import {
  __toESM
} from "./chunk-TPSE7W5Y.js";

// dist/src/render/aggregate-table.js
var import_cli_table3 = __toESM(require_cli_table3(), 1);
var words = {
  vi: {
    indicator: "Ch\u1EC9 ti\xEAu",
    unit: "\u0110VT",
    coverage: "X\xE3-n\u0103m c\xF3 s\u1ED1 li\u1EC7u",
    unitColumn: "\u0110\u01A1n v\u1ECB",
    total: "T\u1ED5ng",
    whole: "To\xE0n t\u1EC9nh",
    byDistrict: "Theo huy\u1EC7n",
    byCommune: "Theo x\xE3",
    byYear: "Theo n\u0103m",
    legendOwn: "* s\u1ED1 li\u1EC7u do \u0111\u01A1n v\u1ECB t\u1EF1 b\xE1o c\xE1o (c\u1EA5p d\u01B0\u1EDBi kh\xF4ng c\xF3 s\u1ED1 li\u1EC7u)",
    legendIncomplete: "\u2020 ch\u01B0a \u0111\u1EE7 s\u1ED1 li\u1EC7u: kh\xF4ng ph\u1EA3i m\u1ECDi x\xE3 \u0111\u1EC1u \u0111\xE3 b\xE1o c\xE1o (xem c\u1ED9t X\xE3-n\u0103m c\xF3 s\u1ED1 li\u1EC7u)",
    legendFlagged: "\u26A0 c\xF3 d\xF2ng s\u1ED1 li\u1EC7u b\u1ECB lo\u1EA1i v\xEC l\u1ED7i; t\u1ED5ng c\xF3 th\u1EC3 thi\u1EBFu (xem th\xF4ng b\xE1o l\u1ED7i)",
    period: "Giai \u0111o\u1EA1n",
    none: "Kh\xF4ng c\xF3 s\u1ED1 li\u1EC7u trong giai \u0111o\u1EA1n n\xE0y."
  },
  en: {
    indicator: "Indicator",
    unit: "Unit",
    coverage: "Commune-years reported",
    unitColumn: "Unit",
    total: "Total",
    whole: "Whole province",
    byDistrict: "By district",
    byCommune: "By commune",
    byYear: "By year",
    legendOwn: "* from the unit's own return (no figures from the units below)",
    legendIncomplete: "\u2020 incomplete: not every commune has reported (see the commune-years column)",
    legendFlagged: "\u26A0 rows were rejected for errors; the total may be short (see the messages)",
    period: "Period",
    none: "No figures in this window."
  }
};
function mark(cell, indicator, lang, color) {
  let text = display(cell.value, indicator, lang);
  if (text === "")
    return "";
  if (cell.source === "own")
    text = color.cyan(text + "*");
  if (incomplete(cell))
    text = color.yellow(text + "\u2020");
  return text;
}
function unitTitle(unit, color) {
  return unit.flagged ? `${unit.name} ${color.red("\u26A0")}` : unit.name;
}
function aggregateTable(report, options) {
  const { lang, color } = options;
  const w = words[lang];
  const out = [];
  if (report.title)
    out.push(color.bold(report.title));
  out.push(`${w.period}: ${span(report)}`);
  if (report.units.length === 0 || report.indicators.length === 0) {
    out.push(w.none);
    return out.join("\n") + "\n";
  }
  const width = Math.max(80, Math.min(options.width, 160));
  const labelWidth = Math.min(44, width - 12 - 14 - 24);
  for (const unit of report.units.filter((u) => u.level === "province")) {
    out.push("");
    out.push(color.bold(`${w.whole} \u2014 ${unitTitle(unit, color)}`));
    const table = new import_cli_table3.default({
      head: [w.indicator, w.unit, span(report), w.coverage],
      colWidths: [labelWidth, 12, 14, 22],
      colAligns: ["left", "left", "right", "right"],
      wordWrap: true,
      style: { head: [], border: [] },
      chars: compactTableChars
    });
    report.indicators.forEach((indicator, i) => {
      const cell = unit.window[i];
      table.push([label(indicator, lang), indicator.unit, mark(cell, indicator, lang, color), coverage(cell.reported, cell.expected, lang)]);
    });
    out.push(table.toString());
  }
  for (const level of ["district", "commune"]) {
    const rows = report.units.filter((u) => u.level === level || u.level === "province" && report.units.some((x) => x.level === level));
    if (!rows.some((u) => u.level === level))
      continue;
    out.push("");
    out.push(color.bold(`${level === "district" ? w.byDistrict : w.byCommune} (${span(report)})`));
    const nameWidth = Math.min(26, Math.max(14, ...rows.map((u) => u.name.length + 3)));
    const columnWidth = 12;
    const perTable = Math.max(1, Math.floor((width - nameWidth - 18) / (columnWidth + 1)));
    const shown = report.indicators.map((indicator, i) => ({ indicator, i })).filter(({ i }) => rows.some((u) => u.level === level && u.window[i].value !== null));
    for (let start = 0; start < shown.length; start += perTable) {
      const chunk = shown.slice(start, start + perTable);
      const table = new import_cli_table3.default({
        head: [w.unitColumn, ...chunk.map(({ indicator }) => label(indicator, lang)), w.coverage],
        colWidths: [nameWidth, ...chunk.map(() => columnWidth), 16],
        colAligns: ["left", ...chunk.map(() => "right"), "right"],
        wordWrap: true,
        style: { head: [], border: [] },
        chars: compactTableChars
      });
      for (const unit of rows) {
        const name = unit.level === "province" ? color.bold(`${w.total}: ${unitTitle(unit, color)}`) : unitTitle(unit, color);
        const cov = rowCoverage(unit.window);
        table.push([name, ...chunk.map(({ indicator, i }) => mark(unit.window[i], indicator, lang, color)), coverage(cov.reported, cov.expected, lang)]);
      }
      out.push(table.toString());
    }
  }
  if (report.byYear) {
    for (const unit of report.units.filter((u) => u.level === "province")) {
      out.push("");
      out.push(color.bold(`${w.byYear} \u2014 ${unitTitle(unit, color)}`));
      const perTable = Math.max(1, Math.floor((width - labelWidth - 4) / 11));
      for (let start = 0; start < report.years.length; start += perTable) {
        const years = report.years.slice(start, start + perTable);
        const table = new import_cli_table3.default({
          head: [w.indicator, ...years.map(String)],
          colWidths: [labelWidth, ...years.map(() => 10)],
          colAligns: ["left", ...years.map(() => "right")],
          wordWrap: true,
          style: { head: [], border: [] },
          chars: compactTableChars
        });
        report.indicators.forEach((indicator, i) => {
          table.push([label(indicator, lang), ...years.map((year) => mark(unit.years.get(year)[i], indicator, lang, color))]);
        });
        out.push(table.toString());
      }
    }
  }
  const all = report.units.flatMap((u) => [...u.window, ...u.years ? [...u.years.values()].flat() : []]);
  const legend = [];
  if (all.some((c) => c.source === "own"))
    legend.push(w.legendOwn);
  if (all.some(incomplete))
    legend.push(w.legendIncomplete);
  if (report.units.some((u) => u.flagged))
    legend.push(w.legendFlagged);
  if (legend.length > 0)
    out.push("", ...legend.map((l) => color.dim(l)));
  return out.join("\n") + "\n";
}
export {
  aggregateTable
};
