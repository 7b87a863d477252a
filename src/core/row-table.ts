/**
 * What a wide row said for a unit and period, kept in a few typed arrays rather than one object
 * per row: a national monthly run sees 1.2 million unit-periods, and the memory must not grow
 * with them faster than the figures themselves. An open-addressing hash table keyed by a number
 * (the unit's place in its list and the period's id), holding for each key the set of indicators
 * the row reported (a bit mask), a 32-bit fingerprint of its figures, and where it was read.
 */

const EMPTY = -1;

export interface RowEntry {
  /** 32 bits: two different rows of one unit and period share one with a chance of 2^-32. */
  fingerprint: number;
  maskLow: number;
  maskHigh: number;
  file: number;
  line: number;
}

/** The entries of a table, in slot order, as columns (to send to another thread). */
export interface RowColumns {
  keys: Float64Array;
  fingerprints: Uint32Array;
  masksLow: Uint32Array;
  masksHigh: Uint32Array;
  files: Uint16Array;
  lines: Uint32Array;
}

/** Filled to three quarters before it doubles: 26 bytes a slot, about 35 a row. */
const LOAD = 0.75;

export class RowTable {
  // Assigned by allocate(), which the constructor calls.
  private keys!: Float64Array;
  private fingerprints!: Uint32Array;
  private masksLow!: Uint32Array;
  private masksHigh!: Uint32Array;
  private files!: Uint16Array;
  private lines!: Uint32Array;
  private count = 0;

  constructor(capacity = 1 << 12) {
    this.allocate(capacity);
  }

  /** Empty columns of `capacity` slots (a power of two). */
  private allocate(capacity: number): void {
    this.keys = new Float64Array(capacity).fill(EMPTY);
    this.fingerprints = new Uint32Array(capacity);
    this.masksLow = new Uint32Array(capacity);
    this.masksHigh = new Uint32Array(capacity);
    this.files = new Uint16Array(capacity);
    this.lines = new Uint32Array(capacity);
    this.count = 0;
  }

  get size(): number {
    return this.count;
  }

  private slotOf(key: number): number {
    const capacity = this.keys.length;
    // Keys are integers below 2^53 whose low bits vary little (the period): mix every bit into
    // the low ones that pick the slot (murmur3's finaliser), or the probes would pile up.
    let h = (key | 0) ^ Math.imul(Math.floor(key / 4294967296) | 0, 0x9e3779b1);
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    h = (h ^ (h >>> 16)) >>> 0;
    for (;;) {
      const at = h & (capacity - 1);
      const k = this.keys[at]!;
      if (k === EMPTY || k === key) return at;
      h = (h + 1) >>> 0;
    }
  }

  get(key: number): RowEntry | null {
    const at = this.slotOf(key);
    if (this.keys[at] === EMPTY) return null;
    return { fingerprint: this.fingerprints[at]!, maskLow: this.masksLow[at]!, maskHigh: this.masksHigh[at]!, file: this.files[at]!, line: this.lines[at]! };
  }

  /**
   * Adds the key if it is new (one probe, no entry object: most rows' keys are new) and returns
   * true; returns false, changing nothing, if it is there already.
   */
  putNew(key: number, fingerprint: number, maskLow: number, maskHigh: number, file: number, line: number): boolean {
    if (this.count + 1 > this.keys.length * LOAD) this.grow();
    const at = this.slotOf(key);
    if (this.keys[at] !== EMPTY) return false;
    this.write(at, key, fingerprint, maskLow, maskHigh, file, line);
    return true;
  }

  set(key: number, entry: RowEntry): void {
    this.put(key, entry.fingerprint, entry.maskLow, entry.maskHigh, entry.file, entry.line);
  }

  put(key: number, fingerprint: number, maskLow: number, maskHigh: number, file: number, line: number): void {
    if (this.count + 1 > this.keys.length * LOAD) this.grow();
    this.write(this.slotOf(key), key, fingerprint, maskLow, maskHigh, file, line);
  }

  private write(at: number, key: number, fingerprint: number, maskLow: number, maskHigh: number, file: number, line: number): void {
    if (this.keys[at] === EMPTY) {
      this.keys[at] = key;
      this.count++;
    }
    this.fingerprints[at] = fingerprint;
    this.masksLow[at] = maskLow;
    this.masksHigh[at] = maskHigh;
    // Files beyond 65,535 in one run share an index: only the place named in a message suffers.
    this.files[at] = Math.min(file, 0xffff);
    this.lines[at] = line;
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
    let n = 0;
    for (let at = 0; at < this.keys.length; at++) {
      if (this.keys[at] === EMPTY) continue;
      out.keys[n] = this.keys[at]!;
      out.fingerprints[n] = this.fingerprints[at]!;
      out.masksLow[n] = this.masksLow[at]!;
      out.masksHigh[n] = this.masksHigh[at]!;
      out.files[n] = this.files[at]!;
      out.lines[n] = this.lines[at]!;
      n++;
    }
    return out;
  }

  private grow(): void {
    const { keys, fingerprints, masksLow, masksHigh, files, lines } = this;
    this.allocate(keys.length * 2);
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === EMPTY) continue;
      this.put(keys[i]!, fingerprints[i]!, masksLow[i]!, masksHigh[i]!, files[i]!, lines[i]!);
    }
  }
}

/**
 * A 32-bit fingerprint of a row's figures, whatever the order of its columns: mixes of
 * (indicator, value) pairs, summed so that order does not matter.
 */
export function fingerprint(values: readonly { index: number; scaled: number }[]): number {
  let a = 0;
  for (let i = 0; i < values.length; i++) {
    const { index, scaled } = values[i]!;
    const lo = scaled % 4294967296 | 0;
    const hi = Math.floor(scaled / 4294967296) | 0;
    a = (a + mix(index * 0x45d9f3b + lo, hi)) >>> 0;
  }
  return a;
}

function mix(x: number, y: number): number {
  let h = Math.imul(x ^ (x >>> 16), 0x7feb352d) ^ Math.imul(y + 0x9e3779b9, 0x846ca68b);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  return (h ^ (h >>> 12)) >>> 0;
}
