/**
 * antt's output to a pipe, a socket or a file is written directly (src/io/stdio.ts), not through the
 * sockets Node makes of piped stdio: the same bytes, the same exit codes, a reader that stops
 * early still a clean end, and a cold run that loads none of Node's network or terminal modules.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { antt, repoRoot } from './helpers.js';

const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ANTT_LANG: '' };

/** Runs antt with stdout and stderr sent to files; returns what they hold. */
function intoFiles(args: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'antt-stdio-'));
  const out = openSync(join(dir, 'out'), 'w');
  const err = openSync(join(dir, 'err'), 'w');
  const result = spawnSync(process.execPath, ['bin/antt.js', ...args], { cwd: repoRoot, env, stdio: ['ignore', out, err] });
  closeSync(out);
  closeSync(err);
  return { stdout: readFileSync(join(dir, 'out'), 'utf8'), stderr: readFileSync(join(dir, 'err'), 'utf8'), code: result.status };
}

describe('output to a pipe or a file', () => {
  it.each([
    [['aggregate', 'data/son-la']],
    [['aggregate', 'test/fixtures/problems', '--format', 'csv']],
    [['validate', 'test/fixtures/problems']],
    [['--help']],
    [['--version']],
    [['aggregate', '--bogus']],
  ])('the same bytes and exit code either way: %j', (args) => {
    const piped = antt(args);
    expect(intoFiles(args)).toEqual({ stdout: piped.stdout, stderr: piped.stderr, code: piped.code });
    expect(piped.stdout + piped.stderr).not.toBe('');
  });

  it('a reader that stops early (antt … | head) is a clean end, not an error', async () => {
    const child = spawn(process.execPath, ['bin/antt.js', 'aggregate', 'data/son-la', '--level', 'commune', '--by', 'year', '--format', 'csv'], { cwd: repoRoot, env });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    // Read the first chunk, then go away: the rest of the report meets a closed pipe.
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(stderr).not.toMatch(/lỗi nội bộ|internal error|EPIPE/);
  });

  it('a cold run with its output piped loads neither node:net, node:tty nor node:crypto', () => {
    const dir = mkdtempSync(join(tmpdir(), 'antt-modules-'));
    const hook = join(dir, 'hook.cjs');
    const list = join(dir, 'modules.txt');
    writeFileSync(hook, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(list)}, process.moduleLoadList.join('\\n')));\n`);
    // As on a user's machine: no colour forced either way (the test runner sets FORCE_COLOR).
    const plain = Object.fromEntries(Object.entries(env).filter(([name]) => name !== 'FORCE_COLOR' && name !== 'NO_COLOR'));
    const result = spawnSync(process.execPath, ['--require', hook, 'bin/antt.js', 'aggregate', 'data/son-la'], { cwd: repoRoot, env: plain, encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('23,7');
    const loaded = readFileSync(list, 'utf8').split('\n');
    expect(loaded).toContain('NativeModule fs');
    for (const name of ['net', 'tty', 'crypto']) expect(loaded, name).not.toContain(`NativeModule ${name}`);
  });
});
