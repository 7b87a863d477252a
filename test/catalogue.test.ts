import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogueSchema } from '../schemas/catalogue.js';
import { loadCatalogue } from '../src/io/shipped.js';
import { foldKey } from '../src/core/text.js';

const catalogue = loadCatalogue();

/** ../shared/domain/seed-figures.csv, copied: every figure in the seed articles with its id. */
const seedFigures = readFileSync(new URL('./fixtures/seed-figures.csv', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split(','))
  .map((cells) => ({ id: cells[7]!, phrase: cells[8]!, kind: cells[cells.length - 1]! }));

describe('the indicator catalogue', () => {
  it('passes its own schema', () => {
    expect(catalogueSchema.safeParse(JSON.parse(readFileSync('schemas/catalogue.json', 'utf8'))).success).toBe(true);
  });

  it('has every indicator of the seed figures, with the same kind', () => {
    for (const figure of seedFigures) {
      const indicator = catalogue.indicator(figure.id);
      expect(indicator, figure.id).toBeDefined();
      expect(indicator!.kind, figure.id).toBe(figure.kind);
    }
  });

  it('matches each seed article phrase to its indicator, as a header would be', () => {
    for (const figure of seedFigures) {
      const match = catalogue.matchHeader(figure.phrase);
      expect(match.kind === 'indicator' && match.indicator.id, figure.phrase).toBe(figure.id);
    }
  });

  it('matches headers by id, label and alias, whatever the case or diacritics', () => {
    for (const header of ['lien_gia_groups', 'Nhóm liên gia tự quản', 'NHOM LIEN GIA TU QUAN', 'Self-managed inter-household groups', 'Nhóm liên gia tự quản'.normalize('NFD')]) {
      const match = catalogue.matchHeader(header);
      expect(match.kind === 'indicator' && match.indicator.id, header).toBe('lien_gia_groups');
    }
    const ha = catalogue.matchHeader('Diện tích cây thuốc phiện bị triệt phá (ha)');
    expect(ha.kind === 'indicator' && ha.indicator.id).toBe('opium_destroyed_ha');
  });

  it('recognises the identifying columns and the columns forms carry without figures', () => {
    expect(catalogue.matchHeader('Mã ĐVHC')).toEqual({ kind: 'identity', column: 'unit_code' });
    expect(catalogue.matchHeader('Tên đơn vị')).toEqual({ kind: 'identity', column: 'unit_name' });
    expect(catalogue.matchHeader('Năm')).toEqual({ kind: 'identity', column: 'year' });
    expect(catalogue.matchHeader('Kỳ báo cáo')).toEqual({ kind: 'identity', column: 'period' });
    expect(catalogue.matchHeader('STT')).toEqual({ kind: 'ignored' });
  });

  it('suggests the closest indicator for an unknown header', () => {
    const match = catalogue.matchHeader('Nhom lien gia tu quan ly');
    expect(match.kind).toBe('unknown');
    if (match.kind === 'unknown') expect(match.suggestions).toContain('lien_gia_groups');
  });

  it('has no two indicators sharing a label or alias', () => {
    const owners = new Map<string, string>();
    for (const indicator of catalogue.indicators) {
      for (const name of [indicator.id, indicator.label_vi, indicator.label_en, ...indicator.aliases]) {
        const key = foldKey(name);
        const owner = owners.get(key);
        expect(owner === undefined || owner === indicator.id, `${name}: ${owner} and ${indicator.id}`).toBe(true);
        owners.set(key, indicator.id);
      }
    }
  });

  it('has rules that refer to known indicators only', () => {
    for (const rule of catalogue.rules) for (const id of [...rule.left, ...rule.right]) expect(catalogue.indicator(id), id).toBeDefined();
  });
});

describe('knowsHeader (the cheap question a workbook\'s header search asks of every cell)', () => {
  it('answers as matchHeader does, for every name the catalogue knows and for strangers', () => {
    const catalogue = loadCatalogue();
    const names = catalogue.indicators.flatMap((i) => [i.id, i.label_vi, i.label_en, `${i.label_vi} (${i.unit})`, i.label_vi.toUpperCase()]);
    for (const cell of [...names, 'Mã đơn vị', 'Năm', 'STT', 'Ghi chú', 'x0y1', 'Đợt tuyên truyen', '', 'toString', '__proto__']) {
      const match = catalogue.matchHeader(cell);
      expect([cell, catalogue.knowsHeader(cell)]).toEqual([cell, match.kind === 'identity' || match.kind === 'indicator']);
    }
  });
});
