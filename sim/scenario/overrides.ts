/**
 * Overrides: `path=value` strings (`fleet.C-17.count=4`, `clearance.approval_delay=48h`) applied
 * to a parsed document before validation, and `setPath` for scripts and sweeps.
 */
import { parse as parseYamlValue } from 'yaml';
import type { ScenarioIssue } from './issues.ts';
import { splitPath } from './crosscheck.ts';
import { fileSchema } from './schema.ts';
import { checkPath } from './walk.ts';

type Path = (string | number)[];

export interface Override {
  path: Path;
  value: unknown;
  /** The text as given, for messages. */
  text: string;
  /** Where it came from, for messages: OVERRIDE_LABEL unless said otherwise (the CLI says "--set"). */
  flag: string;
}

/** How messages name an override given as a plain `path=value` string (from a script). */
export const OVERRIDE_LABEL = 'override';

/**
 * An override as given: `path=value`, or with where it came from for messages (the CLI's
 * `--set`, a sweep's `--vary`).
 */
export type OverrideInput = string | { text: string; flag: string };

/** The `path=value` text of an override as given. */
export function overrideInputText(o: OverrideInput): string {
  return typeof o === 'string' ? o : o.text;
}

/** Labels `path=value` texts with the option they came from, for messages (the CLI: "--set"). */
export function labelled(texts: readonly string[], flag: string): OverrideInput[] {
  return texts.map((text) => ({ text, flag }));
}

/**
 * A deep copy of `doc` with `value` at `path` (a dotted string or segments); missing maps on the
 * way are created. Throws when the path goes through a value that is not a map or list.
 */
export function setPath<T>(doc: T, path: string | readonly (string | number)[], value: unknown): T {
  const segs = typeof path === 'string' ? splitPath(path) : [...path];
  if (segs.length === 0) return structuredClone(value) as T;
  const copy = structuredClone(doc) as unknown;
  if (typeof copy !== 'object' || copy === null) throw new Error(`setPath: the document is not a map, got ${JSON.stringify(copy)}`);
  let node = copy as Record<string, unknown>;
  for (let i = 0; i < segs.length - 1; i++) {
    const key = String(segs[i]);
    const next = node[key];
    if (next === undefined || next === null) {
      node[key] = {};
    } else if (typeof next !== 'object') {
      throw new Error(`setPath: ${segs.slice(0, i + 1).join('.')} is ${JSON.stringify(next)}, not a map or list, so ${segs.join('.')} cannot be set`);
    }
    node = node[key] as Record<string, unknown>;
  }
  node[String(segs[segs.length - 1])] = structuredClone(value);
  return copy as T;
}

/**
 * Throws a TypeError naming `who` when a script's overrides are not a list of `path=value` texts
 * (or `{ text, flag }`): a single text would otherwise be read character by character.
 */
export function checkOverrideList(who: string, overrides: unknown): void {
  const ok = (o: unknown): boolean => typeof o === 'string' || (typeof o === 'object' && o !== null && typeof (o as { text?: unknown }).text === 'string');
  if (Array.isArray(overrides) && overrides.every(ok)) return;
  const hint = typeof overrides === 'string' ? ` (a single text: put it in a list, [${JSON.stringify(overrides)}])` : '';
  throw new TypeError(`${who}: overrides must be a list of "path=value" texts, e.g. ['fleet.C-17.count=3'], got ${typeof overrides === 'string' ? JSON.stringify(overrides) : Array.isArray(overrides) ? 'a list with something else in it' : typeof overrides}${hint}`);
}

/** Parses `path=value` (value read as a YAML scalar or flow collection: `4`, `48h`, `{ exponential: 12h }`). */
export function parseOverride(text: string, flag = OVERRIDE_LABEL): Override | ScenarioIssue {
  const eq = text.indexOf('=');
  const label: Path = [flag];
  if (eq <= 0) return { path: label, message: `expected path=value (e.g. fleet.C-17.count=4), got ${JSON.stringify(text)}` };
  const pathText = text.slice(0, eq).trim();
  const valueText = text.slice(eq + 1);
  let value: unknown;
  try {
    value = valueText.trim() === '' ? null : parseYamlValue(valueText);
  } catch (e) {
    return { path: label, message: `${pathText}: cannot read the value ${JSON.stringify(valueText)}: ${(e as Error).message.split('\n')[0]}` };
  }
  return { path: splitPath(pathText), value, text, flag };
}

/** Applies overrides in order; every bad one (syntax, unknown path) is an issue, the good ones still apply. */
export function applyOverrides(doc: unknown, overrides: readonly OverrideInput[]): { doc: unknown; applied: Override[]; issues: ScenarioIssue[] } {
  let current = doc;
  const applied: Override[] = [];
  const issues: ScenarioIssue[] = [];
  for (const given of overrides) {
    const o = typeof given === 'string' ? parseOverride(given) : parseOverride(given.text, given.flag);
    if (!('value' in o)) {
      issues.push(o);
      continue;
    }
    const bad = checkPath(fileSchema, current, o.path, [o.flag]);
    if (bad !== undefined) {
      issues.push(bad);
      continue;
    }
    current = setPath(current, o.path, o.value);
    applied.push(o);
  }
  return { doc: current, applied, issues };
}
