import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse';
import { MAX_RECORD_CHARS, readCsvBytes, readCsvRecords, splitPlainLines } from '../src/io/csv/records.js';
import { detectDelimiter } from '../src/io/read-returns.js';

interface Reading {
  records: { cells: string[]; line: number }[];
  malformed: { code: string; line: number } | null;
}

/** The reference: csv-parse alone over the whole text, records numbered by the line they start on. */
function byCsvParse(text: string, delimiter: string): Promise<Reading> {
  const reading: Reading = { records: [], malformed: null };
  let lastLine = 0;
  const parser = parse({
    delimiter,
    record_delimiter: ['\r\n', '\n', '\r'],
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    max_record_size: MAX_RECORD_CHARS,
    skip_records_with_error: true,
    on_skip: (error) => {
      if (error && !reading.malformed) reading.malformed = { code: error.code, line: lastLine + 1 };
    },
  });
  parser.on('data', (cells: string[]) => {
    const line = lastLine + 1;
    lastLine = parser.info.lines;
    reading.records.push({ cells, line });
  });
  return new Promise((resolve) => {
    parser.on('error', (error: Error & { code: string }) => {
      reading.malformed ??= { code: error.code, line: lastLine + 1 };
      resolve(reading);
    });
    parser.on('end', () => resolve(reading));
    parser.end(text);
  });
}

/** antt's reading of the same text, given in the chunks a stream would cut it into. */
async function byAntt(chunks: string[], delimiter: string): Promise<Reading & { plainButUnusual: boolean }> {
  const reading = { records: [] as Reading['records'], malformed: null as Reading['malformed'], plainButUnusual: false };
  await readCsvRecords(
    (async function* () {
      yield* chunks;
    })(),
    delimiter,
    (cells, line, unusual) => {
      // `unusual` false is a promise that every cell is printable ASCII or tab.
      if (!unusual && cells.some((c) => /[^\x20-\x7e\t]/.test(c))) reading.plainButUnusual = true;
      reading.records.push({ cells: [...cells], line });
    },
    (code, line) => {
      reading.malformed ??= { code, line };
    },
  );
  return reading;
}

function cut(text: string, points: number[]): string[] {
  const at = [...new Set(points.map((p) => p % (text.length + 1)))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let from = 0;
  for (const p of at) {
    chunks.push(text.slice(from, p));
    from = p;
  }
  chunks.push(text.slice(from));
  return chunks;
}

const pieces = ['01', '2024', 'Xã Mường Sai', 'a b', ' ', '', '17.429', '23,7', ',', ';', '\t', '\n', '\r\n', '\r', '\u00a0', '\ufeff', 'ệ'];
const quoted = [...pieces, '"', '"x,y"', '"0,2"', '""', '"a""b"', 'a"b', '"dòng\nhai"', '" "', '"ệ;\t"'];

describe('reading CSV records', () => {
  it('gives csv-parse’s records and line numbers for any quote-free text, however it is cut', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), fc.array(fc.nat(), { maxLength: 6 }), fc.constantFrom(',', ';', '\t'), async (parts, points, delimiter) => {
        const text = parts.join('');
        const expected = await byCsvParse(text, delimiter);
        const actual = await byAntt(cut(text, points), delimiter);
        expect(actual.records).toEqual(expected.records);
        expect(actual.malformed).toEqual(expected.malformed);
        expect(actual.plainButUnusual).toBe(false);
      }),
      { numRuns: 400 },
    );
  });

  it('hands everything from the first quoted line on to csv-parse, with the same records, lines and errors', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...quoted), { maxLength: 60 }), fc.array(fc.nat(), { maxLength: 6 }), fc.constantFrom(',', ';'), async (parts, points, delimiter) => {
        const text = parts.join('');
        const expected = await byCsvParse(text, delimiter);
        const actual = await byAntt(cut(text, points), delimiter);
        expect(actual.records).toEqual(expected.records);
        expect(actual.malformed).toEqual(expected.malformed);
      }),
      { numRuns: 400 },
    );
  });

  it('gives csv-parse’s records and line numbers when lines are taken as bytes, however the bytes are cut', async () => {
    // A taker like FileChecker.plainLine: it takes some lines of digits and delimiters as they
    // lie (here: those with an even digit count), and gives the rest back to be read as text.
    const digitsOnly = /^[0-9,;]*$/;
    let taken = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof({ arbitrary: fc.constantFrom(...quoted), weight: 1 }, { arbitrary: fc.constantFrom('12', '3,4', '5;6', '78\n', '9,0\r\n', '\n1234;56\n'), weight: 6 }), { maxLength: 80 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        fc.constantFrom(',', ';'),
        fc.constantFrom(1, 7, 64, 16 * 1024),
        async (parts, points, delimiter, handover) => {
          const text = parts.join('');
          const expected = await byCsvParse(text, delimiter);
          const bytes = Buffer.from(text, 'utf8');
          const at = [...new Set(points.map((p) => p % (bytes.length + 1)))].sort((a, b) => a - b);
          const chunks: Buffer[] = [];
          let from = 0;
          for (const p of [...at, bytes.length]) {
            if (p > from) chunks.push(bytes.subarray(from, p));
            from = p;
          }
          const records: Reading['records'] = [];
          let malformed: Reading['malformed'] = null;
          await readCsvBytes(
            (async function* () {
              yield* chunks;
            })(),
            delimiter,
            (cells, line) => records.push({ cells: [...cells], line }),
            (code, line) => {
              malformed ??= { code, line };
            },
            null,
            {
              takeBytes: (line, start, end, separator, number) => {
                const cellsText = line.toString('latin1', start, end);
                if (!digitsOnly.test(cellsText) || cellsText.replace(/[^0-9]/g, '').length % 2 === 1) return false;
                records.push({ cells: cellsText.split(String.fromCharCode(separator)), line: number });
                taken++;
                return true;
              },
            },
            handover,
          );
          expect(records).toEqual(expected.records);
          expect(malformed).toEqual(expected.malformed);
        },
      ),
      { numRuns: 600 },
    );
    // Many lines were taken as bytes, not all handed over as text.
    expect(taken).toBeGreaterThan(300);
  });

  it('takes lines as bytes again after a line read as text, and never the first line', async () => {
    const offered: string[] = [];
    const read: string[][] = [];
    const text = Buffer.from('Mã,Năm\r\n01,2020\r\n02,2020\r\nXã,x\r\n03,2020\r\n04,2021\r\n');
    await readCsvBytes(
      (async function* () {
        yield text.subarray(0, 20);
        yield text.subarray(20);
      })(),
      ',',
      (cells) => read.push(cells),
      () => {},
      null,
      {
        takeBytes: (bytes, start, end, _separator, line) => {
          offered.push(`${line}:${bytes.toString('utf8', start, end)}`);
          return line !== 4;
        },
      },
      1,
    );
    // Line 4 is given back: it is read as text, with what follows up to the handover size (one
    // byte: the rest of the line), and lines 5 and 6 are taken. Lines are offered without their
    // CRLF.
    expect(offered).toEqual(['2:01,2020', '3:02,2020', '4:Xã,x', '5:03,2020', '6:04,2021']);
    expect(read).toEqual([
      ['Mã', 'Năm'],
      ['Xã', 'x'],
    ]);
  });

  it('numbers records by the line they start on when a quoted cell spans lines', async () => {
    const actual = await byAntt(['Mã,Ghi chú\n01,"dòng một\ndòng hai"\n02,x\n'], ',');
    expect(actual.records.map((r) => r.line)).toEqual([1, 2, 4]);
    expect(actual.records[1]!.cells).toEqual(['01', 'dòng một\ndòng hai']);
  });

  it('reports an unclosed quote at the line where its record starts, after the rows before it', async () => {
    const actual = await byAntt(['a,b\n1,2\n3,"4\n5,6\n'], ',');
    expect(actual.records.map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(actual.malformed).toEqual({ code: 'CSV_QUOTE_NOT_CLOSED', line: 3 });
  });

  it('leaves a line too long to be a row to csv-parse and its record size limit', async () => {
    const long = 'x'.repeat(MAX_RECORD_CHARS + 10);
    const text = `a,b\n${long}\n1,2\n`;
    const actual = await byAntt(['a,b\n', long.slice(0, 400_000), long.slice(400_000), '\n1,2\n'], ',');
    expect(actual.malformed).toEqual({ code: 'CSV_MAX_RECORD_SIZE', line: 2 });
    const expected = await byCsvParse(text, ',');
    expect(actual.records).toEqual(expected.records);
    expect(actual.malformed).toEqual(expected.malformed);
  });

  it('splits the quoted cells Excel writes without csv-parse', () => {
    const lines: string[][] = [];
    const text = 'STT,"Vũ khí, vật liệu nổ",Năm\r\n1,"0,2","a ""b"""\r\n2,"",x';
    const split = splitPlainLines(text, 0, ',', true, (cells) => lines.push(cells));
    expect(split).toEqual({ stop: text.length, hard: false });
    expect(lines).toEqual([
      ['STT', 'Vũ khí, vật liệu nổ', 'Năm'],
      ['1', '0,2', 'a "b"'],
      ['2', '', 'x'],
    ]);
  });

  it('keeps a CR cut from its LF by a chunk boundary as one line ending', () => {
    const lines: string[][] = [];
    const first = splitPlainLines('a,b\r', 0, ',', false, (cells) => lines.push(cells));
    expect(first).toEqual({ stop: 0, hard: false });
    expect(lines).toEqual([]);
  });
});

describe('the delimiter of a header line', () => {
  // The plain statement of the rule: the most frequent of `,` `;` and tab outside quotes on the
  // first line (a quoted newline does not end it); ties go to the comma, then the semicolon.
  const reference = (text: string) => {
    const counts = { ',': 0, ';': 0, '\t': 0 };
    let quoted = false;
    for (const ch of text) {
      if (ch === '"') quoted = !quoted;
      else if (!quoted && (ch === '\n' || ch === '\r')) break;
      else if (!quoted && ch in counts) counts[ch as keyof typeof counts]++;
    }
    if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
    if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
    return ',';
  };

  it('is the one the rule gives, for any text', () => {
    const piece = fc.constantFrom(',', ';', '\t', '"', '\n', '\r', '\r\n', 'Mã đơn vị', 'Năm', 'x', ' ', '😀');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(detectDelimiter(text)).toBe(reference(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads the headers Excel writes', () => {
    expect(detectDelimiter('Mã đơn vị;Năm;"Vũ khí, vật liệu nổ"\r\n1;2;3')).toBe(';');
    expect(detectDelimiter('unit_code\tyear\tlien_gia_groups\n')).toBe('\t');
    expect(detectDelimiter('"a;b;c",d,e\n;;;;;;')).toBe(',');
  });
});
