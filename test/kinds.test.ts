/**
 * The table of indicator kinds (core/kinds.ts): every kind of the schema has an entry, and the
 * parts that treat kinds differently do what its entry says — the row reader, the checker's
 * header plan, the forms and the rollup's months.
 */
import { describe, expect, it } from 'vitest';
import { indicatorKinds } from '../schemas/catalogue.js';
import { KINDS } from '../src/core/kinds.js';
import { compileRowReader } from '../src/core/row-reader.js';
import { CellsView } from '../src/core/row-view.js';
import { formIndicators } from '../src/core/forms.js';
import { loadCatalogue } from '../src/io/shipped.js';

const catalogue = loadCatalogue();

describe('the table of indicator kinds', () => {
  it('has an entry for every kind of the schema, and nothing else', () => {
    expect(Object.keys(KINDS).sort()).toEqual([...indicatorKinds].sort());
  });

  it.each([...indicatorKinds])('%s: its cells, forms and accumulator are as its entry says', (kind) => {
    const rules = KINDS[kind];
    const indicator = catalogue.indicators.find((i) => i.kind === kind)!;
    expect(indicator).toBeDefined();
    expect(rules.accumulator === null).toBe(rules.cells === 'computed');
    expect(formIndicators(catalogue, [indicator.id]).length).toBe(rules.onForms ? 1 : 0);
    if (rules.cells === 'computed') return;
    // "có" is a yes to a yes/no cell and no number to a quantity's; "1.250" the other way about.
    const read = (text: string) => compileRowReader([{ indicator, index: catalogue.indexOf(indicator.id), position: 0 }], 'vi', 'commune')(new CellsView().reset([text]));
    expect(read('có').problems.length === 0).toBe(rules.cells === 'yes-no');
    if (rules.cells === 'quantity' && indicator.decimals === 0) expect(read('1.250').figures.map((f) => f.scaled)).toEqual([1250]);
    // Months of a year: a sum adds them, a latest keeps the later month's.
    const accumulate = rules.accumulator!();
    accumulate.addYear(2020, 3);
    accumulate.addYear(2021, 4);
    expect(accumulate.value()).toBe(rules.overWindow === 'sum' ? 7 : 4);
  });
});
