/**
 * Telling which decoding of a file's bytes is right. Windows-1258 and TCVN3 both decode any byte
 * sequence, so bytes alone cannot decide; the words can. A decoding whose Vietnamese words are
 * the words of unit names and indicator labels is the right one (DESIGN §5: "the gazetteer can
 * tell"). Pure: it scores strings handed to it.
 */

/** Vietnamese syllables known to the tool: from unit names, labels and column names. */
export class Vocabulary {
  private readonly words = new Set<string>();

  add(text: string): void {
    for (const word of words(text)) this.words.add(word);
  }

  /**
   * Share of the words with non-ASCII letters that are known syllables (0–1), or null when the
   * text has no such words (plain ASCII tells nothing).
   */
  score(text: string): number | null {
    let known = 0;
    let total = 0;
    for (const word of words(text)) {
      if (!/[^\x00-\x7f]/.test(word)) continue;
      total++;
      if (this.words.has(word)) known++;
    }
    return total === 0 ? null : known / total;
  }
}

function words(text: string): string[] {
  return text.normalize('NFC').toLowerCase().split(/[^\p{L}\p{M}\x01-\x1f]+/u).filter((w) => w.length > 0);
}

/** A decoding that reads at least this share of its Vietnamese words as known is believed. */
export const BELIEVABLE = 0.5;
