/**
 * Analytic moments of distributions, for feasibility checks (is the mean preparation rate 0?)
 * and for the statistical tests of the samplers.
 */
import type { DistSpec } from '../scenario/types.ts';
import { assertDist } from './check.ts';
import { gammaFn, normalCdf, normalPdf } from './special.ts';

/** The analytic mean of a distribution (truncation included); throws like `sampler` on bad parameters. */
export function distMean(spec: DistSpec): number {
  assertDist(spec);
  switch (spec.kind) {
    case 'fixed':
      return spec.value;
    case 'exponential':
      return spec.mean;
    case 'uniform':
      return (spec.min + spec.max) / 2;
    case 'triangular':
      return (spec.min + spec.mode + spec.max) / 3;
    case 'normal': {
      const t = truncation(spec.mean, spec.sd, spec.min, spec.max);
      return spec.mean + spec.sd * t.shift;
    }
    case 'lognormal':
      return Math.exp(spec.mu + (spec.sigma * spec.sigma) / 2);
    case 'gamma':
      return spec.shape * spec.scale;
    case 'weibull':
      return spec.scale * gammaFn(1 + 1 / spec.shape);
    case 'empirical':
      return weighted(spec.values, spec.weights, (v) => v);
    case 'bernoulli':
      return spec.p;
  }
}

/** The analytic variance of a distribution (truncation included); throws like `sampler` on bad parameters. */
export function distVariance(spec: DistSpec): number {
  assertDist(spec);
  switch (spec.kind) {
    case 'fixed':
      return 0;
    case 'exponential':
      return spec.mean * spec.mean;
    case 'uniform':
      return (spec.max - spec.min) ** 2 / 12;
    case 'triangular': {
      const { min: a, mode: c, max: b } = spec;
      return (a * a + b * b + c * c - a * b - a * c - b * c) / 18;
    }
    case 'normal': {
      const t = truncation(spec.mean, spec.sd, spec.min, spec.max);
      return spec.sd * spec.sd * (1 + t.spread - t.shift * t.shift);
    }
    case 'lognormal': {
      const s2 = spec.sigma * spec.sigma;
      return Math.expm1(s2) * Math.exp(2 * spec.mu + s2);
    }
    case 'gamma':
      return spec.shape * spec.scale * spec.scale;
    case 'weibull': {
      const g1 = gammaFn(1 + 1 / spec.shape);
      return spec.scale * spec.scale * (gammaFn(1 + 2 / spec.shape) - g1 * g1);
    }
    case 'empirical': {
      const m = weighted(spec.values, spec.weights, (v) => v);
      return weighted(spec.values, spec.weights, (v) => (v - m) ** 2);
    }
    case 'bernoulli':
      return spec.p * (1 - spec.p);
  }
}

/** Standardised shift of the mean and extra spread of a normal truncated to [min, max]. */
function truncation(mean: number, sd: number, min?: number, max?: number): { shift: number; spread: number } {
  const alpha = min === undefined ? -Infinity : (min - mean) / sd;
  const beta = max === undefined ? Infinity : (max - mean) / sd;
  const z = normalCdf(beta) - normalCdf(alpha);
  const pa = Number.isFinite(alpha) ? normalPdf(alpha) : 0;
  const pb = Number.isFinite(beta) ? normalPdf(beta) : 0;
  const aa = Number.isFinite(alpha) ? alpha * pa : 0;
  const bb = Number.isFinite(beta) ? beta * pb : 0;
  return { shift: (pa - pb) / z, spread: (aa - bb) / z };
}

function weighted(values: number[], weights: number[] | undefined, f: (v: number) => number): number {
  let sum = 0;
  let total = 0;
  values.forEach((v, i) => {
    const w = weights === undefined ? 1 : (weights[i] as number);
    sum += w * f(v);
    total += w;
  });
  return sum / total;
}

/** The smallest and largest values a distribution can draw (possibly infinite); throws like `sampler` on bad parameters. */
export function distRange(spec: DistSpec): [number, number] {
  assertDist(spec);
  switch (spec.kind) {
    case 'fixed':
      return [spec.value, spec.value];
    case 'uniform':
    case 'triangular':
      return [spec.min, spec.max];
    case 'normal':
      return [spec.min ?? -Infinity, spec.max ?? Infinity];
    case 'exponential':
    case 'lognormal':
    case 'gamma':
    case 'weibull':
      return [0, Infinity];
    case 'empirical': {
      const used = spec.values.filter((_, i) => spec.weights === undefined || (spec.weights[i] as number) > 0);
      return [Math.min(...used), Math.max(...used)];
    }
    case 'bernoulli':
      return [spec.p === 1 ? 1 : 0, spec.p === 0 ? 0 : 1];
  }
}
