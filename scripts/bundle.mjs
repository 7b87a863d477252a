#!/usr/bin/env node
// Part of the build: bundles the compiled command line (dist/src/cli.js) and the reading worker
// into dist/bundle/, so that a run loads two files instead of some two hundred modules (zod alone
// is a hundred): start-up is most of a small job's time.
//
// The command line is one CommonJS script, cli.cjs, because bin/antt.js runs it through `vm.Script`
// with V8's code cache (made by scripts/code-cache.mjs): on Node 20 that is the only way to skip
// compiling on every run, and ES modules cannot take a code cache there. Commands and renderers
// are still initialised only when used (esbuild keeps `import()` lazy inside one file). The
// reading worker threads of the command line run this same bundle, through the same launcher and
// code cache (ANTT_READ_WORKER=1; see src/cli.ts): a bundle of their own, an ES module compiled in
// every worker, took 0.2 s to read its first batch. That worker bundle is still made, for the
// command line run without its launcher (dist/bundle/cli.cjs alone).
// exceljs stays outside: it is large and loaded only for workbooks. The library entry
// (dist/src/index.js) is not bundled.
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'bundle');
rmSync(outdir, { recursive: true, force: true });
/**
 * commander requires node:child_process when it loads, for subcommands that are programs of their
 * own — which antt has none of: commander gets it on first use instead. Loading it costs Node 23
 * million instructions (callgrind, `node -e "require('child_process')"` against `node -e 0`); in
 * antt, whose output streams load some of the same modules anyway, `antt --version` saves 6
 * million of them.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(build) {
    build.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'lazy-child-process' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-child-process' }, () => ({
      contents: "let loaded; module.exports = new Proxy({}, { get: (_, key) => (loaded ??= require('node:child_process'))[key] });",
      loader: 'js',
    }));
  },
};
const common = { bundle: true, platform: 'node', target: 'node20', external: ['exceljs'], logLevel: 'warning', minifyWhitespace: true, minifySyntax: true, plugins: [lazyChildProcess] };
await build({
  ...common,
  entryPoints: [join(root, 'dist/src/cli.js')],
  outfile: join(outdir, 'cli.cjs'),
  format: 'cjs',
  // The sources find the package root, the worker and iconv-lite from their own URL.
  define: { 'import.meta.url': '__anttModuleUrl' },
  banner: { js: "var __anttModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
});
await build({
  ...common,
  entryPoints: [join(root, 'dist/src/io/read-worker.js')],
  // The parallel reader finds its worker as ./read-worker.js next to itself.
  outfile: join(outdir, 'read-worker.js'),
  format: 'esm',
  // Bundled CommonJS packages (commander, csv-parse's helpers) call require.
  banner: { js: "import { createRequire as __anttCreateRequire } from 'node:module'; const require = __anttCreateRequire(import.meta.url);" },
});
