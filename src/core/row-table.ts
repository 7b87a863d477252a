/**
 * What a wide row said for a unit and period, kept in one typed array rather than one object
 * per row: a national monthly run sees 1.2 million unit-periods, and the memory must not grow
 * with them faster than the figures themselves. An open-addressing hash table keyed by a number
 * (the unit's place in its list and the period's id), holding for each key the set of indicators
 * the row reported (a bit mask), a 32-bit fingerprint of its figures, and where it was read.
 *
 * A slot is six 32-bit words side by side — key (low word), key (high 16 bits) with the file
 * index above them, fingerprint, the two masks, line — so that a look-up touches one cache line,
 * not six arrays: 24 bytes a slot. Keys are below 2^48 (a unit's place × 2^16 + a period id).
 */

const WORDS = 6;
const KEY_LOW = 0;
const KEY_HIGH_FILE = 1;
const FINGERPRINT = 2;
const MASK_LOW = 3;
const MASK_HIGH = 4;
const LINE = 5;
/** In the key-high-and-file word: no entry (a real one has a key below 2^48 and a file below 0xffff). */
const EMPTY = 0xffffffff;
const TWO_32 = 4294967296;

export interface RowEntry {
  /** 32 bits: two different rows of one unit and period share one with a chance of 2^-32. */
  fingerprint: number;
  maskLow: number;
  maskHigh: number;
  file: number;
  line: number;
}

/**
 * The entries of a table, in slot order, as columns (to send to another thread, which may keep
 * them a long while): 16 bytes an entry in the usual case, since columns that say nothing are
 * left out — keys in 32 bits when all fit, no high masks when all are 0 (a catalogue's first 32
 * indicators), one file when all are from one. Read them with `columnAt`.
 */
export interface RowColumns {
  keys: Float64Array | Uint32Array;
  fingerprints: Uint32Array;
  masksLow: Uint32Array;
  /** Empty: every high mask is 0. */
  masksHigh: Uint32Array;
  /** One element: every entry's file. */
  files: Uint16Array;
  lines: Uint32Array;
}

/** Entry `i` of a column that may have been left out (empty: 0) or kept once (one element). */
export function columnAt(column: Uint32Array | Uint16Array, i: number): number {
  return column.length === 0 ? 0 : column.length === 1 ? column[0]! : column[i]!;
}

/** Filled to three quarters before it doubles: 24 bytes a slot, about 32–48 a row. */
const LOAD = 0.75;

export class RowTable {
  // Assigned by allocate(), which the constructor calls.
  private words!: Uint32Array;
  private capacity = 0;
  private count = 0;

  // Small to start with (it doubles as it fills): a worker makes a table per file, and a folder
  // may hold ten thousand one-row files.
  constructor(capacity = 1 << 6) {
    this.allocate(capacity);
  }

  /**
   * A table that holds about `rows` keys without doubling (up to 3 MiB of slots up front: a
   * worker's batch is at most a megabyte of text); it still grows past them if need be.
   */
  static forRows(rows: number): RowTable {
    let capacity = 1 << 6;
    while (capacity * LOAD < rows && capacity < 1 << 17) capacity *= 2;
    return new RowTable(capacity);
  }

  /** An empty table of `capacity` slots (a power of two). */
  private allocate(capacity: number): void {
    this.words = emptySlots(capacity);
    this.capacity = capacity;
    this.count = 0;
  }

  get size(): number {
    return this.count;
  }

  /** The first word of the key's slot: its own, or the empty one where it would go. */
  private slotOf(key: number): number {
    const low = key >>> 0;
    const high = Math.floor(key / TWO_32);
    // Keys are integers whose low bits vary little (the period): mix every bit into the low ones
    // that pick the slot (murmur3's finaliser), or the probes would pile up.
    let h = (key | 0) ^ Math.imul(high | 0, 0x9e3779b1);
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    h = (h ^ (h >>> 16)) >>> 0;
    const words = this.words;
    for (;;) {
      const at = (h & (this.capacity - 1)) * WORDS;
      const highFile = words[at + KEY_HIGH_FILE]!;
      if (highFile === EMPTY || (words[at + KEY_LOW] === low && (highFile & 0xffff) === high)) return at;
      h = (h + 1) >>> 0;
    }
  }

  private isEmpty(at: number): boolean {
    return this.words[at + KEY_HIGH_FILE] === EMPTY;
  }

  get(key: number): RowEntry | null {
    const at = this.slotOf(key);
    if (this.isEmpty(at)) return null;
    const w = this.words;
    return { fingerprint: w[at + FINGERPRINT]!, maskLow: w[at + MASK_LOW]!, maskHigh: w[at + MASK_HIGH]!, file: w[at + KEY_HIGH_FILE]! >>> 16, line: w[at + LINE]! };
  }

  /**
   * Adds the key if it is new (one probe, no entry object: most rows' keys are new) and returns
   * true; returns false, changing nothing, if it is there already.
   */
  putNew(key: number, fingerprint: number, maskLow: number, maskHigh: number, file: number, line: number): boolean {
    if (this.count + 1 > this.capacity * LOAD) this.grow();
    const at = this.slotOf(key);
    if (!this.isEmpty(at)) return false;
    this.write(at, key, fingerprint, maskLow, maskHigh, file, line);
    return true;
  }

  set(key: number, entry: RowEntry): void {
    this.put(key, entry.fingerprint, entry.maskLow, entry.maskHigh, entry.file, entry.line);
  }

  put(key: number, fingerprint: number, maskLow: number, maskHigh: number, file: number, line: number): void {
    if (this.count + 1 > this.capacity * LOAD) this.grow();
    this.write(this.slotOf(key), key, fingerprint, maskLow, maskHigh, file, line);
  }

  private write(at: number, key: number, fingerprint: number, maskLow: number, maskHigh: number, file: number, line: number): void {
    const w = this.words;
    if (this.isEmpty(at)) this.count++;
    w[at + KEY_LOW] = key >>> 0;
    // Files beyond 65,534 in one run share an index: only the place named in a message suffers.
    w[at + KEY_HIGH_FILE] = ((Math.min(file, 0xfffe) << 16) | (Math.floor(key / TWO_32) & 0xffff)) >>> 0;
    w[at + FINGERPRINT] = fingerprint;
    w[at + MASK_LOW] = maskLow;
    w[at + MASK_HIGH] = maskHigh;
    w[at + LINE] = line;
  }

  export(): RowColumns {
    const out: RowColumns = {
      keys: new Float64Array(this.count),
      fingerprints: new Uint32Array(this.count),
      masksLow: new Uint32Array(this.count),
      masksHigh: new Uint32Array(this.count),
      files: new Uint16Array(this.count),
      lines: new Uint32Array(this.count),
    };
    const found = exportSlots(this.words, out.keys as Float64Array, out.fingerprints, out.masksLow, out.masksHigh, out.files, out.lines);
    if ((found & WIDE_KEYS) === 0) out.keys = Uint32Array.from(out.keys);
    if ((found & ANY_HIGH_MASK) === 0) out.masksHigh = new Uint32Array(0);
    if ((found & MANY_FILES) === 0 && this.count > 0) out.files = out.files.slice(0, 1);
    return out;
  }

  private grow(): void {
    const old = this.words;
    this.allocate(this.capacity * 2);
    for (let at = 0; at < old.length; at += WORDS) {
      const highFile = old[at + KEY_HIGH_FILE]!;
      if (highFile === EMPTY) continue;
      const key = (highFile & 0xffff) * TWO_32 + old[at + KEY_LOW]!;
      // The words as they were, in the key's new slot.
      const to = this.slotOf(key);
      for (let k = 0; k < WORDS; k++) this.words[to + k] = old[at + k]!;
      this.count++;
    }
  }
}

// The loops over every slot are functions of typed arrays alone, not methods: a worker makes a
// table for each batch and exports it once, so each method ran a few dozen times, mostly
// uncompiled (allocate and export: a quarter of a second of a national monthly run's CPU).

/** `capacity` slots, every one empty. */
function emptySlots(capacity: number): Uint32Array {
  const words = new Uint32Array(capacity * WORDS);
  for (let at = KEY_HIGH_FILE; at < words.length; at += WORDS) words[at] = EMPTY;
  return words;
}

/** exportSlots found keys of 2^32 or more. */
const WIDE_KEYS = 1;
/** exportSlots found a high mask that is not 0. */
const ANY_HIGH_MASK = 2;
/** exportSlots found entries from more than one file. */
const MANY_FILES = 4;

/**
 * The entries of `words` into the columns, in slot order (an entry tuple per row, as a generator
 * would make, cost a worker a tenth of a second on a national set); returns what it found, as
 * the flags above.
 */
function exportSlots(words: Uint32Array, keys: Float64Array, fingerprints: Uint32Array, masksLow: Uint32Array, masksHigh: Uint32Array, files: Uint16Array, lines: Uint32Array): number {
  let n = 0;
  let found = 0;
  for (let at = 0; at < words.length; at += WORDS) {
    const highFile = words[at + KEY_HIGH_FILE]!;
    if (highFile === EMPTY) continue;
    const key = (highFile & 0xffff) * TWO_32 + words[at + KEY_LOW]!;
    const maskHigh = words[at + MASK_HIGH]!;
    const file = highFile >>> 16;
    keys[n] = key;
    fingerprints[n] = words[at + FINGERPRINT]!;
    masksLow[n] = words[at + MASK_LOW]!;
    masksHigh[n] = maskHigh;
    files[n] = file;
    lines[n] = words[at + LINE]!;
    if (key >= TWO_32) found |= WIDE_KEYS;
    if (maskHigh !== 0) found |= ANY_HIGH_MASK;
    if (file !== files[0]) found |= MANY_FILES;
    n++;
  }
  return found;
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
