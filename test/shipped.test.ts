/**
 * The shipped unit lists are checked by their Zod schemas when the package is built; at start-up
 * a list whose text (and compiled schema) is what the build checked is read without the schema.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { crosswalkRowSchema, provinceCrosswalkRowSchema, unitRowSchema } from '../schemas/units.js';
import { catalogueSchema } from '../schemas/catalogue.js';
import { checkedByBuild, loadCatalogueData, packageRoot, readTable, shippedPaths, unitLayout } from '../src/io/shipped.js';
import { antt } from './helpers.js';

const tables = [
  ['old units', shippedPaths.unitsOld, unitRowSchema],
  ['new units', shippedPaths.unitsNew, unitRowSchema],
  ['crosswalk', shippedPaths.crosswalk, crosswalkRowSchema],
  ['province crosswalk', shippedPaths.provinceCrosswalk, provinceCrosswalkRowSchema],
] as const;

describe('shipped unit lists', () => {
  it.each(tables)('%s: the build’s copy vouches for the file as shipped, and for nothing else', (_name, path) => {
    const bytes = readFileSync(path);
    const text = bytes.toString('utf8');
    expect(checkedByBuild(path, bytes)).toBe(true);
    expect(checkedByBuild(path, Buffer.from(text.replace(/\n([0-9])/, '\n9$1')))).toBe(false);
    expect(checkedByBuild(path, Buffer.from(`${text}x`))).toBe(false);
    expect(checkedByBuild(path, bytes.subarray(0, bytes.length - 1))).toBe(false);
    // The same bytes elsewhere: not the package's file, so nothing vouches for them.
    const elsewhere = join(mkdtempSync(join(tmpdir(), 'antt-vouched-')), 'units.csv');
    writeFileSync(elsewhere, bytes);
    expect(checkedByBuild(elsewhere, bytes)).toBe(false);
    expect(checkedByBuild(join(packageRoot, 'dist', 'shipped', relative(packageRoot, path)), bytes)).toBe(false);
  });

  it.each(tables)('%s: read without the schema, the same rows as through it', (_name, path, schema) => {
    expect(readTable(path, schema as never, { trustBuild: true })).toEqual(readTable(path, schema as never));
  });

  it('a unit list read with its layout: the rows the general reader makes, cells missing or extra', () => {
    const any = z.record(z.string(), z.string());
    for (const path of [shippedPaths.unitsOld, shippedPaths.unitsNew]) {
      expect(readTable(path, unitRowSchema, { trustBuild: true, layout: unitLayout })).toEqual(readTable(path, unitRowSchema, { trustBuild: true }));
    }
    const odd = join(mkdtempSync(join(tmpdir(), 'antt-layout-')), 'units.csv');
    writeFileSync(odd, 'code,name,type,level,parent_code\n14,Tỉnh Sơn La,Tỉnh,province\n126,Huyện Sông Mã,Huyện,district,14,extra\n\n04168\n');
    const rows = readTable(odd, any, { layout: unitLayout });
    expect(rows).toEqual(readTable(odd, any));
    expect(rows[0]).toEqual({ code: '14', name: 'Tỉnh Sơn La', type: 'Tỉnh', level: 'province', parent_code: '' });
    // Line ends of Windows and of nothing, blank lines, lines without a comma, a last line without its end.
    for (const text of [
      'code,name,type,level,parent_code\r\n14,Tỉnh Sơn La,Tỉnh,province,\r\n\r\n126,Huyện Sông Mã,Huyện,district,14\r\n',
      'code,name,type,level,parent_code\n04168\n04171\n\n\n14,Tỉnh,,',
      'code,name,type,level,parent_code\r\n\r\n,,,,\r\n,\r\nx\r',
      'code,name,type,level,parent_code',
    ]) {
      writeFileSync(odd, text);
      expect(readTable(odd, any, { layout: unitLayout })).toEqual(readTable(odd, any));
    }
    // Other columns, or the same in another order: the general reader.
    writeFileSync(odd, 'name,code,type,level,parent_code\nTỉnh Sơn La,14,Tỉnh,province,\n');
    expect(readTable(odd, any, { layout: unitLayout })).toEqual([{ name: 'Tỉnh Sơn La', code: '14', type: 'Tỉnh', level: 'province', parent_code: '' }]);
  });
});

describe('the shipped catalogue', () => {
  it('is vouched for by the build as shipped, and read as its schema gives it', () => {
    const text = readFileSync(shippedPaths.catalogue, 'utf8').replace(/^\uFEFF/, '');
    expect(checkedByBuild(shippedPaths.catalogue, readFileSync(shippedPaths.catalogue))).toBe(true);
    expect(checkedByBuild(shippedPaths.catalogue, Buffer.from(text.replace('"flow"', '"stock"')))).toBe(false);
    // A unit list's copy does not vouch for it.
    expect(checkedByBuild(shippedPaths.catalogue, readFileSync(shippedPaths.unitsNew))).toBe(false);
    expect(loadCatalogueData()).toEqual(catalogueSchema.parse(JSON.parse(text)));
  });

  it('a catalogue elsewhere, even a copy of the shipped one, is checked by its schema', () => {
    const copy = join(mkdtempSync(join(tmpdir(), 'antt-catalogue-')), 'catalogue.json');
    const data = JSON.parse(readFileSync(shippedPaths.catalogue, 'utf8'));
    writeFileSync(copy, JSON.stringify(data));
    expect(loadCatalogueData(copy)).toEqual(loadCatalogueData());
    data.indicators[0].kind = 'sometimes';
    writeFileSync(copy, JSON.stringify(data));
    expect(() => loadCatalogueData(copy)).toThrow(/kind/);
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
      expect(result.stderr).toContain('antt code cache (engine): used');
    }
  });

  it('`antt --version` and `antt --help` load the front alone, not the engine', () => {
    for (const args of [['--version'], ['--help'], ['aggregate', '--help']]) {
      const result = antt(args, { ANTT_REPORT_CODE_CACHE: '1' });
      expect(result.code).toBe(0);
      expect(result.stderr).toBe('antt code cache: used\n');
    }
  });

  it('the front and the engine share one instance of the modules both use (a missing file is a usage error, not an internal one)', () => {
    const result = antt(['aggregate', 'no-such-folder', '--lang', 'en']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^antt: Cannot read no-such-folder/);
  });
});
