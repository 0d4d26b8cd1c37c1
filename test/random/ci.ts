/**
 * Confidence intervals from independent replications, for the statistical tests of sim/random.
 * Each replication is its own stream (seed, r, source); its estimate is one observation.
 */
import { createStream, type Stream } from '../../sim/random/index.ts';

/** Replications per check; the t quantile below is for REPLICATIONS - 1 degrees of freedom. */
export const REPLICATIONS = 30;
/** Two-sided 99% Student t quantile with 29 degrees of freedom. */
const T_995_29 = 2.756;

export interface Interval {
  estimate: number;
  lo: number;
  hi: number;
  contains(x: number): boolean;
  text: string;
}

/** A 99% t interval for the mean of independent estimates. */
export function interval99(estimates: number[]): Interval {
  if (estimates.length !== REPLICATIONS) throw new Error(`interval99: need ${REPLICATIONS} estimates, got ${estimates.length}`);
  const n = estimates.length;
  const mean = estimates.reduce((a, b) => a + b, 0) / n;
  const variance = estimates.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  const half = (T_995_29 * Math.sqrt(variance)) / Math.sqrt(n);
  const lo = mean - half;
  const hi = mean + half;
  return { estimate: mean, lo, hi, contains: (x) => x >= lo && x <= hi, text: `${mean} in [${lo}, ${hi}]` };
}

/** Runs `perReplication` on REPLICATIONS independent streams and returns the estimates, one per stream. */
export function replicate<T>(seed: string, source: string, perReplication: (s: Stream) => T): T[] {
  return Array.from({ length: REPLICATIONS }, (_, r) => perReplication(createStream(seed, r, source)));
}

/** Sample mean and (unbiased) variance of n draws. */
export function moments(draw: () => number, n: number): { mean: number; variance: number } {
  let mean = 0;
  let m2 = 0;
  for (let i = 1; i <= n; i++) {
    const x = draw();
    const d = x - mean;
    mean += d / i;
    m2 += d * (x - mean);
  }
  return { mean, variance: m2 / (n - 1) };
}
