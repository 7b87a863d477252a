import { createRequire as __antt_createRequire } from 'node:module'; const require = __antt_createRequire(import.meta.url);

// dist/src/core/findings.js
var operatorWords = {
  "<=": { vi: "\u2264", en: "\u2264" },
  "<": { vi: "<", en: "<" },
  ">=": { vi: "\u2265", en: "\u2265" },
  ">": { vi: ">", en: ">" },
  "==": { vi: "b\u1EB1ng", en: "equal to" }
};
var num = (text, lang) => {
  const plain = String(text ?? "");
  if (!/^-?[0-9]+(\.[0-9]+)?$/.test(plain))
    return plain;
  const [int = "", frac] = plain.split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, lang === "vi" ? "." : ",");
  return frac ? grouped + (lang === "vi" ? "," : ".") + frac : grouped;
};
var q = (text) => `\xAB${String(text ?? "")}\xBB`;
var list = (text) => String(text ?? "");
var findingCatalogue = {
  "unknown-unit": {
    level: "error",
    title: { vi: "Kh\xF4ng c\xF3 \u0111\u01A1n v\u1ECB", en: "Unknown unit" },
    vi: (f, p) => `Kh\xF4ng t\xECm th\u1EA5y \u0111\u01A1n v\u1ECB ${q(f.value)} trong danh m\u1EE5c \u0111\u01A1n v\u1ECB h\xE0nh ch\xEDnh cho k\u1EF3 ${p.period ?? ""}.${p.suggestions ? ` C\xF3 ph\u1EA3i l\xE0: ${p.suggestions}?` : " Ki\u1EC3m tra l\u1EA1i m\xE3 (5 ch\u1EEF s\u1ED1 cho x\xE3, 3 cho huy\u1EC7n) ho\u1EB7c t\xEAn \u0111\u01A1n v\u1ECB."}`,
    en: (f, p) => `No unit ${q(f.value)} in the official unit list for period ${p.period ?? ""}.${p.suggestions ? ` Did you mean: ${p.suggestions}?` : " Check the code (5 digits for a commune, 3 for a district) or the name."}`
  },
  "ambiguous-unit": {
    level: "error",
    title: { vi: "T\xEAn \u0111\u01A1n v\u1ECB tr\xF9ng", en: "Ambiguous unit name" },
    vi: (f, p) => `T\xEAn ${q(f.value)} \u1EE9ng v\u1EDBi nhi\u1EC1u \u0111\u01A1n v\u1ECB: ${list(p.candidates)}. H\xE3y ghi th\xEAm m\xE3 \u0111\u01A1n v\u1ECB.`,
    en: (f, p) => `The name ${q(f.value)} matches several units: ${list(p.candidates)}. Add the unit code.`
  },
  "unit-retired": {
    level: "error",
    title: { vi: "\u0110\u01A1n v\u1ECB \u0111\xE3 s\xE1p nh\u1EADp", en: "Unit no longer exists" },
    vi: (f, p) => `\u0110\u01A1n v\u1ECB ${q(f.value)} (${p.official}) kh\xF4ng c\xF2n t\u1ED3n t\u1EA1i t\u1EEB ng\xE0y 01/07/2025, kh\xF4ng d\xF9ng \u0111\u01B0\u1EE3c cho k\u1EF3 ${p.period}. ${p.successors ? `\u0110\xE3 nh\u1EADp v\xE0o: ${p.successors}.` : ""} H\xE3y b\xE1o c\xE1o theo \u0111\u01A1n v\u1ECB m\u1EDBi.`,
    en: (f, p) => `Unit ${q(f.value)} (${p.official}) ceased to exist on 1 July 2025 and cannot report for period ${p.period}. ${p.successors ? `It went into: ${p.successors}.` : ""} Report under the new unit.`
  },
  "unit-not-yet": {
    level: "error",
    title: { vi: "\u0110\u01A1n v\u1ECB ch\u01B0a t\u1ED3n t\u1EA1i", en: "Unit did not exist yet" },
    vi: (f, p) => `\u0110\u01A1n v\u1ECB ${q(f.value)} (${p.official}) ch\u1EC9 c\xF3 t\u1EEB ng\xE0y 01/07/2025, kh\xF4ng d\xF9ng \u0111\u01B0\u1EE3c cho k\u1EF3 ${p.period}. K\u1EF3 tr\u01B0\u1EDBc c\u1EA3i c\xE1ch ph\u1EA3i d\xF9ng m\xE3 \u0111\u01A1n v\u1ECB c\u0169.`,
    en: (f, p) => `Unit ${q(f.value)} (${p.official}) exists only from 1 July 2025 and cannot report for period ${p.period}. Periods before the reform use the old unit codes.`
  },
  "missing-unit": {
    level: "error",
    title: { vi: "Thi\u1EBFu \u0111\u01A1n v\u1ECB", en: "Missing unit" },
    vi: () => `D\xF2ng kh\xF4ng c\xF3 m\xE3 \u0111\u01A1n v\u1ECB v\xE0 t\xEAn \u0111\u01A1n v\u1ECB. H\xE3y \u0111i\u1EC1n m\xE3 (ho\u1EB7c t\xEAn) \u0111\u01A1n v\u1ECB b\xE1o c\xE1o.`,
    en: () => `The row has neither a unit code nor a unit name. Fill in the reporting unit's code (or name).`
  },
  "unit-name-mismatch": {
    level: "warning",
    title: { vi: "M\xE3 v\xE0 t\xEAn kh\xF4ng kh\u1EDBp", en: "Code and name disagree" },
    vi: (f, p) => `M\xE3 ${f.unit} l\xE0 ${q(p.official)}, nh\u01B0ng d\xF2ng ghi t\xEAn ${q(f.value)}. S\u1ED1 li\u1EC7u \u0111\u01B0\u1EE3c t\xEDnh cho ${p.official}; n\u1EBFu sai, s\u1EEDa l\u1EA1i m\xE3.`,
    en: (f, p) => `Code ${f.unit} is ${q(p.official)}, but the row names ${q(f.value)}. The figures count for ${p.official}; if that is wrong, fix the code.`
  },
  "leading-zeros-dropped": {
    level: "warning",
    title: { vi: "M\xE3 m\u1EA5t s\u1ED1 0 \u0111\u1EA7u", en: "Leading zeros dropped" },
    vi: (f, p) => `M\xE3 ${q(f.value)} thi\u1EBFu s\u1ED1 0 \u1EDF \u0111\u1EA7u (Excel th\u01B0\u1EDDng b\u1ECF \u0111i); \u0111\xE3 hi\u1EC3u l\xE0 ${p.official} (${p.name}). \u0110\u1ECBnh d\u1EA1ng c\u1ED9t m\xE3 l\xE0 Text \u0111\u1EC3 gi\u1EEF s\u1ED1 0.`,
    en: (f, p) => `Code ${q(f.value)} lost its leading zeros (Excel drops them); read as ${p.official} (${p.name}). Format the code column as Text to keep them.`
  },
  "missing-period": {
    level: "error",
    title: { vi: "Thi\u1EBFu k\u1EF3 b\xE1o c\xE1o", en: "Missing period" },
    vi: () => `D\xF2ng kh\xF4ng c\xF3 n\u0103m ho\u1EB7c k\u1EF3 b\xE1o c\xE1o. \u0110i\u1EC1n n\u0103m (v\xED d\u1EE5 2019) ho\u1EB7c k\u1EF3 (2019-Q3, 2019-06, 2019-H1).`,
    en: () => `The row has no year or period. Fill in a year (e.g. 2019) or a period (2019-Q3, 2019-06, 2019-H1).`
  },
  "bad-period": {
    level: "error",
    title: { vi: "K\u1EF3 b\xE1o c\xE1o sai", en: "Bad period" },
    vi: (f) => `K\u1EF3 b\xE1o c\xE1o ${q(f.value)} kh\xF4ng h\u1EE3p l\u1EC7. Vi\u1EBFt n\u0103m (2019) ho\u1EB7c k\u1EF3 (2019-Q3, 2019-06, 2019-H1), n\u0103m t\u1EEB 1990 \u0111\u1EBFn 2100.`,
    en: (f) => `Period ${q(f.value)} is not valid. Write a year (2019) or a period (2019-Q3, 2019-06, 2019-H1), years 1990 to 2100.`
  },
  "bad-number": {
    level: "error",
    title: { vi: "Kh\xF4ng ph\u1EA3i s\u1ED1", en: "Not a number" },
    vi: (f, p) => p.reason === "percent" ? `\xD4 ${q(f.value)} l\xE0 t\u1EF7 l\u1EC7 ph\u1EA7n tr\u0103m; ch\u1EC9 ti\xEAu n\xE0y c\u1EA7n s\u1ED1 tuy\u1EC7t \u0111\u1ED1i (t\u1EF7 l\u1EC7 do antt t\u1EF1 t\xEDnh).` : p.reason === "misplaced-separators" ? `\xD4 ${q(f.value)} c\xF3 d\u1EA5u ph\xE2n c\xE1ch kh\xF4ng \u0111\xFAng ch\u1ED7. Vi\u1EBFt v\xED d\u1EE5 17.429 ho\u1EB7c 17429 (s\u1ED1 nguy\xEAn), 23,7 (s\u1ED1 th\u1EADp ph\xE2n).` : `\xD4 ${q(f.value)} kh\xF4ng ph\u1EA3i l\xE0 s\u1ED1. Ch\u1EC9 d\xF9ng ch\u1EEF s\u1ED1 0\u20139, d\u1EA5u ch\u1EA5m/ph\u1EA9y ph\xE2n c\xE1ch; \u0111\u1EC3 tr\u1ED1ng n\u1EBFu kh\xF4ng b\xE1o c\xE1o, '-' n\u1EBFu b\u1EB1ng 0.`,
    en: (f, p) => p.reason === "percent" ? `Cell ${q(f.value)} is a percentage; this indicator takes an absolute figure (antt computes the ratios).` : p.reason === "misplaced-separators" ? `Cell ${q(f.value)} has separators in the wrong places. Write e.g. 17.429 or 17429 (whole number), 23,7 (decimal).` : `Cell ${q(f.value)} is not a number. Use digits 0\u20139 with dot or comma separators; leave it blank if not reported, '-' for zero.`
  },
  "ambiguous-number": {
    level: "error",
    title: { vi: "S\u1ED1 kh\xF4ng r\xF5 ngh\u0129a", en: "Ambiguous number" },
    vi: (f, p) => `\xD4 ${q(f.value)} c\xF3 th\u1EC3 l\xE0 ${p.asThousands} (d\u1EA5u ph\xE2n c\xE1ch h\xE0ng ngh\xECn) ho\u1EB7c ${p.asDecimal} (d\u1EA5u th\u1EADp ph\xE2n). Vi\u1EBFt ${p.asThousands} kh\xF4ng c\xF3 d\u1EA5u ph\xE2n c\xE1ch, ho\u1EB7c d\xF9ng d\u1EA5u ph\u1EA9y cho ph\u1EA7n th\u1EADp ph\xE2n (t\u1ED1i \u0111a ${p.decimals} ch\u1EEF s\u1ED1).`,
    en: (f, p) => `Cell ${q(f.value)} could be ${p.asThousands} (thousands separator) or ${p.asDecimal} (decimal point). Write ${p.asThousands} without a separator, or use a comma for the decimals (at most ${p.decimals} places).`
  },
  "negative-number": {
    level: "error",
    title: { vi: "S\u1ED1 \xE2m", en: "Negative number" },
    vi: (f) => `\xD4 ${q(f.value)} l\xE0 s\u1ED1 \xE2m; s\u1ED1 li\u1EC7u th\u1ED1ng k\xEA n\xE0y kh\xF4ng th\u1EC3 \xE2m. S\u1EEDa l\u1EA1i s\u1ED1, ho\u1EB7c ghi '-' n\u1EBFu kh\xF4ng c\xF3.`,
    en: (f) => `Cell ${q(f.value)} is negative; this figure cannot be. Fix it, or write '-' for none.`
  },
  "too-many-decimals": {
    level: "error",
    title: { vi: "Qu\xE1 nhi\u1EC1u ch\u1EEF s\u1ED1 th\u1EADp ph\xE2n", en: "Too many decimals" },
    vi: (f, p) => Number(p.decimals) === 0 ? `\xD4 ${q(f.value)} c\xF3 ph\u1EA7n th\u1EADp ph\xE2n, nh\u01B0ng ch\u1EC9 ti\xEAu n\xE0y l\xE0 s\u1ED1 \u0111\u1EBFm (s\u1ED1 nguy\xEAn).` : `\xD4 ${q(f.value)} c\xF3 ${p.given} ch\u1EEF s\u1ED1 th\u1EADp ph\xE2n; ch\u1EC9 ti\xEAu n\xE0y cho ph\xE9p t\u1ED1i \u0111a ${p.decimals}.`,
    en: (f, p) => Number(p.decimals) === 0 ? `Cell ${q(f.value)} has decimals, but this indicator is a count (whole number).` : `Cell ${q(f.value)} has ${p.given} decimal places; this indicator allows at most ${p.decimals}.`
  },
  "number-too-large": {
    level: "error",
    title: { vi: "S\u1ED1 qu\xE1 l\u1EDBn", en: "Number too large" },
    vi: (f) => `\xD4 ${q(f.value)} qu\xE1 l\u1EDBn \u0111\u1EC3 l\xE0 s\u1ED1 li\u1EC7u th\u1ED1ng k\xEA; ki\u1EC3m tra l\u1EA1i (c\xF3 th\u1EC3 g\xF5 th\u1EEBa ch\u1EEF s\u1ED1).`,
    en: (f) => `Cell ${q(f.value)} is too large to be a statistic; check it (extra digits typed?).`
  },
  "bad-yes-no": {
    level: "error",
    title: { vi: "C\u1EA7n c\xF3/kh\xF4ng", en: "Yes or no expected" },
    vi: (f) => `\xD4 ${q(f.value)}: x\xE3 b\xE1o c\xE1o ch\u1EC9 ti\xEAu n\xE0y b\u1EB1ng c\xF3/kh\xF4ng (c\xF3, kh\xF4ng, x, 1, 0).`,
    en: (f) => `Cell ${q(f.value)}: a commune answers this indicator yes or no (c\xF3, kh\xF4ng, x, 1, 0).`
  },
  "unknown-column": {
    level: "error",
    title: { vi: "C\u1ED9t kh\xF4ng r\xF5", en: "Unknown column" },
    vi: (f, p) => `C\u1ED9t ${q(f.column)} kh\xF4ng c\xF3 trong danh m\u1EE5c ch\u1EC9 ti\xEAu.${p.suggestions ? ` C\xF3 ph\u1EA3i l\xE0: ${p.suggestions}?` : ""} Xem danh s\xE1ch b\u1EB1ng l\u1EC7nh \`antt indicators\`.`,
    en: (f, p) => `Column ${q(f.column)} is not in the indicator catalogue.${p.suggestions ? ` Did you mean: ${p.suggestions}?` : ""} List them with \`antt indicators\`.`
  },
  "duplicate-column": {
    level: "error",
    title: { vi: "C\u1ED9t l\u1EB7p", en: "Duplicate column" },
    vi: (f, p) => `C\u1ED9t ${q(f.column)} v\xE0 c\u1ED9t ${q(p.other)} c\xF9ng l\xE0 ch\u1EC9 ti\xEAu ${f.indicator}. X\xF3a m\u1ED9t c\u1ED9t.`,
    en: (f, p) => `Columns ${q(f.column)} and ${q(p.other)} are both indicator ${f.indicator}. Remove one.`
  },
  "missing-column": {
    level: "error",
    title: { vi: "Thi\u1EBFu c\u1ED9t", en: "Missing column" },
    vi: (_f, p) => `T\u1EC7p thi\u1EBFu c\u1ED9t ${p.needed}; kh\xF4ng \u0111\u1ECDc \u0111\u01B0\u1EE3c c\xE1c d\xF2ng s\u1ED1 li\u1EC7u. Th\xEAm c\u1ED9t (v\xED d\u1EE5 ${p.example}) v\xE0o d\xF2ng ti\xEAu \u0111\u1EC1.`,
    en: (_f, p) => `The file has no ${p.needed} column, so its rows cannot be read. Add one (e.g. ${p.example}) to the header.`
  },
  "computed-column": {
    level: "warning",
    title: { vi: "C\u1ED9t \u0111\u01B0\u1EE3c t\xEDnh t\u1EF1 \u0111\u1ED9ng", en: "Computed column" },
    vi: (f, p) => `C\u1ED9t ${q(f.column)} (${f.indicator}) l\xE0 t\u1EF7 l\u1EC7; antt t\u1EF1 t\xEDnh t\u1EEB ${p.numerator} v\xE0 ${p.denominator} n\xEAn b\u1ECF qua c\u1ED9t n\xE0y.`,
    en: (f, p) => `Column ${q(f.column)} (${f.indicator}) is a ratio; antt computes it from ${p.numerator} and ${p.denominator}, so the column is ignored.`
  },
  "unknown-indicator": {
    level: "error",
    title: { vi: "Ch\u1EC9 ti\xEAu kh\xF4ng r\xF5", en: "Unknown indicator" },
    vi: (f, p) => `Ch\u1EC9 ti\xEAu ${q(f.value)} kh\xF4ng c\xF3 trong danh m\u1EE5c.${p.suggestions ? ` C\xF3 ph\u1EA3i l\xE0: ${p.suggestions}?` : ""}`,
    en: (f, p) => `Indicator ${q(f.value)} is not in the catalogue.${p.suggestions ? ` Did you mean: ${p.suggestions}?` : ""}`
  },
  "ragged-row": {
    level: "error",
    title: { vi: "S\u1ED1 \xF4 kh\xF4ng kh\u1EDBp", en: "Wrong number of cells" },
    vi: (_f, p) => `D\xF2ng c\xF3 ${p.cells} \xF4, ti\xEAu \u0111\u1EC1 c\xF3 ${p.expected} c\u1ED9t. Ki\u1EC3m tra d\u1EA5u ph\xE2n c\xE1ch ho\u1EB7c d\u1EA5u ngo\u1EB7c k\xE9p trong d\xF2ng.`,
    en: (_f, p) => `The row has ${p.cells} cells; the header has ${p.expected} columns. Check the separators and quotes in the row.`
  },
  "duplicate-return": {
    level: "warning",
    title: { vi: "B\xE1o c\xE1o l\u1EB7p", en: "Duplicate return" },
    vi: (f, p) => `${f.unit} k\u1EF3 ${p.period} \u0111\xE3 \u0111\u01B0\u1EE3c b\xE1o c\xE1o t\u1EA1i ${p.first} v\u1EDBi c\xF9ng s\u1ED1 li\u1EC7u; s\u1ED1 li\u1EC7u kh\xF4ng \u0111\u01B0\u1EE3c t\xEDnh l\u1EA1i.`,
    en: (f, p) => `${f.unit} for ${p.period} was already reported at ${p.first} with the same figures; they are not counted twice.`
  },
  "conflicting-values": {
    level: "error",
    title: { vi: "S\u1ED1 li\u1EC7u m\xE2u thu\u1EABn", en: "Conflicting figures" },
    vi: (f, p) => `${f.unit} k\u1EF3 ${p.period}, ${f.indicator}: ${p.first} ghi ${num(p.firstValue, "vi")}, \u1EDF \u0111\xE2y ghi ${num(p.thisValue, "vi")}. Gi\u1EEF l\u1EA1i m\u1ED9t s\u1ED1 li\u1EC7u \u0111\xFAng.`,
    en: (f, p) => `${f.unit} for ${p.period}, ${f.indicator}: ${p.first} says ${num(p.firstValue, "en")}, this row says ${num(p.thisValue, "en")}. Keep the one correct figure.`
  },
  "conflicting-return": {
    level: "error",
    title: { vi: "B\xE1o c\xE1o m\xE2u thu\u1EABn", en: "Conflicting return" },
    vi: (f, p) => `${f.unit} k\u1EF3 ${p.period} \u0111\xE3 \u0111\u01B0\u1EE3c b\xE1o c\xE1o t\u1EA1i ${p.first} v\u1EDBi s\u1ED1 li\u1EC7u kh\xE1c; d\xF2ng n\xE0y kh\xF4ng \u0111\u01B0\u1EE3c t\xEDnh. \u0110\u1ED1i chi\u1EBFu hai d\xF2ng v\xE0 gi\u1EEF l\u1EA1i m\u1ED9t b\xE1o c\xE1o \u0111\xFAng.`,
    en: (f, p) => `${f.unit} for ${p.period} was already reported at ${p.first} with other figures; this row is not counted. Compare the two and keep the one correct return.`
  },
  "rule-violated": {
    level: "error",
    title: { vi: "Vi ph\u1EA1m quy t\u1EAFc", en: "Rule broken" },
    vi: (f, p) => `${f.unit} k\u1EF3 ${p.period}: ${p.leftVi} (${num(p.leftValue, "vi")}) ph\u1EA3i ${operatorWords[String(p.operator)]?.vi ?? p.operator} ${p.rightVi} (${num(p.rightValue, "vi")}) \u2014 quy t\u1EAFc ${p.rule}. Ki\u1EC3m tra l\u1EA1i hai s\u1ED1 li\u1EC7u n\xE0y.`,
    en: (f, p) => `${f.unit} for ${p.period}: ${p.leftEn} (${num(p.leftValue, "en")}) must be ${operatorWords[String(p.operator)]?.en ?? p.operator} ${p.rightEn} (${num(p.rightValue, "en")}) \u2014 rule ${p.rule}. Check these two figures.`
  },
  "overlapping-periods": {
    level: "error",
    title: { vi: "K\u1EF3 b\xE1o c\xE1o ch\u1ED3ng nhau", en: "Overlapping periods" },
    vi: (f, p) => `${f.unit}, ${f.indicator}: k\u1EF3 ${q(f.value)} tr\xF9ng v\u1EDBi m\u1ED9t k\u1EF3 kh\xE1c \u0111\xE3 b\xE1o c\xE1o trong n\u0103m ${p.year} (v\xED d\u1EE5 c\u1EA3 n\u0103m v\xE0 m\u1ED9t qu\xFD); s\u1ED1 li\u1EC7u k\u1EF3 n\xE0y kh\xF4ng \u0111\u01B0\u1EE3c c\u1ED9ng \u0111\u1EC3 kh\u1ECFi t\xEDnh hai l\u1EA7n. Gi\u1EEF l\u1EA1i m\u1ED9t c\xE1ch b\xE1o c\xE1o.`,
    en: (f, p) => `${f.unit}, ${f.indicator}: period ${q(f.value)} overlaps another period already reported for ${p.year} (e.g. the year and one of its quarters); it is not added, so nothing counts twice. Keep one of them.`
  },
  reconciliation: {
    level: "warning",
    title: { vi: "S\u1ED1 li\u1EC7u huy\u1EC7n/t\u1EC9nh kh\xE1c t\u1ED5ng c\u1EA5p d\u01B0\u1EDBi", en: "Own return differs from the units below" },
    vi: (f, p) => `${f.unit} n\u0103m ${p.year}, ${p.labelVi}: b\xE1o c\xE1o c\u1EE7a \u0111\u01A1n v\u1ECB ghi ${num(p.own, "vi")}, c\u1ED9ng t\u1EEB c\xE1c \u0111\u01A1n v\u1ECB c\u1EA5p d\u01B0\u1EDBi \u0111\u01B0\u1EE3c ${num(p.built, "vi")} (ch\xEAnh ${num(p.difference, "vi")}). ${p.used === "reported" ? "D\xF9ng s\u1ED1 \u0111\u01A1n v\u1ECB t\u1EF1 b\xE1o c\xE1o (--prefer reported)." : "D\xF9ng s\u1ED1 c\u1ED9ng t\u1EEB c\u1EA5p d\u01B0\u1EDBi."}`,
    en: (f, p) => `${f.unit} ${p.year}, ${p.labelEn}: its own return says ${num(p.own, "en")}, the units below add up to ${num(p.built, "en")} (difference ${num(p.difference, "en")}). ${p.used === "reported" ? "Using its own return (--prefer reported)." : "Using the sum of the units below."}`
  },
  "outside-province": {
    level: "warning",
    title: { vi: "S\u1ED1 li\u1EC7u c\u1EE7a t\u1EC9nh kh\xE1c", en: "Figures of another province" },
    vi: (f, p) => `C\xF3 s\u1ED1 li\u1EC7u c\u1EE7a ${f.unit}, nh\u01B0ng th\u01B0 m\u1EE5c n\xE0y l\xE0 c\u1EE7a t\u1EC9nh m\xE3 ${p.province} (antt.config.json): c\xE1c s\u1ED1 li\u1EC7u \u0111\xF3 kh\xF4ng \u0111\u01B0\u1EE3c t\xEDnh v\xE0o b\xE1o c\xE1o. Chuy\u1EC3n c\xE1c t\u1EC7p \u0111\xF3 sang th\u01B0 m\u1EE5c c\u1EE7a t\u1EC9nh m\xECnh.`,
    en: (f, p) => `There are figures of ${f.unit}, but this folder belongs to province ${p.province} (antt.config.json): they are not in this report. Move those files to their own province's folder.`
  },
  outlier: {
    level: "warning",
    title: { vi: "S\u1ED1 li\u1EC7u b\u1EA5t th\u01B0\u1EDDng", en: "Unusual figure" },
    vi: (f, p) => `${f.unit}, ${p.labelVi}, n\u0103m ${p.year}: ${num(f.value, "vi")} kh\xE1c xa c\xE1c n\u0103m kh\xE1c c\u1EE7a \u0111\u01A1n v\u1ECB (${num(p.low, "vi")}\u2013${num(p.high, "vi")})` + (p.reason === "tenfold" ? "; c\xF3 th\u1EC3 g\xF5 th\u1EEBa ho\u1EB7c thi\u1EBFu m\u1ED9t ch\u1EEF s\u1ED1 0." : ".") + " Ki\u1EC3m tra l\u1EA1i v\u1EDBi \u0111\u01A1n v\u1ECB b\xE1o c\xE1o.",
    en: (f, p) => `${f.unit}, ${p.labelEn}, ${p.year}: ${num(f.value, "en")} is far from the unit's other years (${num(p.low, "en")}\u2013${num(p.high, "en")})` + (p.reason === "tenfold" ? "; perhaps a zero too many or too few." : ".") + " Check it with the reporting unit."
  },
  encoding: {
    level: "error",
    title: { vi: "L\u1ED7i b\u1EA3ng m\xE3", en: "Encoding problem" },
    vi: (_f, p) => p.reason === "replacement" ? `D\xF2ng c\xF3 k\xFD t\u1EF1 kh\xF4ng \u0111\u1ECDc \u0111\u01B0\u1EE3c (byte l\u1EA1 ho\u1EB7c t\u1EC7p tr\u1ED9n nhi\u1EC1u b\u1EA3ng m\xE3). M\u1EDF t\u1EC7p trong Excel v\xE0 l\u01B0u l\u1EA1i b\u1EB1ng "CSV UTF-8".` : p.reason === "binary" ? `T\u1EC7p kh\xF4ng ph\u1EA3i v\u0103n b\u1EA3n (c\xF3 byte NUL/nh\u1ECB ph\xE2n): c\xF3 th\u1EC3 \u0111\xE3 \u0111\u1ED5i t\xEAn nh\u1EA7m. G\u1EEDi l\u1EA1i t\u1EC7p .csv, .xlsx ho\u1EB7c .json.` : `Kh\xF4ng x\xE1c \u0111\u1ECBnh \u0111\u01B0\u1EE3c b\u1EA3ng m\xE3 c\u1EE7a t\u1EC7p (kh\xF4ng ph\u1EA3i UTF-8, Windows-1258 hay TCVN3; c\xF3 th\u1EC3 l\xE0 VNI). M\u1EDF t\u1EC7p trong Excel v\xE0 l\u01B0u l\u1EA1i b\u1EB1ng "CSV UTF-8".`,
    en: (_f, p) => p.reason === "replacement" ? `The row has characters that cannot be read (stray bytes, or the file mixes encodings). Open it in Excel and save it again as "CSV UTF-8".` : p.reason === "binary" ? `The file is not text (NUL or binary bytes): perhaps misnamed. Send the .csv, .xlsx or .json file again.` : `Cannot tell the file's encoding (not UTF-8, Windows-1258 or TCVN3; perhaps VNI). Open it in Excel and save it again as "CSV UTF-8".`
  },
  "legacy-encoding": {
    level: "warning",
    title: { vi: "B\u1EA3ng m\xE3 TCVN3", en: "TCVN3 encoding" },
    vi: () => `T\u1EC7p \u0111\u01B0\u1EE3c g\xF5 b\u1EB1ng b\u1EA3ng m\xE3 TCVN3 (ph\xF4ng .VnTime); antt \u0111\xE3 chuy\u1EC3n sang Unicode. N\xEAn chuy\u1EC3n t\u1EC7p sang Unicode (Unikey: C\xF4ng c\u1EE5 chuy\u1EC3n m\xE3) tr\u01B0\u1EDBc khi g\u1EEDi.`,
    en: () => `The file was typed in TCVN3 (.VnTime fonts); antt converted it to Unicode. Convert the file to Unicode (Unikey's converter) before sending it on.`
  },
  "malformed-file": {
    level: "error",
    title: { vi: "T\u1EC7p h\u1ECFng", en: "Malformed file" },
    vi: (_f, p) => p.reason === "unclosed-quote" ? `T\u1EC7p CSV c\xF3 m\u1ED9t \xF4 m\u1EDF d\u1EA5u ngo\u1EB7c k\xE9p (") m\xE0 kh\xF4ng \u0111\xF3ng; c\xE1c d\xF2ng t\u1EEB \u0111\xE2y kh\xF4ng \u0111\u1ECDc \u0111\u01B0\u1EE3c. Ki\u1EC3m tra d\u1EA5u " trong \xF4.` : p.reason === "record-too-large" ? `D\xF2ng d\xE0i qu\xE1 ${p.limit} k\xFD t\u1EF1 (th\u01B0\u1EDDng do m\u1ED9t d\u1EA5u ngo\u1EB7c k\xE9p kh\xF4ng \u0111\xF3ng ho\u1EB7c d\xE1n nh\u1EA7m c\u1EA3 v\u0103n b\u1EA3n); c\xE1c d\xF2ng t\u1EEB \u0111\xE2y kh\xF4ng \u0111\u1ECDc \u0111\u01B0\u1EE3c.` : p.reason === "too-deep" ? `T\u1EC7p JSON l\u1ED3ng qu\xE1 ${p.limit} c\u1EA5p; m\u1ED9t b\xE1o c\xE1o ch\u1EC9 l\xE0 danh s\xE1ch c\xE1c b\u1EA3n ghi ph\u1EB3ng.` : `T\u1EC7p kh\xF4ng \u0111\xFAng c\xFA ph\xE1p ${p.format} t\u1EEB v\u1ECB tr\xED n\xE0y (${p.detail}); c\xE1c d\xF2ng sau kh\xF4ng \u0111\u1ECDc \u0111\u01B0\u1EE3c. M\u1EDF t\u1EC7p b\u1EB1ng tr\xECnh so\u1EA1n th\u1EA3o \u0111\u1EC3 s\u1EEDa, ho\u1EB7c xu\u1EA5t l\u1EA1i.`,
    en: (_f, p) => p.reason === "unclosed-quote" ? `A quoted cell (") is never closed; rows from here on cannot be read. Check the quotes in the cell.` : p.reason === "record-too-large" ? `A row is longer than ${p.limit} characters (usually a quote never closed, or a document pasted in); rows from here on cannot be read.` : p.reason === "too-deep" ? `The JSON nests deeper than ${p.limit} levels; a return is a list of flat records.` : `The file is not valid ${p.format} from this point (${p.detail}); later rows cannot be read. Fix it in a text editor, or export it again.`
  },
  "formula-without-result": {
    level: "error",
    title: { vi: "C\xF4ng th\u1EE9c ch\u01B0a c\xF3 k\u1EBFt qu\u1EA3", en: "Formula without a result" },
    vi: (_f, p) => `\xD4 ${p.cell} l\xE0 c\xF4ng th\u1EE9c nh\u01B0ng t\u1EC7p kh\xF4ng l\u01B0u k\u1EBFt qu\u1EA3 (t\u1EC7p kh\xF4ng \u0111\u01B0\u1EE3c l\u01B0u b\u1EB1ng Excel). M\u1EDF t\u1EC7p trong Excel v\xE0 l\u01B0u l\u1EA1i, ho\u1EB7c nh\u1EADp s\u1ED1 thay cho c\xF4ng th\u1EE9c.`,
    en: (_f, p) => `Cell ${p.cell} holds a formula but the file stores no result (it was not saved by Excel). Open it in Excel and save it again, or type the number instead.`
  },
  "sheet-ignored": {
    level: "warning",
    title: { vi: "Trang t\xEDnh b\u1ECF qua", en: "Sheet skipped" },
    vi: (_f, p) => `Trang t\xEDnh \xAB${p.sheet}\xBB kh\xF4ng c\xF3 d\xF2ng ti\xEAu \u0111\u1EC1 kh\u1EDBp v\u1EDBi danh m\u1EE5c ch\u1EC9 ti\xEAu n\xEAn kh\xF4ng \u0111\u01B0\u1EE3c \u0111\u1ECDc nh\u01B0 m\u1ED9t b\xE1o c\xE1o.`,
    en: (_f, p) => `Sheet \xAB${p.sheet}\xBB has no header row matching the indicator catalogue, so it is not read as a return.`
  },
  "duplicate-key": {
    level: "error",
    title: { vi: "Kh\xF3a l\u1EB7p", en: "Duplicate key" },
    vi: (_f, p) => `B\u1EA3n ghi c\xF3 hai l\u1EA7n kh\xF3a \xAB${p.key}\xBB; kh\xF4ng bi\u1EBFt gi\xE1 tr\u1ECB n\xE0o \u0111\xFAng n\xEAn b\u1EA3n ghi b\u1ECB lo\u1EA1i. Gi\u1EEF l\u1EA1i m\u1ED9t kh\xF3a.`,
    en: (_f, p) => `The record has the key \xAB${p.key}\xBB twice; which value is meant cannot be told, so the record is rejected. Keep one.`
  },
  "file-unreadable": {
    level: "error",
    title: { vi: "Kh\xF4ng \u0111\u1ECDc \u0111\u01B0\u1EE3c t\u1EC7p", en: "File cannot be read" },
    vi: (_f, p) => String(p.vi),
    en: (_f, p) => String(p.en)
  },
  "empty-file": {
    level: "error",
    title: { vi: "T\u1EC7p r\u1ED7ng", en: "Empty file" },
    vi: () => `T\u1EC7p kh\xF4ng c\xF3 d\xF2ng ti\xEAu \u0111\u1EC1 v\xE0 s\u1ED1 li\u1EC7u.`,
    en: () => `The file has no header and no rows.`
  },
  "not-a-return": {
    level: "error",
    title: { vi: "Kh\xF4ng ph\u1EA3i b\xE1o c\xE1o", en: "Not a return" },
    vi: () => `T\u1EC7p JSON ph\u1EA3i l\xE0 m\u1ED9t m\u1EA3ng b\u1EA3n ghi, ho\u1EB7c m\u1ED9t \u0111\u1ED1i t\u01B0\u1EE3ng c\xF3 m\u1EA3ng "returns".`,
    en: () => `A JSON return is an array of records, or an object with a "returns" array.`
  }
};
function levelOf(code) {
  return findingCatalogue[code].level;
}
function finding(code, fields = {}) {
  return {
    code,
    level: fields.level ?? levelOf(code),
    file: fields.file ?? null,
    line: fields.line ?? null,
    record: fields.record ?? null,
    column: fields.column ?? null,
    cell: fields.cell ?? null,
    unit: fields.unit ?? null,
    indicator: fields.indicator ?? null,
    value: fields.value ?? null,
    params: fields.params ?? {}
  };
}
function renderMessage(f, lang) {
  const spec = findingCatalogue[f.code];
  return spec[lang](f, f.params);
}
function compareFindings(a, b, fileOrder) {
  if (a.level !== b.level)
    return a.level === "error" ? -1 : 1;
  const byFile = fileOrder(a.file) - fileOrder(b.file);
  if (byFile !== 0)
    return byFile;
  return (a.line ?? a.record ?? 0) - (b.line ?? b.record ?? 0);
}

export {
  findingCatalogue,
  finding,
  renderMessage,
  compareFindings
};
