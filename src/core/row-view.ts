/**
 * A row as the checker sees it, whatever reader delivered it: the cells of a CSV record, of a
 * spreadsheet row or of a JSON record (`CellsView`), or a CSV line read where it lies, never split
 * into strings (io/csv/line-view.ts). The checker judges every row through this one interface, so
 * a rule about a row is written once and holds for every reader; a reader only makes a row cheaper
 * to look at, never decides anything about it.
 */
import type { RawCell } from '../../schemas/return.js';
import { plainDigits } from './numbers.js';

export interface RowView {
  /** How many cells the row has. */
  readonly width: number;
  /** The cell as a reader gives it: a spreadsheet's number or boolean, else text; null or undefined for none. */
  raw(position: number): RawCell;
  /** The cell as text, NFC, not trimmed: '' for none, `String(x)` for a typed cell. */
  text(position: number): string;
  /** The value of a text cell of 1–15 ASCII digits and nothing else, else −1. */
  digits(position: number): number;
  /** How many characters a text cell has as written (0: empty), or −1 for a typed or missing one. */
  length(position: number): number;
  /** Whether `text(position)` is `other` (without making the text where the reader can). */
  is(position: number, other: string): boolean;
  /** Whether every cell is empty or white space. */
  blank(): boolean;
}

/** The cells of a record, a spreadsheet row or a JSON record, as a view; `reset` for the next row. */
export class CellsView implements RowView {
  private cells: readonly RawCell[] = [];

  reset(cells: readonly RawCell[]): this {
    this.cells = cells;
    return this;
  }

  get width(): number {
    return this.cells.length;
  }

  raw(position: number): RawCell {
    return this.cells[position];
  }

  text(position: number): string {
    const value = this.cells[position];
    if (value === null || value === undefined) return '';
    const text = typeof value === 'string' ? value : String(value);
    // Codes, years and figures are ASCII, which NFC leaves as it is: skip the look-up.
    return isAscii(text) ? text : text.normalize('NFC');
  }

  digits(position: number): number {
    const value = this.cells[position];
    return typeof value === 'string' ? plainDigits(value) : -1;
  }

  length(position: number): number {
    const value = this.cells[position];
    return typeof value === 'string' ? value.length : -1;
  }

  is(position: number, other: string): boolean {
    const value = this.cells[position];
    return typeof value === 'string' && isAscii(value) ? value === other : this.text(position) === other;
  }

  blank(): boolean {
    for (let i = 0; i < this.cells.length; i++) if (!isBlank(this.cells[i])) return false;
    return true;
  }

  /** The cells, copied: a row kept past the reader's next one. */
  copy(): RawCell[] {
    return [...this.cells];
  }
}

export function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

export function isBlank(cell: RawCell): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/** The copy of a view's cells, for a row judged later (its reader moves on). */
export function cellsOf(view: RowView): RawCell[] {
  if (view instanceof CellsView) return view.copy();
  const cells: RawCell[] = [];
  for (let i = 0; i < view.width; i++) cells.push(view.text(i));
  return cells;
}
