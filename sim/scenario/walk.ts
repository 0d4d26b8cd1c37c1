/**
 * Walking the file schema along a path: which keys are known at a place (for did-you-mean), and
 * whether a path given to `--set` or `sensitivity` names something that exists.
 */
import type { z } from 'zod';
import { leafKinds } from './leaves.ts';
import { pathText, type ScenarioIssue } from './issues.ts';
import { didYouMean, unknownMessage } from './suggest.ts';

type Path = (string | number)[];
type Def = { type: string; shape?: Record<string, z.ZodType>; valueType?: z.ZodType; element?: z.ZodType; innerType?: z.ZodType; in?: z.ZodType };

const WRAPPERS = new Set(['optional', 'default', 'nullable', 'prefault', 'readonly', 'catch', 'nonoptional']);

const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The schema under optional/default/nullable wrappers, and under a pipe unless it is a leaf. */
export function unwrap(s: z.ZodType): z.ZodType {
  let cur = s;
  for (let i = 0; i < 20; i++) {
    if (leafKinds.has(cur)) return cur;
    const def = defOf(cur);
    if (WRAPPERS.has(def.type) && def.innerType) cur = def.innerType;
    else if (def.type === 'pipe' && def.in) cur = def.in;
    else return cur;
  }
  return cur;
}

/** The schema under optional/default/nullable wrappers only (a pipe is kept whole). */
export function unwrapWrappers(s: z.ZodType): z.ZodType {
  let cur = s;
  for (let def = defOf(cur); WRAPPERS.has(def.type) && def.innerType; def = defOf(cur)) cur = def.innerType;
  return cur;
}

/** The schema at a path, following objects, records and lists; undefined when the path leaves the schema. */
export function schemaAt(root: z.ZodType, path: readonly (string | number)[]): z.ZodType | undefined {
  let s: z.ZodType | undefined = root;
  for (const seg of path) {
    if (s === undefined) return undefined;
    const def = defOf(unwrap(s));
    if (def.type === 'object') s = def.shape?.[String(seg)];
    else if (def.type === 'record') s = def.valueType;
    else if (def.type === 'array') s = def.element;
    else return undefined;
  }
  return s;
}

/** The keys an object schema accepts, or [] if the schema is not an object. */
export function knownKeys(s: z.ZodType | undefined): string[] {
  if (s === undefined) return [];
  const def = defOf(unwrap(s));
  return def.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

const isContainer = (v: unknown): v is Record<string, unknown> | unknown[] => typeof v === 'object' && v !== null;

/**
 * Checks that `path` names something a value can be set at: known keys of objects, entries that
 * exist in maps and lists of `doc` (a new entry may only be set whole), and inside single values
 * (durations, distributions) only what `doc` already has. Returns the problem, if any.
 */
export function checkPath(root: z.ZodType, doc: unknown, path: Path, label: Path): ScenarioIssue | undefined {
  let s: z.ZodType | undefined = root;
  let d: unknown = doc;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i] as string | number;
    const key = String(seg);
    const last = i === path.length - 1;
    const here = path.slice(0, i);
    const issue = (message: string): ScenarioIssue => ({ path: label, message: `${pathText(path)}: ${message}` });
    if (s === undefined) {
      // Inside a single value: follow the document only.
      if (isContainer(d) && key in d) {
        d = (d as Record<string, unknown>)[key];
        continue;
      }
      return issue(`${pathText(here)} has no "${key}"; set ${pathText(here)} whole instead`);
    }
    const node = unwrap(s);
    const def = defOf(node);
    if (leafKinds.has(node) || !['object', 'record', 'array'].includes(def.type)) {
      s = undefined;
      i--;
      continue;
    }
    if (def.type === 'object') {
      const keys = Object.keys(def.shape ?? {});
      if (!keys.includes(key)) return issue(unknownMessage('key', key, keys));
      s = def.shape?.[key];
    } else if (def.type === 'record') {
      const have = isContainer(d) ? Object.keys(d) : [];
      if (!have.includes(key) && !last) {
        const guess = didYouMean(key, have);
        const hint = guess !== undefined ? `; did you mean "${guess}"?` : have.length > 0 ? ` (have: ${have.join(', ')})` : '';
        return issue(`no entry "${key}" in ${pathText(here)}${hint}`);
      }
      s = def.valueType;
    } else {
      const n = Number(key);
      const length = Array.isArray(d) ? d.length : 0;
      if (length === 0 && !last) {
        return issue(`${pathText(here)} ${Array.isArray(d) ? 'is an empty list' : 'is not in the file'}, so it has no item ${key} to change: set the whole list, e.g. ${pathText(here)}=[...]`);
      }
      if (!Number.isInteger(n) || n < 0 || n > length || (n === length && !last)) {
        return issue(`expected a list index from 0 to ${length - (last ? 0 : 1)} in ${pathText(here)}, got "${key}"`);
      }
      s = def.element;
    }
    d = isContainer(d) ? (d as Record<string, unknown>)[key] : undefined;
  }
  return undefined;
}

/**
 * How a validated value at schema `s` is compared part by part: 'object' and 'record' keep their
 * file keys in the validated value, so each entry is a path of its own; anything else (a leaf
 * such as a duration or distribution, a list, an object a transform rewrites) is one value.
 */
export function mappingKind(s: z.ZodType): 'object' | 'record' | undefined {
  const node = unwrapWrappers(s);
  if (leafKinds.has(node)) return undefined;
  const type = defOf(node).type;
  return type === 'object' || type === 'record' ? type : undefined;
}
