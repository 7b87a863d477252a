/**
 * Excel workbooks (.xlsx) as returns, streamed with exceljs. Real forms have a title block above
 * the table (agency, form title, date), merged header cells over two rows and sometimes a row of
 * column numbers (1), (2), (3)…: the header is found by matching the catalogue, the rest is read
 * past. Every sheet whose header matches is a return; another sheet is noted and skipped.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { posix } from 'node:path';
import { noteReadFd } from './files-read.js';
import { createRequire } from 'node:module';
import type { RawCell } from '../../schemas/return.js';
import type { Catalogue } from '../core/catalogue.js';
import { columnLetter, type FileChecker } from '../core/checker.js';
import { AnttError } from './errors.js';
import { exceljs } from './exceljs.js';

/** How far down a sheet the header may be: title blocks are a few rows, not pages. */
const HEADER_SEARCH_ROWS = 30;

type ExcelValue = unknown;

interface Converted {
  value: RawCell;
  /** A formula whose result Excel never stored (the file was not saved by Excel). */
  formulaWithoutResult?: boolean;
}

/**
 * A cell as antt reads it. Typed numbers stay numbers (rounded to 15 significant digits, so that a
 * formula's 3.3000000000000003 is the 3.3 it shows); formulas give their cached result.
 */
export function convertCell(value: ExcelValue): Converted {
  if (value === null || value === undefined) return { value: null };
  if (typeof value === 'number') return { value: Number.isFinite(value) ? Number(value.toPrecision(15)) : String(value) };
  if (typeof value === 'string' || typeof value === 'boolean') return { value };
  if (value instanceof Date) {
    // Excel turns a typed "2019-06" into a date: give the period back.
    return { value: `${value.getUTCFullYear()}-${String(value.getUTCMonth() + 1).padStart(2, '0')}` };
  }
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('formula' in v || 'sharedFormula' in v) {
      if (v.result === undefined || v.result === null) return { value: null, formulaWithoutResult: true };
      return convertCell(v.result);
    }
    if (Array.isArray(v.richText)) return { value: (v.richText as { text: string }[]).map((r) => r.text).join('') };
    if ('error' in v) return { value: String(v.error) };
    if ('text' in v) return { value: String(v.text) };
  }
  return { value: String(value) };
}

function text(value: RawCell): string {
  return value === null || value === undefined ? '' : String(value).normalize('NFC').trim();
}

/** How many cells of a row name a known column (an indicator or an identifying column). */
function score(cells: readonly string[], catalogue: Catalogue): number {
  let n = 0;
  for (const cell of cells) {
    if (cell === '') continue;
    if (catalogue.knowsHeader(cell)) n++;
  }
  return n;
}

/**
 * The header among a sheet's first rows: a single row, or two rows whose cells merge (a group
 * label above, the indicator labels below, identifying columns merged down both rows).
 */
export function findHeader(rows: readonly string[][], catalogue: Catalogue): { cells: string[]; lastRow: number } | null {
  let best: { cells: string[]; lastRow: number; score: number } | null = null;
  for (let r = 0; r < rows.length; r++) {
    const single = rows[r]!;
    const singleScore = score(single, catalogue);
    if (singleScore >= 2 && (!best || singleScore > best.score)) best = { cells: single, lastRow: r, score: singleScore };
    const below = rows[r + 1];
    if (below) {
      const width = Math.max(single.length, below.length);
      const merged = Array.from({ length: width }, (_, c) => (below[c] ? below[c]! : (single[c] ?? '')));
      const mergedScore = score(merged, catalogue);
      if (mergedScore >= 2 && (!best || mergedScore > best.score)) best = { cells: merged, lastRow: r + 1, score: mergedScore };
    }
  }
  return best ? { cells: best.cells, lastRow: best.lastRow } : null;
}

/** A row of column numbers under the header: (1), (2), 3, A, B… */
const NUMBERING = /^\(?[0-9]{1,3}\)?$|^\(?[A-Z]\)?$/;

function isNumberingRow(cells: readonly string[]): boolean {
  const filled = cells.filter((c) => c !== '');
  return filled.length >= 2 && filled.every((c) => NUMBERING.test(c));
}

/** Refuses, with what to do, a file that is not a readable .xlsx. */
function assertWorkbook(path: string): void {
  const head = Buffer.alloc(8);
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    noteReadFd(fd);
    readSync(fd, head, 0, 8, 0);
  } catch (cause) {
    throw new AnttError('file-unreadable', { path, reason: (cause as NodeJS.ErrnoException).code ?? String(cause) });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  // .xlsx is a zip ("PK"); an encrypted .xlsx and an old .xls are OLE compound files (D0 CF 11 E0).
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) throw new AnttError('workbook-unreadable', { path, reason: 'ole' });
  if (!(head[0] === 0x50 && head[1] === 0x4b)) throw new AnttError('workbook-unreadable', { path, reason: 'corrupt' });
}

/** The parts of exceljs's streaming WorkbookReader that each read one part of the package. */
interface WorkbookReaderParts {
  parse: () => AsyncGenerator<{ eventType: string; value: unknown }>;
  _parseRels(entry: NodeJS.ReadableStream): Promise<void>;
  _parseWorkbook(entry: NodeJS.ReadableStream): Promise<void>;
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<{ eventType: string; value: unknown }>;
  _parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Generator<{ eventType: string; value: unknown }>;
}

interface ZipDirectory {
  files: { path: string; stream(): NodeJS.ReadableStream }[];
}

/** unzipper (exceljs's own zip reader), loaded with exceljs: see io/exceljs.ts. */
function openZip(path: string): Promise<ZipDirectory> {
  const unzipper = createRequire(import.meta.url)('unzipper') as { Open: { file(path: string): Promise<ZipDirectory> } };
  return unzipper.Open.file(path);
}

/** A part's text (the workbook and its relationships: a few kilobytes, read whole). */
async function partText(file: { stream(): NodeJS.ReadableStream } | undefined): Promise<string | null> {
  if (!file) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of file.stream() as AsyncIterable<Buffer>) {
    size += chunk.length;
    // Sheet names and relationships: a workbook part of megabytes is no workbook.
    if (size > 16 * 1024 * 1024) throw new Error('workbook part too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/**
 * The worksheets of a workbook, in its order, as Excel finds them: each `<sheet>` of
 * xl/workbook.xml, through its relationship (`r:id`) to its part, whatever the part is named
 * (`xl/worksheets/sheet1.xml` by Excel, anything by other programs). Chart sheets have no rows.
 */
export function worksheetsOf(workbookXml: string, relsXml: string): { id: string; name: string; part: string }[] {
  const targets = new Map<string, string>();
  for (const tag of relsXml.match(/<Relationship\b[^>]*>/g) ?? []) {
    const id = attribute(tag, 'Id');
    const target = attribute(tag, 'Target');
    if (id && target && /\/worksheet$/.test(attribute(tag, 'Type') ?? '')) targets.set(id, target);
  }
  const sheets: { id: string; name: string; part: string }[] = [];
  for (const tag of workbookXml.match(/<(?:\w+:)?sheet\b[^>]*>/g) ?? []) {
    const rel = attribute(tag, '(?:\\w+:)?id');
    const target = rel === undefined ? undefined : targets.get(rel);
    if (target === undefined) continue;
    const part = target.startsWith('/') ? target.slice(1) : posix.normalize(`xl/${target}`);
    sheets.push({ id: attribute(tag, 'sheetId') ?? String(sheets.length + 1), name: decodeXml(attribute(tag, 'name') ?? ''), part });
  }
  return sheets;
}

function decodeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-f]+|#[0-9]+);/gi, (_m, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
    if (named[e.toLowerCase()]) return named[e.toLowerCase()]!;
    return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

/**
 * Makes exceljs's reader take the package's parts through the zip's central directory, in the
 * order it needs them — relationships, the workbook (sheet names), shared strings, then each
 * worksheet as the workbook lists it, still streamed row by row — instead of one pass of
 * unzipper's streaming parser in the order the zip stores them. That pass now and then ends
 * before the last parts (exceljs issue #3064; measured here: 21 reads in 4,000 of the same valid
 * workbook, under load). A package without a workbook part (a .docx renamed) or without a
 * worksheet (only a chart sheet) is refused: never "0 files, valid".
 */
function readPartsInOrder(reader: WorkbookReaderParts, path: string, names: Map<string, string>): void {
  reader.parse = async function* (this: WorkbookReaderParts) {
    const { files } = await openZip(path);
    const part = (name: string) => files.find((f) => f.path === name);
    const workbookXml = await partText(part('xl/workbook.xml'));
    const relsXml = await partText(part('xl/_rels/workbook.xml.rels'));
    if (workbookXml === null || relsXml === null) throw new AnttError('workbook-unreadable', { path, reason: 'not-xlsx', detail: 'no xl/workbook.xml' });
    const sheets = worksheetsOf(workbookXml, relsXml);
    if (sheets.length === 0) throw new AnttError('workbook-unreadable', { path, reason: 'no-sheets', detail: 'no worksheet' });
    await this._parseRels(part('xl/_rels/workbook.xml.rels')!.stream());
    await this._parseWorkbook(part('xl/workbook.xml')!.stream());
    const strings = part('xl/sharedStrings.xml');
    if (strings) yield* this._parseSharedStrings(strings.stream());
    for (const sheet of sheets) {
      const file = part(sheet.part);
      if (!file) throw new AnttError('workbook-unreadable', { path, reason: 'corrupt', detail: `no ${sheet.part}` });
      names.set(sheet.id, sheet.name);
      yield* this._parseWorksheet(file.stream() as unknown as AsyncIterable<unknown>, sheet.id);
    }
  };
}

export async function readXlsx(path: string, beginSheet: (name: string) => FileChecker, catalogue: Catalogue): Promise<void> {
  assertWorkbook(path);
  const reader = new (exceljs().stream.xlsx.WorkbookReader)(path, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'emit', entries: 'emit' });
  const names = new Map<string, string>();
  readPartsInOrder(reader as unknown as WorkbookReaderParts, path, names);
  try {
    for await (const sheet of reader as AsyncIterable<SheetReader>) await readSheet(sheet, names, beginSheet, catalogue);
  } catch (cause) {
    if (cause instanceof AnttError) throw cause;
    throw new AnttError('workbook-unreadable', { path, reason: 'corrupt', detail: String((cause as Error).message ?? cause).slice(0, 120) });
  }
}

interface SheetRow {
  number: number;
  values: ExcelValue[];
}

interface SheetReader extends AsyncIterable<SheetRow[] | SheetRow> {
  id: number;
  name: string;
}

async function readSheet(
  sheet: SheetReader,
  names: ReadonlyMap<string, string>,
  beginSheet: (name: string) => FileChecker,
  catalogue: Catalogue,
): Promise<void> {
  // The streaming reader may not know the sheet's name yet; the workbook part does.
  const name = names.get(String(sheet.id)) ?? sheet.name;
  let checker: FileChecker | null = null;
  const pending: SheetRow[] = [];
  let headerRow = -1;
  let skippingNumbering = true;
  let searched = false;
  let width = 0;

  const dataRow = (row: SheetRow) => {
    if (!checker || row.number <= headerRow) return;
    // Array.from: exceljs leaves holes for empty cells, which map() would skip.
    const converted = Array.from(row.values.slice(1), convertCell);
    const cells = converted.map((c) => c.value);
    if (skippingNumbering && isNumberingRow(cells.map(text))) return;
    skippingNumbering = false;
    const missing = converted.findIndex((c) => c.formulaWithoutResult);
    if (missing >= 0) {
      const cell = `${columnLetter(missing)}${row.number}`;
      checker.badRow('formula-without-result', { cell }, { line: row.number }, cell);
      return;
    }
    // A sheet has no ragged rows: trailing empty cells are simply not stored.
    while (cells.length < width) cells.push(null);
    checker.row(cells, { line: row.number });
  };

  const tryHeader = () => {
    const texts = pending.map((row) => Array.from(row.values.slice(1), (v) => text(convertCell(v).value)));
    const found = findHeader(texts, catalogue);
    if (!found) return false;
    checker = beginSheet(name);
    headerRow = pending[found.lastRow]!.number;
    width = found.cells.length;
    checker.header(found.cells, { line: headerRow });
    for (const row of pending) dataRow(row);
    return true;
  };

  for await (const batch of sheet) {
    for (const row of Array.isArray(batch) ? batch : [batch]) {
      if (checker) {
        dataRow(row);
        continue;
      }
      if (searched) continue; // not a return: read to the end (the stream wants it), ignore
      pending.push(row);
      if (pending.length >= HEADER_SEARCH_ROWS) searched = !tryHeader();
    }
  }
  if (!checker && (searched || !tryHeader())) {
    // Instructions, lists of codes, charts: not a return. Say so, once, and move on.
    beginSheet(name).fileFinding('sheet-ignored', { sheet: name });
    return;
  }
  (checker as FileChecker | null)?.end();
}


