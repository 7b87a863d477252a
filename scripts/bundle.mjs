#!/usr/bin/env node
// Part of the build: bundles the compiled command line (dist/src/cli.js) and the reading worker
// into dist/bundle/, so that a run loads a few files instead of some two hundred modules (zod
// alone is a hundred): start-up is most of a small job's time. Commands and renderers stay
// separate chunks, loaded when used. exceljs stays outside: it is large and loaded only for
// workbooks. The library entry (dist/src/index.js) is not bundled.
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'bundle');
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: [join(root, 'dist/src/cli.js'), join(root, 'dist/src/io/read-worker.js')],
  outdir,
  // Flat: the parallel reader finds its worker as ./read-worker.js next to itself.
  entryNames: '[name]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['exceljs'],
  // Bundled CommonJS packages (commander, cli-table3, csv-parse's helpers) call require.
  banner: { js: "import { createRequire as __anttCreateRequire } from 'node:module'; const require = __anttCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
