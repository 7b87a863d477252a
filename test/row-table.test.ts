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
});
