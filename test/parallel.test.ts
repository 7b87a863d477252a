/**
 * Reading in worker threads (and on the main thread between merges) gives the same report, byte
 * for byte, as reading one file after another: the same findings (with their places and cells), counts, duplicates across files and
 * totals.
 */
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

  it('the same output with one worker and the main thread reading batches between merges (two cores)', () => {
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
});
