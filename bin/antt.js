#!/usr/bin/env node
// The `antt` launcher: runs the bundled command line (built by `npm install` through the `prepare`
// script) with the code cache the build made for it, so that V8 does not compile antt again on
// every run — most of a small job's time otherwise. A cache made by another Node version (or with
// other V8 flags) is refused by V8 and antt simply compiles as usual.
//
// A CommonJS script (bin/package.json says so), not an ES module: Node then starts it without
// its ES module loader, and `require('node:fs')` does not load the file streams as a named
// `import` from it does (callgrind: 30–40 million fewer instructions for `antt aggregate
// data/son-la`). Its name stays antt.js: npx keeps the link it made to a project's own command,
// and a renamed file would leave `npx antt` pointing at nothing after an update.
'use strict';
const { readFileSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const vm = require('node:vm');

// This process is the antt command line: antt may tune its heap for a large job (see
// src/io/parallel.ts), which it never does inside a program that uses it as a library.
globalThis[Symbol.for('antt.ownsHeap')] = true;
// Its reading worker threads start through this launcher too, with ANTT_READ_WORKER=1: the same
// bundle and code cache as the main thread, not a second bundle compiled in each worker.
globalThis[Symbol.for('antt.launcher')] = __filename;

const bundle = join(__dirname, '..', 'dist', 'bundle', 'cli.cjs');
const cachePath = `${bundle}.cache`;
let cachedData;
if (!process.env.ANTT_WRITE_CODE_CACHE) {
  try {
    cachedData = readFileSync(cachePath);
  } catch {
    // not built yet, or removed: compile as usual
  }
}
const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${readFileSync(bundle, 'utf8')}\n})`, {
  filename: bundle,
  cachedData,
});
if (process.env.ANTT_WRITE_CODE_CACHE) {
  // The build runs the main job once this way: the cache then holds what that job compiled.
  process.once('exit', () => writeFileSync(process.env.ANTT_WRITE_CODE_CACHE, script.createCachedData()));
} else if (process.env.ANTT_REPORT_CODE_CACHE) {
  // For the test that the build's cache is taken: V8 refuses one silently (another Node, other flags).
  const taken = () => (cachedData === undefined ? 'none' : script.cachedDataRejected ? 'refused' : 'used');
  // A reading worker is stopped, not left to exit: it says so at once.
  if (process.env.ANTT_READ_WORKER === '1') process.stderr.write(`antt code cache (reading worker): ${taken()}\n`);
  else process.once('exit', () => process.stderr.write(`antt code cache: ${taken()}\n`));
}
const bundled = { exports: {} };
script.runInThisContext()(bundled.exports, createRequire(bundle), bundled, bundle, dirname(bundle));
