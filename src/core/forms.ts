/**
 * Blank forms (biểu mẫu) to send out: one per district and year (after the 2025 reform, one per
 * province and year), listing every commune in official order under the form's Vietnamese
 * column labels. Pure: returns the files to write; `antt init` writes them.
 */
import type { Indicator, Programme } from '../../schemas/catalogue.js';
import type { DataFolderConfig } from '../../schemas/config.js';
import type { Catalogue } from './catalogue.js';
import { REFORM_YEAR, type Gazetteer, type Unit } from './gazetteer.js';
import { kindOf } from './kinds.js';

export interface BlankForm {
  /** Path inside the data folder: `2019/2019-126-huyen-song-ma.csv`. */
  path: string;
  unit: Unit;
  year: number;
  header: string[];
  rows: string[][];
}

/** The columns of a programme's commune form: what communes report (see KindRules.onForms). */
export function formIndicators(catalogue: Catalogue, ids: readonly string[]): Indicator[] {
  return ids.map((id) => catalogue.indicator(id)).filter((i): i is Indicator => i !== undefined && kindOf(i).onForms);
}

export function slug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The units that each get a form in a year: the province's districts before the reform, the province from 2025 (its new communes). */
function senders(gazetteer: Gazetteer, provinceCode: string, year: number): Unit[] {
  if (year < REFORM_YEAR) {
    const province = gazetteer.unit(provinceCode, 'old');
    return province ? gazetteer.childrenOf(province).filter((u) => u.level === 'district') : [];
  }
  const province = gazetteer.unit(provinceCode, 'new') ?? gazetteer.unit(gazetteer.newProvinceOf(provinceCode) ?? '', 'new');
  return province ? [province] : [];
}

export function blankForms(gazetteer: Gazetteer, provinceCode: string, years: readonly number[], indicators: readonly Indicator[]): BlankForm[] {
  const header = ['STT', 'Mã đơn vị', 'Tên đơn vị', 'Năm', ...indicators.map((i) => i.label_vi)];
  const forms: BlankForm[] = [];
  for (const year of years) {
    for (const unit of senders(gazetteer, provinceCode, year)) {
      const rows = gazetteer.communesOf(unit).map((commune, n) => [String(n + 1), commune.code, commune.name, String(year), ...indicators.map(() => '')]);
      forms.push({ path: `${year}/${year}-${unit.code}-${slug(unit.name)}.csv`, unit, year, header, rows });
    }
  }
  return forms;
}

export function configFor(programme: Programme, province: Unit, from: number, to: number): DataFolderConfig {
  const window = from === to ? String(from) : `${from}–${to}`;
  return {
    province: province.code,
    programme: programme.id,
    title: `${programme.label_vi} — ${province.name}, ${window}`,
    from,
    to,
    // The 2025 forms list the new communes: their returns are in the new list, whatever the names say.
    ...(from <= REFORM_YEAR && REFORM_YEAR <= to ? { list_2025: 'new' as const } : {}),
    indicators: [],
    rules: [],
  };
}
