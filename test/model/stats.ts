/**
 * Helpers for the model's statistical tests: many replications, and 95% intervals built from
 * independent replications (paired by replication number, so both arms of a comparison see the
 * same numbers from every source the change does not touch).
 */
import { createModel } from '../../sim/model/index.ts';
import type { ReplicationResult, RunOptions } from '../../sim/model/index.ts';
import type { Scenario } from '../../sim/scenario/types.ts';

/** Two-sided 95% normal quantile (n >= 100 replications, so t is within 1% of it). */
const Z975 = 1.959963984540054;

export interface Interval {
  mean: number;
  lo: number;
  hi: number;
  text: string;
}

/** Runs replications 0..n-1 of a scenario with one seed. */
export function runMany(scenario: Scenario, n: number, seed = 'model-tests', options?: RunOptions): ReplicationResult[] {
  const m = createModel(scenario);
  return Array.from({ length: n }, (_, i) => m.run(seed, i, options));
}

/** 95% interval for the mean of independent observations. */
export function meanCI(xs: number[]): Interval {
  const n = xs.length;
  if (n < 2) throw new Error(`meanCI: need at least 2 observations, got ${n}`);
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const v = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  const half = (Z975 * Math.sqrt(v)) / Math.sqrt(n);
  return { mean, lo: mean - half, hi: mean + half, text: `${mean.toFixed(2)} [${(mean - half).toFixed(2)}, ${(mean + half).toFixed(2)}]` };
}

/** 95% interval for the mean of b[i] - a[i] (paired replications). */
export function pairedDiffCI(a: number[], b: number[]): Interval {
  if (a.length !== b.length) throw new Error(`pairedDiffCI: arms differ in length (${a.length} vs ${b.length})`);
  return meanCI(b.map((x, i) => x - (a[i] as number)));
}

/** Wilson 95% interval for a proportion k/n. */
export function wilson(k: number, n: number): Interval {
  const p = k / n;
  const z2 = Z975 * Z975;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z975 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return { mean: p, lo: centre - half, hi: centre + half, text: `${p.toFixed(3)} [${(centre - half).toFixed(3)}, ${(centre + half).toFixed(3)}]` };
}

/** Completion hours, the horizon standing in for replications that did not finish. */
export function completion(rs: ReplicationResult[], horizonH: number): number[] {
  return rs.map((r) => r.completedH ?? horizonH);
}
