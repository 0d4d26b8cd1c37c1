/**
 * Parameter checks for distributions, returned as data so the scenario layer can attach paths
 * and the samplers can throw with the same words.
 */
import type { DistSpec } from '../scenario/types.ts';
import { normalCdf } from './special.ts';

/** One problem with a distribution's parameters: the field (e.g. "sd", "weights.2") and what is wrong. */
export interface DistProblem {
  field: string;
  message: string;
}

/** A truncated normal must keep at least this much probability inside [min, max]. */
export const MIN_TRUNCATED_MASS = 0.01;

const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const show = (x: unknown): string => (typeof x === 'number' ? String(x) : JSON.stringify(x));

/** Every problem with a distribution's parameters; [] when it can be sampled. */
export function distProblems(spec: DistSpec): DistProblem[] {
  const out: DistProblem[] = [];
  const need = (field: string, value: unknown, ok: boolean, what: string): void => {
    if (!ok) out.push({ field, message: `expected ${what}, got ${show(value)}` });
  };
  const positive = (field: string, value: unknown): void =>
    need(field, value, finite(value) && value > 0, 'a number > 0');
  const number = (field: string, value: unknown): void => need(field, value, finite(value), 'a finite number');

  switch (spec.kind) {
    case 'fixed':
      number('value', spec.value);
      break;
    case 'exponential':
      positive('mean', spec.mean);
      break;
    case 'uniform':
      number('min', spec.min);
      number('max', spec.max);
      if (finite(spec.min) && finite(spec.max)) need('max', spec.max, spec.max >= spec.min, `a number >= min (${spec.min})`);
      break;
    case 'triangular':
      number('min', spec.min);
      number('mode', spec.mode);
      number('max', spec.max);
      if (finite(spec.min) && finite(spec.mode) && finite(spec.max)) {
        need('mode', spec.mode, spec.mode >= spec.min, `a number >= min (${spec.min})`);
        need('max', spec.max, spec.max >= spec.mode, `a number >= mode (${spec.mode})`);
        need('max', spec.max, spec.max > spec.min, `a number > min (${spec.min})`);
      }
      break;
    case 'normal':
      number('mean', spec.mean);
      positive('sd', spec.sd);
      if (spec.min !== undefined) number('min', spec.min);
      if (spec.max !== undefined) number('max', spec.max);
      if (out.length === 0) {
        const lo = spec.min ?? -Infinity;
        const hi = spec.max ?? Infinity;
        if (hi <= lo) {
          out.push({ field: 'max', message: `expected a number > min (${lo}), got ${hi}` });
        } else {
          const mass = normalCdf((hi - spec.mean) / spec.sd) - normalCdf((lo - spec.mean) / spec.sd);
          if (mass < MIN_TRUNCATED_MASS) {
            out.push({
              field: spec.min !== undefined ? 'min' : 'max',
              message: `truncation [${lo}, ${hi}] keeps only ${mass.toPrecision(2)} of the probability (needs >= ${MIN_TRUNCATED_MASS}); widen it or move the mean`,
            });
          }
        }
      }
      break;
    case 'lognormal':
      number('mu', spec.mu);
      positive('sigma', spec.sigma);
      break;
    case 'gamma':
    case 'weibull':
      positive('shape', spec.shape);
      positive('scale', spec.scale);
      break;
    case 'empirical': {
      if (!Array.isArray(spec.values) || spec.values.length === 0) {
        out.push({ field: 'values', message: `expected a non-empty list of numbers, got ${show(spec.values)}` });
        break;
      }
      spec.values.forEach((v, i) => number(`values.${i}`, v));
      if (spec.weights !== undefined) {
        if (!Array.isArray(spec.weights) || spec.weights.length !== spec.values.length) {
          out.push({
            field: 'weights',
            message: `expected ${spec.values.length} weights (one per value), got ${Array.isArray(spec.weights) ? spec.weights.length : show(spec.weights)}`,
          });
        } else {
          spec.weights.forEach((w, i) => need(`weights.${i}`, w, finite(w) && w >= 0, 'a number >= 0'));
          const total = spec.weights.reduce((a, b) => a + (finite(b) && b > 0 ? b : 0), 0);
          if (total <= 0) out.push({ field: 'weights', message: 'expected at least one weight > 0, got all 0' });
        }
      }
      break;
    }
    case 'bernoulli':
      need('p', spec.p, finite(spec.p) && spec.p >= 0 && spec.p <= 1, 'a probability in [0, 1]');
      break;
    default:
      out.push({ field: 'kind', message: `unknown distribution kind ${show((spec as { kind: unknown }).kind)}` });
  }
  return out;
}

/** Throws `Distribution <label> (<kind>): <field>: <message>` for the first problem, if any. */
export function assertDist(spec: DistSpec, label?: string): void {
  const problems = distProblems(spec);
  const first = problems[0];
  if (first !== undefined) {
    const name = label === undefined ? `Distribution ${spec.kind}` : `Distribution "${label}" (${spec.kind})`;
    throw new Error(`${name}: ${first.field}: ${first.message}`);
  }
}
