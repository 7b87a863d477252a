import { createRequire as __antt_createRequire } from 'node:module'; const require = __antt_createRequire(import.meta.url);

// dist/src/io/package-root.js
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
var packageRoot = findPackageRoot(dirname(fileURLToPath(import.meta.url)));
function findPackageRoot(from) {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json")))
      return dir;
    if (dirname(dir) === dir)
      return resolve(from, "..", "..", "..");
  }
}

export {
  packageRoot
};
