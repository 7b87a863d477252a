/**
 * Text helpers for matching Vietnamese names and headers.
 *
 * Names are display labels, never keys, but people type them in many ways: NFD from Macs and
 * some keyboards, no diacritics ("Son La"), upper case, with or without "Xã"/"Huyện". `foldKey`
 * maps all of those to one comparison key; the original text is always kept for display.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** NFC form, with runs of white space (including NBSP) collapsed to one space and trimmed. */
export function tidy(text: string): string {
  return text.normalize('NFC').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

/** Case- and diacritic-insensitive key: "Thị trấn Sông Mã" → "thi tran song ma". */
export function foldKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[_\-–—.,;:()/\\[\]"'`]+/g, ' ')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim();
}

/** Unit-type prefixes, folded, longest first so "thanh pho" wins over nothing. */
const UNIT_PREFIXES = [
  'thanh pho trung uong',
  'thanh pho',
  'thi tran',
  'thi xa',
  'dac khu',
  'phuong',
  'huyen',
  'quan',
  'tinh',
  'xa',
  'tp',
  'tt',
];

/** Folded name with its unit-type prefix removed: "Xã Mường Sai" → "muong sai". */
export function foldUnitName(name: string): string {
  const key = foldKey(name);
  for (const prefix of UNIT_PREFIXES) {
    if (key.startsWith(prefix + ' ') && key.length > prefix.length + 1) {
      return key.slice(prefix.length + 1);
    }
  }
  return key;
}

/** Levenshtein distance, bounded: returns `limit + 1` as soon as the distance exceeds `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

/**
 * The candidates closest to `wanted` (already folded), best first: those within a distance that
 * grows with the length of the word, so "Muong Sia" finds "Mường Sai" but "a" finds nothing.
 */
export function closest<T>(wanted: string, candidates: Iterable<T>, keyOf: (c: T) => string, max = 3): T[] {
  const limit = Math.max(1, Math.floor(wanted.length / 3));
  const scored: { candidate: T; distance: number }[] = [];
  for (const candidate of candidates) {
    const key = keyOf(candidate);
    let distance = editDistance(wanted, key, limit);
    if (distance > limit && key.length > 3 && (key.includes(wanted) || wanted.includes(key))) {
      distance = limit;
    }
    if (distance <= limit) scored.push({ candidate, distance });
  }
  scored.sort((x, y) => x.distance - y.distance);
  return scored.slice(0, max).map((s) => s.candidate);
}
