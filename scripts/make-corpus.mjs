#!/usr/bin/env node
// The corpus of broken and hostile input (issue 6). Small cases are written to
// test/fixtures/corpus/ and committed; large ones (a 10 MB cell, a million columns, a 500 MB JSON
// string, ten thousand files, links and unreadable files) are made on demand by `makeLargeCorpus`
// in a temporary folder, so the repository stays small.
// Run: node scripts/make-corpus.mjs
import { chmodSync, createWriteStream, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';

const HEADER = 'Mã đơn vị,Tên đơn vị,Năm,Nhóm liên gia tự quản,Đợt tuyên truyền';
const ROW = (code, name, lien, sessions) => `${code},${name},2024,${lien},${sessions}`;

export function makeSmallCorpus(root) {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  const write = (name, content) => writeFileSync(join(root, name), content);
  write('empty.csv', '');
  write('header-only.csv', HEADER + '\n');
  write('bom-only.csv', Buffer.from([0xef, 0xbb, 0xbf]));
  write('ragged.csv', [HEADER, ROW('04213', 'Xã Mường Sai', 120, 3), '04216,Xã Mường Cai,2024,97', ROW('04219', 'Xã Mường Hung', 110, 2) + ',5,6'].join('\n') + '\n');
  write('unclosed-quote.csv', [HEADER, ROW('04213', 'Xã Mường Sai', 120, 3), '04216,"Xã Mường Cai,2024,97,2', ROW('04219', 'Xã Mường Hung', 110, 2)].join('\n') + '\n');
  write('cr-only.csv', [HEADER, ROW('04213', 'Xã Mường Sai', 120, 3), ROW('04216', 'Xã Mường Cai', 97, 2)].join('\r') + '\r');
  write('mixed-endings.csv', HEADER + '\r\n' + ROW('04213', 'Xã Mường Sai', 120, 3) + '\n' + ROW('04216', 'Xã Mường Cai', 97, 2) + '\r' + ROW('04219', 'Xã Mường Hung', 110, 2) + '\r\n');
  write('nul-bytes.csv', Buffer.concat([Buffer.from(HEADER + '\n'), Buffer.alloc(512), Buffer.from('\n' + ROW('04213', 'Xã Mường Sai', 120, 3) + '\n')]));
  let seed = 7;
  const garbage = Buffer.alloc(4096);
  for (let i = 0; i < garbage.length; i++) garbage[i] = (seed = (seed * 1103515245 + 12345) % 2147483648) % 256;
  write('binary-garbage.csv', garbage);
  // Two files pasted together: the first half UTF-8, the second typed on Vietnamese Windows.
  const utf8Half = Buffer.from([HEADER, ROW('04213', 'Xã Mường Sai', 120, 3), ROW('04216', 'Xã Mường Cai', 97, 2)].join('\n') + '\n');
  const cp1258Half = iconv.encode([ROW('04219', 'Xã Mường Hung', 110, 2), ROW('04222', 'Xã Chiềng Khương', 95, 4)].join('\n') + '\n', 'windows1258');
  write('half-utf8-half-1258.csv', Buffer.concat([utf8Half, cp1258Half]));
  write(
    'hostile-numbers.csv',
    [HEADER, '04168,Thị trấn Sông Mã,2024,1e30,1', '04171,Xã Bó Sinh,2024,9007199254740993,1', '04174,Xã Pú Pẩu,2024,0x1F,1', '04177,Xã Chiềng Phung,2024,Infinity,1', '04180,Xã Chiềng En,2024,NaN,1', '04183,Xã Mường Lầm,2024,١٢٣,1', ROW('04186', 'Xã Nậm Ty', 117, 5)].join('\n') + '\n',
  );
  write('prototype-names.csv', ['Mã đơn vị,Năm,__proto__,constructor,toString,Nhóm liên gia tự quản', '__proto__,2024,1,2,3,4', 'constructor,2024,1,2,3,4', 'toString,2024,1,2,3,4', '04213,2024,1,2,3,120'].join('\n') + '\n');
  write('formula-names.csv', ['Tên đơn vị,Năm,Nhóm liên gia tự quản', '"=HYPERLINK(""http://x.invalid"",""bấm"")",2024,1', '+1 Xã Ma,2024,1', '-2 Xã Ma,2024,1', '@SUM(A1),2024,1', 'Xã Mường Sai\u001b[31m đỏ\u001b[0m,2024,1'].join('\n') + '\n');
  write('control-header.csv', ['Mã đơn vị,Năm,Ghi\u001b[2Jchú\u0007,Nhóm liên gia tự quản', '04213,2024,x,120'].join('\n') + '\n');
  let deep = '';
  for (let i = 0; i < 10_000; i++) deep += '[';
  deep += '1';
  for (let i = 0; i < 10_000; i++) deep += ']';
  write('deeply-nested.json', deep);
  write('duplicate-keys.json', '[\n  {"unit_code": "04213", "year": 2024, "lien_gia_groups": 120, "lien_gia_groups": 1200},\n  {"unit_code": "04216", "year": 2024, "lien_gia_groups": 97}\n]\n');
  write('top-level-string.json', '"' + 'a'.repeat(1000) + '"');
  write('same-file.csv', [HEADER, ROW('04168', 'Thị trấn Sông Mã', 112, 4)].join('\n') + '\n');
}

/** The large cases, in `root` (a temporary folder): returns the paths made. */
export async function makeLargeCorpus(root, { jsonStringMegabytes = 500, files = 10_000 } = {}) {
  mkdirSync(root, { recursive: true });
  const paths = {};
  // A 10 MB cell.
  paths.bigCell = join(root, 'big-cell.csv');
  writeFileSync(paths.bigCell, `${HEADER}\n04213,Xã Mường Sai,2024,120,3\n04216,"${'x'.repeat(10 * 1024 * 1024)}",2024,97,2\n04219,Xã Mường Hung,2024,110,2\n`);
  // A million columns in one header.
  paths.wideHeader = join(root, 'million-columns.csv');
  writeFileSync(paths.wideHeader, 'Mã đơn vị,Năm,' + Array.from({ length: 1_000_000 }, (_, i) => `c${i}`).join(',') + '\n04213,2024\n');
  // A JSON record holding one 500 MB string, written in pieces.
  paths.hugeString = join(root, 'huge-string.json');
  await new Promise((resolve, reject) => {
    const out = createWriteStream(paths.hugeString);
    out.on('error', reject);
    out.write('[{"unit_code": "04213", "year": 2024, "unit_name": "');
    const piece = 'a'.repeat(1024 * 1024);
    let left = jsonStringMegabytes;
    const more = () => {
      while (left > 0) {
        left--;
        if (!out.write(piece)) return out.once('drain', more);
      }
      out.end('"}]\n', resolve);
    };
    more();
  });
  // A folder with a link back to itself, and a file that cannot be read.
  paths.loopFolder = join(root, 'loop');
  mkdirSync(join(paths.loopFolder, 'inner'), { recursive: true });
  writeFileSync(join(paths.loopFolder, 'inner', 'a.csv'), `${HEADER}\n04213,Xã Mường Sai,2024,120,3\n`);
  symlinkSync('..', join(paths.loopFolder, 'inner', 'back-up'));
  const unreadable = join(paths.loopFolder, 'unreadable.csv');
  if (process.getuid?.() === 0) {
    // root reads anything chmod forbids; a link to a file no one can read from gives the same error.
    symlinkSync('/proc/self/mem', unreadable);
  } else {
    writeFileSync(unreadable, `${HEADER}\n`);
    chmodSync(unreadable, 0o000);
  }
  // Ten thousand files of one row each: ten thousand of the country's communes, 2020.
  paths.manyFiles = join(root, 'many');
  mkdirSync(paths.manyFiles, { recursive: true });
  const communes = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'gazetteer', 'vn-units-2025-03-01.csv'), 'utf8')
    .split('\n')
    .map((l) => l.split(','))
    .filter((u) => u[3] === 'commune');
  for (let i = 0; i < files; i++) {
    const [code, name] = communes[i % communes.length];
    writeFileSync(join(paths.manyFiles, `r${String(i).padStart(5, '0')}.csv`), `${HEADER}\n${code},${name},2020,${i % 500},1\n`);
  }
  return paths;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'corpus');
  makeSmallCorpus(root);
  console.log(`corpus written to ${root}`);
}
