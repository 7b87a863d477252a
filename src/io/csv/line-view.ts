/**
 * A CSV line read where it lies (core/row-view.ts): its cells found by one scan, never split into
 * strings. A national run has a million lines and fifteen million cells, and an array and a string
 * for each cell were most of its cost; the checker asks a line for a cell's digits, compares a
 * cell with what it has seen, and makes a cell's text only when it needs it.
 *
 * Only a line that a CSV reader would split at its separators and nothing else is read in place:
 * no quote, no control character (a tab included), no replacement character. Every other line is
 * split by the CSV reader (./records.ts) and judged from its cells, by the same judgement.
 *
 * The line may be text, or UTF-8 bytes not yet decoded. Bytes are read in place only when every
 * byte is ASCII: each byte is then the character it codes (latin1 reads it as UTF-8 would).
 */
import type { RowView } from '../../core/row-view.js';

/** A cell of 1–15 ASCII digits. */
const DIGITS = 1;
/** A cell with a character beyond ASCII (text only), normalised to NFC when read. */
const BEYOND_ASCII = 2;

export class LineView implements RowView {
  private line = '';
  private bytes: Buffer | null = null;
  /** Cell k is [starts[k], starts[k + 1] − 1) of the line. */
  private starts = new Int32Array(65);
  private values = new Float64Array(64);
  private flags = new Uint8Array(64);
  width = 0;
  /** No cell has anything but spaces, as far as ASCII tells (`blank` looks again at the rest). */
  private onlySpaces = true;
  private anyBeyondAscii = false;

  /** Whether the line is read from its bytes (not yet decoded). */
  get fromBytes(): boolean {
    return this.bytes !== null;
  }

  /** Reads text[start, end) (a line without its ending) in place; false when it is not for reading so. */
  scanText(text: string, start: number, end: number, separator: number): boolean {
    this.line = text;
    this.bytes = null;
    let count = 0;
    let value = 0;
    let onlyDigits = true;
    let beyond = false;
    let onlySpaces = true;
    let anyBeyondAscii = false;
    this.starts[0] = start;
    for (let i = start; ; i++) {
      const c = i === end ? separator : text.charCodeAt(i);
      if (c === separator) {
        if (count + 1 >= this.values.length) this.grow();
        const length = i - this.starts[count]!;
        this.values[count] = value;
        this.flags[count] = (onlyDigits && length > 0 && length <= 15 ? DIGITS : 0) | (beyond ? BEYOND_ASCII : 0);
        this.starts[++count] = i + 1;
        if (i === end) break;
        value = 0;
        onlyDigits = true;
        beyond = false;
      } else if (c >= 0x30 && c <= 0x39) {
        value = value * 10 + (c - 0x30);
        onlySpaces = false;
      } else {
        onlyDigits = false;
        if (c < 0x20 || c === 0x22 || c === 0x7f || c === 0xfffd) return false;
        if (c > 0x7e) {
          beyond = true;
          anyBeyondAscii = true;
        } else if (c !== 0x20) onlySpaces = false;
      }
    }
    this.width = count;
    this.onlySpaces = onlySpaces;
    this.anyBeyondAscii = anyBeyondAscii;
    return true;
  }

  /** Reads bytes[start, end) in place when it is all printable ASCII; false otherwise. */
  scanBytes(bytes: Buffer, start: number, end: number, separator: number): boolean {
    this.bytes = bytes;
    let count = 0;
    let onlySpaces = true;
    let at = start;
    for (;;) {
      if (count + 1 >= this.values.length) this.grow();
      this.starts[count] = at;
      // A run of digits first, with the fewest tests: most cells are one.
      let value = 0;
      let i = at;
      let c = separator;
      for (; i < end; i++) {
        c = bytes[i]!;
        if (c < 0x30 || c > 0x39) break;
        value = value * 10 + (c - 0x30);
      }
      let onlyDigits = true;
      if (i > at) onlySpaces = false;
      if (i < end && c !== separator) {
        onlyDigits = false;
        for (; i < end; i++) {
          c = bytes[i]!;
          if (c === separator) break;
          if (c < 0x20 || c > 0x7e || c === 0x22) return false;
          if (c !== 0x20) onlySpaces = false;
        }
      }
      const length = i - at;
      this.values[count] = value;
      this.flags[count] = onlyDigits && length > 0 && length <= 15 ? DIGITS : 0;
      count++;
      if (i >= end) break;
      at = i + 1;
    }
    this.starts[count] = end + 1;
    this.width = count;
    this.onlySpaces = onlySpaces;
    this.anyBeyondAscii = false;
    return true;
  }

  private grow(): void {
    const size = this.values.length * 2;
    const starts = new Int32Array(size + 1);
    starts.set(this.starts);
    const values = new Float64Array(size);
    values.set(this.values);
    const flags = new Uint8Array(size);
    flags.set(this.flags);
    this.starts = starts;
    this.values = values;
    this.flags = flags;
  }

  raw(position: number): string {
    return this.text(position);
  }

  text(position: number): string {
    if (position >= this.width) return '';
    const from = this.starts[position]!;
    const to = this.starts[position + 1]! - 1;
    if (this.bytes !== null) return this.bytes.toString('latin1', from, to);
    const cell = this.line.slice(from, to);
    return (this.flags[position]! & BEYOND_ASCII) === 0 ? cell : cell.normalize('NFC');
  }

  digits(position: number): number {
    return position < this.width && (this.flags[position]! & DIGITS) !== 0 ? this.values[position]! : -1;
  }

  length(position: number): number {
    return position < this.width ? this.starts[position + 1]! - 1 - this.starts[position]! : -1;
  }

  is(position: number, other: string): boolean {
    if (position >= this.width) return other === '';
    if ((this.flags[position]! & BEYOND_ASCII) !== 0) return this.text(position) === other;
    const from = this.starts[position]!;
    if (this.starts[position + 1]! - 1 - from !== other.length) return false;
    const { bytes, line } = this;
    if (bytes !== null) {
      for (let i = 0; i < other.length; i++) if (bytes[from + i] !== other.charCodeAt(i)) return false;
    } else {
      for (let i = 0; i < other.length; i++) if (line.charCodeAt(from + i) !== other.charCodeAt(i)) return false;
    }
    return true;
  }

  blank(): boolean {
    if (!this.onlySpaces) return false;
    if (!this.anyBeyondAscii) return true;
    // Spaces beyond ASCII (a no-break space) are white space too.
    for (let i = 0; i < this.width; i++) if (this.text(i).trim() !== '') return false;
    return true;
  }
}

/** Where a line read in place goes: the file's checker. */
export interface LineSink {
  rowView(view: RowView, place: { line: number }): void;
}

/**
 * Lines of one file read in place, once its header is read (`open`): each scanned into one view,
 * reused line after line, and handed to the checker. A line that is not for reading in place is
 * left, having changed nothing, to the CSV reader.
 */
export class InPlaceLines {
  private readonly view = new LineView();
  private readonly place = { line: 0 };
  open = false;

  constructor(private readonly sink: LineSink) {}

  takeText(text: string, start: number, end: number, separator: number, line: number): boolean {
    if (!this.open || !this.view.scanText(text, start, end, separator)) return false;
    this.place.line = line;
    this.sink.rowView(this.view, this.place);
    return true;
  }

  takeBytes(bytes: Buffer, start: number, end: number, separator: number, line: number): boolean {
    if (!this.open || !this.view.scanBytes(bytes, start, end, separator)) return false;
    this.place.line = line;
    this.sink.rowView(this.view, this.place);
    return true;
  }
}
