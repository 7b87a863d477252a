import { createRequire as __antt_createRequire } from 'node:module'; const require = __antt_createRequire(import.meta.url);
import {
  AnttError
} from "./chunk-N7ZECBHJ.js";
import "./chunk-TPSE7W5Y.js";

// dist/src/io/write-atomic.js
import { randomBytes } from "node:crypto";
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
function writeFileAtomic(path, content, options = {}) {
  const target = resolve(path);
  if (options.createFolders)
    mkdirSync(dirname(target), { recursive: true });
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, target);
  } catch (cause) {
    rmSync(temporary, { force: true });
    throw new AnttError("output-unwritable", { path, reason: cause.code ?? String(cause) });
  }
}
export {
  writeFileAtomic
};
