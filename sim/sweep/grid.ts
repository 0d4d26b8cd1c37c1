/**
 * Parameter grids: `path=v1,v2,...`, `path=2..8`, `path=2..8:2`; several parameters make a grid.
 */
import { parse as parseYamlValue, stringify as stringifyYaml } from 'yaml';

/** A value a parameter takes, as it would be written in the scenario file (`4`, `'36h'`, `{...}`). */
export type ParamValue = string | number | boolean | Record<string, unknown> | unknown[];

/** Parameter path -> the values it takes, in order. */
export type Vary = Record<string, readonly ParamValue[]>;

/** A problem with a --vary argument or a library sweep grid, in words a user can act on. */
export class VaryError extends Error {
  override readonly name = 'VaryError';
}

// The step may be written negative so that it is refused as a step, not read as a literal value.
const RANGE = /^\s*(-?\d+(?:\.\d+)?)\s*\.\.\s*(-?\d+(?:\.\d+)?)\s*(?::\s*(-?\d+(?:\.\d+)?)\s*)?$/;

/** What a range looks like, for messages about one that is not. */
const RANGE_HELP = 'a range is low..high or low..high:step, numbers only, with a step > 0 (e.g. 2..8 or 0.6..0.9:0.1); list other values instead: v1,v2,...';

/** Decimal places of a number as written, so 0.1 steps give 0.3, not 0.30000000000000004. */
function decimals(s: string): number {
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

/**
 * Parses one --vary argument. Ranges are inclusive: `2..8` is 2,3,...,8 and `2..8:2` is 2,4,6,8.
 * Listed values are read as YAML scalars, so `24h` stays a duration and `4` is a number.
 * Throws VaryError naming the argument when it cannot be read: a malformed range (anything
 * with `..` that is not `low..high[:step]` in numbers), or a value listed twice.
 */
export function parseVary(text: string): { path: string; values: ParamValue[] } {
  const parsed = readVary(text);
  const groups = new Map<string, string[]>(); // value -> its spellings, in the order given
  parsed.values.forEach((v, i) => {
    const key = JSON.stringify(v);
    groups.set(key, [...(groups.get(key) ?? []), parsed.raw[i] ?? valueText(v)]);
  });
  const same = [...groups.values()].find((g) => g.length > 1);
  if (same !== undefined) throw new VaryError(sameValueMessage(`--vary ${parsed.path}`, same));
  return { path: parsed.path, values: parsed.values };
}

/**
 * The message for values of one parameter that make the same point, as the user wrote them
 * (`2` and `2.0`; `12h`, `0.5d` and `720m`); `where` names the parameter (`--vary fleet.C-17.count`).
 */
export function sameValueMessage(where: string, spellings: readonly string[]): string {
  const distinct = [...new Set(spellings)];
  const listed =
    distinct.length === 1
      ? `the value ${distinct[0]} is listed ${spellings.length === 2 ? 'twice' : `${spellings.length} times`}`
      : `${distinct.slice(0, -1).join(', ')} and ${distinct[distinct.length - 1]} are the same value`;
  return `${where}: ${listed}; give each value once, or the same point would run twice`;
}

/** Parses one --vary argument into its path, its values and the values as written (no duplicate check). */
function readVary(text: string): { path: string; values: ParamValue[]; raw: string[] } {
  const eq = text.indexOf('=');
  if (eq <= 0 || eq === text.length - 1) {
    throw new VaryError(`--vary ${JSON.stringify(text)}: expected path=v1,v2,... or path=lo..hi[:step] (e.g. fleet.C-17.count=2..8:2)`);
  }
  const path = text.slice(0, eq).trim();
  const spec = text.slice(eq + 1).trim();
  const m = RANGE.exec(spec);
  if (m) {
    const [lo, hi, step = '1'] = [m[1] as string, m[2] as string, m[3]];
    const a = Number(lo);
    const b = Number(hi);
    const s = Number(step);
    if (!(s > 0)) throw new VaryError(`--vary ${path}: in ${spec}, the step must be > 0, got ${step}; ${RANGE_HELP}`);
    if (b < a) throw new VaryError(`--vary ${path}: the range ${spec} runs backwards (${lo} > ${hi})`);
    const places = Math.max(decimals(lo), decimals(hi), decimals(step));
    const count = Math.floor((b - a) / s + 1e-9) + 1;
    if (count > 1000) throw new VaryError(`--vary ${path}: ${spec} makes ${count} values; at most 1000`);
    const values: number[] = [];
    for (let i = 0; i < count; i++) values.push(Number((a + i * s).toFixed(places)));
    return { path, values, raw: values.map(String) };
  }
  const raw = splitTopLevel(spec);
  // `..` outside a flow map or list can only be a range attempt: no scenario value contains it.
  if (raw.some((v) => !/^[{[]/.test(v) && v.includes('..'))) throw new VaryError(`--vary ${path}: ${JSON.stringify(spec)} is not a range: ${RANGE_HELP}`);
  const values = raw.map((v) => {
    try {
      return parseYamlValue(v) as ParamValue;
    } catch (e) {
      throw new VaryError(`--vary ${path}: cannot read the value ${JSON.stringify(v)} (${(e as Error).message.split('\n')[0]})`);
    }
  });
  if (values.length === 0) throw new VaryError(`--vary ${path}: no values given`);
  return { path, values, raw };
}

/** Splits on commas that are not inside braces or brackets, so flow values like {a: 1, b: 2} survive. */
function splitTopLevel(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '{' || ch === '[') depth++;
    if (ch === '}' || ch === ']') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim() !== '') out.push(cur.trim());
  return out;
}

/**
 * Every combination of the parameters' values; the first parameter varies slowest. Throws
 * VaryError (in library words, as `sweep` is called) on an empty grid, a parameter whose values
 * are not a non-empty array, or a value given twice (the same point would run twice).
 */
export function gridPoints(vary: Vary): Array<Record<string, ParamValue>> {
  const entries = Object.entries(vary ?? {});
  if (entries.length === 0) {
    throw new VaryError(
      "sweep: no parameters to vary (the grid is empty); give at least one path and its values, e.g. { 'fleet.C-17.count': [2, 4] } (to run the scenario as it is, use runBatch)",
    );
  }
  let points: Array<Record<string, ParamValue>> = [{}];
  for (const [path, values] of entries) {
    if (!Array.isArray(values)) throw new VaryError(`sweep: parameter ${path}: expected an array of values, got ${JSON.stringify(values)}`);
    if (values.length === 0) throw new VaryError(`sweep: parameter ${path} has no values; give at least one`);
    // Two values that make the same override make the same point.
    const seen = new Map<string, ParamValue>();
    for (const v of values) {
      const key = valueText(v);
      if (seen.has(key)) throw new VaryError(sameValueMessage(`sweep: parameter ${path}`, [JSON.stringify(seen.get(key)), JSON.stringify(v)]));
      seen.set(key, v);
    }
    points = points.flatMap((p) => values.map((v) => ({ ...p, [path]: v })));
  }
  return points;
}

/** A value as a user writes it: numbers and words as they are, maps and lists in YAML flow style. */
export function valueText(value: ParamValue): string {
  return typeof value === 'object' ? stringifyYaml(value, { collectionStyle: 'flow', lineWidth: 0 }).trim() : String(value);
}

/** The `path=value` override that puts a value into the scenario document. */
export function overrideText(path: string, value: ParamValue): string {
  return `${path}=${valueText(value)}`;
}
