/**
 * Renderers of the validation report (STYLE §5): text for people, JSON for scripts. Both are
 * pure functions of the report; the exit code is derived from it elsewhere.
 */
import type { Paint } from './color.js';
import type { ValidationReport } from '../core/report.js';
import { renderMessage, type Finding, type Lang } from '../core/findings.js';
import { formatCount, safeText } from './format.js';

const words = {
  vi: { error: 'lỗi', warning: 'cảnh báo', column: 'cột', record: 'bản ghi', valid: 'HỢP LỆ', invalid: 'KHÔNG HỢP LỆ' },
  en: { error: 'error', warning: 'warning', column: 'column', record: 'record', valid: 'VALID', invalid: 'NOT VALID' },
};

function place(f: Finding, lang: Lang): string {
  const parts: string[] = [];
  if (f.file !== null) {
    let where = f.file;
    // A spreadsheet cell reads as Excel names it: bao-cao.xlsx!Sheet1!B7.
    if (f.cell !== null) where += `!${f.cell}`;
    else if (f.line !== null) where += `:${f.line}`;
    parts.push(where);
  }
  if (f.record !== null) parts.push(`${words[lang].record} ${f.record}`);
  if (f.column !== null) parts.push(`${words[lang].column} «${f.column}»`);
  return parts.map(safeText).join(', ');
}

export function validationText(report: ValidationReport, options: { lang: Lang; maxErrors: number; strict: boolean; color: Paint }): string {
  const { lang, color } = options;
  const w = words[lang];
  const lines: string[] = [];
  const shown = report.findings.slice(0, options.maxErrors);
  for (const f of shown) {
    const level = f.level === 'error' ? color.redBold(w.error) : color.yellow(w.warning);
    // Findings about added-up figures have no file: their message starts with the unit.
    const where = place(f, lang);
    lines.push(`${where ? `${where}: ` : ''}${level} ${color.dim(f.code)}: ${safeText(renderMessage(f, lang))}`);
  }
  const hidden = report.findings.length - shown.length + report.omitted;
  if (hidden > 0) {
    lines.push(
      lang === 'vi'
        ? color.dim(`… và ${formatCount(hidden, lang)} vấn đề khác (tăng --max-errors để xem thêm).`)
        : color.dim(`… and ${formatCount(hidden, lang)} more (raise --max-errors to see them).`),
    );
  }
  if (lines.length > 0) lines.push('');
  const s = report.stats;
  const failed = !report.valid || (options.strict && s.warnings > 0);
  const verdict = failed ? color.redBold(w.invalid) : color.greenBold(w.valid);
  const n = (x: number) => formatCount(x, lang);
  lines.push(
    lang === 'vi'
      ? `${verdict}: ${n(s.files)} tệp, ${n(s.rows)} dòng số liệu (${n(s.rowsAccepted)} nhận, ${n(s.rowsRejected)} loại); ${n(s.errors)} lỗi, ${n(s.warnings)} cảnh báo.`
      : `${verdict}: ${n(s.files)} file${s.files === 1 ? '' : 's'}, ${n(s.rows)} data row${s.rows === 1 ? '' : 's'} (${n(s.rowsAccepted)} accepted, ${n(s.rowsRejected)} rejected); ${n(s.errors)} error${s.errors === 1 ? '' : 's'}, ${n(s.warnings)} warning${s.warnings === 1 ? '' : 's'}.`,
  );
  return lines.join('\n') + '\n';
}

/** A finding as scripts read it, in every JSON output: fields that do not apply are null. */
export function findingJson(f: Finding, lang: Lang) {
  return {
    code: f.code,
    level: f.level,
    // A spreadsheet's finding: its path, sheet and cell apart (text shows them as bao-cao.xlsx!Sheet1!B7).
    file: f.sheet !== null && f.file !== null && f.file.endsWith(`!${f.sheet}`) ? f.file.slice(0, -(f.sheet.length + 1)) : f.file,
    sheet: f.sheet,
    line: f.line,
    record: f.record,
    column: f.column,
    cell: f.cell,
    unit: f.unit,
    indicator: f.indicator,
    value: f.value,
    message: renderMessage(f, lang),
  };
}

/**
 * What every JSON output says of its findings beside the list: how many of each code were found,
 * how many are listed and how many left out (`--max-errors`; 0 lists all). A script never has
 * to guess whether the list is whole.
 */
export function findingCounts(report: ValidationReport, listed: number) {
  return { listed, omitted: report.findings.length - listed + report.omitted, by_code: report.byCode };
}

/** The JSON contract for scripts: `{ valid, stats, findings[], omitted, counts }`. */
export function validationJson(report: ValidationReport, options: { lang: Lang; maxErrors: number; strict: boolean }): string {
  const findings = report.findings.slice(0, options.maxErrors).map((f) => findingJson(f, options.lang));
  const counts = findingCounts(report, findings.length);
  return (
    JSON.stringify(
      {
        valid: report.valid && !(options.strict && report.stats.warnings > 0),
        stats: report.stats,
        findings,
        omitted: counts.omitted,
        counts,
      },
      null,
      2,
    ) + '\n'
  );
}
