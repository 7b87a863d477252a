/**
 * How each kind of indicator adds up (DESIGN §4, STYLE §7). An accumulator takes one unit's
 * figures year by year (`addYear`) and other units' accumulators (`addUnit`); `value` is the
 * figure. Values are scaled integers, so every sum is exact.
 *
 *   kind        addYear (same unit, more years)   addUnit (more units)
 *   flow        sum                                sum
 *   stock       latest year wins                   sum of each unit's latest
 *   unit_count  latest year wins (0/1 or count)    sum: communes that said yes
 *   none        latest year wins                   not additive: no value
 *
 * Ratios are not accumulated: they are computed from their summed parts (see `ratioOf`).
 */
export interface Accumulator {
  addYear(year: number, scaled: number): void;
  addUnit(other: Accumulator): void;
  /** `addUnit` for another unit whose figure is a single year's: no accumulator needed for it. */
  addUnitFigure(year: number, scaled: number): void;
  /** The figure, or null when nothing was added (or, for `none`, when units were combined). */
  value(): number | null;
  /** The latest year added (across units: the latest of any). */
  latestYear(): number | null;
}

class FlowAccumulator implements Accumulator {
  private sum = 0;
  private any = false;
  private latest: number | null = null;

  addYear(year: number, scaled: number): void {
    this.sum += scaled;
    this.any = true;
    if (this.latest === null || year > this.latest) this.latest = year;
  }

  addUnit(other: Accumulator): void {
    const value = other.value();
    const year = other.latestYear();
    if (value !== null && year !== null) this.addUnitFigure(year, value);
  }

  addUnitFigure(year: number, scaled: number): void {
    this.addYear(year, scaled);
  }

  value(): number | null {
    return this.any ? this.sum : null;
  }

  latestYear(): number | null {
    return this.latest;
  }
}

/** A unit's figure at the latest year added: what exists at the end of the window. */
abstract class LatestAccumulator implements Accumulator {
  protected latest: number | null = null;
  protected latestValue = 0;

  addYear(year: number, scaled: number): void {
    if (this.latest === null || year >= this.latest) {
      this.latest = year;
      this.latestValue = scaled;
    }
  }

  abstract addUnit(other: Accumulator): void;
  abstract addUnitFigure(year: number, scaled: number): void;
  abstract value(): number | null;

  latestYear(): number | null {
    return this.latest;
  }
}

/** Stock and unit_count: each unit's latest figure, then summed across units. */
class LatestThenSumAccumulator extends LatestAccumulator {
  private unitsSum = 0;
  private anyUnit = false;

  addUnit(other: Accumulator): void {
    const value = other.value();
    const year = other.latestYear();
    if (value !== null && year !== null) this.addUnitFigure(year, value);
  }

  addUnitFigure(year: number, scaled: number): void {
    // Fold this unit's own latest value in once it becomes one of several.
    if (!this.anyUnit && this.latest !== null) this.unitsSum = this.latestValue;
    this.anyUnit = true;
    this.unitsSum += scaled;
    if (this.latest === null || year > this.latest) this.latest = year;
  }

  value(): number | null {
    if (this.anyUnit) return this.unitsSum;
    return this.latest === null ? null : this.latestValue;
  }
}

/** Not additive (e.g. 86 kinds of model): a unit's own latest figure, never combined. */
class NotAdditiveAccumulator extends LatestAccumulator {
  private combined = false;

  addUnit(other: Accumulator): void {
    if (other.value() !== null) this.combined = true;
  }

  addUnitFigure(): void {
    this.combined = true;
  }

  value(): number | null {
    return this.combined || this.latest === null ? null : this.latestValue;
  }
}

/** Each accumulator, by what it does: kinds.ts says which kind takes which. */
export const accumulators = {
  sum: (): Accumulator => new FlowAccumulator(),
  latestThenSum: (): Accumulator => new LatestThenSumAccumulator(),
  notAdditive: (): Accumulator => new NotAdditiveAccumulator(),
};

/**
 * numerator / denominator as a percentage with `decimals` places, rounded half up, exactly
 * (BigInt arithmetic on the scaled integers). Null when either part is missing or the
 * denominator is zero. `numeratorDecimals`/`denominatorDecimals` are the parts' scales.
 */
export function ratioOf(
  numerator: number | null,
  denominator: number | null,
  numeratorDecimals: number,
  denominatorDecimals: number,
  decimals: number,
): number | null {
  if (numerator === null || denominator === null || denominator === 0) return null;
  // (n / 10^dn) / (d / 10^dd) × 100 × 10^decimals, rounded half up.
  const top = BigInt(numerator) * 10n ** BigInt(denominatorDecimals) * 100n * 10n ** BigInt(decimals);
  const bottom = BigInt(denominator) * 10n ** BigInt(numeratorDecimals);
  return Number((top * 2n + bottom) / (bottom * 2n));
}
