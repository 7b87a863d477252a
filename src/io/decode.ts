/**
 * Decoding a return's bytes (DESIGN §5): UTF-8 with or without BOM, UTF-16 ("Unicode text" from
 * Excel), Windows-1258 (plain "Save as CSV" on Vietnamese Windows) and TCVN3 (.VnTime fonts),
 * including TCVN3 text that was typed into a Unicode file. All text comes out NFC.
 */
import { createRequire } from 'node:module';
import { BELIEVABLE, type Vocabulary } from '../core/encoding.js';

type IconvLite = typeof import('iconv-lite');
let iconvLite: IconvLite | undefined;

/** iconv-lite, loaded the first time a file is not plain UTF-8 (most are). */
export function iconv(): IconvLite {
  return (iconvLite ??= createRequire(import.meta.url)('iconv-lite') as IconvLite);
}

export type Encoding = 'utf8' | 'utf16le' | 'utf16be' | 'windows1258' | 'tcvn3' | 'utf8-typed-tcvn3';

/** `text`: the sample after its mark, already decoded as UTF-8 when that is its encoding (not decoded twice). */
export type Detection = { ok: true; encoding: Encoding; bomLength: number; text?: string } | { ok: false; reason: 'unknown-encoding' | 'binary' };

/** Share of NUL bytes above which a file without a UTF-16 mark is binary, not text. */
const BINARY_NULS = 0.01;

/** Well-formed 2- and 3-byte UTF-8 sequences: Vietnamese typed in Unicode is full of them. */
function utf8Sequences(sample: Buffer): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i]!;
    if (b < 0x80) continue;
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    let ok = need > 0 && i + need < sample.length;
    for (let k = 1; ok && k <= need; k++) if ((sample[i + k]! & 0xc0) !== 0x80) ok = false;
    if (ok) {
      valid++;
      i += need;
    } else invalid++;
  }
  return { valid, invalid };
}

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });

function isUtf8(sample: Buffer, complete: boolean): boolean {
  let end = sample.length;
  if (!complete) {
    // Do not fail on a character cut by the end of the sample: back up to its first byte.
    let back = 0;
    while (back < 3 && end - back - 1 >= 0 && (sample[end - back - 1]! & 0xc0) === 0x80) back++;
    if (end - back - 1 >= 0 && sample[end - back - 1]! >= 0xc0) end = end - back - 1;
  }
  try {
    fatalUtf8.decode(sample.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/** Text typed with a TCVN3 font into a Unicode program is TCVN3 bytes read as Windows-1252. */
export function retypeTcvn3(text: string): string {
  return iconv().decode(iconv().encode(text, 'windows1252'), 'tcvn').normalize('NFC');
}

export function decodeSample(sample: Buffer, encoding: Encoding): string {
  switch (encoding) {
    case 'utf8':
      return sample.toString('utf8');
    case 'utf8-typed-tcvn3':
      return retypeTcvn3(sample.toString('utf8'));
    case 'utf16le':
      return iconv().decode(sample, 'utf16le');
    case 'utf16be':
      return iconv().decode(sample, 'utf16be');
    case 'windows1258':
      return iconv().decode(sample, 'windows1258').normalize('NFC');
    case 'tcvn3':
      return iconv().decode(sample, 'tcvn').normalize('NFC');
  }
}

/**
 * Decides a file's encoding from its first bytes. `complete` says the sample is the whole file.
 * The vocabulary is asked for only when the bytes leave a doubt.
 */
export function detectEncoding(sample: Buffer, vocabulary: () => Vocabulary, complete: boolean): Detection {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) {
    const text = sample.subarray(3).toString('utf8');
    return typedTcvn3(text, vocabulary) ? { ok: true, encoding: 'utf8-typed-tcvn3', bomLength: 3 } : { ok: true, encoding: 'utf8', bomLength: 3, text };
  }
  if (sample[0] === 0xff && sample[1] === 0xfe) return { ok: true, encoding: 'utf16le', bomLength: 2 };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { ok: true, encoding: 'utf16be', bomLength: 2 };
  let nuls = 0;
  // Found natively: a byte-by-byte loop over every file's first 64 KiB showed in a profile.
  for (let at = sample.indexOf(0); at >= 0; at = sample.indexOf(0, at + 1)) nuls++;
  if (sample.length > 0 && nuls / sample.length > BINARY_NULS) return { ok: false, reason: 'binary' };
  if (isUtf8(sample, complete)) {
    const text = sample.toString('utf8');
    return typedTcvn3(text, vocabulary) ? { ok: true, encoding: 'utf8-typed-tcvn3', bomLength: 0 } : { ok: true, encoding: 'utf8', bomLength: 0, text };
  }
  // Half UTF-8, half Windows-1258 (two files pasted together): read it as UTF-8, so that every
  // row that is UTF-8 counts and every row that is not is reported, rather than refuse it all.
  const sequences = utf8Sequences(sample);
  if (sequences.valid >= 3 && sequences.valid >= sequences.invalid) return { ok: true, encoding: 'utf8', bomLength: 0 };
  const scores = (['windows1258', 'tcvn3'] as const).map((encoding) => ({
    encoding,
    score: vocabulary().score(decodeSample(sample, encoding)) ?? 0,
  }));
  scores.sort((a, b) => b.score - a.score);
  const best = scores[0]!;
  if (best.score >= BELIEVABLE) return { ok: true, encoding: best.encoding, bomLength: 0 };
  return { ok: false, reason: 'unknown-encoding' };
}

/** Letters only Unicode Vietnamese has (ă â đ ê ô ơ ư and the precomposed tone-marked block). */
const UNICODE_VIETNAMESE = /[\u0102\u0103\u0110\u0111\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]/;

/** True when valid UTF-8 text reads as Vietnamese only once re-read as TCVN3. */
function typedTcvn3(text: string, vocabulary: () => Vocabulary): boolean {
  // Text typed in TCVN3 fonts is made of Latin-1 look-alikes (µ ¸ ® ¬ Þ); real Unicode
  // Vietnamese settles it at once, without asking the vocabulary.
  if (!/[\u0080-\u00ff]/.test(text) || UNICODE_VIETNAMESE.test(text)) return false;
  const asIs = vocabulary().score(text);
  if (asIs === null || asIs >= BELIEVABLE) return false;
  if (/[^\x00-\xff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u2122]/.test(text)) return false;
  const retyped = vocabulary().score(retypeTcvn3(text));
  return retyped !== null && retyped >= BELIEVABLE;
}
