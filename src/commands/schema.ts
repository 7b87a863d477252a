/**
 * `antt schema [--out DIR]`: the machine-readable contract, JSON Schema generated from the Zod
 * schemas (zod's own converter, see io/json-schemas.ts).
 */
import { join } from 'node:path';
import { Command } from 'commander';
import type { Lang } from '../core/findings.js';
import { langOption, type CommandResult } from './common.js';

export interface SchemaOptions {
  out?: string;
  lang: Lang;
}

/** Every published schema by file name, as JSON text. */
export async function jsonSchemas(): Promise<Record<string, string>> {
  const { jsonSchemas: make } = await import('../io/json-schemas.js');
  return make();
}

export async function run(options: SchemaOptions): Promise<CommandResult> {
  const schemas = await jsonSchemas();
  if (!options.out) {
    const all = Object.fromEntries(Object.entries(schemas).map(([name, text]) => [name, JSON.parse(text) as unknown]));
    return { stdout: JSON.stringify(all, null, 2) + '\n', exitCode: 0 };
  }
  const { writeFileAtomic } = await import('../io/write-atomic.js');
  for (const [name, text] of Object.entries(schemas)) writeFileAtomic(join(options.out, name), text, { createFolders: true });
  const list = Object.keys(schemas).join(', ');
  return { stdout: '', stderr: options.lang === 'vi' ? `Đã ghi ${list} vào ${options.out}\n` : `Wrote ${list} to ${options.out}\n`, exitCode: 0 };
}

export function command(done: (result: Promise<CommandResult>) => void): Command {
  return new Command('schema')
    .helpOption('-h, --help', 'hướng dẫn / help')
    .summary('JSON Schema của báo cáo, cấu hình, danh mục / JSON Schema of returns, config, unit lists')
    .description(
      'Xuất JSON Schema (sinh từ các lược đồ Zod) của một dòng báo cáo, tệp cấu hình thư mục số liệu, danh mục đơn vị hành chính và danh mục chỉ tiêu.\n' +
        'Write JSON Schema (generated from the Zod schemas) for a return row, a data folder config, the unit lists and the indicator catalogue.',
    )
    .option('--out <dir>', 'thư mục ghi các tệp .schema.json / folder for the .schema.json files')
    .addOption(langOption())
    .addHelpText('after', '\nVí dụ / Examples:\n  $ antt schema --out schemas\n  $ antt schema > antt-schemas.json')
    .action((options: SchemaOptions) => done(run(options)));
}
