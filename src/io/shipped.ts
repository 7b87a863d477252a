/**
 * Loads what ships with the tool: the indicator catalogue (`schemas/catalogue.json`) and the
 * national unit lists with the reform crosswalk (`data/gazetteer/`), each through its Zod schema.
 */
import { readFileSync } from 'node:fs';
import { noteRead, unreadableWhole } from './files-read.js';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import * as z from 'zod';
import { catalogueSchema, type CatalogueData } from '../../schemas/catalogue.js';
import {
  crosswalkRowSchema,
  provinceCrosswalkRowSchema,
  unitRowSchema,
  type CrosswalkRow,
  type ProvinceCrosswalkRow,
  type UnitRow,
} from '../../schemas/units.js';
import { Catalogue } from '../core/catalogue.js';
import { Gazetteer, type Units, type UnitSystem } from '../core/gazetteer.js';
import { UnitBlocks } from './unit-blocks.js';
import { AnttError } from './errors.js';
import { packageRoot } from './package-root.js';

export { packageRoot };

export const shippedPaths = {
  catalogue: join(packageRoot, 'schemas', 'catalogue.json'),
  unitsOld: join(packageRoot, 'data', 'gazetteer', 'vn-units-2025-03-01.csv'),
  unitsNew: join(packageRoot, 'data', 'gazetteer', 'vn-units-2025-07-01.csv'),
  crosswalk: join(packageRoot, 'data', 'gazetteer', 'crosswalk-2025-07-01.csv'),
  provinceCrosswalk: join(packageRoot, 'data', 'gazetteer', 'crosswalk-provinces-2025-07-01.csv'),
};

/**
 * The largest unit list, crosswalk or catalogue read whole: the shipped old list is 0.5 MiB; a
 * folder's own list 200 times that is no list.
 */
const MAX_TABLE_BYTES = 100 * 1024 * 1024;

function readBytes(path: string): Buffer {
  const refused = unreadableWhole(path, MAX_TABLE_BYTES);
  if (refused !== null) throw new AnttError('file-unreadable', { path, reason: refused });
  try {
    const bytes = readFileSync(path);
    noteRead(path);
    return bytes;
  } catch (cause) {
    throw new AnttError('file-unreadable', { path, reason: (cause as NodeJS.ErrnoException).code ?? String(cause) });
  }
}

function textOf(bytes: Buffer): string {
  return bytes.toString('utf8').replace(/^\uFEFF/, '');
}

/**
 * The shipped files as the build checked them: `npm run build` (and `npm install`, through
 * `prepare`) runs every shipped list and the catalogue through its Zod schema and, when all pass,
 * keeps a copy of each under dist/shipped/ (scripts/check-shipped.mjs). A file whose bytes are
 * still its copy's is the very file the schema accepted, and is not checked again at every start
 * (Zod over the 10,000 communes is a third of a small run's time). Any other — an edited list, a
 * data folder's own — is checked in full. Compared byte for byte, not by a digest: loading
 * node:crypto and hashing the old list took 9–10 ms of a cold start; reading the copy and
 * comparing take well under one.
 */
export const checkedCopiesPath = join(packageRoot, 'dist', 'shipped');

/** Where the build keeps its copy of a shipped file, or null for a file that is not the package's. */
export function checkedCopyOf(path: string): string | null {
  const inPackage = relative(packageRoot, resolve(path));
  if (inPackage === '' || inPackage.startsWith('..') || isAbsolute(inPackage)) return null;
  return join(checkedCopiesPath, inPackage);
}

/** The shipped catalogue as its schema gave it (defaults filled in), written by the build with the copies. */
export const checkedCataloguePath = join(packageRoot, 'dist', 'catalogue-checked.json');

export function checkedByBuild(path: string, bytes: Uint8Array): boolean {
  const copy = checkedCopyOf(path);
  if (copy === null) return false;
  try {
    return readFileSync(copy).equals(bytes);
  } catch {
    return false; // not built, or the build stopped at a file that failed
  }
}

/**
 * A table's usual columns, and its row made from cells as one object literal: the same row the
 * general path makes (a cell not there is ''), but of one shape, without a keyed store per cell —
 * half the time of reading the 10,800 units of the old list, mostly before V8 has compiled it.
 */
export interface RowLayout {
  columns: string;
  make: (cells: string[]) => Record<string, string>;
}

/** @internal The unit lists' layout (exported for its test). */
export const unitLayout: RowLayout = {
  columns: 'code,name,type,level,parent_code',
  make: (cells) => ({ code: cells[0] ?? '', name: cells[1] ?? '', type: cells[2] ?? '', level: cells[3] ?? '', parent_code: cells[4] ?? '' }),
};

/**
 * The gazetteer files are plain CSV without quotes (checked by the schema: a quote would fail the
 * code patterns), so a split is enough and keeps start-up fast.
 */
export function readTable<T>(path: string, schema: z.ZodType<T>, options: { trustBuild?: boolean; layout?: RowLayout } = {}): T[] {
  const bytes = readBytes(path);
  const text = textOf(bytes);
  const firstEnd = text.indexOf('\n');
  const header = (firstEnd < 0 ? text : text.slice(0, firstEnd)).replace(/\r$/, '').split(',');
  const rows: Record<string, string>[] =
    options.layout && header.join(',') === options.layout.columns ? rowsInLayout(text, firstEnd, options.layout.make) : rowsByHeader(text, header);
  // Only shipped lists, and only with the build's record: a unit list of a data folder is always checked.
  if (options.trustBuild && checkedByBuild(path, bytes)) return rows as T[];
  const parsed = z.array(schema).safeParse(rows);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const row = typeof issue.path[0] === 'number' ? issue.path[0] + 2 : '?';
    throw new AnttError('bad-shipped-data', { path, detail: `line ${row}: ${issue.message}` });
  }
  return parsed.data;
}

/** Every line after the header (empty ones skipped) as a row keyed by the header's names. */
function rowsByHeader(text: string, header: readonly string[]): Record<string, string>[] {
  const lines = text.split(/\r?\n/);
  const rows: Record<string, string>[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    const cells = line.split(',');
    const row: Record<string, string> = {};
    for (let c = 0; c < header.length; c++) row[header[c]!] = cells[c] ?? '';
    rows.push(row);
  }
  return rows;
}

/**
 * rowsByHeader for a table in its usual layout: the same rows, its cells found with indexOf in the
 * text as it is — no string per line, no array per line (a split per line was a runtime call and
 * an array each: 3% of a cold run's instructions for the 10,800 lines of the old list).
 */
function rowsInLayout(text: string, headerEnd: number, make: RowLayout['make']): Record<string, string>[] {
  const rows: Record<string, string>[] = [];
  const cells: string[] = [];
  // The next comma at or after where the search is: found once, however many lines it is ahead.
  let comma = -1;
  for (let at = headerEnd < 0 ? text.length : headerEnd + 1; at < text.length; ) {
    const lf = text.indexOf('\n', at);
    const next = lf < 0 ? text.length : lf + 1;
    let end = lf < 0 ? text.length : lf;
    // A CR before a LF is part of the line end (a CR anywhere else is the line's, as for /\r?\n/).
    if (lf >= 0 && end > at && text.charCodeAt(end - 1) === 0x0d) end--;
    if (end > at) {
      let count = 0;
      for (let from = at; ; ) {
        if (comma < from) {
          comma = text.indexOf(',', from);
          if (comma < 0) comma = text.length; // none left: no search again
        }
        if (comma >= end) {
          cells[count++] = text.slice(from, end);
          break;
        }
        cells[count++] = text.slice(from, comma);
        from = comma + 1;
      }
      cells.length = count;
      rows.push(make(cells));
    }
    at = next;
  }
  return rows;
}

/**
 * A unit list: as its bytes when it is a shipped list the build vouched for, in its usual columns
 * (the gazetteer then decodes and makes only the provinces a job asks for); else as rows, checked
 * as readTable checks them.
 */
export function readUnitList(path: string, system: UnitSystem, options: { trustBuild?: boolean } = {}): UnitRow[] | Units {
  if (options.trustBuild) {
    const bytes = readBytes(path);
    const firstEnd = bytes.indexOf(0x0a);
    const header = bytes.toString('utf8', 0, firstEnd < 0 ? bytes.length : firstEnd).replace(/^\uFEFF/, '').replace(/\r$/, '');
    if (header === unitLayout.columns && checkedByBuild(path, bytes)) return new UnitBlocks(system, bytes);
  }
  return readTable<UnitRow>(path, unitRowSchema, { ...options, layout: unitLayout });
}

export function loadCatalogueData(path = shippedPaths.catalogue): CatalogueData {
  let json: unknown;
  try {
    const bytes = readBytes(path);
    // The shipped catalogue as the build checked it: what its schema gave, without Zod again at
    // every start (about 10 ms of a cold start).
    if (path === shippedPaths.catalogue && checkedByBuild(path, bytes)) {
      try {
        return JSON.parse(readFileSync(checkedCataloguePath, 'utf8')) as CatalogueData;
      } catch {
        // not there (a build cut short): checked as any other catalogue
      }
    }
    json = JSON.parse(textOf(bytes));
  } catch (cause) {
    if (cause instanceof AnttError) throw cause;
    throw new AnttError('bad-shipped-data', { path, detail: String((cause as Error).message) });
  }
  const parsed = catalogueSchema.safeParse(json);
  if (!parsed.success) {
    throw new AnttError('bad-shipped-data', { path, detail: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
  }
  return parsed.data;
}

export function loadCatalogue(path = shippedPaths.catalogue): Catalogue {
  return new Catalogue(loadCatalogueData(path));
}

let gazetteer: Gazetteer | undefined;

export function loadGazetteer(): Gazetteer {
  const trustBuild = { trustBuild: true };
  gazetteer ??= new Gazetteer({
    old: () => readUnitList(shippedPaths.unitsOld, 'old', trustBuild),
    new: () => readUnitList(shippedPaths.unitsNew, 'new', trustBuild),
    crosswalk: () => readTable<CrosswalkRow>(shippedPaths.crosswalk, crosswalkRowSchema, trustBuild),
    provinceCrosswalk: () => readTable<ProvinceCrosswalkRow>(shippedPaths.provinceCrosswalk, provinceCrosswalkRowSchema, trustBuild),
  });
  return gazetteer;
}

/**
 * The gazetteer for a data folder: its own unit lists where its config names them (checked by
 * the same Zod schemas), the shipped ones otherwise.
 */
export function gazetteerFor(config: { units?: { old?: string | undefined; new?: string | undefined; crosswalk?: string | undefined } | undefined } | null, configPath: string | null): Gazetteer {
  const own = config?.units;
  if (!own || !configPath) return loadGazetteer();
  const base = dirname(configPath);
  const table = <T>(file: string | undefined, shipped: string, schema: z.ZodType<T>, layout?: RowLayout) => () => {
    const path = file ? resolve(base, file) : shipped;
    try {
      const rows = readTable<T>(path, schema, { trustBuild: !file, ...(layout ? { layout } : {}) });
      // A list with its header and nothing under it would make every unit unknown: say so instead.
      if (file && rows.length === 0) throw new AnttError('empty-units', { path });
      return rows;
    } catch (error) {
      if (file && error instanceof AnttError && error.code === 'bad-shipped-data') {
        throw new AnttError('bad-units', { path, detail: String(error.params.detail) });
      }
      throw error;
    }
  };
  return new Gazetteer({
    old: own.old ? table(own.old, shippedPaths.unitsOld, unitRowSchema, unitLayout) : () => readUnitList(shippedPaths.unitsOld, 'old', { trustBuild: true }),
    new: own.new ? table(own.new, shippedPaths.unitsNew, unitRowSchema, unitLayout) : () => readUnitList(shippedPaths.unitsNew, 'new', { trustBuild: true }),
    crosswalk: table(own.crosswalk, shippedPaths.crosswalk, crosswalkRowSchema),
    provinceCrosswalk: () => readTable<ProvinceCrosswalkRow>(shippedPaths.provinceCrosswalk, provinceCrosswalkRowSchema, { trustBuild: true }),
  });
}
