import { createRequire as __antt_createRequire } from 'node:module'; const require = __antt_createRequire(import.meta.url);
import {
  formatCount
} from "./chunk-IH5EEPFP.js";
import {
  scaledToEnglish,
  scaledToPlain,
  scaledToVietnamese
} from "./chunk-MCNMICH4.js";

// dist/src/render/aggregate-shared.js
var levelNames = {
  province: { vi: "T\u1EC9nh", en: "province" },
  district: { vi: "Huy\u1EC7n", en: "district" },
  commune: { vi: "X\xE3", en: "commune" }
};
var label = (indicator, lang) => lang === "vi" ? indicator.label_vi : indicator.label_en;
var span = (report) => report.from === report.to ? String(report.from) : `${report.from}\u2013${report.to}`;
function display(value, indicator, lang) {
  if (value === null)
    return "";
  return lang === "vi" ? scaledToVietnamese(value, indicator.decimals) : scaledToEnglish(value, indicator.decimals);
}
var incomplete = (cell) => cell.value !== null && cell.reported < cell.expected;
function coverage(reported, expected, lang) {
  if (expected === 0)
    return "";
  const text = `${formatCount(reported, lang)}/${formatCount(expected, lang)}`;
  if (reported >= expected)
    return text;
  const percent = Math.floor(reported * 100 / expected);
  return `${text} (${percent === 0 && reported > 0 ? "<1" : percent}%)`;
}
function rowCoverage(cells) {
  let reported = 0;
  let expected = 0;
  for (const cell of cells) {
    reported = Math.max(reported, cell.reported);
    expected = Math.max(expected, cell.expected);
  }
  return { reported, expected };
}
function plain(value, indicator, decimalMark) {
  if (value === null)
    return "";
  const text = scaledToPlain(value, indicator.decimals);
  return decimalMark === "," ? text.replace(".", ",") : text;
}

export {
  levelNames,
  label,
  span,
  display,
  incomplete,
  coverage,
  rowCoverage,
  plain
};
