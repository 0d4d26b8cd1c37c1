/**
 * The leaf schemas of the scenario file format: numbers with bounds, choices, durations, dates,
 * opening hours, quantities with units. Each says what it expects in the same words
 * (`expected an integer >= 1, got -3`), and carries the JSON Schema an editor needs.
 */
import { z } from 'zod';
import { expected } from './issues.ts';
import { unknownMessage } from './suggest.ts';
import {
  DATE_PATTERN,
  DURATION_PATTERN,
  HOURS_PATTERN,
  parseDate,
  parseDuration,
  parseHours,
  parseQuantity,
  type Parsed,
} from './units.ts';

/** JSON Schema fragments for leaves whose validation is code (transforms), used by `scenarioJsonSchema`. */
export const jsonDocs = z.registry<Record<string, unknown>>();

/** Which schemas are leaves (values set whole by an override), and of what kind. */
export const leafKinds = new WeakMap<z.ZodType, string>();

type Report = (path: (string | number)[], message: string) => void;

/**
 * A leaf validated by code: `parse` returns the value or reports problems at paths relative to
 * the leaf; `json` documents the accepted input for editors.
 */
export function leaf<T>(
  kind: string,
  json: Record<string, unknown>,
  parse: (input: unknown, report: Report) => T | undefined,
): z.ZodType<T> {
  const schema = z.unknown().transform((input, ctx): T => {
    let failed = false;
    const report: Report = (path, message) => {
      failed = true;
      ctx.issues.push({ code: 'custom', message, path, input });
    };
    const value = parse(input, report);
    if (failed || value === undefined) {
      if (!failed) report([], expected(kind, input));
      return z.NEVER;
    }
    return value;
  });
  jsonDocs.add(schema, json);
  leafKinds.set(schema, kind);
  return schema as unknown as z.ZodType<T>;
}

/** A leaf from a unit parser (returns a value or a message). */
function fromParser<T>(kind: string, json: Record<string, unknown>, parser: (input: unknown) => Parsed<T>): z.ZodType<T> {
  return leaf(kind, json, (input, report) => {
    const r = parser(input);
    if (r.ok) return r.value;
    report([], r.message);
    return undefined;
  });
}

interface Bounds {
  min?: number;
  max?: number;
  /** Strictly greater than. */
  gt?: number;
}

function boundsText(b: Bounds): string {
  const parts: string[] = [];
  if (b.gt !== undefined) parts.push(`> ${b.gt}`);
  if (b.min !== undefined) parts.push(`>= ${b.min}`);
  if (b.max !== undefined) parts.push(`<= ${b.max}`);
  return parts.length === 0 ? '' : ` ${parts.join(' and ')}`;
}

/** An integer within bounds: `expected an integer >= 1, got -3`. */
export function int(b: Bounds = {}) {
  const what = `an integer${boundsText(b)}`;
  const error = (iss: { input?: unknown }) => expected(what, iss.input);
  let s = z.int({ error });
  if (b.min !== undefined) s = s.min(b.min, { error });
  if (b.gt !== undefined) s = s.gt(b.gt, { error });
  if (b.max !== undefined) s = s.max(b.max, { error });
  return s;
}

/** A finite number within bounds: `expected a number > 0, got 0`; `what` replaces "a number >= ..." when it needs its unit said. */
export function num(b: Bounds = {}, what = `a number${boundsText(b)}`) {
  const error = (iss: { input?: unknown }) => expected(what, iss.input);
  let s = z.number({ error });
  if (b.min !== undefined) s = s.min(b.min, { error });
  if (b.gt !== undefined) s = s.gt(b.gt, { error });
  if (b.max !== undefined) s = s.max(b.max, { error });
  return s;
}

/** A probability in [0, 1]. */
export function probability() {
  return unitInterval('a probability between 0 and 1');
}

/** A share of a whole, in [0, 1] (0.3 is 30%). */
export function share() {
  return unitInterval('a share between 0 and 1 (0.3 for 30%)');
}

function unitInterval(what: string) {
  const error = (iss: { input?: unknown }) => expected(what, iss.input);
  return z.number({ error }).min(0, { error }).max(1, { error });
}

/** A non-empty string. */
export function text(what = 'a text') {
  const error = (iss: { input?: unknown }) => expected(what, iss.input);
  return z.string({ error }).min(1, { error });
}

/** One of a few names, with a did-you-mean when the value is close to one. */
export function choice<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, {
    error: (iss) =>
      typeof iss.input === 'string'
        ? unknownMessage('choice', iss.input, values)
        : expected(`one of ${values.map((v) => `"${v}"`).join(', ')}`, iss.input),
  });
}

/**
 * A string pattern that also requires a non-zero digit: a duration or an unsigned quantity with
 * one is > 0 (the units have no digits), which is how the JSON Schema says "positive".
 */
const nonZero = (pattern: string): string => `^(?=.*[1-9])(?:${pattern})`;

/** A duration in hours from `36h`, `2d`, `90m` or a number of hours; `positive` excludes 0. */
export function duration(opts: { positive?: boolean } = {}): z.ZodType<number> {
  const positive = opts.positive === true;
  const json = {
    anyOf: [positive ? { type: 'number', exclusiveMinimum: 0 } : { type: 'number', minimum: 0 }, { type: 'string', pattern: positive ? nonZero(DURATION_PATTERN) : DURATION_PATTERN }],
    description: `Duration${positive ? ' > 0' : ''}: 36h, 2d, 90m, 1d12h; a plain number is hours.`,
  };
  return leaf('duration', json, (input, report) => {
    const r = parseDuration(input);
    if (!r.ok) return void report([], r.message);
    if (positive && r.value <= 0) return void report([], expected('a duration > 0', input));
    return r.value;
  });
}

/** An ISO date (UTC unless an offset is given), as epoch milliseconds. */
export function date(): z.ZodType<number> {
  return fromParser('date', { type: 'string', pattern: DATE_PATTERN, description: 'ISO date or date-time, UTC unless an offset is given: 2024-05-19, 2024-05-19T06:00Z.' }, parseDate);
}

/** Opening hours, local time: "05:30-17:30" or "always". */
export function openingHours(): z.ZodType<{ open: number; close: number }> {
  return fromParser('opening hours', { type: 'string', pattern: HOURS_PATTERN, description: 'Local opening hours "05:30-17:30", or "always".' }, parseHours);
}

/** A number with an optional unit (`65 ST`, `430 kt`) within bounds. */
export function quantity(units: readonly string[], name: string, b: Bounds = {}): z.ZodType<number> {
  const what = `${name}${boundsText(b)}`;
  // The JSON Schema states the bounds exactly for plain numbers; in strings it can say
  // "no sign" (a lower bound of 0) and "not zero" (> 0), the only bounds the file format uses.
  const unsigned = (b.min !== undefined && b.min >= 0) || (b.gt !== undefined && b.gt >= 0);
  const digits = `^\\s*${unsigned ? '' : '-?'}\\d+(\\.\\d+)?\\s*(${units.map((u) => u.replace('/', '\\/')).join('|')})?\\s*$`;
  const pattern = b.gt === 0 ? nonZero(digits) : digits;
  const number = {
    type: 'number',
    ...(b.min !== undefined ? { minimum: b.min } : {}),
    ...(b.gt !== undefined ? { exclusiveMinimum: b.gt } : {}),
    ...(b.max !== undefined ? { maximum: b.max } : {}),
  };
  return leaf(name, { anyOf: [number, { type: 'string', pattern }], description: `${what} (units: ${units.join(', ')}).` }, (input, report) => {
    const r = parseQuantity(input, units, name);
    if (!r.ok) return void report([], r.message);
    const v = r.value;
    if ((b.min !== undefined && v < b.min) || (b.gt !== undefined && v <= b.gt) || (b.max !== undefined && v > b.max)) {
      return void report([], expected(what, input));
    }
    return v;
  });
}

export const TONS = ['ST'] as const;
export const TONS_PER_DAY = ['ST/d', 'ST/day'] as const;
