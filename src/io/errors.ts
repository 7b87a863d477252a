/**
 * Failures to operate (STYLE §3): a bad flag, a file that cannot be read. Thrown as one typed
 * error with a code; the CLI renders it in Vietnamese or English and exits 2. Findings about the
 * data are never thrown.
 */
import type { Lang } from '../core/findings.js';

type Params = Record<string, string | number | undefined>;

const messages = {
  'file-unreadable': {
    vi: (p: Params) => `Không đọc được ${p.path} (${p.reason}). Kiểm tra đường dẫn và quyền đọc tệp.`,
    en: (p: Params) => `Cannot read ${p.path} (${p.reason}). Check the path and that the file can be read.`,
  },
  'no-input': {
    vi: (p: Params) => `Không tìm thấy tệp báo cáo (.csv, .json) nào trong ${p.paths}.`,
    en: (p: Params) => `No return files (.csv, .json) found in ${p.paths}.`,
  },
  'unsupported-file': {
    vi: (p: Params) => `${p.path}: antt đọc tệp .csv và .json${p.hint ? `; ${p.hint}` : ''}.`,
    en: (p: Params) => `${p.path}: antt reads .csv and .json files${p.hint ? `; ${p.hint}` : ''}.`,
  },
  'bad-config': {
    vi: (p: Params) => `Tệp cấu hình ${p.path} không hợp lệ: ${p.detail}.`,
    en: (p: Params) => `The config file ${p.path} is not valid: ${p.detail}.`,
  },
  'bad-shipped-data': {
    vi: (p: Params) => `Dữ liệu đi kèm antt bị hỏng (${p.path}): ${p.detail}. Cài lại antt.`,
    en: (p: Params) => `Data shipped with antt is damaged (${p.path}): ${p.detail}. Reinstall antt.`,
  },
  'bad-option': {
    vi: (p: Params) => `Tùy chọn ${p.option} không hợp lệ: ${p.value}. ${p.expected}`,
    en: (p: Params) => `Option ${p.option} is not valid: ${p.value}. ${p.expectedEn ?? p.expected}`,
  },
  usage: {
    vi: (p: Params) => `${p.vi}`,
    en: (p: Params) => `${p.en}`,
  },
} satisfies Record<string, { vi: (p: Params) => string; en: (p: Params) => string }>;

export type AnttErrorCode = keyof typeof messages;

export class AnttError extends Error {
  constructor(
    readonly code: AnttErrorCode,
    readonly params: Params = {},
  ) {
    super(messages[code].en(params));
    this.name = 'AnttError';
  }

  render(lang: Lang): string {
    return messages[this.code][lang](this.params);
  }
}
