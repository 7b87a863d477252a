/**
 * Duplicate detection (DESIGN §8): whether a row is the first word on its unit and period, the
 * same word again (`duplicate-return`) or another (`conflicting-return`, `conflicting-values`).
 * Wide rows are kept as a fingerprint in the RowTable; long rows (one figure each) figure by
 * figure, together per unit and period, so that rules can be checked once all are in.
 */
import type { Unit } from './gazetteer.js';
import { finding, type Finding } from './findings.js';
import { scaledToPlain } from './numbers.js';
import type { Period } from './period.js';
import type { RowFigure } from './row-reader.js';
import { RowTable } from './row-table.js';

export interface Location {
  file: string;
  line: number | null;
  record: number | null;
}

/** What long rows have given for one unit and period: flat triples (indicator index, scaled value, packed location). */
interface Sighting {
  unit: Unit;
  period: Period;
  triples: number[];
}

/**
 * A wide row's figures in short: their fingerprint and the indicators they cover, in two 32-bit
 * words (catalogue indexes 0–31, then the rest). Indicators past the 64th (a province's own, in
 * its config) share bits: at worst a partial re-submission is taken for a conflict and reported,
 * never silently merged.
 */
export interface WidePrint {
  print: number;
  maskLow: number;
  maskHigh: number;
}

export function unitLabel(unit: Unit): string {
  return `${unit.code} ${unit.name}`;
}

export function placeText(location: Location): string {
  if (location.line !== null) return `${location.file}:${location.line}`;
  if (location.record !== null) return `${location.file}#${location.record}`;
  return location.file;
}

function indexOfIndicator(triples: number[], index: number): number {
  for (let i = 0; i < triples.length; i += 3) if (triples[i] === index) return i;
  return -1;
}

export class RepeatCheck {
  private readonly files: string[] = [];
  private readonly fileIndex = new Map<string, number>();
  private lastFile = '';
  private lastFileNumber = 0;
  private readonly periodIds = new Map<Period, number>();
  private lastIdPeriod: Period | null = null;
  private lastPeriodId = 0;
  /** Wide rows seen, by unit and period: a fingerprint of their figures and where they were read. */
  private readonly rows = new RowTable();
  private readonly sightings = new Map<number, Sighting>();

  /** A file begins: its number is given now (rows come file by file). */
  beginFile(file: string): void {
    if (!this.fileIndex.has(file)) {
      this.fileIndex.set(file, this.files.length);
      this.files.push(file);
    }
    this.fileNumber(file);
  }

  /**
   * A wide row that kept its rules: null when it is the first word on its unit and period (or
   * other columns of it: two forms, both count), else the finding that says it repeats.
   */
  wide(unit: Unit, period: Period, figures: WidePrint, where: Location): Finding | null {
    const key = this.rowKey(unit, period);
    const { print, maskLow, maskHigh } = figures;
    if (this.rows.putNew(key, print, maskLow, maskHigh, this.fileNumber(where.file), where.line ?? where.record ?? 0)) return null;
    const seen = this.rows.get(key)!;
    const overlap = (seen.maskLow & maskLow) !== 0 || (seen.maskHigh & maskHigh) !== 0;
    if (!overlap) {
      this.rows.set(key, { ...seen, fingerprint: (seen.fingerprint + print) >>> 0, maskLow: (seen.maskLow | maskLow) >>> 0, maskHigh: (seen.maskHigh | maskHigh) >>> 0 });
      return null;
    }
    const first = placeText({ file: this.files[seen.file] ?? '', line: seen.line || null, record: null });
    const same = seen.maskLow === maskLow && seen.maskHigh === maskHigh && seen.fingerprint === print;
    return finding(same ? 'duplicate-return' : 'conflicting-return', { ...where, unit: unitLabel(unit), params: { period: period.label, first } });
  }

  /**
   * Long rows' figures, compared figure by figure with what came before for the unit and period:
   * the findings, or (none) the figures not given before, now kept.
   */
  long(unit: Unit, period: Period, values: readonly RowFigure[], where: Location): { findings: Finding[]; fresh: RowFigure[] } {
    const key = this.rowKey(unit, period);
    let sighting = this.sightings.get(key);
    if (!sighting) {
      sighting = { unit, period, triples: [] };
      this.sightings.set(key, sighting);
    }
    const findings: Finding[] = [];
    const fresh: RowFigure[] = [];
    for (const value of values) {
      const at = indexOfIndicator(sighting.triples, value.index);
      if (at < 0) {
        fresh.push(value);
        continue;
      }
      const earlier = sighting.triples[at + 1]!;
      const first = placeText(this.unpack(sighting.triples[at + 2]!));
      findings.push(
        earlier === value.scaled
          ? finding('duplicate-return', { ...where, unit: unitLabel(unit), params: { period: period.label, first } })
          : finding('conflicting-values', {
              ...where,
              column: value.column,
              unit: unitLabel(unit),
              indicator: value.indicator.id,
              value: scaledToPlain(value.scaled, value.indicator.decimals),
              params: {
                period: period.label,
                first,
                firstValue: scaledToPlain(earlier, value.indicator.decimals),
                thisValue: scaledToPlain(value.scaled, value.indicator.decimals),
              },
            }),
      );
    }
    if (findings.length > 0) return { findings, fresh: [] };
    const packed = this.pack(where);
    for (const value of fresh) sighting.triples.push(value.index, value.scaled, packed);
    return { findings, fresh };
  }

  /**
   * Each unit and period given in long rows: its figure of an indicator (by catalogue index, null
   * for none) and where that figure was read.
   */
  eachLong(visit: (unit: Unit, period: Period, valueOf: (index: number) => number | null, placeOf: (index: number) => Location | null) => void): void {
    for (const { unit, period, triples } of this.sightings.values()) {
      visit(
        unit,
        period,
        (index) => {
          const at = indexOfIndicator(triples, index);
          return at < 0 ? null : triples[at + 1]!;
        },
        (index) => {
          const at = indexOfIndicator(triples, index);
          return at < 0 ? null : this.unpack(triples[at + 2]!);
        },
      );
    }
  }

  /** A file's index (rows come file by file: the last one is kept at hand). */
  private fileNumber(file: string): number {
    if (file !== this.lastFile) {
      this.lastFile = file;
      this.lastFileNumber = this.fileIndex.get(file) ?? 0;
    }
    return this.lastFileNumber;
  }

  private periodId(period: Period): number {
    // Rows of one period usually follow each other.
    if (period === this.lastIdPeriod) return this.lastPeriodId;
    let id = this.periodIds.get(period);
    if (id === undefined) {
      id = this.periodIds.size;
      this.periodIds.set(period, id);
    }
    this.lastIdPeriod = period;
    this.lastPeriodId = id;
    return id;
  }

  /** A unit and period as one number: the unit's place in its list and the period's id (no string built per row). */
  private rowKey(unit: Unit, period: Period): number {
    return ((unit.system === 'old' ? 0 : 1) + unit.order * 2) * 65_536 + this.periodId(period);
  }

  /** A location as one number (file index × 2³² + line), so that each accepted figure costs 8 bytes. */
  private pack(where: Location): number {
    return (this.fileIndex.get(where.file) ?? 0) * 2 ** 32 + (where.line ?? where.record ?? 0);
  }

  private unpack(packed: number): Location {
    const file = this.files[Math.floor(packed / 2 ** 32)] ?? '';
    const line = packed % 2 ** 32;
    return { file, line: line === 0 ? null : line, record: null };
  }
}
