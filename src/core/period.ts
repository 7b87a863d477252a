/**
 * Reporting periods. A return covers a year (`2019`) or part of one (`2019-Q3`, `2019-06`,
 * `2019-H1`); sub-year periods roll up into their year. Months are kept as 1–12 so that a period
 * can be placed before or after the 1 July 2025 reform.
 */

export interface Period {
  /** Canonical label: `2019`, `2019-Q3`, `2019-06`, `2019-H1`. */
  label: string;
  year: number;
  firstMonth: number;
  lastMonth: number;
}

export const MIN_YEAR = 1990;
export const MAX_YEAR = 2100;

function make(year: number, firstMonth: number, lastMonth: number, label: string): Period | null {
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  return { label, year, firstMonth, lastMonth };
}

/**
 * Period texts already parsed, and what they gave: shared by every reader. Periods are never
 * changed once made, so one object serves them all.
 */
const parsedPeriods = new Map<string, Period | null>();
const PARSED_PERIODS = 4096;

/** Parses a period cell; accepts `2019`, `2019-Q3`, `Q3/2019`, `Quý 3/2019`, `2019-06`, `06/2019`, `2019-H1`. */
export function parsePeriod(raw: string): Period | null {
  let period = parsedPeriods.get(raw);
  if (period === undefined) {
    period = readPeriod(raw);
    if (parsedPeriods.size < PARSED_PERIODS) parsedPeriods.set(raw, period);
  }
  return period;
}

function readPeriod(raw: string): Period | null {
  const text = raw
    .trim()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/^(NAM|KY|QUY|THANG)\s*/, (m) => (m.startsWith('QUY') ? 'Q' : m.startsWith('THANG') ? 'T' : ''))
    .replace(/\s+/g, '');
  let m = /^([0-9]{4})(?:\.0+)?$/.exec(text);
  if (m) return make(Number(m[1]), 1, 12, m[1]!);
  m = /^([0-9]{4})[-/]?Q([1-4])$/.exec(text) ?? swap(/^Q([1-4])[-/]([0-9]{4})$/.exec(text));
  if (m) {
    const q = Number(m[2]);
    return make(Number(m[1]), q * 3 - 2, q * 3, `${m[1]}-Q${q}`);
  }
  m = /^([0-9]{4})[-/]?H([12])$/.exec(text) ?? swap(/^H([12])[-/]([0-9]{4})$/.exec(text));
  if (m) {
    const h = Number(m[2]);
    return make(Number(m[1]), h * 6 - 5, h * 6, `${m[1]}-H${h}`);
  }
  m = /^([0-9]{4})[-/]([0-9]{1,2})$/.exec(text) ?? swap(/^T?([0-9]{1,2})[-/]([0-9]{4})$/.exec(text));
  if (m) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return null;
    return make(Number(m[1]), month, month, `${m[1]}-${String(month).padStart(2, '0')}`);
  }
  return null;
}

/** Turns a `(part, year)` match into `(year, part)` order. */
function swap(m: RegExpExecArray | null): RegExpExecArray | null {
  if (!m) return null;
  const out = [m[0], m[2], m[1]] as unknown as RegExpExecArray;
  return out;
}

/** The first month of the two-level system (Resolution 60-NQ/TW): July 2025. */
const REFORM = { year: 2025, month: 7 };

// Shared, not made per call: the plain path asks once per row.
const NEW_LIST = Object.freeze(['new'] as const);
const OLD_LIST = Object.freeze(['old'] as const);
/** One list to look a unit up in, by its name. */
export const ONE_LIST: Readonly<Record<'old' | 'new', readonly ('old' | 'new')[]>> = { old: OLD_LIST, new: NEW_LIST };
const BOTH_LISTS = Object.freeze(['old', 'new'] as const);

/**
 * Which unit lists a period may use: the old three-level list before 1 July 2025, the new one
 * from then on; a period that straddles the date (the year 2025) accepts both.
 */
export function unitSystemsFor(period: Period): readonly ('old' | 'new')[] {
  const startsAfter = period.year > REFORM.year || (period.year === REFORM.year && period.firstMonth >= REFORM.month);
  const endsBefore = period.year < REFORM.year || (period.year === REFORM.year && period.lastMonth < REFORM.month);
  if (startsAfter) return NEW_LIST;
  if (endsBefore) return OLD_LIST;
  return BOTH_LISTS;
}
