/**
 * The 97.5% quantile of Student's t, for 95% confidence half-widths.
 */

// Exact values for 1..30 degrees of freedom (standard tables).
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
  2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/** t such that P(T <= t) = 0.975 for `df` degrees of freedom (>= 1); throws on df < 1. */
export function tQuantile975(df: number): number {
  if (!(df >= 1)) throw new Error(`tQuantile975: degrees of freedom must be >= 1, got ${String(df)}`);
  const k = Math.floor(df);
  if (k <= 30) return T975[k - 1] as number;
  // Cornish-Fisher expansion around the normal quantile; error < 1e-4 beyond 30 df.
  const z = 1.959963984540054;
  const z3 = z * z * z;
  const z5 = z3 * z * z;
  const z7 = z5 * z * z;
  return z + (z3 + z) / (4 * k) + (5 * z5 + 16 * z3 + 3 * z) / (96 * k * k) + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * k * k * k);
}
