#!/usr/bin/env node
// Part of `npm run bench`, when Debian has no DuckDB CLI: runs one SQL query with DuckDB's Node
// API from a folder where it was installed apart from antt (`npm install --prefix DIR
// @duckdb/node-api`; not a dependency of antt), so that the bench can set DuckDB beside antt in
// one run. Usage: node scripts/duckdb-node.mjs DIR "select …"
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [dir, sql] = process.argv.slice(2);
const entry = createRequire(join(dir, 'package.json')).resolve('@duckdb/node-api');
const { DuckDBInstance } = await import(pathToFileURL(entry).href);
const connection = await (await DuckDBInstance.create(':memory:')).connect();
const result = await connection.runAndReadAll(sql);
console.log(`${result.getRows().length} groups`);
