/**
 * Samplers: a distribution spec compiled once into a small closure that draws from a stream.
 *
 * Why closures: the model draws about a thousand numbers per replication, so everything that can
 * be computed from the parameters (cumulative weights, Marsaglia-Tsang constants) is computed
 * once here. Samplers keep no state between calls (no cached second normal), so one sampler can
 * serve many streams and a stream's numbers depend only on its own draws.
 */
import type { DistSpec } from '../scenario/types.ts';
import { assertDist } from './check.ts';
import type { Stream } from './stream.ts';

/** Draws one number from a stream. */
export type Sampler = (s: Stream) => number;

/** Draws before a truncated normal gives up (the check keeps the window's mass >= 1%, so this never happens by chance). */
export const MAX_TRUNCATION_TRIES = 5000;

/**
 * Compiles a distribution into a sampler; throws `Distribution "<label>" (<kind>): ...` naming the
 * bad parameter and its value.
 */
export function sampler(spec: DistSpec, label?: string): Sampler {
  assertDist(spec, label);
  switch (spec.kind) {
    case 'fixed': {
      const v = spec.value;
      return () => v;
    }
    case 'exponential': {
      const m = spec.mean;
      return (s) => -m * Math.log(1 - s.next());
    }
    case 'uniform': {
      const a = spec.min;
      const w = spec.max - spec.min;
      return (s) => a + w * s.next();
    }
    case 'triangular':
      return triangular(spec.min, spec.mode, spec.max);
    case 'normal':
      return normal(spec.mean, spec.sd, spec.min, spec.max, label ?? 'normal');
    case 'lognormal': {
      const { mu, sigma } = spec;
      return (s) => Math.exp(mu + sigma * standardNormal(s));
    }
    case 'gamma':
      return gamma(spec.shape, spec.scale);
    case 'weibull': {
      const inv = 1 / spec.shape;
      const scale = spec.scale;
      return (s) => scale * Math.pow(-Math.log(1 - s.next()), inv);
    }
    case 'empirical':
      return empirical(spec.values, spec.weights);
    case 'bernoulli': {
      const p = spec.p;
      return (s) => (s.next() < p ? 1 : 0);
    }
  }
}

/** A standard normal draw (Box-Muller, one of the pair; 1 - u keeps the log argument in (0, 1]). */
export function standardNormal(s: Stream): number {
  const u1 = 1 - s.next();
  const u2 = s.next();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

function triangular(min: number, mode: number, max: number): Sampler {
  const width = max - min;
  const cut = (mode - min) / width;
  const left = width * (mode - min);
  const right = width * (max - mode);
  // Inverse CDF: one uniform per draw.
  return (s) => {
    const u = s.next();
    return u < cut ? min + Math.sqrt(u * left) : max - Math.sqrt((1 - u) * right);
  };
}

function normal(mean: number, sd: number, min: number | undefined, max: number | undefined, label: string): Sampler {
  if (min === undefined && max === undefined) return (s) => mean + sd * standardNormal(s);
  const lo = min ?? -Infinity;
  const hi = max ?? Infinity;
  return (s) => {
    for (let i = 0; i < MAX_TRUNCATION_TRIES; i++) {
      const x = mean + sd * standardNormal(s);
      if (x >= lo && x <= hi) return x;
    }
    throw new Error(
      `Distribution "${label}" (normal): no draw inside [${lo}, ${hi}] in ${MAX_TRUNCATION_TRIES} tries (mean ${mean}, sd ${sd})`,
    );
  };
}

const MAX_GAMMA_TRIES = 1000;

function gamma(shape: number, scale: number): Sampler {
  // Marsaglia & Tsang (2000) for shape >= 1; for shape < 1, boost with shape + 1 and multiply
  // by U^(1/shape) (their section 6).
  const boost = shape < 1;
  const a = boost ? shape + 1 : shape;
  const d = a - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  const invShape = 1 / shape;
  return (s) => {
    let x = NaN;
    // Acceptance is above 95% for every shape, so the bound is only a guard against a broken stream.
    for (let tries = 0; tries < MAX_GAMMA_TRIES && x !== x; tries++) {
      let z: number;
      let v: number;
      do {
        z = standardNormal(s);
        v = 1 + c * z;
      } while (v <= 0);
      v = v * v * v;
      const u = 1 - s.next();
      if (u < 1 - 0.0331 * z * z * z * z || Math.log(u) < 0.5 * z * z + d * (1 - v + Math.log(v))) {
        x = d * v;
      }
    }
    if (x !== x) throw new Error(`Distribution gamma: no draw accepted in ${MAX_GAMMA_TRIES} tries (shape ${shape})`);
    if (boost) x *= Math.pow(1 - s.next(), invShape);
    return x * scale;
  };
}

function empirical(values: number[], weights: number[] | undefined): Sampler {
  const n = values.length;
  const vals = Float64Array.from(values);
  if (weights === undefined) return (s) => vals[Math.floor(s.next() * n)] as number;
  const cum = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += weights[i] as number;
    cum[i] = total;
  }
  return (s) => {
    const target = s.next() * total;
    // First index whose cumulative weight exceeds the target (binary search).
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cum[mid] as number) > target) hi = mid;
      else lo = mid + 1;
    }
    return vals[lo] as number;
  };
}
