#!/usr/bin/env node
// `npm run bench`: the whole country, measured. Generates national returns from the gazetteer
// (one wide CSV per province, every commune; a yearly set and a monthly set, 2014–2023;
// deterministic), then times, side by side in one run on the same files:
//   - antt validate and antt aggregate (long CSV to /dev/null),
//   - Miller (`mlr stats1 -a sum -g district`) when installed (Debian package `miller`),
//   - DuckDB when its CLI is installed, or its Node API installed apart (DUCKDB_NODE_API_DIR=DIR
//     after `npm install --prefix DIR @duckdb/node-api`),
//   - the parse floor: csv-parse alone in array mode, doing nothing with the records,
//   - cold starts: `node -e 0`, `antt --version`, `antt aggregate data/son-la`,
// and reports wall time, MB/s, rows/s and peak memory (GNU time), as a table and as JSON, with
// the ratios the targets of issue 7 are stated in; with valgrind installed, also the cold starts'
// instructions (callgrind), a count the machine's drifting speed does not move.
// Each job on the national sets runs --runs times (default 3), in rounds — every job once, then
// again — so that a machine whose speed drifts slows all of them alike; the median is reported.
// Usage: node scripts/bench.mjs [--sets yearly,monthly] [--out bench-out] [--runs 3] [--no-instructions]
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const sets = opt('sets', 'yearly,monthly').split(',');
const rounds = Math.max(1, Math.floor(Number(opt('runs', '3'))) || 1);
const out = resolve(root, opt('out', 'bench-out'));
const FIRST_YEAR = 2014;
const YEARS = 10;

const units = readFileSync(join(root, 'data/gazetteer/vn-units-2025-03-01.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
const byCode = new Map(units.map((u) => [u[0], u]));
const provinceOf = (u) => (u[3] === 'province' ? u[0] : provinceOf(byCode.get(u[4])));
const communes = units.filter((u) => u[3] === 'commune');

const FIGURES = ['lien_gia_groups', 'people_security_teams', 'mediation_teams', 'propaganda_sessions', 'propaganda_participants', 'weapons_surrendered', 'opium_destroyed_ha', 'rehab_participants', 'addicts_quit'];

/** A small deterministic generator, so every run measures the same bytes. */
let seed = 20130801;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;

function generate(folder, monthly) {
  const marker = join(folder, '.complete');
  if (existsSync(marker)) return JSON.parse(readFileSync(marker, 'utf8'));
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  seed = monthly ? 2 : 1;
  // `district` is read past by antt (a column forms carry) and is what Miller and DuckDB group by.
  const header = ['unit_code', 'district', monthly ? 'period' : 'year', ...FIGURES].join(',');
  const files = new Map();
  let rows = 0;
  for (let year = FIRST_YEAR; year < FIRST_YEAR + YEARS; year++) {
    for (const month of monthly ? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] : [0]) {
      const period = monthly ? `${year}-${String(month).padStart(2, '0')}` : String(year);
      for (const [code, , , , district] of communes) {
        const province = provinceOf(byCode.get(code));
        const rehab = Math.floor(random() * 30);
        const sessions = Math.floor(random() * 12);
        const line = [code, district, period, 50 + Math.floor(random() * 100), 5 + Math.floor(random() * 20), 5 + Math.floor(random() * 20), sessions, sessions * (50 + Math.floor(random() * 100)), Math.floor(random() * 40), random() < 0.8 ? '' : `${Math.floor(random() * 5)}.${Math.floor(random() * 10)}`, rehab, Math.floor(random() * (rehab + 1))].join(',');
        let list = files.get(province);
        if (!list) files.set(province, (list = [header]));
        list.push(line);
        rows++;
      }
    }
  }
  let bytes = 0;
  for (const [province, lines] of files) {
    const text = lines.join('\n') + '\n';
    bytes += Buffer.byteLength(text);
    writeFileSync(join(folder, `province-${province}.csv`), text);
  }
  const facts = { rows, bytes, files: files.size };
  writeFileSync(marker, JSON.stringify(facts));
  return facts;
}

const gnuTime = existsSync('/usr/bin/time');
function measure(command, commandArgs, options = {}) {
  const started = process.hrtime.bigint();
  const result = gnuTime
    ? spawnSync('/usr/bin/time', ['-f', '%M', command, ...commandArgs], { encoding: 'utf8', maxBuffer: 1 << 30, ...options })
    : spawnSync(command, commandArgs, { encoding: 'utf8', maxBuffer: 1 << 30, ...options });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const peakKb = gnuTime ? Number(result.stderr.trim().split('\n').pop()) : NaN;
  return { seconds, peakMiB: Number.isFinite(peakKb) ? peakKb / 1024 : null, status: result.status, stderr: result.stderr };
}

function which(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim() || null;
}

const results = [];
function record(job, set, run) {
  results.push({
    job,
    set: set?.name ?? '',
    rows: set?.rows ?? null,
    mb: set ? +(set.bytes / 1e6).toFixed(1) : null,
    // To the millisecond: a cold start is a few hundredths, and its ratios are taken from these.
    seconds: +run.seconds.toFixed(3),
    rowsPerSecond: set ? Math.round(set.rows / run.seconds) : null,
    mbPerSecond: set ? +(set.bytes / 1e6 / run.seconds).toFixed(1) : null,
    peakMiB: run.peakMiB === null ? null : Math.round(run.peakMiB),
    exit: run.status,
  });
}

const antt = join(root, 'bin', 'antt.js');
const mlr = which('mlr');
const duckdb = which('duckdb');
const duckdbNode = process.env.DUCKDB_NODE_API_DIR || null;
const floor = join(root, 'scripts', 'parse-floor.mjs');
const MILLER = 'mlr stats1 -a sum -g district';
const DUCKDB = 'duckdb sum by district';
const DUCKDB_NODE = 'duckdb sum by district (Node API)';

/** The jobs timed on each set, in the order of the table. */
const jobs = [];
for (const name of sets) {
  const folder = join(out, `national-${name}`);
  const facts = generate(folder, name === 'monthly');
  const set = { name, ...facts };
  const csvFiles = readdirSync(folder).filter((f) => f.endsWith('.csv')).map((f) => join(folder, f)).sort();
  const job = (title, command, commandArgs, options) => jobs.push({ title, set, command, commandArgs, options, runs: [] });
  job('antt validate', process.execPath, [antt, 'validate', folder, '--format', 'json', '--max-errors', '5']);
  job('antt aggregate', process.execPath, [antt, 'aggregate', folder, '--format', 'csv', '--shape', 'long']);
  job('csv-parse alone (array mode)', process.execPath, [floor, ...csvFiles]);
  if (mlr) job(MILLER, mlr, ['--icsv', '--ojson', 'stats1', '-a', 'sum', '-f', FIGURES.join(','), '-g', 'district', ...csvFiles]);
  const sql = `select district, ${FIGURES.map((f) => `sum(${f})`).join(', ')} from read_csv('${folder}/*.csv', header=true) group by district`;
  if (duckdb) job(DUCKDB, duckdb, ['-c', sql]);
  // No CLI in Debian: DuckDB's Node API, installed apart (DUCKDB_NODE_API_DIR), does the same query.
  else if (duckdbNode) job(DUCKDB_NODE, process.execPath, [join(root, 'scripts', 'duckdb-node.mjs'), duckdbNode, sql]);
}
for (let round = 1; round <= rounds; round++) {
  for (const j of jobs) {
    process.stderr.write(`round ${round}/${rounds}: ${j.title}, ${j.set.name}\n`);
    j.runs.push(measure(j.command, j.commandArgs, j.options));
  }
}
const median = (values) => [...values].sort((a, b) => a - b)[(values.length - 1) >> 1];
for (const j of jobs) {
  const peaks = j.runs.map((r) => r.peakMiB).filter((p) => p !== null);
  record(j.title, j.set, {
    seconds: median(j.runs.map((r) => r.seconds)),
    peakMiB: peaks.length > 0 ? median(peaks) : null,
    status: j.runs.find((r) => r.status !== 0)?.status ?? 0,
  });
}

// Cold starts take a tenth of a second or a few: eleven runs of each, alternating, and the median
// (a best-of-few swung the ratio to `node -e 0` between 1.0 and 1.9 on this machine).
const COLD_RUNS = 11;
// Node reads the certificates NODE_EXTRA_CA_CERTS names at every start, before any script runs
// (on this project's machines, set for their network: 220 KB, most of `node -e 0`'s time). A
// user's machine seldom sets it: when it is set, the cold starts are timed again without it.
const withoutCerts = process.env.NODE_EXTRA_CA_CERTS ? Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_EXTRA_CA_CERTS')) : null;
const coldJobs = [
  ['node -e 0', process.execPath, ['-e', '0']],
  ['antt --version', process.execPath, [antt, '--version']],
  ['antt aggregate data/son-la', process.execPath, [antt, 'aggregate', join(root, 'data', 'son-la')]],
];
const cold = [
  ...coldJobs.map(([title, command, commandArgs]) => ({ title: `${title} (median of ${COLD_RUNS})`, command, commandArgs, options: {}, runs: [] })),
  ...(withoutCerts
    ? coldJobs.map(([title, command, commandArgs]) => ({ title: `${title}, without NODE_EXTRA_CA_CERTS (median of ${COLD_RUNS})`, command, commandArgs, options: { env: withoutCerts }, runs: [] }))
    : []),
];
for (let run = 0; run < COLD_RUNS; run++) for (const c of cold) c.runs.push(measure(c.command, c.commandArgs, c.options));
for (const c of cold) {
  const middle = [...c.runs].sort((a, b) => a.seconds - b.seconds)[COLD_RUNS >> 1];
  record(c.title, null, middle);
}

// Cold starts again, in instructions, when valgrind is installed (Debian's `valgrind`): the same
// count run after run, whatever else the machine is doing — its speed drifts by half within
// minutes, which a tenth of a second cannot be told from. V8 runs on one thread
// (--single-threaded: compiling and collecting beside the main thread would make the count depend
// on their timing), with a code cache made under that flag, in a copy of the build: V8 refuses a
// cache made under other flags. `--no-instructions` leaves this out (it takes a minute or two).
const valgrind = args.includes('--no-instructions') ? null : which('valgrind');
const instructions = {};
if (valgrind) {
  const copy = mkdtempSync(join(tmpdir(), 'antt-bench-'));
  try {
    for (const part of ['bin', 'dist', 'data', 'schemas', 'package.json']) cpSync(join(root, part), join(copy, part), { recursive: true });
    const launcher = join(copy, 'bin', 'antt.js');
    const oneThread = ['--single-threaded'];
    const sample = join(copy, 'data', 'son-la');
    spawnSync(process.execPath, [...oneThread, launcher, 'aggregate', sample, '--quiet'], {
      env: { ...process.env, ANTT_WRITE_CODE_CACHE: join(copy, 'dist', 'bundle') },
      stdio: 'ignore',
    });
    const count = (title, commandArgs, env = process.env) => {
      process.stderr.write(`instructions: ${title}\n`);
      const file = join(copy, 'callgrind.out');
      spawnSync(valgrind, ['--tool=callgrind', `--callgrind-out-file=${file}`, process.execPath, ...oneThread, ...commandArgs], { stdio: 'ignore', env });
      const total = existsSync(file) ? /^summary: (\d+)/m.exec(readFileSync(file, 'utf8')) : null;
      instructions[title] = total ? Number(total[1]) : null;
      rmSync(file, { force: true });
    };
    count('node -e 0', ['-e', '0']);
    count('antt --version', [launcher, '--version']);
    count('antt aggregate data/son-la', [launcher, 'aggregate', sample]);
    if (withoutCerts) {
      count('node -e 0, without NODE_EXTRA_CA_CERTS', ['-e', '0'], withoutCerts);
      count('antt aggregate data/son-la, without NODE_EXTRA_CA_CERTS', [launcher, 'aggregate', sample], withoutCerts);
    }
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

const machine = {
  node: process.version,
  cpus: cpus().length,
  cpu: cpus()[0]?.model ?? 'unknown',
  memoryGiB: +(totalmem() / 2 ** 30).toFixed(0),
  extraCaCerts: process.env.NODE_EXTRA_CA_CERTS ?? null,
  miller: mlr ? spawnSync(mlr, ['--version'], { encoding: 'utf8' }).stdout.trim() : 'not installed',
  duckdb: duckdb
    ? spawnSync(duckdb, ['--version'], { encoding: 'utf8' }).stdout.trim()
    : duckdbNode
      ? `Node API ${JSON.parse(readFileSync(join(duckdbNode, 'node_modules', '@duckdb', 'node-api', 'package.json'), 'utf8')).version}`
      : 'not installed',
};
console.log(`machine: ${machine.cpu}, ${machine.cpus} cores, ${machine.memoryGiB} GiB, node ${machine.node}; ${machine.miller}; duckdb ${machine.duckdb}${machine.extraCaCerts ? `; NODE_EXTRA_CA_CERTS=${machine.extraCaCerts}` : ''}`);
console.table(results);
if (valgrind) {
  console.log('instructions (callgrind, node --single-threaded), millions:');
  console.table(Object.fromEntries(Object.entries(instructions).map(([title, n]) => [title, n === null ? null : Math.round(n / 1e6)])));
}

// The targets' ratios (issue 7), each from this run's figures.
const seconds = (job, set = '') => results.find((r) => r.job === job && r.set === set)?.seconds;
const ratio = (a, b) => (a === undefined || b === undefined ? null : +(a / b).toFixed(2));
const ratios = {};
for (const name of sets) {
  const aggregate = seconds('antt aggregate', name);
  ratios[name] = {
    aggregateToMiller: ratio(aggregate, seconds(MILLER, name)),
    aggregateToDuckdb: ratio(aggregate, seconds(DUCKDB, name) ?? seconds(DUCKDB_NODE, name)),
    validateToAggregate: ratio(seconds('antt validate', name), aggregate),
  };
}
ratios.versionToNode = ratio(seconds(`antt --version (median of ${COLD_RUNS})`), seconds(`node -e 0 (median of ${COLD_RUNS})`));
ratios.sonLaSeconds = seconds(`antt aggregate data/son-la (median of ${COLD_RUNS})`) ?? null;
if (withoutCerts) {
  ratios.withoutExtraCaCerts = {
    versionToNode: ratio(seconds(`antt --version, without NODE_EXTRA_CA_CERTS (median of ${COLD_RUNS})`), seconds(`node -e 0, without NODE_EXTRA_CA_CERTS (median of ${COLD_RUNS})`)),
    sonLaSeconds: seconds(`antt aggregate data/son-la, without NODE_EXTRA_CA_CERTS (median of ${COLD_RUNS})`) ?? null,
  };
}
if (valgrind) {
  ratios.versionToNodeInstructions = ratio(instructions['antt --version'] ?? undefined, instructions['node -e 0'] ?? undefined);
  ratios.sonLaToNodeInstructions = ratio(instructions['antt aggregate data/son-la'] ?? undefined, instructions['node -e 0'] ?? undefined);
}
console.log(`ratios (median of ${rounds} run${rounds > 1 ? 's' : ''} each): ${JSON.stringify(ratios)}`);
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'results.json'), JSON.stringify({ machine, rounds, results, ...(valgrind ? { instructions } : {}), ratios }, null, 2) + '\n');
console.log(`JSON: ${join(out, 'results.json')}`);

