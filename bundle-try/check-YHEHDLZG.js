import { createRequire as __antt_createRequire } from 'node:module'; const require = __antt_createRequire(import.meta.url);
import {
  neutralise
} from "./chunk-PD2YGGSR.js";
import {
  stringify
} from "./chunk-NS3CIWTR.js";
import "./chunk-HMBAJTNW.js";
import {
  require_cli_table3
} from "./chunk-BIVRCCCT.js";
import {
  findingJson,
  validationText
} from "./chunk-DFIDSERM.js";
import {
  compactTableChars,
  formatCount,
  safeText
} from "./chunk-IH5EEPFP.js";
import {
  renderMessage
} from "./chunk-ZZKADHKU.js";
import "./chunk-MCNMICH4.js";
import {
  __toESM
} from "./chunk-TPSE7W5Y.js";

// dist/src/render/check.js
var import_cli_table3 = __toESM(require_cli_table3(), 1);
var words = {
  vi: {
    received: "B\xE1o c\xE1o \u0111\xE3 nh\u1EADn (s\u1ED1 x\xE3 \u0111\xE3 g\u1EEDi / ph\u1EA3i g\u1EEDi)",
    unit: "\u0110\u01A1n v\u1ECB",
    total: "To\xE0n t\u1EC9nh",
    missing: "X\xE3 ch\u01B0a g\u1EEDi b\xE1o c\xE1o",
    none: "M\u1ECDi x\xE3 \u0111\xE3 g\u1EEDi b\xE1o c\xE1o.",
    problems: "C\u1EA7n x\u1EED l\xFD",
    period: "Giai \u0111o\u1EA1n",
    more: (n) => `\u2026 v\xE0 ${n} x\xE3 kh\xE1c (--format csv \u0111\u1EC3 xem \u0111\u1EE7).`
  },
  en: {
    received: "Returns received (communes that sent / expected)",
    unit: "Unit",
    total: "Province",
    missing: "Communes that have not sent their returns",
    none: "Every commune has sent its returns.",
    problems: "To fix",
    period: "Period",
    more: (n) => `\u2026 and ${n} more communes (--format csv lists them all).`
  }
};
function ranges(years) {
  const out = [];
  for (let i = 0; i < years.length; i++) {
    let j = i;
    while (j + 1 < years.length && years[j + 1] === years[j] + 1)
      j++;
    out.push(i === j ? String(years[i]) : `${years[i]}\u2013${years[j]}`);
    i = j;
  }
  return out.join(", ");
}
function cell(y, lang, color) {
  if (y.expected === 0)
    return "";
  const text = `${formatCount(y.received, lang)}/${formatCount(y.expected, lang)}`;
  if (y.received >= y.expected)
    return color.green(text);
  return y.received === 0 ? color.red(text) : color.yellow(text);
}
function checkTable(result, options) {
  const { lang, color } = options;
  const w = words[lang];
  const out = [];
  if (result.title)
    out.push(color.bold(result.title));
  out.push(`${w.period}: ${result.from === result.to ? result.from : `${result.from}\u2013${result.to}`}`);
  out.push("", color.bold(`1. ${w.received}`));
  const nameWidth = Math.min(24, Math.max(12, ...result.completeness.rows.map((r) => r.unit.name.length + 2)));
  const perTable = Math.max(1, Math.floor((Math.max(80, Math.min(options.width, 160)) - nameWidth - 4) / 10));
  for (let start = 0; start < result.years.length; start += perTable) {
    const years = result.years.slice(start, start + perTable);
    const table = new import_cli_table3.default({
      head: [w.unit, ...years.map(String)],
      colWidths: [nameWidth, ...years.map(() => 9)],
      colAligns: ["left", ...years.map(() => "right")],
      style: { head: [], border: [] },
      chars: compactTableChars
    });
    for (const row of result.completeness.rows) {
      const byYear = new Map(row.years.map((y) => [y.year, y]));
      table.push([safeText(row.unit.name), ...years.map((year) => byYear.has(year) ? cell(byYear.get(year), lang, color) : "")]);
    }
    const totals = new Map(result.completeness.total.map((t) => [t.year, t]));
    table.push([color.bold(w.total), ...years.map((year) => cell(totals.get(year), lang, color))]);
    out.push(table.toString());
  }
  out.push("", color.bold(`2. ${w.missing}`));
  const max = options.maxMissing ?? 300;
  let listed = 0;
  let unlisted = 0;
  for (const row of result.completeness.rows) {
    const byCommune = /* @__PURE__ */ new Map();
    for (const y of row.years) {
      for (const commune of y.missing) {
        const entry = byCommune.get(commune.code) ?? { name: commune.name, years: [] };
        entry.years.push(y.year);
        byCommune.set(commune.code, entry);
      }
    }
    if (byCommune.size === 0)
      continue;
    if (listed < max)
      out.push(`${safeText(row.unit.name)} (${row.unit.code}):`);
    for (const [code, entry] of byCommune) {
      if (listed >= max) {
        unlisted++;
        continue;
      }
      out.push(`  ${code} ${safeText(entry.name)}: ${ranges(entry.years)}`);
      listed++;
    }
  }
  if (listed === 0)
    out.push(color.green(w.none));
  if (unlisted > 0)
    out.push(color.dim(w.more(formatCount(unlisted, lang))));
  out.push("", color.bold(`3. ${w.problems}`));
  out.push(validationText(result.validation, { lang, color, maxErrors: options.maxErrors, strict: options.strict }).trimEnd());
  return out.join("\n") + "\n";
}
function checkCsv(result, options) {
  const rows = [["kind", "level", "code", "year", "unit_code", "unit_name", "sender_code", "indicator", "file", "line", "message"]];
  for (const row of result.completeness.rows) {
    for (const y of row.years) {
      for (const commune of y.missing) {
        const message = options.lang === "vi" ? `Ch\u01B0a g\u1EEDi b\xE1o c\xE1o n\u0103m ${y.year}` : `No return for ${y.year}`;
        rows.push(["missing", "warning", "missing-return", y.year, commune.code, neutralise(commune.name), row.unit.code, "", "", "", message]);
      }
    }
  }
  for (const f of result.validation.findings.slice(0, options.maxErrors)) {
    const year = f.params.year ?? f.params.period ?? "";
    rows.push(["finding", f.level, f.code, String(year), f.unit?.split(" ")[0] ?? "", neutralise(f.unit?.split(" ").slice(1).join(" ") ?? ""), "", f.indicator ?? "", f.file ?? "", f.line ?? "", neutralise(renderMessage(f, options.lang))]);
  }
  return "\uFEFF" + stringify(rows, { delimiter: options.delimiter, record_delimiter: "\r\n" });
}
function checkJson(result, options) {
  const v = result.validation;
  return JSON.stringify({
    valid: v.valid && !(options.strict && v.stats.warnings > 0),
    title: result.title,
    from: result.from,
    to: result.to,
    completeness: result.completeness.rows.map((row) => ({
      unit_code: row.unit.code,
      unit_name: row.unit.name,
      level: row.unit.level,
      years: row.years.map((y) => ({ year: y.year, received: y.received, expected: y.expected, missing: y.missing.map((c) => ({ code: c.code, name: c.name })) }))
    })),
    total: result.completeness.total,
    stats: v.stats,
    findings: v.findings.slice(0, options.maxErrors).map((f) => findingJson(f, options.lang))
  }, null, 2) + "\n";
}
export {
  checkCsv,
  checkJson,
  checkTable
};
