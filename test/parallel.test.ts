/**
 * Reading in worker threads gives the same report, byte for byte, as reading one file after
 * another: the same findings (with their places and cells), counts, duplicates across files and
 * totals.
 */
import { describe, expect, it } from 'vitest';
import { antt } from './helpers.js';

const inputs = ['test/fixtures', 'data/son-la'];

describe('parallel reading (ANTT_WORKERS)', () => {
  it.each([
    ['validate', '--format', 'json', '--max-errors', '100000'],
    ['aggregate', '--format', 'json', '--max-errors', '100000', '--level', 'commune', '--level', 'district', '--level', 'province'],
    ['check', '--format', 'json', '--max-errors', '100000'],
  ])('antt %s: the same output with 3 workers as with none', (command, ...options) => {
    const sequential = antt([command, ...inputs, ...options], { ANTT_WORKERS: '0' });
    const parallel = antt([command, ...inputs, ...options], { ANTT_WORKERS: '3' });
    expect(sequential.stdout.length).toBeGreaterThan(1000);
    expect(parallel.stdout).toBe(sequential.stdout);
    expect(parallel.stderr).toBe(sequential.stderr);
    expect(parallel.code).toBe(sequential.code);
  }, 60_000);
});
