import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RowTable, fingerprint } from '../src/core/row-table.js';

describe('RowTable', () => {
  it('keeps every entry through growth, keys above 2^32 included', () => {
    const table = new RowTable();
    const key = (i: number) => i * 7919 + 2 ** 40;
    for (let i = 0; i < 5000; i++) table.set(key(i), { fingerprint: i, maskLow: i, maskHigh: i >>> 1, file: i % 3, line: i + 1 });
    expect(table.size).toBe(5000);
    for (let i = 0; i < 5000; i++) {
      expect(table.get(key(i))).toEqual({ fingerprint: i, maskLow: i, maskHigh: i >>> 1, file: i % 3, line: i + 1 });
    }
    expect(table.get(1)).toBeNull();
  });

  it('keeps pages past the first chunks of 256 where they were, as a national run fills them', () => {
    // Unit after unit within a period, period after period: 40 units × 2 lists × 700 periods is
    // 1,400 pages, six chunks.
    const table = new RowTable();
    const key = (place: number, list: number, period: number) => (place * 2 + list) * 65_536 + period;
    let n = 0;
    for (let period = 1; period <= 700; period++) for (let list = 0; list < 2; list++) for (let place = 100; place < 140; place++) expect(table.putNew(key(place, list, period), n, n, 0, n % 7, n++)).toBe(true);
    expect(table.size).toBe(n);
    expect(table.putNew(key(100, 0, 1), 9, 9, 9, 9, 9)).toBe(false);
    expect(table.get(key(139, 1, 700))).toEqual({ fingerprint: n - 1, maskLow: n - 1, maskHigh: 0, file: (n - 1) % 7, line: n - 1 });
    n = 0;
    for (let period = 1; period <= 700; period++) for (let list = 0; list < 2; list++) for (let place = 100; place < 140; place++) expect(table.get(key(place, list, period))?.line).toBe(n++);
  });

  it('overwrites an entry without counting it twice', () => {
    const table = new RowTable();
    table.set(42, { fingerprint: 1, maskLow: 0, maskHigh: 0, file: 0, line: 2 });
    table.set(42, { fingerprint: 9, maskLow: 0, maskHigh: 0, file: 1, line: 7 });
    expect(table.size).toBe(1);
    expect(table.get(42)).toMatchObject({ fingerprint: 9, file: 1, line: 7 });
  });

  it('keeps keys up to 2^48 and file indexes up to 65,534 apart; later files share the last index', () => {
    const table = new RowTable();
    const keys = [0, 1, 2 ** 32 - 1, 2 ** 32, 2 ** 47 + 5, 2 ** 48 - 1];
    keys.forEach((key, i) => table.set(key, { fingerprint: 0xffffffff - i, maskLow: 0xffffffff, maskHigh: i, file: [0, 1, 0x7fff, 0x8000, 0xfffe, 70_000][i]!, line: 0xffffffff - i }));
    expect(table.size).toBe(keys.length);
    keys.forEach((key, i) => expect(table.get(key)).toEqual({ fingerprint: 0xffffffff - i, maskLow: 0xffffffff, maskHigh: i, file: [0, 1, 0x7fff, 0x8000, 0xfffe, 0xfffe][i], line: 0xffffffff - i }));
  });

  it('adds a new key once: putNew says whether it did, and leaves an existing entry as it was', () => {
    const table = new RowTable();
    expect(table.putNew(2 ** 40 + 3, 5, 1, 0, 2, 10)).toBe(true);
    expect(table.putNew(2 ** 40 + 3, 6, 2, 0, 3, 11)).toBe(false);
    expect(table.get(2 ** 40 + 3)).toEqual({ fingerprint: 5, maskLow: 1, maskHigh: 0, file: 2, line: 10 });
    expect(table.size).toBe(1);
  });

  it('holds the same entries whatever order they were put in', () => {
    const entries = fc.array(fc.tuple(fc.integer({ min: 0, max: 2 ** 40 }), fc.nat(), fc.nat(), fc.nat(), fc.integer({ min: 0, max: 9 }), fc.nat()), { maxLength: 300 });
    fc.assert(
      fc.property(entries, (rows) => {
        const forward = new RowTable();
        const backward = new RowTable();
        const firsts = new Map<number, number>();
        for (const [key] of rows) firsts.set(key, firsts.get(key) ?? firsts.size);
        for (const [key, print, low, high, file, line] of rows) forward.putNew(key, print >>> 0, low >>> 0, high >>> 0, file, line);
        // Backwards, each key's first row still first: putNew keeps the first.
        const firstRows = rows.filter(([key], i) => rows.findIndex(([k]) => k === key) === i);
        for (const [key, print, low, high, file, line] of [...firstRows].reverse()) backward.putNew(key, print >>> 0, low >>> 0, high >>> 0, file, line);
        expect(forward.size).toBe(firsts.size);
        expect(backward.size).toBe(firsts.size);
        for (const key of firsts.keys()) expect(backward.get(key)).toEqual(forward.get(key));
      }),
      { numRuns: 200 },
    );
  });

  it('answers as a Map would, for keys that share their low word or their page', () => {
    // Keys as the checker makes them — (a unit's place × 2 + its list) × 2^16 + a period id —
    // few periods and places close together (they share pages), or far apart, up to 2^48; and
    // keys that agree in their low 32 bits.
    const place = fc.oneof(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 2 ** 31 - 200, max: 2 ** 31 - 1 }));
    const checkerKey = fc.tuple(place, fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0, max: 5 })).map(([at, list, period]) => (at * 2 + list) * 65_536 + period);
    const sharedLowWord = fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 0xffff })).map(([low, high]) => high * 2 ** 32 + low * 65_536);
    const step = fc.tuple(fc.constantFrom('putNew', 'put', 'get'), fc.oneof(checkerKey, sharedLowWord), fc.nat(), fc.integer({ min: 0, max: 70_000 }));
    fc.assert(
      fc.property(fc.array(step, { maxLength: 400 }), (steps) => {
        const table = new RowTable();
        const model = new Map<number, { fingerprint: number; maskLow: number; maskHigh: number; file: number; line: number }>();
        for (const [op, k, n, file] of steps) {
          const entry = { fingerprint: n >>> 0, maskLow: (n * 3) >>> 0, maskHigh: n % 7, file: Math.min(file, 0xfffe), line: n };
          if (op === 'putNew') {
            expect(table.putNew(k, entry.fingerprint, entry.maskLow, entry.maskHigh, file, entry.line)).toBe(!model.has(k));
            if (!model.has(k)) model.set(k, entry);
          } else if (op === 'put') {
            table.put(k, entry.fingerprint, entry.maskLow, entry.maskHigh, file, entry.line);
            model.set(k, entry);
          } else {
            expect(table.get(k)).toEqual(model.get(k) ?? null);
          }
        }
        expect(table.size).toBe(model.size);
        for (const [k, entry] of model) expect(table.get(k)).toEqual(entry);
      }),
      { numRuns: 300 },
    );
  });

  it('fingerprints a row by its 64-bit words, whatever the order of its figures', () => {
    // The words of a figure as the plain arithmetic gives them, for any safe integer.
    const mix = (x: number, y: number) => {
      let h = Math.imul(x ^ (x >>> 16), 0x7feb352d) ^ Math.imul(y + 0x9e3779b9, 0x846ca68b);
      h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
      return (h ^ (h >>> 12)) >>> 0;
    };
    const reference = (values: { index: number; scaled: number }[]) =>
      values.reduce((a, { index, scaled }) => (a + mix(index * 0x45d9f3b + (scaled % 4294967296 | 0), Math.floor(scaled / 4294967296) | 0)) >>> 0, 0);
    const figure = fc.record({
      index: fc.nat(200),
      scaled: fc.oneof(fc.integer({ min: -(2 ** 31), max: 2 ** 31 }), fc.maxSafeInteger(), fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), fc.constantFrom(0, -0, 2 ** 31 - 1, -(2 ** 31), 2 ** 32, -(2 ** 32))),
    });
    fc.assert(
      fc.property(fc.array(figure, { maxLength: 12 }), (values) => {
        expect(fingerprint(values)).toBe(reference(values));
        expect(fingerprint([...values].reverse())).toBe(reference(values));
      }),
      { numRuns: 2000 },
    );
  });
});
