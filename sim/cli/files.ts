/**
 * The file system side of the CLI and library: reading scenario files and writing outputs
 * atomically. Everything else in sim/ is pure.
 */
import { readFileSync, writeFileSync, renameSync, rmSync, mkdirSync, statSync, openSync, writeSync, closeSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { UserError } from './errors.ts';
import { parseScenario, formatIssues, formatWarnings, overrideInputText, checkOverrideList, type OverrideInput } from '../scenario/index.ts';
import type { Scenario } from '../scenario/types.ts';
import { scenarioContents } from '../batch/command.ts';

/** Reads a text file, or throws a UserError that names it and says why. */
export function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : String((err as Error).message);
    throw new UserError(`${path}: cannot read the file (${why})`);
  }
}

/** Reads a scenario file as `{ text, file }`, the form sweeps take (overrides apply per point). */
export function readScenarioText(path: string): { text: string; file: string } {
  return { text: readText(path), file: path };
}

/**
 * Reads and validates a scenario file, with `path=value` overrides applied.
 * Throws a UserError listing every problem with file:line:column and path. The warnings of a
 * valid file (a run whose answer is fixed in advance) go to `warn` as text, one line each.
 */
export function loadScenarioFile(path: string, overrides: readonly OverrideInput[] = [], warn?: (text: string) => void): Scenario {
  checkOverrideList('loadScenario', overrides);
  const result = parseScenario(readText(path), path, overrides);
  if (!result.ok) throw new UserError(formatIssues(result.issues, path));
  if (warn !== undefined && result.warnings.length > 0) warn(`${formatWarnings(result.warnings, path)}\n`);
  const texts = overrides.map(overrideInputText);
  const origin = Object.freeze({ file: path, overrides: Object.freeze(texts) as string[], contents: scenarioContents(result.scenario) });
  return Object.freeze({ ...result.scenario, origin });
}

/**
 * Writes a file atomically: a temporary file beside it, then a rename, so an interrupted run
 * never leaves a half-written file. `data` may come in parts (an iterable of strings), so that a
 * large file is never one string in memory. Creates the parent folder. Throws a UserError naming
 * the file and saying why in words (never the temporary file's name) when it cannot be written.
 */
export function writeFileAtomic(path: string, data: string | Iterable<string>): void {
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.tmp`);
  try {
    makeDirs(dir);
    if (typeof data === 'string') writeFileSync(tmp, data);
    else writeParts(tmp, data);
    renameSync(tmp, path);
  } catch (err) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // Nothing to clean: the temporary file could not have been made there either.
    }
    throw new UserError(`${path}: cannot write the file (${whyNotWritten(path, err as NodeJS.ErrnoException)})`);
  }
}

function writeParts(path: string, parts: Iterable<string>): void {
  const fd = openSync(path, 'w');
  try {
    for (const part of parts) writeSync(fd, part);
  } finally {
    closeSync(fd);
  }
}

/** The nearest existing ancestor of `dir` (or `dir` itself) that is a file rather than a folder, if any. */
export function fileInTheWay(dir: string): string | undefined {
  for (let d = dir; ; d = dirname(d)) {
    let st;
    try {
      st = statSync(d, { throwIfNoEntry: false });
    } catch {
      st = undefined; // ENOTDIR: a parent further up is the file
    }
    if (st !== undefined) return st.isDirectory() ? undefined : d;
    if (dirname(d) === d) return undefined;
  }
}

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  ENAMETOOLONG: 'the name is too long',
};

/** Why writing `path` failed, in words a user can act on. */
function whyNotWritten(path: string, err: NodeJS.ErrnoException): string {
  const blocker = fileInTheWay(dirname(path));
  if (blocker !== undefined) return `${blocker} is not a folder`;
  if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) return `${path} is a folder`;
  const reason = REASONS[err.code ?? ''];
  if (err.syscall === 'mkdir' && err.path !== undefined) return `the folder ${err.path} cannot be created${reason ? `: ${reason}` : ''}`;
  if (err.code === 'ENOENT') return `the folder ${dirname(path)} does not accept new files`;
  if (err.code === 'EACCES' || err.code === 'EPERM') return `no permission to create files in ${dirname(path)}`;
  // Other errors name the temporary file in their message: keep only the code and its words.
  return reason ?? err.message.replace(/, \w+ '[^']*'(?: -> '[^']*')?$/, '');
}

/**
 * Creates `dir` and any missing parents, one level at a time. Not `mkdirSync(dir, { recursive:
 * true })`: on Linux, Node 20's recursive mkdir spins forever when a parent exists but refuses
 * children with ENOENT (any path under /proc), where this throws the first level's error.
 */
function makeDirs(dir: string): void {
  const missing: string[] = [];
  let d = dir;
  while (statSync(d, { throwIfNoEntry: false }) === undefined) {
    missing.push(d);
    const parent = dirname(d);
    if (parent === d) break;
    d = parent;
  }
  for (let i = missing.length - 1; i >= 0; i--) {
    try {
      mkdirSync(missing[i] as string);
    } catch (err) {
      // Made meanwhile by someone else: fine if it is a folder (writing into it says if not).
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
}
