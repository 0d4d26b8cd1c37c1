/**
 * The file system side of the CLI and library: reading scenario files and writing outputs
 * atomically. Everything else in sim/ is pure.
 */
import { readFileSync, writeFileSync, renameSync, rmSync, mkdirSync, statSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { UserError } from './errors.ts';
import { parseScenario, formatIssues } from '../scenario/index.ts';
import type { Scenario } from '../scenario/types.ts';

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
 * Throws a UserError listing every problem with file:line:column and path.
 */
export function loadScenarioFile(path: string, overrides: string[] = []): Scenario {
  const result = parseScenario(readText(path), path, overrides);
  if (!result.ok) throw new UserError(formatIssues(result.issues, path));
  return result.scenario;
}

/**
 * Writes a file atomically: a temporary file beside it, then a rename, so an interrupted run
 * never leaves a half-written file. Creates the parent folder. Throws a UserError when the
 * folder cannot be written.
 */
export function writeFileAtomic(path: string, data: string): void {
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.tmp`);
  try {
    makeDirs(dir);
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new UserError(`${path}: cannot write the file (${(err as Error).message})`);
  }
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
