/**
 * Where two scenario documents differ, in the file's own paths (`clearance.freezes`,
 * `fleet.C-17.count`). They are compared as validated, so that what only looks different is
 * the same (`36h` and `1.5d`, a default written out or left out), and what a run never reads
 * (name, description, batch, sensitivity ranges) is left out.
 */
import { pathText } from './issues.ts';
import { fileSchema } from './schema.ts';
import { validateDocument } from './validate.ts';
import { mappingKind, schemaAt } from './walk.ts';

/** Top-level sections that do not change what a replication does. */
const NOT_RUN = new Set(['name', 'description', 'batch', 'sensitivity']);

/**
 * The paths at which the valid scenario documents `a` and `b` (parseScenario's `doc`) differ,
 * in schema order: a mapping entry present on one side only, or any single value (a duration,
 * a distribution, a whole list) that differs once read. Throws an Error naming which document
 * is not valid, since callers compare only scenarios that parsed.
 */
export function differingPaths(a: unknown, b: unknown): string[] {
  const va = validateDocument(a).file;
  const vb = validateDocument(b).file;
  if (va === undefined || vb === undefined) throw new Error(`differingPaths: the ${va === undefined ? 'first' : 'second'} document is not a valid scenario; parse it first`);
  const out: string[][] = [];
  walk(va, vb, [], out);
  return out.map(pathText);
}

function walk(a: unknown, b: unknown, path: string[], out: string[][]): void {
  const schema = schemaAt(fileSchema, path);
  const kind = schema === undefined ? undefined : mappingKind(schema);
  if (kind === undefined || !isMap(a) || !isMap(b)) {
    if (!same(a, b)) out.push(path);
    return;
  }
  // Object keys in schema order (the validated value's), then a record's keys only `b` has.
  for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])]) {
    if (path.length === 0 && NOT_RUN.has(key)) continue;
    const inA = a[key] !== undefined;
    const inB = b[key] !== undefined;
    if (inA !== inB) out.push([...path, key]);
    else if (inA) walk(a[key], b[key], [...path, key], out);
  }
}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Deep equality of validated values (plain data: numbers, strings, lists, mappings). */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (!isMap(a) || !isMap(b)) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => same(a[k], b[k]));
}
