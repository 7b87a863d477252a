/** Option parsers shared by the commands that take years. */
import { AnttError } from '../io/errors.js';

export function year(option: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^[0-9]{4}$/.test(value) || n < 1990 || n > 2100) {
      throw new AnttError('bad-option', { option, value, expected: 'Cần một năm, ví dụ 2013.', expectedEn: 'Expected a year, e.g. 2013.' });
    }
    return n;
  };
}
