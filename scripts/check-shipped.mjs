#!/usr/bin/env node
// Part of the build (`prepare`, `npm run build`): checks every shipped unit list and crosswalk, and
// the indicator catalogue, with its Zod schema and records a digest of each, with the compiled
// schemas, in dist/shipped-checked.json. At start-up a shipped file whose digest still matches is
// not checked again (see src/io/shipped.ts); one that fails here fails the build.
import { writeFileSync } from 'node:fs';
import { relative, sep } from 'node:path';

const { readTable, shippedDigest, shippedPaths, checkedRecordPath, checkedCataloguePath, packageRoot } = await import('../dist/src/io/shipped.js');
const { unitRowSchema, crosswalkRowSchema, provinceCrosswalkRowSchema } = await import('../dist/schemas/units.js');
const { readFileSync } = await import('node:fs');
const { provinceByProvinceDiffers } = await import('../dist/src/core/gazetteer.js');

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
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  if (schema === unitRowSchema) {
    // A vouched unit list is read province by province (src/core/gazetteer.ts, UnitBlocks): it
    // must give exactly the list read whole.
    const differs = provinceByProvinceDiffers(path === shippedPaths.unitsOld ? 'old' : 'new', text, readTable(path, schema));
    if (differs !== null) {
      console.error(`${relative(packageRoot, path)}: read province by province, the list differs from the whole list at ${differs}: keep it in tree order (each province, then its units), every code once`);
      process.exit(1);
    }
  }
  record[relative(packageRoot, path).split(sep).join('/')] = shippedDigest(text);
}
// The catalogue too: what its schema gives (defaults filled in) is written beside the record, and
// read at start-up in place of checking the file again while its digest holds.
{
  const { catalogueSchema } = await import('../dist/schemas/catalogue.js');
  const text = readFileSync(shippedPaths.catalogue, 'utf8').replace(/^\uFEFF/, '');
  const parsed = catalogueSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    console.error(`schemas/catalogue.json: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    process.exit(1);
  }
  writeFileSync(checkedCataloguePath, `${JSON.stringify(parsed.data)}\n`);
  record[relative(packageRoot, shippedPaths.catalogue).split(sep).join('/')] = shippedDigest(text, 'catalogue');
}
writeFileSync(checkedRecordPath, `${JSON.stringify(record, null, 2)}\n`);
