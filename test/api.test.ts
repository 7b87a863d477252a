/** antt as a library, and the published JSON Schemas. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonSchemas } from '../src/commands/schema.js';
import { aggregate, check, figureText, figureValue, validate } from '../src/index.js';
import { repoRoot } from './helpers.js';

describe("import { validate, aggregate } from 'antt'", () => {
  it('validates', async () => {
    const report = await validate('test/fixtures/problems');
    expect(report.valid).toBe(false);
    expect(report.findings.map((f) => f.code)).toContain('ambiguous-number');
  });

  it('aggregates, with exact figures', async () => {
    const { report, validation } = await aggregate(['data/son-la'], { levels: ['province'], indicators: ['lien_gia_groups', 'opium_destroyed_ha'] });
    expect(validation.valid).toBe(true);
    const province = report.units[0]!;
    expect(figureValue(province.window[0]!, report.indicators[0]!)).toBe(17429);
    expect(figureText(province.window[1]!, report.indicators[1]!)).toBe('23.7');
  });

  it('checks', async () => {
    const result = await check('data/son-la');
    // 2026, after the reform: 10 of the 75 new communes so far.
    expect(result.completeness.total.at(-1)).toEqual({ year: 2026, received: 10, expected: 75 });
  });

  it('resolves by package name, as a user’s script would', () => {
    const code = "import { aggregate } from 'antt'; const { report } = await aggregate('data/son-la', { levels: ['province'], indicators: ['weapons_surrendered'] }); console.log(report.units[0].window[0].value);";
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: repoRoot, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('25643');
  });
});

describe('antt schema', () => {
  it('the committed JSON Schemas in schemas/ are what the Zod schemas generate', async () => {
    for (const [name, text] of Object.entries(await jsonSchemas())) {
      expect(readFileSync(`schemas/${name}`, 'utf8'), `${name} is stale: run \`antt schema --out schemas\``).toBe(text);
    }
  });

  it('describes a return row by indicator id', async () => {
    const row = JSON.parse((await jsonSchemas())['return-row.schema.json']!);
    expect(Object.keys(row.properties)).toEqual(expect.arrayContaining(['unit_code', 'year', 'lien_gia_groups', 'opium_destroyed_ha']));
    expect(row.properties.crime_reports_resolved_rate).toBeUndefined(); // ratios are computed, never sent
  });
});
