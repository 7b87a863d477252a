/** Small display helpers shared by the renderers. */
import type { Lang } from '../core/findings.js';

/** 1234567 → "1.234.567" (vi) or "1,234,567" (en). */
export function formatCount(n: number, lang: Lang): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'vi' ? '.' : ',');
}

/**
 * Text from files, names and settings never reaches the terminal as control sequences, and a
 * line stays one line (a file name with a newline cannot forge a "HỢP LỆ" line of its own).
 */
export function safeText(text: string): string {
  return text.replace(/[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
