import { createRequire as __antt_createRequire } from 'node:module'; const require = __antt_createRequire(import.meta.url);

// dist/src/core/numbers.js
var NOT_REPORTED = { status: "not-reported" };
var NOT_COLLECTED = { status: "not-collected" };
var ZERO = { status: "value", scaled: 0 };
var DASHES = /* @__PURE__ */ new Set(["-", "\u2013", "\u2014", "\u2212"]);
var ELLIPSES = /* @__PURE__ */ new Set(["...", "\u2026", "..", "...."]);
var SPACE_GROUPED = /^[1-9][0-9]{0,2}(?:[ \u00a0\u202f][0-9]{3})+(?:[.,][0-9]+)?$/;
var DIGITS_AND_MARKS = /^[0-9.,]+$/;
var GROUPED = (mark) => new RegExp(`^[1-9][0-9]{0,2}(?:\\${mark}[0-9]{3})+$`);
var GROUPED_DOT = GROUPED(".");
var GROUPED_COMMA = GROUPED(",");
function invalid(code, params = {}) {
  return { status: "invalid", code, params };
}
function toScaled(intDigits, fracDigits, decimals) {
  const fraction = fracDigits.replace(/0+$/, "");
  if (fraction.length > decimals) {
    return invalid("too-many-decimals", { decimals, given: fraction.length });
  }
  const digits = (intDigits + fraction.padEnd(decimals, "0")).replace(/^0+(?=[0-9])/, "");
  const scaled = Number(digits);
  if (!Number.isSafeInteger(scaled))
    return invalid("number-too-large", {});
  return { status: "value", scaled };
}
function parseQuantity(raw, decimals, convention = "unknown") {
  const plain = plainDigits(raw);
  if (plain >= 0) {
    const scaled = plain * 10 ** decimals;
    if (Number.isSafeInteger(scaled))
      return { status: "value", scaled };
  }
  let text = raw.trim().replace(/^[\u00a0\u202f]+|[\u00a0\u202f]+$/g, "");
  if (text === "")
    return NOT_REPORTED;
  if (DASHES.has(text))
    return ZERO;
  if (ELLIPSES.has(text))
    return NOT_COLLECTED;
  if (/^[-−–(]\s*[0-9]/.test(text))
    return invalid("negative-number");
  if (SPACE_GROUPED.test(text))
    text = text.replace(/[ \u00a0\u202f]/g, "");
  if (!DIGITS_AND_MARKS.test(text)) {
    return invalid("bad-number", { reason: text.endsWith("%") ? "percent" : "not-a-number" });
  }
  const dots = countOf(text, ".");
  const commas = countOf(text, ",");
  if (dots === 0 && commas === 0)
    return toScaled(text, "", decimals);
  if (dots > 0 && commas > 0) {
    const decimalMark = text.lastIndexOf(".") > text.lastIndexOf(",") ? "." : ",";
    const groupMark = decimalMark === "." ? "," : ".";
    const at2 = text.lastIndexOf(decimalMark);
    const intPart2 = text.slice(0, at2);
    const fracPart2 = text.slice(at2 + 1);
    if (countOf(text, decimalMark) !== 1 || fracPart2 === "" || !(groupMark === "." ? GROUPED_DOT : GROUPED_COMMA).test(intPart2)) {
      return invalid("bad-number", { reason: "misplaced-separators" });
    }
    return toScaled(intPart2.split(groupMark).join(""), fracPart2, decimals);
  }
  const mark = dots > 0 ? "." : ",";
  const count = dots > 0 ? dots : commas;
  if (count > 1) {
    if (!(mark === "." ? GROUPED_DOT : GROUPED_COMMA).test(text))
      return invalid("bad-number", { reason: "misplaced-separators" });
    return toScaled(text.split(mark).join(""), "", decimals);
  }
  const at = text.indexOf(mark);
  const intPart = text.slice(0, at);
  const fracPart = text.slice(at + 1);
  if (intPart === "" || fracPart === "")
    return invalid("bad-number", { reason: "misplaced-separators" });
  const couldBeGrouping = fracPart.length === 3 && intPart.length <= 3 && !intPart.startsWith("0");
  if (!couldBeGrouping)
    return toScaled(intPart, fracPart, decimals);
  const groupingReading = () => toScaled(intPart + fracPart, "", decimals);
  if (decimals === 0)
    return groupingReading();
  if (convention === "vi")
    return mark === "." ? groupingReading() : toScaled(intPart, fracPart, decimals);
  if (convention === "international")
    return mark === "," ? groupingReading() : toScaled(intPart, fracPart, decimals);
  return invalid("ambiguous-number", {
    asThousands: intPart + fracPart,
    asDecimal: `${intPart}.${fracPart}`,
    decimals
  });
}
var YES = /* @__PURE__ */ new Set(["co", "c", "x", "yes", "y", "true", "1", "dat", "v", "\u2713", "\u2714"]);
var NO = /* @__PURE__ */ new Set(["khong", "k", "no", "n", "false", "0", "chua dat", "chua"]);
function parseYesNoOrCount(raw, unitLevel) {
  const text = raw.trim();
  if (text === "")
    return NOT_REPORTED;
  if (DASHES.has(text))
    return ZERO;
  if (ELLIPSES.has(text))
    return NOT_COLLECTED;
  const folded = text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
  if (YES.has(folded))
    return { status: "value", scaled: 1 };
  if (NO.has(folded))
    return { status: "value", scaled: 0 };
  if (unitLevel !== "commune") {
    const count = parseQuantity(text, 0);
    if (count.status !== "invalid")
      return count;
    if (count.code !== "bad-number")
      return count;
  }
  return invalid("bad-yes-no", { level: unitLevel ?? "commune" });
}
function parseMachineNumber(value, decimals) {
  if (!Number.isFinite(value))
    return invalid("bad-number", { reason: "not-a-number" });
  if (value < 0)
    return invalid("negative-number");
  const text = String(value);
  if (/e/i.test(text)) {
    return Number.isSafeInteger(value) ? toScaled(text, "", decimals) : invalid("number-too-large", {});
  }
  const [intPart = "0", fracPart = ""] = text.split(".");
  return toScaled(intPart, fracPart, decimals);
}
function plainDigits(text) {
  const n = text.length;
  if (n === 0 || n > 15)
    return -1;
  let value = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9)
      return -1;
    value = value * 10 + c;
  }
  return value;
}
function countOf(text, ch) {
  let n = 0;
  for (let i = 0; i < text.length; i++)
    if (text[i] === ch)
      n++;
  return n;
}
function scaledToPlain(scaled, decimals) {
  if (decimals === 0)
    return String(scaled);
  const negative = scaled < 0;
  const digits = String(Math.abs(scaled)).padStart(decimals + 1, "0");
  const intPart = digits.slice(0, digits.length - decimals);
  const fracPart = digits.slice(digits.length - decimals).replace(/0+$/, "");
  return (negative ? "-" : "") + intPart + (fracPart ? "." + fracPart : "");
}
function scaledToVietnamese(scaled, decimals) {
  const plain = scaledToPlain(scaled, decimals);
  const [intPart = "0", fracPart] = plain.replace("-", "").split(".");
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return (plain.startsWith("-") ? "-" : "") + grouped + (fracPart ? "," + fracPart : "");
}
function scaledToEnglish(scaled, decimals) {
  const plain = scaledToPlain(scaled, decimals);
  const [intPart = "0", fracPart] = plain.replace("-", "").split(".");
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return (plain.startsWith("-") ? "-" : "") + grouped + (fracPart ? "." + fracPart : "");
}

export {
  parseQuantity,
  parseYesNoOrCount,
  parseMachineNumber,
  scaledToPlain,
  scaledToVietnamese,
  scaledToEnglish
};
