/**
 * A progress line on stderr for long runs: only on a terminal, only once the run has taken more
 * than a moment, never in pipes or CI, never with --quiet. It rewrites itself in place and is
 * erased when the run ends, so the output stays as it would be without it.
 */
import type { Lang } from '../core/findings.js';
import { isTerminal } from './stdio.js';

/** What the reading has done so far; the pipeline updates it as it goes. */
export interface ProgressState {
  filesTotal: number;
  filesDone: number;
  /** Live count of data rows read. */
  rows: () => number;
}

const DELAY_MS = 700;
const EVERY_MS = 250;

export function startProgress(
  state: ProgressState,
  options: { lang: Lang; quiet: boolean },
  // process.stderr only when it is a terminal: for a pipe Node would make a socket (io/stdio.ts).
  stream: { isTTY?: boolean; write(text: string): unknown } | undefined = isTerminal(2) ? process.stderr : undefined,
): () => void {
  if (options.quiet || !stream?.isTTY || process.env.CI) return () => undefined;
  const out = stream;
  const n = (x: number) => String(x).replace(/\B(?=(\d{3})+(?!\d))/g, options.lang === 'vi' ? '.' : ',');
  let shown = false;
  const draw = () => {
    shown = true;
    const text =
      options.lang === 'vi'
        ? `Đang đọc: ${n(state.filesDone)}/${n(state.filesTotal)} tệp, ${n(state.rows())} dòng…`
        : `Reading: ${n(state.filesDone)}/${n(state.filesTotal)} files, ${n(state.rows())} rows…`;
    out.write(`\r\x1b[K${text}`);
  };
  let interval: NodeJS.Timeout | undefined;
  const delay = setTimeout(() => {
    draw();
    interval = setInterval(draw, EVERY_MS);
    interval.unref();
  }, DELAY_MS);
  delay.unref();
  return () => {
    clearTimeout(delay);
    if (interval) clearInterval(interval);
    if (shown) out.write('\r\x1b[K');
  };
}
