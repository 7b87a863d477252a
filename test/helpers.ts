import { spawnSync } from 'node:child_process';
import { expect } from 'vitest';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export interface Run {
  stdout: string;
  stderr: string;
  code: number | null;
}

/** Runs the real `antt` launcher (built by `npm test`'s build step), as a user would. */
/** `env` values replace the defaults; `undefined` removes a variable. */
export function antt(args: string[], env: Record<string, string | undefined> = {}): Run {
  const merged: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ANTT_LANG: '', ...env };
  for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
  const result = spawnSync(process.execPath, ['bin/antt.js', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: merged as NodeJS.ProcessEnv,
    // Reports of the whole sample by commune run to megabytes: past the default 1 MiB, spawnSync
    // would kill antt and keep a cut output (two runs compared could then differ by chance).
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { stdout: result.stdout, stderr: result.stderr, code: result.status };
}

/** Two runs that must not differ: the same output, messages and exit status. */
export function expectSameRun(actual: Run, expected: Run): void {
  expect(actual.stdout).toBe(expected.stdout);
  expect(actual.stderr).toBe(expected.stderr);
  expect(actual.code).toBe(expected.code);
}

export interface JsonFinding {
  code: string;
  level: string;
  file: string | null;
  line: number | null;
  record: number | null;
  column: string | null;
  cell: string | null;
  sheet: string | null;
  unit: string | null;
  indicator: string | null;
  value: string | null;
  message: string;
}

export interface JsonReport {
  valid: boolean;
  stats: { files: number; rows: number; rowsAccepted: number; rowsRejected: number; errors: number; warnings: number };
  findings: JsonFinding[];
}

export function validateJson(paths: string[], extra: string[] = []): { report: JsonReport; code: number | null; stderr: string } {
  const run = antt(['validate', ...paths, '--format', 'json', ...extra]);
  return { report: JSON.parse(run.stdout) as JsonReport, code: run.code, stderr: run.stderr };
}
