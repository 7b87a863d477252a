/**
 * The shipped unit lists are checked by their Zod schemas when the package is built; at start-up
 * a list whose text (and compiled schema) is what the build checked is read without the schema.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { crosswalkRowSchema, provinceCrosswalkRowSchema, unitRowSchema } from '../schemas/units.js';
import { checkedByBuild, readTable, shippedPaths } from '../src/io/shipped.js';
import { antt } from './helpers.js';

const tables = [
  ['old units', shippedPaths.unitsOld, unitRowSchema],
  ['new units', shippedPaths.unitsNew, unitRowSchema],
  ['crosswalk', shippedPaths.crosswalk, crosswalkRowSchema],
  ['province crosswalk', shippedPaths.provinceCrosswalk, provinceCrosswalkRowSchema],
] as const;

describe('shipped unit lists', () => {
  it.each(tables)('%s: the build’s record vouches for the text as shipped, and for nothing else', (_name, path) => {
    const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
    expect(checkedByBuild(path, text)).toBe(true);
    expect(checkedByBuild(path, text.replace(/\n([0-9])/, '\n9$1'))).toBe(false);
    expect(checkedByBuild(path, `${text}x`)).toBe(false);
  });

  it.each(tables)('%s: read without the schema, the same rows as through it', (_name, path, schema) => {
    expect(readTable(path, schema as never, { trustBuild: true })).toEqual(readTable(path, schema as never));
  });
});

describe("the build's code cache", () => {
  // V8 refuses a cache silently (another Node version, or V8 flags other than those in force when
  // it was written: a flag set while the build records it would do). A refused cache costs every
  // start its compile, a fifth of a small job, and nothing else would show it.
  it('is taken by the main job after `npm run build`, and again after that job has run', () => {
    for (let run = 0; run < 2; run++) {
      const result = antt(['aggregate', 'data/son-la', '--quiet'], { ANTT_REPORT_CODE_CACHE: '1' });
      expect(result.code).toBe(0);
      expect(result.stderr).toContain('antt code cache: used');
    }
  });
});
