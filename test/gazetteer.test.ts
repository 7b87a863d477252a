import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../src/io/shipped.js';

const gazetteer = loadGazetteer();
const OLD = ['old'] as const;
const NEW = ['new'] as const;

function resolved(code: string, name: string, systems: readonly ('old' | 'new')[], context = {}) {
  const r = gazetteer.resolve(code, name, systems, context);
  if (!r.ok) throw new Error(`expected a unit, got ${r.problem.code}`);
  return r;
}

describe('the shipped gazetteer (facts from data/gazetteer/SOURCES.md)', () => {
  it('has Sơn La with 12 districts and 200 communes before the reform, 75 after', () => {
    const sonLa = gazetteer.unit('14', 'old')!;
    expect(sonLa.name).toBe('Tỉnh Sơn La');
    expect(gazetteer.units('old').filter((u) => u.parentCode === '14')).toHaveLength(12);
    expect(gazetteer.communesOf(sonLa)).toHaveLength(200);
    expect(gazetteer.communesOf(gazetteer.unit('14', 'new')!)).toHaveLength(75);
  });

  it('has Lai Châu with 8 districts and 106 communes, its capital city with 7, Sông Mã with 19', () => {
    expect(gazetteer.units('old').filter((u) => u.parentCode === '12')).toHaveLength(8);
    expect(gazetteer.communesOf(gazetteer.unit('12', 'old')!)).toHaveLength(106);
    expect(gazetteer.communesOf(gazetteer.unit('105', 'old')!)).toHaveLength(7);
    expect(gazetteer.communesOf(gazetteer.unit('126', 'old')!)).toHaveLength(19);
  });

  it('has 63 provinces, 696 districts, 10,047 communes before and 34 provinces, 3,321 communes after', () => {
    const count = (system: 'old' | 'new', level: string) => gazetteer.units(system).filter((u) => u.level === level).length;
    expect([count('old', 'province'), count('old', 'district'), count('old', 'commune')]).toEqual([63, 696, 10047]);
    expect([count('new', 'province'), count('new', 'district'), count('new', 'commune')]).toEqual([34, 0, 3321]);
  });
});

describe('look-up by code', () => {
  it('finds a commune by its 5-digit code', () => {
    expect(resolved('04213', '', OLD).unit.name).toBe('Xã Mường Sai');
  });

  it('finds every commune by its code written whole, with no name, its own name, or its name decomposed; another name takes the general way', () => {
    // Such codes take a short way in (one candidate looked up at once): what it gives must be the
    // general way's answer — the unit, no notes — and a name it does not match must take the
    // general way, which notes it (or finds it retired).
    for (const system of ['old', 'new'] as const) {
      const communes = gazetteer.units(system).filter((u) => u.level === 'commune');
      expect(communes.length).toBeGreaterThan(3000);
      communes.forEach((commune, i) => {
        for (const name of ['', commune.name, commune.name.normalize('NFD')]) {
          expect(gazetteer.resolve(commune.code, name, [system])).toEqual({ ok: true, unit: commune, notes: [] });
        }
        if (i % 50 === 0) {
          const other = communes[(i + 1) % communes.length]!;
          const r = gazetteer.resolve(commune.code, other.name, [system]);
          // Noted, or the code of a unit of the other list that has that name (retired, or not yet).
          if (r.ok) expect(r.notes.map((n) => n.code)).toEqual(['unit-name-mismatch']);
          else expect(['unit-retired', 'unit-not-yet']).toContain(r.problem.code);
        }
      });
    }
  });

  it('accepts a code whose leading zero Excel dropped, with a note', () => {
    const r = resolved('4213', 'Xã Mường Sai', OLD);
    expect(r.unit.code).toBe('04213');
    expect(r.notes).toEqual([{ code: 'leading-zeros-dropped', given: '4213', official: '04213' }]);
  });

  it('notes a name that disagrees with the code', () => {
    const r = resolved('04213', 'Xã Mường Cai', OLD);
    expect(r.notes[0]).toMatchObject({ code: 'unit-name-mismatch', official: 'Xã Mường Sai' });
  });

  it('refuses an old commune code in a 2026 return and names the new commune it went into', () => {
    const r = gazetteer.resolve('04213', 'Xã Mường Sai', NEW);
    expect(r.ok).toBe(false);
    if (r.ok || r.problem.code !== 'unit-retired') throw new Error('expected unit-retired');
    expect(r.problem.successors.length).toBeGreaterThan(0);
    expect(r.problem.successors.every((s) => /^[0-9]{5}$/.test(s.new_code))).toBe(true);
  });

  it('refuses a district code after the reform (no district level any more)', () => {
    const r = gazetteer.resolve('126', '', NEW);
    expect(r).toMatchObject({ ok: false, problem: { code: 'unit-retired' } });
  });

  it('refuses a post-reform commune in a 2020 return', () => {
    const newOnly = gazetteer.units('new').find((u) => u.level === 'commune' && !gazetteer.unit(u.code, 'old'))!;
    expect(gazetteer.resolve(newOnly.code, '', OLD)).toMatchObject({ ok: false, problem: { code: 'unit-not-yet' } });
  });

  it('accepts both lists in 2025', () => {
    expect(resolved('04213', '', ['old', 'new']).unit.system).toBe('old');
    const newOnly = gazetteer.units('new').find((u) => u.level === 'commune' && !gazetteer.unit(u.code, 'old'))!;
    expect(resolved(newOnly.code, '', ['old', 'new']).unit.system).toBe('new');
  });

  it('does not find an unknown code', () => {
    expect(gazetteer.resolve('99999', '', OLD)).toMatchObject({ ok: false, problem: { code: 'unknown-unit' } });
  });
});

describe('look-up by name', () => {
  it.each(['Xã Mường Sai', 'Mường Sai', 'xã mường sai', 'XÃ MƯỜNG SAI', 'Xã Mường Sai'.normalize('NFD'), '  Mường   Sai '])('%s is Xã Mường Sai', (name) => {
    expect(resolved('', name, OLD).unit.code).toBe('04213');
  });

  it.each(['XA MUONG SAI', 'Muong Sai', 'muong sai'])('%s, without tone marks, is Xã Mường Sai within Sông Mã', (name) => {
    // Without tone marks it could also be Xã Mường Sại of Quỳnh Nhai: the district decides.
    expect(gazetteer.resolve('', name, OLD, { provinceCode: '14' })).toMatchObject({ ok: false, problem: { code: 'ambiguous-unit' } });
    expect(resolved('', name, OLD, { provinceCode: '14', districtCode: '126' }).unit.code).toBe('04213');
  });

  it('tells a district from the city of the same name by its prefix', () => {
    expect(resolved('', 'Thành phố Sơn La', OLD).unit.code).toBe('116');
    expect(resolved('', 'Tỉnh Sơn La', OLD).unit.code).toBe('14');
  });

  it('resolves a name shared across provinces within the return’s province', () => {
    expect(gazetteer.resolve('', 'Xã Chiềng Sơ', OLD)).toMatchObject({ ok: false, problem: { code: 'ambiguous-unit' } });
    expect(resolved('', 'Xã Chiềng Sơ', OLD, { provinceCode: '14' }).unit.code).toBe('04195');
    expect(resolved('', 'Xã Chiềng Sơ', OLD, { provinceCode: '11' }).unit.code).toBe('03211');
  });

  it('lists the candidates when the name is shared within the province too', () => {
    const r = gazetteer.resolve('', 'Xã Chiềng Chung', OLD, { provinceCode: '14' });
    if (r.ok || r.problem.code !== 'ambiguous-unit') throw new Error('expected ambiguous-unit');
    expect(r.problem.candidates.map((u) => u.code).sort()).toEqual(['04015', '04129']);
  });

  it('suggests the closest names for a misspelt one', () => {
    const r = gazetteer.resolve('', 'Xã Mường Sia', OLD, { provinceCode: '14' });
    if (r.ok || r.problem.code !== 'unknown-unit') throw new Error('expected unknown-unit');
    expect(r.problem.suggestions.map((u) => u.name)).toContain('Xã Mường Sai');
  });
});
