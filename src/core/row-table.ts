/**
 * What a wide row said for a unit and period, kept in typed arrays rather than one object per
 * row: a national monthly run sees 1.2 million unit-periods, and the memory must not grow with
 * them faster than the figures themselves. Keyed by a number (the unit's place in its list × 2^16
 * + the period's id), holding for each key the set of indicators the row reported (a bit mask),
 * a 32-bit fingerprint of its figures, and where it was read.
 *
 * Laid out in pages, not hashed: a page holds one period's entries for 64 consecutive units of
 * one list, five 32-bit words each (fingerprint, the two masks, file + 1 — 0 for none — and
 * line), 1,280 bytes. A return's rows come period after period, unit after unit, so row after row
 * lands next to the one before, in a page already at hand. A hash table put each row in a slot
 * of its own anywhere in the table: on one thread the national monthly set's duplicate check was
 * a tenth of the run, most of it waiting for memory, and its 1.2 million slots took 48 MB where
 * these pages take 24.
 *
 * Pages are kept in chunks of 256 that never move, not in one array doubled as it fills: the
 * national monthly set's 24 MB of pages were copied again at every doubling (2% of a run on one
 * thread, in the profile) and held in a 42 MB array, with its 21 MB predecessor beside it while
 * it was copied.
 */

const WORDS = 5;
const FINGERPRINT = 0;
const MASK_LOW = 1;
const MASK_HIGH = 2;
/** The file's index + 1: 0 is an empty slot. */
const FILE = 3;
const LINE = 4;
/** Units a page holds (of one list, for one period). */
const PAGE_UNITS = 64;
const PAGE_WORDS = PAGE_UNITS * WORDS;
/** Pages a chunk holds: 320 KB, which the operating system gives as untouched zeros until used. */
const CHUNK_SHIFT = 8;
const CHUNK_PAGES = 1 << CHUNK_SHIFT;
const CHUNK_WORDS = CHUNK_PAGES * PAGE_WORDS;
/**
 * A page's key: (period id × 2 + list + 1) × 2^32 + the unit's place ÷ 64 (places below 2^31).
 * Never a small integer, so always a double to V8: keys that started small and grew past 2^31
 * made the compiled arithmetic overflow, and the array of keys change its kind, each throwing
 * away the rows' compiled code (seen in V8's deoptimisation trace, in every thread).
 */
const PAGE_SPAN = 2 ** 32;

export interface RowEntry {
  /** 32 bits: two different rows of one unit and period share one with a chance of 2^-32. */
  fingerprint: number;
  maskLow: number;
  maskHigh: number;
  file: number;
  line: number;
}

/** No chunk yet: what `chunk` is until the first key is looked up. */
const NO_CHUNK = new Uint32Array(0);

export class RowTable {
  /** The pages, CHUNK_PAGES to a chunk, in the order they were made. */
  private readonly chunks: Uint32Array[] = [];
  /** Each page's key, in the order they were made: the first `pages`. */
  private pageKeys = new Float64Array(4);
  private pages = 0;
  private readonly pageAt = new Map<number, number>();
  private count = 0;
  // The page of the last key asked for: the next row's is nearly always the same one. NaN (no
  // page) and not -1: page keys pass 2^31, and a field that goes from a small integer to a double
  // gives the table a new hidden class, which throws away the compiled code that reads any of its
  // fields (seen in V8's deoptimisation trace, in every thread).
  private lastPageKey = NaN;
  /** The last key's page: its chunk, and the page's first word there (set by `slotOf`). */
  private chunk: Uint32Array = NO_CHUNK;
  private lastPage = 0;
  /** The first word of the last key's slot in `chunk` (set by `slotOf`). */
  private at = 0;

  get size(): number {
    return this.count;
  }

  /**
   * Sets `chunk` and `at` to the chunk and first word of the key's slot, and returns true; or
   * false, when its page does not exist and `make` is false.
   */
  private slotOf(key: number, make: boolean): boolean {
    const unitSlot = Math.floor(key / 65_536);
    const period = key - unitSlot * 65_536;
    // unitSlot is the unit's place × 2 + its list (see ReturnChecker.rowKey): below 2^32.
    const place = unitSlot >>> 1;
    const pageKey = (period * 2 + (unitSlot & 1) + 1) * PAGE_SPAN + (place >>> 6);
    const within = (place & (PAGE_UNITS - 1)) * WORDS;
    if (pageKey === this.lastPageKey) {
      this.at = this.lastPage + within;
      return true;
    }
    let page = this.pageAt.get(pageKey);
    if (page === undefined) {
      if (!make) return false;
      page = this.newPage(pageKey);
    }
    this.lastPageKey = pageKey;
    this.chunk = this.chunks[page >>> CHUNK_SHIFT]!;
    this.lastPage = (page & (CHUNK_PAGES - 1)) * PAGE_WORDS;
    this.at = this.lastPage + within;
    return true;
  }

  /** A new page for the key; returns its number. */
  private newPage(pageKey: number): number {
    const page = this.pages;
    if (page >>> CHUNK_SHIFT === this.chunks.length) this.chunks.push(new Uint32Array(CHUNK_WORDS));
    if (this.pages === this.pageKeys.length) {
      const keys = new Float64Array(this.pages * 2);
      keys.set(this.pageKeys);
      this.pageKeys = keys;
    }
    this.pageKeys[this.pages++] = pageKey;
    this.pageAt.set(pageKey, page);
    return page;
  }

  get(key: number): RowEntry | null {
    if (!this.slotOf(key, false)) return null;
    const w = this.chunk;
    const at = this.at;
    if (w[at + FILE] === 0) return null;
    return { fingerprint: w[at + FINGERPRINT]!, maskLow: w[at + MASK_LOW]!, maskHigh: w[at + MASK_HIGH]!, file: w[at + FILE]! - 1, line: w[at + LINE]! };
  }

  /**
   * Adds the key if it is new (no entry object: most rows' keys are new) and returns true;
   * returns false, changing nothing, if it is there already.
   */
  putNew(key: number, fingerprint: number, maskLow: number, maskHigh: number, file: number, line: number): boolean {
    this.slotOf(key, true);
    if (this.chunk[this.at + FILE] !== 0) return false;
    this.write(fingerprint, maskLow, maskHigh, file, line);
    return true;
  }

  set(key: number, entry: RowEntry): void {
    this.put(key, entry.fingerprint, entry.maskLow, entry.maskHigh, entry.file, entry.line);
  }

  put(key: number, fingerprint: number, maskLow: number, maskHigh: number, file: number, line: number): void {
    this.slotOf(key, true);
    this.write(fingerprint, maskLow, maskHigh, file, line);
  }

  /** Into the slot `slotOf` found. */
  private write(fingerprint: number, maskLow: number, maskHigh: number, file: number, line: number): void {
    const w = this.chunk;
    const at = this.at;
    if (w[at + FILE] === 0) this.count++;
    w[at + FINGERPRINT] = fingerprint;
    w[at + MASK_LOW] = maskLow;
    w[at + MASK_HIGH] = maskHigh;
    // Files beyond 65,534 in one run share an index: only the place named in a message suffers.
    w[at + FILE] = Math.min(file, 0xfffe) + 1;
    w[at + LINE] = line;
  }
}

/**
 * A 32-bit fingerprint of a row's figures, whatever the order of its columns: mixes of
 * (indicator, value) pairs, summed so that order does not matter.
 */
export function fingerprint(values: readonly { index: number; scaled: number }[]): number {
  let a = 0;
  for (let i = 0; i < values.length; i++) a = (a + figurePrint(values[i]!.index, values[i]!.scaled)) >>> 0;
  return a;
}

/** One figure's part of a row's fingerprint (see `fingerprint`, which adds them up modulo 2^32). */
export function figurePrint(index: number, scaled: number): number {
  // Most figures fit 32 bits: the same words without a floating-point remainder and division.
  const small = (scaled | 0) === scaled;
  const lo = small ? scaled : scaled % 4294967296 | 0;
  const hi = small ? (scaled < 0 ? -1 : 0) : Math.floor(scaled / 4294967296) | 0;
  return mix(index * 0x45d9f3b + lo, hi);
}

function mix(x: number, y: number): number {
  let h = Math.imul(x ^ (x >>> 16), 0x7feb352d) ^ Math.imul(y + 0x9e3779b9, 0x846ca68b);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  return (h ^ (h >>> 12)) >>> 0;
}
