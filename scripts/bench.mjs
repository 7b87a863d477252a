#!/usr/bin/env node
// `npm run bench`: generates national returns from the gazetteer (one wide CSV per province,
// every commune × year, deterministic), then times `antt validate` and `antt aggregate` on sets of
// growing size, and cold starts, and reports wall time, rows/s, MB/s and peak memory (from
// /usr/bin/time when installed).
// Usage: node scripts/bench.mjs [--years 10] [--out bench-out]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const years = Number(opt('years', '10'));
const out = join(root, opt('out', 'bench-out'));

const units = readFileSync(join(root, 'data/gazetteer/vn-units-2025-03-01.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
const byCode = new Map(units.map((u) => [u[0], u]));
const provinceOf = (u) => (u[3] === 'province' ? u[0] : provinceOf(byCode.get(u[4])));
const communes = units.filter((u) => u[3] === 'commune');

/** A small deterministic generator, so every run measures the same bytes. */
let seed = 20130801;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const header = 'Mã đơn vị,Tên đơn vị,Năm,Nhóm liên gia tự quản,Tổ an ninh nhân dân,Tổ hòa giải,Đợt tuyên truyền,Lượt người được tuyên truyền,Vũ khí thu hồi,Diện tích cây thuốc phiện bị triệt phá,Người cai nghiện ma túy tại cộng đồng,Người từ bỏ ma túy';

function generate(folder, firstYear, count) {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const files = new Map();
  let rows = 0;
  for (let year = firstYear; year < firstYear + count; year++) {
    for (const [code, name] of communes) {
      const province = provinceOf(byCode.get(code));
      const rehab = Math.floor(random() * 30);
      const sessions = Math.floor(random() * 12);
      const line = [code, name, year, 50 + Math.floor(random() * 100), 5 + Math.floor(random() * 20), 5 + Math.floor(random() * 20), sessions, sessions * (50 + Math.floor(random() * 100)), Math.floor(random() * 40), random() < 0.8 ? '' : `"${Math.floor(random() * 5)},${Math.floor(random() * 10)}"`, rehab, Math.floor(random() * (rehab + 1))].join(',');
      if (!files.has(province)) files.set(province, [header]);
      files.get(province).push(line);
      rows++;
    }
  }
  let bytes = 0;
  for (const [province, lines] of files) {
    const text = lines.join('\n') + '\n';
    bytes += Buffer.byteLength(text);
    writeFileSync(join(folder, `province-${province}.csv`), text);
  }
  return { rows, bytes };
}

const hasTime = existsSync('/usr/bin/time');
function measure(command, commandArgs) {
  const started = process.hrtime.bigint();
  const result = hasTime
    ? spawnSync('/usr/bin/time', ['-f', '%M', command, ...commandArgs], { encoding: 'utf8', maxBuffer: 1 << 30 })
    : spawnSync(command, commandArgs, { encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const peakKb = hasTime ? Number(result.stderr.trim().split('\n').pop()) : null;
  return { seconds, peakMiB: peakKb ? peakKb / 1024 : null, status: result.status };
}

const results = [];
const antt = join(root, 'bin', 'antt.js');
for (const count of [1, years]) {
  const folder = join(out, `national-${count}y`);
  const { rows, bytes } = generate(folder, 2014, count);
  for (const [command, extra] of [['validate', ['--format', 'json']], ['aggregate', ['--format', 'csv', '--shape', 'long']]]) {
    const run = measure(process.execPath, [antt, command, folder, ...extra]);
    results.push({
      job: `antt ${command}, ${count} year(s)`,
      rows,
      mb: +(bytes / 1e6).toFixed(1),
      seconds: +run.seconds.toFixed(2),
      rowsPerSecond: Math.round(rows / run.seconds),
      mbPerSecond: +(bytes / 1e6 / run.seconds).toFixed(1),
      peakMiB: run.peakMiB === null ? null : +run.peakMiB.toFixed(0),
      exit: run.status,
    });
  }
}
const cold = (job, command, commandArgs) => {
  const runs = [1, 2, 3].map(() => measure(command, commandArgs));
  const best = runs.reduce((a, b) => (a.seconds < b.seconds ? a : b));
  results.push({ job: `${job} (best of 3)`, seconds: +best.seconds.toFixed(2), peakMiB: best.peakMiB === null ? null : +best.peakMiB.toFixed(0), exit: best.status });
};
cold('node -e 0', process.execPath, ['-e', '0']);
cold('antt --version', process.execPath, [antt, '--version']);
cold('antt aggregate data/son-la', process.execPath, [antt, 'aggregate', join(root, 'data', 'son-la')]);

const machine = { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', memoryGiB: +(totalmem() / 2 ** 30).toFixed(0) };
console.log(`machine: ${machine.cpu}, ${machine.cpus} cores, ${machine.memoryGiB} GiB, node ${machine.node}`);
console.table(results);
writeFileSync(join(out, 'results.json'), JSON.stringify({ machine, results }, null, 2) + '\n');
console.log(`JSON: ${join(out, 'results.json')}`);
