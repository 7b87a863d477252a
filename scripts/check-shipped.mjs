#!/usr/bin/env node
// Part of the build (`prepare`, `npm run build`): checks every shipped unit list and crosswalk with
// its Zod schema and records a digest of each, with the compiled schemas, in
// dist/shipped-checked.json. At start-up a shipped list whose digest still matches is not checked
// again (see src/io/shipped.ts); one that fails here fails the build.
import { writeFileSync } from 'node:fs';
import { relative, sep } from 'node:path';

const { readTable, shippedDigest, shippedPaths, checkedRecordPath, packageRoot } = await import('../dist/src/io/shipped.js');
const { unitRowSchema, crosswalkRowSchema, provinceCrosswalkRowSchema } = await import('../dist/schemas/units.js');
const { readFileSync } = await import('node:fs');

const tables = [
  [shippedPaths.unitsOld, unitRowSchema],
  [shippedPaths.unitsNew, unitRowSchema],
  [shippedPaths.crosswalk, crosswalkRowSchema],
  [shippedPaths.provinceCrosswalk, provinceCrosswalkRowSchema],
];
const record = {};
for (const [path, schema] of tables) {
  try {
    readTable(path, schema);
  } catch (error) {
    console.error(`${relative(packageRoot, path)}: ${error.render ? error.render('en') : error.message}`);
    process.exit(1);
  }
  record[relative(packageRoot, path).split(sep).join('/')] = shippedDigest(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
}
writeFileSync(checkedRecordPath, `${JSON.stringify(record, null, 2)}\n`);
