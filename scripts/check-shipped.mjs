#!/usr/bin/env node
// Part of the build (`prepare`, `npm run build`): checks every shipped unit list and crosswalk, and
// the indicator catalogue, with its Zod schema and, when all pass, keeps a copy of each under
// dist/shipped/. At start-up a shipped file whose bytes are still its copy's is not checked again
// (see src/io/shipped.ts); one that fails here fails the build, and leaves no copy of anything.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';

const { readTable, shippedPaths, checkedCopiesPath, checkedCopyOf, checkedCataloguePath, packageRoot } = await import('../dist/src/io/shipped.js');
const { unitRowSchema, crosswalkRowSchema, provinceCrosswalkRowSchema } = await import('../dist/schemas/units.js');
const { provinceByProvinceDiffers } = await import('../dist/src/io/unit-blocks.js');

// Nothing is vouched for while the checks run: a build that stops half way vouches for nothing.
rmSync(checkedCopiesPath, { recursive: true, force: true });
rmSync(checkedCataloguePath, { force: true });

const fail = (path, message) => {
  console.error(`${relative(packageRoot, path)}: ${message}`);
  process.exit(1);
};

const tables = [
  [shippedPaths.unitsOld, unitRowSchema],
  [shippedPaths.unitsNew, unitRowSchema],
  [shippedPaths.crosswalk, crosswalkRowSchema],
  [shippedPaths.provinceCrosswalk, provinceCrosswalkRowSchema],
];
const vouched = [];
for (const [path, schema] of tables) {
  let rows;
  try {
    rows = readTable(path, schema);
  } catch (error) {
    fail(path, error.render ? error.render('en') : error.message);
  }
  const bytes = readFileSync(path);
  if (schema === unitRowSchema) {
    // A vouched unit list is read province by province (src/core/gazetteer.ts, UnitBlocks): it
    // must give exactly the list read whole.
    const differs = provinceByProvinceDiffers(path === shippedPaths.unitsOld ? 'old' : 'new', bytes, rows);
    if (differs !== null) fail(path, `read province by province, the list differs from the whole list at ${differs}: keep it in tree order (each province, then its units), every code once`);
  }
  vouched.push([path, bytes]);
}
// The catalogue too: what its schema gives (defaults filled in) is written beside the copies, and
// read at start-up in place of checking the file again while it is unchanged.
const { catalogueSchema } = await import('../dist/schemas/catalogue.js');
const catalogueBytes = readFileSync(shippedPaths.catalogue);
const parsed = catalogueSchema.safeParse(JSON.parse(catalogueBytes.toString('utf8').replace(/^\uFEFF/, '')));
if (!parsed.success) fail(shippedPaths.catalogue, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
vouched.push([shippedPaths.catalogue, catalogueBytes]);

writeFileSync(checkedCataloguePath, `${JSON.stringify(parsed.data)}\n`);
for (const [path, bytes] of vouched) {
  const copy = checkedCopyOf(path);
  mkdirSync(dirname(copy), { recursive: true });
  writeFileSync(copy, bytes);
}
