/**
 * Findings: what is wrong with the data, as values (STYLE §3–4). One catalogue maps each stable
 * code to its level and to a Vietnamese and an English message; one renderer fills them in.
 */

export type Level = 'error' | 'warning';
export type Lang = 'vi' | 'en';

export interface Finding {
  code: FindingCode;
  level: Level;
  file: string | null;
  /** 1-based physical line; the header is line 1. Null for JSON and for whole-file findings. */
  line: number | null;
  /** JSON returns: 1-based position of the record in its array. */
  record: number | null;
  /** The header cell as written in the file. */
  column: string | null;
  /** Spreadsheets: the cell, e.g. `B7` (the file is then `bao-cao.xlsx!Sheet1`). */
  cell: string | null;
  /** Spreadsheets: the sheet (`file` ends with `!` and it; JSON gives the path and the sheet apart). */
  sheet: string | null;
  unit: string | null;
  indicator: string | null;
  /** The offending text, as written. */
  value: string | null;
  /** Facts the message needs beyond the location. */
  params: Params;
}

export type Params = Record<string, string | number | null | undefined>;

type Template = (f: Finding, p: Params) => string;

interface FindingSpec {
  level: Level;
  title: { vi: string; en: string };
  vi: Template;
  en: Template;
}

const operatorWords: Record<string, { vi: string; en: string }> = {
  '<=': { vi: '≤', en: '≤' },
  '<': { vi: '<', en: '<' },
  '>=': { vi: '≥', en: '≥' },
  '>': { vi: '>', en: '>' },
  '==': { vi: 'bằng', en: 'equal to' },
};

/** A plain decimal ("2175", "23.7") as the language writes it ("2.175", "23,7"). */
const num = (text: unknown, lang: Lang) => {
  const plain = String(text ?? '');
  if (!/^-?[0-9]+(\.[0-9]+)?$/.test(plain)) return plain;
  const [int = '', frac] = plain.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'vi' ? '.' : ',');
  return frac ? grouped + (lang === 'vi' ? ',' : '.') + frac : grouped;
};

const q = (text: unknown) => `«${String(text ?? '')}»`;
const list = (text: unknown) => String(text ?? '');

/** Every finding code. Adding a code here is all it takes to give it messages in both languages. */
export const findingCatalogue = {
  'unknown-unit': {
    level: 'error',
    title: { vi: 'Không có đơn vị', en: 'Unknown unit' },
    vi: (f, p) => `Không tìm thấy đơn vị ${q(f.value)} trong danh mục đơn vị hành chính cho kỳ ${p.period ?? ''}.${p.suggestions ? ` Có phải là: ${p.suggestions}?` : ' Kiểm tra lại mã (5 chữ số cho xã, 3 cho huyện) hoặc tên đơn vị.'}`,
    en: (f, p) => `No unit ${q(f.value)} in the official unit list for period ${p.period ?? ''}.${p.suggestions ? ` Did you mean: ${p.suggestions}?` : ' Check the code (5 digits for a commune, 3 for a district) or the name.'}`,
  },
  'ambiguous-unit': {
    level: 'error',
    title: { vi: 'Tên đơn vị trùng', en: 'Ambiguous unit name' },
    vi: (f, p) => `Tên ${q(f.value)} ứng với nhiều đơn vị: ${list(p.candidates)}. Hãy ghi thêm mã đơn vị.`,
    en: (f, p) => `The name ${q(f.value)} matches several units: ${list(p.candidates)}. Add the unit code.`,
  },
  'unit-retired': {
    level: 'error',
    title: { vi: 'Đơn vị đã sáp nhập', en: 'Unit no longer exists' },
    vi: (f, p) => `Đơn vị ${q(f.value)} (${p.official}) không còn tồn tại từ ngày 01/07/2025, không dùng được cho kỳ ${p.period}. ${p.successors ? `Đã nhập vào: ${p.successors}.` : ''} Hãy báo cáo theo đơn vị mới.`,
    en: (f, p) => `Unit ${q(f.value)} (${p.official}) ceased to exist on 1 July 2025 and cannot report for period ${p.period}. ${p.successors ? `It went into: ${p.successors}.` : ''} Report under the new unit.`,
  },
  'unit-not-yet': {
    level: 'error',
    title: { vi: 'Đơn vị chưa tồn tại', en: 'Unit did not exist yet' },
    vi: (f, p) => `Đơn vị ${q(f.value)} (${p.official}) chỉ có từ ngày 01/07/2025, không dùng được cho kỳ ${p.period}. Kỳ trước cải cách phải dùng mã đơn vị cũ.`,
    en: (f, p) => `Unit ${q(f.value)} (${p.official}) exists only from 1 July 2025 and cannot report for period ${p.period}. Periods before the reform use the old unit codes.`,
  },
  'reform-list-assumed': {
    level: 'warning',
    title: { vi: 'Chưa rõ danh mục đơn vị năm 2025', en: 'Unit list of 2025 not stated' },
    vi: (_f, p) => `Không dòng nào của tệp này cho biết số liệu kỳ ${p.period} theo danh mục đơn vị nào (mã xã mới trùng mã xã cũ, tên giống nhau): đã tính theo danh mục mới (sau ngày 01/07/2025), như báo cáo năm 2025 thường được lập. Nếu tệp là của các xã cũ, ghi "list_2025": "old" vào antt.config.json; nếu đúng là xã mới, ghi "list_2025": "new" để không còn cảnh báo này.`,
    en: (_f, p) => `No row of this file says which unit list its ${p.period} figures use (new commune codes reuse old ones, and the names are the same): they were counted under the new list (after 1 July 2025), as annual 2025 returns usually are. If the file is from the old communes, put "list_2025": "old" in antt.config.json; if it is from the new ones, "list_2025": "new" silences this warning.`,
  },
  'reform-list-mixed': {
    level: 'error',
    title: { vi: 'Lẫn đơn vị cũ và mới', en: 'Old and new units mixed' },
    vi: (f, p) => `Đơn vị ${q(f.value)} thuộc danh mục ${p.other === 'new' ? 'mới (sau 01/07/2025)' : 'cũ (trước 01/07/2025)'}, nhưng tệp này báo cáo kỳ ${p.period} theo danh mục ${p.list === 'new' ? 'mới' : 'cũ'} (${p.evidence}). Một biểu chỉ theo một danh mục: tách các dòng này sang tệp khác.`,
    en: (f, p) => `Unit ${q(f.value)} is in the ${p.other} list (${p.other === 'new' ? 'after' : 'before'} 1 July 2025), but this file reports ${p.period} in the ${p.list} list (${p.evidence}). A form uses one list: move these rows to a file of their own.`,
  },
  'missing-unit': {
    level: 'error',
    title: { vi: 'Thiếu đơn vị', en: 'Missing unit' },
    vi: () => `Dòng không có mã đơn vị và tên đơn vị. Hãy điền mã (hoặc tên) đơn vị báo cáo.`,
    en: () => `The row has neither a unit code nor a unit name. Fill in the reporting unit's code (or name).`,
  },
  'unit-name-mismatch': {
    level: 'warning',
    title: { vi: 'Mã và tên không khớp', en: 'Code and name disagree' },
    vi: (f, p) => `Mã ${f.unit} là ${q(p.official)}, nhưng dòng ghi tên ${q(f.value)}. Số liệu được tính cho ${p.official}; nếu sai, sửa lại mã.`,
    en: (f, p) => `Code ${f.unit} is ${q(p.official)}, but the row names ${q(f.value)}. The figures count for ${p.official}; if that is wrong, fix the code.`,
  },
  'leading-zeros-dropped': {
    level: 'warning',
    title: { vi: 'Mã mất số 0 đầu', en: 'Leading zeros dropped' },
    vi: (f, p) => `Mã ${q(f.value)} thiếu số 0 ở đầu (Excel thường bỏ đi); đã hiểu là ${p.official} (${p.name}). Định dạng cột mã là Text để giữ số 0.`,
    en: (f, p) => `Code ${q(f.value)} lost its leading zeros (Excel drops them); read as ${p.official} (${p.name}). Format the code column as Text to keep them.`,
  },
  'missing-period': {
    level: 'error',
    title: { vi: 'Thiếu kỳ báo cáo', en: 'Missing period' },
    vi: () => `Dòng không có năm hoặc kỳ báo cáo. Điền năm (ví dụ 2019) hoặc kỳ (2019-Q3, 2019-06, 2019-H1).`,
    en: () => `The row has no year or period. Fill in a year (e.g. 2019) or a period (2019-Q3, 2019-06, 2019-H1).`,
  },
  'bad-period': {
    level: 'error',
    title: { vi: 'Kỳ báo cáo sai', en: 'Bad period' },
    vi: (f) => `Kỳ báo cáo ${q(f.value)} không hợp lệ. Viết năm (2019) hoặc kỳ (2019-Q3, 2019-06, 2019-H1), năm từ 1990 đến 2100.`,
    en: (f) => `Period ${q(f.value)} is not valid. Write a year (2019) or a period (2019-Q3, 2019-06, 2019-H1), years 1990 to 2100.`,
  },
  'bad-number': {
    level: 'error',
    title: { vi: 'Không phải số', en: 'Not a number' },
    vi: (f, p) =>
      p.reason === 'percent'
        ? `Ô ${q(f.value)} là tỷ lệ phần trăm; chỉ tiêu này cần số tuyệt đối (tỷ lệ do antt tự tính).`
        : p.reason === 'misplaced-separators'
          ? `Ô ${q(f.value)} có dấu phân cách không đúng chỗ. Viết ví dụ 17.429 hoặc 17429 (số nguyên), 23,7 (số thập phân).`
          : `Ô ${q(f.value)} không phải là số. Chỉ dùng chữ số 0–9, dấu chấm/phẩy phân cách; để trống nếu không báo cáo, '-' nếu bằng 0.`,
    en: (f, p) =>
      p.reason === 'percent'
        ? `Cell ${q(f.value)} is a percentage; this indicator takes an absolute figure (antt computes the ratios).`
        : p.reason === 'misplaced-separators'
          ? `Cell ${q(f.value)} has separators in the wrong places. Write e.g. 17.429 or 17429 (whole number), 23,7 (decimal).`
          : `Cell ${q(f.value)} is not a number. Use digits 0–9 with dot or comma separators; leave it blank if not reported, '-' for zero.`,
  },
  'ambiguous-number': {
    level: 'error',
    title: { vi: 'Số không rõ nghĩa', en: 'Ambiguous number' },
    vi: (f, p) => `Ô ${q(f.value)} có thể là ${p.asThousands} (dấu phân cách hàng nghìn) hoặc ${p.asDecimal} (dấu thập phân). Viết ${p.asThousands} không có dấu phân cách, hoặc dùng dấu phẩy cho phần thập phân (tối đa ${p.decimals} chữ số).`,
    en: (f, p) => `Cell ${q(f.value)} could be ${p.asThousands} (thousands separator) or ${p.asDecimal} (decimal point). Write ${p.asThousands} without a separator, or use a comma for the decimals (at most ${p.decimals} places).`,
  },
  'negative-number': {
    level: 'error',
    title: { vi: 'Số âm', en: 'Negative number' },
    vi: (f) => `Ô ${q(f.value)} là số âm; số liệu thống kê này không thể âm. Sửa lại số, hoặc ghi '-' nếu không có.`,
    en: (f) => `Cell ${q(f.value)} is negative; this figure cannot be. Fix it, or write '-' for none.`,
  },
  'too-many-decimals': {
    level: 'error',
    title: { vi: 'Quá nhiều chữ số thập phân', en: 'Too many decimals' },
    vi: (f, p) =>
      Number(p.decimals) === 0
        ? `Ô ${q(f.value)} có phần thập phân, nhưng chỉ tiêu này là số đếm (số nguyên).`
        : `Ô ${q(f.value)} có ${p.given} chữ số thập phân; chỉ tiêu này cho phép tối đa ${p.decimals}.`,
    en: (f, p) =>
      Number(p.decimals) === 0
        ? `Cell ${q(f.value)} has decimals, but this indicator is a count (whole number).`
        : `Cell ${q(f.value)} has ${p.given} decimal places; this indicator allows at most ${p.decimals}.`,
  },
  'number-too-large': {
    level: 'error',
    title: { vi: 'Số quá lớn', en: 'Number too large' },
    vi: (f) => `Ô ${q(f.value)} quá lớn để là số liệu thống kê; kiểm tra lại (có thể gõ thừa chữ số).`,
    en: (f) => `Cell ${q(f.value)} is too large to be a statistic; check it (extra digits typed?).`,
  },
  'bad-yes-no': {
    level: 'error',
    title: { vi: 'Cần có/không', en: 'Yes or no expected' },
    vi: (f) => `Ô ${q(f.value)}: xã báo cáo chỉ tiêu này bằng có/không (có, không, x, 1, 0).`,
    en: (f) => `Cell ${q(f.value)}: a commune answers this indicator yes or no (có, không, x, 1, 0).`,
  },
  'unknown-column': {
    level: 'error',
    title: { vi: 'Cột không rõ', en: 'Unknown column' },
    vi: (f, p) => `Cột ${q(f.column)} không có trong danh mục chỉ tiêu.${p.suggestions ? ` Có phải là: ${p.suggestions}?` : ''} Xem danh sách bằng lệnh \`antt indicators\`.`,
    en: (f, p) => `Column ${q(f.column)} is not in the indicator catalogue.${p.suggestions ? ` Did you mean: ${p.suggestions}?` : ''} List them with \`antt indicators\`.`,
  },
  'duplicate-column': {
    level: 'error',
    title: { vi: 'Cột lặp', en: 'Duplicate column' },
    vi: (f, p) => `Cột ${q(f.column)} và cột ${q(p.other)} cùng là chỉ tiêu ${f.indicator}. Xóa một cột.`,
    en: (f, p) => `Columns ${q(f.column)} and ${q(p.other)} are both indicator ${f.indicator}. Remove one.`,
  },
  'missing-column': {
    level: 'error',
    title: { vi: 'Thiếu cột', en: 'Missing column' },
    vi: (_f, p) => `Tệp thiếu cột ${p.needed}; không đọc được các dòng số liệu. Thêm cột (ví dụ ${p.example}) vào dòng tiêu đề.`,
    en: (_f, p) => `The file has no ${p.needed} column, so its rows cannot be read. Add one (e.g. ${p.example}) to the header.`,
  },
  'computed-column': {
    level: 'warning',
    title: { vi: 'Cột được tính tự động', en: 'Computed column' },
    vi: (f, p) => `Cột ${q(f.column)} (${f.indicator}) là tỷ lệ; antt tự tính từ ${p.numerator} và ${p.denominator} nên bỏ qua cột này.`,
    en: (f, p) => `Column ${q(f.column)} (${f.indicator}) is a ratio; antt computes it from ${p.numerator} and ${p.denominator}, so the column is ignored.`,
  },
  'unknown-indicator': {
    level: 'error',
    title: { vi: 'Chỉ tiêu không rõ', en: 'Unknown indicator' },
    vi: (f, p) => `Chỉ tiêu ${q(f.value)} không có trong danh mục.${p.suggestions ? ` Có phải là: ${p.suggestions}?` : ''}`,
    en: (f, p) => `Indicator ${q(f.value)} is not in the catalogue.${p.suggestions ? ` Did you mean: ${p.suggestions}?` : ''}`,
  },
  'ragged-row': {
    level: 'error',
    title: { vi: 'Số ô không khớp', en: 'Wrong number of cells' },
    vi: (_f, p) => `Dòng có ${p.cells} ô, tiêu đề có ${p.expected} cột. Kiểm tra dấu phân cách hoặc dấu ngoặc kép trong dòng.`,
    en: (_f, p) => `The row has ${p.cells} cells; the header has ${p.expected} columns. Check the separators and quotes in the row.`,
  },
  'duplicate-return': {
    level: 'warning',
    title: { vi: 'Báo cáo lặp', en: 'Duplicate return' },
    vi: (f, p) => `${f.unit} kỳ ${p.period} đã được báo cáo tại ${p.first} với cùng số liệu; số liệu không được tính lại.`,
    en: (f, p) => `${f.unit} for ${p.period} was already reported at ${p.first} with the same figures; they are not counted twice.`,
  },
  'conflicting-values': {
    level: 'error',
    title: { vi: 'Số liệu mâu thuẫn', en: 'Conflicting figures' },
    vi: (f, p) => `${f.unit} kỳ ${p.period}, ${f.indicator}: ${p.first} ghi ${num(p.firstValue, 'vi')}, ở đây ghi ${num(p.thisValue, 'vi')}. Giữ lại một số liệu đúng.`,
    en: (f, p) => `${f.unit} for ${p.period}, ${f.indicator}: ${p.first} says ${num(p.firstValue, 'en')}, this row says ${num(p.thisValue, 'en')}. Keep the one correct figure.`,
  },
  'conflicting-return': {
    level: 'error',
    title: { vi: 'Báo cáo mâu thuẫn', en: 'Conflicting return' },
    vi: (f, p) => `${f.unit} kỳ ${p.period} đã được báo cáo tại ${p.first} với số liệu khác; dòng này không được tính. Đối chiếu hai dòng và giữ lại một báo cáo đúng.`,
    en: (f, p) => `${f.unit} for ${p.period} was already reported at ${p.first} with other figures; this row is not counted. Compare the two and keep the one correct return.`,
  },
  'rule-violated': {
    level: 'error',
    title: { vi: 'Vi phạm quy tắc', en: 'Rule broken' },
    vi: (f, p) => `${f.unit} kỳ ${p.period}: ${p.leftVi} (${num(p.leftValue, 'vi')}) phải ${operatorWords[String(p.operator)]?.vi ?? p.operator} ${p.rightVi} (${num(p.rightValue, 'vi')}) — quy tắc ${p.rule}. Kiểm tra lại hai số liệu này.`,
    en: (f, p) => `${f.unit} for ${p.period}: ${p.leftEn} (${num(p.leftValue, 'en')}) must be ${operatorWords[String(p.operator)]?.en ?? p.operator} ${p.rightEn} (${num(p.rightValue, 'en')}) — rule ${p.rule}. Check these two figures.`,
  },
  'overlapping-periods': {
    level: 'error',
    title: { vi: 'Kỳ báo cáo chồng nhau', en: 'Overlapping periods' },
    vi: (f, p) => `${f.unit}, ${f.indicator}: kỳ ${q(f.value)} trùng với một kỳ khác đã báo cáo trong năm ${p.year} (ví dụ cả năm và một quý); số liệu kỳ này không được cộng để khỏi tính hai lần. Giữ lại một cách báo cáo.`,
    en: (f, p) => `${f.unit}, ${f.indicator}: period ${q(f.value)} overlaps another period already reported for ${p.year} (e.g. the year and one of its quarters); it is not added, so nothing counts twice. Keep one of them.`,
  },
  reconciliation: {
    level: 'warning',
    title: { vi: 'Số liệu huyện/tỉnh khác tổng cấp dưới', en: 'Own return differs from the units below' },
    vi: (f, p) =>
      `${f.unit} năm ${p.year}, ${p.labelVi}: báo cáo của đơn vị ghi ${num(p.own, 'vi')}, cộng từ các đơn vị cấp dưới được ${num(p.built, 'vi')} (chênh ${num(p.difference, 'vi')}). ${p.used === 'reported' ? 'Dùng số đơn vị tự báo cáo (--prefer reported).' : 'Dùng số cộng từ cấp dưới.'}`,
    en: (f, p) =>
      `${f.unit} ${p.year}, ${p.labelEn}: its own return says ${num(p.own, 'en')}, the units below add up to ${num(p.built, 'en')} (difference ${num(p.difference, 'en')}). ${p.used === 'reported' ? 'Using its own return (--prefer reported).' : 'Using the sum of the units below.'}`,
  },
  'outside-province': {
    level: 'warning',
    title: { vi: 'Số liệu của tỉnh khác', en: 'Figures of another province' },
    vi: (f, p) => `Có số liệu của ${f.unit}, nhưng thư mục này là của tỉnh mã ${p.province} (antt.config.json): các số liệu đó không được tính vào báo cáo. Chuyển các tệp đó sang thư mục của tỉnh mình.`,
    en: (f, p) => `There are figures of ${f.unit}, but this folder belongs to province ${p.province} (antt.config.json): they are not in this report. Move those files to their own province's folder.`,
  },
  'reform-overlap': {
    level: 'warning',
    title: { vi: 'Số liệu trùng kỳ cũ và mới', en: 'Old and new units for one year' },
    vi: (f, p) => `${f.unit} đã báo cáo năm ${p.year}, và đơn vị cũ nhập vào đó (${p.old}) cũng báo cáo năm ${p.year}: dùng số của đơn vị mới, số của đơn vị cũ năm đó không được cộng thêm (để không tính hai lần). Nếu báo cáo của đơn vị cũ là kỳ khác (ví dụ 6 tháng đầu năm), hãy kiểm tra lại.`,
    en: (f, p) => `${f.unit} reported for ${p.year}, and the old unit(s) that went into it (${p.old}) did too: the new unit's figure is used and the old units' figures of that year are not added (so nothing counts twice). If the old units' return is for another period (e.g. the first half), check it.`,
  },
  'province-merged': {
    level: 'warning',
    title: { vi: 'Tỉnh đã sáp nhập', en: 'Province merged' },
    vi: (f, p) => `${f.unit} đã nhập vào ${p.into} từ ngày 01/07/2025: báo cáo này là số liệu của tỉnh cũ, theo các đơn vị cũ. Số liệu của cả tỉnh mới (kể cả các năm trước cải cách) xem trong thư mục của ${p.into} (antt.config.json: "province": "${p.code}").`,
    en: (f, p) => `${f.unit} went into ${p.into} on 1 July 2025: this report is the former province's figures, by its former units. For the whole new province (its years before the reform too), use a folder of ${p.into} (antt.config.json: "province": "${p.code}").`,
  },
  'no-districts-after-reform': {
    level: 'warning',
    title: { vi: 'Không còn cấp huyện', en: 'No districts after the reform' },
    vi: (f, p) => `Từ ngày 01/07/2025 không còn cấp huyện: ${f.unit} trong giai đoạn ${p.from}–${p.to} chỉ có thể báo cáo theo xã và toàn tỉnh. Dùng --level commune hoặc --level province.`,
    en: (f, p) => `There are no districts after 1 July 2025: ${f.unit} over ${p.from}–${p.to} can only be shown by commune and as a whole. Use --level commune or --level province.`,
  },
  'districts-before-reform-only': {
    level: 'warning',
    title: { vi: 'Huyện cũ chỉ đến trước cải cách', en: 'Former districts: pre-reform years only' },
    vi: (f, p) => `Các huyện (cũ) của ${f.unit} chỉ có số liệu đến năm ${p.to}: sau ngày 01/07/2025 không còn cấp huyện, nên cộng các huyện không bằng số toàn tỉnh của cả giai đoạn. Số liệu sau cải cách xem theo xã (--level commune).`,
    en: (f, p) => `The former districts of ${f.unit} have figures up to ${p.to} only: there are no districts after 1 July 2025, so the districts do not add up to the province's figure for the whole window. See the years after the reform by commune (--level commune).`,
  },
  outlier: {
    level: 'warning',
    title: { vi: 'Số liệu bất thường', en: 'Unusual figure' },
    vi: (f, p) =>
      `${f.unit}, ${p.labelVi}, năm ${p.year}: ${num(f.value, 'vi')} khác xa ${p.sameYear ? 'các xã khác của tỉnh cùng năm' : 'các năm khác của đơn vị'} (${num(p.low, 'vi')}–${num(p.high, 'vi')})` +
      (p.reason === 'tenfold' ? '; có thể gõ thừa hoặc thiếu một chữ số 0.' : '.') +
      ' Kiểm tra lại với đơn vị báo cáo.',
    en: (f, p) =>
      `${f.unit}, ${p.labelEn}, ${p.year}: ${num(f.value, 'en')} is far from ${p.sameYear ? "the province's other communes that year" : "the unit's other years"} (${num(p.low, 'en')}–${num(p.high, 'en')})` +
      (p.reason === 'tenfold' ? '; perhaps a zero too many or too few.' : '.') +
      ' Check it with the reporting unit.',
  },
  encoding: {
    level: 'error',
    title: { vi: 'Lỗi bảng mã', en: 'Encoding problem' },
    vi: (_f, p) =>
      p.reason === 'replacement'
        ? `Dòng có ký tự không đọc được (byte lạ hoặc tệp trộn nhiều bảng mã). Mở tệp trong Excel và lưu lại bằng "CSV UTF-8".`
        : p.reason === 'binary'
          ? `Tệp không phải văn bản (có byte NUL/nhị phân): có thể đã đổi tên nhầm. Gửi lại tệp .csv, .xlsx hoặc .json.`
          : `Không xác định được bảng mã của tệp (không phải UTF-8, Windows-1258 hay TCVN3; có thể là VNI). Mở tệp trong Excel và lưu lại bằng "CSV UTF-8".`,
    en: (_f, p) =>
      p.reason === 'replacement'
        ? `The row has characters that cannot be read (stray bytes, or the file mixes encodings). Open it in Excel and save it again as "CSV UTF-8".`
        : p.reason === 'binary'
          ? `The file is not text (NUL or binary bytes): perhaps misnamed. Send the .csv, .xlsx or .json file again.`
          : `Cannot tell the file's encoding (not UTF-8, Windows-1258 or TCVN3; perhaps VNI). Open it in Excel and save it again as "CSV UTF-8".`,
  },
  'legacy-encoding': {
    level: 'warning',
    title: { vi: 'Bảng mã TCVN3', en: 'TCVN3 encoding' },
    vi: () => `Tệp được gõ bằng bảng mã TCVN3 (phông .VnTime); antt đã chuyển sang Unicode. Nên chuyển tệp sang Unicode (Unikey: Công cụ chuyển mã) trước khi gửi.`,
    en: () => `The file was typed in TCVN3 (.VnTime fonts); antt converted it to Unicode. Convert the file to Unicode (Unikey's converter) before sending it on.`,
  },
  'malformed-file': {
    level: 'error',
    title: { vi: 'Tệp hỏng', en: 'Malformed file' },
    vi: (_f, p) =>
      p.reason === 'unclosed-quote'
        ? `Tệp CSV có một ô mở dấu ngoặc kép (") mà không đóng; các dòng từ đây không đọc được. Kiểm tra dấu " trong ô.`
        : p.reason === 'record-too-large'
          ? `Dòng dài quá ${p.limit} ký tự (thường do một dấu ngoặc kép không đóng hoặc dán nhầm cả văn bản); các dòng từ đây không đọc được.`
          : p.reason === 'too-deep'
            ? `Tệp JSON lồng quá ${p.limit} cấp; một báo cáo chỉ là danh sách các bản ghi phẳng.`
            : `Tệp không đúng cú pháp ${p.format} từ vị trí này (${p.detail}); các dòng sau không đọc được. Mở tệp bằng trình soạn thảo để sửa, hoặc xuất lại.`,
    en: (_f, p) =>
      p.reason === 'unclosed-quote'
        ? `A quoted cell (") is never closed; rows from here on cannot be read. Check the quotes in the cell.`
        : p.reason === 'record-too-large'
          ? `A row is longer than ${p.limit} characters (usually a quote never closed, or a document pasted in); rows from here on cannot be read.`
          : p.reason === 'too-deep'
            ? `The JSON nests deeper than ${p.limit} levels; a return is a list of flat records.`
            : `The file is not valid ${p.format} from this point (${p.detail}); later rows cannot be read. Fix it in a text editor, or export it again.`,
  },
  'formula-without-result': {
    level: 'error',
    title: { vi: 'Công thức chưa có kết quả', en: 'Formula without a result' },
    vi: (_f, p) => `Ô ${p.cell} là công thức nhưng tệp không lưu kết quả (tệp không được lưu bằng Excel). Mở tệp trong Excel và lưu lại, hoặc nhập số thay cho công thức.`,
    en: (_f, p) => `Cell ${p.cell} holds a formula but the file stores no result (it was not saved by Excel). Open it in Excel and save it again, or type the number instead.`,
  },
  'sheet-ignored': {
    level: 'warning',
    title: { vi: 'Trang tính bỏ qua', en: 'Sheet skipped' },
    vi: (_f, p) => `Trang tính «${p.sheet}» không có dòng tiêu đề khớp với danh mục chỉ tiêu nên không được đọc như một báo cáo.`,
    en: (_f, p) => `Sheet «${p.sheet}» has no header row matching the indicator catalogue, so it is not read as a return.`,
  },
  'duplicate-key': {
    level: 'error',
    title: { vi: 'Khóa lặp', en: 'Duplicate key' },
    vi: (_f, p) => `Bản ghi có hai lần khóa «${p.key}»; không biết giá trị nào đúng nên bản ghi bị loại. Giữ lại một khóa.`,
    en: (_f, p) => `The record has the key «${p.key}» twice; which value is meant cannot be told, so the record is rejected. Keep one.`,
  },
  'file-unreadable': {
    level: 'error',
    title: { vi: 'Không đọc được tệp', en: 'File cannot be read' },
    vi: (_f, p) => String(p.vi),
    en: (_f, p) => String(p.en),
  },
  'empty-file': {
    level: 'error',
    title: { vi: 'Tệp rỗng', en: 'Empty file' },
    vi: () => `Tệp không có dòng tiêu đề và số liệu.`,
    en: () => `The file has no header and no rows.`,
  },
  'not-a-return': {
    level: 'error',
    title: { vi: 'Không phải báo cáo', en: 'Not a return' },
    vi: () => `Tệp JSON phải là một mảng bản ghi, hoặc một đối tượng có mảng "returns".`,
    en: () => `A JSON return is an array of records, or an object with a "returns" array.`,
  },
} satisfies Record<string, FindingSpec>;

export type FindingCode = keyof typeof findingCatalogue;

export function levelOf(code: FindingCode): Level {
  return findingCatalogue[code].level;
}

/** A finding with every location field present (null where it does not apply). */
export function finding(code: FindingCode, fields: Partial<Omit<Finding, 'code'>> = {}): Finding {
  return {
    code,
    level: fields.level ?? levelOf(code),
    file: fields.file ?? null,
    line: fields.line ?? null,
    record: fields.record ?? null,
    column: fields.column ?? null,
    cell: fields.cell ?? null,
    sheet: fields.sheet ?? null,
    unit: fields.unit ?? null,
    indicator: fields.indicator ?? null,
    value: fields.value ?? null,
    params: fields.params ?? {},
  };
}

export function renderMessage(f: Finding, lang: Lang): string {
  const spec: FindingSpec = findingCatalogue[f.code];
  return spec[lang](f, f.params);
}

/** Most serious first: errors before warnings, then by file, line and column as read. */
export function compareFindings(a: Finding, b: Finding, fileOrder: (file: string | null) => number): number {
  if (a.level !== b.level) return a.level === 'error' ? -1 : 1;
  const byFile = fileOrder(a.file) - fileOrder(b.file);
  if (byFile !== 0) return byFile;
  return (a.line ?? a.record ?? 0) - (b.line ?? b.record ?? 0);
}
