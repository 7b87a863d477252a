import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startProgress } from '../src/io/progress.js';

function fakeTerminal(isTTY: boolean) {
  const written: string[] = [];
  return { stream: { isTTY, write: (t: string) => written.push(t) }, written };
}

describe('the progress line', () => {
  const ci = process.env.CI;
  beforeEach(() => {
    vi.useFakeTimers();
    delete process.env.CI;
  });
  afterEach(() => {
    vi.useRealTimers();
    if (ci !== undefined) process.env.CI = ci;
  });

  it('appears on a terminal once the run takes more than a moment, and is erased at the end', () => {
    const { stream, written } = fakeTerminal(true);
    const state = { filesTotal: 134, filesDone: 12, rows: () => 1234 };
    const stop = startProgress(state, { lang: 'vi', quiet: false }, stream);
    vi.advanceTimersByTime(500);
    expect(written).toEqual([]);
    vi.advanceTimersByTime(300);
    expect(written.at(-1)).toBe('\r\x1b[KĐang đọc: 12/134 tệp, 1.234 dòng…');
    stop();
    expect(written.at(-1)).toBe('\r\x1b[K');
  });

  it('never appears in a pipe, in CI or with --quiet', () => {
    for (const [isTTY, quiet, inCi] of [
      [false, false, false],
      [true, true, false],
      [true, false, true],
    ] as const) {
      if (inCi) process.env.CI = 'true';
      else delete process.env.CI;
      const { stream, written } = fakeTerminal(isTTY);
      const stop = startProgress({ filesTotal: 1, filesDone: 0, rows: () => 0 }, { lang: 'en', quiet }, stream);
      vi.advanceTimersByTime(5000);
      stop();
      expect(written).toEqual([]);
    }
  });
});
