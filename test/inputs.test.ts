/**
 * How a return's path is shown in findings: relative to the working folder when it is below it,
 * else as given. A path already relative and in its normal form is shown as it is, without
 * resolving it (io/inputs.ts): the same as resolving it.
 */
import { relative, sep } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayPath } from '../src/io/inputs.js';

/** The definition: relative to here when below here, else as given. */
function byResolving(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}

describe('displayPath', () => {
  it('is the path relative to the working folder, or the path as given', () => {
    const segment = fc.oneof(fc.constantFrom('.', '..', '', 'data', 'son-la', '2013', 'x.csv', '..x', '.hidden', 'a:b', 'Sơn La'), fc.stringMatching(/^[a-z.]{1,4}$/));
    const path = fc.tuple(fc.boolean(), fc.array(segment, { minLength: 1, maxLength: 5 }), fc.constantFrom('/', sep)).map(([absolute, parts, joiner]) => (absolute ? process.cwd() + joiner : '') + parts.join(joiner));
    fc.assert(
      fc.property(path, (p) => {
        expect(displayPath(p)).toBe(byResolving(p));
      }),
      { numRuns: 2000 },
    );
    for (const p of ['data/son-la/2013/2013-116-thanh-pho-son-la.csv', '/tmp/x.csv', '../x.csv', './x.csv', 'a//b.csv']) expect(displayPath(p)).toBe(byResolving(p));
  });
});
