import { createRequire as __antt_createRequire } from 'node:module'; const require = __antt_createRequire(import.meta.url);
import {
  formatCount,
  safeText
} from "./chunk-IH5EEPFP.js";
import {
  renderMessage
} from "./chunk-ZZKADHKU.js";

// dist/src/render/validation.js
var words = {
  vi: { error: "l\u1ED7i", warning: "c\u1EA3nh b\xE1o", column: "c\u1ED9t", record: "b\u1EA3n ghi", valid: "H\u1EE2P L\u1EC6", invalid: "KH\xD4NG H\u1EE2P L\u1EC6" },
  en: { error: "error", warning: "warning", column: "column", record: "record", valid: "VALID", invalid: "NOT VALID" }
};
function place(f, lang) {
  const parts = [];
  if (f.file !== null) {
    let where = f.file;
    if (f.cell !== null)
      where += `!${f.cell}`;
    else if (f.line !== null)
      where += `:${f.line}`;
    parts.push(where);
  }
  if (f.record !== null)
    parts.push(`${words[lang].record} ${f.record}`);
  if (f.column !== null)
    parts.push(`${words[lang].column} \xAB${f.column}\xBB`);
  return parts.map(safeText).join(", ");
}
function validationText(report, options) {
  const { lang, color } = options;
  const w = words[lang];
  const lines = [];
  const shown = report.findings.slice(0, options.maxErrors);
  for (const f of shown) {
    const level = f.level === "error" ? color.red.bold(w.error) : color.yellow(w.warning);
    const where = place(f, lang);
    lines.push(`${where ? `${where}: ` : ""}${level} ${color.dim(f.code)}: ${safeText(renderMessage(f, lang))}`);
  }
  const hidden = report.findings.length - shown.length + report.omitted;
  if (hidden > 0) {
    lines.push(lang === "vi" ? color.dim(`\u2026 v\xE0 ${formatCount(hidden, lang)} v\u1EA5n \u0111\u1EC1 kh\xE1c (t\u0103ng --max-errors \u0111\u1EC3 xem th\xEAm).`) : color.dim(`\u2026 and ${formatCount(hidden, lang)} more (raise --max-errors to see them).`));
  }
  if (lines.length > 0)
    lines.push("");
  const s = report.stats;
  const failed = !report.valid || options.strict && s.warnings > 0;
  const verdict = failed ? color.red.bold(w.invalid) : color.green.bold(w.valid);
  const n = (x) => formatCount(x, lang);
  lines.push(lang === "vi" ? `${verdict}: ${n(s.files)} t\u1EC7p, ${n(s.rows)} d\xF2ng s\u1ED1 li\u1EC7u (${n(s.rowsAccepted)} nh\u1EADn, ${n(s.rowsRejected)} lo\u1EA1i); ${n(s.errors)} l\u1ED7i, ${n(s.warnings)} c\u1EA3nh b\xE1o.` : `${verdict}: ${n(s.files)} file${s.files === 1 ? "" : "s"}, ${n(s.rows)} data row${s.rows === 1 ? "" : "s"} (${n(s.rowsAccepted)} accepted, ${n(s.rowsRejected)} rejected); ${n(s.errors)} error${s.errors === 1 ? "" : "s"}, ${n(s.warnings)} warning${s.warnings === 1 ? "" : "s"}.`);
  return lines.join("\n") + "\n";
}
function findingJson(f, lang) {
  return {
    code: f.code,
    level: f.level,
    file: f.file,
    line: f.line,
    record: f.record,
    column: f.column,
    cell: f.cell,
    unit: f.unit,
    indicator: f.indicator,
    value: f.value,
    message: renderMessage(f, lang)
  };
}
function validationJson(report, options) {
  const findings = report.findings.slice(0, options.maxErrors).map((f) => findingJson(f, options.lang));
  return JSON.stringify({
    valid: report.valid && !(options.strict && report.stats.warnings > 0),
    stats: report.stats,
    findings,
    omitted: report.findings.length - findings.length + report.omitted
  }, null, 2) + "\n";
}

export {
  validationText,
  findingJson,
  validationJson
};
