/**
 * Turning the paths on the command line into the return files to read, and finding a data
 * folder's config. Folders are searched recursively for .csv and .json files, in name order so
 * that every run reads the same files in the same order.
 */
import { closeSync, mkdtempSync, openSync, readFileSync, readSync, readdirSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { noteRead, unreadableWhole } from './files-read.js';
import { basename, dirname, isAbsolute, join, normalize, relative, resolve, sep } from 'node:path';
import { CONFIG_FILE, dataFolderConfigSchema, type DataFolderConfig } from '../../schemas/config.js';
import { AnttError } from './errors.js';
import { formatOf } from './read-returns.js';

export interface Inputs {
  files: string[];
  /** The config of the (first) data folder given, if it has one. */
  config: DataFolderConfig | null;
  configPath: string | null;
}

function stat(path: string) {
  try {
    return statSync(path);
  } catch (cause) {
    throw new AnttError('file-unreadable', { path, reason: (cause as NodeJS.ErrnoException).code ?? String(cause) });
  }
}

/**
 * Every return file below a folder, in name order. Links are followed to files and to folders
 * not seen yet (a link back up the tree is a loop, and is read once).
 */
function walk(folder: string, out: string[], seen = new Set<string>()): void {
  let real: string;
  try {
    real = realpathSync.native(folder);
  } catch (cause) {
    throw new AnttError('file-unreadable', { path: folder, reason: (cause as NodeJS.ErrnoException).code ?? String(cause) });
  }
  if (seen.has(real)) return;
  seen.add(real);
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch (cause) {
    throw new AnttError('file-unreadable', { path: folder, reason: (cause as NodeJS.ErrnoException).code ?? String(cause) });
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    // Hidden files, and the "~$name.xlsx" lock files Excel leaves while a workbook is open.
    if (entry.name.startsWith('.') || entry.name.startsWith('~$') || entry.name === 'node_modules') continue;
    const path = join(folder, entry.name);
    let kind: 'dir' | 'file' | 'other' = entry.isDirectory() ? 'dir' : entry.isFile() ? 'file' : 'other';
    if (entry.isSymbolicLink()) {
      try {
        const target = statSync(path);
        kind = target.isDirectory() ? 'dir' : target.isFile() ? 'file' : 'other';
      } catch {
        kind = 'other'; // a dangling link: nothing to read
      }
    }
    if (kind === 'dir') walk(path, out, seen);
    // A folder's .txt files are more often notes than Excel "Unicode text" exports: those are
    // read only when named on the command line.
    else if (kind === 'file' && formatOf(path) !== null && !/\.txt$/i.test(entry.name) && entry.name !== CONFIG_FILE) out.push(path);
  }
}

export function readConfig(path: string): DataFolderConfig {
  let json: unknown;
  // A config is a few lines: a device or a huge file behind the name is refused before reading.
  const refused = unreadableWhole(path, 10 * 1024 * 1024);
  if (refused !== null) throw new AnttError('file-unreadable', { path, reason: refused });
  try {
    const text = readFileSync(path, 'utf8');
    noteRead(path);
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code) throw new AnttError('file-unreadable', { path, reason: code });
    throw new AnttError('bad-config', { path, detail: (cause as Error).message });
  }
  const parsed = dataFolderConfigSchema.safeParse(json);
  if (!parsed.success) {
    throw new AnttError('bad-config', {
      path,
      detail: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; '),
    });
  }
  return parsed.data;
}

/** `allowEmpty`: a data folder with a config but no returns yet (just made by `antt init`) is fine. */
export function collectInputs(paths: readonly string[], options: { allowEmpty?: boolean } = {}): Inputs {
  const files: string[] = [];
  let configPath: string | null = null;
  for (const path of paths) {
    if (path === '-') {
      files.push(stdinAsFile());
      continue;
    }
    const info = stat(path);
    if (info.isDirectory()) {
      const candidate = join(path, CONFIG_FILE);
      if (configPath === null && existsFile(candidate)) configPath = candidate;
      walk(path, files);
    } else if (basename(path) === CONFIG_FILE) {
      configPath ??= path;
    } else {
      if (formatOf(path) === null) {
        throw new AnttError('unsupported-file', { path, old: /\.xls$/i.test(path) ? 'xls' : undefined });
      }
      files.push(path);
    }
  }
  // The same file named twice (or inside a folder also given, or reached by a link) is read once;
  // files are read in path order whatever the order on the command line, so that every run over
  // the same files gives the same report, byte for byte.
  const seen = new Set<string>();
  const unique = files
    .filter((f) => {
      let key = resolve(f);
      try {
        // The system's realpath, one call: Node's own walks every component of every path (134
        // files of the sample: 5 ms, against 1). The keys are only compared with each other.
        key = realpathSync.native(f);
      } catch {
        // unreadable: reported when it is read
      }
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const config = configPath ? readConfig(configPath) : null;
  // The folder's own unit lists are data for the tool, not returns.
  const own = new Set(
    Object.values(config?.units ?? {})
      .filter((file): file is string => typeof file === 'string')
      .map((file) => resolve(dirname(configPath!), file)),
  );
  const returns = own.size > 0 ? unique.filter((f) => !own.has(resolve(f))) : unique;
  if (returns.length === 0 && !(options.allowEmpty && config)) throw new AnttError('no-input', { paths: paths.join(', ') });
  return { files: returns, config, configPath };
}

function existsFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** A path as shown to the user: relative to the working folder when inside it. */
/** Standard input, copied to a temporary file (removed at exit): the path it is read from. */
let stdinCopy: string | undefined;

/**
 * `-`: a return read from standard input (`… | antt validate -`). Copied as it comes to a
 * temporary file, never held whole in memory; its format told from its first bytes (a workbook's
 * zip, JSON's bracket, else CSV). Shown as `-` in findings.
 */
function stdinAsFile(): string {
  if (stdinCopy !== undefined) return stdinCopy;
  const folder = mkdtempSync(join(tmpdir(), 'antt-stdin-'));
  process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
  const raw = join(folder, 'stdin');
  const out = openSync(raw, 'w');
  const chunk = Buffer.allocUnsafe(256 * 1024);
  let first: Buffer | null = null;
  try {
    for (;;) {
      let n: number;
      try {
        n = readSync(0, chunk, 0, chunk.length, null);
      } catch (cause) {
        const code = (cause as NodeJS.ErrnoException).code;
        if (code === 'EAGAIN') continue; // a non-blocking pipe not ready yet
        throw new AnttError('file-unreadable', { path: '-', reason: code ?? String(cause) });
      }
      if (n === 0) break;
      if (first === null) first = Buffer.from(chunk.subarray(0, Math.min(n, 16)));
      writeSync(out, chunk, 0, n);
    }
  } finally {
    closeSync(out);
  }
  const head = first === null ? '' : first.toString('latin1').replace(/^\xEF\xBB\xBF/, '').trimStart();
  const ext = head.startsWith('PK') ? '.xlsx' : head.startsWith('[') || head.startsWith('{') ? '.json' : '.csv';
  stdinCopy = join(folder, `-${ext}`);
  renameSync(raw, stdinCopy);
  return stdinCopy;
}

export function displayPath(path: string): string {
  if (path === stdinCopy) return '-';
  // A path relative to here in its normal form is its own relative path (every file found in a
  // folder given as `data/son-la`): no resolving of the working folder and the path for each.
  if (!isAbsolute(path) && !path.startsWith('..') && !path.includes(':') && !path.endsWith(sep) && normalize(path) === path) return path;
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}
