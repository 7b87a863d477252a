/**
 * What the aggregate renderers share: labels, number display and completeness text.
 */
import type { Indicator } from '../../schemas/catalogue.js';
import type { UnitLevel } from '../../schemas/units.js';
import type { Lang } from '../core/findings.js';
import { scaledToEnglish, scaledToPlain, scaledToVietnamese } from '../core/numbers.js';
import type { AggregateReport, FigureCell, ReportUnit } from '../core/report.js';
import { formatCount } from './format.js';

export const levelNames: Record<UnitLevel, { vi: string; en: string }> = {
  province: { vi: 'Tỉnh', en: 'province' },
  district: { vi: 'Huyện', en: 'district' },
  commune: { vi: 'Xã', en: 'commune' },
};

export const label = (indicator: Indicator, lang: Lang) => (lang === 'vi' ? indicator.label_vi : indicator.label_en);
export const span = (report: AggregateReport) => (report.from === report.to ? String(report.from) : `${report.from}–${report.to}`);

/**
 * A figure as people read it, with all of its indicator's decimals (20,0 beside 20,1 ha: a column
 * of one kind of figure reads alike).
 */
export function display(value: number | null, indicator: Indicator, lang: Lang): string {
  if (value === null) return '';
  const text = lang === 'vi' ? scaledToVietnamese(value, indicator.decimals) : scaledToEnglish(value, indicator.decimals);
  if (indicator.decimals === 0) return text;
  const mark = lang === 'vi' ? ',' : '.';
  const at = text.indexOf(mark);
  const shown = at < 0 ? 0 : text.length - at - 1;
  return shown >= indicator.decimals ? text : (at < 0 ? text + mark : text) + '0'.repeat(indicator.decimals - shown);
}

/** A figure built from fewer commune-years than the gazetteer expects. */
export const incomplete = (cell: FigureCell) => cell.value !== null && cell.reported < cell.expected;

/** "2.200/2.200" or "19/200 (9%)". */
export function coverage(reported: number, expected: number, lang: Lang): string {
  if (expected === 0) return '';
  const text = `${formatCount(reported, lang)}/${formatCount(expected, lang)}`;
  if (reported >= expected) return text;
  const percent = Math.floor((reported * 100) / expected);
  return `${text} (${percent === 0 && reported > 0 ? '<1' : percent}%)`;
}

/** A row's coverage: the best-covered of its figures (a commune that reported anything counts). */
export function rowCoverage(cells: readonly FigureCell[]): { reported: number; expected: number } {
  let reported = 0;
  let expected = 0;
  for (const cell of cells) {
    reported = Math.max(reported, cell.reported);
    expected = Math.max(expected, cell.expected);
  }
  return { reported, expected };
}

/** Exact plain decimal text, with the decimal mark asked for: 23.7 or 23,7. */
export function plain(value: number | null, indicator: Indicator, decimalMark: '.' | ','): string {
  if (value === null) return '';
  const text = scaledToPlain(value, indicator.decimals);
  return decimalMark === ',' ? text.replace('.', ',') : text;
}

export type { ReportUnit };

/**
 * Whether a unit is listed in a level's table: its own level's, except an old unit that stands
 * among the communes (not attributable to one current commune), whatever its level.
 */
export function inSection(unit: ReportUnit, level: UnitLevel): boolean {
  if (unit.standing === 'not-attributable') return level === 'commune';
  return unit.level === level;
}

/** " (cũ)" after the name of a unit from before the reform shown beside today's. */
export function formerMark(unit: ReportUnit, lang: Lang): string {
  return unit.list === 'old' && unit.standing !== 'current' ? (lang === 'vi' ? ' (cũ)' : ' (former)') : '';
}
