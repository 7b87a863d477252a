/**
 * Terminal tables: fixed column widths, left or right alignment, words wrapped within a column,
 * box-drawing borders with no rule between body rows.
 *
 * antt drew its tables with cli-table3 until a national report showed what its general layout
 * engine (row and column spans, found by comparing every cell with every earlier one) costs for
 * a table of 700 districts: over half a second, and a fifth of a small job's cold start. We use
 * none of the spans, so this draws the same tables directly, byte for byte as cli-table3 did for
 * the options antt used (test/text-table.test.ts compares the two on random tables, colours
 * included), so that reports and the README stay as they were. Two differences, outside what the
 * test draws: an emoji counts as wide only in the ranges below (cli-table3 asks emoji-regex), and
 * escape sequences other than colours count as text (cli-table3 strips them).
 */

export type Align = 'left' | 'right';

export interface TextTableSpec {
  head: readonly string[];
  /** Each column's width between its borders, one space of padding each side included. */
  colWidths: readonly number[];
  colAligns?: readonly Align[];
  /** Wrap a cell's words onto more lines (otherwise only its own line breaks do). */
  wordWrap?: boolean;
}

/** The table drawn, lines joined by "\n" (no final line break). */
export function drawTable(spec: TextTableSpec, rows: readonly (readonly string[])[]): string {
  const widths = spec.colWidths;
  const columns = widths.length;
  const out: string[] = [topOrBottom('┌', '┬', '┐', widths)];
  const drawRow = (cells: readonly string[]) => {
    const lines: string[][] = [];
    let height = 1;
    for (let x = 0; x < columns; x++) {
      const content = cells[x] ?? '';
      const cellLines = colorizeLines(spec.wordWrap ? wrapWords(widths[x]! - 2, content) : content.split('\n'));
      lines.push(cellLines);
      if (cellLines.length > height) height = cellLines.length;
    }
    for (let n = 0; n < height; n++) {
      let line = '';
      for (let x = 0; x < columns; x++) {
        const width = widths[x]!;
        const text = lines[x]![n];
        line += '│';
        if (text === undefined) line += ' '.repeat(width);
        else line += ' ' + pad(truncate(text, width - 2), width - 2, spec.colAligns?.[x] ?? 'left') + ' ';
      }
      out.push(line + '│');
    }
  };
  drawRow(spec.head);
  for (const row of rows) drawRow(row);
  out.push(topOrBottom('└', '┴', '┘', widths));
  return out.join('\n');
}

function topOrBottom(left: string, mid: string, right: string, widths: readonly number[]): string {
  return left + widths.map((w) => '─'.repeat(w)).join(mid) + right;
}

// --- Width on a terminal ---------------------------------------------------------------------

/** Colour and style codes (SGR), the only escape sequences antt's own text carries. */
const sgr = /\u001b\[(?:\d*;){0,5}\d*m/g;
const sgrCaptured = /\u001b\[((?:\d*;){0,5}\d*)m/g;

/** Characters that do not take exactly one column: controls, combining marks, wide East Asian. */
const notOneColumn = /[\u0000-\u001f\u007f-\u009f\u0300-\u036f\u1100-\u115f\u2329\u232a\u2e80-\ua4c6\ua960-\ua97c\uac00-\ud7a3\uf900-\ufaff\ufe10-\ufe19\ufe30-\ufe6b\uff01-\uff60\uffe0-\uffe6\ud800-\udfff]/;

/** Columns a line of text takes, colour codes and combining marks taking none. */
export function displayWidth(text: string): number {
  if (text.includes('\u001b')) text = text.replace(sgr, '');
  if (!notOneColumn.test(text)) return text.length;
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i)!;
    if (code > 0xffff) i++;
    if (code <= 0x1f || (code >= 0x7f && code <= 0x9f) || (code >= 0x300 && code <= 0x36f)) continue;
    width += isWide(code) ? 2 : 1;
  }
  return width;
}

/** East Asian wide and full-width characters (Unicode's EastAsianWidth W and F). */
function isWide(code: number): boolean {
  return (
    code >= 0x1100 &&
    (code <= 0x115f ||
      code === 0x2329 ||
      code === 0x232a ||
      (code >= 0x2e80 && code <= 0x3247 && code !== 0x303f) ||
      (code >= 0x3250 && code <= 0x4dbf) ||
      (code >= 0x4e00 && code <= 0xa4c6) ||
      (code >= 0xa960 && code <= 0xa97c) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe10 && code <= 0xfe19) ||
      (code >= 0xfe30 && code <= 0xfe6b) ||
      (code >= 0xff01 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x1b000 && code <= 0x1b001) ||
      (code >= 0x1f200 && code <= 0x1f251) ||
      (code >= 0x20000 && code <= 0x3fffd))
  );
}

/** The widest line of a text that may hold line breaks. */
function widestLine(text: string): number {
  if (!text.includes('\n')) return displayWidth(text);
  return Math.max(...text.split('\n').map(displayWidth));
}

// --- Wrapping, cutting, padding ----------------------------------------------------------------

/** White space other than a plain space (line breaks, tabs, wide spaces): measured word by word. */
const spaceButPlain = /[^\S ]/;

/** A cell's text in lines of at most `width` columns, broken between words; a longer word keeps a line of its own (cut when drawn). */
function wrapWords(width: number, text: string): string[] {
  // One line that fits, each character one column (no colour, mark or wide letter), its words
  // apart by plain spaces, not starting with one: what the way below gives back as it is (most
  // of a report's cells, which that way splits by a regular expression and measures word by
  // word: a national report's tables, drawn uncompiled).
  if (text.length <= width && text !== '' && text.charCodeAt(0) !== 0x20 && !spaceButPlain.test(text) && !notOneColumn.test(text)) return [text];
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    const pieces = paragraph.split(/(\s+)/g);
    let line: string[] = [];
    let lineWidth = 0;
    let space: string | undefined;
    for (let i = 0; i < pieces.length; i += 2) {
      const word = pieces[i]!;
      let widened = lineWidth + widestLine(word);
      if (lineWidth > 0 && space) widened += space.length;
      if (widened > width) {
        if (lineWidth !== 0) lines.push(line.join(''));
        line = [word];
        lineWidth = widestLine(word);
      } else {
        line.push(space ?? '', word);
        lineWidth = widened;
      }
      space = pieces[i + 1];
    }
    if (lineWidth) lines.push(line.join(''));
  }
  return lines;
}

function pad(text: string, width: number, align: Align): string {
  const length = widestLine(text);
  if (width + 1 < length) return text;
  const fill = ' '.repeat(Math.max(0, width - length));
  return align === 'right' ? fill + text : text + fill;
}

/** Text wider than `width` cut to fit with "…", colours opened before the cut closed after it. */
function truncate(text: string, width: number): string {
  if (widestLine(text) <= width) return text;
  const room = width - 1;
  const pieces = text.split(sgr);
  const codes = new RegExp(sgrCaptured.source, 'g');
  const state: StyleState = {};
  let kept = '';
  let keptWidth = 0;
  let piece = 0;
  while (keptWidth < room) {
    const code = codes.exec(text);
    let add = pieces[piece++]!;
    if (keptWidth + widestLine(add) > room) add = cutToWidth(add, room - keptWidth);
    kept += add;
    keptWidth += widestLine(add);
    if (keptWidth < room) {
      if (!code) break; // a wide character may leave a column that nothing fills
      kept += code[0];
      updateState(state, code);
    }
  }
  return closeStyles(state, kept) + '…';
}

function cutToWidth(text: string, width: number): string {
  if (text.length === widestLine(text)) return text.slice(0, Math.max(0, width));
  while (widestLine(text) > width) text = text.slice(0, -1);
  return text;
}

// --- Colours across wrapped lines --------------------------------------------------------------
// A coloured cell wrapped onto several lines is coloured on each: every line closes the styles
// still open at its end and the next line opens them again, so that borders stay uncoloured.

interface StyleState {
  lastForegroundAdded?: string;
  lastBackgroundAdded?: string;
  [style: string]: string | boolean | undefined;
}

const styleCodes: Record<string, { style: string; on: boolean }> = {};
const styleOnOff: Record<string, { on: string; off: string }> = {};
for (const [style, on, off] of [
  ['bold', 1, 22],
  ['italics', 3, 23],
  ['underline', 4, 24],
  ['inverse', 7, 27],
  ['strikethrough', 9, 29],
] as const) {
  styleCodes[`\u001b[${on}m`] = { style, on: true };
  styleCodes[`\u001b[${off}m`] = { style, on: false };
  styleOnOff[style] = { on: `\u001b[${on}m`, off: `\u001b[${off}m` };
}

function updateState(state: StyleState, code: RegExpExecArray): void {
  const n = code[1] ? parseInt(code[1].split(';')[0]!, 10) : 0;
  if ((n >= 30 && n <= 39) || (n >= 90 && n <= 97)) {
    state.lastForegroundAdded = code[0];
  } else if ((n >= 40 && n <= 49) || (n >= 100 && n <= 107)) {
    state.lastBackgroundAdded = code[0];
  } else if (n === 0) {
    for (const key of Object.keys(state)) delete state[key];
  } else {
    const known = styleCodes[code[0]];
    if (known) state[known.style] = known.on;
  }
}

function stateAtEnd(line: string): StyleState {
  const state: StyleState = {};
  const codes = new RegExp(sgrCaptured.source, 'g');
  for (let code = codes.exec(line); code !== null; code = codes.exec(line)) updateState(state, code);
  return state;
}

/** The styles still open closed at the end of `line` (consumes `state`). */
function closeStyles(state: StyleState, line: string): string {
  const { lastForegroundAdded: fg, lastBackgroundAdded: bg } = state;
  delete state.lastForegroundAdded;
  delete state.lastBackgroundAdded;
  for (const key of Object.keys(state)) if (state[key]) line += styleOnOff[key]!.off;
  if (bg && bg !== '\u001b[49m') line += '\u001b[49m';
  if (fg && fg !== '\u001b[39m') line += '\u001b[39m';
  return line;
}

/** The styles open before `line` opened again at its start (consumes `state`). */
function reopenStyles(state: StyleState, line: string): string {
  const { lastForegroundAdded: fg, lastBackgroundAdded: bg } = state;
  delete state.lastForegroundAdded;
  delete state.lastBackgroundAdded;
  for (const key of Object.keys(state)) if (state[key]) line = styleOnOff[key]!.on + line;
  if (bg && bg !== '\u001b[49m') line = bg + line;
  if (fg && fg !== '\u001b[39m') line = fg + line;
  return line;
}

function colorizeLines(lines: string[]): string[] {
  if (!lines.some((l) => l.includes('\u001b'))) return lines;
  let state: StyleState = {};
  return lines.map((raw) => {
    const line = reopenStyles(state, raw);
    state = stateAtEnd(line);
    return closeStyles({ ...state }, line);
  });
}
