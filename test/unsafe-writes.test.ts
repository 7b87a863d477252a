/**
 * Hostile outputs (issue 25): no command ever writes onto anything it read or was configured
 * from, whatever links lead there; special files are written to, never replaced; no temporary
 * file survives; `init` is all or nothing. Each case runs the real launcher on a copy of part of
 * the sample.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { antt, repoRoot } from './helpers.js';

const root = mkdtempSync(join(tmpdir(), 'antt-unsafe-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A small data folder: Sơn La's config and two districts' 2019 returns, and a unit list of its own. */
function folder(name: string): string {
  const dir = join(root, name);
  mkdirSync(join(dir, '2019'), { recursive: true });
  for (const file of ['2019-116-thanh-pho-son-la.csv', '2019-126-huyen-song-ma.csv']) copyFileSync(join(repoRoot, 'data/son-la/2019', file), join(dir, '2019', file));
  copyFileSync(join(repoRoot, 'data/gazetteer/vn-units-2025-03-01.csv'), join(dir, 'don-vi.csv'));
  writeFileSync(join(dir, 'antt.config.json'), JSON.stringify({ province: '14', units: { old: 'don-vi.csv' } }));
  return dir;
}

/** Every file under a folder with its bytes: what must not change. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) out[path.slice(dir.length)] = readFileSync(path, 'latin1');
    }
  };
  walk(dir);
  return out;
}

describe('--out never lands on what was read', () => {
  const cases: [string, (dir: string) => { args: string[] }][] = [
    ['check onto a return', (dir) => ({ args: ['check', dir, '--format', 'csv', '--out', join(dir, '2019', '2019-116-thanh-pho-son-la.csv')] })],
    ['aggregate onto a return', (dir) => ({ args: ['aggregate', dir, '--format', 'csv', '--out', join(dir, '2019', '2019-126-huyen-song-ma.csv')] })],
    [
      'aggregate through a symlinked folder onto a return',
      (dir) => {
        symlinkSync(join(dir, '2019'), join(root, `${dir.split('/').pop()}-link`));
        return { args: ['aggregate', dir, '--format', 'csv', '--out', join(root, `${dir.split('/').pop()}-link`, '2019-116-thanh-pho-son-la.csv')] };
      },
    ],
    [
      'aggregate onto the real file behind an input given as a link',
      (dir) => {
        const link = join(root, `${dir.split('/').pop()}-return.csv`);
        symlinkSync(join(dir, '2019', '2019-116-thanh-pho-son-la.csv'), link);
        return { args: ['aggregate', link, '--format', 'csv', '--out', join(dir, '2019', '2019-116-thanh-pho-son-la.csv')] };
      },
    ],
    ['aggregate onto the folder\u2019s config', (dir) => ({ args: ['aggregate', dir, '--format', 'csv', '--out', join(dir, 'antt.config.json')] })],
    ['check onto the folder\u2019s config', (dir) => ({ args: ['check', dir, '--format', 'json', '--out', join(dir, 'antt.config.json')] })],
    ['aggregate onto the folder\u2019s own unit list', (dir) => ({ args: ['aggregate', dir, '--format', 'csv', '--out', join(dir, 'don-vi.csv')] })],
    ['check onto the folder\u2019s own unit list', (dir) => ({ args: ['check', dir, '--format', 'csv', '--out', join(dir, 'don-vi.csv')] })],
  ];

  it.each(cases.map(([name, make], n) => [name, make, n] as const))('%s: refused, exit 2, nothing changed', (_name, make, n) => {
    const dir = folder(`case-${n}`);
    const before = snapshot(dir);
    const { args } = make(dir);
    const run = antt([...args, '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/it is a file antt has just read/);
    expect(snapshot(dir)).toEqual(before);
    expect(readdirSync(root).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('special files are written to, not replaced', () => {
  it('a FIFO: its reader gets the whole report, and it stays a FIFO', async () => {
    const dir = folder('fifo');
    const fifo = join(root, 'bao-cao.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = spawn('cat', [fifo]);
    let got = '';
    reader.stdout.on('data', (chunk: Buffer) => (got += chunk.toString('utf8')));
    const done = new Promise<void>((resolve) => reader.on('close', () => resolve()));
    const run = antt(['aggregate', dir, '--format', 'csv', '--shape', 'long', '--out', fifo]);
    await done;
    expect(run.code).toBe(0);
    expect(got.split('\n')[0]).toBe('level,unit_code,unit_name,unit_list,standing,from,to,indicator,value,reported,expected');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('/dev/stdout onto a file: the report is in the file the shell opened (not in a new one beside it)', () => {
    const dir = folder('stdout');
    const out = join(root, 'redirected.csv');
    const fd = openSync(out, 'w');
    const run = spawnSync(process.execPath, ['bin/antt.js', 'aggregate', dir, '--format', 'csv', '--shape', 'long', '--out', '/dev/stdout'], { cwd: repoRoot, stdio: ['ignore', fd, 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    closeSync(fd);
    expect(run.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^level,unit_code,/);
  });

  it('/dev/null stays the device it is', () => {
    const dir = folder('null');
    const run = antt(['aggregate', dir, '--format', 'csv', '--out', '/dev/null']);
    expect(run.code).toBe(0);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });
});

describe('no temporary file survives a signal', () => {
  it('SIGTERM while a report is being written: the report is whole, no .tmp beside it, the run ends by the signal', () => {
    const out = join(root, 'signal', 'bao-cao.csv');
    mkdirSync(join(root, 'signal'));
    const script = `
      const { writeFileAtomic } = await import(${JSON.stringify(join(repoRoot, 'dist/src/io/write-atomic.js'))});
      writeFileAtomic(${JSON.stringify(out)}, 'first\\n');
      process.kill(process.pid, 'SIGTERM');
      writeFileAtomic(${JSON.stringify(out)}, 'x'.repeat(50 * 1024 * 1024));
      await new Promise((resolve) => setTimeout(resolve, 5000));
    `;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.signal).toBe('SIGTERM');
    expect(readdirSync(join(root, 'signal'))).toEqual(['bao-cao.csv']);
    expect(statSync(out).size).toBe(50 * 1024 * 1024);
  });
});

describe('init is all or nothing', () => {
  it('a form that cannot be written takes back what the run made', () => {
    const dir = join(root, 'init');
    // Where the 2025 form must go, a folder is in the way: the write fails part way.
    mkdirSync(join(dir, '2025', '2025-14-tinh-son-la.csv'), { recursive: true });
    const run = antt(['init', dir, '--province', '14', '--programme', 'TDBVANTQ', '--from', '2024', '--to', '2025', '--force', '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Cannot write/);
    expect(existsSync(join(dir, 'antt.config.json'))).toBe(false);
    expect(existsSync(join(dir, '2024'))).toBe(false);
    expect(readdirSync(join(dir, '2025'))).toEqual(['2025-14-tinh-son-la.csv']);
  });

  it('writes the config again with --force, keeping what the province added', () => {
    const dir = join(root, 'init-again');
    expect(antt(['init', dir, '--province', '14', '--programme', 'TDBVANTQ', '--year', '2025']).code).toBe(0);
    const config = JSON.parse(readFileSync(join(dir, 'antt.config.json'), 'utf8'));
    writeFileSync(join(dir, 'antt.config.json'), JSON.stringify({ ...config, form: ['propaganda_sessions'] }));
    cpSync(join(dir, 'antt.config.json'), join(root, 'kept.json'));
    expect(antt(['init', dir, '--province', '14', '--programme', 'TDBVANTQ', '--year', '2025', '--force']).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'antt.config.json'), 'utf8')).form).toEqual(['propaganda_sessions']);
  });
});
