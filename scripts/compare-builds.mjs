#!/usr/bin/env node
// Runs the same commands with two builds of antt and says where their stdout, stderr or exit code
// differ: what "every output byte-identical to the old build" means for a change to the engine.
//
//   git clone -q . /tmp/old && (cd /tmp/old && npm ci && npm run build)
//   node scripts/compare-builds.mjs /tmp/old/bin/antt.js bin/antt.js [--national bench-out]
//
// The cases: every fixture folder (validate and aggregate, JSON), the sample in every format and
// level, check, and with --national a folder of national returns (bench-out/national-yearly, made
// by `npm run bench`) and a copy of it with one cell in ten made bad, each with ANTT_WORKERS unset
// and 0. Workbooks carry a date: their bytes are compared after unzipping, less docProps.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const [oldBin, newBin, ...rest] = process.argv.slice(2);
if (!oldBin || !newBin) {
  console.error('usage: node scripts/compare-builds.mjs OLD/bin/antt.js NEW/bin/antt.js [--national DIR]');
  process.exit(2);
}
const nationalAt = rest.indexOf('--national');
const national = nationalAt >= 0 ? resolve(rest[nationalAt + 1]) : null;

const cases = [];
const add = (args, env = {}) => cases.push({ args, env });
for (const fixture of readdirSync('test/fixtures', { withFileTypes: true })) {
  if (!fixture.isDirectory()) continue;
  const folder = join('test/fixtures', fixture.name);
  add(['validate', folder, '--format', 'json']);
  add(['aggregate', folder, '--format', 'json']);
}
const sample = 'data/son-la';
for (const format of ['table', 'csv', 'json']) add(['aggregate', sample, '--format', format]);
add(['aggregate', sample, '--format', 'csv', '--shape', 'long']);
add(['aggregate', sample, '--level', 'commune', '--format', 'csv']);
add(['aggregate', sample, '--by', 'year', '--format', 'json']);
add(['aggregate', sample, '--from', '2013', '--to', '2023', '--lang', 'en']);
add(['validate', sample]);
add(['validate', sample, '--format', 'json', '--max-errors', '3']);
add(['check', sample]);
add(['check', sample, '--format', 'json']);
add(['indicators']);
add(['indicators', '--format', 'json']);

if (national) {
  const yearly = join(national, 'national-yearly');
  if (!existsSync(yearly)) throw new Error(`${yearly}: run npm run bench first`);
  const dirty = join(national, 'national-dirty');
  if (!existsSync(join(dirty, '.complete'))) makeDirty(yearly, dirty);
  for (const folder of [yearly, dirty]) {
    for (const workers of [undefined, '0', '2']) {
      const env = workers === undefined ? {} : { ANTT_WORKERS: workers };
      add(['validate', folder, '--format', 'json', '--max-errors', '10'], env);
      add(['validate', folder, '--format', 'json', '--max-errors', '100000'], env);
      add(['aggregate', folder, '--format', 'csv', '--shape', 'long'], env);
    }
  }
}

/** One cell in ten made bad (letters, a negative, a lone dot), deterministically. */
function makeDirty(from, to) {
  rmSync(to, { recursive: true, force: true });
  mkdirSync(to, { recursive: true });
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const bad = ['x', '-3', '.', '1,2,3', 'abc'];
  for (const name of readdirSync(from).filter((f) => f.endsWith('.csv'))) {
    const lines = readFileSync(join(from, name), 'utf8').split('\n');
    const out = lines.map((line, i) => {
      if (i === 0 || line === '') return line;
      const cells = line.split(',');
      for (let c = 3; c < cells.length; c++) if (random() < 0.1) cells[c] = bad[Math.floor(random() * bad.length)];
      return cells.join(',');
    });
    writeFileSync(join(to, name), out.join('\n'));
  }
  writeFileSync(join(to, '.complete'), '{}');
}

const run = (bin, { args, env }) => {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, NO_COLOR: '1', ...env } });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
};

let differ = 0;
const scratch = mkdtempSync(join(tmpdir(), 'antt-compare-'));
for (const c of cases) {
  const a = run(oldBin, c);
  const b = run(newBin, c);
  const what = ['stdout', 'stderr', 'status'].filter((k) => a[k] !== b[k]);
  const label = `${Object.entries(c.env).map(([k, v]) => `${k}=${v} `).join('')}antt ${c.args.join(' ')}`;
  if (what.length === 0) {
    console.log(`same     ${label}`);
    continue;
  }
  differ++;
  console.log(`DIFFERS  ${label}: ${what.join(', ')}`);
  for (const k of what) {
    writeFileSync(join(scratch, `${differ}-${k}.old`), String(a[k]));
    writeFileSync(join(scratch, `${differ}-${k}.new`), String(b[k]));
  }
}
console.log(`${cases.length - differ} same, ${differ} differ${differ ? ` (outputs in ${scratch})` : ''}`);
process.exit(differ ? 1 : 0);
