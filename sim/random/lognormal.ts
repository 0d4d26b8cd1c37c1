/**
 * Lognormal parameters from the figures planners actually quote (a median and a 90th
 * percentile, or a mean and a standard deviation) rather than from log-space mu and sigma.
 */
import type { DistSpec } from '../scenario/types.ts';
import { Z90 } from './special.ts';

type Lognormal = Extract<DistSpec, { kind: 'lognormal' }>;

/** The lognormal whose median and 90th percentile are the given values; throws unless 0 < median < p90. */
export function lognormalFromMedianP90(median: number, p90: number): Lognormal {
  if (!(Number.isFinite(median) && median > 0)) {
    throw new Error(`lognormalFromMedianP90: median must be a number > 0, got ${median}`);
  }
  if (!(Number.isFinite(p90) && p90 > median)) {
    throw new Error(`lognormalFromMedianP90: p90 must be a number > median (${median}), got ${p90}`);
  }
  return { kind: 'lognormal', mu: Math.log(median), sigma: (Math.log(p90) - Math.log(median)) / Z90 };
}

/** The lognormal with the given mean and standard deviation; throws unless mean > 0 and sd > 0. */
export function lognormalFromMeanSd(mean: number, sd: number): Lognormal {
  if (!(Number.isFinite(mean) && mean > 0)) {
    throw new Error(`lognormalFromMeanSd: mean must be a number > 0, got ${mean}`);
  }
  if (!(Number.isFinite(sd) && sd > 0)) {
    throw new Error(`lognormalFromMeanSd: sd must be a number > 0, got ${sd}`);
  }
  const s2 = Math.log1p((sd * sd) / (mean * mean));
  return { kind: 'lognormal', mu: Math.log(mean) - s2 / 2, sigma: Math.sqrt(s2) };
}
