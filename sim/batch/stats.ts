/**
 * Small, exact statistics used by the batch summary. Pure functions, no state.
 */

/** z for a two-sided 95% interval. */
export const Z95 = 1.959963984540054;

/**
 * Wilson score interval for a binomial proportion: successes out of n, at confidence z.
 * Better than the normal interval near 0 and 1, where withdrawal probabilities often sit.
 * Throws on n < 1 or successes outside [0, n].
 */
export function wilson(successes: number, n: number, z = Z95): [number, number] {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`wilson: n must be an integer >= 1, got ${n}`);
  if (!(successes >= 0 && successes <= n)) {
    throw new RangeError(`wilson: successes must be in [0, ${n}], got ${successes}`);
  }
  const p = successes / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  // At 0 and n the bounds are exactly 0 and 1 in theory; keep rounding from moving them.
  return [successes === 0 ? 0 : Math.max(0, centre - half), successes === n ? 1 : Math.min(1, centre + half)];
}

/**
 * Quantile q in [0, 1] of ascending-sorted finite values, by linear interpolation between order
 * statistics (Hyndman-Fan type 7, the default of R and numpy). NaN for an empty array.
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (h - lo) * (b - a);
}

/**
 * Quantile q of a population where `sorted` holds the finite values and `missing` more values
 * are +Infinity (replications that never finished). Returns null when the quantile falls among
 * the missing ones: "the P90 completion is after the horizon".
 */
export function quantileWithMissing(sorted: ArrayLike<number>, missing: number, q: number): number | null {
  const total = sorted.length + missing;
  if (total === 0) return null;
  const rank = (total - 1) * q;
  if (Math.ceil(rank) > sorted.length - 1) return null;
  return quantileSorted(sorted, rank / Math.max(1, sorted.length - 1));
}

/**
 * Quantile q of values recorded in a histogram whose bin 0 holds exact zeros and bins 1..B
 * split (0, max] evenly. Interpolates inside the bin; exact at 0, within max/B elsewhere.
 */
export function histogramQuantile(counts: ArrayLike<number>, offset: number, bins: number, max: number, q: number): number {
  let total = 0;
  for (let i = 0; i <= bins; i++) total += counts[offset + i] as number;
  if (total === 0) return NaN;
  const target = q * total;
  let cum = 0;
  for (let i = 0; i <= bins; i++) {
    const c = counts[offset + i] as number;
    if (c > 0 && cum + c >= target) {
      if (i === 0) return 0;
      const width = max / bins;
      const frac = c === 0 ? 0 : (target - cum) / c;
      return (i - 1) * width + frac * width;
    }
    cum += c;
  }
  return max;
}
