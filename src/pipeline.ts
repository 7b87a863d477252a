/**
 * Reading and checking returns: the edges (files, decoding) around the pure checker. Both
 * `validate` and `aggregate` go through here, so both report the same findings.
 */
import { ReturnChecker, type Observation, type ValidationReport } from './core/checker.js';
import { Catalogue, identityColumns } from './core/catalogue.js';
import { Vocabulary } from './core/encoding.js';
import type { Gazetteer } from './core/gazetteer.js';
import { collectInputs, displayPath, type Inputs } from './io/inputs.js';
import { formatOf, readCsv, readJson } from './io/read-returns.js';
import { loadCatalogueData, loadGazetteer } from './io/shipped.js';

export interface CheckOptions {
  onObservation?: (observation: Observation) => void;
  keepFindings?: number;
}

export interface CheckResult {
  report: ValidationReport;
  inputs: Inputs;
  catalogue: Catalogue;
  gazetteer: Gazetteer;
}

/** The shipped catalogue, plus whatever indicators and rules a data folder's config adds. */
export function catalogueFor(inputs: Inputs | null): Catalogue {
  const data = loadCatalogueData();
  if (!inputs?.config) return new Catalogue(data);
  return new Catalogue({
    ...data,
    indicators: [...data.indicators, ...inputs.config.indicators.filter((i) => !data.indicators.some((d) => d.id === i.id))],
    rules: [...data.rules, ...inputs.config.rules],
  });
}

function vocabularyOf(gazetteer: Gazetteer, catalogue: Catalogue): Vocabulary {
  const vocabulary = new Vocabulary();
  for (const system of ['old', 'new'] as const) for (const unit of gazetteer.units(system)) vocabulary.add(unit.name);
  for (const indicator of catalogue.indicators) {
    vocabulary.add(indicator.label_vi);
    for (const alias of indicator.aliases) vocabulary.add(alias);
  }
  for (const names of Object.values(identityColumns)) for (const name of names) vocabulary.add(name);
  return vocabulary;
}

export async function checkReturns(paths: readonly string[], options: CheckOptions = {}): Promise<CheckResult> {
  const inputs = collectInputs(paths);
  const catalogue = catalogueFor(inputs);
  const gazetteer = loadGazetteer();
  const checker = new ReturnChecker({
    catalogue,
    gazetteer,
    context: { provinceCode: inputs.config?.province ?? null },
    ...(options.onObservation ? { onObservation: options.onObservation } : {}),
    ...(options.keepFindings ? { keepFindings: options.keepFindings } : {}),
  });
  let vocabulary: Vocabulary | undefined;
  const lazyVocabulary = () => (vocabulary ??= vocabularyOf(gazetteer, catalogue));
  for (const file of inputs.files) {
    const shown = displayPath(file);
    if (formatOf(file) === 'json') {
      await readJson(file, (convention) => checker.beginFile(shown, convention));
    } else {
      await readCsv(file, (convention) => checker.beginFile(shown, convention), lazyVocabulary);
    }
  }
  return { report: checker.finish(), inputs, catalogue, gazetteer };
}
