/**
 * A return's header, planned once: which column holds the unit, the period and each indicator,
 * whether the file is wide or long, which rules its rows can break, and what is wrong with it
 * (unknown, duplicate or computed columns; a missing unit or period column).
 */
import type { Indicator } from '../../schemas/catalogue.js';
import type { UnitLevel } from '../../schemas/units.js';
import type { Catalogue, IdentityColumn } from './catalogue.js';
import type { FindingCode, Params } from './findings.js';
import { kindOf } from './kinds.js';
import type { NumberConvention } from './numbers.js';
import type { RowReader } from './row-reader.js';
import { rulesFor, type CompiledRule } from './rules.js';

/** One column of a header, as planned. */
export interface ColumnPlan {
  position: number;
  header: string;
}

export interface HeaderPlan {
  identity: Partial<Record<IdentityColumn, ColumnPlan>>;
  shape: 'wide' | 'long';
  /** Wide shape: the indicator columns. */
  values: (ColumnPlan & { indicator: Indicator; index: number })[];
  width: number;
  usable: boolean;
  /** The row readers made for this header, by unit level (see FileChecker.readerFor). */
  readers: Map<UnitLevel, RowReader>;
  /** Header text → 0-based column position, to name a spreadsheet cell. */
  positions: Map<string, number>;
  /** 0-based column position → header text. */
  headerOf: Map<number, string>;
  /** The rules a row of this header can break. */
  rules: CompiledRule[];
  /** The reader readerFor gave last, and its level. */
  lastReader: RowReader | null;
  lastReaderLevel: UnitLevel | null;
}

/** What is wrong with a header: a column's problem (`header` set) or a missing column. */
export interface HeaderProblem {
  code: FindingCode;
  header: string | null;
  indicator?: string;
  value?: string;
  params: Params;
}

export class HeaderPlanner {
  /**
   * Plans of headers that had no problem, by number convention and header text: a folder's
   * returns share one form, and each file would otherwise match its columns against the catalogue
   * and compile its row readers again (Sơn La's sample: 134 files, one header).
   */
  private readonly shared = new Map<string, HeaderPlan>();

  constructor(
    private readonly catalogue: Catalogue,
    private readonly rules: readonly CompiledRule[],
  ) {}

  plan(cells: readonly string[], convention: NumberConvention): { plan: HeaderPlan; problems: HeaderProblem[] } {
    const sharedKey = `${convention}\u0001${cells.join('\u0000')}`;
    const known = this.shared.get(sharedKey);
    if (known) return { plan: known, problems: [] };
    const problems: HeaderProblem[] = [];
    const plan: HeaderPlan = { identity: {}, shape: 'wide', values: [], width: cells.length, usable: true, readers: new Map(), positions: new Map(), headerOf: new Map(), rules: [], lastReader: null, lastReaderLevel: null };
    const seen = new Map<string, string>();
    cells.forEach((raw, position) => {
      const header = raw.normalize('NFC').trim();
      if (header === '') return;
      if (!plan.positions.has(header)) plan.positions.set(header, position);
      plan.headerOf.set(position, header);
      const match = this.catalogue.matchHeader(header);
      if (match.kind === 'identity') {
        plan.identity[match.column] ??= { position, header };
      } else if (match.kind === 'indicator') {
        const indicator = match.indicator;
        if (kindOf(indicator).cells === 'computed') {
          problems.push({ code: 'computed-column', header, indicator: indicator.id, params: { numerator: indicator.numerator, denominator: indicator.denominator } });
          return;
        }
        const other = seen.get(indicator.id);
        if (other !== undefined) {
          problems.push({ code: 'duplicate-column', header, indicator: indicator.id, params: { other } });
          return;
        }
        seen.set(indicator.id, header);
        plan.values.push({ position, header, indicator, index: match.index });
      } else if (match.kind === 'unknown') {
        problems.push({ code: 'unknown-column', header, value: header, params: { suggestions: match.suggestions.join(', ') || null } });
      }
    });
    plan.shape = plan.identity.indicator && plan.identity.value ? 'long' : 'wide';
    if (!plan.identity.unit_code && !plan.identity.unit_name) problems.push({ code: 'missing-column', header: null, params: { needed: 'unit_code / unit_name', example: '"Mã đơn vị"' } });
    if (!plan.identity.year && !plan.identity.period) problems.push({ code: 'missing-column', header: null, params: { needed: 'year / period', example: '"Năm"' } });
    plan.usable = !problems.some((p) => p.code === 'missing-column');
    if (plan.usable && plan.shape === 'wide') plan.rules = rulesFor(this.rules, plan.values.map((v) => v.index));
    if (problems.length === 0) this.shared.set(sharedKey, plan);
    return { plan, problems };
  }
}
