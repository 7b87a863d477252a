/**
 * The digit lane between the CSV reader and the row reader. Kept in the core: the checker and the
 * row reader read it, the CSV reader (io/csv-records.ts) fills it.
 */

/**
 * What a plain line's figure cells may be handed over as, instead of a string each: a national
 * run has fifteen million cells, and making a string of each was a fifth of its time.
 * `factors[position]` is the scale (10^decimals) of a quantity figure column, or 0; a cell there
 * that is 1–15 digits, whose value times the scale is a safe integer, arrives as `DIGITS`, with
 * its value (not scaled) in `values[position]`, valid while the record is handled. The reader
 * reads such a cell as it reads those digits (see core/row-reader.ts).
 */
export interface DigitLane {
  factors: Float64Array;
  values: Float64Array;
}

/**
 * Stands for a cell of plain digits whose value is in the lane: never the text of a cell, since
 * a record holding a NUL is rejected as not text before any cell is read.
 */
export const DIGITS = '\u0000digits';
