import { createRequire as __antt_createRequire } from 'node:module'; const require = __antt_createRequire(import.meta.url);

// dist/src/render/format.js
function formatCount(n, lang) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, lang === "vi" ? "." : ",");
}
var compactTableChars = { mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" };
function safeText(text) {
  return text.replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

export {
  formatCount,
  compactTableChars,
  safeText
};
