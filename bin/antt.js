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

// The command line is two scripts (scripts/bundle.mjs): the front (cli.cjs: commands, options,
// help, messages) and the engine (engine.cjs), loaded when a command runs, each with its own code
// cache. `antt --version` and `antt --help` never load the engine, nor V8 its cache.
const bundleDir = join(__dirname, '..', 'dist', 'bundle');
// The build runs the main job once with ANTT_WRITE_CODE_CACHE (a folder): the caches then hold
// what that job compiled.
const writeCacheTo = process.env.ANTT_WRITE_CODE_CACHE;
const loaded = [];

/** Runs a script of the bundle as CommonJS, with its code cache when there is one; returns its exports. */
function load(name) {
  const file = join(bundleDir, name);
  let cachedData;
  if (!writeCacheTo) {
    try {
      cachedData = readFileSync(`${file}.cache`);
    } catch {
      // not built yet, or removed: compile as usual
    }
  }
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`, { filename: file, cachedData });
  loaded.push({ name, script, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  return module.exports;
}

/** For the test that the build's caches are taken: V8 refuses one silently (another Node, other flags). */
function cacheReport() {
  const taken = ({ script, cachedData }) => (cachedData === undefined ? 'none' : script.cachedDataRejected ? 'refused' : 'used');
  return loaded.map((entry) => `antt code cache${entry.name === 'cli.cjs' ? '' : ' (engine)'}: ${taken(entry)}\n`).join('');
}

let engine;
globalThis[Symbol.for('antt.loadEngine')] = () => {
  engine ??= load('engine.cjs');
  return engine;
};
if (writeCacheTo) {
  process.once('exit', () => {
    for (const { name, script } of loaded) writeFileSync(join(writeCacheTo, `${name}.cache`), script.createCachedData());
  });
} else if (process.env.ANTT_REPORT_CODE_CACHE) {
  process.once('exit', () => process.stderr.write(cacheReport()));
}
load('cli.cjs');
