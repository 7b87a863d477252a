#!/usr/bin/env node
// The parse floor for `npm run bench`: csv-parse alone, array mode, doing nothing with the records.
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';

let records = 0;
for (const file of process.argv.slice(2)) {
  const parser = createReadStream(file).pipe(parse());
  for await (const _ of parser) records++;
}
console.log(records);
