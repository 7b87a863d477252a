import { createRequire as __antt_createRequire } from 'node:module'; const require = __antt_createRequire(import.meta.url);
import "./chunk-TPSE7W5Y.js";

// dist/src/io/progress.js
var DELAY_MS = 700;
var EVERY_MS = 250;
function startProgress(state, options, stream = process.stderr) {
  if (options.quiet || !stream.isTTY || process.env.CI)
    return () => void 0;
  const n = (x) => String(x).replace(/\B(?=(\d{3})+(?!\d))/g, options.lang === "vi" ? "." : ",");
  let shown = false;
  const draw = () => {
    shown = true;
    const text = options.lang === "vi" ? `\u0110ang \u0111\u1ECDc: ${n(state.filesDone)}/${n(state.filesTotal)} t\u1EC7p, ${n(state.rows())} d\xF2ng\u2026` : `Reading: ${n(state.filesDone)}/${n(state.filesTotal)} files, ${n(state.rows())} rows\u2026`;
    stream.write(`\r\x1B[K${text}`);
  };
  let interval;
  const delay = setTimeout(() => {
    draw();
    interval = setInterval(draw, EVERY_MS);
    interval.unref();
  }, DELAY_MS);
  delay.unref();
  return () => {
    clearTimeout(delay);
    if (interval)
      clearInterval(interval);
    if (shown)
      stream.write("\r\x1B[K");
  };
}
export {
  startProgress
};
