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
 * Quantile q in [0, 1] of a population of `total` values of which those counted in
 * `counts[offset .. offset + bins)` fell in unit-wide bins [j, j + 1) and the rest are +Infinity
 * (replications that never finished). Interpolates inside the bin, so it is within one bin
 * width of the exact quantile. Returns null when the quantile falls among the infinite values
 * ("the P90 is after the horizon"), NaN when total is 0.
 */
export function binnedQuantile(counts: ArrayLike<number>, offset: number, bins: number, total: number, q: number): number | null {
  if (total === 0) return NaN;
  let finished = 0;
  for (let j = 0; j < bins; j++) finished += counts[offset + j] as number;
  const rank = q * total;
  if (rank > finished || finished === 0) return null;
  let cum = 0;
  for (let j = 0; j < bins; j++) {
    const c = counts[offset + j] as number;
    if (c > 0 && cum + c >= rank) return j + Math.max(0, rank - cum) / c;
    cum += c;
  }
  return bins;
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
