/**
 * Output that cannot be written, and text that must not reach a terminal raw (issue 25): each
 * case runs the real launcher; no stack trace, the right exit code, and what went wrong said.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers.js';

/** Runs antt with stdout or stderr going to a file opened here (/dev/full: every write fails with ENOSPC). */
function runTo(args: string[], stdout: string, stderr: string) {
  const out = openSync(stdout, 'w');
  const err = stderr === 'pipe' ? 'pipe' : openSync(stderr, 'w');
  const run = spawnSync(process.execPath, ['bin/antt.js', ...args], { cwd: repoRoot, stdio: ['ignore', out, err], encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ANTT_LANG: 'en' } });
  closeSync(out);
  if (typeof err === 'number') closeSync(err);
  return run;
}

describe('output that cannot be written', () => {
  it('stdout on a full disk: exit 2, said in one line, no stack trace', () => {
    const run = runTo(['aggregate', 'data/son-la', '--lang', 'en'], '/dev/full', 'pipe');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^antt: Cannot write the output to stdout \(ENOSPC\)/m);
    expect(run.stderr).not.toMatch(/\n\s+at |cli\.cjs/);
  });

  it('stderr on a full disk: exit 2, not the data\'s 0 or 1', () => {
    expect(runTo(['aggregate', 'data/son-la'], '/dev/null', '/dev/full').status).toBe(2);
    // validate's report goes to stdout: with stdout full, its data's 1 gives way to 2.
    expect(runTo(['validate', 'test/fixtures/problems'], '/dev/full', 'pipe').status).toBe(2);
  });
});
