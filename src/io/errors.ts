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
    vi: (p: Params) => `Không tìm thấy tệp báo cáo (.csv, .xlsx, .json) nào trong ${p.paths}.`,
    en: (p: Params) => `No return files (.csv, .xlsx, .json) found in ${p.paths}.`,
  },
  'unsupported-file': {
    vi: (p: Params) => `${p.path}: antt đọc tệp .csv, .xlsx và .json${p.old === 'xls' ? '; mở tệp .xls trong Excel và lưu thành "Excel Workbook (.xlsx)"' : ''}.`,
    en: (p: Params) => `${p.path}: antt reads .csv, .xlsx and .json files${p.old === 'xls' ? '; open the .xls in Excel and save it as "Excel Workbook (.xlsx)"' : ''}.`,
  },
  'bad-config': {
    vi: (p: Params) => `Tệp cấu hình ${p.path} không hợp lệ: ${p.detail}.`,
    en: (p: Params) => `The config file ${p.path} is not valid: ${p.detail}.`,
  },
  'empty-units': {
    vi: (p: Params) => `Danh mục ${p.path} (khai trong antt.config.json) chỉ có dòng tiêu đề, không có đơn vị nào: mọi đơn vị sẽ bị coi là không có. Thêm các dòng đơn vị theo mẫu trong data/gazetteer/, hoặc bỏ mục "units" khỏi antt.config.json để dùng danh mục có sẵn.`,
    en: (p: Params) => `The list ${p.path} (named in antt.config.json) has its header and no rows: every unit would be unknown. Add its rows after the files in data/gazetteer/, or remove "units" from antt.config.json to use the shipped lists.`,
  },
  'bad-units': {
    vi: (p: Params) => `Danh mục đơn vị ${p.path} (khai trong antt.config.json) không hợp lệ: ${p.detail}. Sửa tệp theo mẫu trong data/gazetteer/.`,
    en: (p: Params) => `The unit list ${p.path} (named in antt.config.json) is not valid: ${p.detail}. Fix it after the files in data/gazetteer/.`,
  },
  'bad-shipped-data': {
    vi: (p: Params) => `Dữ liệu đi kèm antt bị hỏng (${p.path}): ${p.detail}. Cài lại antt.`,
    en: (p: Params) => `Data shipped with antt is damaged (${p.path}): ${p.detail}. Reinstall antt.`,
  },
  'bad-option': {
    vi: (p: Params) => `Tùy chọn ${p.option} không hợp lệ: ${p.value}. ${p.expected}`,
    en: (p: Params) => `Option ${p.option} is not valid: ${p.value}. ${p.expectedEn ?? p.expected}`,
  },
  'no-figures': {
    vi: (p: Params) => `Không có số liệu hợp lệ nào trong ${p.paths} để tổng hợp. Chạy \`antt validate\` để xem lý do.`,
    en: (p: Params) => `No valid figures in ${p.paths} to add up. Run \`antt validate\` to see why.`,
  },
  'empty-window': {
    vi: (p: Params) => `Không có số liệu nào trong giai đoạn ${p.from}–${p.to}: các báo cáo đã đọc có số liệu từ năm ${p.first} đến năm ${p.last}. Sửa --from/--to.`,
    en: (p: Params) => `No figures at all in ${p.from}–${p.to}: the returns read have figures from ${p.first} to ${p.last}. Fix --from/--to.`,
  },
  'bad-window': {
    vi: (p: Params) => `Năm bắt đầu (${p.from}) sau năm kết thúc (${p.to}). Sửa --from/--to hoặc tệp cấu hình.`,
    en: (p: Params) => `The first year (${p.from}) is after the last (${p.to}). Fix --from/--to or the config file.`,
  },
  'output-is-input': {
    vi: (p: Params) => `Không ghi ra ${p.path}: đó là một tệp antt vừa đọc (báo cáo, cấu hình hoặc danh mục đơn vị, có thể qua liên kết). Ghi đè sẽ mất số liệu; chọn tên tệp khác cho --out.`,
    en: (p: Params) => `Not writing ${p.path}: it is a file antt has just read (a return, the config or a unit list, perhaps through a link). Writing over it would lose data; choose another name for --out.`,
  },
  'output-failed': {
    vi: (p: Params) => `Không ghi được kết quả ra ${p.stream === 'stdout' ? 'đầu ra chuẩn' : p.stream} (${p.reason}): báo cáo chưa được ghi. Kiểm tra chỗ trống trên đĩa, hoặc ghi ra tệp bằng --out.`,
    en: (p: Params) => `Cannot write the output to ${p.stream} (${p.reason}): the report was not written. Check the disk space, or write to a file with --out.`,
  },
  'output-unwritable': {
    vi: (p: Params) => `Không ghi được ${p.path} (${p.reason}). Kiểm tra thư mục và quyền ghi.`,
    en: (p: Params) => `Cannot write ${p.path} (${p.reason}). Check the folder and write permission.`,
  },
  'would-overwrite': {
    vi: (p: Params) => `${p.count} tệp đã có trong ${p.folder} (ví dụ ${p.first}); không ghi đè. Chọn thư mục khác, hoặc thêm --force để ghi đè.`,
    en: (p: Params) => `${p.count} files already exist in ${p.folder} (e.g. ${p.first}); nothing was overwritten. Choose another folder, or add --force to overwrite.`,
  },
  'workbook-unreadable': {
    vi: (p: Params) =>
      p.reason === 'ole'
        ? `${p.path} là bảng tính Excel cũ (.xls) hoặc có mật khẩu. Mở trong Excel, bỏ mật khẩu nếu có, rồi lưu thành "Excel Workbook (.xlsx)".`
        : p.reason === 'no-sheets'
          ? `${p.path} không có trang tính nào có ô (chỉ có biểu đồ?): không có số liệu để đọc. Gửi lại bảng tính có trang số liệu.`
          : `${p.path} không phải tệp .xlsx đọc được (tệp hỏng hoặc không phải bảng tính${p.detail ? `: ${p.detail}` : ''}). Mở lại trong Excel và lưu thành "Excel Workbook (.xlsx)".`,
    en: (p: Params) =>
      p.reason === 'ole'
        ? `${p.path} is an old Excel (.xls) or password-protected workbook. Open it in Excel, remove any password, and save it as "Excel Workbook (.xlsx)".`
        : p.reason === 'no-sheets'
          ? `${p.path} has no worksheet with cells (only charts?): there are no figures to read. Ask for the workbook with its data sheet.`
          : `${p.path} is not a readable .xlsx file (damaged, or not a workbook${p.detail ? `: ${p.detail}` : ''}). Open it in Excel and save it as "Excel Workbook (.xlsx)".`,
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
