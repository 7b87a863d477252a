#!/usr/bin/env node
// The `antt` launcher: runs the compiled CLI (built by `npm install` through the `prepare` script).
import '../dist/src/cli.js';
