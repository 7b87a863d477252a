import { createRequire as __antt_createRequire } from 'node:module'; const require = __antt_createRequire(import.meta.url);
import {
  findingJson
} from "./chunk-DFIDSERM.js";
import "./chunk-IH5EEPFP.js";
import "./chunk-ZZKADHKU.js";
import {
  scaledToPlain
} from "./chunk-MCNMICH4.js";
import "./chunk-TPSE7W5Y.js";

// dist/src/render/aggregate-json.js
function jsonCell(cell, indicator) {
  return {
    // A JSON number written from the exact decimal text: 23.7, never 23.700000000000003.
    value: cell.value === null ? null : Number(scaledToPlain(cell.value, indicator.decimals)),
    source: cell.source,
    reported: cell.reported,
    expected: cell.expected
  };
}
function aggregateJson(report, extra) {
  const cells = (list) => Object.fromEntries(list.map((cell, i) => [report.indicators[i].id, jsonCell(cell, report.indicators[i])]));
  return JSON.stringify({
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
      ...unit.years ? { years: Object.fromEntries([...unit.years].map(([year, list]) => [String(year), cells(list)])) } : {}
    })),
    stats: extra.stats,
    findings: extra.findings.map((f) => findingJson(f, extra.lang))
  }, null, 2) + "\n";
}
export {
  aggregateJson
};
