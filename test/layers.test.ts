/**
 * The core is pure (STYLE: a pure core with I/O at the edges): no module under src/core reads a
 * file, the environment or bytes. Readers in src/io hand it rows and unit lists.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const core = fileURLToPath(new URL('../src/core', import.meta.url));

describe('the core', () => {
  it.each(readdirSync(core).filter((f) => f.endsWith('.ts')))('%s imports no node: module and touches no Buffer or process', (file) => {
    const code = readFileSync(join(core, file), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\/\/.*$/gm, '');
    expect(code).not.toMatch(/from ['"]node:|require\(|\bBuffer\b|\bprocess\./);
  });
});
