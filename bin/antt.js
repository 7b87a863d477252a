#!/usr/bin/env node
// The `antt` launcher: runs the compiled CLI (built by `npm install` through the `prepare` script).
// On Node 22.1+ the compile cache saves most of start-up on every run after the first.
import module from 'node:module';

module.enableCompileCache?.();
await import('../dist/bundle/cli.js');
