import { createRequire as __antt_createRequire } from 'node:module'; const require = __antt_createRequire(import.meta.url);

// dist/src/io/errors.js
var messages = {
  "file-unreadable": {
    vi: (p) => `Kh\xF4ng \u0111\u1ECDc \u0111\u01B0\u1EE3c ${p.path} (${p.reason}). Ki\u1EC3m tra \u0111\u01B0\u1EDDng d\u1EABn v\xE0 quy\u1EC1n \u0111\u1ECDc t\u1EC7p.`,
    en: (p) => `Cannot read ${p.path} (${p.reason}). Check the path and that the file can be read.`
  },
  "no-input": {
    vi: (p) => `Kh\xF4ng t\xECm th\u1EA5y t\u1EC7p b\xE1o c\xE1o (.csv, .xlsx, .json) n\xE0o trong ${p.paths}.`,
    en: (p) => `No return files (.csv, .xlsx, .json) found in ${p.paths}.`
  },
  "unsupported-file": {
    vi: (p) => `${p.path}: antt \u0111\u1ECDc t\u1EC7p .csv, .xlsx v\xE0 .json${p.hint ? `; ${p.hint}` : ""}.`,
    en: (p) => `${p.path}: antt reads .csv, .xlsx and .json files${p.hint ? `; ${p.hint}` : ""}.`
  },
  "bad-config": {
    vi: (p) => `T\u1EC7p c\u1EA5u h\xECnh ${p.path} kh\xF4ng h\u1EE3p l\u1EC7: ${p.detail}.`,
    en: (p) => `The config file ${p.path} is not valid: ${p.detail}.`
  },
  "bad-units": {
    vi: (p) => `Danh m\u1EE5c \u0111\u01A1n v\u1ECB ${p.path} (khai trong antt.config.json) kh\xF4ng h\u1EE3p l\u1EC7: ${p.detail}. S\u1EEDa t\u1EC7p theo m\u1EABu trong data/gazetteer/.`,
    en: (p) => `The unit list ${p.path} (named in antt.config.json) is not valid: ${p.detail}. Fix it after the files in data/gazetteer/.`
  },
  "bad-shipped-data": {
    vi: (p) => `D\u1EEF li\u1EC7u \u0111i k\xE8m antt b\u1ECB h\u1ECFng (${p.path}): ${p.detail}. C\xE0i l\u1EA1i antt.`,
    en: (p) => `Data shipped with antt is damaged (${p.path}): ${p.detail}. Reinstall antt.`
  },
  "bad-option": {
    vi: (p) => `T\xF9y ch\u1ECDn ${p.option} kh\xF4ng h\u1EE3p l\u1EC7: ${p.value}. ${p.expected}`,
    en: (p) => `Option ${p.option} is not valid: ${p.value}. ${p.expectedEn ?? p.expected}`
  },
  "no-figures": {
    vi: (p) => `Kh\xF4ng c\xF3 s\u1ED1 li\u1EC7u h\u1EE3p l\u1EC7 n\xE0o trong ${p.paths} \u0111\u1EC3 t\u1ED5ng h\u1EE3p. Ch\u1EA1y \`antt validate\` \u0111\u1EC3 xem l\xFD do.`,
    en: (p) => `No valid figures in ${p.paths} to add up. Run \`antt validate\` to see why.`
  },
  "bad-window": {
    vi: (p) => `N\u0103m b\u1EAFt \u0111\u1EA7u (${p.from}) sau n\u0103m k\u1EBFt th\xFAc (${p.to}). S\u1EEDa --from/--to ho\u1EB7c t\u1EC7p c\u1EA5u h\xECnh.`,
    en: (p) => `The first year (${p.from}) is after the last (${p.to}). Fix --from/--to or the config file.`
  },
  "output-unwritable": {
    vi: (p) => `Kh\xF4ng ghi \u0111\u01B0\u1EE3c ${p.path} (${p.reason}). Ki\u1EC3m tra th\u01B0 m\u1EE5c v\xE0 quy\u1EC1n ghi.`,
    en: (p) => `Cannot write ${p.path} (${p.reason}). Check the folder and write permission.`
  },
  "would-overwrite": {
    vi: (p) => `${p.count} t\u1EC7p \u0111\xE3 c\xF3 trong ${p.folder} (v\xED d\u1EE5 ${p.first}); kh\xF4ng ghi \u0111\xE8. Ch\u1ECDn th\u01B0 m\u1EE5c kh\xE1c, ho\u1EB7c th\xEAm --force \u0111\u1EC3 ghi \u0111\xE8.`,
    en: (p) => `${p.count} files already exist in ${p.folder} (e.g. ${p.first}); nothing was overwritten. Choose another folder, or add --force to overwrite.`
  },
  "workbook-unreadable": {
    vi: (p) => p.reason === "ole" ? `${p.path} l\xE0 b\u1EA3ng t\xEDnh Excel c\u0169 (.xls) ho\u1EB7c c\xF3 m\u1EADt kh\u1EA9u. M\u1EDF trong Excel, b\u1ECF m\u1EADt kh\u1EA9u n\u1EBFu c\xF3, r\u1ED3i l\u01B0u th\xE0nh "Excel Workbook (.xlsx)".` : `${p.path} kh\xF4ng ph\u1EA3i t\u1EC7p .xlsx \u0111\u1ECDc \u0111\u01B0\u1EE3c (t\u1EC7p h\u1ECFng ho\u1EB7c kh\xF4ng ph\u1EA3i b\u1EA3ng t\xEDnh${p.detail ? `: ${p.detail}` : ""}). M\u1EDF l\u1EA1i trong Excel v\xE0 l\u01B0u th\xE0nh "Excel Workbook (.xlsx)".`,
    en: (p) => p.reason === "ole" ? `${p.path} is an old Excel (.xls) or password-protected workbook. Open it in Excel, remove any password, and save it as "Excel Workbook (.xlsx)".` : `${p.path} is not a readable .xlsx file (damaged, or not a workbook${p.detail ? `: ${p.detail}` : ""}). Open it in Excel and save it as "Excel Workbook (.xlsx)".`
  },
  usage: {
    vi: (p) => `${p.vi}`,
    en: (p) => `${p.en}`
  }
};
var AnttError = class extends Error {
  code;
  params;
  constructor(code, params = {}) {
    super(messages[code].en(params));
    this.code = code;
    this.params = params;
    this.name = "AnttError";
  }
  render(lang) {
    return messages[this.code][lang](this.params);
  }
};

export {
  AnttError
};
