#!/usr/bin/env node
// Part of the build, last: runs the main job once on the bundled sample (`antt aggregate
// data/son-la`) so that bin/antt.js records V8's code cache of everything that job compiled, next
// to the bundle (dist/bundle/cli.cjs.cache). Later runs start from it instead of compiling again.
// The cache belongs to this Node version: another one refuses it and antt compiles as usual.
// Not having a cache makes antt slower, not wrong, so a failure here warns and the build goes on.
import { spawnSync } from 'node:child_process';
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist', 'bundle');
// The launcher writes one cache per script it loaded: the front's and the engine's.
const caches = ['cli.cjs.cache', 'engine.cjs.cache'];
const scratch = join(bundle, `caches.${process.pid}`);
for (const cache of caches) rmSync(join(bundle, cache), { force: true });
mkdirSync(scratch, { recursive: true });
const run = spawnSync(process.execPath, [join(root, 'bin', 'antt.js'), 'aggregate', join(root, 'data', 'son-la'), '--quiet'], {
  cwd: root,
  env: { ...process.env, ANTT_WRITE_CODE_CACHE: scratch },
  stdio: ['ignore', 'ignore', 'pipe'],
  encoding: 'utf8',
});
if (run.status === 0) {
  for (const cache of caches) renameSync(join(scratch, cache), join(bundle, cache));
  rmSync(scratch, { recursive: true, force: true });
} else {
  rmSync(scratch, { recursive: true, force: true });
  console.warn(`antt: no code cache made (the sample run ended with ${run.status ?? run.signal}): antt works, only starts slower.\n${run.stderr}`);
}
