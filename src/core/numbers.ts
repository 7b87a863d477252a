/**
 * Vietnamese and international number forms, parsed to exact scaled integers.
 *
 * A figure is kept as an integer count of its smallest allowed step: 23,7 ha with one decimal is
 * 237. Sums of such integers are exact, so 10 years of hectares never pick up float noise.
 *
 * Which mark is the decimal mark is decided per cell, by what is unambiguous for the indicator
 * (DESIGN §5): a count has no decimals, so `17.429` and `17,429` are both 17429; for hectares
 * `23,7` is 23.7, and `1.250` is ambiguous unless the file says which convention it follows.
 */

/** How a file writes numbers, when it tells us (a `;`-delimited CSV comes from vi-VN Excel). */
export type NumberConvention = 'vi' | 'international' | 'unknown';

export type CellValue =
  | { status: 'value'; scaled: number }
  | { status: 'not-reported' }
  | { status: 'not-collected' };

export type CellProblemCode =
  | 'bad-number'
  | 'ambiguous-number'
  | 'negative-number'
  | 'too-many-decimals'
  | 'number-too-large'
  | 'bad-yes-no';

export interface CellProblem {
  status: 'invalid';
  code: CellProblemCode;
  /** Extra facts for the message: the two readings of an ambiguous number, the allowed decimals. */
  params: Record<string, string | number>;
}

export type CellResult = CellValue | CellProblem;

const NOT_REPORTED: CellValue = { status: 'not-reported' };
const NOT_COLLECTED: CellValue = { status: 'not-collected' };
const ZERO: CellValue = { status: 'value', scaled: 0 };

/** GSO yearbook convention: a dash means "none occurred", an ellipsis "occurred, not collected". */
const DASHES = new Set(['-', '–', '—', '−']);
const ELLIPSES = new Set(['...', '…', '..', '....']);

// Thousands groups: the first group has no leading zero (0.500 is not five hundred).
const SPACE_GROUPED = /^[1-9][0-9]{0,2}(?:[ \u00a0\u202f][0-9]{3})+(?:[.,][0-9]+)?$/;
const DIGITS_AND_MARKS = /^[0-9.,]+$/;
const GROUPED = (mark: string) => new RegExp(`^[1-9][0-9]{0,2}(?:\\${mark}[0-9]{3})+$`);
const GROUPED_DOT = GROUPED('.');
const GROUPED_COMMA = GROUPED(',');

function invalid(code: CellProblemCode, params: Record<string, string | number> = {}): CellProblem {
  return { status: 'invalid', code, params };
}

/** Digits of an integer part and a fraction part → scaled integer, or a problem. */
function toScaled(intDigits: string, fracDigits: string, decimals: number): CellResult {
  const fraction = fracDigits.replace(/0+$/, '');
  if (fraction.length > decimals) {
    return invalid('too-many-decimals', { decimals, given: fraction.length });
  }
  const digits = (intDigits + fraction.padEnd(decimals, '0')).replace(/^0+(?=[0-9])/, '');
  const scaled = Number(digits);
  if (!Number.isSafeInteger(scaled)) return invalid('number-too-large', {});
  return { status: 'value', scaled };
}

/**
 * Parses a cell of a quantity indicator with `decimals` allowed decimal places.
 * `convention` breaks the tie for a single mark followed by exactly three digits.
 */
export function parseQuantity(raw: string, decimals: number, convention: NumberConvention = 'unknown'): CellResult {
  if (raw === '') return NOT_REPORTED;
  // Most cells are plain digits: read them without a regular expression.
  const plain = plainDigits(raw);
  if (plain >= 0) {
    const scaled = plain * 10 ** decimals;
    if (Number.isSafeInteger(scaled)) return { status: 'value', scaled };
  }
  let text = raw.trim().replace(/^[\u00a0\u202f]+|[\u00a0\u202f]+$/g, '');
  if (text === '') return NOT_REPORTED;
  if (DASHES.has(text)) return ZERO;
  if (ELLIPSES.has(text)) return NOT_COLLECTED;
  if (/^[-−–(]\s*[0-9]/.test(text)) return invalid('negative-number');
  if (SPACE_GROUPED.test(text)) text = text.replace(/[ \u00a0\u202f]/g, '');
  if (!DIGITS_AND_MARKS.test(text)) {
    return invalid('bad-number', { reason: text.endsWith('%') ? 'percent' : 'not-a-number' });
  }
  const dots = countOf(text, '.');
  const commas = countOf(text, ',');

  if (dots === 0 && commas === 0) return toScaled(text, '', decimals);

  if (dots > 0 && commas > 0) {
    // Both marks: the last one is the decimal mark, the other groups thousands (1.234,5 or 1,234.5).
    const decimalMark = text.lastIndexOf('.') > text.lastIndexOf(',') ? '.' : ',';
    const groupMark = decimalMark === '.' ? ',' : '.';
    const at = text.lastIndexOf(decimalMark);
    const intPart = text.slice(0, at);
    const fracPart = text.slice(at + 1);
    if (countOf(text, decimalMark) !== 1 || fracPart === '' || !(groupMark === '.' ? GROUPED_DOT : GROUPED_COMMA).test(intPart)) {
      return invalid('bad-number', { reason: 'misplaced-separators' });
    }
    return toScaled(intPart.split(groupMark).join(''), fracPart, decimals);
  }

  const mark = dots > 0 ? '.' : ',';
  const count = dots > 0 ? dots : commas;
  if (count > 1) {
    // Several of one mark can only be thousands grouping: 1.234.567 or 1,234,567.
    if (!(mark === '.' ? GROUPED_DOT : GROUPED_COMMA).test(text)) return invalid('bad-number', { reason: 'misplaced-separators' });
    return toScaled(text.split(mark).join(''), '', decimals);
  }

  const at = text.indexOf(mark);
  const intPart = text.slice(0, at);
  const fracPart = text.slice(at + 1);
  if (intPart === '' || fracPart === '') return invalid('bad-number', { reason: 'misplaced-separators' });
  const couldBeGrouping = fracPart.length === 3 && intPart.length <= 3 && !intPart.startsWith('0');
  if (!couldBeGrouping) return toScaled(intPart, fracPart, decimals);

  // One mark followed by exactly three digits: 17.429 is seventeen thousand… or 17 point 429.
  const groupingReading = () => toScaled(intPart + fracPart, '', decimals);
  if (decimals === 0) return groupingReading();
  if (convention === 'vi') return mark === '.' ? groupingReading() : toScaled(intPart, fracPart, decimals);
  if (convention === 'international') return mark === ',' ? groupingReading() : toScaled(intPart, fracPart, decimals);
  return invalid('ambiguous-number', {
    asThousands: intPart + fracPart,
    asDecimal: `${intPart}.${fracPart}`,
    decimals,
  });
}

const YES = new Set(['co', 'c', 'x', 'yes', 'y', 'true', '1', 'dat', 'v', '✓', '✔']);
const NO = new Set(['khong', 'k', 'no', 'n', 'false', '0', 'chua dat', 'chua']);

/**
 * Parses a cell of a `unit_count` indicator. A commune answers yes/no (có/không, x, 1/0,
 * true/false); a district or province return gives the number of its communes that said yes.
 */
export function parseYesNoOrCount(raw: string, unitLevel: 'commune' | 'district' | 'province' | null): CellResult {
  const text = raw.trim();
  if (text === '') return NOT_REPORTED;
  if (DASHES.has(text)) return ZERO;
  if (ELLIPSES.has(text)) return NOT_COLLECTED;
  const folded = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
  if (YES.has(folded)) return { status: 'value', scaled: 1 };
  if (NO.has(folded)) return { status: 'value', scaled: 0 };
  if (unitLevel !== 'commune') {
    const count = parseQuantity(text, 0);
    if (count.status !== 'invalid') return count;
    if (count.code !== 'bad-number') return count;
  }
  return invalid('bad-yes-no', { level: unitLevel ?? 'commune' });
}

/** A JSON number is machine-written: `.` is the decimal mark and there is no grouping. */
export function parseMachineNumber(value: number, decimals: number): CellResult {
  if (!Number.isFinite(value)) return invalid('bad-number', { reason: 'not-a-number' });
  if (value < 0) return invalid('negative-number');
  const text = String(value);
  if (/e/i.test(text)) {
    return Number.isSafeInteger(value) ? toScaled(text, '', decimals) : invalid('number-too-large', {});
  }
  const [intPart = '0', fracPart = ''] = text.split('.');
  return toScaled(intPart, fracPart, decimals);
}

/** The value of a cell of 1–15 ASCII digits, else -1. */
export function plainDigits(text: string): number {
  const n = text.length;
  if (n === 0 || n > 15) return -1;
  let value = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    value = value * 10 + c;
  }
  return value;
}

function countOf(text: string, ch: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text[i] === ch) n++;
  return n;
}

/** Exact decimal text of a scaled integer: (237, 1) → "23.7"; (2500, 0) → "2500". */
export function scaledToPlain(scaled: number, decimals: number): string {
  if (decimals === 0) return String(scaled);
  const negative = scaled < 0;
  const digits = String(Math.abs(scaled)).padStart(decimals + 1, '0');
  const intPart = digits.slice(0, digits.length - decimals);
  const fracPart = digits.slice(digits.length - decimals).replace(/0+$/, '');
  return (negative ? '-' : '') + intPart + (fracPart ? '.' + fracPart : '');
}

/** Vietnamese display: (17429, 0) → "17.429"; (237, 1) → "23,7". */
export function scaledToVietnamese(scaled: number, decimals: number): string {
  const plain = scaledToPlain(scaled, decimals);
  const [intPart = '0', fracPart] = plain.replace('-', '').split('.');
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return (plain.startsWith('-') ? '-' : '') + grouped + (fracPart ? ',' + fracPart : '');
}

/** English display: (17429, 0) → "17,429"; (237, 1) → "23.7". */
export function scaledToEnglish(scaled: number, decimals: number): string {
  const plain = scaledToPlain(scaled, decimals);
  const [intPart = '0', fracPart] = plain.replace('-', '').split('.');
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (plain.startsWith('-') ? '-' : '') + grouped + (fracPart ? '.' + fracPart : '');
}
