/**
 * Reading in worker threads (from the back of the list, while the main thread reads from the
 * front) gives the same report, byte for byte, as reading one file after another: the same
 * findings (with their places and cells), counts, duplicates across files and totals.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { antt, expectSameRun } from './helpers.js';

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
    expectSameRun(parallel, sequential);
  }, 60_000);

  it('the same output with one worker and the main thread reading from the front (two cores)', () => {
    const options = ['aggregate', ...inputs, '--format', 'json', '--max-errors', '100000', '--level', 'commune', '--level', 'district', '--by', 'year'];
    const sequential = antt(options, { ANTT_WORKERS: '0' });
    expect(sequential.stdout.length).toBeGreaterThan(1000);
    expectSameRun(antt(options, { ANTT_WORKERS: '2' }), sequential);
  }, 60_000);

  it('a file too large for a worker heap is read again on the main thread, with the same output', () => {
    // A 2 MiB old generation: every worker runs out of memory on its first file.
    const options = ['aggregate', 'test/fixtures', 'data/son-la/2023', '--format', 'json', '--max-errors', '100000', '--level', 'commune', '--level', 'district'];
    const sequential = antt(options, { ANTT_WORKERS: '0' });
    const starved = antt(options, { ANTT_WORKERS: '2', ANTT_WORKER_HEAP_MB: '2' });
    expect(sequential.stdout.length).toBeGreaterThan(1000);
    expectSameRun(starved, sequential);
  }, 60_000);

  it('a worker\'s batch with unit-years read before it on the main thread is read again there, with the same output', () => {
    // A district's 2024 return sent again, in a folder whose absolute path sorts before
    // data/son-la: read first, on the main thread. The original falls in the last batch, which
    // a worker reads; merged as it is, its figures would count twice.
    const dir = mkdtempSync(join(tmpdir(), 'antt-resent-'));
    try {
      copyFileSync(join('data', 'son-la', '2024', '2024-126-huyen-song-ma.csv'), join(dir, 'song-ma-2024-resent.csv'));
      const options = ['aggregate', dir, 'data/son-la', '--format', 'json', '--max-errors', '100000', '--level', 'commune', '--level', 'district'];
      const sequential = antt(options, { ANTT_WORKERS: '0' });
      const duplicates = (JSON.parse(sequential.stdout) as { findings: { code: string; file: string }[] }).findings.filter((f) => f.code === 'duplicate-return');
      expect(duplicates).toHaveLength(19);
      expect(new Set(duplicates.map((f) => f.file))).toEqual(new Set(['data/son-la/2024/2024-126-huyen-song-ma.csv']));
      expectSameRun(antt(options, { ANTT_WORKERS: '2' }), sequential);
      expectSameRun(antt(options, { ANTT_WORKERS: '3' }), sequential);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
