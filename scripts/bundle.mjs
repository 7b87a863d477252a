#!/usr/bin/env node
// Part of the build: bundles the compiled command line (dist/src/cli.js) into dist/bundle/, so that a run loads a few files instead of some two hundred modules (zod
// alone is a hundred): start-up is most of a small job's time.
//
// The command line is two CommonJS scripts, the front (cli.cjs) and the engine (engine.cjs, see
// below), because bin/antt.js runs them through `vm.Script` with V8's code cache (made by
// scripts/code-cache.mjs): on Node 20 that is the only way to skip compiling on every run, and ES
// modules cannot take a code cache there. Modules are still initialised only when used (esbuild
// keeps `import()` lazy inside one file).
// exceljs stays outside: it is large and loaded only for workbooks. The library entry
// (dist/src/index.js) is not bundled.
import { rmSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
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
const common = { bundle: true, platform: 'node', target: 'node20', external: ['exceljs'], logLevel: 'warning', minifyWhitespace: true, minifySyntax: true };
// The sources find the package root, the worker and iconv-lite from their own URL.
const commonScript = {
  ...common,
  format: 'cjs',
  define: { 'import.meta.url': '__anttModuleUrl' },
  banner: { js: "var __anttModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
};

/*
 * The command line is two scripts, each with its own code cache:
 * - cli.cjs, the front: the commands, their options and help, the messages — what `antt --version`,
 *   `antt --help` and a mistyped flag need, and nothing else (about a fifth of the whole);
 * - engine.cjs: everything the commands load with `import()` when they run (reading, checking,
 *   rolling up, rendering).
 * V8 deserialises a code cache whole, and the cache of one script holds something for each of its
 * functions: `antt --version` spent a quarter of its own time on the engine's, which it never runs.
 *
 * Each `import()` in the front is of a module of the engine: the engine is loaded then (once; by
 * the launcher with its cache, or `require`d next to the front), and the module taken from it.
 * A module both use (the errors, the messages) is the front's one instance: the engine takes it
 * from the front, so that `instanceof AnttError` and the like hold across the two.
 */
const FRONT_MODULES = 'antt.frontModules';
const keyOf = (path) => relative(root, path).split(sep).join('/');

/** The front's modules, as the front alone would bundle them (its `import()`s left out). */
async function frontModules() {
  const result = await build({
    ...commonScript,
    entryPoints: [join(root, 'dist/src/cli.js')],
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [lazyChildProcess, { name: 'no-engine', setup: (b) => b.onResolve({ filter: /.*/ }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined)) }],
  });
  return Object.keys(result.metafile.inputs)
    .filter((input) => !input.includes(':') && !input.endsWith('dist/src/cli.js'))
    .map((input) => join(root, input));
}

/** Resolves as esbuild would (for a plugin that only wants to know where an import leads). */
async function resolveAs(b, args) {
  const resolved = await b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: { inner: true } });
  return resolved.errors.length > 0 || resolved.external ? null : resolved.path;
}

const front = await frontModules();
const engineModules = new Set();

/** In the front: each `import()` takes its module from the engine. */
const fromEngine = {
  name: 'from-engine',
  setup(b) {
    b.onResolve({ filter: /.*/ }, async (args) => {
      if (args.kind !== 'dynamic-import' || args.pluginData?.inner) return undefined;
      const path = await resolveAs(b, args);
      if (path === null) return undefined;
      engineModules.add(path);
      return { path, namespace: 'antt-engine' };
    });
    b.onLoad({ filter: /.*/, namespace: 'antt-engine' }, (args) => ({
      contents: `module.exports = require('antt-engine-loader')(${JSON.stringify(keyOf(args.path))});`,
      loader: 'js',
      resolveDir: root,
    }));
    b.onResolve({ filter: /^antt-engine-loader$/ }, () => ({ path: 'loader', namespace: 'antt-engine-loader' }));
    b.onLoad({ filter: /.*/, namespace: 'antt-engine-loader' }, () => ({
      // Through the launcher, with the engine's code cache; without it, as a file next to this one.
      contents: "let engine; module.exports = (key) => (engine ??= (globalThis[Symbol.for('antt.loadEngine')] ?? (() => require('./engine.cjs')))())[key];",
      loader: 'js',
    }));
    b.onResolve({ filter: /^\.\/engine\.cjs$/ }, () => ({ path: './engine.cjs', external: true }));
  },
};

/** The front's entry: its modules offered to the engine (each initialised when first asked for), then the command line. */
const frontEntry = [
  `globalThis[Symbol.for(${JSON.stringify(FRONT_MODULES)})] = {`,
  ...front.map((path) => `  get ${JSON.stringify(keyOf(path))}() { return require(${JSON.stringify(path)}); },`),
  '};',
  `require(${JSON.stringify(join(root, 'dist/src/cli.js'))});`,
].join('\n');
await build({
  ...commonScript,
  stdin: { contents: frontEntry, resolveDir: root, sourcefile: 'front.js', loader: 'js' },
  outfile: join(outdir, 'cli.cjs'),
  plugins: [lazyChildProcess, fromEngine],
});

/** In the engine: a module the front has is the front's. */
const frontSet = new Set(front);
const fromFront = {
  name: 'from-front',
  setup(b) {
    b.onResolve({ filter: /.*/ }, async (args) => {
      if (args.kind === 'entry-point' || args.pluginData?.inner || args.namespace === 'antt-front') return undefined;
      const path = await resolveAs(b, args);
      return path !== null && frontSet.has(path) ? { path, namespace: 'antt-front' } : undefined;
    });
    b.onLoad({ filter: /.*/, namespace: 'antt-front' }, (args) => ({
      contents: `module.exports = globalThis[Symbol.for(${JSON.stringify(FRONT_MODULES)})][${JSON.stringify(keyOf(args.path))}];`,
      loader: 'js',
    }));
  },
};
const engineEntry = ['module.exports = {', ...[...engineModules].sort().map((path) => `  get ${JSON.stringify(keyOf(path))}() { return require(${JSON.stringify(path)}); },`), '};'].join('\n');
await build({
  ...commonScript,
  stdin: { contents: engineEntry, resolveDir: root, sourcefile: 'engine.js', loader: 'js' },
  outfile: join(outdir, 'engine.cjs'),
  plugins: [lazyChildProcess, fromFront],
});
