import { describe, expect, it } from 'vitest';
import { RowTable } from '../src/core/row-table.js';

describe('RowTable', () => {
  it('keeps every entry through growth, keys above 2^32 included', () => {
    const table = new RowTable(4);
    const key = (i: number) => i * 7919 + 2 ** 40;
    for (let i = 0; i < 5000; i++) table.set(key(i), { fingerprint: i, maskLow: i, maskHigh: i >>> 1, file: i % 3, line: i + 1 });
    expect(table.size).toBe(5000);
    for (let i = 0; i < 5000; i++) {
      expect(table.get(key(i))).toEqual({ fingerprint: i, maskLow: i, maskHigh: i >>> 1, file: i % 3, line: i + 1 });
    }
    expect(table.get(1)).toBeNull();
  });

  it('overwrites an entry without counting it twice', () => {
    const table = new RowTable();
    table.set(42, { fingerprint: 1, maskLow: 0, maskHigh: 0, file: 0, line: 2 });
    table.set(42, { fingerprint: 9, maskLow: 0, maskHigh: 0, file: 1, line: 7 });
    expect(table.size).toBe(1);
    expect(table.get(42)).toMatchObject({ fingerprint: 9, file: 1, line: 7 });
  });

  it('keeps keys up to 2^48 and file indexes up to 65,534 apart; later files share the last index', () => {
    const table = new RowTable(4);
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
    expect(table.export().keys).toEqual(new Float64Array([2 ** 40 + 3]));
  });
});
