/**
 * Distributions in scenario files, in readable forms, converted to `DistSpec`:
 *
 *   24h                                   fixed (a bare value)
 *   { fixed: 24h }
 *   { exponential: 12h }                  or { exponential: { mean: 12h } }
 *   { uniform: [1h, 4h] }                 or { uniform: { min: 1h, max: 4h } }
 *   { triangular: [1h, 2h, 4h] }          or { triangular: { min, mode, max } }
 *   { normal: { mean: 3h, sd: 1h, min: 0h, max: 8h } }    (min/max truncate; min >= 0 required)
 *   { lognormal: { median: 24h, p90: 72h } }  or { mean, sd }  or { mu, sigma } (log of hours/units)
 *   { gamma: { shape: 2, scale: 6h } }    or { gamma: { mean: 12h, sd: 8h } }
 *   { weibull: { shape: 1.5, scale: 10h } }
 *   { empirical: [2h, 3h, 8h] }           or { empirical: { values: [...], weights: [...] } }
 *   { bernoulli: 0.3 }
 *
 * Values are durations or quantities depending on the field. Every distribution in a scenario
 * is of a non-negative quantity, so a normal must be truncated at min >= 0.
 */
import type { z } from 'zod';
import type { DistSpec } from './types.ts';
import { distProblems, lognormalFromMeanSd, lognormalFromMedianP90 } from '../random/index.ts';
import { expected, show } from './issues.ts';
import { leaf } from './leaves.ts';
import { unknownMessage } from './suggest.ts';
import type { Parsed } from './units.ts';

type Path = (string | number)[];
type Report = (path: Path, message: string) => void;

const KINDS = ['fixed', 'exponential', 'uniform', 'triangular', 'normal', 'lognormal', 'gamma', 'weibull', 'empirical', 'bernoulli'] as const;
const EXAMPLE = '{ lognormal: { median: 24h, p90: 72h } }';

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A distribution whose values are read by `value` (durations, tons...); `what` names such a
 * value in messages, and `example` is a distribution of such values for hints.
 */
export function distribution(what: string, value: (input: unknown) => Parsed<number>, valueJson: Record<string, unknown>, example = EXAMPLE): z.ZodType<DistSpec> {
  return leaf('distribution', distJson(valueJson, what, example), (input, report) => parseDist(input, what, value, report, example));
}

function parseDist(input: unknown, what: string, value: (input: unknown) => Parsed<number>, report: Report, example: string): DistSpec | undefined {
  if (!isMap(input)) {
    if (Array.isArray(input) || input === undefined || input === null || typeof input === 'boolean') {
      report([], expected(`a ${what} or a distribution like ${example}`, input));
      return undefined;
    }
    const v = value(input);
    if (!v.ok) return void report([], `${v.message}; or give a distribution like ${example}`);
    return { kind: 'fixed', value: v.value };
  }
  const keys = Object.keys(input);
  if (keys.length !== 1) {
    report([], `expected exactly one distribution kind (${KINDS.join(', ')}), got ${keys.length === 0 ? 'none' : keys.map((k) => `"${k}"`).join(', ')}`);
    return undefined;
  }
  const kind = keys[0] as string;
  if (!(KINDS as readonly string[]).includes(kind)) return void report([kind], unknownMessage('distribution', kind, KINDS));
  const body = input[kind];
  const at: Record<string, Path> = {};
  // Each field as the file wrote it and as read, so that messages can quote the file's own units.
  const written: Record<string, Written> = {};
  let bad = false;
  const sub: Report = (p, m) => {
    bad = true;
    report([kind, ...p], m);
  };
  // Reads a value (duration, tons...) or a plain number at `path` under the kind.
  const read = (v: unknown, path: Path, field: string, plain = false): number => {
    at[field] = [kind, ...path];
    if (plain) {
      if (typeof v === 'number' && Number.isFinite(v)) return (written[field] = { input: v, value: v, plain: true }).value;
      sub(path, expected('a number', v));
      return NaN;
    }
    const r = value(v);
    if (!r.ok) sub(path, r.message);
    if (r.ok) written[field] = { input: v, value: r.value, plain: false };
    return r.ok ? r.value : NaN;
  };
  // Object form: reports unknown and missing keys; returns the body or undefined.
  const form = (allowed: string[], required: string[]): Record<string, unknown> | undefined => {
    if (!isMap(body)) return void sub([], expected(`a mapping with ${required.join(', ')}`, body));
    for (const k of Object.keys(body)) if (!allowed.includes(k)) sub([k], unknownMessage('key', k, allowed));
    return body;
  };
  // List form [a, b] or [a, b, c]; returns the values or undefined.
  const list = (names: string[]): number[] | undefined => {
    if (!Array.isArray(body)) return undefined;
    if (body.length !== names.length) return void sub([], `expected ${names.length} values [${names.join(', ')}], got ${body.length}`);
    return body.map((v, i) => read(v, [i], names[i] as string));
  };

  let spec: DistSpec | undefined;
  switch (kind) {
    case 'fixed':
      spec = { kind: 'fixed', value: read(body, [], 'value') };
      break;
    case 'exponential': {
      const b = isMap(body) ? form(['mean'], ['mean']) : undefined;
      spec = { kind: 'exponential', mean: b ? read(b.mean, ['mean'], 'mean') : read(body, [], 'mean') };
      break;
    }
    case 'uniform': {
      const l = list(['min', 'max']);
      const b = l ? undefined : form(['min', 'max'], ['min', 'max']);
      if (l) spec = { kind: 'uniform', min: l[0] as number, max: l[1] as number };
      else if (b) spec = { kind: 'uniform', min: read(b.min, ['min'], 'min'), max: read(b.max, ['max'], 'max') };
      break;
    }
    case 'triangular': {
      const l = list(['min', 'mode', 'max']);
      const b = l ? undefined : form(['min', 'mode', 'max'], ['min', 'mode', 'max']);
      if (l) spec = { kind: 'triangular', min: l[0] as number, mode: l[1] as number, max: l[2] as number };
      else if (b) spec = { kind: 'triangular', min: read(b.min, ['min'], 'min'), mode: read(b.mode, ['mode'], 'mode'), max: read(b.max, ['max'], 'max') };
      break;
    }
    case 'normal': {
      const b = form(['mean', 'sd', 'min', 'max'], ['mean', 'sd', 'min']);
      if (!b) break;
      if (b.min === undefined) sub(['min'], `missing: a normal ${what} needs a min (0 or more) so that draws are never negative`);
      spec = { kind: 'normal', mean: read(b.mean, ['mean'], 'mean'), sd: read(b.sd, ['sd'], 'sd'), min: b.min === undefined ? 0 : read(b.min, ['min'], 'min') };
      if (b.max !== undefined) spec.max = read(b.max, ['max'], 'max');
      break;
    }
    case 'lognormal':
      spec = lognormal(body, form, read, sub);
      break;
    case 'gamma': {
      const b = isMap(body) && 'mean' in body ? form(['mean', 'sd'], ['mean', 'sd']) : form(['shape', 'scale'], ['shape', 'scale']);
      if (!b) break;
      if ('mean' in b) {
        const mean = read(b.mean, ['mean'], 'shape');
        const sd = read(b.sd, ['sd'], 'scale');
        if (!bad && !(sd > 0)) sub(['sd'], expected(`${what} > 0`, b.sd));
        if (!bad && !(mean > 0)) sub(['mean'], expected(`${what} > 0`, b.mean));
        spec = { kind: 'gamma', shape: (mean / sd) ** 2, scale: (sd * sd) / mean };
      } else {
        spec = { kind: 'gamma', shape: read(b.shape, ['shape'], 'shape', true), scale: read(b.scale, ['scale'], 'scale') };
      }
      break;
    }
    case 'weibull': {
      const b = form(['shape', 'scale'], ['shape', 'scale']);
      if (b) spec = { kind: 'weibull', shape: read(b.shape, ['shape'], 'shape', true), scale: read(b.scale, ['scale'], 'scale') };
      break;
    }
    case 'empirical': {
      const b = Array.isArray(body) ? { values: body } : form(['values', 'weights'], ['values']);
      if (!b) break;
      const prefix: Path = Array.isArray(body) ? [] : ['values'];
      if (!Array.isArray(b.values) || b.values.length === 0) {
        sub(prefix, expected(`a non-empty list of ${what}s`, b.values));
        break;
      }
      spec = { kind: 'empirical', values: b.values.map((v, i) => read(v, [...prefix, i], `values.${i}`)) };
      at.values = [kind, ...prefix];
      if (b.weights !== undefined) {
        at.weights = [kind, 'weights'];
        if (!Array.isArray(b.weights)) sub(['weights'], expected('a list of numbers >= 0', b.weights));
        else spec.weights = b.weights.map((w, i) => read(w, ['weights', i], `weights.${i}`, true));
      }
      break;
    }
    case 'bernoulli':
      at.p = [kind];
      spec = { kind: 'bernoulli', p: typeof body === 'number' ? body : NaN };
      if (typeof body !== 'number') sub([], expected('a probability between 0 and 1', body));
      break;
  }
  if (bad || spec === undefined) return undefined;
  const asWritten = inFileWords(spec, written, what);
  for (const p of distProblems(spec)) report(at[p.field] ?? [kind], asWritten(p.field, p.message));
  if (spec.kind === 'normal' && spec.min !== undefined && spec.min < 0) {
    report(at.min ?? [kind], asWritten('min', `expected min >= 0 so draws are never negative, got ${spec.min}`));
  }
  return spec;
}

/** A parameter as the file wrote it, its value as read, and whether it is a plain number by definition (a shape). */
interface Written {
  input: unknown;
  value: number;
  plain: boolean;
}

/**
 * Rewrites a parameter problem, which the samplers state in internal numbers (hours, ST), in
 * the file's own words: "expected a number >= min (18), got 16" becomes "... >= min (18h), got
 * 16h". A figure is replaced only where the field was read as written (not derived, as the
 * shape of a gamma given by mean and sd is).
 */
function inFileWords(spec: DistSpec, written: Record<string, Written>, what: string): (field: string, message: string) => string {
  const valueOf = (field: string): unknown => field.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], spec);
  const text = (field: string): string | undefined => {
    const w = written[field];
    if (w === undefined || valueOf(field) !== w.value) return undefined;
    return typeof w.input === 'string' ? w.input.trim() : show(w.input);
  };
  return (field, message) => {
    let m = message;
    const own = text(field);
    if (own !== undefined) m = m.replace(/, got [^,;]*$/, `, got ${own}`);
    if (own !== undefined && written[field]?.plain === false) m = m.replace(/^expected a number /, `expected a ${what} `);
    for (const f of ['min', 'mode']) {
      const t = text(f);
      if (t !== undefined) m = m.replace(`${f} (${String(valueOf(f))})`, `${f} (${t})`);
    }
    const lo = text('min');
    const hi = text('max');
    if (lo !== undefined || hi !== undefined) m = m.replace(/^truncation \[([^,]*), ([^\]]*)\]/, (_, a: string, b: string) => `truncation [${lo ?? a}, ${hi ?? b}]`);
    return m;
  };
}

function lognormal(
  body: unknown,
  form: (allowed: string[], required: string[]) => Record<string, unknown> | undefined,
  read: (v: unknown, path: Path, field: string, plain?: boolean) => number,
  sub: Report,
): DistSpec | undefined {
  const has = (k: string) => isMap(body) && k in body;
  if (has('median') || has('p90')) {
    const b = form(['median', 'p90'], ['median', 'p90']);
    if (!b) return undefined;
    const median = read(b.median, ['median'], 'mu');
    const p90 = read(b.p90, ['p90'], 'sigma');
    if (Number.isNaN(median) || Number.isNaN(p90)) return undefined;
    if (!(median > 0)) return void sub(['median'], expected('a median > 0', b.median));
    if (!(p90 > median)) return void sub(['p90'], `expected a 90th percentile above the median (${show(b.median)}), got ${show(b.p90)}`);
    return lognormalFromMedianP90(median, p90);
  }
  if (has('mean') || has('sd')) {
    const b = form(['mean', 'sd'], ['mean', 'sd']);
    if (!b) return undefined;
    const mean = read(b.mean, ['mean'], 'mu');
    const sd = read(b.sd, ['sd'], 'sigma');
    if (Number.isNaN(mean) || Number.isNaN(sd)) return undefined;
    if (!(mean > 0)) return void sub(['mean'], expected('a mean > 0', b.mean));
    if (!(sd > 0)) return void sub(['sd'], expected('a standard deviation > 0', b.sd));
    return lognormalFromMeanSd(mean, sd);
  }
  const b = form(['mu', 'sigma'], ['mu', 'sigma']);
  if (!b) return undefined;
  return { kind: 'lognormal', mu: read(b.mu, ['mu'], 'mu', true), sigma: read(b.sigma, ['sigma'], 'sigma', true) };
}

function distJson(value: Record<string, unknown>, what: string, example: string): Record<string, unknown> {
  // A value that passed `value`'s own schema is zero exactly when it has no non-zero digit.
  const positive = { allOf: [value, { not: { anyOf: [{ const: 0 }, { type: 'string', pattern: '^[^1-9]*$' }] } }] };
  const plain = { type: 'number' };
  const plainPositive = { type: 'number', exclusiveMinimum: 0 };
  const one = (kind: string, body: unknown) => ({ type: 'object', properties: { [kind]: body }, required: [kind], additionalProperties: false });
  const obj = (props: Record<string, unknown>, required: string[]) => ({ type: 'object', properties: props, required, additionalProperties: false });
  const tuple = (n: number) => ({ type: 'array', items: value, minItems: n, maxItems: n });
  // Rules between two parameters (min <= mode <= max, p90 above the median, the mass a
  // truncation keeps) are beyond JSON Schema: the parser states them.
  return {
    description: `A ${what}, or a distribution of them, e.g. ${example}.`,
    anyOf: [
      value,
      one('fixed', value),
      one('exponential', { anyOf: [positive, obj({ mean: positive }, ['mean'])] }),
      one('uniform', { anyOf: [tuple(2), obj({ min: value, max: value }, ['min', 'max'])] }),
      one('triangular', { anyOf: [tuple(3), obj({ min: value, mode: value, max: value }, ['min', 'mode', 'max'])] }),
      one('normal', obj({ mean: value, sd: positive, min: value, max: value }, ['mean', 'sd', 'min'])),
      one('lognormal', {
        anyOf: [obj({ median: positive, p90: positive }, ['median', 'p90']), obj({ mean: positive, sd: positive }, ['mean', 'sd']), obj({ mu: plain, sigma: plainPositive }, ['mu', 'sigma'])],
      }),
      one('gamma', { anyOf: [obj({ shape: plainPositive, scale: positive }, ['shape', 'scale']), obj({ mean: positive, sd: positive }, ['mean', 'sd'])] }),
      one('weibull', obj({ shape: plainPositive, scale: positive }, ['shape', 'scale'])),
      one('empirical', {
        anyOf: [
          { type: 'array', items: value, minItems: 1 },
          obj({ values: { type: 'array', items: value, minItems: 1 }, weights: { type: 'array', items: { type: 'number', minimum: 0 } } }, ['values']),
        ],
      }),
      one('bernoulli', { type: 'number', minimum: 0, maximum: 1 }),
    ],
  };
}
