/** Small display helpers shared by the renderers. */
import type { Lang } from '../core/findings.js';

/** 1234567 → "1.234.567" (vi) or "1,234,567" (en). */
export function formatCount(n: number, lang: Lang): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'vi' ? '.' : ',');
}

/** Text from files never reaches the terminal as control sequences. */
export function safeText(text: string): string {
  return text.replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
