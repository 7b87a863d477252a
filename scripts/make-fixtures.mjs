#!/usr/bin/env node
// Writes the test fixtures that must be in legacy encodings (Windows-1258, TCVN3, VNI-like
// bytes), which cannot be typed by hand. Run: node scripts/make-fixtures.mjs
// The content is one Sông Mã return for 2024 as a commune clerk would save it from Excel.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures');

// Sông Mã's 19 communes (GSO codes) and the district's own row, 2024.
const header = ['STT', 'Mã đơn vị', 'Tên đơn vị', 'Năm', 'Nhóm liên gia tự quản', 'Tổ an ninh nhân dân', 'Đợt tuyên truyền', 'Lượt người được tuyên truyền', 'Diện tích cây thuốc phiện bị triệt phá', 'Xã đạt chuẩn an toàn về ANTT'];
const communes = [
  ['04168', 'Thị trấn Sông Mã'], ['04171', 'Xã Bó Sinh'], ['04174', 'Xã Pú Pẩu'], ['04177', 'Xã Chiềng Phung'],
  ['04180', 'Xã Chiềng En'], ['04183', 'Xã Mường Lầm'], ['04186', 'Xã Nậm Ty'], ['04189', 'Xã Đứa Mòn'],
  ['04192', 'Xã Yên Hưng'], ['04195', 'Xã Chiềng Sơ'], ['04198', 'Xã Nà Nghịu'], ['04201', 'Xã Nậm Mằn'],
  ['04204', 'Xã Chiềng Khoong'], ['04207', 'Xã Chiềng Cang'], ['04210', 'Xã Huổi Một'], ['04213', 'Xã Mường Sai'],
  ['04216', 'Xã Mường Cai'], ['04219', 'Xã Mường Hung'], ['04222', 'Xã Chiềng Khương'],
];
// Per commune: liên gia groups, security teams, sessions, participants, opium ha, safety standard.
const figures = [
  [112, 17, 4, '1.029', '0,5', 'có'], [105, 16, 3, '312', '-', 'có'], [98, 15, 3, '287', '1,2', 'không'], [110, 17, 4, '356', '', 'có'],
  [104, 16, 3, '301', '-', 'có'], [121, 18, 4, '402', '0,8', 'có'], [117, 17, 5, '1.238', '2,5', 'không'], [96, 15, 3, '255', '-', 'có'],
  [108, 17, 4, '334', '-', 'có'], [102, 16, 3, '290', '0,3', 'không'], [99, 15, 3, '276', '-', 'có'], [113, 17, 4, '341', '-', 'có'],
  [109, 17, 4, '322', '1,0', 'không'], [106, 16, 3, '298', '-', 'có'], [103, 16, 3, '281', '-', 'có'], [120, 19, 6, '837', '-', 'có'],
  [97, 15, 3, '262', '-', 'không'], [115, 17, 4, '318', '-', 'có'], [95, 16, 4, '278', '...', 'có'],
];
const rows = communes.map(([code, name], i) => [String(i + 1), code, name, '2024', ...figures[i].map(String)]);
rows.push(['20', '126', 'Huyện Sông Mã', '2024', '2.050', '317', '70', '8.017', '', '14']);

/**
 * Windows-1258 has precomposed letters only for â ê ô ơ ư ă đ (and a few others); tone marks are
 * separate combining characters, as Excel writes them. Decompose, then recompose the vowel shape.
 */
function toWindows1258(text) {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const direct = iconv.encode(ch, 'windows1258');
    if (iconv.decode(direct, 'windows1258') === ch) {
      out += ch;
      continue;
    }
    const parts = [...ch.normalize('NFD')];
    const tones = parts.filter((c) => /[\u0300\u0301\u0303\u0309\u0323]/.test(c));
    const shape = parts.filter((c) => !tones.includes(c)).join('').normalize('NFC');
    out += shape + tones.join('');
  }
  return iconv.encode(out, 'windows1258');
}

function csv(rowsOf, delimiter) {
  return rowsOf.map((r) => r.join(delimiter)).join('\r\n') + '\r\n';
}

function write(path, bytes) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), bytes);
}

// 1. Excel on Vietnamese Windows, plain "Save as CSV": Windows-1258, `;`, `,` decimals.
write('excel-vi/song-ma-2024.csv', toWindows1258(csv([header, ...rows], ';')));

// 1b. The same, with one mistyped cell in Xã Mường Sai's row: its name must come out right.
const mistyped = rows.map((r) => (r[1] === '04213' ? [...r.slice(0, 7), '83 7', ...r.slice(8)] : r));
write('excel-vi-problem/song-ma-2024.csv', toWindows1258(csv([header, ...mistyped], ';')));

// 2. The same return typed in TCVN3 (.VnTime fonts), `,` delimiter, decimals quoted.
const quoted = rows.map((r) => r.map((c) => (c.includes(',') ? `"${c}"` : c)));
write('tcvn3/song-ma-2024.csv', iconv.encode(csv([header, ...quoted], ','), 'tcvn'));

// 2b. TCVN3 typed into a Unicode program and saved as "CSV UTF-8": the text reads "X· M­êng Sai".
const tcvnAsLatin = (text) => iconv.decode(iconv.encode(text, 'tcvn'), 'windows1252');
write('typed-tcvn3/song-ma-2024.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(tcvnAsLatin(csv([header, ...quoted], ',')), 'utf8')]));

// 2c. Excel's "Unicode text": UTF-16LE with BOM, tab-delimited.
write('utf16/song-ma-2024.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(csv([header, ...rows], '\t'), 'utf16le')]));

// 3. VNI Windows text (no decoder exists): "Xã Mường Sai" is "Xaõ Möôøng Sai" in VNI's font
// bytes. antt must refuse it with a message about the encoding.
const vni = 'Maõ ñôn vò;Teân ñôn vò;Naêm;Nhoùm lieân gia töï quaûn\r\n04213;Xaõ Möôøng Sai;2024;120\r\n04216;Xaõ Möôøng Cai;2024;97\r\n';
write('vni/muong-sai-2024.csv', iconv.encode(vni, 'windows1252'));

console.log('fixtures written to', root);

// 4. The same Sông Mã return as the district office's Excel workbook: a title block, a two-row
// header with merged cells, a row of column numbers, typed and text numbers, a total row with
// formulas (and their cached results), and an instructions sheet that is not a return.
const { default: ExcelJS } = await import('exceljs');
const book = new ExcelJS.Workbook();
const sheet = book.addWorksheet('Báo cáo 2024');
sheet.mergeCells('A1:D1');
sheet.getCell('A1').value = 'CÔNG AN HUYỆN SÔNG MÃ';
sheet.mergeCells('A2:J2');
sheet.getCell('A2').value = 'BÁO CÁO KẾT QUẢ PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC NĂM 2024';
sheet.getCell('A3').value = '(Kèm theo Công văn số 123/CAH ngày 15/12/2024)';
for (const [range, label] of [['A5:A6', 'STT'], ['B5:B6', 'Mã đơn vị'], ['C5:C6', 'Tên đơn vị'], ['D5:D6', 'Năm'], ['E5:F5', 'Mô hình tự quản'], ['G5:H5', 'Công tác tuyên truyền'], ['I5:I6', 'Diện tích cây thuốc phiện bị triệt phá (ha)'], ['J5:J6', 'Xã đạt chuẩn an toàn về ANTT']]) {
  sheet.mergeCells(range);
  sheet.getCell(range.split(':')[0]).value = label;
}
sheet.getCell('E6').value = 'Nhóm liên gia tự quản';
sheet.getCell('F6').value = 'Tổ an ninh nhân dân';
sheet.getCell('G6').value = 'Đợt tuyên truyền';
sheet.getCell('H6').value = 'Lượt người được tuyên truyền';
sheet.getRow(7).values = ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)', '(9)', '(10)'];
const typed = (cell, k) => {
  // Typed numbers where Excel would keep them; a few cells left as the clerk typed them as text.
  if (k === 1 || k === 2) return cell; // code and name are text
  if (cell === '' ) return null;
  if (k === 7 && cell === '1.238') return '1.238'; // a number typed as text, Vietnamese style
  if (/^[0-9]+$/.test(cell)) return Number(cell);
  if (/^[0-9]{1,3}(\.[0-9]{3})+$/.test(cell)) return Number(cell.replace(/\./g, ''));
  if (/^[0-9]+,[0-9]+$/.test(cell)) return Number(cell.replace(',', '.'));
  return cell; // '-', '...', 'có', 'không'
};
rows.forEach((row, i) => {
  sheet.getRow(8 + i).values = row.map(typed);
});
const last = 8 + rows.length;
sheet.getCell(`C${last}`).value = 'Tổng cộng';
for (const col of ['E', 'F', 'G', 'H']) {
  // The result is what Excel shows and stores; antt adds up by itself and reads past this row.
  const result = rows.slice(0, 19).reduce((sum, r) => sum + Number(String(r['EFGH'.indexOf(col) + 4]).replace(/\./g, '') || 0), 0);
  sheet.getCell(`${col}${last}`).value = { formula: `SUM(${col}8:${col}${last - 2})`, result };
}
const help = book.addWorksheet('Hướng dẫn');
help.getCell('A1').value = 'Điền số liệu vào các ô trống; để trống nếu không báo cáo.';
mkdirSync(join(root, 'xlsx'), { recursive: true });
await book.xlsx.writeFile(join(root, 'xlsx', 'song-ma-2024.xlsx'));

// 5. A workbook with a formula whose result was never stored (written by a program, not Excel).
const bare = new ExcelJS.Workbook();
const bareSheet = bare.addWorksheet('Sheet1');
bareSheet.addRow(['Mã đơn vị', 'Năm', 'Nhóm liên gia tự quản', 'Tổ an ninh nhân dân']);
bareSheet.addRow(['04213', 2024, 120, 17]);
bareSheet.addRow(['04216', 2024, { formula: 'C2-23' }, 15]);
mkdirSync(join(root, 'xlsx-problems'), { recursive: true });
await bare.xlsx.writeFile(join(root, 'xlsx-problems', 'no-cached-result.xlsx'));
// …and a file that only looks like a workbook.
writeFileSync(join(root, 'xlsx-problems', 'not-really.xlsx'), 'Mã đơn vị,Năm\n04213,2024\n');
