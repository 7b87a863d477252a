/**
 * A shipped unit list the build vouched for is made one province at a time, when a unit of it is
 * first asked for (UnitBlocks in src/io/unit-blocks.ts). Whatever is asked, in whatever order,
 * the gazetteer must answer as it does over the list read whole.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unitRowSchema, type UnitRow } from '../schemas/units.js';
import { Gazetteer, type UnitSystem } from '../src/core/gazetteer.js';
import { provinceByProvinceDiffers, UnitBlocks } from '../src/io/unit-blocks.js';
import { readTable, readUnitList, shippedPaths } from '../src/io/shipped.js';

const lists = [
  ['old', shippedPaths.unitsOld],
  ['new', shippedPaths.unitsNew],
] as const;

const textOf = (path: string) => readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
const bytesOf = (path: string) => readFileSync(path);
const rowsOf = (path: string) => readTable<UnitRow>(path, unitRowSchema);

/** Gazetteers over the same list: one made province by province from its bytes, one from its rows. */
function both(system: UnitSystem, bytes: Buffer, rows: readonly UnitRow[]) {
  const other: UnitRow[] = [];
  const byBlocks = new Gazetteer({ old: () => (system === 'old' ? new UnitBlocks('old', bytes) : other), new: () => (system === 'new' ? new UnitBlocks('new', bytes) : other), crosswalk: () => [] });
  const whole = Gazetteer.of(system === 'old' ? rows : other, system === 'new' ? rows : other);
  return { byBlocks, whole };
}

describe('a vouched unit list, made province by province', () => {
  it.each(lists)('%s list: the shipped file gives the list read whole (what the build checks)', (system, path) => {
    expect(provinceByProvinceDiffers(system, bytesOf(path), rowsOf(path))).toBeNull();
  });

  it('the shipped lists are read as bytes only while the build vouches for them', () => {
    for (const [system, path] of lists) expect(readUnitList(path, system, { trustBuild: true })).toBeInstanceOf(UnitBlocks);
    const copy = join(mkdtempSync(join(tmpdir(), 'antt-blocks-')), 'units.csv');
    writeFileSync(copy, textOf(shippedPaths.unitsNew));
    // Elsewhere, or not trusted: rows, through the schema.
    expect(Array.isArray(readUnitList(copy, 'new', { trustBuild: true }))).toBe(true);
    expect(readUnitList(shippedPaths.unitsNew, 'new')).toEqual(rowsOf(shippedPaths.unitsNew));
  });

  it('answers as the whole list, whatever is asked first and in whatever order (old list)', () => {
    const bytes = bytesOf(shippedPaths.unitsOld);
    const rows = rowsOf(shippedPaths.unitsOld);
    const codes = rows.map((r) => r.code);
    const code = fc.oneof(fc.constantFrom(...codes), fc.constantFrom('99999', '999', '99', '', '4213', '14,', 'code'));
    const ask = fc.oneof(
      code.map((c) => ['unit', c] as const),
      code.map((c) => ['children', c] as const),
      fc.integer({ min: -2, max: rows.length + 2 }).map((n) => ['at', n] as const),
      code.map((c) => ['province', c] as const),
      fc.constant(['units', ''] as const),
    );
    fc.assert(
      fc.property(fc.array(ask, { minLength: 1, maxLength: 30 }), (asks) => {
        const { byBlocks, whole } = both('old', bytes, rows);
        for (const [what, arg] of asks) {
          if (what === 'unit') expect(byBlocks.unit(arg, 'old')).toEqual(whole.unit(arg, 'old'));
          else if (what === 'at') expect(byBlocks.unitAt('old', arg as number)).toEqual(whole.unitAt('old', arg as number));
          else if (what === 'units') expect(byBlocks.units('old')).toEqual(whole.units('old'));
          else {
            const unit = whole.unit(arg as string, 'old');
            if (unit === undefined) continue;
            if (what === 'children') expect(byBlocks.childrenOf(unit)).toEqual(whole.childrenOf(unit));
            else expect(byBlocks.province(byBlocks.unit(unit.code, 'old')!)).toEqual(whole.province(unit));
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('resolves codes and names as the whole list does (new list)', () => {
    const { byBlocks, whole } = both('new', bytesOf(shippedPaths.unitsNew), rowsOf(shippedPaths.unitsNew));
    for (const [code, name] of [['04213', ''], ['4213', ''], ['14', 'Tỉnh Sơn La'], ['', 'Phường Ba Đình'], ['00004', 'Phường Ba Đình'], ['123456', ''], ['', 'Xã Không Có']]) {
      expect(byBlocks.resolve(code!, name!, ['new'])).toEqual(whole.resolve(code!, name!, ['new']));
    }
  });

  it('Windows line ends, blank lines and a last line without its end: the same list', () => {
    const text = textOf(shippedPaths.unitsNew);
    const rows = rowsOf(shippedPaths.unitsNew);
    const lines = text.split('\n').filter((l) => l !== '');
    // lines[0] is the header: every variant keeps it and the units after it, in order.
    const whole = [lines.join('\r\n') + '\r\n', lines.join('\n'), lines.join('\n\n') + '\n\n'];
    for (const variant of whole) expect(provinceByProvinceDiffers('new', Buffer.from(variant), rows)).toBeNull();
    expect(provinceByProvinceDiffers('new', Buffer.from(lines.slice(0, 40).join('\r\n\r\n')), rows.slice(0, 39))).toBeNull();
    // With a byte order mark.
    expect(provinceByProvinceDiffers('new', Buffer.from(`\uFEFF${text}`), rows)).toBeNull();
  });

  it('a list out of tree order, or with a code twice, is caught (the build then fails)', () => {
    const path = shippedPaths.unitsOld;
    const text = textOf(path);
    const lines = text.split('\n');
    const check = (mutant: string) => {
      const file = join(mkdtempSync(join(tmpdir(), 'antt-blocks-')), 'units.csv');
      writeFileSync(file, mutant);
      return provinceByProvinceDiffers('old', Buffer.from(mutant), rowsOf(file));
    };
    // A commune of Sơn La moved to the end of the list, under the last province.
    const muongSai = lines.findIndex((l) => l.startsWith('04213,'));
    const moved = [...lines.slice(0, muongSai), ...lines.slice(muongSai + 1, -1), lines[muongSai]!, ''].join('\n');
    expect(check(moved)).not.toBeNull();
    // A district's communes placed before their province's line.
    const sonLa = lines.findIndex((l) => l.startsWith('14,'));
    const swapped = [...lines.slice(0, sonLa), lines[sonLa + 2]!, lines[sonLa]!, lines[sonLa + 1]!, ...lines.slice(sonLa + 3)].join('\n');
    expect(check(swapped)).not.toBeNull();
    // A code twice.
    const twice = [...lines.slice(0, -1), lines[sonLa + 2]!, ''].join('\n');
    expect(check(twice)).not.toBeNull();
  });
});
