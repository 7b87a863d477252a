/** The aggregate report as JSON for scripts, with the same figures as every other output. */
import type { Indicator } from '../../schemas/catalogue.js';
import type { Finding, Lang } from '../core/findings.js';
import { scaledToPlain } from '../core/numbers.js';
import type { AggregateReport, FigureCell } from '../core/report.js';
import { findingJson } from './validation.js';

function jsonCell(cell: FigureCell, indicator: Indicator) {
  return {
    // A JSON number written from the exact decimal text: 23.7, never 23.700000000000003.
    value: cell.value === null ? null : Number(scaledToPlain(cell.value, indicator.decimals)),
    source: cell.source,
    reported: cell.reported,
    expected: cell.expected,
  };
}

export function aggregateJson(report: AggregateReport, extra: { valid: boolean; findings: Finding[]; lang: Lang; stats: object; counts: object }): string {
  const cells = (list: FigureCell[]) => Object.fromEntries(list.map((cell, i) => [report.indicators[i]!.id, jsonCell(cell, report.indicators[i]!)]));
  return (
    JSON.stringify(
      {
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
          list: unit.list,
          standing: unit.standing,
          ...(unit.successors ? { successors: unit.successors } : {}),
          flagged: unit.flagged,
          figures: cells(unit.window),
          ...(unit.years ? { years: Object.fromEntries([...unit.years].map(([year, list]) => [String(year), cells(list)])) } : {}),
        })),
        stats: extra.stats,
        findings: extra.findings.map((f) => findingJson(f, extra.lang)),
        counts: extra.counts,
      },
      null,
      2,
    ) + '\n'
  );
}

