/**
 * The indicator catalogue in use, with header matching: a header cell may be an indicator's id,
 * its Vietnamese or English label or an alias, in any case, with or without diacritics.
 */
import type { CatalogueData, Indicator, Programme, Rule } from '../../schemas/catalogue.js';
import { closest, foldKey } from './text.js';

/** The columns that say who reported and for when, with the names people give them. */
export const identityColumns = {
  unit_code: ['unit_code', 'Mã đơn vị', 'Mã ĐVHC', 'Mã đơn vị hành chính', 'Mã xã', 'Mã', 'code', 'unit code'],
  unit_name: ['unit_name', 'Tên đơn vị', 'Đơn vị', 'Tên đơn vị hành chính', 'Tên xã', 'Xã, phường, thị trấn', 'unit', 'unit name', 'name'],
  year: ['year', 'Năm', 'Năm báo cáo'],
  period: ['period', 'Kỳ báo cáo', 'Kỳ', 'Thời kỳ'],
  indicator: ['indicator', 'Chỉ tiêu', 'Mã chỉ tiêu', 'indicator_id'],
  value: ['value', 'Giá trị', 'Số liệu'],
} as const;
export type IdentityColumn = keyof typeof identityColumns;

/** Columns forms carry that hold no figure: row numbers and notes. Read past, never an error. */
const ignoredColumns = ['STT', 'Số thứ tự', 'TT', 'No', 'Ghi chú', 'Note', 'Notes', 'Cấp', 'level', 'Huyện', 'district', 'Tỉnh', 'province'];

export type HeaderMatch =
  | { kind: 'identity'; column: IdentityColumn }
  | { kind: 'indicator'; indicator: Indicator; index: number }
  | { kind: 'ignored' }
  | { kind: 'unknown'; suggestions: string[] };

export class Catalogue {
  readonly indicators: readonly Indicator[];
  readonly rules: readonly Rule[];
  readonly programmes: readonly Programme[];
  private readonly byId = new Map<string, Indicator>();
  private readonly indexById = new Map<string, number>();
  private readonly byKey = new Map<string, HeaderMatch>();

  constructor(data: CatalogueData) {
    this.indicators = data.indicators;
    this.rules = data.rules;
    this.programmes = data.programmes;
    for (const key of ignoredColumns) this.byKey.set(foldKey(key), { kind: 'ignored' });
    for (const [column, names] of Object.entries(identityColumns) as [IdentityColumn, readonly string[]][]) {
      for (const name of names) this.byKey.set(foldKey(name), { kind: 'identity', column });
    }
    this.indicators.forEach((indicator, index) => {
      this.byId.set(indicator.id, indicator);
      this.indexById.set(indicator.id, index);
      const match: HeaderMatch = { kind: 'indicator', indicator, index };
      for (const name of [indicator.id, indicator.label_vi, indicator.label_en, ...indicator.aliases]) {
        const key = foldKey(name);
        // Identity names win: "Đơn vị" must never be read as an indicator alias.
        if (this.byKey.get(key)?.kind !== 'identity') this.byKey.set(key, match);
      }
    });
  }

  indicator(id: string): Indicator | undefined {
    return this.byId.get(id);
  }

  programme(id: string): Programme | undefined {
    // "NĐ06", "nd-06" and "ND06" are one programme.
    const key = foldKey(id).toUpperCase().replace(/[^A-Z0-9]/g, '');
    return this.programmes.find((p) => p.id.replace(/_/g, '') === key);
  }

  indexOf(id: string): number {
    const index = this.indexById.get(id);
    if (index === undefined) throw new Error(`unknown indicator ${id}`);
    return index;
  }

  private readonly matched = new Map<string, HeaderMatch>();

  /** What a header cell (or a long-shape `indicator` cell) refers to. Files of one form share headers: remembered. */
  matchHeader(cell: string): HeaderMatch {
    let match = this.matched.get(cell);
    if (!match) {
      const found = this.byKey.get(foldKey(stripUnitSuffix(cell))) ?? this.byKey.get(foldKey(cell));
      match = found ?? { kind: 'unknown', suggestions: this.suggest(cell) };
      if (this.matched.size < 10_000) this.matched.set(cell, match);
    }
    return match;
  }

  /**
   * Whether a cell names a column antt knows, without working out a "did you mean" for one it
   * does not: what the search for a workbook's header row asks of every cell of its first rows
   * (16,384 columns × 30 rows of suggestions took half a minute).
   */
  knowsHeader(cell: string): boolean {
    const match = this.matched.get(cell) ?? this.byKey.get(foldKey(stripUnitSuffix(cell))) ?? this.byKey.get(foldKey(cell));
    return match !== undefined && (match.kind === 'identity' || match.kind === 'indicator');
  }

  /** The closest indicator ids to an unknown header, for "did you mean". */
  suggest(cell: string): string[] {
    const key = foldKey(cell);
    const names = [...this.byKey.entries()].filter(([, m]) => m.kind === 'indicator' || m.kind === 'identity');
    const found = closest(key, names, ([name]) => name, 6);
    const ids: string[] = [];
    for (const [, match] of found) {
      const id = match.kind === 'indicator' ? match.indicator.id : match.kind === 'identity' ? match.column : '';
      if (id && !ids.includes(id)) ids.push(id);
    }
    return ids.slice(0, 3);
  }
}

/** "Diện tích (ha)" and "Số vụ [vụ]" carry their unit in brackets: match without it. */
function stripUnitSuffix(cell: string): string {
  return cell.replace(/\s*[([][^)\]]*[)\]]\s*$/, '');
}
