/**
 * exceljs, loaded the first time a workbook is read or written: it is large and most runs never
 * touch a workbook. Required, not imported: the bundled command line runs as a script from V8's
 * code cache (bin/antt.js), where Node 20 offers no `import()`.
 */
import { createRequire } from 'node:module';
import type ExcelJSNamespace from 'exceljs';

export type ExcelJS = typeof ExcelJSNamespace;

let excel: ExcelJS | undefined;

export function exceljs(): ExcelJS {
  return (excel ??= createRequire(import.meta.url)('exceljs') as ExcelJS);
}
